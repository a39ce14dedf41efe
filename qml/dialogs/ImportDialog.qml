pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// The hosts ~/.ssh/config names, to add to the inventory. An imported host connects by
// its alias, so the configuration applies exactly as with `ssh ALIAS`.
Dialog {
    id: dialog

    property var hosts: []
    property var chosen: ({})
    property string error

    function show() {
        const found = Fleet.editor.sshConfigHosts();
        dialog.error = found.length === 1 && found[0].error !== undefined ? found[0].error : "";
        dialog.hosts = dialog.error.length > 0 ? [] : found;
        let chosen = {};
        for (const host of dialog.hosts)
            chosen[host.alias] = !host.inInventory;
        dialog.chosen = chosen;
        open();
    }

    function chosenAliases(): var {
        return dialog.hosts.filter(h => dialog.chosen[h.alias] && !h.inInventory).map(h => h.alias);
    }

    objectName: "importDialog"
    title: qsTr("Import hosts from %1").arg(Fleet.editor.sshConfigPath)
    modal: true
    width: 620
    height: Math.min(560, implicitHeight)
    anchors.centerIn: Overlay.overlay
    footer: DialogButtonBox {
        Button {
            objectName: "importButton"
            text: qsTr("Import %n host(s)", "", dialog.chosenAliases().length)
            enabled: dialog.chosenAliases().length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: {
        const error = Fleet.editor.importSshHosts(dialog.chosenAliases());
        if (error.length > 0) {
            dialog.error = error;
            open();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            visible: dialog.error.length > 0
            text: dialog.error
            color: "#d93025"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.error.length === 0 && dialog.hosts.length === 0
            text: qsTr("The file names no host (only patterns such as Host *).")
            opacity: 0.7
        }
        ListView {
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
                text: modelData.alias + "  —  " + (modelData.user.length > 0 ? modelData.user + "@" : "") + modelData.hostName + (modelData.port > 0 ? ":" + modelData.port : "") + (modelData.inInventory ? "  " + qsTr("(in the inventory)") : "")
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
