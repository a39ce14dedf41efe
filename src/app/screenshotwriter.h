#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>

namespace Baton {

/**
 * @brief Writes a PNG of a window once its data is loaded and drawn (`baton --screenshot`).
 *
 * Waits until the Fleet is settled (loaded, and each host probed once when polling), then for two more frames (so that
 * views have laid out the new rows), grabs the window and emits finished().
 */
class ScreenshotWriter : public QObject
{
    Q_OBJECT

public:
    ScreenshotWriter(QQuickWindow *window, const QString &fileName, QObject *parent = nullptr);

    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void onFrameSwapped();
    void grab();

    QPointer<QQuickWindow> m_window;
    QString m_fileName;
    QString m_errorString;
    int m_framesSinceLoaded = 0;
    bool m_done = false;
};

} // namespace Baton
