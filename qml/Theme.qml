pragma Singleton

import QtQuick
import Baton.Core

// Sizes and colours shared by the pages and components.
QtObject {
    readonly property int hostWidth: 200
    readonly property int sshWidth: 220
    readonly property int connectionWidth: 130
    readonly property int workersWidth: 150
    readonly property int columnSpacing: 16
    readonly property int sidePadding: 12

    // the palette follows Settings.theme through the colour scheme
    readonly property bool dark: Settings.dark
    readonly property color neutral: "#9aa0a6"
    readonly property color pending: dark ? "#fdd663" : "#b06000"
    readonly property color good: dark ? "#81c995" : "#1e8e3e"
    readonly property color bad: dark ? "#f28b82" : "#d93025"
    readonly property color oldGeneration: dark ? "#aecbfa" : "#5f6368"
    readonly property color newGeneration: dark ? "#81c995" : "#1a73e8"
    readonly property color added: dark ? "#1e3a2a" : "#e6f4ea"
    readonly property color changed: dark ? "#4a3b12" : "#fef7e0"

    // a derived phase as the user reads it; "changing": a short abnormal moment between two
    // phases (nginx renames its pid file before the new master writes its own)
    readonly property var phaseNames: ({
            "stopped": qsTr("stopped"),
            "running": qsTr("running"),
            "spawned": qsTr("spawned"),
            "draining": qsTr("draining"),
            "parked": qsTr("parked"),
            "abnormal": qsTr("abnormal"),
            "changing": qsTr("changing")
        })

    function phaseName(phase: string): string {
        return phaseNames[phase] ?? phase;
    }

    function phaseTone(phase: string): color {
        return phase === "running" ? good : phase === "abnormal" ? bad : phase === "stopped" || phase === "" ? neutral : pending;
    }
}
