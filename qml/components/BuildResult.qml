import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Ui

// How the last build ended: the built binary, its version and sha256, and what to do with it.
Frame {
    id: result

    property var report: ({})
    property bool busy
    property bool targetInUse

    signal useAsTarget
    signal clean

    readonly property bool built: report.ok === true && (report.binary ?? "").length > 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            text: (result.report.ok ? "✓ " : "✗ ") + (result.report.message ?? "")
            color: result.report.ok ? Theme.good : Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            visible: result.built
            columns: 2
            columnSpacing: 12
            rowSpacing: 2
            Layout.fillWidth: true

            Label { text: qsTr("Binary"); font.bold: true }
            Label {
                text: result.report.binary ?? ""
                font.family: "monospace"
                font.pixelSize: 11
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            Label { text: qsTr("Version"); font.bold: true }
            Label { text: result.report.version ?? ""; font.family: "monospace"; font.pixelSize: 11 }
            Label { text: qsTr("sha256"); font.bold: true }
            Label {
                text: result.report.sha256 ?? ""
                font.family: "monospace"
                font.pixelSize: 11
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
        Repeater {
            model: result.report.ok ? [] : result.report.details ?? []

            Label {
                required property string modelData

                text: modelData
                font.family: "monospace"
                font.pixelSize: 11
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
        RowLayout {
            visible: result.built
            spacing: 8

            Button {
                objectName: "useBuildAsTarget"
                text: result.targetInUse ? qsTr("The upgrade's target") : qsTr("Use as upgrade target")
                enabled: !result.busy && !result.targetInUse
                highlighted: enabled
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The upgrade steps stage this binary (a path on the host).")
                onClicked: result.useAsTarget()
            }
            Button {
                objectName: "cleanBuild"
                text: qsTr("Remove the work directory")
                enabled: !result.busy
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Deletes the source, the objects and the built binary on the host.")
                onClicked: result.clean()
            }
        }
    }
}
