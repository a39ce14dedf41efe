pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Several hosts: the plan (canaries, batches, parallelism, failure budget) and one swimlane
// per host, its phases over the rollout's time side by side.
Page {
    id: page

    readonly property RolloutController rollout: Fleet.rollout

    title: qsTr("Rollout")

    ConfirmDialog {
        id: confirm
    }
    Dialog {
        id: exportDialog

        property string outcome

        objectName: "exportDialog"
        title: qsTr("Export as Ansible playbook")
        modal: true
        width: 560
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Save | Dialog.Close
        onAboutToShow: outcome = ""
        onAccepted: {
            const error = page.rollout.exportAnsible(exportDirectory.text);
            outcome = error.length > 0 ? error : qsTr("Written. Run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml").arg(exportDirectory.text);
            open();
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: 8

            Label {
                text: qsTr("Directory for upgrade-nginx.yml and inventory.ini:")
            }
            TextField {
                id: exportDirectory

                text: "/tmp/baton-ansible"
                font.family: "monospace"
                Accessible.name: qsTr("Directory")
                Layout.fillWidth: true
            }
            Label {
                text: exportDialog.outcome
                visible: text.length > 0
                wrapMode: Text.Wrap
                font.family: "monospace"
                Layout.fillWidth: true
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Label {
                text: page.rollout.started && page.rollout.mode === "rollback" ? qsTr("Roll back %n host(s)", "", page.rollout.hosts.length) : qsTr("Roll out to %n host(s)", "", page.rollout.hosts.length)
                font.pixelSize: 20
                font.bold: true
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                visible: page.rollout.started
                text: qsTr("%1 s").arg(page.rollout.elapsedSeconds.toFixed(1))
                opacity: 0.7
            }
        }

        GroupBox {
            title: qsTr("Plan")
            Layout.fillWidth: true

            GridLayout {
                anchors.fill: parent
                columns: 6
                columnSpacing: 12
                enabled: !page.rollout.busy

                Label { text: qsTr("Canaries") }
                SpinBox {
                    from: 0; to: 100
                    value: page.rollout.canaries
                    onValueModified: page.rollout.canaries = value
                    Accessible.name: qsTr("Canaries")
                }
                Label { text: qsTr("Batch size") }
                SpinBox {
                    from: 1; to: 1000
                    value: page.rollout.batchSize
                    onValueModified: page.rollout.batchSize = value
                    Accessible.name: qsTr("Batch size")
                }
                Label { text: qsTr("Hosts at once") }
                SpinBox {
                    from: 1; to: 100
                    value: page.rollout.parallel
                    onValueModified: page.rollout.parallel = value
                    Accessible.name: qsTr("Hosts at once")
                }
                Label { text: qsTr("Failures allowed") }
                SpinBox {
                    from: 0; to: 1000
                    value: page.rollout.maxFailures
                    onValueModified: page.rollout.maxFailures = value
                    Accessible.name: qsTr("Failures allowed")
                }
                Label { text: qsTr("On a failure") }
                ComboBox {
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "rollback-host", text: qsTr("roll that host back") },
                        { value: "rollback-batch", text: qsTr("roll its batch back") },
                        { value: "stop", text: qsTr("stop and leave it") }
                    ]
                    currentIndex: Math.max(0, indexOfValue(page.rollout.onFailure))
                    onActivated: page.rollout.onFailure = currentValue
                    Accessible.name: qsTr("On a failure")
                    Layout.preferredWidth: 200
                }
                Label { text: qsTr("Target on the hosts") }
                TextField {
                    text: page.rollout.remoteTarget
                    placeholderText: qsTr("each host's staged target")
                    font.family: "monospace"
                    onEditingFinished: page.rollout.remoteTarget = text
                    Accessible.name: qsTr("Target on the hosts")
                    Layout.fillWidth: true
                }
            }
        }

        RowLayout {
            spacing: 8

            Label {
                text: qsTr("Batches: %1").arg(page.rollout.batches.map((b, i) => (i === 0 && page.rollout.canaries > 0 ? qsTr("canary ") : "") + "[" + b.join(", ") + "]").join(" → "))
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "startRollout"
                text: qsTr("Start rollout")
                enabled: !page.rollout.busy && page.rollout.hosts.length > 0
                highlighted: true
                onClicked: confirm.ask(qsTr("Roll out to %n host(s)?", "", page.rollout.hosts.length), qsTr("Every host is upgraded and committed, batch by batch, within the failure budget."), qsTr("This changes the hosts."), () => page.rollout.start())
            }
            Button {
                objectName: "rollBackHosts"
                text: qsTr("Roll back these hosts")
                enabled: !page.rollout.busy && page.rollout.hosts.length > 0
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Put each host back on the binary it ran before its last upgrade, whatever its phase.")
                onClicked: confirm.ask(qsTr("Roll back %n host(s)?", "", page.rollout.hosts.length), qsTr("Each host goes back to the binary it ran before Baton's last upgrade: a rollback while an upgrade is under way, or a new upgrade to the backup once committed. A host already there is left alone."), qsTr("This changes the hosts."), () => page.rollout.rollBack())
            }
            Button {
                objectName: "exportAnsible"
                text: qsTr("Export as Ansible playbook…")
                enabled: page.rollout.hosts.length > 0
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Write this plan as an Ansible playbook and inventory with the same batches, failure budget, steps and checks.")
                onClicked: exportDialog.open()
            }
            Button {
                text: qsTr("Stop")
                enabled: page.rollout.busy
                onClicked: page.rollout.cancel()
            }
        }

        Label {
            objectName: "rolloutMessage"
            visible: page.rollout.message.length > 0
            text: page.rollout.message
            color: page.rollout.busy ? palette.text : page.rollout.ok ? Theme.good : Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ListView {
            objectName: "swimlanes"
            model: page.rollout.lanes
            clip: true
            spacing: 6
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}

            delegate: Swimlane {
                width: ListView.view.width
                canaries: page.rollout.mode === "upgrade" && page.rollout.canaries > 0
            }
        }

        Label {
            visible: page.rollout.hosts.length === 0
            text: qsTr("Select hosts on the Fleet page and choose Roll out.")
            opacity: 0.7
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
