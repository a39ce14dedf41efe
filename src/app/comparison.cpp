#include "comparison.h"

#include "fleet.h"
#include "hostconfiguration.h"
#include "linediff.h"
#include "nginxbuild.h"
#include "remotehost.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Baton {

Comparison::Comparison(Fleet *fleet)
    : QAbstractListModel(fleet)
    , m_fleet(fleet)
{
}

Comparison::~Comparison() = default;

int Comparison::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant Comparison::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case SectionRole:
        return row.section;
    case ValuesRole:
        return row.values;
    case DiffersRole:
        return row.differs;
    default:
        return {};
    }
}

QHash<int, QByteArray> Comparison::roleNames() const
{
    return {{LabelRole, "label"}, {SectionRole, "section"}, {ValuesRole, "values"}, {DiffersRole, "differs"}};
}

int Comparison::differences() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.differs; }));
}

void Comparison::setLeft(int left)
{
    if (m_left != left && left >= 0 && left < m_hosts.size()) {
        m_left = left;
        Q_EMIT configsChanged();
    }
}

void Comparison::setRight(int right)
{
    if (m_right != right && right >= 0 && right < m_hosts.size()) {
        m_right = right;
        Q_EMIT configsChanged();
    }
}

QString Comparison::configDiff() const
{
    if (m_left >= m_hosts.size() || m_right >= m_hosts.size()) {
        return {};
    }
    const QString a = m_hosts.at(m_left);
    const QString b = m_hosts.at(m_right);
    if (!m_configs.contains(a) || !m_configs.contains(b)) {
        return {};
    }
    return LineDiff::unified(a, b, m_configs.value(a), m_configs.value(b));
}

QString Comparison::configError() const
{
    QStringList errors;
    for (const QString &host : m_hosts) {
        if (m_configErrors.contains(host)) {
            errors.append(host + u": "_s + m_configErrors.value(host));
        }
    }
    return errors.join(u'\n');
}

void Comparison::compare(const QStringList &hosts)
{
    ++m_generation;
    m_hosts = hosts;
    m_configs.clear();
    m_configErrors.clear();
    m_left = 0;
    m_right = hosts.size() > 1 ? 1 : 0;
    m_loading = 0;
    Q_EMIT hostsChanged();
    refresh();
    for (const QString &name : hosts) {
        const std::optional<HostEntry> entry = m_fleet->entry(name);
        const HostSnapshot *snapshot = m_fleet->latestSnapshot(name);
        if (!entry || !snapshot) {
            m_configErrors.insert(name, tr("not probed yet"));
            continue;
        }
        ++m_loading;
        m_jobs.start(
            [this, generation = m_generation, host = *entry, snapshot = *snapshot, prompter = m_fleet->prompter()] {
                SshRemoteHost remote(host.sshConfig(), prompter);
                QString error;
                const std::optional<QString> text = HostConfiguration::read(host, snapshot, &remote, &error);
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, name = host.name, text, error] {
                        if (generation != m_generation) {
                            return;
                        }
                        --m_loading;
                        if (text) {
                            m_configs.insert(name, *text);
                        } else {
                            m_configErrors.insert(name, error);
                        }
                        refresh();
                        Q_EMIT configsChanged();
                    },
                    Qt::QueuedConnection);
            });
    }
    Q_EMIT configsChanged();
}

void Comparison::refresh()
{
    QList<Row> rows;
    const auto add = [&rows](const QString &section, const QString &label, const QStringList &values) {
        Row row{label, section, values, false};
        for (const QString &value : values) {
            row.differs = row.differs || value != values.constFirst();
        }
        rows.append(row);
    };
    QList<std::optional<NginxBuild>> builds;
    QStringList phases, versions, compilers, openssl, workers, running, disk, configs, staticModules, dynamicModules;
    QStringList argumentNames;
    for (const QString &host : std::as_const(m_hosts)) {
        const HostSnapshot *live = m_fleet->latestSnapshot(host);
        const HostSnapshot *full = m_fleet->latestFullSnapshot(host);
        phases.append(live ? (live->ok() ? phaseName(live->phase()) : live->error) : QString());
        workers.append(live && live->ok() ? QString::number(live->state.workers.size()) : QString());
        std::optional<NginxBuild> build;
        if (full && full->state.master) {
            const qint64 pid = full->state.master->pid;
            QString error;
            build = NginxBuild::parse(full->record.builds.value(pid).join(u'\n'), &error);
            running.append(full->record.executableSha256.value(pid));
            disk.append(full->record.binarySha256);
        } else {
            running.append(QString());
            disk.append(QString());
        }
        builds.append(build);
        versions.append(build ? build->version.toString() : QString());
        compilers.append(build ? build->compiler : QString());
        openssl.append(build ? build->opensslRunning.isEmpty() ? build->opensslBuilt : build->opensslRunning
                             : QString());
        staticModules.append(build ? build->staticModules().join(u", "_s) : QString());
        dynamicModules.append(build ? build->dynamicModules().join(u", "_s) : QString());
        configs.append(
            m_configs.contains(host)
                ? QString::fromLatin1(
                      QCryptographicHash::hash(m_configs.value(host).toUtf8(), QCryptographicHash::Sha256).toHex())
                : QString());
        if (build) {
            for (const QString &argument : build->configureArguments) {
                const QString name = argument.section(u'=', 0, 0);
                if (!argumentNames.contains(name)) {
                    argumentNames.append(name);
                }
            }
        }
    }
    add(u"host"_s, tr("Phase"), phases);
    add(u"host"_s, tr("Workers"), workers);
    add(u"build"_s, tr("Version"), versions);
    add(u"build"_s, tr("Compiler"), compilers);
    add(u"build"_s, tr("OpenSSL"), openssl);
    add(u"build"_s, tr("Binary sha256 (running)"), running);
    add(u"build"_s, tr("Binary sha256 (on disk)"), disk);
    add(u"build"_s, tr("Modules compiled in"), staticModules);
    add(u"build"_s, tr("Dynamic modules"), dynamicModules);
    add(u"configuration"_s, tr("Configuration sha256 (nginx -T)"), configs);
    for (const QString &name : std::as_const(argumentNames)) {
        QStringList values;
        for (const std::optional<NginxBuild> &build : std::as_const(builds)) {
            QString value;
            if (build) {
                for (const QString &argument : build->configureArguments) {
                    if (argument.section(u'=', 0, 0) == name) {
                        value = argument.contains(u'=') ? argument.section(u'=', 1) : u"✓"_s;
                    }
                }
            }
            values.append(value);
        }
        add(u"arguments"_s, name, values);
    }
    const bool countChanges = rows.size() != m_rows.size();
    if (!countChanges) {
        m_rows = rows;
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        }
        Q_EMIT countChanged(); // differences may have changed
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace Baton
