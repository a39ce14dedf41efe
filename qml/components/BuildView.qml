pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// `nginx -V` as a readable list: version, compiler, OpenSSL, modules, configure arguments.
ScrollView {
    id: view

    property var build: ({})
    property string configureCommand

    clip: true
    contentWidth: availableWidth

    ColumnLayout {
        width: view.availableWidth
        spacing: 6

        Label {
            visible: !view.build.version
            text: view.build.error ?? qsTr("The build is read with the host's first full probe.")
            opacity: 0.7
        }
        GridLayout {
            visible: !!view.build.version
            columns: 2
            columnSpacing: 16
            rowSpacing: 4

            Label { text: qsTr("Version"); font.bold: true }
            Label { text: view.build.version ?? ""; font.family: "monospace" }
            Label { text: qsTr("Compiler"); font.bold: true; visible: !!view.build.compiler }
            Label { text: view.build.compiler ?? ""; visible: !!view.build.compiler }
            Label { text: qsTr("OpenSSL"); font.bold: true }
            Label {
                text: (view.build.opensslBuilt ?? "") + (view.build.opensslRunning && view.build.opensslRunning !== view.build.opensslBuilt ? qsTr(" (running %1)").arg(view.build.opensslRunning) : "")
            }
            Label { text: qsTr("Running binary"); font.bold: true }
            Label { text: view.build.runningSha256 ?? ""; font.family: "monospace"; font.pixelSize: 11 }
            Label { text: qsTr("On disk"); font.bold: true }
            Label {
                text: (view.build.diskPath ?? "") + "  " + (view.build.diskSha256 ?? "")
                color: view.build.diskSha256 && view.build.diskSha256 !== view.build.runningSha256 ? Theme.pending : palette.text
                font.family: "monospace"
                font.pixelSize: 11
            }
            Label { text: qsTr("Modules"); font.bold: true }
            Label {
                text: (view.build.staticModules ?? []).join(", ")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Dynamic modules"); font.bold: true }
            Label {
                text: (view.build.dynamicModules ?? []).join(", ")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Label {
            visible: !!view.build.version
            text: qsTr("Configure arguments (%1)").arg((view.build.arguments ?? []).length)
            font.bold: true
        }
        Repeater {
            model: view.build.arguments ?? []

            Label {
                required property string modelData

                text: modelData
                font.family: "monospace"
                font.pixelSize: 12
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
    }
}
