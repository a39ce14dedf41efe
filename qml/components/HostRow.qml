import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// One host of the fleet list.
ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string address
    required property int port
    required property string user
    required property var groups
    required property string pidFile
    required property int connectionState
    required property string phase
    required property string reason
    required property string version
    required property bool staleBinary
    required property int workers
    required property int oldWorkers
    required property int connections
    required property var connectionHistory
    required property bool selected
    required property string lockHolder

    readonly property var stateNames: [qsTr("not connected"), qsTr("connecting"), qsTr("connected"), qsTr("failed")]
    readonly property var stateTones: [Theme.neutral, Theme.pending, Theme.good, Theme.bad]

    implicitHeight: 56
    hoverEnabled: true
    leftPadding: Theme.sidePadding
    rightPadding: Theme.sidePadding

    background: Rectangle {
        color: row.hovered ? row.palette.highlight : (row.index % 2 ? row.palette.alternateBase : row.palette.base)
        opacity: row.hovered ? 0.15 : 1
    }

    Accessible.name: qsTr("host %1").arg(row.name)

    contentItem: RowLayout {
        spacing: Theme.columnSpacing

        CheckBox {
            objectName: "select-" + row.name
            checked: row.selected
            onToggled: Fleet.setSelected(row.name, checked)
            Accessible.name: qsTr("select %1").arg(row.name)
        }

        ColumnLayout {
            spacing: 2
            Layout.preferredWidth: Theme.hostWidth
            Layout.maximumWidth: Theme.hostWidth

            Label {
                text: row.name
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: Theme.hostWidth
            }
            Label {
                text: row.groups.join(", ")
                visible: row.groups.length > 0
                opacity: 0.6
                font.pixelSize: 11
            }
        }
        Label {
            text: (row.user.length > 0 ? row.user + "@" : "") + row.address + (row.port > 0 ? ":" + row.port : "")
            font.family: "monospace"
            elide: Text.ElideRight
            Layout.preferredWidth: Theme.sshWidth
            Layout.maximumWidth: Theme.sshWidth
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true

            RowLayout {
                spacing: 6

                PhaseBadge {
                    phase: row.phase
                }
                Label {
                    text: row.version
                    visible: row.version.length > 0
                    font.family: "monospace"
                }
                Label {
                    // the master runs a binary since replaced on disk
                    text: qsTr("stale binary")
                    visible: row.staleBinary
                    color: Theme.pending
                    font.pixelSize: 11
                    ToolTip.visible: staleHover.hovered
                    ToolTip.text: qsTr("The binary on disk is not the one the master runs.")

                    HoverHandler {
                        id: staleHover
                    }
                }
            }
            Label {
                // why it is abnormal, else who holds its lock (another Baton at work), else which instance
                readonly property bool locked: row.reason.length === 0 && row.lockHolder.length > 0

                objectName: "instanceLine"
                text: row.reason.length > 0 ? row.reason : locked ? qsTr("locked by %1").arg(row.lockHolder) : row.pidFile.length > 0 ? row.pidFile : qsTr("any nginx master on the host")
                font.family: row.reason.length === 0 && !locked && row.pidFile.length > 0 ? "monospace" : ""
                color: locked ? Theme.pending : row.palette.text
                elide: Text.ElideMiddle
                opacity: locked ? 1 : 0.7
                font.pixelSize: 11
                Layout.fillWidth: true
            }
        }
        ColumnLayout {
            spacing: 2
            Layout.preferredWidth: Theme.workersWidth
            Layout.maximumWidth: Theme.workersWidth

            Label {
                visible: row.phase.length > 0
                text: row.oldWorkers > 0 ? qsTr("%1 + %2 old").arg(row.workers).arg(row.oldWorkers) : String(row.workers)
                Accessible.name: qsTr("workers: %1").arg(text)
            }
            RowLayout {
                spacing: 6
                visible: row.phase.length > 0

                Sparkline {
                    values: row.connectionHistory
                    Layout.preferredWidth: 60
                    Layout.preferredHeight: 16
                }
                Label {
                    text: String(row.connections)
                    font.pixelSize: 11
                    opacity: 0.8
                    Accessible.name: qsTr("connections: %1").arg(text)
                }
            }
        }
        RowLayout {
            spacing: 6
            Layout.preferredWidth: Theme.connectionWidth
            Layout.maximumWidth: Theme.connectionWidth

            StatusDot {
                tone: row.stateTones[row.connectionState]
            }
            Label {
                text: row.stateNames[row.connectionState]
            }
        }
    }
}
