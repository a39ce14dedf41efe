pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// Hosts to add to the inventory from what a team already keeps: ~/.ssh/config (an imported
// host connects by its alias, so the configuration applies exactly as with `ssh ALIAS`) or
// an Ansible inventory, INI or YAML (groups and variables kept).
Dialog {
    id: dialog

    // "ssh" or "ansible"
    property string source: "ssh"
    property var hosts: []
    property var chosen: ({})
    property string error

    function show(from: string) {
        dialog.source = from;
        dialog.reload();
        open();
    }

    function reload() {
        const found = dialog.source === "ansible" ? (ansiblePath.text.length > 0 ? Fleet.editor.ansibleHosts(ansiblePath.text) : []) : Fleet.editor.sshConfigHosts();
        dialog.error = found.length === 1 && found[0].error !== undefined ? found[0].error : "";
        dialog.hosts = dialog.error.length > 0 ? [] : found;
        let chosen = {};
        for (const host of dialog.hosts)
            chosen[host.alias] = !host.inInventory;
        dialog.chosen = chosen;
    }

    function chosenNames(): var {
        return dialog.hosts.filter(h => dialog.chosen[h.alias] && !h.inInventory).map(h => h.alias);
    }

    objectName: "importDialog"
    title: qsTr("Import hosts")
    modal: true
    width: 680
    height: Math.min(600, implicitHeight)
    anchors.centerIn: Overlay.overlay
    footer: DialogButtonBox {
        Button {
            objectName: "importButton"
            text: qsTr("Import %n host(s)", "", dialog.chosenNames().length)
            enabled: dialog.chosenNames().length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: {
        const error = dialog.source === "ansible" ? Fleet.editor.importAnsibleHosts(ansiblePath.text, dialog.chosenNames()) : Fleet.editor.importSshHosts(dialog.chosenNames());
        if (error.length > 0) {
            dialog.error = error;
            open();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            ComboBox {
                objectName: "importSource"
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "ssh", text: qsTr("~/.ssh/config") },
                    { value: "ansible", text: qsTr("Ansible inventory (INI or YAML)") }
                ]
                currentIndex: dialog.source === "ansible" ? 1 : 0
                onActivated: {
                    dialog.source = currentValue;
                    dialog.reload();
                }
                Accessible.name: qsTr("Import from")
                Layout.preferredWidth: 260
            }
            TextField {
                id: ansiblePath

                objectName: "ansiblePath"
                visible: dialog.source === "ansible"
                placeholderText: qsTr("/path/to/inventory.ini or hosts.yml")
                font.family: "monospace"
                onAccepted: dialog.reload()
                Accessible.name: qsTr("Ansible inventory file")
                Layout.fillWidth: true
            }
            Button {
                visible: dialog.source === "ansible"
                text: qsTr("Read")
                enabled: ansiblePath.text.length > 0
                onClicked: dialog.reload()
            }
            Label {
                visible: dialog.source === "ssh"
                text: Fleet.editor.sshConfigPath
                font.family: "monospace"
                opacity: 0.7
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
        Label {
            visible: dialog.error.length > 0
            text: dialog.error
            color: "#d93025"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.error.length === 0 && dialog.hosts.length === 0
            text: dialog.source === "ansible" ? qsTr("Give the path of an inventory file: Baton reads its hosts, groups and variables (ansible_host, ansible_port, ansible_user, ansible_become, ansible_ssh_private_key_file).") : qsTr("The file names no host (only patterns such as Host *).")
            wrapMode: Text.Wrap
            opacity: 0.7
            Layout.fillWidth: true
        }
        ListView {
            objectName: "importCandidates"
            model: dialog.hosts
            clip: true
            implicitHeight: Math.min(contentHeight, 380)
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}

            delegate: CheckDelegate {
                id: entry

                required property var modelData

                width: ListView.view.width
                text: modelData.alias + "  —  " + (modelData.user.length > 0 ? modelData.user + "@" : "") + modelData.hostName + (modelData.port > 0 ? ":" + modelData.port : "") + (modelData.groups && modelData.groups.length > 0 ? "  [" + modelData.groups.join(", ") + "]" : "") + (modelData.sudo ? "  sudo" : "") + (modelData.inInventory ? "  " + qsTr("(in the inventory)") : "")
                enabled: !modelData.inInventory
                checked: dialog.chosen[modelData.alias] === true
                onToggled: {
                    let chosen = Object.assign({}, dialog.chosen);
                    chosen[entry.modelData.alias] = checked;
                    dialog.chosen = chosen;
                }
            }
        }
    }
}
