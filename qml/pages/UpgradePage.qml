pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// One host, step by step: target, preflight, Stage → Spawn → Drain → Commit, and Roll back
// wherever it is valid. Every button follows the host's live phase.
Page {
    id: page

    readonly property UpgradeController upgrade: Fleet.upgrade
    readonly property var stepTitles: ({
            "stage": qsTr("Stage"),
            "spawn": qsTr("Spawn"),
            "drain": qsTr("Drain"),
            "commit": qsTr("Commit"),
            "rollback": qsTr("Roll back")
        })
    readonly property var stepHelp: ({
            "stage": qsTr("Back up the running binary and install the target in its place. nginx keeps running the old one."),
            "spawn": qsTr("Send USR2: a new master starts on the new binary beside the old one; both serve."),
            "drain": qsTr("Send WINCH to the old master: its workers finish their requests and exit. Rollback stays possible."),
            "commit": qsTr("Send QUIT to the old master: only the new version is left."),
            "rollback": qsTr("Go back to the old binary: HUP the old master, QUIT the new one, restore the file.")
        })
    // the build panel in place of the steps
    property bool building: false
    // where the host stands in the stepper: 0 stage, 1 spawn, 2 drain, 3 commit, 4 done
    readonly property int position: upgrade.phase === "running" ? (upgrade.staged ? 1 : 0) : upgrade.phase === "spawned" ? 2 : upgrade.phase === "draining" ? 2 : upgrade.phase === "parked" ? 3 : -1

    function confirmStep(step: string) {
        confirm.ask(qsTr("%1 on %2?").arg(page.stepTitles[step]).arg(page.upgrade.host), page.stepHelp[step], qsTr("This changes the host."), () => page.upgrade.run(step));
    }

    title: qsTr("Upgrade")

    FileDialog {
        id: targetFile

        title: qsTr("The new nginx binary")
        fileMode: FileDialog.OpenFile
        onAccepted: {
            page.upgrade.targetKind = "local";
            page.upgrade.targetPath = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""));
        }
    }
    ConfirmDialog {
        id: confirm
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12
        visible: page.upgrade.host.length > 0

        RowLayout {
            spacing: 10

            Label {
                text: qsTr("Upgrade %1").arg(page.upgrade.host)
                font.pixelSize: 20
                font.bold: true
            }
            PhaseBadge {
                phase: page.upgrade.phase
            }
            BusyIndicator {
                running: page.upgrade.busy
                visible: running
                implicitWidth: 24
                implicitHeight: 24
            }
            Label {
                visible: page.upgrade.busy
                text: qsTr("running: %1").arg(page.stepTitles[page.upgrade.runningStep] ?? page.upgrade.runningStep)
            }
        }

        GroupBox {
            title: qsTr("Target binary")
            Layout.fillWidth: true

            RowLayout {
                anchors.fill: parent

                ComboBox {
                    id: targetKind

                    objectName: "targetKind"
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "remote", text: qsTr("Path on the host") },
                        { value: "local", text: qsTr("File on this computer") }
                    ]
                    currentIndex: page.upgrade.targetKind === "local" ? 1 : 0
                    onActivated: page.upgrade.targetKind = currentValue
                    Accessible.name: qsTr("Where the target is")
                    Layout.preferredWidth: 220
                }
                TextField {
                    objectName: "targetPath"
                    text: page.upgrade.targetPath
                    placeholderText: page.upgrade.targetKind === "local" ? qsTr("/path/to/nginx on this computer (uploaded)") : qsTr("/path/to/nginx on the host")
                    font.family: "monospace"
                    onEditingFinished: page.upgrade.targetPath = text
                    Accessible.name: qsTr("Target binary")
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "browseTarget"
                    text: qsTr("Browse…")
                    enabled: !page.upgrade.busy
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Choose an nginx binary on this computer: it is uploaded to the host when staged.")
                    onClicked: targetFile.open()
                }
                Button {
                    objectName: "buildFromSource"
                    text: page.building ? qsTr("Back to the steps") : qsTr("Build from source…")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Build the target on the host from an nginx source tarball, with the running binary's configure arguments.")
                    onClicked: {
                        page.building = !page.building;
                        if (page.building && !Fleet.build.argumentsLoaded && !Fleet.build.busy)
                            Fleet.build.loadArguments();
                    }
                }
                Button {
                    objectName: "preflight"
                    text: qsTr("Run preflight")
                    visible: !page.building
                    enabled: !page.upgrade.busy && page.upgrade.targetPath.length > 0
                    onClicked: page.upgrade.preflight()
                }
            }
        }

        BuildPanel {
            objectName: "buildPanel"
            visible: page.building
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        RowLayout {
            visible: !page.building
            spacing: 16
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                spacing: 12
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3

                RowLayout {
                    objectName: "stepper"
                    spacing: 8
                    Layout.fillWidth: true

                    Repeater {
                        model: ["stage", "spawn", "drain", "commit"]

                        StepCard {
                            required property string modelData
                            required property int index

                            objectName: "step-" + modelData
                            step: modelData
                            title: page.stepTitles[modelData]
                            help: page.stepHelp[modelData]
                            number: index + 1
                            done: page.position > index
                            current: page.position === index
                            running: page.upgrade.runningStep === modelData
                            runnable: page.upgrade.runnableSteps.indexOf(modelData) >= 0
                            Layout.fillWidth: true
                            onRequested: page.confirmStep(modelData)
                        }
                    }
                }

                RowLayout {
                    spacing: 8

                    Button {
                        objectName: "run-rollback"
                        text: qsTr("Roll back")
                        enabled: page.upgrade.runnableSteps.indexOf("rollback") >= 0
                        // red only while it can be pressed: a disabled one looks disabled
                        palette.button: enabled ? Theme.bad : page.palette.button
                        palette.buttonText: enabled ? "white" : page.palette.disabled.buttonText
                        ToolTip.visible: hovered
                        ToolTip.text: page.stepHelp["rollback"]
                        onClicked: page.confirmStep("rollback")
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Automatically up to")
                    }
                    ComboBox {
                        id: until

                        textRole: "text"
                        valueRole: "value"
                        model: [
                            { value: "spawned", text: qsTr("spawned") },
                            { value: "parked", text: qsTr("drained") },
                            { value: "committed", text: qsTr("committed") }
                        ]
                        currentIndex: 2
                        Accessible.name: qsTr("Automatic mode: stop after")
                    }
                    Button {
                        objectName: "runAutomatically"
                        text: qsTr("Run")
                        enabled: !page.upgrade.busy && page.upgrade.validSteps.length > 0 && page.upgrade.targetPath.length > 0
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Runs the steps with health gates; a failed gate rolls the host back.")
                        onClicked: confirm.ask(qsTr("Upgrade %1 automatically?").arg(page.upgrade.host), qsTr("Baton runs every step up to \"%1\", checking health between them, and rolls back on a failed check.").arg(until.currentText), qsTr("This changes the host."), () => page.upgrade.runAutomatically(until.currentValue))
                    }
                    Button {
                        text: qsTr("Cancel")
                        enabled: page.upgrade.busy
                        onClicked: page.upgrade.cancel()
                    }
                }

                GroupBox {
                    objectName: "drainProgress"
                    title: qsTr("Drain")
                    visible: page.upgrade.oldWorkers > 0 || page.upgrade.runningStep === "drain"
                    Layout.fillWidth: true

                    RowLayout {
                        anchors.fill: parent
                        spacing: 12

                        ProgressBar {
                            from: 0
                            to: Math.max(1, page.upgrade.drainStartWorkers)
                            value: page.upgrade.drainStartWorkers > 0 ? page.upgrade.drainStartWorkers - page.upgrade.oldWorkers : 0
                            Accessible.name: qsTr("Old workers drained")
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr("%n old worker(s) left", "", page.upgrade.oldWorkers) + " · " + qsTr("%n connection(s)", "", page.upgrade.oldConnections)
                        }
                        Label {
                            id: elapsed

                            property double now: Date.now()

                            visible: page.upgrade.drainStartedAt > 0
                            text: qsTr("%1 s").arg(Math.max(0, Math.round((now - page.upgrade.drainStartedAt) / 1000)))

                            Timer {
                                interval: 1000
                                repeat: true
                                running: elapsed.visible
                                onTriggered: elapsed.now = Date.now()
                            }
                        }
                    }
                }

                Frame {
                    objectName: "lastReport"
                    visible: page.upgrade.lastReport.step !== undefined
                    Layout.fillWidth: true

                    ColumnLayout {
                        anchors.fill: parent

                        Label {
                            text: (page.upgrade.lastReport.ok ? "✓ " : "✗ ") + (page.upgrade.lastReport.message ?? "")
                            color: page.upgrade.lastReport.ok ? Theme.good : Theme.bad
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Repeater {
                            model: page.upgrade.lastReport.details ?? []

                            Label {
                                required property string modelData

                                text: modelData
                                font.family: "monospace"
                                font.pixelSize: 11
                                wrapMode: Text.WrapAnywhere
                                Layout.fillWidth: true
                            }
                        }
                    }
                }

                GenerationChart {
                    detail: Fleet.host
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 160
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2

                GroupBox {
                    objectName: "checklist"
                    title: qsTr("Preflight")
                    Layout.fillWidth: true

                    ColumnLayout {
                        anchors.fill: parent

                        Label {
                            visible: page.upgrade.checks.length === 0
                            text: page.upgrade.runningStep === "preflight" ? qsTr("Checking…") : qsTr("Not run yet: it changes nothing on the host.")
                            opacity: 0.7
                        }
                        Repeater {
                            model: page.upgrade.checks

                            CheckRow {
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                GroupBox {
                    title: qsTr("Log")
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    LogView {
                        objectName: "upgradeLog"
                        anchors.fill: parent
                        model: page.upgrade.log
                    }
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: page.upgrade.host.length === 0
        text: qsTr("Select one host on the Fleet page and choose Upgrade.")
        opacity: 0.7
    }
}
