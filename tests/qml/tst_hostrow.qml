import QtQuick
import QtTest
import Baton.Core
import Baton.Ui

TestCase {
    id: testCase

    name: "HostRow"
    width: 1000
    height: 200
    visible: true // texts() reports only what a user can see
    when: windowShown

    Component {
        id: rowComponent

        HostRow {
            width: 1000
        }
    }

    function texts(item) {
        let found = []
        if (item.checkable !== undefined)
            return found // the selection check box: no text of its own
        if (item.text !== undefined && typeof item.text === "string" && item.visible)
            found.push(item.text)
        for (let i = 0; i < item.children.length; ++i)
            found = found.concat(texts(item.children[i]))
        return found
    }

    function makeRow(overrides) {
        const properties = {
            index: 0,
            name: "web-1",
            address: "10.0.0.1",
            port: 2222,
            user: "ops",
            groups: ["web", "eu"],
            pidFile: "/run/nginx.pid",
            connectionState: HostListModel.NotConnected,
            phase: "",
            reason: "",
            version: "",
            staleBinary: false,
            workers: 0,
            oldWorkers: 0,
            connections: 0,
            connectionHistory: [],
            selected: false,
            lockHolder: ""
        }
        for (const key in overrides)
            properties[key] = overrides[key]
        const row = createTemporaryObject(rowComponent, testCase, properties)
        verify(row, "HostRow was created")
        return row
    }

    function init() {
        failOnWarning(/.*/)
    }

    function test_showsTheHost() {
        const shown = texts(makeRow({}).contentItem)
        verify(shown.includes("web-1"), shown)
        verify(shown.includes("ops@10.0.0.1:2222"), shown)
        verify(shown.includes("web, eu"), shown)
        verify(shown.includes("/run/nginx.pid"), shown)
        verify(shown.includes("not connected"), shown)
    }

    function test_withoutUserOrPidFile() {
        const shown = texts(makeRow({ user: "", pidFile: "", groups: [] }).contentItem)
        verify(shown.includes("10.0.0.1:2222"), shown)
        verify(shown.includes("any nginx master on the host"), shown)
        verify(!shown.includes(""), "no empty group line: " + shown)
    }

    function test_lockHolder() {
        verify(!texts(makeRow({}).contentItem).some(t => t.startsWith("locked by")))
        const shown = texts(makeRow({ connectionState: HostListModel.Connected, phase: "spawned",
                                      lockHolder: "batonctl (pid 4242) on ops-laptop" }).contentItem)
        verify(shown.includes("locked by batonctl (pid 4242) on ops-laptop"), shown)
    }

    function test_selection() {
        const row = makeRow({ selected: true })
        const box = findChild(row, "select-web-1")
        verify(box, "a selection check box")
        verify(box.checked)
        compare(box.Accessible.name, "select web-1")
        row.selected = false
        verify(!box.checked)
    }

    function test_liveStatus() {
        const row = makeRow({ connectionState: HostListModel.Connected, phase: "spawned", version: "nginx/1.26.3",
                              workers: 2, oldWorkers: 2, connections: 7, connectionHistory: [1, 3, 7] })
        const shown = texts(row.contentItem)
        verify(shown.includes("spawned"), shown)
        verify(shown.includes("nginx/1.26.3"), shown)
        verify(shown.includes("2 + 2 old"), shown)
        verify(shown.includes("7"), shown)
        verify(!shown.includes("stale binary"), shown)
        verify(shown.includes("/run/nginx.pid"), shown)
    }

    function test_staleBinaryAndReason() {
        const shown = texts(makeRow({ connectionState: HostListModel.Connected, phase: "abnormal", staleBinary: true,
                                      reason: "a stale .oldbin", workers: 2 }).contentItem)
        verify(shown.includes("abnormal"), shown)
        verify(shown.includes("stale binary"), shown)
        verify(shown.includes("a stale .oldbin"), shown)
        verify(!shown.includes("/run/nginx.pid"), "the reason takes the pid file's place: " + shown)
    }

    function test_notProbedYet() {
        const shown = texts(makeRow({}).contentItem)
        verify(!shown.includes("0"), "no figures before a probe: " + shown)
    }

    function test_connectionStates_data() {
        return [
            { tag: "not connected", state: HostListModel.NotConnected, label: "not connected" },
            { tag: "connecting", state: HostListModel.Connecting, label: "connecting" },
            { tag: "connected", state: HostListModel.Connected, label: "connected" },
            { tag: "failed", state: HostListModel.Failed, label: "failed" }
        ]
    }

    function test_connectionStates(data) {
        verify(texts(makeRow({ connectionState: data.state }).contentItem).includes(data.label))
    }
}
