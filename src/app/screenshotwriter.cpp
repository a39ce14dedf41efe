#include "screenshotwriter.h"

#include "fleet.h"

#include <QImage>
#include <QTimer>

namespace Baton {

ScreenshotWriter::ScreenshotWriter(QQuickWindow *window, const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_fileName(fileName)
{
    // frameSwapped comes from the render thread: handle it on ours.
    connect(window, &QQuickWindow::frameSwapped, this, &ScreenshotWriter::onFrameSwapped, Qt::QueuedConnection);
    if (Fleet::instance()) {
        // settling may change nothing on screen: ask for a frame anyway
        connect(Fleet::instance(), &Fleet::settledChanged, window, &QQuickWindow::update);
    }
    window->update();
}

void ScreenshotWriter::onFrameSwapped()
{
    // and the configurations a comparison reads are in
    if (m_done || !Fleet::instance() || !Fleet::instance()->isSettled() ||
        Fleet::instance()->comparison()->loading() > 0) {
        return;
    }
    if (++m_framesSinceLoaded < 3) {
        m_window->update();
        return;
    }
    m_done = true;
    QTimer::singleShot(0, this, &ScreenshotWriter::grab);
}

void ScreenshotWriter::grab()
{
    const QImage image = m_window ? m_window->grabWindow() : QImage();
    bool ok = !image.isNull() && image.save(m_fileName, "PNG");
    if (!ok) {
        m_errorString = image.isNull() ? tr("the window could not be captured")
                                       : tr("cannot write the screenshot to %1").arg(m_fileName);
    }
    Q_EMIT finished(ok);
}

} // namespace Baton
