import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core

// A password, passphrase or sudo password the SSH layer needs. Remembered when asked to:
// passwords in the desktop's secret store when there is one, else (and passphrases always)
// in memory for this session only, never written to disk.
Dialog {
    id: dialog

    readonly property string kind: Fleet.prompter.kind
    readonly property var titles: ({
            "password": qsTr("SSH password"),
            "passphrase": qsTr("Key passphrase"),
            "sudoPassword": qsTr("sudo password"),
            "keyboardInteractive": qsTr("Login")
        })

    objectName: "secretDialog"
    title: titles[kind] ?? ""
    modal: true
    visible: kind.length > 0 && kind !== "hostKey"
    closePolicy: Popup.NoAutoClose
    width: 460
    onVisibleChanged: {
        secret.text = "";
        if (visible)
            secret.forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: dialog.kind === "passphrase" ? qsTr("The passphrase of %1:").arg(Fleet.prompter.subject) : dialog.kind === "sudoPassword" ? qsTr("The sudo password of %1:").arg(Fleet.prompter.subject) : dialog.kind === "keyboardInteractive" ? Fleet.prompter.detail : qsTr("The password of %1:").arg(Fleet.prompter.subject)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: Fleet.prompter.attempt > 1
            text: qsTr("The last one was refused.")
            color: Theme.bad
        }
        TextField {
            id: secret

            echoMode: TextInput.Password
            Accessible.name: dialog.title
            Layout.fillWidth: true
            onAccepted: dialog.accept()
        }
        CheckBox {
            id: remember

            visible: dialog.kind !== "keyboardInteractive"
            objectName: "rememberSecret"
            text: Fleet.prompter.rememberInSecretStore ? qsTr("Remember in the desktop's secret store") : qsTr("Remember until Baton quits (memory only)")
        }
    }

    footer: DialogButtonBox {
        standardButtons: Dialog.Ok | Dialog.Cancel
    }
    onAccepted: Fleet.prompter.answer(secret.text, remember.checked)
    onRejected: Fleet.prompter.decline()
}
