pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

ApplicationWindow {
    id: window

    // "fleet", "host", "upgrade", "rollout", "compare" or "settings"
    property string page: "fleet"
    readonly property var pages: ["fleet", "host", "upgrade", "rollout", "compare", "settings"]

    function showPage(name: string) {
        if (window.pages.indexOf(name) >= 0)
            window.page = name;
    }

    // the theme's colours, whatever the platform offers (see Settings.colors)
    function applyColors() {
        const groups = Settings.colors;
        for (const group of ["active", "inactive", "disabled"]) {
            for (const role in groups[group])
                window.palette[group][role] = groups[group][role];
        }
    }

    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: Fleet.inventoryName.length > 0 ? qsTr("Baton — %1").arg(Fleet.inventoryName) : qsTr("Baton")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12

            Label {
                text: qsTr("Baton")
                font.bold: true
                font.pixelSize: 18
            }
            TabBar {
                id: tabs

                objectName: "pageTabs"
                currentIndex: window.pages.indexOf(window.page)
                Layout.fillWidth: true
                onCurrentIndexChanged: window.page = window.pages[currentIndex]

                Repeater {
                    model: [qsTr("Fleet"), qsTr("Host"), qsTr("Upgrade"), qsTr("Rollout"), qsTr("Compare"), qsTr("Settings")]

                    TabButton {
                        required property string modelData
                        required property int index

                        objectName: "tab-" + window.pages[index]
                        text: modelData
                        width: implicitWidth + 16
                        Accessible.name: modelData
                    }
                }
            }
            Label {
                text: Fleet.inventoryPath
                elide: Text.ElideMiddle
                opacity: 0.7
                Layout.maximumWidth: window.width / 4
            }
        }
    }

    Component.onCompleted: applyColors()

    Connections {
        target: Settings
        function onThemeChanged() {
            window.applyColors();
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: window.pages.indexOf(window.page)

        FleetPage {
            onHostRequested: name => {
                Fleet.currentHost = name;
                window.page = "host";
            }
            onUpgradeRequested: name => {
                Fleet.currentHost = name;
                window.page = "upgrade";
            }
            onCompareRequested: hosts => {
                Fleet.comparison.compare(hosts);
                window.page = "compare";
            }
            onRolloutRequested: hosts => {
                Fleet.rollout.hosts = hosts;
                window.page = "rollout";
            }
            onRollbackRequested: hosts => {
                Fleet.rollout.hosts = hosts;
                window.page = "rollout";
            }
        }
        HostPage {
            onUpgradeRequested: window.page = "upgrade"
        }
        UpgradePage {}
        RolloutPage {}
        ComparePage {}
        SettingsPage {}
    }

    HostKeyDialog {
        anchors.centerIn: parent
    }
    SecretDialog {
        anchors.centerIn: parent
    }
}
