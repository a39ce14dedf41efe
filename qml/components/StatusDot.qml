import QtQuick

// A small coloured dot for a state.
Rectangle {
    id: dot

    property color tone: "#9aa0a6"

    implicitWidth: 10
    implicitHeight: 10
    radius: width / 2
    color: tone
}
