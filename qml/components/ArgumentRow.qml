import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// One configure argument against the running build's: kept, added (+), changed (~, with
// the value it had) or dropped (-, struck through, with a way back).
Rectangle {
    id: row

    required property var modelData
    property bool busy

    readonly property string change: modelData.change
    readonly property bool dropped: change === "dropped"

    signal edited(int row, string text)
    signal removed(int row)
    signal restored(string argument)

    implicitHeight: layout.implicitHeight + 4
    radius: 3
    color: change === "added" ? Theme.added : change === "changed" ? Theme.changed : "transparent"

    RowLayout {
        id: layout

        anchors.fill: parent
        anchors.leftMargin: 4
        anchors.rightMargin: 4
        spacing: 6

        Label {
            text: row.change === "added" ? "+" : row.change === "changed" ? "~" : row.dropped ? "-" : " "
            color: row.change === "added" ? Theme.good : row.change === "changed" ? Theme.pending : Theme.bad
            font.family: "monospace"
            font.bold: true
            Layout.preferredWidth: 12
        }
        TextField {
            visible: !row.dropped
            text: row.modelData.argument
            font.family: "monospace"
            font.pixelSize: 12
            readOnly: row.busy
            selectByMouse: true
            Accessible.name: qsTr("Configure argument %1").arg(row.modelData.row + 1)
            Layout.fillWidth: true
            autoScroll: activeFocus // the argument's name first, unless edited
            onEditingFinished: if (text !== row.modelData.argument)
                row.edited(row.modelData.row, text)
        }
        Label {
            visible: row.dropped
            text: row.modelData.argument
            color: Theme.bad
            font.family: "monospace"
            font.pixelSize: 12
            font.strikeout: true
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Label {
            visible: row.change === "changed"
            text: qsTr("(was %1)").arg(row.modelData.was)
            color: Theme.pending
            font.family: "monospace"
            font.pixelSize: 11
            elide: Text.ElideMiddle
            Layout.maximumWidth: row.width / 3
        }
        ToolButton {
            text: row.dropped ? qsTr("Restore") : "✕"
            enabled: !row.busy
            Accessible.name: row.dropped ? qsTr("Restore %1").arg(row.modelData.argument) : qsTr("Remove %1").arg(row.modelData.argument)
            ToolTip.visible: hovered
            ToolTip.text: row.dropped ? qsTr("Build with this argument of the running binary again.") : qsTr("Build without this argument.")
            onClicked: row.dropped ? row.restored(row.modelData.argument) : row.removed(row.modelData.row)
        }
    }
}
