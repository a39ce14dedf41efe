import QtQuick
import QtTest
import Baton.Core
import Baton.Ui

// The pages' logic against the fleet tst_components sets up: web-1 spawned, web-2 running,
// db-1 not probed yet. Which buttons a user can press follows the selection and the live
// phase; the search narrows the list.
TestCase {
    id: testCase

    name: "Pages"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component {
        id: fleetPage

        FleetPage {
            width: 1280
            height: 800
        }
    }
    Component {
        id: hostPage

        HostPage {
            width: 1280
            height: 800
        }
    }
    Component {
        id: rolloutPage

        RolloutPage {
            width: 1280
            height: 800
        }
    }
    Component {
        id: comparePage

        ComparePage {
            width: 1280
            height: 800
        }
    }
    Component {
        id: settingsPage

        SettingsPage {
            width: 1280
            height: 800
        }
    }
    Component {
        id: importDialog

        ImportDialog {}
    }
    Component {
        id: upgradePage

        UpgradePage {
            width: 1280
            height: 800
        }
    }

    function init() {
        failOnWarning(/^(?!QRhiGles2: Failed to create (temporary )?context$)/)
        Fleet.clearSelection()
    }

    function enabledOf(page, name) {
        const item = findChild(page, name)
        verify(item, "no " + name)
        return item.enabled
    }

    function test_selectionActions_data() {
        return [
            { tag: "none", hosts: [], enabled: ["addHost", "importHosts"],
              disabled: ["compareSelected", "upgradeSelected", "rolloutSelected", "rollbackSelected", "editSelected", "removeSelected"] },
            { tag: "one", hosts: ["web-1"], enabled: ["upgradeSelected", "rolloutSelected", "rollbackSelected", "editSelected", "removeSelected"],
              disabled: ["compareSelected"] },
            { tag: "two", hosts: ["web-1", "db-1"], enabled: ["compareSelected", "rolloutSelected", "rollbackSelected", "removeSelected"],
              disabled: ["upgradeSelected", "editSelected"] }
        ]
    }

    function test_selectionActions(data) {
        const page = createTemporaryObject(fleetPage, testCase)
        verify(page)
        for (const host of data.hosts)
            Fleet.setSelected(host, true)
        compare(Fleet.selection.length, data.hosts.length)
        for (const name of data.enabled)
            verify(enabledOf(page, name), name + " should be enabled")
        for (const name of data.disabled)
            verify(!enabledOf(page, name), name + " should be disabled")
    }

    function test_selectionByCheckBox() {
        const page = createTemporaryObject(fleetPage, testCase)
        const list = findChild(page, "hostList")
        tryCompare(list, "count", 3)
        let box = null
        tryVerify(() => (box = findChild(page, "select-db-1")) !== null, 2000, "db-1's check box")
        mouseClick(box)
        compare(Fleet.selection, ["db-1"])
        mouseClick(box)
        compare(Fleet.selection.length, 0)
    }

    function test_search() {
        const page = createTemporaryObject(fleetPage, testCase)
        const list = findChild(page, "hostList")
        const search = findChild(page, "search")
        tryCompare(list, "count", 3)
        search.text = "db"
        tryCompare(list, "count", 1)
        search.text = "web spawned" // every word: a group and a phase
        tryCompare(list, "count", 1)
        search.text = "nothing-like-this"
        tryCompare(list, "count", 0)
        verify(findChild(page, "noMatch").visible)
        search.text = ""
        tryCompare(list, "count", 3)
    }

    function test_stepButtonsFollowThePhase_data() {
        return [
            { tag: "spawned", host: "web-1", enabled: ["run-drain", "run-commit", "run-rollback"], disabled: ["run-stage", "run-spawn"] },
            { tag: "running", host: "web-2", enabled: [], disabled: ["run-stage", "run-spawn", "run-drain", "run-commit", "run-rollback"] },
            { tag: "not probed", host: "db-1", enabled: [], disabled: ["run-stage", "run-spawn", "run-drain", "run-commit", "run-rollback"] }
        ]
    }

    function test_stepButtonsFollowThePhase(data) {
        Fleet.currentHost = data.host
        const page = createTemporaryObject(upgradePage, testCase)
        verify(page)
        for (const name of data.enabled)
            tryVerify(() => enabledOf(page, name), 1000, name + " should be enabled on " + data.host)
        for (const name of data.disabled)
            verify(!enabledOf(page, name), name + " should be disabled on " + data.host)
    }

    function test_runningWithATargetCanStage() {
        Fleet.currentHost = "web-2"
        Fleet.upgrade.targetPath = "/opt/nginx-new"
        const page = createTemporaryObject(upgradePage, testCase)
        tryVerify(() => enabledOf(page, "run-stage"))
        verify(enabledOf(page, "run-spawn"))
        verify(!enabledOf(page, "run-commit"))
        Fleet.upgrade.targetPath = ""
        verify(!enabledOf(page, "run-stage"))
    }

    // every control a user can reach: what a screen reader says, and reachable by keyboard
    function controlsWithoutNames(item, found) {
        if (!item.visible)
            return found
        const isControl = item.focusPolicy !== undefined && item.hoverEnabled !== undefined && item.enabled !== undefined
        if (isControl && item.focusPolicy !== Qt.NoFocus) {
            // a screen reader reads a button's text when it has no name of its own
            const name = item.Accessible.name || (typeof item.text === "string" ? item.text : "")
            if (name.length === 0)
                found.push((item.objectName || item.toString()) + " (" + (item.text ?? "") + ")")
            return found // a control's own parts are not asked about
        }
        for (let i = 0; i < item.children.length; ++i)
            controlsWithoutNames(item.children[i], found)
        return found
    }

    function test_accessibleNames_data() {
        return [
            { tag: "fleet", component: fleetPage },
            { tag: "host", component: hostPage },
            { tag: "upgrade", component: upgradePage },
            { tag: "rollout", component: rolloutPage },
            { tag: "compare", component: comparePage },
            { tag: "settings", component: settingsPage }
        ]
    }

    function test_accessibleNames(data) {
        Fleet.currentHost = "web-1"
        const page = createTemporaryObject(data.component, testCase)
        verify(page)
        wait(0)
        const missing = controlsWithoutNames(page, [])
        compare(missing.length, 0, "controls without an accessible name: " + missing.join(", "))
    }

    // the Upgrade page with its build panel open: every control named too
    function test_buildPanelControlsHaveNames() {
        Fleet.currentHost = "web-1"
        const page = createTemporaryObject(upgradePage, testCase)
        verify(page)
        const open = findChild(page, "buildFromSource")
        verify(open)
        mouseClick(open)
        tryVerify(() => findChild(page, "buildPanel").visible)
        verify(!findChild(page, "stepper").visible)
        wait(0)
        const missing = controlsWithoutNames(page, [])
        compare(missing.length, 0, "controls without an accessible name: " + missing.join(", "))
        mouseClick(open) // back to the steps
        tryVerify(() => findChild(page, "stepper").visible)
    }

    function test_keyboardReachesTheFleetActions() {
        const page = createTemporaryObject(fleetPage, testCase)
        Fleet.setSelected("web-1", true)
        page.forceActiveFocus()
        const reached = {}
        for (let i = 0; i < 40; ++i) {
            keyClick(Qt.Key_Tab)
            const item = page.Window.activeFocusItem
            if (item && item.objectName)
                reached[item.objectName] = true
        }
        for (const name of ["addHost", "importHosts", "search", "upgradeSelected", "rolloutSelected"])
            verify(reached[name], name + " is reached with Tab; reached: " + Object.keys(reached).join(", "))
    }

    // The import dialog lists an Ansible inventory's hosts; those already in the inventory
    // (web-1, web-2) cannot be chosen again. Nothing is imported here: the fleet is shared.
    function test_importDialogReadsAnAnsibleInventory() {
        const dialog = createTemporaryObject(importDialog, testCase)
        dialog.show("ansible")
        compare(dialog.hosts.length, 0)
        const path = findChild(dialog.contentItem, "ansiblePath")
        verify(path)
        path.text = Qt.resolvedUrl("../data/ansible/fleet.ini").toString().replace(/^file:\/\//, "")
        dialog.reload()
        compare(dialog.error, "")
        compare(dialog.hosts.length, 6)
        const names = dialog.chosenNames()
        compare(names.length, 4)
        verify(names.indexOf("web-1") < 0 && names.indexOf("web-2") < 0, "web-1 and web-2 are in the inventory already")
        verify(names.indexOf("web-4") >= 0)
        dialog.close()
    }
}
