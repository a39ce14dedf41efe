pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Build the target on the host: the source, the running binary's configure arguments as
// edited, a check of the host, configure and make with their output as it comes, and the
// built binary handed to the upgrade steps.
Item {
    id: panel

    readonly property BuildController build: Fleet.build
    readonly property bool checkFailed: build.failedChecks > 0
    readonly property var stepTitles: ({
            "arguments": qsTr("reading the arguments"),
            "preflight": qsTr("checking the host"),
            "build": qsTr("building"),
            "clean": qsTr("removing the work directory")
        })

    FileDialog {
        id: sourceFile

        title: qsTr("The nginx source tarball")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Source tarballs (*.tar.gz *.tgz *.tar.xz *.tar.bz2 *.tar)"), qsTr("All files (*)")]
        onAccepted: {
            panel.build.sourceKind = "local";
            panel.build.sourcePath = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""));
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 16

        ColumnLayout {
            spacing: 12
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3

            GroupBox {
                title: qsTr("Source")
                Layout.fillWidth: true

                RowLayout {
                    anchors.fill: parent

                    ComboBox {
                        objectName: "sourceKind"
                        textRole: "text"
                        valueRole: "value"
                        model: [
                            { value: "local", text: qsTr("Tarball on this computer") },
                            { value: "remote", text: qsTr("Path on the host") }
                        ]
                        currentIndex: panel.build.sourceKind === "remote" ? 1 : 0
                        onActivated: panel.build.sourceKind = currentValue
                        Accessible.name: qsTr("Where the source is")
                        Layout.preferredWidth: 220
                    }
                    TextField {
                        objectName: "sourcePath"
                        text: panel.build.sourcePath
                        placeholderText: panel.build.sourceKind === "local" ? qsTr("nginx-1.26.3.tar.gz on this computer (uploaded)") : qsTr("a tarball or source directory on the host")
                        font.family: "monospace"
                        onEditingFinished: panel.build.sourcePath = text
                        Accessible.name: qsTr("Source")
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "browseSource"
                        text: qsTr("Browse…")
                        visible: panel.build.sourceKind === "local"
                        enabled: !panel.build.busy
                        Accessible.name: qsTr("Choose the source tarball")
                        onClicked: sourceFile.open()
                    }
                }
            }

            GroupBox {
                title: qsTr("Configure arguments (%1)").arg(panel.build.arguments.length)
                Layout.fillWidth: true
                Layout.fillHeight: true

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 6

                    RowLayout {
                        Layout.fillWidth: true

                        TextField {
                            id: newArgument

                            objectName: "newArgument"
                            placeholderText: qsTr("--with-http_v2_module, --add-module=/src/headers-more, …")
                            font.family: "monospace"
                            enabled: panel.build.argumentsLoaded && !panel.build.busy
                            Accessible.name: qsTr("New argument")
                            Layout.fillWidth: true
                            onAccepted: addButton.clicked()
                        }
                        Button {
                            id: addButton

                            objectName: "addArgument"
                            text: qsTr("Add argument")
                            enabled: newArgument.enabled && newArgument.text.trim().length > 0
                            onClicked: {
                                panel.build.addArgument(newArgument.text);
                                newArgument.clear();
                            }
                        }
                        Button {
                            objectName: "resetArguments"
                            text: qsTr("Reset")
                            enabled: panel.build.argumentsLoaded && !panel.build.busy
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("The running binary's arguments again.")
                            onClicked: panel.build.resetArguments()
                        }
                        Button {
                            objectName: "loadArguments"
                            text: qsTr("Read from the host")
                            enabled: !panel.build.busy
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("The arguments of the binary the master runs (nginx -V).")
                            onClicked: panel.build.loadArguments()
                        }
                    }

                    Label {
                        visible: !panel.build.argumentsLoaded
                        text: panel.build.runningStep === "arguments" ? qsTr("Reading nginx -V of the running master…") : qsTr("The arguments are those of the binary the master runs: read them from the host.")
                        opacity: 0.7
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }

                    ListView {
                        id: argumentList

                        objectName: "argumentList"
                        clip: true
                        spacing: 2
                        model: panel.build.changes
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        ScrollBar.vertical: ScrollBar {}

                        delegate: ArgumentRow {
                            width: ListView.view.width - 12
                            busy: panel.build.busy
                            onEdited: (row, text) => panel.build.setArgument(row, text)
                            onRemoved: row => panel.build.removeArgument(row)
                            onRestored: argument => panel.build.restoreArgument(argument)
                        }
                    }
                }
            }
        }

        ColumnLayout {
            spacing: 12
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2

            RowLayout {
                spacing: 8
                Layout.fillWidth: true

                Button {
                    objectName: "checkBuild"
                    text: qsTr("Check")
                    enabled: !panel.build.busy && panel.build.sourcePath.length > 0
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Compiler, make, the libraries the arguments need, and disk space; changes nothing.")
                    onClicked: panel.build.preflight()
                }
                Button {
                    objectName: "startBuild"
                    text: qsTr("Build")
                    highlighted: enabled
                    enabled: !panel.build.busy && panel.build.sourcePath.length > 0 && !panel.checkFailed
                    ToolTip.visible: hovered
                    ToolTip.text: panel.checkFailed ? qsTr("A check failed: fix the host first.") : qsTr("./configure and make in a work directory on the host; nginx is not touched.")
                    onClicked: panel.build.build()
                }
                Button {
                    objectName: "cancelBuild"
                    text: qsTr("Cancel")
                    enabled: panel.build.runningStep === "build"
                    onClicked: panel.build.cancel()
                }
                BusyIndicator {
                    running: panel.build.busy
                    visible: running
                    implicitWidth: 24
                    implicitHeight: 24
                }
                Label {
                    visible: panel.build.busy
                    text: panel.stepTitles[panel.build.runningStep] ?? panel.build.runningStep
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }

            GroupBox {
                objectName: "buildChecks"
                // how many failed, in the title: the list may be longer than its box
                title: panel.checkFailed ? qsTr("Check: %n problem(s)", "", panel.build.failedChecks) : qsTr("Check")
                visible: panel.build.checks.length > 0 || panel.build.runningStep === "preflight"
                Layout.fillWidth: true
                Layout.maximumHeight: panel.height * 0.4

                ListView {
                    id: checkList

                    anchors.fill: parent
                    implicitHeight: Math.max(contentHeight, 20)
                    clip: true
                    spacing: 2
                    model: panel.build.checks
                    ScrollBar.vertical: ScrollBar {
                        policy: checkList.contentHeight > checkList.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
                    }

                    delegate: CheckRow {
                        width: ListView.view.width - 12
                    }

                    Label {
                        visible: panel.build.checks.length === 0
                        text: qsTr("Checking…")
                        opacity: 0.7
                    }
                }
            }

            BuildResult {
                objectName: "buildResult"
                report: panel.build.lastReport
                busy: panel.build.busy
                targetInUse: Fleet.upgrade.targetPath === panel.build.builtBinary
                visible: panel.build.lastReport.step !== undefined
                Layout.fillWidth: true
                onUseAsTarget: panel.build.useAsTarget()
                onClean: panel.build.clean()
            }

            GroupBox {
                title: qsTr("configure and make")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 120

                LogView {
                    objectName: "buildOutput"
                    anchors.fill: parent
                    model: panel.build.output
                    placeholder: qsTr("The output of configure and make shows here as the host writes it.")
                }
            }
            GroupBox {
                title: qsTr("Log")
                Layout.fillWidth: true
                Layout.preferredHeight: 80

                LogView {
                    objectName: "buildLog"
                    anchors.fill: parent
                    model: panel.build.log
                }
            }
        }
    }
}
