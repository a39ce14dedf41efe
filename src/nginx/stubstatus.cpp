#include "stubstatus.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace Baton {

namespace {

bool allDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

std::optional<qint64> parseCount(QStringView token, QStringView name, QString *error)
{
    if (token.isEmpty()) {
        *error = StubStatus::tr("%1 is missing").arg(name);
        return std::nullopt;
    }
    if (token.startsWith(u'-') && allDigits(token.mid(1))) {
        *error = StubStatus::tr("%1 is negative: %2").arg(name, token.left(40));
        return std::nullopt;
    }
    if (!allDigits(token)) {
        *error = StubStatus::tr("%1 is not a number: \"%2\"").arg(name, token.left(40));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = token.toLongLong(&ok);
    if (!ok) {
        *error = StubStatus::tr("%1 is too large: %2").arg(name, token.left(40));
        return std::nullopt;
    }
    return value;
}

// "LABEL: N" pairs, "Reading: 6 Writing: 179 Waiting: 106"
bool parseLabelled(QStringView line, std::initializer_list<std::pair<QStringView, qint64 *>> fields, QString *error)
{
    QStringView rest = line;
    for (const auto &[label, value] : fields) {
        rest = rest.trimmed();
        if (!rest.startsWith(label)) {
            *error = StubStatus::tr("expected \"%1\" in \"%2\"").arg(label, line.left(80));
            return false;
        }
        rest = rest.mid(label.size()).trimmed();
        const qsizetype space = rest.indexOf(u' ');
        const auto count = parseCount(space < 0 ? rest : rest.left(space), label.chopped(1), error);
        if (!count) {
            return false;
        }
        *value = *count;
        rest = space < 0 ? QStringView() : rest.mid(space);
    }
    if (!rest.trimmed().isEmpty()) {
        *error = StubStatus::tr("unexpected text after the counters in \"%1\"").arg(line.left(80));
        return false;
    }
    return true;
}

} // namespace

std::optional<StubStatus> StubStatus::parse(QStringView page, QString *error)
{
    if (page.trimmed().startsWith(u'<')) {
        static const QRegularExpression title(QStringLiteral("<title>([^<]*)</title>"),
                                              QRegularExpression::CaseInsensitiveOption);
        const auto match = title.matchView(page);
        *error = match.hasMatch()
            ? tr("an HTML page (\"%1\"), not a stub_status page").arg(match.capturedView(1).trimmed().left(80))
            : tr("an HTML page, not a stub_status page");
        return std::nullopt;
    }
    QList<QStringView> lines;
    for (QStringView line : page.split(u'\n')) {
        lines.append(line.trimmed());
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    if (lines.isEmpty()) {
        *error = tr("the stub_status page is empty");
        return std::nullopt;
    }
    StubStatus status;
    if (!lines.at(0).startsWith(u"Active connections:")) {
        *error =
            tr("not a stub_status page: it starts with \"%1\", not \"Active connections:\"").arg(lines.at(0).left(80));
        return std::nullopt;
    }
    if (!parseLabelled(lines.at(0), {{u"Active connections:", &status.active}}, error)) {
        return std::nullopt;
    }
    if (lines.size() < 4) {
        *error = tr("the stub_status page ends after line %1 of 4").arg(lines.size());
        return std::nullopt;
    }
    if (lines.size() > 4) {
        *error = tr("unexpected text after the stub_status counters: \"%1\"").arg(lines.at(4).left(80));
        return std::nullopt;
    }
    if (lines.at(1).split(u' ', Qt::SkipEmptyParts) !=
        QList<QStringView>{u"server", u"accepts", u"handled", u"requests"}) {
        *error = tr("expected \"server accepts handled requests\" on line 2, not \"%1\"").arg(lines.at(1).left(80));
        return std::nullopt;
    }
    const QList<QStringView> totals = lines.at(2).split(u' ', Qt::SkipEmptyParts);
    if (totals.size() != 3) {
        *error =
            tr("expected three numbers (accepts, handled, requests) on line 3, not \"%1\"").arg(lines.at(2).left(80));
        return std::nullopt;
    }
    const std::array<std::pair<QStringView, qint64 *>, 3> columns{
        {{u"accepts", &status.accepts}, {u"handled", &status.handled}, {u"requests", &status.requests}}};
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto count = parseCount(totals.at(qsizetype(i)), columns[i].first, error);
        if (!count) {
            return std::nullopt;
        }
        *columns[i].second = *count;
    }
    if (!parseLabelled(lines.at(3),
                       {{u"Reading:", &status.reading}, {u"Writing:", &status.writing}, {u"Waiting:", &status.waiting}},
                       error)) {
        return std::nullopt;
    }
    return status;
}

} // namespace Baton
