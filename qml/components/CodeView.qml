import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton.Core
import Baton.Ui

// Read-only text highlighted by KSyntaxHighlighting, with a search field.
ColumnLayout {
    id: view

    property string text
    property string definition
    property bool searchable: true
    property string placeholder

    function find(forward: bool) {
        const needle = search.text.toLowerCase();
        if (needle.length === 0)
            return;
        const haystack = edit.text.toLowerCase();
        let at = forward ? haystack.indexOf(needle, edit.selectionEnd) : haystack.lastIndexOf(needle, Math.max(0, edit.selectionStart - 1));
        if (at < 0)
            at = forward ? haystack.indexOf(needle) : haystack.lastIndexOf(needle);
        if (at >= 0) {
            edit.select(at, at + needle.length);
            const rect = edit.positionToRectangle(at);
            flick.contentY = Math.max(0, Math.min(rect.y - flick.height / 3, flick.contentHeight - flick.height));
        }
        matches.text = at >= 0 ? "" : qsTr("not found");
    }

    spacing: 4

    RowLayout {
        visible: view.searchable
        Layout.fillWidth: true

        TextField {
            id: search

            placeholderText: qsTr("Find in text")
            Accessible.name: qsTr("Find in text")
            Layout.preferredWidth: 260
            onAccepted: view.find(true)
        }
        Button {
            text: qsTr("Next")
            enabled: search.text.length > 0
            onClicked: view.find(true)
        }
        Button {
            text: qsTr("Previous")
            enabled: search.text.length > 0
            onClicked: view.find(false)
        }
        Label {
            id: matches
            opacity: 0.7
        }
    }

    Frame {
        padding: 0
        Layout.fillWidth: true
        Layout.fillHeight: true

        Flickable {
            id: flick

            anchors.fill: parent
            clip: true
            contentWidth: edit.contentWidth + 16
            contentHeight: edit.contentHeight + 16
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}

            TextEdit {
                id: edit

                x: 8
                y: 8
                text: view.text
                readOnly: true
                selectByMouse: true
                selectByKeyboard: true
                persistentSelection: true
                font.family: "monospace"
                font.pixelSize: 12
                color: palette.text
                selectionColor: palette.highlight
                selectedTextColor: palette.highlightedText
                Accessible.name: view.definition
            }
        }
        Label {
            anchors.centerIn: parent
            visible: view.text.length === 0
            text: view.placeholder
            opacity: 0.6
        }
    }

    CodeHighlighter {
        document: edit.textDocument
        definition: view.definition
        dark: Theme.dark
    }
}
