import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: emptyState

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 12

        Label {
            text: qsTr("No hosts yet")
            font.pixelSize: 22
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Open an inventory with --inventory FILE, or practise on a local lab of real nginx servers: installer/env.sh run starts one for you.")
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            opacity: 0.8
            Layout.fillWidth: true
        }
    }
}
