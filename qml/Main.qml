import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

ApplicationWindow {
    id: window

    width: 1280
    height: 800
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: Fleet.inventoryName.length > 0 ? qsTr("Baton — %1").arg(Fleet.inventoryName) : qsTr("Baton")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12

            Label {
                text: qsTr("Baton")
                font.bold: true
                font.pixelSize: 18
            }
            Label {
                text: qsTr("Fleet")
                opacity: 0.7
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                text: Fleet.inventoryPath
                elide: Text.ElideMiddle
                opacity: 0.7
                Layout.maximumWidth: window.width / 2
            }
        }
    }

    FleetPage {
        anchors.fill: parent
    }
}
