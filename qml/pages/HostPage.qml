pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// One host: its processes, a live chart per generation, its build, its configuration and
// the transcript of what Baton ran there.
Page {
    id: page

    readonly property HostDetail detail: Fleet.host

    signal upgradeRequested

    title: qsTr("Host")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        visible: page.detail.name.length > 0

        RowLayout {
            spacing: 10
            Layout.fillWidth: true

            Label {
                text: page.detail.name
                font.pixelSize: 20
                font.bold: true
            }
            PhaseBadge {
                phase: page.detail.phase
            }
            Label {
                text: page.detail.build.version ?? ""
                font.family: "monospace"
            }
            Label {
                visible: page.detail.staleBinary
                text: qsTr("stale binary: the file on disk is not what runs")
                color: Theme.pending
            }
            Label {
                text: page.detail.reason
                visible: text.length > 0
                color: Theme.bad
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Upgrade…")
                onClicked: page.upgradeRequested()
            }
        }

        RowLayout {
            spacing: 16
            Layout.fillWidth: true
            Layout.preferredHeight: parent.height * 0.5

            GroupBox {
                title: qsTr("Processes")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1

                ProcessTree {
                    objectName: "processTree"
                    anchors.fill: parent
                    model: page.detail.processes
                }
            }
            GroupBox {
                title: qsTr("Workers and connections")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1

                GenerationChart {
                    objectName: "generationChart"
                    anchors.fill: parent
                    detail: page.detail
                }
            }
        }

        TabBar {
            id: tabs

            Layout.fillWidth: true

            TabButton {
                text: qsTr("Build")
            }
            TabButton {
                objectName: "configTab"
                text: qsTr("Configuration")
                onClicked: if (page.detail.configState === HostDetail.ConfigNotLoaded)
                    page.detail.loadConfig()
            }
            TabButton {
                text: qsTr("Transcript (%1)").arg(page.detail.transcript.count)
            }
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            BuildView {
                build: page.detail.build
                configureCommand: page.detail.configureCommand()
            }
            ColumnLayout {
                RowLayout {
                    Label {
                        text: page.detail.configState === HostDetail.ConfigLoading ? qsTr("Reading the configuration (nginx -T)…") : page.detail.configState === HostDetail.ConfigFailed ? page.detail.configError : page.detail.configState === HostDetail.ConfigLoaded ? qsTr("nginx -T, as the running master reads it") : ""
                        color: page.detail.configState === HostDetail.ConfigFailed ? Theme.bad : palette.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Reload")
                        enabled: page.detail.configState !== HostDetail.ConfigLoading
                        onClicked: page.detail.loadConfig()
                    }
                }
                CodeView {
                    objectName: "configView"
                    text: page.detail.configText
                    definition: "nginx Configuration"
                    placeholder: qsTr("The configuration is read when you open this tab.")
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }
            CodeView {
                objectName: "transcriptView"
                text: page.detail.transcript.count >= 0 ? page.detail.transcript.asShellText() : ""
                definition: "Bash"
                placeholder: qsTr("Baton has run nothing on this host in this session.")
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: page.detail.name.length === 0
        text: qsTr("Pick a host on the Fleet page.")
        opacity: 0.7
    }
}
