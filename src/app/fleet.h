#pragma once

#include "hostfiltermodel.h"
#include "hostlistmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QSet>

#include <memory>

namespace Baton {

class FleetMonitor;

/**
 * @brief The facade QML talks to: the inventory in use and its hosts.
 *
 * One instance, owned by C++ (the application creates it before the QML engine); QML
 * reaches it as the singleton `Fleet` of module Baton.Core.
 */
class Fleet : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Baton::HostListModel *hosts READ hosts CONSTANT)
    /// The hosts the fleet page shows: hosts, searched and filtered
    Q_PROPERTY(Baton::HostFilterModel *visibleHosts READ visibleHosts CONSTANT)
    Q_PROPERTY(QString inventoryPath READ inventoryPath NOTIFY inventoryChanged)
    Q_PROPERTY(QString inventoryName READ inventoryName NOTIFY inventoryChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Live status: every host probed over one kept connection, fast while it changes
    /// (FleetMonitor). Off until the application turns it on.
    Q_PROPERTY(bool polling READ isPolling WRITE setPolling NOTIFY pollingChanged)
    /// Loaded, and (when polling) every host has answered or failed once.
    Q_PROPERTY(bool settled READ isSettled NOTIFY settledChanged)

public:
    // No default argument: QML must use create(), never construct a second Fleet.
    explicit Fleet(QObject *parent);
    ~Fleet() override;

    static Fleet *instance();
    static Fleet *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    HostListModel *hosts() { return &m_hosts; }
    HostFilterModel *visibleHosts() { return &m_visibleHosts; }
    QString inventoryPath() const { return m_inventoryPath; }
    QString inventoryName() const { return m_inventoryName; }
    bool isLoaded() const { return m_loaded; }
    QString errorString() const { return m_errorString; }
    bool isPolling() const { return m_polling; }
    void setPolling(bool polling);
    bool isSettled() const { return m_loaded && (!m_monitor || m_answered.size() >= m_entries.size()); }

    /** @brief Reads the inventory at @p path; on failure keeps the hosts it had and sets errorString. */
    Q_INVOKABLE bool loadInventory(const QString &path);

    /** @brief Marks the fleet as loaded with no inventory (nothing to read). */
    void setNoInventory();

Q_SIGNALS:
    void inventoryChanged();
    void loadedChanged();
    void errorStringChanged();
    void pollingChanged();
    void settledChanged();

private:
    void setErrorString(const QString &error);
    void setLoaded();
    void restartMonitor();

    HostListModel m_hosts;
    HostFilterModel m_visibleHosts;
    QString m_inventoryPath;
    QString m_inventoryName;
    QString m_errorString;
    bool m_loaded = false;
    bool m_polling = false;
    QList<HostEntry> m_entries;
    std::unique_ptr<FleetMonitor> m_monitor;
    QSet<QString> m_answered; ///< hosts whose first probe came back
};

} // namespace Baton
