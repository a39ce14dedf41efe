import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// An unknown host key: the SHA256 fingerprint, to compare with the server's before trusting it.
Dialog {
    id: dialog

    objectName: "hostKeyDialog"
    title: qsTr("Unknown host key")
    modal: true
    visible: Fleet.prompter.kind === "hostKey"
    closePolicy: Popup.NoAutoClose
    width: 560

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Baton has never connected to %1. Check that this fingerprint is the server's own before you trust it:").arg(Fleet.prompter.subject)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            text: Fleet.prompter.detail
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            Accessible.name: qsTr("Host key fingerprint")
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Trusting it adds the key to %1.").arg(Fleet.prompter.knownHostsFile)
            wrapMode: Text.Wrap
            opacity: 0.7
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "trustKey"
            text: qsTr("Trust and connect")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: Fleet.prompter.answer("", false)
    onRejected: Fleet.prompter.decline()
}
