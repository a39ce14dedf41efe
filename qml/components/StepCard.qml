import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// One step of the upgrade stepper: done, current or to come, and its button.
Frame {
    id: card

    property string step
    property string title
    property string help
    property int number
    property bool done
    property bool current
    property bool running
    property bool runnable

    signal requested

    background: Rectangle {
        radius: 6
        color: card.current ? Qt.rgba(Theme.newGeneration.r, Theme.newGeneration.g, Theme.newGeneration.b, 0.12) : "transparent"
        border.color: card.done ? Theme.good : card.current ? Theme.newGeneration : Theme.neutral
        border.width: card.current ? 2 : 1
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Label {
                text: card.done ? "✓" : String(card.number)
                color: card.done ? Theme.good : palette.text
                font.bold: true
            }
            Label {
                text: card.title
                font.bold: true
                Layout.fillWidth: true
            }
            BusyIndicator {
                running: card.running
                visible: running
                implicitWidth: 18
                implicitHeight: 18
            }
        }
        Label {
            text: card.help
            wrapMode: Text.Wrap
            font.pixelSize: 11
            opacity: 0.75
            Layout.fillWidth: true
            Layout.preferredHeight: 48
        }
        Button {
            objectName: "run-" + card.step
            text: card.title
            enabled: card.runnable
            highlighted: card.current && card.runnable
            Accessible.name: card.title
            Layout.fillWidth: true
            onClicked: card.requested()
        }
    }
}
