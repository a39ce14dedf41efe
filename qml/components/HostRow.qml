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

    contentItem: RowLayout {
        spacing: Theme.columnSpacing

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
        Label {
            text: row.pidFile.length > 0 ? row.pidFile : qsTr("any nginx master on the host")
            font.family: row.pidFile.length > 0 ? "monospace" : ""
            elide: Text.ElideMiddle
            opacity: 0.8
            Layout.fillWidth: true
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
