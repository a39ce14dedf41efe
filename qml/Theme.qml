pragma Singleton

import QtQuick

// Sizes and colours shared by the pages and components.
QtObject {
    readonly property int hostWidth: 200
    readonly property int sshWidth: 240
    readonly property int connectionWidth: 140
    readonly property int workersWidth: 170
    readonly property int columnSpacing: 16
    readonly property int sidePadding: 12

    readonly property color neutral: "#9aa0a6"
    readonly property color pending: "#f9ab00"
    readonly property color good: "#1e8e3e"
    readonly property color bad: "#d93025"
}
