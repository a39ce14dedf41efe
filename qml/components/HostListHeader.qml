import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// Column titles of the host list. HostRow uses the same column widths.
Rectangle {
    id: header

    implicitHeight: 32
    color: palette.alternateBase
    radius: 4

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.sidePadding
        anchors.rightMargin: Theme.sidePadding
        spacing: Theme.columnSpacing

        Item {
            // over the rows' selection boxes
            implicitWidth: 32
        }
        Label {
            text: qsTr("Host")
            font.bold: true
            Layout.preferredWidth: Theme.hostWidth
        }
        Label {
            text: qsTr("SSH")
            font.bold: true
            Layout.preferredWidth: Theme.sshWidth
        }
        Label {
            text: qsTr("nginx instance")
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Workers, connections")
            font.bold: true
            Layout.preferredWidth: Theme.workersWidth
        }
        Label {
            text: qsTr("Connection")
            font.bold: true
            Layout.preferredWidth: Theme.connectionWidth
        }
    }
}
