import QtQuick
import QtQuick.Controls
import Baton.Ui

// The derived phase of a host, as a coloured pill ("running", "spawned", ...).
Rectangle {
    id: badge

    property string phase

    readonly property color tone: Theme.phaseTone(phase)

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
        text: Theme.phaseName(badge.phase)
        font.pixelSize: 11
    }
}
