pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Masters and their workers per generation: pid, user, uptime, memory, state, sockets.
ListView {
    id: list

    function duration(seconds: int): string {
        if (seconds < 120)
            return qsTr("%1 s").arg(seconds);
        if (seconds < 7200)
            return qsTr("%1 min").arg(Math.floor(seconds / 60));
        if (seconds < 172800)
            return qsTr("%1 h").arg(Math.floor(seconds / 3600));
        return qsTr("%1 d").arg(Math.floor(seconds / 86400));
    }

    clip: true
    Accessible.name: qsTr("Process tree")
    ScrollBar.vertical: ScrollBar {}

    header: RowLayout {
        width: ListView.view.width
        spacing: 8

        Repeater {
            model: [[qsTr("pid"), 90], [qsTr("user"), 70], [qsTr("up"), 60], [qsTr("memory"), 70], [qsTr("state"), 40], [qsTr("process"), -1]]

            Label {
                required property var modelData

                text: modelData[0]
                font.bold: true
                opacity: 0.7
                Layout.preferredWidth: modelData[1]
                Layout.fillWidth: modelData[1] < 0
            }
        }
    }

    delegate: ItemDelegate {
        id: processRow

        required property int pid
        required property int depth
        required property string generation
        required property string kind
        required property string user
        required property int uptimeSeconds
        required property int rssKiB
        required property string state
        required property string title
        required property var listening
        required property int connections

        width: ListView.view.width
        implicitHeight: 26
        padding: 0
        Accessible.name: qsTr("%1 %2, pid %3").arg(generation === "old" ? qsTr("old") : qsTr("new")).arg(title).arg(pid)

        contentItem: RowLayout {
            spacing: 8

            Label {
                text: (processRow.depth > 0 ? "   └ " : "") + processRow.pid
                font.family: "monospace"
                Layout.preferredWidth: 90
            }
            Label {
                text: processRow.user
                elide: Text.ElideRight
                Layout.preferredWidth: 70
            }
            Label {
                text: list.duration(processRow.uptimeSeconds)
                Layout.preferredWidth: 60
            }
            Label {
                text: processRow.rssKiB >= 0 ? qsTr("%1 MiB").arg((processRow.rssKiB / 1024).toFixed(1)) : "—"
                Layout.preferredWidth: 70
            }
            Label {
                text: processRow.state
                font.family: "monospace"
                Layout.preferredWidth: 40
            }
            Rectangle {
                implicitWidth: 8
                implicitHeight: 8
                radius: 4
                color: processRow.generation === "old" ? Theme.oldGeneration : Theme.newGeneration
            }
            Label {
                // what matters first (the role, the sockets, the connections); the whole
                // title, with the master's command line, in the tooltip
                readonly property string role: processRow.kind === "master" ? qsTr("master") : processRow.kind === "worker" ? qsTr("worker") : processRow.kind === "shutting-down" ? qsTr("worker is shutting down") : processRow.title.replace(/^nginx: /, "")

                text: role + (processRow.listening.length > 0 ? "  ⟵ " + processRow.listening.join(", ") : "") + (processRow.kind === "worker" || processRow.kind === "shutting-down" ? " · " + qsTr("%n connection(s)", "", processRow.connections) : "")
                color: processRow.kind === "shutting-down" ? Theme.pending : palette.text
                elide: Text.ElideRight
                Layout.fillWidth: true
                ToolTip.visible: titleHover.hovered
                ToolTip.text: processRow.title

                HoverHandler {
                    id: titleHover
                }
            }
        }
    }
}
