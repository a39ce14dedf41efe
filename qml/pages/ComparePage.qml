pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Two or more hosts in columns, differences highlighted, and a diff of two hosts' nginx -T.
Page {
    id: page

    readonly property Comparison comparison: Fleet.comparison
    readonly property int labelWidth: 260
    readonly property int columnWidth: Math.max(160, (width - labelWidth - 64) / Math.max(1, comparison.hosts.length))

    title: qsTr("Compare")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        visible: page.comparison.hosts.length > 0

        RowLayout {
            Label {
                text: qsTr("Compare %n host(s)", "", page.comparison.hosts.length)
                font.pixelSize: 20
                font.bold: true
            }
            Label {
                text: qsTr("%n difference(s)", "", page.comparison.differences)
                color: page.comparison.differences > 0 ? Theme.pending : Theme.good
            }
            BusyIndicator {
                running: page.comparison.loading > 0
                visible: running
                implicitWidth: 22
                implicitHeight: 22
            }
            Item {
                Layout.fillWidth: true
            }
            CheckBox {
                id: onlyDifferences

                text: qsTr("Only differences")
            }
        }

        RowLayout {
            spacing: 8

            Item {
                implicitWidth: page.labelWidth
            }
            Repeater {
                model: page.comparison.hosts

                Label {
                    required property string modelData

                    text: modelData
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.preferredWidth: page.columnWidth
                }
            }
        }

        ListView {
            objectName: "comparisonRows"
            model: page.comparison
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            ScrollBar.vertical: ScrollBar {}
            section.property: "section"
            section.delegate: Label {
                required property string section

                text: ({ "host": qsTr("Host"), "build": qsTr("Build"), "configuration": qsTr("Configuration"), "arguments": qsTr("Configure arguments") })[section] ?? section
                font.bold: true
                topPadding: 8
                opacity: 0.8
            }

            delegate: Rectangle {
                id: comparisonRow

                required property string label
                required property var values
                required property bool differs

                width: ListView.view.width
                height: visible ? content.implicitHeight + 6 : 0
                visible: !onlyDifferences.checked || differs
                color: differs ? Theme.changed : "transparent"
                Accessible.name: label + (differs ? qsTr(" (differs)") : "")

                RowLayout {
                    id: content

                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 8

                    Label {
                        text: comparisonRow.label
                        font.family: comparisonRow.label.startsWith("--") ? "monospace" : ""
                        elide: Text.ElideRight
                        Layout.preferredWidth: page.labelWidth
                    }
                    Repeater {
                        model: comparisonRow.values

                        Label {
                            required property string modelData

                            text: modelData.length > 0 ? modelData : "—"
                            font.family: "monospace"
                            font.pixelSize: 11
                            elide: Text.ElideMiddle
                            Layout.preferredWidth: page.columnWidth
                            ToolTip.visible: cellHover.hovered && modelData.length > 20
                            ToolTip.text: modelData

                            HoverHandler {
                                id: cellHover
                            }
                        }
                    }
                }
            }
        }

        RowLayout {
            spacing: 8

            Label {
                text: qsTr("Configuration diff")
                font.bold: true
            }
            ComboBox {
                model: page.comparison.hosts
                currentIndex: page.comparison.left
                onActivated: index => page.comparison.left = index
                Accessible.name: qsTr("Left host")
            }
            Label {
                text: "↔"
            }
            ComboBox {
                model: page.comparison.hosts
                currentIndex: page.comparison.right
                onActivated: index => page.comparison.right = index
                Accessible.name: qsTr("Right host")
            }
            Label {
                text: page.comparison.configError
                color: Theme.bad
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        CodeView {
            objectName: "configDiff"
            text: page.comparison.configDiff
            definition: "Diff"
            searchable: false
            placeholder: page.comparison.loading > 0 ? qsTr("Reading the configurations…") : qsTr("The two configurations are the same.")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2
        }
    }

    Label {
        anchors.centerIn: parent
        visible: page.comparison.hosts.length === 0
        text: qsTr("Select two or more hosts on the Fleet page and choose Compare.")
        opacity: 0.7
    }
}
