#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

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
