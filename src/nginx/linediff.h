#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Baton {

/** @brief A line-by-line difference of two texts, for the comparison views. */
class LineDiff
{
public:
    struct Line
    {
        enum class Kind { Same, Removed, Added };
        Kind kind = Kind::Same;
        QString text;
        int leftLine = 0; ///< 1-based line number in the left text, 0 for Added
        int rightLine = 0; ///< 1-based in the right text, 0 for Removed
    };

    /**
     * @brief The edit script turning @p left into @p right (a longest common subsequence,
     * after the common prefix and suffix). A middle part too large to compare cheaply
     * (over 4 million line pairs) is reported as removed, then added, whole.
     */
    static QList<Line> compute(const QStringList &left, const QStringList &right);
    /** @brief `diff -u` style text with @p context lines; empty when the texts are equal. */
    static QString unified(
        const QString &leftName, const QString &rightName, const QString &left, const QString &right, int context = 3);
    static int changedLines(const QList<Line> &lines);
};

} // namespace Baton
