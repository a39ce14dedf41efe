#pragma once

#include <QFile>
#include <QString>

// The probe records captured on the lab at every phase (tests/data/probe, see
// tests/data/README.md), for the tests that read them.

/** @brief The text of the captured record @p name; a missing one ends the test run. */
inline QString probeFixture(const QString &name)
{
    QFile file(QStringLiteral(BATON_TEST_DATA "/probe/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return QString::fromUtf8(file.readAll());
}

/** @brief The snapshot (Baton::HostSnapshot) the captured record @p name gives; one that
 * does not parse ends the test run. A template, so that tests of the pure layers need not
 * link the engine. */
template<typename Snapshot>
Snapshot probeSnapshot(const QString &name)
{
    Snapshot snapshot = Snapshot::fromProbe(probeFixture(name));
    if (!snapshot.ok()) {
        qFatal("%s: %s", qPrintable(name), qPrintable(snapshot.error));
    }
    return snapshot;
}
