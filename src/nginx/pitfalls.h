#pragma once

#include "phase.h"
#include "proberecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Baton {

/** @brief Something a careful operator checks before (or while) upgrading a host. */
struct Pitfall
{
    enum class Severity {
        Warning, ///< worth knowing; the upgrade can go on
        Blocker, ///< a binary upgrade cannot work, or must not start now
    };

    Severity severity = Severity::Warning;
    QString code; ///< stable identifier, e.g. "upgrade-in-progress"
    QString message; ///< a sentence for the user

    bool operator==(const Pitfall &) const = default;
};

/** @brief Finds the pitfalls DESIGN.md §1 lists in one probe record. */
class Pitfalls
{
    Q_DECLARE_TR_FUNCTIONS(Pitfalls)

public:
    /** @brief The pitfalls of @p instance, whose phase is @p state. */
    static QList<Pitfall> detect(const ProbeRecord &record, const ProbeInstance &instance, const PhaseState &state);
    /** @brief The pitfalls of the record's selected instance (ProbeRecord::selectedInstance). */
    static QList<Pitfall> detect(const ProbeRecord &record, const PhaseState &state);
    static bool hasBlocker(const QList<Pitfall> &pitfalls);
};

} // namespace Baton
