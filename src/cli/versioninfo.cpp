#include "versioninfo.h"

#include "sshlibrary.h"

#include <ksyntaxhighlighting_version.h>

namespace Baton {

QString versionText(const QString &program)
{
    const auto withBuild = [](const QString &runtime, const QString &build) {
        return runtime == build ? runtime : QStringLiteral("%1 (built with %2)").arg(runtime, build);
    };
    return QStringLiteral("%1 %2\nQt %3\nlibssh %4\nKSyntaxHighlighting %5\n")
        .arg(program,
             QStringLiteral(BATON_VERSION),
             withBuild(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
             withBuild(SshLibrary::runtimeVersion(), SshLibrary::buildVersion()),
             QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING));
}

} // namespace Baton
