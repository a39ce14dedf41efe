import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Language, theme, the defaults of upgrades and polling, and remembered passwords.
Page {
    id: page

    title: qsTr("Settings")

    ScrollView {
        anchors.fill: parent
        anchors.margins: 16
        contentWidth: availableWidth

        GridLayout {
            width: Math.min(720, parent.width)
            columns: 2
            columnSpacing: 16
            rowSpacing: 12

            Label {
                text: qsTr("Settings")
                font.pixelSize: 20
                font.bold: true
                Layout.columnSpan: 2
            }

            Label { text: qsTr("Language") }
            ComboBox {
                objectName: "language"
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "", text: qsTr("Follow the system") },
                    { value: "en", text: "English" },
                    { value: "zh_CN", text: "简体中文" }
                ]
                currentIndex: Math.max(0, indexOfValue(Settings.language))
                onActivated: Settings.language = currentValue
                Accessible.name: qsTr("Language")
                Layout.preferredWidth: 260
            }

            Label { text: qsTr("Theme") }
            ComboBox {
                objectName: "theme"
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: Settings.SystemTheme, text: qsTr("Follow the system") },
                    { value: Settings.LightTheme, text: qsTr("Light") },
                    { value: Settings.DarkTheme, text: qsTr("Dark") }
                ]
                currentIndex: Math.max(0, indexOfValue(Settings.theme))
                onActivated: Settings.theme = currentValue
                Accessible.name: qsTr("Theme")
                Layout.preferredWidth: 260
            }

            Label { text: qsTr("Drain timeout") }
            RowLayout {
                SpinBox {
                    from: 1
                    to: 86400
                    stepSize: 30
                    editable: true
                    value: Settings.drainTimeoutSeconds
                    onValueModified: Settings.drainTimeoutSeconds = value
                    Accessible.name: qsTr("Drain timeout in seconds")
                }
                Label {
                    text: qsTr("seconds for the old workers to finish")
                    opacity: 0.7
                }
            }

            Label { text: qsTr("Health URL") }
            TextField {
                text: Settings.healthUrl
                placeholderText: qsTr("http://127.0.0.1:<port>/ of each host")
                onEditingFinished: Settings.healthUrl = text
                Accessible.name: qsTr("Health URL")
                Layout.fillWidth: true
            }

            Label { text: qsTr("Poll interval") }
            RowLayout {
                SpinBox {
                    from: 1
                    to: 600
                    editable: true
                    value: Settings.pollIntervalMs / 1000
                    onValueModified: Settings.pollIntervalMs = value * 1000
                    Accessible.name: qsTr("Poll interval in seconds")
                }
                Label {
                    text: qsTr("seconds between probes of a host that does not change (changing hosts: twice a second)")
                    opacity: 0.7
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }

            Label { text: qsTr("Parallelism") }
            RowLayout {
                SpinBox {
                    from: 1
                    to: 100
                    editable: true
                    value: Settings.parallelism
                    onValueModified: Settings.parallelism = value
                    Accessible.name: qsTr("Hosts upgraded at once")
                }
                Label {
                    text: qsTr("hosts upgraded at once in a rollout")
                    opacity: 0.7
                }
            }

            Label { text: qsTr("Passwords") }
            RowLayout {
                Button {
                    objectName: "forgetPasswords"
                    text: qsTr("Forget remembered passwords")
                    enabled: Fleet.prompter.rememberedCount > 0
                    onClicked: Fleet.prompter.forgetAll()
                }
                Label {
                    text: Fleet.prompter.secretStoreAvailable ? qsTr("%n remembered (passwords in the desktop's secret store, key passphrases in memory until Baton quits)", "", Fleet.prompter.rememberedCount) : qsTr("%n remembered in memory until Baton quits (there is no secret store)", "", Fleet.prompter.rememberedCount)
                    opacity: 0.7
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
