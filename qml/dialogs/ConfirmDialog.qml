import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Send USR2 to web-1?": asked before every step that changes a host.
Dialog {
    id: dialog

    property string message
    property string detail
    property var action: null

    function ask(title: string, message: string, detail: string, action: var) {
        dialog.title = title;
        dialog.message = message;
        dialog.detail = detail;
        dialog.action = action;
        open();
    }

    objectName: "confirmDialog"
    modal: true
    width: 480
    anchors.centerIn: Overlay.overlay

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: dialog.message
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: dialog.detail
            visible: text.length > 0
            wrapMode: Text.Wrap
            opacity: 0.7
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "confirmButton"
            text: qsTr("Go ahead")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: {
        const run = dialog.action;
        dialog.action = null;
        if (run)
            run();
    }
}
