import QtQuick
import QtQuick.Controls
import Baton.Ui

// The derived phase of a host, as a coloured pill ("running", "spawned", ...).
Rectangle {
    id: badge

    property string phase

    readonly property var names: ({
            "stopped": qsTr("stopped"),
            "running": qsTr("running"),
            "spawned": qsTr("spawned"),
            "draining": qsTr("draining"),
            "parked": qsTr("parked"),
            "abnormal": qsTr("abnormal")
        })
    readonly property color tone: phase === "running" ? Theme.good : phase === "abnormal" ? Theme.bad : phase === "stopped" || phase === "" ? Theme.neutral : Theme.pending

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.18)
    border.color: tone
    visible: phase.length > 0

    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("phase: %1").arg(label.text)

    Label {
        id: label
        anchors.centerIn: parent
        text: badge.names[badge.phase] ?? badge.phase
        font.pixelSize: 11
    }
}
