#include "shellquote.h"

namespace Baton {

static bool isPlainShellChar(QChar c)
{
    if (c.unicode() >= 0x80) {
        return false;
    }
    return c.isLetterOrNumber() || QStringView(u"@%+=:,./_-").contains(c);
}

QString shellQuote(QStringView value)
{
    if (!value.isEmpty() && std::all_of(value.begin(), value.end(), isPlainShellChar)) {
        return value.toString();
    }
    QString quoted;
    quoted.reserve(value.size() + 2);
    quoted += u'\'';
    for (const QChar c : value) {
        if (c == u'\'') {
            quoted += u"'\\''";
        } else {
            quoted += c;
        }
    }
    quoted += u'\'';
    return quoted;
}

QString shellJoin(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words) {
        quoted.append(shellQuote(word));
    }
    return quoted.join(u' ');
}

} // namespace Baton
