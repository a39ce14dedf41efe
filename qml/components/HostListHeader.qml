import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Column titles of the host list; widths match HostRow.
Rectangle {
    id: header

    implicitHeight: 32
    color: palette.alternateBase
    radius: 4

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 16

        Label {
            text: qsTr("Host")
            font.bold: true
            Layout.preferredWidth: 220
        }
        Label {
            text: qsTr("SSH")
            font.bold: true
            Layout.preferredWidth: 220
        }
        Label {
            text: qsTr("nginx instance")
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Connection")
            font.bold: true
            Layout.preferredWidth: 140
        }
    }
}
