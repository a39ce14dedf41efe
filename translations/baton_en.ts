<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Baton::RolloutController</name>
    <message numerus="yes">
        <source>Rolling out to %n host(s)…</source>
        <translation>
            <numerusform>Rolling out to %n host…</numerusform>
            <numerusform>Rolling out to %n hosts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n host(s)…</source>
        <translation>
            <numerusform>Rolling back %n host…</numerusform>
            <numerusform>Rolling back %n hosts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildPanel</name>
    <message numerus="yes">
        <source>Check: %n problem(s)</source>
        <translation>
            <numerusform>Check: %n problem</numerusform>
            <numerusform>Check: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message numerus="yes">
        <source>Compare %n host(s)</source>
        <translation>
            <numerusform>Compare %n host</numerusform>
            <numerusform>Compare %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the inventory?</source>
        <translation>
            <numerusform>Remove %n host from the inventory?</numerusform>
            <numerusform>Remove %n hosts from the inventory?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostBuild</name>
    <message numerus="yes">
        <source>the build still runs after %n seconds</source>
        <translation>
            <numerusform>the build still runs after %n second</numerusform>
            <numerusform>the build still runs after %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>./configure with %n argument(s)</source>
        <translation>
            <numerusform>./configure with %n argument</numerusform>
            <numerusform>./configure with %n arguments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostUpgrade</name>
    <message numerus="yes">
        <source>nginx %1 runs: master %2 with %n worker(s)</source>
        <translation>
            <numerusform>nginx %1 runs: master %2 with %n worker</numerusform>
            <numerusform>nginx %1 runs: master %2 with %n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new master %1 (nginx %2) runs with %n worker(s) beside the old master %3</source>
        <translation>
            <numerusform>new master %1 (nginx %2) runs with %n worker beside the old master %3</numerusform>
            <numerusform>new master %1 (nginx %2) runs with %n workers beside the old master %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>old workers: %n left</source>
        <translation>
            <numerusform>old workers: %n left</numerusform>
            <numerusform>old workers: %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n connection(s)</source>
        <translation>
            <numerusform>, %n connection</numerusform>
            <numerusform>, %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n host(s)</source>
        <translation>
            <numerusform>Import %n host</numerusform>
            <numerusform>Import %n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message numerus="yes">
        <source>preparing %n host(s) in %1</source>
        <translation>
            <numerusform>preparing %n host in %1</numerusform>
            <numerusform>preparing %n hosts in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>starting %n host(s)</source>
        <translation>
            <numerusform>starting %n host</numerusform>
            <numerusform>starting %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) up; inventory: %1</source>
        <translation>
            <numerusform>%n host up; inventory: %1</numerusform>
            <numerusform>%n hosts up; inventory: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab process(es) could not be stopped (first: pid %1)</source>
        <translation>
            <numerusform>%n lab process could not be stopped (first: pid %1)</numerusform>
            <numerusform>%n lab processes could not be stopped (first: pid %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabCommand</name>
    <message numerus="yes">
        <source>lab in %1 is down (%n process(es) stopped)</source>
        <translation>
            <numerusform>lab in %1 is down (%n process stopped)</numerusform>
            <numerusform>lab in %1 is down (%n processes stopped)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessTree</name>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rollout</name>
    <message numerus="yes">
        <source>%n host(s) failed, more than the failure budget allows: the rollout stopped (%1)</source>
        <translation>
            <numerusform>%n host failed, more than the failure budget allows: the rollout stopped (%1)</numerusform>
            <numerusform>%n hosts failed, more than the failure budget allows: the rollout stopped (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) upgraded</source>
        <translation>
            <numerusform>%1 of %n host upgraded</numerusform>
            <numerusform>%1 of %n hosts upgraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) rolled back</source>
        <translation>
            <numerusform>%1 of %n host rolled back</numerusform>
            <numerusform>%1 of %n hosts rolled back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutPage</name>
    <message numerus="yes">
        <source>Roll out to %n host(s)</source>
        <translation>
            <numerusform>Roll out to %n host</numerusform>
            <numerusform>Roll out to %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll out to %n host(s)?</source>
        <translation>
            <numerusform>Roll out to %n host?</numerusform>
            <numerusform>Roll out to %n hosts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n host(s)</source>
        <translation>
            <numerusform>Roll back %n host</numerusform>
            <numerusform>Roll back %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n host(s)?</source>
        <translation>
            <numerusform>Roll back %n host?</numerusform>
            <numerusform>Roll back %n hosts?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>%n remembered (passwords in the desktop&apos;s secret store, key passphrases in memory until Baton quits)</source>
        <translation>
            <numerusform>%n remembered (passwords in the desktop&apos;s secret store, key passphrases in memory until Baton quits)</numerusform>
            <numerusform>%n remembered (passwords in the desktop&apos;s secret store, key passphrases in memory until Baton quits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remembered in memory until Baton quits (there is no secret store)</source>
        <translation>
            <numerusform>%n remembered in memory until Baton quits (there is no secret store)</numerusform>
            <numerusform>%n remembered in memory until Baton quits (there is no secret store)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> + %n old</source>
        <translation>
            <numerusform> + %n old</numerusform>
            <numerusform> + %n old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n probe(s)</source>
        <translation>
            <numerusform>%1: %n probe</numerusform>
            <numerusform>%1: %n probes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradeCommand</name>
    <message numerus="yes">
        <source> (one round trip for %n command(s))</source>
        <translation>
            <numerusform> (one round trip for %n command)</numerusform>
            <numerusform> (one round trip for %n commands)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %1/upgrade-nginx.yml and %1/inventory.ini (%n host(s)); run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</source>
        <translation>
            <numerusform>wrote %1/upgrade-nginx.yml and %1/inventory.ini (%n host); run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</numerusform>
            <numerusform>wrote %1/upgrade-nginx.yml and %1/inventory.ini (%n hosts); run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradePage</name>
    <message numerus="yes">
        <source>%n old worker(s) left</source>
        <translation>
            <numerusform>%n old worker left</numerusform>
            <numerusform>%n old workers left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
</TS>
