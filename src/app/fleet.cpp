#include "fleet.h"

namespace Baton {

namespace {
Fleet *s_instance = nullptr;
}

Fleet::Fleet(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT_X(!s_instance, "Fleet", "there is one Fleet per process");
    s_instance = this;
}

Fleet::~Fleet()
{
    s_instance = nullptr;
}

Fleet *Fleet::instance()
{
    return s_instance;
}

Fleet *Fleet::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine);
    Q_ASSERT_X(s_instance, "Fleet::create", "create the Fleet before loading QML");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine);
    return s_instance;
}

bool Fleet::loadInventory(const QString &path)
{
    QString error;
    const auto inventory = Inventory::load(path, &error);
    if (!inventory) {
        setErrorString(error);
        setLoaded();
        return false;
    }
    m_inventoryPath = path;
    m_inventoryName = inventory->name;
    m_hosts.setHosts(inventory->hosts);
    Q_EMIT inventoryChanged();
    setErrorString({});
    setLoaded();
    return true;
}

void Fleet::setNoInventory()
{
    setLoaded();
}

void Fleet::setErrorString(const QString &error)
{
    if (m_errorString == error) {
        return;
    }
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void Fleet::setLoaded()
{
    if (m_loaded) {
        return;
    }
    m_loaded = true;
    Q_EMIT loadedChanged();
}

} // namespace Baton
