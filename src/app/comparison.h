#pragma once

#include "backgroundjobs.h"

#include <QAbstractListModel>
#include <QHash>
#include <QObject>
#include <QQmlEngine>

namespace Baton {

class Fleet;

/**
 * @brief The Compare page (`Fleet.comparison`): two or more hosts in columns, one row per
 * fact (version, build, each configure argument, modules, workers, phase, sums), rows whose
 * values differ marked; and a diff of two hosts' `nginx -T`.
 */
class Comparison : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Comparison is provided by Fleet.comparison")
    Q_PROPERTY(QStringList hosts READ hosts NOTIFY hostsChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int differences READ differences NOTIFY countChanged)
    /// configurations still being read
    Q_PROPERTY(int loading READ loading NOTIFY configsChanged)
    /// the diff of the configurations of hosts[left] and hosts[right] (`diff -u`), "" when equal
    Q_PROPERTY(QString configDiff READ configDiff NOTIFY configsChanged)
    Q_PROPERTY(int left READ left WRITE setLeft NOTIFY configsChanged)
    Q_PROPERTY(int right READ right WRITE setRight NOTIFY configsChanged)
    Q_PROPERTY(QString configError READ configError NOTIFY configsChanged)

public:
    /** @brief Data roles; each is also the QML name in roleNames(). */
    enum Role {
        LabelRole = Qt::UserRole + 1, ///< "label": what the row shows ("version", "--with-http_ssl_module")
        SectionRole, ///< "section": "host", "build", "arguments", "configuration"
        ValuesRole, ///< "values": QStringList, one per host ("" when the host lacks it)
        DiffersRole, ///< "differs": not every host has the same value
    };
    Q_ENUM(Role)

    explicit Comparison(Fleet *fleet);
    ~Comparison() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList hosts() const { return m_hosts; }
    int count() const { return int(m_rows.size()); }
    int differences() const;
    int loading() const { return m_loading; }
    QString configDiff() const;
    int left() const { return m_left; }
    void setLeft(int left);
    int right() const { return m_right; }
    void setRight(int right);
    QString configError() const;

    /** @brief Compares @p hosts (2 or more) from their last probes, and reads their configurations. */
    Q_INVOKABLE void compare(const QStringList &hosts);
    /** @brief Rebuilds the rows from the latest probes (Fleet calls it as they come in). */
    void refresh();

Q_SIGNALS:
    void hostsChanged();
    void countChanged();
    void configsChanged();

private:
    struct Row
    {
        QString label;
        QString section;
        QStringList values;
        bool differs = false;
    };

    Fleet *m_fleet;
    QStringList m_hosts;
    QList<Row> m_rows;
    QHash<QString, QString> m_configs; ///< host -> nginx -T
    QHash<QString, QString> m_configErrors;
    int m_loading = 0;
    int m_left = 0;
    int m_right = 1;
    int m_generation = 0;
    BackgroundJobs m_jobs;
};

} // namespace Baton
