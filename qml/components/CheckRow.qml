import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// One preflight check: pass, warn or fail, and what it found.
RowLayout {
    id: check

    required property var modelData

    spacing: 8

    Label {
        text: check.modelData.status === "pass" ? "✓" : check.modelData.status === "warn" ? "!" : "✗"
        color: check.modelData.status === "pass" ? Theme.good : check.modelData.status === "warn" ? Theme.pending : Theme.bad
        font.bold: true
        Layout.preferredWidth: 14
    }
    Label {
        text: check.modelData.message
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: check.modelData.status + ": " + check.modelData.message
    }
}
