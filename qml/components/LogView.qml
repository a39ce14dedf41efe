import QtQuick
import QtQuick.Controls

// Lines in a monospaced list that follows the end as lines come, unless the user scrolled
// up to read. The model is a list of strings or a model with a display role.
ListView {
    id: view

    property string placeholder
    property bool following: true

    clip: true
    onCountChanged: if (following)
        positionViewAtEnd()
    onMovementEnded: following = atYEnd
    ScrollBar.vertical: ScrollBar {}

    delegate: Label {
        required property var model

        width: ListView.view.width - 12
        text: model.display ?? model.modelData
        font.family: "monospace"
        font.pixelSize: 11
        wrapMode: Text.WrapAnywhere
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 24
        visible: view.count === 0 && view.placeholder.length > 0
        text: view.placeholder
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        opacity: 0.6
    }
}
