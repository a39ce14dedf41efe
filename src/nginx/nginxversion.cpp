#include "nginxversion.h"

#include <QRegularExpression>

namespace Baton {

std::optional<NginxVersion> NginxVersion::parse(QStringView output)
{
    static const QRegularExpression line(QStringLiteral(R"(^nginx version: ([A-Za-z][\w.-]*)/(\d+(?:\.\d+)*))"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.matchView(output);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    NginxVersion result;
    result.product = match.captured(1);
    result.version = QVersionNumber::fromString(match.capturedView(2));
    if (result.version.isNull()) {
        return std::nullopt;
    }
    return result;
}

QString NginxVersion::toString() const
{
    return product + u'/' + version.toString();
}

} // namespace Baton
