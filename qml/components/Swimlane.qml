pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// One host of a rollout: its phases over time as coloured segments, and what happened.
RowLayout {
    id: lane

    required property string name
    required property int batch
    required property string state
    required property string message
    required property var segments
    /// the first batch is the canaries
    property bool canaries: true

    readonly property var stateNames: ({
            "pending": qsTr("pending"),
            "upgrading": qsTr("upgrading"),
            "rolling-back": qsTr("rolling back"),
            "upgraded": qsTr("upgraded"),
            "failed": qsTr("failed"),
            "rolled-back": qsTr("rolled back")
        })

    spacing: 12
    Accessible.name: qsTr("%1: %2").arg(name).arg(stateNames[state] ?? state)

    ColumnLayout {
        spacing: 0
        Layout.preferredWidth: 160

        Label {
            text: lane.name
            font.bold: true
        }
        Label {
            text: lane.batch === 0 && lane.canaries ? qsTr("canary") : qsTr("batch %1").arg(lane.canaries ? lane.batch : lane.batch + 1)
            opacity: 0.6
            font.pixelSize: 11
        }
    }
    Rectangle {
        color: palette.alternateBase
        radius: 3
        implicitHeight: 22
        Layout.fillWidth: true

        Repeater {
            model: lane.segments

            Rectangle {
                id: segment

                required property var modelData
                readonly property color tone: Theme.phaseTone(modelData.phase)

                x: parent.width * modelData.from
                width: Math.max(2, parent.width * (modelData.to - modelData.from))
                height: parent.height
                radius: 3
                color: Qt.rgba(tone.r, tone.g, tone.b, 0.5)
                border.color: tone
                ToolTip.visible: segmentHover.hovered
                ToolTip.text: qsTr("%1, %2 s").arg(Theme.phaseName(modelData.phase)).arg((modelData.seconds ?? 0).toFixed(1))

                HoverHandler {
                    id: segmentHover
                }

                Label {
                    anchors.centerIn: parent
                    visible: parent.width > implicitWidth + 6
                    text: Theme.phaseName(segment.modelData.phase)
                    font.pixelSize: 10
                }
            }
        }
    }
    ColumnLayout {
        spacing: 0
        Layout.preferredWidth: 320

        Label {
            text: lane.stateNames[lane.state] ?? lane.state
            color: lane.state === "upgraded" ? Theme.good : lane.state === "failed" ? Theme.bad : lane.state === "rolled-back" ? Theme.pending : palette.text
            font.bold: true
        }
        Label {
            text: lane.message
            elide: Text.ElideRight
            font.pixelSize: 11
            opacity: 0.8
            Layout.maximumWidth: 320
            ToolTip.visible: messageHover.hovered && text.length > 0
            ToolTip.text: lane.message

            HoverHandler {
                id: messageHover
            }
        }
    }
}
