#include "linediff.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty()) {
        lines.removeLast(); // a final newline ends the last line, it does not start another
    }
    return lines;
}

QString range(int start, int count)
{
    // as diff -u: "5" for one line, "4,0" for none (after line 4)
    if (count == 1) {
        return QString::number(start);
    }
    return QString::number(count == 0 ? start - 1 : start) + u',' + QString::number(count);
}

} // namespace

QList<LineDiff::Line> LineDiff::compute(const QStringList &left, const QStringList &right)
{
    QList<Line> out;
    qsizetype prefix = 0;
    while (prefix < left.size() && prefix < right.size() && left.at(prefix) == right.at(prefix)) {
        out.append({Line::Kind::Same, left.at(prefix), int(prefix + 1), int(prefix + 1)});
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < left.size() - prefix && suffix < right.size() - prefix &&
           left.at(left.size() - 1 - suffix) == right.at(right.size() - 1 - suffix)) {
        ++suffix;
    }
    const qsizetype n = left.size() - prefix - suffix;
    const qsizetype m = right.size() - prefix - suffix;
    const auto removed = [&](qsizetype i) {
        out.append({Line::Kind::Removed, left.at(prefix + i), int(prefix + i + 1), 0});
    };
    const auto added = [&](qsizetype j) {
        out.append({Line::Kind::Added, right.at(prefix + j), 0, int(prefix + j + 1)});
    };
    if (n * m > 4'000'000) {
        for (qsizetype i = 0; i < n; ++i) {
            removed(i);
        }
        for (qsizetype j = 0; j < m; ++j) {
            added(j);
        }
    } else {
        // lcs[i][j]: longest common subsequence of the middles from i and j on
        std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
        const auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                at(i, j) = left.at(prefix + i) == right.at(prefix + j) ? at(i + 1, j + 1) + 1
                                                                       : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && left.at(prefix + i) == right.at(prefix + j)) {
                out.append({Line::Kind::Same, left.at(prefix + i), int(prefix + i + 1), int(prefix + j + 1)});
                ++i;
                ++j;
            } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
                removed(i++);
            } else {
                added(j++);
            }
        }
    }
    for (qsizetype k = suffix; k > 0; --k) {
        out.append({Line::Kind::Same, left.at(left.size() - k), int(left.size() - k + 1), int(right.size() - k + 1)});
    }
    return out;
}

int LineDiff::changedLines(const QList<Line> &lines)
{
    return int(
        std::count_if(lines.cbegin(), lines.cend(), [](const Line &line) { return line.kind != Line::Kind::Same; }));
}

QString LineDiff::unified(
    const QString &leftName, const QString &rightName, const QString &left, const QString &right, int context)
{
    const QList<Line> lines = compute(splitLines(left), splitLines(right));
    if (changedLines(lines) == 0) {
        return {};
    }
    QString text = u"--- "_s + leftName + u"\n+++ "_s + rightName + u'\n';
    qsizetype i = 0;
    const qsizetype total = lines.size();
    while (i < total) {
        while (i < total && lines.at(i).kind == Line::Kind::Same) {
            ++i;
        }
        if (i >= total) {
            break;
        }
        // a hunk: from context lines before the change to context lines after the last change
        // that is at most 2 * context lines from the next
        const qsizetype start = std::max<qsizetype>(0, i - context);
        qsizetype end = i;
        qsizetype same = 0;
        for (qsizetype k = i; k < total; ++k) {
            if (lines.at(k).kind == Line::Kind::Same) {
                if (++same > 2 * context) {
                    break;
                }
            } else {
                same = 0;
                end = k;
            }
        }
        const qsizetype stop = std::min(total, end + 1 + context);
        int leftStart = 0, rightStart = 0, leftCount = 0, rightCount = 0;
        int leftBefore = 0, rightBefore = 0; // line numbers just before the hunk
        for (qsizetype k = 0; k < start; ++k) {
            leftBefore = lines.at(k).leftLine ? lines.at(k).leftLine : leftBefore;
            rightBefore = lines.at(k).rightLine ? lines.at(k).rightLine : rightBefore;
        }
        leftStart = leftBefore + 1;
        rightStart = rightBefore + 1;
        QString body;
        for (qsizetype k = start; k < stop; ++k) {
            const Line &line = lines.at(k);
            switch (line.kind) {
            case Line::Kind::Same:
                body += u' ' + line.text + u'\n';
                ++leftCount;
                ++rightCount;
                break;
            case Line::Kind::Removed:
                body += u'-' + line.text + u'\n';
                ++leftCount;
                break;
            case Line::Kind::Added:
                body += u'+' + line.text + u'\n';
                ++rightCount;
                break;
            }
        }
        text += u"@@ -"_s + range(leftStart, leftCount) + u" +"_s + range(rightStart, rightCount) + u" @@\n"_s + body;
        i = stop;
    }
    return text;
}

} // namespace Baton
