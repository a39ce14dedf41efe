#pragma once

#include "proberecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Baton {

/** @brief Where a host stands in the hot binary upgrade (DESIGN.md §2). */
enum class Phase {
    Stopped, ///< no master
    Running, ///< one master with workers, no .oldbin
    Spawned, ///< old master (in .oldbin) and its new child master, both with workers
    Draining, ///< as Spawned, but every old worker is shutting down
    Parked, ///< old master without workers, new master with workers
    Abnormal, ///< anything else; PhaseState::reason says what
};

QString phaseName(Phase phase);

/**
 * @brief The phase of one nginx instance, derived from one probe record and nothing else:
 * never from what Baton last did.
 */
struct PhaseState
{
    Q_DECLARE_TR_FUNCTIONS(PhaseState)

public:
    Phase phase = Phase::Abnormal;
    QString reason; ///< for Abnormal: what is wrong, in a sentence
    std::optional<NginxProcess> master; ///< the master the pid file names (the new one during an upgrade)
    std::optional<NginxProcess> oldMaster; ///< the master .oldbin names
    QList<NginxProcess> workers; ///< the master's
    QList<NginxProcess> oldWorkers; ///< the old master's

    /** @brief Derives the phase of the record's selected instance (ProbeRecord::selectedInstance):
     * abnormal when several run and none is pinned. */
    static PhaseState derive(const ProbeRecord &record);
    /** @brief Derives the phase of one instance; without a pid file, from the process table
     * alone (`pid off`). */
    static PhaseState derive(const ProbeRecord &record, const ProbeInstance &instance);
};

} // namespace Baton
