#pragma once

#include "inventory.h"

#include <QStringList>
#include <QTemporaryDir>

#include <optional>

/**
 * @brief A lab for an integration test: brought up with `batonctl lab up` tied to the
 * test process (its hosts stop by themselves should the test crash) and brought down
 * when the fixture is destroyed.
 */
class LabFixture
{
public:
    LabFixture();
    ~LabFixture();

    /** @brief Why the lab cannot run here (for QSKIP), or empty. */
    static QString missingPrerequisite();

    /** @brief Brings up a lab of @p hosts hosts in a directory named @p name. */
    std::optional<Baton::Inventory> up(const QString &name, int hosts, const QStringList &extraArguments = {});

    /** @brief Brings down the lab named @p name; returns batonctl's exit code. */
    int down(const QString &name);

    /** @brief Brings down the lab named @p name with the fixture, however it was brought up. */
    void adopt(const QString &name);

    QString directory(const QString &name) const;
    QString lastError() const { return m_lastError; }
    QString lastOutput() const { return m_lastOutput; }

private:
    QTemporaryDir m_temp;
    QStringList m_labs;
    QString m_lastError;
    QString m_lastOutput;
};
