import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// Adds a host to the inventory or edits one. The inventory checks the fields the way it
// checks a file it loads; a refusal is shown here and nothing is written.
Dialog {
    id: dialog

    property string originalName
    property string error

    function edit(name: string) {
        const fields = Fleet.editor.fieldsOf(name);
        dialog.originalName = name;
        dialog.error = "";
        nameField.text = fields.name;
        addressField.text = fields.address;
        portField.value = fields.port;
        userField.text = fields.user;
        groupsField.text = fields.groups;
        sudoBox.checked = fields.sudo;
        pidFileField.text = fields.pidFile;
        binaryField.text = fields.binary;
        identityField.text = fields.identityFile;
        open();
        nameField.forceActiveFocus();
    }

    objectName: "hostDialog"
    title: originalName.length > 0 ? qsTr("Edit %1").arg(originalName) : qsTr("Add a host")
    modal: true
    width: 560
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: {
        const error = Fleet.editor.saveHost(dialog.originalName, {
            name: nameField.text,
            address: addressField.text,
            port: portField.value,
            user: userField.text,
            groups: groupsField.text,
            sudo: sudoBox.checked,
            pidFile: pidFileField.text,
            binary: binaryField.text,
            identityFile: identityField.text
        });
        if (error.length > 0) {
            dialog.error = error;
            open(); // keep what was typed
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12

        Label { text: qsTr("Name") }
        TextField {
            id: nameField

            objectName: "hostName"
            placeholderText: qsTr("web-1")
            Accessible.name: qsTr("Name")
            Layout.fillWidth: true
        }
        Label { text: qsTr("Address") }
        TextField {
            id: addressField

            objectName: "hostAddress"
            placeholderText: qsTr("an address, a DNS name or a ~/.ssh/config alias")
            Accessible.name: qsTr("Address")
            Layout.fillWidth: true
        }
        Label { text: qsTr("SSH port") }
        RowLayout {
            SpinBox {
                id: portField

                from: 0
                to: 65535
                editable: true
                textFromValue: (value, locale) => value === 0 ? qsTr("default") : String(value)
                valueFromText: (text, locale) => text === qsTr("default") ? 0 : Number(text)
                Accessible.name: qsTr("SSH port")
            }
            Label {
                text: qsTr("User")
            }
            TextField {
                id: userField

                placeholderText: qsTr("from ~/.ssh/config")
                Accessible.name: qsTr("User")
                Layout.fillWidth: true
            }
        }
        Label { text: qsTr("Groups") }
        TextField {
            id: groupsField

            placeholderText: qsTr("web, eu-west (commas between groups)")
            Accessible.name: qsTr("Groups")
            Layout.fillWidth: true
        }
        Label { text: qsTr("nginx pid file") }
        TextField {
            id: pidFileField

            placeholderText: qsTr("any nginx master on the host")
            font.family: "monospace"
            Accessible.name: qsTr("nginx pid file")
            Layout.fillWidth: true
        }
        Label { text: qsTr("nginx binary") }
        TextField {
            id: binaryField

            placeholderText: qsTr("what the master runs")
            font.family: "monospace"
            Accessible.name: qsTr("nginx binary")
            Layout.fillWidth: true
        }
        Label { text: qsTr("Key file") }
        TextField {
            id: identityField

            placeholderText: qsTr("the agent, then ~/.ssh/config and the default keys")
            font.family: "monospace"
            Accessible.name: qsTr("Key file")
            Layout.fillWidth: true
        }
        Item {
            implicitWidth: 1
        }
        CheckBox {
            id: sudoBox

            text: qsTr("Control nginx through sudo")
        }
        Label {
            objectName: "hostDialogError"
            visible: dialog.error.length > 0
            text: dialog.error
            color: "#d93025"
            wrapMode: Text.Wrap
            Layout.columnSpan: 2
            Layout.fillWidth: true
        }
    }
}
