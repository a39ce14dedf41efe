#include "ansibleinventory.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

using Vars = QList<std::pair<QString, QString>>;

// What both formats read into: groups with their hosts, children and variables.
struct Model
{
    struct Group
    {
        QStringList hosts;
        QStringList children;
        Vars vars;
    };
    QStringList hostOrder;
    QHash<QString, Vars> hostVars;
    std::map<QString, Group> groups; ///< by name; "all" always present

    Group &group(const QString &name) { return groups[name]; }
    void addHost(const QString &group, const QString &host, const Vars &vars)
    {
        if (!hostOrder.contains(host)) {
            hostOrder.append(host);
        }
        Group &g = groups[group];
        if (!g.hosts.contains(host)) {
            g.hosts.append(host);
        }
        hostVars[host] += vars; // later ones win
    }
};

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) && value.endsWith(value.at(0))) {
        return value.mid(1, value.size() - 2);
    }
    return value;
}

bool truthy(const QString &value)
{
    static const QStringList yes{u"true"_s, u"yes"_s, u"on"_s, u"1"_s, u"y"_s};
    return yes.contains(value.trimmed().toLower());
}

// "a=1 b='x y'": INI host variables
Vars keyValues(const QString &text)
{
    Vars vars;
    static const QRegularExpression pair(uR"((\w+)=("[^"]*"|'[^']*'|\S*))"_s);
    auto matches = pair.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        vars.append({match.captured(1), unquote(match.captured(2))});
    }
    return vars;
}

bool parseIni(const QString &text, Model *model, QString *error)
{
    QString section = u"ungrouped"_s;
    QString kind; ///< "", "vars" or "children"
    int number = 0;
    for (QString line : text.split(u'\n')) {
        ++number;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) {
            continue;
        }
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                *error = AnsibleInventory::tr("line %1: a section header ends with ]").arg(number);
                return false;
            }
            const QString header = line.mid(1, line.size() - 2).trimmed();
            section = header.section(u':', 0, 0);
            kind = header.section(u':', 1);
            if (!kind.isEmpty() && kind != u"vars" && kind != u"children") {
                *error = AnsibleInventory::tr("line %1: unknown section kind \"%2\"").arg(number).arg(kind);
                return false;
            }
            model->group(section);
            continue;
        }
        if (kind == u"vars") {
            const qsizetype equals = line.indexOf(u'=');
            if (equals < 1) {
                *error = AnsibleInventory::tr("line %1: a group variable is NAME=VALUE").arg(number);
                return false;
            }
            model->group(section).vars.append({line.left(equals).trimmed(), unquote(line.mid(equals + 1))});
        } else if (kind == u"children") {
            model->group(section).children.append(line.section(QRegularExpression(u"\\s+"_s), 0, 0));
            model->group(line.section(QRegularExpression(u"\\s+"_s), 0, 0));
        } else {
            const QString pattern = line.section(QRegularExpression(u"\\s+"_s), 0, 0);
            Vars vars = keyValues(line.mid(pattern.size()));
            QString name = pattern;
            // "host:port" (not an IPv6 address, not a range)
            static const QRegularExpression withPort(uR"(^([^:\[\]]+):(\d+)$)"_s);
            if (const auto match = withPort.match(pattern); match.hasMatch()) {
                name = match.captured(1);
                vars.prepend({u"ansible_port"_s, match.captured(2)});
            }
            const QStringList hosts = AnsibleInventory::expandPattern(name, error);
            if (hosts.isEmpty()) {
                *error = AnsibleInventory::tr("line %1: %2").arg(number).arg(*error);
                return false;
            }
            for (const QString &host : hosts) {
                model->addHost(section, host, vars);
            }
        }
    }
    return true;
}

// --- a YAML subset: block mappings, scalars, flow mappings (what inventories use) ---

struct Node
{
    QString scalar;
    bool isMap = false;
    QList<std::pair<QString, Node>> entries;

    const Node *child(const QString &key) const
    {
        for (const auto &[name, node] : entries) {
            if (name == key) {
                return &node;
            }
        }
        return nullptr;
    }
};

struct YamlLine
{
    int indent = 0;
    QString key;
    QString value; ///< empty: a nested block (or null)
    int number = 0;
};

QString stripComment(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            }
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#' && (i == 0 || line.at(i - 1).isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

// "key: value" -> (key, value); the key may be quoted, the colon needs a space or the end after it
bool splitKey(const QString &text, QString *key, QString *value)
{
    qsizetype colon = -1;
    if (text.startsWith(u'"') || text.startsWith(u'\'')) {
        const qsizetype end = text.indexOf(text.at(0), 1);
        if (end < 0) {
            return false;
        }
        colon = text.indexOf(u':', end);
    } else {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u':' && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
                colon = i;
                break;
            }
        }
    }
    if (colon < 1) {
        return false;
    }
    *key = unquote(text.left(colon));
    *value = text.mid(colon + 1).trimmed();
    return true;
}

bool flowMapping(const QString &text, Node *node, QString *error)
{
    node->isMap = true;
    const QString inner = text.mid(1, text.size() - 2).trimmed();
    if (inner.isEmpty()) {
        return true;
    }
    for (const QString &part : inner.split(u',')) {
        QString key;
        QString value;
        if (!splitKey(part.trimmed() + (part.trimmed().contains(u": ") ? QString() : u" "_s), &key, &value)) {
            *error = AnsibleInventory::tr("cannot read \"%1\" in a {…} mapping").arg(part.trimmed());
            return false;
        }
        Node child;
        child.scalar = unquote(value);
        node->entries.append({key, child});
    }
    return true;
}

bool buildYaml(const QList<YamlLine> &lines, qsizetype *at, int indent, Node *node, QString *error)
{
    node->isMap = true;
    while (*at < lines.size()) {
        const YamlLine &line = lines.at(*at);
        if (line.indent < indent) {
            return true;
        }
        if (line.indent > indent) {
            *error = AnsibleInventory::tr("line %1: unexpected indentation").arg(line.number);
            return false;
        }
        ++*at;
        Node child;
        if (line.value.isEmpty()) {
            if (*at < lines.size() && lines.at(*at).indent > indent) {
                if (!buildYaml(lines, at, lines.at(*at).indent, &child, error)) {
                    return false;
                }
            }
        } else if (line.value.startsWith(u'{') && line.value.endsWith(u'}')) {
            if (!flowMapping(line.value, &child, error)) {
                *error = AnsibleInventory::tr("line %1: %2").arg(line.number).arg(*error);
                return false;
            }
        } else {
            child.scalar = unquote(line.value);
        }
        node->entries.append({line.key, child});
    }
    return true;
}

bool parseYamlTree(const QString &text, Node *root, QString *error)
{
    QList<YamlLine> lines;
    int number = 0;
    for (const QString &raw : text.split(u'\n')) {
        ++number;
        const QString line = stripComment(raw);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed == u"---" || trimmed == u"...") {
            continue;
        }
        if (line.contains(u'\t') && line.indexOf(u'\t') < line.indexOf(trimmed.at(0))) {
            *error = AnsibleInventory::tr("line %1: YAML indents with spaces, not tabs").arg(number);
            return false;
        }
        if (trimmed.startsWith(u"- ") || trimmed == u"-") {
            *error = AnsibleInventory::tr("line %1: a list where an inventory has mappings").arg(number);
            return false;
        }
        YamlLine entry;
        entry.indent = int(line.indexOf(trimmed.at(0)));
        entry.number = number;
        if (!splitKey(trimmed, &entry.key, &entry.value)) {
            *error = AnsibleInventory::tr("line %1: expected \"name:\" or \"name: value\"").arg(number);
            return false;
        }
        lines.append(entry);
    }
    qsizetype at = 0;
    return lines.isEmpty() || buildYaml(lines, &at, lines.constFirst().indent, root, error);
}

Vars varsOf(const Node *node)
{
    Vars vars;
    if (node) {
        for (const auto &[key, value] : node->entries) {
            vars.append({key, value.scalar});
        }
    }
    return vars;
}

bool readYamlGroup(const QString &name, const Node &group, Model *model, QString *error)
{
    model->group(name);
    if (const Node *hosts = group.child(u"hosts"_s)) {
        for (const auto &[pattern, vars] : hosts->entries) {
            const QStringList names = AnsibleInventory::expandPattern(pattern, error);
            if (names.isEmpty()) {
                return false;
            }
            for (const QString &host : names) {
                model->addHost(name, host, varsOf(&vars));
            }
        }
    }
    model->group(name).vars += varsOf(group.child(u"vars"_s));
    if (const Node *children = group.child(u"children"_s)) {
        for (const auto &[child, node] : children->entries) {
            if (!model->group(name).children.contains(child)) {
                model->group(name).children.append(child);
            }
            if (!readYamlGroup(child, node, model, error)) {
                return false;
            }
        }
    }
    return true;
}

bool parseYaml(const QString &text, Model *model, QString *error)
{
    Node root;
    if (!parseYamlTree(text, &root, error)) {
        return false;
    }
    for (const auto &[name, group] : root.entries) {
        if (!group.isMap && !group.scalar.isEmpty()) {
            *error = AnsibleInventory::tr("group %1 must be a mapping (hosts, vars, children)").arg(name);
            return false;
        }
        if (!readYamlGroup(name, group, model, error)) {
            return false;
        }
    }
    return true;
}

// Every group's distance from "all" (a child is deeper than its parent), for precedence.
QHash<QString, int> depths(const Model &model)
{
    QHash<QString, int> depth;
    for (const auto &[name, group] : model.groups) {
        depth.insert(name, name == u"all" ? 0 : 1);
    }
    // relax: a child is one deeper than its deepest parent (bounded: a loop stops growing)
    for (int round = 0; round < int(model.groups.size()); ++round) {
        bool changed = false;
        for (const auto &[name, group] : model.groups) {
            for (const QString &child : group.children) {
                if (depth.value(child) <= depth.value(name) && depth.value(name) < int(model.groups.size())) {
                    depth[child] = depth.value(name) + 1;
                    changed = true;
                }
            }
        }
        if (!changed) {
            break;
        }
    }
    return depth;
}

} // namespace

QStringList AnsibleInventory::expandPattern(const QString &pattern, QString *error)
{
    static const QRegularExpression range(uR"(\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?\])"_s);
    const auto match = range.match(pattern);
    if (!match.hasMatch()) {
        if (pattern.contains(u'[') || pattern.isEmpty()) {
            *error = tr("cannot read the host pattern \"%1\"").arg(pattern);
            return {};
        }
        return {pattern};
    }
    const QString from = match.captured(1);
    const QString to = match.captured(2);
    const int stride = match.captured(3).isEmpty() ? 1 : match.captured(3).toInt();
    const QString head = pattern.left(match.capturedStart());
    const QString tail = pattern.mid(match.capturedEnd());
    QStringList names;
    bool numeric = false;
    const int first = from.toInt(&numeric);
    const int last = to.toInt();
    if (numeric != (to.at(0).isDigit()) || stride < 1 ||
        (numeric ? last < first || last - first > 10000 : to.at(0) < from.at(0))) {
        *error = tr("cannot read the range in \"%1\"").arg(pattern);
        return {};
    }
    QStringList middles;
    if (numeric) {
        const int width = from.startsWith(u'0') && from.size() > 1 ? int(from.size()) : 0;
        for (int i = first; i <= last; i += stride) {
            middles.append(u"%1"_s.arg(i, width, 10, QChar(u'0')));
        }
    } else {
        for (char16_t c = from.at(0).unicode(); c <= to.at(0).unicode(); c += char16_t(stride)) {
            middles.append(QString(QChar(c)));
        }
    }
    for (const QString &middle : std::as_const(middles)) {
        const QStringList rest = expandPattern(head + middle + tail, error); // more ranges further on
        if (rest.isEmpty()) {
            return {};
        }
        names += rest;
    }
    return names;
}

std::optional<QList<HostEntry>> AnsibleInventory::parse(const QString &text, Format format, QString *error)
{
    if (format == Format::Auto) {
        // INI has [sections] or bare host lines; YAML has "name:" at the top
        static const QRegularExpression yamlTop(uR"(^(---|[A-Za-z0-9_.-]+:\s*(#.*)?$))"_s,
                                                QRegularExpression::MultilineOption);
        static const QRegularExpression iniSection(uR"(^\s*\[[^\]]+\]\s*$)"_s, QRegularExpression::MultilineOption);
        format = !iniSection.match(text).hasMatch() && yamlTop.match(text).hasMatch() ? Format::Yaml : Format::Ini;
    }
    Model model;
    model.group(u"all"_s);
    if (!(format == Format::Yaml ? parseYaml(text, &model, error) : parseIni(text, &model, error))) {
        return std::nullopt;
    }
    // parents of each group, then every group a host is in (transitively)
    QHash<QString, QStringList> parents;
    for (const auto &[name, group] : model.groups) {
        for (const QString &child : group.children) {
            parents[child].append(name);
        }
    }
    const QHash<QString, int> depth = depths(model);
    QList<HostEntry> hosts;
    for (const QString &name : std::as_const(model.hostOrder)) {
        QStringList groups;
        QStringList pending;
        for (const auto &[groupName, group] : model.groups) {
            if (group.hosts.contains(name)) {
                pending.append(groupName);
            }
        }
        while (!pending.isEmpty()) {
            const QString group = pending.takeFirst();
            if (groups.contains(group)) {
                continue;
            }
            groups.append(group);
            pending += parents.value(group);
        }
        // precedence: all, then groups from the shallowest to the deepest (by name at a
        // depth), then the host's own variables
        QStringList ordered = groups;
        ordered.removeAll(u"all"_s);
        std::sort(ordered.begin(), ordered.end(), [&depth](const QString &a, const QString &b) {
            return depth.value(a) != depth.value(b) ? depth.value(a) < depth.value(b) : a < b;
        });
        QHash<QString, QString> vars;
        const auto apply = [&vars](const Vars &list) {
            for (const auto &[key, value] : list) {
                vars.insert(key, value);
            }
        };
        apply(model.groups.at(u"all"_s).vars);
        for (const QString &group : std::as_const(ordered)) {
            apply(model.groups.at(group).vars);
        }
        apply(model.hostVars.value(name));

        HostEntry host;
        host.name = name;
        host.address = vars.value(u"ansible_host"_s, name);
        if (vars.contains(u"ansible_port"_s)) {
            bool ok = false;
            host.port = vars.value(u"ansible_port"_s).toInt(&ok);
            if (!ok || host.port < 1 || host.port > 65535) {
                *error = tr("host %1: ansible_port \"%2\" is not a port").arg(name, vars.value(u"ansible_port"_s));
                return std::nullopt;
            }
        }
        host.user = vars.value(u"ansible_user"_s);
        host.sudo = truthy(vars.value(u"ansible_become"_s));
        host.identityFile = vars.value(u"ansible_ssh_private_key_file"_s, vars.value(u"ansible_private_key_file"_s));
        ordered.removeAll(u"ungrouped"_s);
        host.groups = ordered;
        hosts.append(host);
    }
    return hosts;
}

std::optional<QList<HostEntry>> AnsibleInventory::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const Format format = suffix == u"yml" || suffix == u"yaml" ? Format::Yaml
        : suffix == u"ini"                                      ? Format::Ini
                                                                : Format::Auto;
    QString why;
    auto hosts = parse(QString::fromUtf8(file.readAll()), format, &why);
    if (!hosts) {
        *error = tr("%1: %2").arg(path, why);
    }
    return hosts;
}

} // namespace Baton
