pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtGraphs
import Baton.Core
import Baton.Ui

// Workers and connections per generation over the last minutes, with a stroke and a label
// wherever Baton sent a signal.
ColumnLayout {
    id: chart

    property HostDetail detail

    function refresh() {
        if (!chart.detail)
            return;
        workers.replace(chart.detail.points(HostDetail.Workers));
        oldWorkers.replace(chart.detail.points(HostDetail.OldWorkers));
        connections.replace(chart.detail.points(HostDetail.Connections));
        oldConnections.replace(chart.detail.points(HostDetail.OldConnections));
        signalStrokes.replace(chart.detail.markerPoints());
    }

    spacing: 4
    Accessible.name: qsTr("Workers and connections per generation")

    Connections {
        target: chart.detail
        function onTimelineChanged() {
            chart.refresh();
        }
    }
    Timer {
        // the x axis is "seconds before now": it moves even when no probe comes in
        interval: 1000
        repeat: true
        running: chart.visible
        onTriggered: chart.refresh()
    }
    Component.onCompleted: refresh()

    RowLayout {
        spacing: 12
        Layout.fillWidth: true

        Repeater {
            model: [
                { label: qsTr("workers (new)"), tone: Theme.newGeneration, dashed: false },
                { label: qsTr("workers (old)"), tone: Theme.oldGeneration, dashed: false },
                { label: qsTr("connections (new)"), tone: Theme.newGeneration, dashed: true },
                { label: qsTr("connections (old)"), tone: Theme.oldGeneration, dashed: true },
                { label: qsTr("signals"), tone: Theme.bad, dashed: false }
            ]

            RowLayout {
                id: legendEntry

                required property var modelData

                spacing: 4

                Rectangle {
                    implicitWidth: 16
                    implicitHeight: legendEntry.modelData.dashed ? 2 : 3
                    color: legendEntry.modelData.tone
                    opacity: legendEntry.modelData.dashed ? 0.7 : 1
                }
                Label {
                    text: legendEntry.modelData.label
                    font.pixelSize: 11
                }
            }
        }
        Item {
            Layout.fillWidth: true
        }
        Repeater {
            model: chart.detail ? chart.detail.markers : []

            Label {
                required property var modelData

                text: qsTr("%1 %2 s ago").arg(modelData.signal).arg(Math.round(-modelData.x))
                color: Theme.bad
                font.pixelSize: 11
                font.bold: true
            }
        }
    }

    GraphsView {
        id: view

        Layout.fillWidth: true
        Layout.fillHeight: true
        marginLeft: 4
        marginRight: 12
        theme: GraphsTheme {
            colorScheme: Theme.dark ? GraphsTheme.ColorScheme.Dark : GraphsTheme.ColorScheme.Light
            plotAreaBackgroundVisible: false
        }
        axisX: ValueAxis {
            min: chart.detail ? -chart.detail.chartSpan : -120
            max: 0
            tickInterval: 30
            labelDecimals: 0
        }
        axisY: ValueAxis {
            min: 0
            max: chart.detail ? chart.detail.chartMax + 1 : 5
            tickInterval: Math.max(1, Math.ceil(max / 4))
            labelDecimals: 0
        }

        LineSeries {
            id: signalStrokes
            color: Theme.bad
            width: 1
        }
        LineSeries {
            id: workers
            color: Theme.newGeneration
            width: 3
        }
        LineSeries {
            id: oldWorkers
            color: Theme.oldGeneration
            width: 3
        }
        LineSeries {
            id: connections
            color: Theme.newGeneration
            width: 1.5
        }
        LineSeries {
            id: oldConnections
            color: Theme.oldGeneration
            width: 1.5
        }
    }
}
