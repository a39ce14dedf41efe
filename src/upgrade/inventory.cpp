#include "inventory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

namespace Baton {

namespace {

QString absolutePath(const QString &path, const QDir &base)
{
    if (path.isEmpty()) {
        return path;
    }
    return QDir::cleanPath(base.absoluteFilePath(path));
}

bool readString(const QJsonObject &object, QLatin1StringView key, QString *out, QString *error, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return true;
    }
    if (!value.isString()) {
        *error = Inventory::tr("%1: \"%2\" must be a string").arg(where, key);
        return false;
    }
    *out = value.toString();
    return true;
}

bool readHost(const QJsonValue &value, int index, const QDir &base, HostEntry *host, QString *error)
{
    QString where = Inventory::tr("host %1").arg(index + 1);
    if (!value.isObject()) {
        *error = Inventory::tr("%1: must be an object").arg(where);
        return false;
    }
    const QJsonObject object = value.toObject();
    if (!readString(object, QLatin1StringView("name"), &host->name, error, where)) {
        return false;
    }
    if (host->name.trimmed().isEmpty()) {
        *error = Inventory::tr("%1: \"name\" is missing").arg(where);
        return false;
    }
    where = Inventory::tr("host %1 (\"%2\")").arg(index + 1).arg(host->name);
    const std::initializer_list<std::pair<const char *, QString *>> strings = {
        {"address", &host->address},
        {"user", &host->user},
        {"identityFile", &host->identityFile},
        {"knownHostsFile", &host->knownHostsFile},
    };
    for (const auto &[key, target] : strings) {
        if (!readString(object, QLatin1StringView(key), target, error, where)) {
            return false;
        }
    }
    if (!readString(object, QLatin1StringView("stagingDirectory"), &host->stagingDirectory, error, where)) {
        return false;
    }
    if (!host->stagingDirectory.isEmpty() && !host->stagingDirectory.startsWith(u'/') &&
        !host->stagingDirectory.startsWith(u"~/")) {
        *error = Inventory::tr("%1: \"stagingDirectory\" must be an absolute path or start with ~/").arg(where);
        return false;
    }
    if (host->address.trimmed().isEmpty()) {
        *error = Inventory::tr("%1: \"address\" is missing").arg(where);
        return false;
    }
    if (object.contains(QLatin1StringView("port"))) {
        const QJsonValue port = object.value(QLatin1StringView("port"));
        const double number = port.toDouble(-1);
        if (!port.isDouble() || number != int(number) || number < 1 || number > 65535) {
            *error = Inventory::tr("%1: \"port\" must be a whole number from 1 to 65535").arg(where);
            return false;
        }
        host->port = int(number);
    }
    if (object.contains(QLatin1StringView("httpPort"))) {
        host->httpPort = object.value(QLatin1StringView("httpPort")).toInt(0);
    }
    host->sudo = object.value(QLatin1StringView("sudo")).toBool(false);
    for (const QJsonValue group : object.value(QLatin1StringView("groups")).toArray()) {
        host->groups.append(group.toString());
    }
    const QJsonObject nginx = object.value(QLatin1StringView("nginx")).toObject();
    const std::initializer_list<std::pair<const char *, QString *>> paths = {
        {"binary", &host->nginx.binary},
        {"pidFile", &host->nginx.pidFile},
        {"prefix", &host->nginx.prefix},
        {"configFile", &host->nginx.configFile},
        {"targetBinary", &host->nginx.targetBinary},
    };
    for (const auto &[key, target] : paths) {
        if (!readString(nginx, QLatin1StringView(key), target, error, where + QStringLiteral(" nginx"))) {
            return false;
        }
    }
    // Key files live on this machine: resolve them. nginx paths are paths on the host.
    host->identityFile = absolutePath(host->identityFile, base);
    host->knownHostsFile = absolutePath(host->knownHostsFile, base);
    return true;
}

} // namespace

SshHostConfig HostEntry::sshConfig() const
{
    SshHostConfig config;
    config.host = address;
    config.port = port;
    config.user = user;
    if (!identityFile.isEmpty()) {
        config.identityFiles = {identityFile};
    }
    config.knownHostsFile = knownHostsFile;
    return config;
}

std::optional<Inventory> Inventory::fromJson(const QByteArray &json, const QString &baseDirectory, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = tr("the top level must be a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const int version = root.value(QLatin1StringView("version")).toInt(0);
    if (version != FormatVersion) {
        *error = tr("unsupported inventory version %1 (this Baton reads version %2)").arg(version).arg(FormatVersion);
        return std::nullopt;
    }
    const QDir base(baseDirectory);
    Inventory inventory;
    inventory.name = root.value(QLatin1StringView("name")).toString();
    inventory.knownHostsFile = absolutePath(root.value(QLatin1StringView("knownHostsFile")).toString(), base);
    const QJsonValue hosts = root.value(QLatin1StringView("hosts"));
    if (!hosts.isUndefined() && !hosts.isArray()) {
        *error = tr("\"hosts\" must be an array");
        return std::nullopt;
    }
    QSet<QString> names;
    const QJsonArray hostArray = hosts.toArray();
    for (qsizetype i = 0; i < hostArray.size(); ++i) {
        HostEntry host;
        if (!readHost(hostArray.at(i), int(i), base, &host, error)) {
            return std::nullopt;
        }
        if (names.contains(host.name)) {
            *error = tr("host %1: the name \"%2\" is used twice; host names must be unique").arg(i + 1).arg(host.name);
            return std::nullopt;
        }
        names.insert(host.name);
        if (host.knownHostsFile.isEmpty()) {
            host.knownHostsFile = inventory.knownHostsFile;
        }
        inventory.hosts.append(host);
    }
    if (root.contains(QLatin1StringView("lab"))) {
        const QJsonObject lab = root.value(QLatin1StringView("lab")).toObject();
        LabInfo info;
        info.directory = absolutePath(lab.value(QLatin1StringView("directory")).toString(), base);
        info.pidNamespaces = lab.value(QLatin1StringView("pidNamespaces")).toBool();
        info.sudoUser = lab.value(QLatin1StringView("sudoUser")).toString();
        info.sudoPasswordFile = absolutePath(lab.value(QLatin1StringView("sudoPasswordFile")).toString(), base);
        info.sudoNoPasswordUser = lab.value(QLatin1StringView("sudoNoPasswordUser")).toString();
        info.oldVersion = lab.value(QLatin1StringView("oldVersion")).toString();
        info.newVersion = lab.value(QLatin1StringView("newVersion")).toString();
        inventory.lab = info;
    }
    return inventory;
}

QString Inventory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        QStringLiteral("/baton/inventory.json");
}

QString Inventory::defaultInUse()
{
    const QString fromEnvironment = qEnvironmentVariable("BATON_INVENTORY");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString path = defaultPath();
    return QFile::exists(path) ? path : QString();
}

std::optional<Inventory> Inventory::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the inventory %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString reason;
    auto inventory = fromJson(file.readAll(), QFileInfo(path).absolutePath(), &reason);
    if (!inventory) {
        *error = tr("inventory %1: %2").arg(path, reason);
    }
    return inventory;
}

QByteArray Inventory::toJson() const
{
    QJsonArray hostArray;
    for (const HostEntry &host : hosts) {
        QJsonObject object{{QStringLiteral("name"), host.name}, {QStringLiteral("address"), host.address}};
        if (host.port > 0) {
            object.insert(QStringLiteral("port"), host.port);
        }
        const auto putString = [&object](const char *key, const QString &value) {
            if (!value.isEmpty()) {
                object.insert(QLatin1StringView(key), value);
            }
        };
        putString("user", host.user);
        putString("identityFile", host.identityFile);
        if (host.knownHostsFile != knownHostsFile) {
            putString("knownHostsFile", host.knownHostsFile);
        }
        if (!host.groups.isEmpty()) {
            object.insert(QStringLiteral("groups"), QJsonArray::fromStringList(host.groups));
        }
        if (host.sudo) {
            object.insert(QStringLiteral("sudo"), true);
        }
        if (host.httpPort > 0) {
            object.insert(QStringLiteral("httpPort"), host.httpPort);
        }
        putString("stagingDirectory", host.stagingDirectory);
        QJsonObject nginx;
        const std::initializer_list<std::pair<const char *, const QString *>> paths = {
            {"binary", &host.nginx.binary},
            {"pidFile", &host.nginx.pidFile},
            {"prefix", &host.nginx.prefix},
            {"configFile", &host.nginx.configFile},
            {"targetBinary", &host.nginx.targetBinary},
        };
        for (const auto &[key, value] : paths) {
            if (!value->isEmpty()) {
                nginx.insert(QLatin1StringView(key), *value);
            }
        }
        if (!nginx.isEmpty()) {
            object.insert(QStringLiteral("nginx"), nginx);
        }
        hostArray.append(object);
    }
    QJsonObject root{{QStringLiteral("version"), FormatVersion}, {QStringLiteral("hosts"), hostArray}};
    if (!name.isEmpty()) {
        root.insert(QStringLiteral("name"), name);
    }
    if (!knownHostsFile.isEmpty()) {
        root.insert(QStringLiteral("knownHostsFile"), knownHostsFile);
    }
    if (lab) {
        root.insert(QStringLiteral("lab"),
                    QJsonObject{{QStringLiteral("directory"), lab->directory},
                                {QStringLiteral("pidNamespaces"), lab->pidNamespaces},
                                {QStringLiteral("sudoUser"), lab->sudoUser},
                                {QStringLiteral("sudoPasswordFile"), lab->sudoPasswordFile},
                                {QStringLiteral("sudoNoPasswordUser"), lab->sudoNoPasswordUser},
                                {QStringLiteral("oldVersion"), lab->oldVersion},
                                {QStringLiteral("newVersion"), lab->newVersion}});
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Inventory::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        *error = tr("cannot write the inventory %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Baton
