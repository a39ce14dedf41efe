#pragma once

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

/**
 * @brief Finds items of a real window by objectName and clicks them with the mouse, as a
 * user would: only visible, enabled items, popups included.
 */
namespace WindowClicker {

/** @brief The first visible, enabled item named @p name under @p item, or null. */
inline QQuickItem *findVisible(QQuickItem *item, const QString &name)
{
    if (!item->isVisible()) {
        return nullptr;
    }
    if (item->objectName() == name && item->isEnabled() && item->width() > 0) {
        return item;
    }
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findVisible(child, name)) {
            return found;
        }
    }
    return nullptr;
}

/** @brief Waits up to 20 s for the visible, enabled item named @p name, and clicks its centre. */
inline bool click(QQuickWindow *window, const QString &name)
{
    QQuickItem *target = nullptr;
    QQuickItem *root = window->contentItem();
    while (root->parentItem()) {
        root = root->parentItem(); // the popups' overlay is beside the content
    }
    const bool found = QTest::qWaitFor(
        [&] {
            target = findVisible(root, name);
            return target != nullptr;
        },
        20000);
    if (!found) {
        qWarning("no visible, enabled %s", qPrintable(name));
        return false;
    }
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
    return true;
}

} // namespace WindowClicker
