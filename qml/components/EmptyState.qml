import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// No hosts yet: start the local practice lab, add a host, or import ~/.ssh/config.
Item {
    id: emptyState

    signal addHost
    signal importHosts(string from)

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 600)
        spacing: 12

        Label {
            text: qsTr("No hosts yet")
            font.pixelSize: 22
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Practise first on a local lab: three hosts, each with a real sshd and a real nginx 1.22, and nginx 1.26 ready as the upgrade target. Or bring your own hosts.")
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            opacity: 0.8
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            Layout.alignment: Qt.AlignHCenter

            Button {
                objectName: "startLab"
                text: Fleet.lab.busy ? qsTr("Starting the lab…") : qsTr("Start the practice lab")
                highlighted: true
                enabled: Fleet.lab.unavailableReason.length === 0 && !Fleet.lab.busy && !Fleet.lab.running
                onClicked: Fleet.lab.start()
            }
            Button {
                text: qsTr("Add a host…")
                onClicked: emptyState.addHost()
            }
            Button {
                text: qsTr("Import from ~/.ssh/config…")
                onClicked: emptyState.importHosts("ssh")
            }
            Button {
                text: qsTr("Import an Ansible inventory…")
                onClicked: emptyState.importHosts("ansible")
            }
        }
        Label {
            text: Fleet.lab.unavailableReason.length > 0 ? Fleet.lab.unavailableReason : Fleet.lab.status
            visible: text.length > 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            opacity: 0.7
            font.pixelSize: 12
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Or open an inventory file: baton --inventory FILE.")
            horizontalAlignment: Text.AlignHCenter
            opacity: 0.6
            font.pixelSize: 12
            Layout.fillWidth: true
        }
    }
}
