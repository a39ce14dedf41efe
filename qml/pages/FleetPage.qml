pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

Page {
    id: page

    signal hostRequested(string name)
    signal upgradeRequested(string name)
    signal compareRequested(var hosts)
    signal rolloutRequested(var hosts)
    signal rollbackRequested(var hosts)

    // why the last removal was refused, if it was
    property string editMessage

    title: qsTr("Fleet")

    HostDialog {
        id: hostDialog
    }
    ImportDialog {
        id: importDialog
    }
    ConfirmDialog {
        id: confirmRemove
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Layout.fillWidth: true

            Label {
                text: Fleet.inventoryName.length > 0 ? Fleet.inventoryName : qsTr("Hosts")
                font.pixelSize: 20
                font.bold: true
            }
            Label {
                text: qsTr("%n host(s)", "", Fleet.hosts.count)
                opacity: 0.7
                Layout.alignment: Qt.AlignBaseline
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "addHost"
                text: qsTr("Add host…")
                enabled: Fleet.editor.canEdit
                onClicked: hostDialog.edit("")
            }
            Button {
                objectName: "importHosts"
                text: qsTr("Import…")
                enabled: Fleet.editor.canEdit
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Hosts from ~/.ssh/config or from an Ansible inventory (INI or YAML).")
                onClicked: importDialog.show("ssh")
            }
            ComboBox {
                id: filterBox

                objectName: "filter"
                visible: Fleet.hosts.count > 0
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: HostFilterModel.All, text: qsTr("All hosts") },
                    { value: HostFilterModel.Upgrading, text: qsTr("Upgrading") },
                    { value: HostFilterModel.NeedsAttention, text: qsTr("Needs attention") },
                    { value: HostFilterModel.Running, text: qsTr("Running, nothing to do") }
                ]
                onActivated: Fleet.visibleHosts.filter = currentValue
                Accessible.name: qsTr("Show")
                Layout.preferredWidth: 220
            }
            TextField {
                id: searchField

                objectName: "search"
                visible: Fleet.hosts.count > 0
                placeholderText: qsTr("Search hosts, groups, versions")
                onTextChanged: Fleet.visibleHosts.search = text
                Accessible.name: qsTr("Search")
                Layout.preferredWidth: 260
            }
        }

        Label {
            visible: page.editMessage.length > 0
            text: page.editMessage
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Frame {
            visible: Fleet.errorString.length > 0
            Layout.fillWidth: true
            background: Rectangle {
                color: "#fdecea"
                border.color: "#d93025"
                radius: 4
            }

            Label {
                width: parent.width
                text: Fleet.errorString
                color: "#a50e0e"
                wrapMode: Text.Wrap
            }
        }

        RowLayout {
            objectName: "selectionBar"
            visible: Fleet.hosts.count > 0
            spacing: 8
            Layout.fillWidth: true

            Label {
                text: qsTr("%n selected", "", Fleet.selection.length)
                opacity: 0.8
            }
            Button {
                text: qsTr("Select all")
                flat: true
                onClicked: Fleet.selectAll()
            }
            Button {
                text: qsTr("Clear")
                flat: true
                enabled: Fleet.selection.length > 0
                onClicked: Fleet.clearSelection()
            }
            Button {
                objectName: "editSelected"
                text: qsTr("Edit…")
                flat: true
                enabled: Fleet.selection.length === 1 && Fleet.editor.canEdit
                onClicked: hostDialog.edit(Fleet.selection[0])
            }
            Button {
                objectName: "removeSelected"
                text: qsTr("Remove…")
                flat: true
                enabled: Fleet.selection.length > 0 && Fleet.editor.canEdit
                onClicked: confirmRemove.ask(qsTr("Remove %n host(s) from the inventory?", "", Fleet.selection.length), Fleet.selection.join(", "), qsTr("Nothing changes on the hosts; only the inventory file is rewritten."), () => {
                    page.editMessage = Fleet.editor.removeHosts(Fleet.selection);
                })
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "compareSelected"
                text: qsTr("Compare")
                enabled: Fleet.selection.length >= 2
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Select two or more hosts to compare their builds and configurations.")
                onClicked: page.compareRequested(Fleet.selection)
            }
            Button {
                objectName: "upgradeSelected"
                text: qsTr("Upgrade…")
                enabled: Fleet.selection.length === 1
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Upgrade one host step by step.")
                onClicked: page.upgradeRequested(Fleet.selection[0])
            }
            Button {
                objectName: "rolloutSelected"
                text: qsTr("Roll out…")
                enabled: Fleet.selection.length >= 1
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Upgrade the selected hosts in canaries and batches.")
                onClicked: page.rolloutRequested(Fleet.selection)
            }
            Button {
                objectName: "rollbackSelected"
                text: qsTr("Roll back…")
                enabled: Fleet.selection.length >= 1
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Put the selected hosts back on the binary they ran before their last upgrade.")
                onClicked: page.rollbackRequested(Fleet.selection)
            }
        }

        HostListHeader {
            visible: Fleet.hosts.count > 0
            Layout.fillWidth: true
        }

        ListView {
            id: hostList

            objectName: "hostList"
            model: Fleet.visibleHosts
            clip: true
            spacing: 0
            visible: count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}

            delegate: HostRow {
                width: ListView.view.width
                onClicked: page.hostRequested(name)
            }
        }

        Label {
            objectName: "noMatch"
            visible: Fleet.hosts.count > 0 && Fleet.visibleHosts.count === 0
            text: qsTr("No host matches the search and the filter.")
            opacity: 0.7
            Layout.alignment: Qt.AlignHCenter
        }

        EmptyState {
            visible: Fleet.loaded && Fleet.hosts.count === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            onAddHost: hostDialog.edit("")
            onImportHosts: from => importDialog.show(from)
        }
    }
}
