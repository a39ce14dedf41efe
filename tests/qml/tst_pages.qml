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
}
