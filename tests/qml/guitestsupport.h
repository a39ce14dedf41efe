#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QRegularExpression>
#include <QSet>

// Under the offscreen platform there is no OpenGL: Qt Graphs asks Qt for a GL context once,
// Qt says it could not make one, and Qt Quick draws with its software renderer. Those two
// lines belong to the test machine, not to Baton; every other warning is ours and fails.
namespace PlatformWarnings {

inline const QRegularExpression &noOpenGl()
{
    static const QRegularExpression pattern(QStringLiteral("^QRhiGles2: Failed to create (temporary )?context$"));
    return pattern;
}

/** @brief Matches any warning but the platform's own (for QTest::failOnWarning). */
inline QRegularExpression anyButPlatform()
{
    return QRegularExpression(QStringLiteral("^(?!QRhiGles2: Failed to create (temporary )?context$)"));
}

/** @brief @p output without the platform's lines. */
inline QByteArray withoutPlatformLines(const QByteArray &output)
{
    QByteArray kept;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty() && !noOpenGl().match(QString::fromUtf8(line)).hasMatch()) {
            kept += line + '\n';
        }
    }
    return kept;
}

} // namespace PlatformWarnings

namespace Screenshot {

/** @brief How many colours a grid of every 4th pixel of @p image holds: a blank or
 * half-drawn frame has few, a page with rows and text many. */
inline int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            colours.insert(image.pixel(x, y));
        }
    }
    return int(colours.size());
}

} // namespace Screenshot
