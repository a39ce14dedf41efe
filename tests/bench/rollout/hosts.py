#!/usr/bin/env python3
"""Prints a lab inventory's hosts for the benchmark's scripts, one per line, tab-separated:
name port user identityFile knownHostsFile binary pidFile prefix configFile httpPort."""
import json
import sys

inventory = json.load(open(sys.argv[1]))
for host in inventory["hosts"]:
    nginx = host["nginx"]
    print("\t".join(str(v) for v in (
        host["name"], host["port"], host["user"], host["identityFile"],
        host.get("knownHostsFile") or inventory["knownHostsFile"], nginx["binary"], nginx["pidFile"],
        nginx["prefix"], nginx["configFile"], host["httpPort"])))
