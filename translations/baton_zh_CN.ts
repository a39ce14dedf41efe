<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnsibleExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 names no nginx.pidFile: the playbook assumes /run/nginx.pid</source>
        <translation>%1 未指定 nginx.pidFile：剧本假定为 /run/nginx.pid</translation>
    </message>
    <message>
        <source>the exported playbook installs a binary already on the hosts: give --remote-binary, or nginx.targetBinary in the inventory, instead of --binary</source>
        <translation>导出的剧本安装的是主机上已有的二进制：请改用 --remote-binary，或在清单中设置 nginx.targetBinary，而不是 --binary</translation>
    </message>
    <message>
        <source>%1 has no target: give --remote-binary PATH</source>
        <translation>%1 没有目标二进制：请给出 --remote-binary PATH</translation>
    </message>
    <message>
        <source>cannot make the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
</context>
<context>
    <name>AnsibleInventory</name>
    <message>
        <source>line %1: a section header ends with ]</source>
        <translation>第 %1 行：节标题必须以 ] 结尾</translation>
    </message>
    <message>
        <source>line %1: unknown section kind &quot;%2&quot;</source>
        <translation>第 %1 行：未知的节类型 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>line %1: a group variable is NAME=VALUE</source>
        <translation>第 %1 行：组变量的格式是 NAME=VALUE</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>cannot read &quot;%1&quot; in a {…} mapping</source>
        <translation>无法读取 {…} 映射中的 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>line %1: unexpected indentation</source>
        <translation>第 %1 行：缩进不符合预期</translation>
    </message>
    <message>
        <source>line %1: YAML indents with spaces, not tabs</source>
        <translation>第 %1 行：YAML 用空格缩进，不能用制表符</translation>
    </message>
    <message>
        <source>line %1: a list where an inventory has mappings</source>
        <translation>第 %1 行：此处应为映射，而不是列表</translation>
    </message>
    <message>
        <source>line %1: expected &quot;name:&quot; or &quot;name: value&quot;</source>
        <translation>第 %1 行：应为 &quot;name:&quot; 或 &quot;name: value&quot;</translation>
    </message>
    <message>
        <source>group %1 must be a mapping (hosts, vars, children)</source>
        <translation>组 %1 必须是映射（hosts、vars、children）</translation>
    </message>
    <message>
        <source>cannot read the host pattern &quot;%1&quot;</source>
        <translation>无法读取主机模式 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot read the range in &quot;%1&quot;</source>
        <translation>无法读取 &quot;%1&quot; 中的范围</translation>
    </message>
    <message>
        <source>host %1: ansible_port &quot;%2&quot; is not a port</source>
        <translation>主机 %1：ansible_port &quot;%2&quot; 不是端口号</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Hot binary upgrades of nginx over SSH.</source>
        <translation>通过 SSH 对 nginx 进行二进制热升级。</translation>
    </message>
    <message>
        <source>Show the versions of Baton and its libraries.</source>
        <translation>显示 Baton 及其所用库的版本。</translation>
    </message>
    <message>
        <source>The inventory file to open.</source>
        <translation>要打开的清单文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Write a PNG of the main window once its data is loaded, then quit.</source>
        <translation>主窗口数据加载完成后，将其保存为 PNG 截图，然后退出。</translation>
    </message>
    <message>
        <source>The user interface language, e.g. en or zh_CN (default: the system&apos;s).</source>
        <translation>用户界面语言，例如 en 或 zh_CN（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>The page to open: fleet, host, upgrade, rollout, compare or settings (host, upgrade and compare show the first hosts of the inventory).</source>
        <translation>要打开的页面：fleet、host、upgrade、rollout、compare 或 settings（host、upgrade 和 compare 页面显示清单中排在最前面的主机）。</translation>
    </message>
    <message>
        <source>PAGE</source>
        <translation>PAGE</translation>
    </message>
    <message>
        <source>unknown page &apos;%1&apos;: use one of %2</source>
        <translation>未知页面 &apos;%1&apos;：请使用以下之一：%2</translation>
    </message>
</context>
<context>
    <name>ArgumentRow</name>
    <message>
        <source>Configure argument %1</source>
        <translation>configure 参数 %1</translation>
    </message>
    <message>
        <source>(was %1)</source>
        <translation>（原为 %1）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Build with this argument of the running binary again.</source>
        <translation>重新带上正在运行的二进制的这个参数构建。</translation>
    </message>
    <message>
        <source>Build without this argument.</source>
        <translation>构建时不带这个参数。</translation>
    </message>
</context>
<context>
    <name>Baton::BuildController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The host can build nginx.</source>
        <translation>该主机可以构建 nginx。</translation>
    </message>
    <message>
        <source>The host cannot build nginx yet.</source>
        <translation>该主机暂时还不能构建 nginx。</translation>
    </message>
    <message>
        <source>The upgrade&apos;s target was in the removed work directory.</source>
        <translation>升级目标位于已删除的工作目录中。</translation>
    </message>
    <message>
        <source>The work directory is removed.</source>
        <translation>工作目录已删除。</translation>
    </message>
    <message>
        <source>cancelling: the build on the host stops</source>
        <translation>正在取消：主机上的构建将停止</translation>
    </message>
    <message>
        <source>%1 is the upgrade&apos;s target</source>
        <translation>%1 已设为升级目标</translation>
    </message>
</context>
<context>
    <name>Baton::Comparison</name>
    <message>
        <source>not probed yet</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>编译器</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source>Binary sha256 (running)</source>
        <translation>二进制 sha256（正在运行）</translation>
    </message>
    <message>
        <source>Binary sha256 (on disk)</source>
        <translation>二进制 sha256（磁盘上）</translation>
    </message>
    <message>
        <source>Modules compiled in</source>
        <translation>编译进的模块</translation>
    </message>
    <message>
        <source>Dynamic modules</source>
        <translation>动态模块</translation>
    </message>
    <message>
        <source>Configuration sha256 (nginx -T)</source>
        <translation>配置 sha256（nginx -T）</translation>
    </message>
</context>
<context>
    <name>Baton::DesktopNotifier</name>
    <message>
        <source>There is no session bus.</source>
        <translation>没有会话总线。</translation>
    </message>
</context>
<context>
    <name>Baton::FleetMonitor</name>
    <message>
        <source>the probe exited with status %1</source>
        <translation>探测脚本以状态 %1 退出</translation>
    </message>
</context>
<context>
    <name>Baton::HostDetail</name>
    <message>
        <source>the host has not been probed yet: try again in a moment</source>
        <translation>该主机尚未探测：请稍后再试</translation>
    </message>
</context>
<context>
    <name>Baton::InventoryEditor</name>
    <message>
        <source>%1 is no longer in the inventory</source>
        <translation>%1 已不在清单中</translation>
    </message>
    <message>
        <source>Give the host a name.</source>
        <translation>请为该主机指定名称。</translation>
    </message>
    <message>
        <source>A host name has no spaces: %1</source>
        <translation>主机名称不能包含空格：%1</translation>
    </message>
    <message>
        <source>Give the address or the ~/.ssh/config alias of %1.</source>
        <translation>请填写 %1 的地址或其在 ~/.ssh/config 中的别名。</translation>
    </message>
    <message>
        <source>%1 is not an absolute path on the host.</source>
        <translation>%1 不是该主机上的绝对路径。</translation>
    </message>
    <message>
        <source>None of these hosts is in the inventory.</source>
        <translation>这些主机都不在清单中。</translation>
    </message>
    <message>
        <source>Every chosen host is in the inventory already.</source>
        <translation>所选主机均已在清单中。</translation>
    </message>
    <message>
        <source>Wait until the running step or rollout ends.</source>
        <translation>请等待正在执行的步骤或发布结束。</translation>
    </message>
</context>
<context>
    <name>Baton::LabLauncher</name>
    <message>
        <source>The lab needs the nginx builds of the build environment: start Baton with installer/env.sh run.</source>
        <translation>实验环境需要构建环境中的 nginx 构建：请用 installer/env.sh run 启动 Baton。</translation>
    </message>
    <message>
        <source>%1 is not an executable nginx.</source>
        <translation>%1 不是可执行的 nginx。</translation>
    </message>
    <message>
        <source>batonctl is not beside baton (%1).</source>
        <translation>batonctl 不在 baton 所在的目录中（%1）。</translation>
    </message>
    <message>
        <source>Starting three lab hosts in %1…</source>
        <translation>正在 %1 中启动三台实验环境主机…</translation>
    </message>
    <message>
        <source>Lab running in %1.</source>
        <translation>实验环境正在 %1 中运行。</translation>
    </message>
    <message>
        <source>The lab did not start: %1</source>
        <translation>实验环境未能启动：%1</translation>
    </message>
</context>
<context>
    <name>Baton::RolloutController</name>
    <message numerus="yes">
        <source>Rolling out to %n host(s)…</source>
        <translation>
            <numerusform>正在发布到 %n 台主机…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the steps under way…</source>
        <translation>正在进行的步骤完成后即停止…</translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n host(s)…</source>
        <translation>
            <numerusform>正在回滚 %n 台主机…</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the hosts of the rollout first.</source>
        <translation>请先选择要发布的主机。</translation>
    </message>
    <message>
        <source>Rollback finished</source>
        <translation>回滚完成</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>回滚失败</translation>
    </message>
    <message>
        <source>Rollout finished</source>
        <translation>发布完成</translation>
    </message>
    <message>
        <source>Rollout failed</source>
        <translation>发布失败</translation>
    </message>
</context>
<context>
    <name>Baton::ScreenshotWriter</name>
    <message>
        <source>the window could not be captured</source>
        <translation>无法捕获窗口</translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>无法将截图写入 %1</translation>
    </message>
</context>
<context>
    <name>Baton::UpgradeController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Preflight passed.</source>
        <translation>预检通过。</translation>
    </message>
    <message>
        <source>Preflight found a problem.</source>
        <translation>预检发现了问题。</translation>
    </message>
    <message>
        <source>cancelling: the step stops at its next safe point</source>
        <translation>正在取消：该步骤将在下一个安全点停止</translation>
    </message>
    <message>
        <source>Drain finished on %1</source>
        <translation>%1 排空完成</translation>
    </message>
    <message>
        <source>Drain failed on %1</source>
        <translation>%1 排空失败</translation>
    </message>
    <message>
        <source>Upgrade finished on %1</source>
        <translation>%1 升级完成</translation>
    </message>
    <message>
        <source>Upgrade failed on %1</source>
        <translation>%1 升级失败</translation>
    </message>
</context>
<context>
    <name>BuildCommand</name>
    <message>
        <source>was %1</source>
        <translation>原为 %1</translation>
    </message>
    <message>
        <source>Builds nginx from source on the hosts with the configure arguments of the running binary (nginx -V): the source unpacked in a work directory of its own, ./configure, make, never make install. configure and make run detached: a dropped connection does not stop them, and batonctl follows them again. The built objs/nginx is checked (-V) and is the target of batonctl upgrade --remote-binary.</source>
        <translation>在各主机上用正在运行的二进制的 configure 参数（nginx -V）从源码构建 nginx：源码解压到单独的工作目录，执行 ./configure 和 make，从不执行 make install。configure 和 make 在后台脱离运行：连接断开不会中止它们，batonctl 会重新跟上。构建出的 objs/nginx 会被检查（-V），并可作为 batonctl upgrade --remote-binary 的目标。</translation>
    </message>
    <message>
        <source>The nginx source tarball on this machine, uploaded to each host.</source>
        <translation>本机上的 nginx 源码压缩包，会上传到每台主机。</translation>
    </message>
    <message>
        <source>TARBALL</source>
        <translation>TARBALL</translation>
    </message>
    <message>
        <source>The nginx source on each host: a tarball or a directory.</source>
        <translation>每台主机上的 nginx 源码：压缩包或目录。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Change the running build&apos;s arguments: --NAME=VALUE replaces the argument of that NAME, anything else is added (repeatable; one argument each, spaces and quotes included).</source>
        <translation>修改正在运行的构建的参数：--NAME=VALUE 替换同名参数，其他的则被添加（可重复指定；每次一个参数，包括其中的空格和引号）。</translation>
    </message>
    <message>
        <source>ARG</source>
        <translation>ARG</translation>
    </message>
    <message>
        <source>Leave out the running build&apos;s argument of this NAME or text (repeatable).</source>
        <translation>去掉正在运行的构建中该名称或该文本的参数（可重复指定）。</translation>
    </message>
    <message>
        <source>Configure with the --configure-arg arguments alone, not with the running build&apos;s.</source>
        <translation>只用 --configure-arg 给出的参数执行 configure，而不用正在运行的构建的参数。</translation>
    </message>
    <message>
        <source>Print the configure arguments and how they differ from the running build&apos;s; change nothing.</source>
        <translation>打印 configure 参数及其与正在运行的构建的差异；不做任何更改。</translation>
    </message>
    <message>
        <source>Check each host (source, compiler, make, the libraries the arguments need, disk); change nothing.</source>
        <translation>检查每台主机（源码、编译器、make、参数所需的库、磁盘空间）；不做任何更改。</translation>
    </message>
    <message>
        <source>make -jN (default: the host&apos;s processors).</source>
        <translation>make -jN（默认：主机的处理器数）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Where the builds go on the host (default: ~/.cache/baton/builds).</source>
        <translation>主机上存放构建的位置（默认：~/.cache/baton/builds）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Seconds for configure and make together (3600).</source>
        <translation>configure 和 make 合计的秒数（3600）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Build again even if the same source was built with the same arguments.</source>
        <translation>即使相同的源码已用相同参数构建过，也重新构建。</translation>
    </message>
    <message>
        <source>Stop the running build of this source and these arguments.</source>
        <translation>停止正在运行的、此源码和这些参数的构建。</translation>
    </message>
    <message>
        <source>Remove the work directory of this source and these arguments.</source>
        <translation>删除此源码和这些参数的工作目录。</translation>
    </message>
    <message>
        <source>Print JSON (documented in the README).</source>
        <translation>输出 JSON（格式见 README）。</translation>
    </message>
    <message>
        <source>Where to write the transcript (default: ~/.local/state/baton/transcripts).</source>
        <translation>执行记录的写入目录（默认：~/.local/state/baton/transcripts）。</translation>
    </message>
    <message>
        <source>give the source: --source TARBALL (on this machine) or --remote-source PATH (on the host)</source>
        <translation>请给出源码：--source TARBALL（本机上）或 --remote-source PATH（主机上）</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>--jobs is a whole number (0: the host&apos;s processors), --timeout whole seconds above 0</source>
        <translation>--jobs 须为整数（0：主机的处理器数），--timeout 须为大于 0 的整秒数</translation>
    </message>
    <message>
        <source>--exact-args needs the arguments: --configure-arg ARG for each</source>
        <translation>--exact-args 需要给出参数：每个参数用一个 --configure-arg ARG</translation>
    </message>
    <message>
        <source>transcript: %1</source>
        <translation>执行记录：%1</translation>
    </message>
    <message>
        <source>removed the work directory</source>
        <translation>已删除工作目录</translation>
    </message>
    <message>
        <source>./configure arguments (+ added, - dropped, ~ changed from the running build):</source>
        <translation>./configure 参数（相对正在运行的构建：+ 新增，- 去掉，~ 修改）：</translation>
    </message>
    <message>
        <source>upgrade to it with: batonctl upgrade --host %1 --remote-binary %2</source>
        <translation>用它升级：batonctl upgrade --host %1 --remote-binary %2</translation>
    </message>
</context>
<context>
    <name>BuildPanel</name>
    <message>
        <source>reading the arguments</source>
        <translation>正在读取参数</translation>
    </message>
    <message>
        <source>checking the host</source>
        <translation>正在检查主机</translation>
    </message>
    <message>
        <source>building</source>
        <translation>正在构建</translation>
    </message>
    <message>
        <source>removing the work directory</source>
        <translation>正在删除工作目录</translation>
    </message>
    <message>
        <source>The nginx source tarball</source>
        <translation>nginx 源码压缩包</translation>
    </message>
    <message>
        <source>Source tarballs (*.tar.gz *.tgz *.tar.xz *.tar.bz2 *.tar)</source>
        <translation>源码压缩包 (*.tar.gz *.tgz *.tar.xz *.tar.bz2 *.tar)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源码</translation>
    </message>
    <message>
        <source>Tarball on this computer</source>
        <translation>本机上的压缩包</translation>
    </message>
    <message>
        <source>Path on the host</source>
        <translation>主机上的路径</translation>
    </message>
    <message>
        <source>Where the source is</source>
        <translation>源码所在位置</translation>
    </message>
    <message>
        <source>nginx-1.26.3.tar.gz on this computer (uploaded)</source>
        <translation>本机上的 nginx-1.26.3.tar.gz（将被上传）</translation>
    </message>
    <message>
        <source>a tarball or source directory on the host</source>
        <translation>主机上的压缩包或源码目录</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the source tarball</source>
        <translation>选择源码压缩包</translation>
    </message>
    <message>
        <source>Configure arguments (%1)</source>
        <translation>configure 参数（%1）</translation>
    </message>
    <message>
        <source>--with-http_v2_module, --add-module=/src/headers-more, …</source>
        <translation>--with-http_v2_module、--add-module=/src/headers-more、…</translation>
    </message>
    <message>
        <source>New argument</source>
        <translation>新参数</translation>
    </message>
    <message>
        <source>Add argument</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>The running binary&apos;s arguments again.</source>
        <translation>恢复为正在运行的二进制的参数。</translation>
    </message>
    <message>
        <source>Read from the host</source>
        <translation>从主机读取</translation>
    </message>
    <message>
        <source>The arguments of the binary the master runs (nginx -V).</source>
        <translation>主进程正在运行的二进制的参数（nginx -V）。</translation>
    </message>
    <message>
        <source>Reading nginx -V of the running master…</source>
        <translation>正在读取运行中主进程的 nginx -V…</translation>
    </message>
    <message>
        <source>The arguments are those of the binary the master runs: read them from the host.</source>
        <translation>参数取自主进程正在运行的二进制：请从主机读取。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Compiler, make, the libraries the arguments need, and disk space; changes nothing.</source>
        <translation>检查编译器、make、参数所需的库和磁盘空间；不做任何更改。</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>A check failed: fix the host first.</source>
        <translation>有检查未通过：请先修复主机。</translation>
    </message>
    <message>
        <source>./configure and make in a work directory on the host; nginx is not touched.</source>
        <translation>在主机上的工作目录中执行 ./configure 和 make；不会动到 nginx。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>configure and make</source>
        <translation>configure 和 make</translation>
    </message>
    <message>
        <source>The output of configure and make shows here as the host writes it.</source>
        <translation>configure 和 make 的输出会在主机写出时显示在这里。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message numerus="yes">
        <source>Check: %n problem(s)</source>
        <translation>
            <numerusform>检查：%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildRequirement</name>
    <message>
        <source>every build</source>
        <translation>每次构建</translation>
    </message>
    <message>
        <source>the C compiler %1</source>
        <translation>C 编译器 %1</translation>
    </message>
    <message>
        <source>a C compiler (cc)</source>
        <translation>C 编译器（cc）</translation>
    </message>
    <message>
        <source>the rewrite module (default)</source>
        <translation>rewrite 模块（默认）</translation>
    </message>
    <message>
        <source>PCRE2 (the rewrite module and regular expressions)</source>
        <translation>PCRE2（rewrite 模块和正则表达式）</translation>
    </message>
    <message>
        <source>PCRE (the rewrite module and regular expressions)</source>
        <translation>PCRE（rewrite 模块和正则表达式）</translation>
    </message>
    <message>
        <source>the gzip module (default)</source>
        <translation>gzip 模块（默认）</translation>
    </message>
    <message>
        <source>zlib (gzip compression)</source>
        <translation>zlib（gzip 压缩）</translation>
    </message>
    <message>
        <source>OpenSSL (TLS)</source>
        <translation>OpenSSL（TLS）</translation>
    </message>
    <message>
        <source>libxml2 (the XSLT module)</source>
        <translation>libxml2（XSLT 模块）</translation>
    </message>
    <message>
        <source>libxslt (the XSLT module)</source>
        <translation>libxslt（XSLT 模块）</translation>
    </message>
    <message>
        <source>GD (the image filter module)</source>
        <translation>GD（图像过滤模块）</translation>
    </message>
    <message>
        <source>the GeoIP library (the GeoIP modules)</source>
        <translation>GeoIP 库（GeoIP 模块）</translation>
    </message>
    <message>
        <source>Perl and its library for embedding (the Perl module)</source>
        <translation>Perl 及其嵌入库（Perl 模块）</translation>
    </message>
    <message>
        <source>gperftools (the Google perftools module)</source>
        <translation>gperftools（Google perftools 模块）</translation>
    </message>
    <message>
        <source>libatomic_ops (atomic operations)</source>
        <translation>libatomic_ops（原子操作）</translation>
    </message>
</context>
<context>
    <name>BuildResult</name>
    <message>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>The upgrade&apos;s target</source>
        <translation>已是升级目标</translation>
    </message>
    <message>
        <source>Use as upgrade target</source>
        <translation>用作升级目标</translation>
    </message>
    <message>
        <source>The upgrade steps stage this binary (a path on the host).</source>
        <translation>升级步骤将暂存此二进制（主机上的路径）。</translation>
    </message>
    <message>
        <source>Remove the work directory</source>
        <translation>删除工作目录</translation>
    </message>
    <message>
        <source>Deletes the source, the objects and the built binary on the host.</source>
        <translation>删除主机上的源码、目标文件和构建出的二进制。</translation>
    </message>
</context>
<context>
    <name>BuildView</name>
    <message>
        <source>The build is read with the host&apos;s first full probe.</source>
        <translation>构建信息将在对该主机的首次完整探测时读取。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>编译器</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source> (running %1)</source>
        <translation>（运行时为 %1）</translation>
    </message>
    <message>
        <source>Running binary</source>
        <translation>正在运行的二进制</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>磁盘上</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Dynamic modules</source>
        <translation>动态模块</translation>
    </message>
    <message>
        <source>Configure arguments (%1)</source>
        <translation>configure 参数（%1）</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Find in text</source>
        <translation>在文本中查找</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
</context>
<context>
    <name>CommandOutput</name>
    <message>
        <source>exit status %1</source>
        <translation>退出状态 %1</translation>
    </message>
    <message>
        <source>the connection broke; running it again on a new one</source>
        <translation>连接断开；在新连接上重新执行</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n host(s)</source>
        <translation>
            <numerusform>比较 %n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n 处差异</numerusform>
        </translation>
    </message>
    <message>
        <source>Only differences</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Configure arguments</source>
        <translation>configure 参数</translation>
    </message>
    <message>
        <source> (differs)</source>
        <translation>（有差异）</translation>
    </message>
    <message>
        <source>Configuration diff</source>
        <translation>配置差异</translation>
    </message>
    <message>
        <source>Left host</source>
        <translation>左侧主机</translation>
    </message>
    <message>
        <source>Right host</source>
        <translation>右侧主机</translation>
    </message>
    <message>
        <source>Reading the configurations…</source>
        <translation>正在读取配置…</translation>
    </message>
    <message>
        <source>The two configurations are the same.</source>
        <translation>两份配置完全相同。</translation>
    </message>
    <message>
        <source>Select two or more hosts on the Fleet page and choose Compare.</source>
        <translation>请在“服务器群”页面选择两台或更多主机，然后选择“比较”。</translation>
    </message>
</context>
<context>
    <name>ConfigTest</name>
    <message>
        <source>the output is empty: this is not the output of nginx -t</source>
        <translation>输出为空：这不是 nginx -t 的输出</translation>
    </message>
    <message>
        <source>this is not the output of nginx -t: %1</source>
        <translation>这不是 nginx -t 的输出：%1</translation>
    </message>
    <message>
        <source>the output of nginx -t ends without a verdict (&quot;test is successful&quot; or &quot;test failed&quot;): nginx crashed, its output was cut short, or it ran with -q</source>
        <translation>nginx -t 的输出没有结论（&quot;test is successful&quot; 或 &quot;test failed&quot;）：nginx 崩溃了、输出被截断，或使用了 -q 运行</translation>
    </message>
    <message>
        <source>; it said: %1</source>
        <translation>；它说：%1</translation>
    </message>
    <message>
        <source>the output says both &quot;test is successful&quot; and &quot;test failed&quot;: it holds more than one run of nginx -t</source>
        <translation>输出中同时出现 &quot;test is successful&quot; 和 &quot;test failed&quot;：其中包含不止一次 nginx -t 的运行</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Go ahead</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No hosts yet</source>
        <translation>暂无主机</translation>
    </message>
    <message>
        <source>Practise first on a local lab: three hosts, each with a real sshd and a real nginx 1.22, and nginx 1.26 ready as the upgrade target. Or bring your own hosts.</source>
        <translation>先在本地实验环境中练习：三台主机，每台都运行真实的 sshd 和真实的 nginx 1.22，并已备好 nginx 1.26 作为升级目标。也可以添加你自己的主机。</translation>
    </message>
    <message>
        <source>Starting the lab…</source>
        <translation>正在启动实验环境…</translation>
    </message>
    <message>
        <source>Start the practice lab</source>
        <translation>启动练习用实验环境</translation>
    </message>
    <message>
        <source>Add a host…</source>
        <translation>添加主机…</translation>
    </message>
    <message>
        <source>Import from ~/.ssh/config…</source>
        <translation>从 ~/.ssh/config 导入…</translation>
    </message>
    <message>
        <source>Or open an inventory file: baton --inventory FILE.</source>
        <translation>或者打开一个清单文件：baton --inventory FILE。</translation>
    </message>
    <message>
        <source>Import an Ansible inventory…</source>
        <translation>导入 Ansible 清单…</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Fleet</source>
        <translation>服务器群</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>全部主机</translation>
    </message>
    <message>
        <source>Upgrading</source>
        <translation>升级中</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Running, nothing to do</source>
        <translation>运行中，无需处理</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Search hosts, groups, versions</source>
        <translation>搜索主机、分组、版本</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>No host matches the search and the filter.</source>
        <translation>没有与搜索和筛选条件匹配的主机。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选择 %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Select two or more hosts to compare their builds and configurations.</source>
        <translation>选择两台或更多主机，比较它们的构建和配置。</translation>
    </message>
    <message>
        <source>Upgrade…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Upgrade one host step by step.</source>
        <translation>逐步升级一台主机。</translation>
    </message>
    <message>
        <source>Roll out…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Upgrade the selected hosts in canaries and batches.</source>
        <translation>按金丝雀和批次升级所选主机。</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <source>Put the selected hosts back on the binary they ran before their last upgrade.</source>
        <translation>让所选主机恢复到上次升级之前运行的二进制。</translation>
    </message>
    <message>
        <source>Add host…</source>
        <translation>添加主机…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the inventory?</source>
        <translation>
            <numerusform>从清单中移除 %n 台主机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing changes on the hosts; only the inventory file is rewritten.</source>
        <translation>主机上不会有任何改动；只会重写清单文件。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Hosts from ~/.ssh/config or from an Ansible inventory (INI or YAML).</source>
        <translation>从 ~/.ssh/config 或 Ansible 清单（INI 或 YAML）导入主机。</translation>
    </message>
</context>
<context>
    <name>GenerationChart</name>
    <message>
        <source>Workers and connections per generation</source>
        <translation>各代进程的工作进程数和连接数</translation>
    </message>
    <message>
        <source>workers (new)</source>
        <translation>工作进程（新）</translation>
    </message>
    <message>
        <source>workers (old)</source>
        <translation>工作进程（旧）</translation>
    </message>
    <message>
        <source>connections (new)</source>
        <translation>连接（新）</translation>
    </message>
    <message>
        <source>connections (old)</source>
        <translation>连接（旧）</translation>
    </message>
    <message>
        <source>signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>%1 %2 s ago</source>
        <translation>%1 %2 秒前</translation>
    </message>
</context>
<context>
    <name>HostBuild</name>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>cannot make the work directory on %1: %2</source>
        <translation>无法在 %1 上创建工作目录：%2</translation>
    </message>
    <message>
        <source>uploading %1 (%2 kB) to %3</source>
        <translation>正在上传 %1（%2 kB）到 %3</translation>
    </message>
    <message>
        <source>the upload of %1 failed: %2</source>
        <translation>上传 %1 失败：%2</translation>
    </message>
    <message>
        <source>unpacking %1 in %2</source>
        <translation>正在将 %1 解压到 %2</translation>
    </message>
    <message>
        <source>cannot unpack the source: %1</source>
        <translation>无法解压源码：%1</translation>
    </message>
    <message numerus="yes">
        <source>the build still runs after %n seconds</source>
        <translation>
            <numerusform>%n 秒后构建仍在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection broke while the build runs; it goes on on the host: reconnecting</source>
        <translation>构建运行期间连接中断；构建在主机上继续：正在重新连接</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>lost the connection to %1</source>
        <translation>与 %1 的连接已断开</translation>
    </message>
    <message>
        <source>the build left no usable objs/nginx: %1</source>
        <translation>构建没有产生可用的 objs/nginx：%1</translation>
    </message>
    <message>
        <source>objs/nginx -V cannot be read: %1</source>
        <translation>无法读取 objs/nginx -V：%1</translation>
    </message>
    <message>
        <source>objs/nginx says it is nginx %1, but the source is nginx %2</source>
        <translation>objs/nginx 显示为 nginx %1，但源码是 nginx %2</translation>
    </message>
    <message>
        <source>given: %1</source>
        <translation>给定：%1</translation>
    </message>
    <message>
        <source>built nginx %1 on %2: %3 (sha256 %4)</source>
        <translation>已在 %2 上构建 nginx %1：%3（sha256 %4）</translation>
    </message>
    <message>
        <source>nginx does not run on %1: give the configure arguments</source>
        <translation>nginx 未在 %1 上运行：请给出 configure 参数</translation>
    </message>
    <message>
        <source>cannot read the running master&apos;s nginx -V on %1: %2</source>
        <translation>无法读取 %1 上运行中主进程的 nginx -V：%2</translation>
    </message>
    <message>
        <source>give the source: a tarball on this machine, or a tarball or directory on the host</source>
        <translation>请给出源码：本机上的压缩包，或主机上的压缩包或目录</translation>
    </message>
    <message>
        <source>%1 is not a readable file</source>
        <translation>%1 不是可读的文件</translation>
    </message>
    <message>
        <source>%1 (%2 kB) is uploaded to the host</source>
        <translation>%1（%2 kB）将上传到主机</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>%1 is on the host</source>
        <translation>%1 在主机上</translation>
    </message>
    <message>
        <source>%1 is not on the host</source>
        <translation>%1 不在主机上</translation>
    </message>
    <message>
        <source>%1: found (%2)</source>
        <translation>%1：已找到（%2）</translation>
    </message>
    <message>
        <source>%1: missing (%2)</source>
        <translation>%1：缺失（%2）</translation>
    </message>
    <message>
        <source>%1: missing (%2); install it with: %3</source>
        <translation>%1：缺失（%2）；安装命令：%3</translation>
    </message>
    <message>
        <source>install what is missing with: %1</source>
        <translation>安装缺失的部分：%1</translation>
    </message>
    <message>
        <source>cannot tell the free disk space in %1: %2</source>
        <translation>无法得知 %1 的可用磁盘空间：%2</translation>
    </message>
    <message>
        <source>%1 MB free in %2: a build needs about %3 MB</source>
        <translation>%2 中可用 %1 MB：一次构建约需 %3 MB</translation>
    </message>
    <message>
        <source>%1 MB free in %2</source>
        <translation>%2 中可用 %1 MB</translation>
    </message>
    <message>
        <source>a build of the same source and arguments runs in %1 (pid %2): following it</source>
        <translation>相同源码和参数的构建正在 %1 中运行（pid %2）：跟随它</translation>
    </message>
    <message>
        <source>the same source was built with the same arguments before, in %1</source>
        <translation>相同的源码此前已用相同参数构建过，位于 %1</translation>
    </message>
    <message>
        <source>cannot write the build script: %1</source>
        <translation>无法写入构建脚本：%1</translation>
    </message>
    <message>
        <source>building nginx %1 in %2: configure, then make</source>
        <translation>正在 %2 中构建 nginx %1：先 configure，再 make</translation>
    </message>
    <message>
        <source>cannot start the build: %1</source>
        <translation>无法启动构建：%1</translation>
    </message>
    <message>
        <source>cancelled: the build on %1 is stopped</source>
        <translation>已取消：%1 上的构建已停止</translation>
    </message>
    <message>
        <source>make failed on %1 (exit status %2)</source>
        <translation>make 在 %1 上失败（退出状态 %2）</translation>
    </message>
    <message>
        <source>./configure failed on %1 (exit status %2)</source>
        <translation>./configure 在 %1 上失败（退出状态 %2）</translation>
    </message>
    <message>
        <source>no build of this source and these arguments runs in %1</source>
        <translation>%1 中没有运行此源码和这些参数的构建</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>objs/nginx was built with other configure arguments than the ones given (+ only in the binary, - only given, ~ different)</source>
        <translation>objs/nginx 的 configure 参数与给定的不同（+ 仅在二进制中，- 仅在给定中，~ 不同）</translation>
    </message>
    <message numerus="yes">
        <source>./configure with %n argument(s)</source>
        <translation>
            <numerusform>./configure，共 %n 个参数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostConfiguration</name>
    <message>
        <source>no nginx master runs: there is no configuration in use to show</source>
        <translation>没有正在运行的 nginx 主进程：没有正在使用的配置可显示</translation>
    </message>
    <message>
        <source>the master&apos;s command line cannot be read: %1</source>
        <translation>无法读取主进程的命令行：%1</translation>
    </message>
    <message>
        <source>nginx -T failed (exit status %1): %2</source>
        <translation>nginx -T 执行失败（退出状态 %1）：%2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无输出信息</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Add a host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>web-1</source>
        <translation>web-1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>an address, a DNS name or a ~/.ssh/config alias</source>
        <translation>IP 地址、DNS 名称或 ~/.ssh/config 中的别名</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>from ~/.ssh/config</source>
        <translation>取自 ~/.ssh/config</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>web, eu-west (commas between groups)</source>
        <translation>web, eu-west（分组之间用逗号分隔）</translation>
    </message>
    <message>
        <source>nginx pid file</source>
        <translation>nginx pid 文件</translation>
    </message>
    <message>
        <source>any nginx master on the host</source>
        <translation>该主机上的任一 nginx master 进程</translation>
    </message>
    <message>
        <source>nginx binary</source>
        <translation>nginx 二进制</translation>
    </message>
    <message>
        <source>what the master runs</source>
        <translation>主进程正在运行的二进制</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>the agent, then ~/.ssh/config and the default keys</source>
        <translation>先用代理，再用 ~/.ssh/config 和默认密钥</translation>
    </message>
    <message>
        <source>Control nginx through sudo</source>
        <translation>通过 sudo 控制 nginx</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>Baton has never connected to %1. Check that this fingerprint is the server&apos;s own before you trust it:</source>
        <translation>Baton 从未连接过 %1。信任之前，请核实此指纹确实属于该服务器：</translation>
    </message>
    <message>
        <source>Host key fingerprint</source>
        <translation>主机密钥指纹</translation>
    </message>
    <message>
        <source>Trusting it adds the key to %1.</source>
        <translation>信任后，该密钥将被添加到 %1。</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HostListHeader</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>nginx instance</source>
        <translation>nginx 实例</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Workers, connections</source>
        <translation>工作进程，连接</translation>
    </message>
</context>
<context>
    <name>HostPage</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>stale binary: the file on disk is not what runs</source>
        <translation>二进制已过时：磁盘上的文件不是正在运行的那个</translation>
    </message>
    <message>
        <source>Upgrade…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Workers and connections</source>
        <translation>工作进程和连接</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Transcript (%1)</source>
        <translation>执行记录（%1）</translation>
    </message>
    <message>
        <source>Reading the configuration (nginx -T)…</source>
        <translation>正在读取配置（nginx -T）…</translation>
    </message>
    <message>
        <source>nginx -T, as the running master reads it</source>
        <translation>nginx -T 的输出，即正在运行的主进程所读取的配置</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>The configuration is read when you open this tab.</source>
        <translation>打开此标签页时才读取配置。</translation>
    </message>
    <message>
        <source>Baton has run nothing on this host in this session.</source>
        <translation>本次会话中 Baton 尚未在此主机上运行任何命令。</translation>
    </message>
    <message>
        <source>Pick a host on the Fleet page.</source>
        <translation>请在“服务器群”页面选择一台主机。</translation>
    </message>
</context>
<context>
    <name>HostRow</name>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>any nginx master on the host</source>
        <translation>该主机上的任一 nginx master 进程</translation>
    </message>
    <message>
        <source>stale binary</source>
        <translation>二进制已过时</translation>
    </message>
    <message>
        <source>The binary on disk is not the one the master runs.</source>
        <translation>磁盘上的二进制不是主进程正在运行的那个。</translation>
    </message>
    <message>
        <source>%1 + %2 old</source>
        <translation>%1 + %2 个旧进程</translation>
    </message>
    <message>
        <source>workers: %1</source>
        <translation>工作进程：%1</translation>
    </message>
    <message>
        <source>connections: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <source>select %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>locked by %1</source>
        <translation>已被 %1 锁定</translation>
    </message>
</context>
<context>
    <name>HostSelection</name>
    <message>
        <source>The inventory (default: $BATON_INVENTORY, else ~/.config/baton/inventory.json).</source>
        <translation>清单文件（默认：$BATON_INVENTORY，否则为 ~/.config/baton/inventory.json）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Only these hosts (comma-separated; default: all).</source>
        <translation>仅这些主机（以逗号分隔；默认：全部）。</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NAMES</translation>
    </message>
    <message>
        <source>Only this host (repeatable).</source>
        <translation>仅此主机（可重复指定）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>say which inventory with --inventory FILE, or keep it in %1</source>
        <translation>请用 --inventory FILE 指定清单，或把清单放在 %1</translation>
    </message>
    <message>
        <source>no host named %1 in the inventory</source>
        <translation>清单中没有名为 %1 的主机</translation>
    </message>
</context>
<context>
    <name>HostUpgrade</name>
    <message>
        <source>the probe failed: %1</source>
        <translation>探测失败：%1</translation>
    </message>
    <message>
        <source>phase: %1%2</source>
        <translation>阶段：%1%2</translation>
    </message>
    <message>
        <source>the connection broke during %1; reconnecting to see how it ended</source>
        <translation>执行 %1 期间连接断开；正在重新连接以确认其结果</translation>
    </message>
    <message>
        <source>the instance has no pid file: Baton cannot lock it or follow an upgrade</source>
        <translation>该实例没有 pid 文件：Baton 无法锁定它，也无法跟踪升级过程</translation>
    </message>
    <message>
        <source>cannot take the lock: %1</source>
        <translation>无法获取锁：%1</translation>
    </message>
    <message>
        <source>taking over the lock of a Baton that is gone (%1)</source>
        <translation>正在接管一个已退出的 Baton 留下的锁（%1）</translation>
    </message>
    <message>
        <source>another Baton is working on this instance: %1</source>
        <translation>另一个 Baton 正在操作此实例：%1</translation>
    </message>
    <message>
        <source>cannot take the lock</source>
        <translation>无法获取锁</translation>
    </message>
    <message>
        <source>the target %1 is not a readable file</source>
        <translation>目标 %1 不是可读的文件</translation>
    </message>
    <message>
        <source>uploading %1 (%2 bytes)</source>
        <translation>正在上传 %1（%2 字节）</translation>
    </message>
    <message>
        <source>the upload of %1 failed: %2</source>
        <translation>上传 %1 失败：%2</translation>
    </message>
    <message>
        <source>uploaded %1 to %2</source>
        <translation>已将 %1 上传到 %2</translation>
    </message>
    <message>
        <source>cannot read the target %1 on the host: %2</source>
        <translation>无法读取该主机上的目标 %1：%2</translation>
    </message>
    <message>
        <source>no target binary: give a local file or a path on the host</source>
        <translation>没有目标二进制：请指定一个本地文件或该主机上的路径</translation>
    </message>
    <message>
        <source>the target %1 does not run on the host: %2</source>
        <translation>目标 %1 无法在该主机上运行：%2</translation>
    </message>
    <message>
        <source>no backup of the binary with sha256 %1 is recorded on the host</source>
        <translation>该主机上没有记录 sha256 为 %1 的二进制的备份</translation>
    </message>
    <message>
        <source>restoring %1 from %2 failed: %3</source>
        <translation>从 %2 恢复 %1 失败：%3</translation>
    </message>
    <message>
        <source>restored %1 from %2</source>
        <translation>已从 %2 恢复 %1</translation>
    </message>
    <message>
        <source>the health check %1 failed: %2</source>
        <translation>健康检查 %1 失败：%2</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
    <message>
        <source>sending %1 to %2 (pid %3)</source>
        <translation>正在向 %2（pid %3）发送 %1</translation>
    </message>
    <message>
        <source>the new master did not exit after QUIT; sending TERM</source>
        <translation>新主进程收到 QUIT 后未退出；正在发送 TERM</translation>
    </message>
    <message numerus="yes">
        <source>nginx %1 runs: master %2 with %n worker(s)</source>
        <translation>
            <numerusform>nginx %1 正在运行：主进程 %2，%n 个工作进程</numerusform>
        </translation>
    </message>
    <message>
        <source>the instance is abnormal: %1</source>
        <translation>实例状态异常：%1</translation>
    </message>
    <message>
        <source>nginx is not running: there is nothing to upgrade</source>
        <translation>nginx 未运行：没有可升级的对象</translation>
    </message>
    <message>
        <source>an upgrade is already in progress (%1): continue it or roll it back</source>
        <translation>已有一次升级正在进行（%1）：请继续完成它或将其回滚</translation>
    </message>
    <message>
        <source>the instance has no pid file (pid off): Baton needs one to follow an upgrade</source>
        <translation>该实例没有 pid 文件（pid off）：Baton 需要 pid 文件来跟踪升级过程</translation>
    </message>
    <message>
        <source>a binary upgrade is possible (daemon mode, absolute path, pid file %1)</source>
        <translation>可以进行二进制升级（守护进程模式、绝对路径、pid 文件 %1）</translation>
    </message>
    <message>
        <source>%1 runs on the host: nginx %2 (sha256 %3)</source>
        <translation>%1 可在该主机上运行：nginx %2（sha256 %3）</translation>
    </message>
    <message>
        <source>the running build is unknown (%1): cannot compare</source>
        <translation>正在运行的构建未知（%1）：无法比较</translation>
    </message>
    <message>
        <source>the target is the binary that runs now</source>
        <translation>目标就是当前正在运行的二进制</translation>
    </message>
    <message>
        <source>the target lacks modules the running build has: %1</source>
        <translation>目标缺少正在运行的构建所包含的模块：%1</translation>
    </message>
    <message>
        <source>configure arguments differ: %1</source>
        <translation>configure 参数不同：%1</translation>
    </message>
    <message>
        <source>same configure arguments and modules; %1 -&gt; %2</source>
        <translation>configure 参数和模块相同；%1 -&gt; %2</translation>
    </message>
    <message>
        <source>cannot read the master&apos;s arguments from its title: %1</source>
        <translation>无法从主进程标题中读取其参数：%1</translation>
    </message>
    <message>
        <source>nginx -t with the target failed: %1</source>
        <translation>用目标二进制运行 nginx -t 失败：%1</translation>
    </message>
    <message>
        <source>the configuration fails with the target: %1</source>
        <translation>使用目标二进制时配置测试未通过：%1</translation>
    </message>
    <message>
        <source>the configuration passes with warnings: %1</source>
        <translation>配置测试通过，但有警告：%1</translation>
    </message>
    <message>
        <source>the configuration passes nginx -t with the target and the master&apos;s arguments</source>
        <translation>使用目标二进制和主进程的参数，配置通过了 nginx -t</translation>
    </message>
    <message>
        <source>cannot tell the free space in %1: %2</source>
        <translation>无法确定 %1 的可用空间：%2</translation>
    </message>
    <message>
        <source>%1 has %2 KiB free; the backup and the new binary need %3 KiB</source>
        <translation>%1 仅有 %2 KiB 可用空间；备份和新二进制需要 %3 KiB</translation>
    </message>
    <message>
        <source>%1 KiB free in %2</source>
        <translation>%2 中有 %1 KiB 可用空间</translation>
    </message>
    <message>
        <source>no other Baton is working on this instance</source>
        <translation>没有其他 Baton 正在操作此实例</translation>
    </message>
    <message>
        <source>held by a Baton of this machine that is gone; it will be taken over: %1</source>
        <translation>锁由本机上一个已退出的 Baton 持有；将接管该锁：%1</translation>
    </message>
    <message>
        <source>cannot check the lock: %1</source>
        <translation>无法检查锁：%1</translation>
    </message>
    <message>
        <source>no health URL: the gates check the workers and the error log only</source>
        <translation>没有健康检查 URL：门禁只检查工作进程和错误日志</translation>
    </message>
    <message>
        <source> (before the upgrade: the gates check the workers and the error log only)</source>
        <translation>（升级之前：门禁只检查工作进程和错误日志）</translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation>%1 有响应</translation>
    </message>
    <message>
        <source>stage needs a running instance; it is %1</source>
        <translation>stage 需要实例处于 running 阶段；当前为 %1</translation>
    </message>
    <message>
        <source>the instance changed: it is %1</source>
        <translation>实例状态已变化：当前为 %1</translation>
    </message>
    <message>
        <source>%1 is already the target (sha256 %2)</source>
        <translation>%1 已经是目标二进制（sha256 %2）</translation>
    </message>
    <message>
        <source>staged nginx %1 as %2; the master still runs %3</source>
        <translation>已将 nginx %1 暂存为 %2；主进程仍在运行 %3</translation>
    </message>
    <message>
        <source>spawn needs a running instance; it is %1</source>
        <translation>spawn 需要实例处于 running 阶段；当前为 %1</translation>
    </message>
    <message>
        <source>%1 is not the target yet: stage it first</source>
        <translation>%1 还不是目标二进制：请先执行 stage</translation>
    </message>
    <message>
        <source>%1 is the binary that runs now: stage a new one first</source>
        <translation>%1 就是当前正在运行的二进制：请先 stage 新的二进制</translation>
    </message>
    <message>
        <source>USR2 could not be sent: %1</source>
        <translation>无法发送 USR2：%1</translation>
    </message>
    <message>
        <source>the new master exited; the old master %1 kept serving%2</source>
        <translation>新主进程已退出；旧主进程 %1 继续提供服务%2</translation>
    </message>
    <message>
        <source> and its binary is back on disk</source>
        <translation>，其二进制已恢复到磁盘上</translation>
    </message>
    <message>
        <source>the new generation did not come up within %1 s (%2): rolling back</source>
        <translation>新一代进程未在 %1 秒内启动完成（%2）：正在回滚</translation>
    </message>
    <message>
        <source>the error log reports: %1</source>
        <translation>错误日志报告：%1</translation>
    </message>
    <message>
        <source>; rolling back</source>
        <translation>；正在回滚</translation>
    </message>
    <message numerus="yes">
        <source>new master %1 (nginx %2) runs with %n worker(s) beside the old master %3</source>
        <translation>
            <numerusform>新主进程 %1（nginx %2）带 %n 个工作进程，与旧主进程 %3 并行运行</numerusform>
        </translation>
    </message>
    <message>
        <source>drain needs a spawned or draining instance; it is %1</source>
        <translation>drain 需要实例处于 spawned 或 draining 阶段；当前为 %1</translation>
    </message>
    <message>
        <source>WINCH could not be sent: %1</source>
        <translation>无法发送 WINCH：%1</translation>
    </message>
    <message numerus="yes">
        <source>old workers: %n left</source>
        <translation>
            <numerusform>剩余旧工作进程：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n connection(s)</source>
        <translation>
            <numerusform>，%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>the old workers did not drain within %1 s: terminating them</source>
        <translation>旧工作进程未在 %1 秒内排空：正在终止它们</translation>
    </message>
    <message>
        <source>the old workers did not drain within %1 s: rolling back</source>
        <translation>旧工作进程未在 %1 秒内排空：正在回滚</translation>
    </message>
    <message>
        <source>the old workers have not drained within %1 s; drain again to wait longer, or roll back</source>
        <translation>旧工作进程未在 %1 秒内排空；可再次执行 drain 继续等待，或者回滚</translation>
    </message>
    <message>
        <source>draining stopped: the instance is %1</source>
        <translation>排空已中断：实例当前为 %1</translation>
    </message>
    <message>
        <source>the old workers are gone; the old master %1 waits (commit or roll back)</source>
        <translation>旧工作进程已全部退出；旧主进程 %1 正在等待（提交或回滚）</translation>
    </message>
    <message>
        <source>the old workers still serve: drain first</source>
        <translation>旧工作进程仍在提供服务：请先执行 drain</translation>
    </message>
    <message>
        <source>commit needs a parked instance; it is %1</source>
        <translation>commit 需要实例处于 parked 阶段；当前为 %1</translation>
    </message>
    <message>
        <source>QUIT could not be sent: %1</source>
        <translation>无法发送 QUIT：%1</translation>
    </message>
    <message>
        <source>the old master did not exit: the instance is %1</source>
        <translation>旧主进程未退出：实例当前为 %1</translation>
    </message>
    <message>
        <source>committed, but the master runs sha256 %1, not the target %2</source>
        <translation>已提交，但主进程运行的是 sha256 %1，而不是目标 %2</translation>
    </message>
    <message>
        <source>committed, but %1</source>
        <translation>已提交，但%1</translation>
    </message>
    <message>
        <source>committed: nginx %1 runs alone (master %2)</source>
        <translation>已提交：nginx %1 单独运行（主进程 %2）</translation>
    </message>
    <message>
        <source>cannot roll back from %1</source>
        <translation>无法从 %1 回滚</translation>
    </message>
    <message>
        <source>nothing to roll back: nginx %1 runs the binary on disk. To go back after a commit, upgrade to the backup (%2.baton-backup-VERSION).</source>
        <translation>没有可回滚的内容：nginx %1 运行的就是磁盘上的二进制。提交之后若要退回，请升级到备份（%2.baton-backup-VERSION）。</translation>
    </message>
    <message>
        <source>the staged binary is gone: %1 is the running nginx %2 again</source>
        <translation>已撤销暂存的二进制：%1 重新成为正在运行的 nginx %2</translation>
    </message>
    <message>
        <source>waiting for the old workers to finish before the old master starts new ones</source>
        <translation>正在等待旧工作进程结束，之后旧主进程才会启动新的工作进程</translation>
    </message>
    <message>
        <source>the old workers are still draining after %1 s: roll back again to keep waiting</source>
        <translation>%1 秒后旧工作进程仍在排空：再次执行回滚以继续等待</translation>
    </message>
    <message>
        <source>HUP could not be sent: %1</source>
        <translation>无法发送 HUP：%1</translation>
    </message>
    <message>
        <source>the old master did not start its workers again: the instance is %1</source>
        <translation>旧主进程未重新启动其工作进程：实例当前为 %1</translation>
    </message>
    <message>
        <source>the new master did not exit: the instance is %1</source>
        <translation>新主进程未退出：实例当前为 %1</translation>
    </message>
    <message>
        <source>nginx %1 serves again, but %2</source>
        <translation>nginx %1 已恢复提供服务，但%2</translation>
    </message>
    <message>
        <source>rolled back: the old master %1 (nginx %2) serves alone, and its binary is on disk</source>
        <translation>已回滚：旧主进程 %1（nginx %2）单独提供服务，其二进制已在磁盘上</translation>
    </message>
    <message>
        <source>nginx %1 (the target) runs: nothing left to do</source>
        <translation>nginx %1（目标版本）已在运行：无需再做任何操作</translation>
    </message>
    <message>
        <source>the preflight failed: %1</source>
        <translation>预检未通过：%1</translation>
    </message>
    <message>
        <source>spawned: both generations serve</source>
        <translation>spawned：新旧两代进程都在提供服务</translation>
    </message>
    <message>
        <source>parked: the old master waits (commit or roll back)</source>
        <translation>parked：旧主进程正在等待（提交或回滚）</translation>
    </message>
    <message>
        <source>cannot upgrade: the instance is %1</source>
        <translation>无法升级：实例当前为 %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the upgrade did not settle</source>
        <translation>升级未能进入稳定状态</translation>
    </message>
    <message>
        <source>What Baton would run on %1 now (phase: %2). Read it; run it by hand at your own risk.</source>
        <translation>Baton 此刻将在 %1 上运行的命令（阶段：%2）。仅供阅读；如需手动运行，风险自负。</translation>
    </message>
    <message>
        <source>%1 before any change: the gates check the workers and the error log only</source>
        <translation>%1（尚未做任何改动）：门禁只检查工作进程和错误日志</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>cannot undo from %1</source>
        <translation>无法从 %1 撤销</translation>
    </message>
    <message>
        <source>nginx %1 runs its old binary: nothing to undo</source>
        <translation>nginx %1 运行的是旧的二进制：无需撤销</translation>
    </message>
    <message>
        <source>committed already: upgrading back to the backup %1</source>
        <translation>已经提交：升级回备份 %1</translation>
    </message>
    <message>
        <source>cannot prepare the staging directory on the host: %1</source>
        <translation>无法在该主机上准备暂存目录：%1</translation>
    </message>
    <message>
        <source>backup already there: %1; installing %2 as %3</source>
        <translation>备份已存在：%1；正在将 %2 安装为 %3</translation>
    </message>
    <message>
        <source>backing up the running binary to %1, then installing %2 as %3</source>
        <translation>正在把正在运行的二进制备份到 %1，然后将 %2 安装为 %3</translation>
    </message>
    <message>
        <source>the backup of %1 failed</source>
        <translation>备份 %1 失败</translation>
    </message>
    <message>
        <source>the backup %1 does not match the running binary (sha256 %2)</source>
        <translation>备份 %1 与正在运行的二进制不一致（sha256 %2）</translation>
    </message>
    <message>
        <source>the backup could not be recorded in %1</source>
        <translation>无法在 %1 中记录该备份</translation>
    </message>
    <message>
        <source>installing the target failed</source>
        <translation>安装目标二进制失败</translation>
    </message>
    <message>
        <source>staging failed</source>
        <translation>暂存失败</translation>
    </message>
    <message>
        <source>GET %1 (through the SSH connection: no process on the host)</source>
        <translation>GET %1（经由 SSH 连接：主机上不启动任何进程）</translation>
    </message>
    <message>
        <source>held by this run</source>
        <translation>由本次运行持有</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n host(s)</source>
        <translation>
            <numerusform>导入 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The file names no host (only patterns such as Host *).</source>
        <translation>该文件中没有具体的主机名（只有 Host * 之类的模式）。</translation>
    </message>
    <message>
        <source>(in the inventory)</source>
        <translation>（已在清单中）</translation>
    </message>
    <message>
        <source>Import hosts</source>
        <translation>导入主机</translation>
    </message>
    <message>
        <source>~/.ssh/config</source>
        <translation>~/.ssh/config</translation>
    </message>
    <message>
        <source>Ansible inventory (INI or YAML)</source>
        <translation>Ansible 清单（INI 或 YAML）</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>/path/to/inventory.ini or hosts.yml</source>
        <translation>/path/to/inventory.ini 或 hosts.yml</translation>
    </message>
    <message>
        <source>Ansible inventory file</source>
        <translation>Ansible 清单文件</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Give the path of an inventory file: Baton reads its hosts, groups and variables (ansible_host, ansible_port, ansible_user, ansible_become, ansible_ssh_private_key_file).</source>
        <translation>请给出清单文件的路径：Baton 会读取其中的主机、组和变量（ansible_host、ansible_port、ansible_user、ansible_become、ansible_ssh_private_key_file）。</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>%1: &quot;%2&quot; must be a string</source>
        <translation>%1：&quot;%2&quot; 必须是字符串</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>第 %1 台主机</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1：必须是对象</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; is missing</source>
        <translation>%1：缺少 &quot;name&quot;</translation>
    </message>
    <message>
        <source>host %1 (&quot;%2&quot;)</source>
        <translation>第 %1 台主机（&quot;%2&quot;）</translation>
    </message>
    <message>
        <source>%1: &quot;address&quot; is missing</source>
        <translation>%1：缺少 &quot;address&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;port&quot; must be a whole number from 1 to 65535</source>
        <translation>%1：&quot;port&quot; 必须是 1 到 65535 之间的整数</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移量 %1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>unsupported inventory version %1 (this Baton reads version %2)</source>
        <translation>不支持的清单版本 %1（当前 Baton 读取的是版本 %2）</translation>
    </message>
    <message>
        <source>&quot;hosts&quot; must be an array</source>
        <translation>&quot;hosts&quot; 必须是数组</translation>
    </message>
    <message>
        <source>host %1: the name &quot;%2&quot; is used twice; host names must be unique</source>
        <translation>第 %1 台主机：名称 &quot;%2&quot; 重复使用；主机名称必须唯一</translation>
    </message>
    <message>
        <source>cannot read the inventory %1: %2</source>
        <translation>无法读取清单 %1：%2</translation>
    </message>
    <message>
        <source>inventory %1: %2</source>
        <translation>清单 %1：%2</translation>
    </message>
    <message>
        <source>cannot write the inventory %1: %2</source>
        <translation>无法写入清单 %1：%2</translation>
    </message>
    <message>
        <source>%1: &quot;stagingDirectory&quot; must be an absolute path or start with ~/</source>
        <translation>%1：&quot;stagingDirectory&quot; 必须是绝对路径或以 ~/ 开头</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not finish within 30 s</source>
        <translation>%1 未在 30 秒内完成</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2): %3</source>
        <translation>%1 执行失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 -v did not print an nginx version</source>
        <translation>%1 -v 未输出 nginx 版本</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>the number of hosts must be between 1 and 500</source>
        <translation>主机数量必须在 1 到 500 之间</translation>
    </message>
    <message>
        <source>cannot create the lab directory %1</source>
        <translation>无法创建实验环境目录 %1</translation>
    </message>
    <message>
        <source>stopped the processes of a previous lab in %1</source>
        <translation>已停止 %1 中先前实验环境的进程</translation>
    </message>
    <message>
        <source>the lab&apos;s nginx build (--old-nginx): %1</source>
        <translation>实验环境使用的 nginx 构建（--old-nginx）：%1</translation>
    </message>
    <message>
        <source>the upgrade target (--new-nginx): %1</source>
        <translation>升级目标（--new-nginx）：%1</translation>
    </message>
    <message>
        <source>sshd was not found; install the OpenSSH server (Debian: openssh-server)</source>
        <translation>未找到 sshd；请安装 OpenSSH 服务器（Debian：openssh-server）</translation>
    </message>
    <message>
        <source>each host runs in its own PID namespace</source>
        <translation>每台主机运行在各自独立的 PID 命名空间中</translation>
    </message>
    <message>
        <source>hosts share this machine&apos;s process table (no PID namespaces)</source>
        <translation>各主机共享本机的进程表（不使用 PID 命名空间）</translation>
    </message>
    <message>
        <source>not enough free ports on 127.0.0.1 for %1 hosts</source>
        <translation>127.0.0.1 上没有足够的空闲端口供 %1 台主机使用</translation>
    </message>
    <message numerus="yes">
        <source>preparing %n host(s) in %1</source>
        <translation>
            <numerusform>正在 %1 中准备 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>the owner process %1 does not exist</source>
        <translation>所有者进程 %1 不存在</translation>
    </message>
    <message numerus="yes">
        <source>starting %n host(s)</source>
        <translation>
            <numerusform>正在启动 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) up; inventory: %1</source>
        <translation>
            <numerusform>%n 台主机已启动；清单：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot lock %1</source>
        <translation>无法锁定 %1</translation>
    </message>
    <message>
        <source>cannot create the lab&apos;s sudo account: %1</source>
        <translation>无法创建实验环境的 sudo 账户：%1</translation>
    </message>
    <message>
        <source>cannot set the password of the lab&apos;s sudo account: %1</source>
        <translation>无法设置实验环境 sudo 账户的密码：%1</translation>
    </message>
    <message>
        <source>lab host %1 stopped while starting.
%2</source>
        <translation>实验环境主机 %1 在启动过程中停止。
%2</translation>
    </message>
    <message>
        <source>lab host %1 was not ready within %2 s (sshd: %3, nginx: %4).
%5</source>
        <translation>实验环境主机 %1 未在 %2 秒内就绪（sshd：%3，nginx：%4）。
%5</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>无响应</translation>
    </message>
    <message numerus="yes">
        <source>%n lab process(es) could not be stopped (first: pid %1)</source>
        <translation>
            <numerusform>有 %n 个实验环境进程无法停止（第一个：PID %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Baton lab</source>
        <translation>Baton 实验环境</translation>
    </message>
    <message>
        <source>cannot unlock the lab&apos;s sudo account: %1</source>
        <translation>无法解锁实验环境的 sudo 账户：%1</translation>
    </message>
</context>
<context>
    <name>LabCommand</name>
    <message>
        <source>Starts or stops a local lab: test hosts with a real sshd and a real nginx on 127.0.0.1.</source>
        <translation>启动或停止本地实验环境：在 127.0.0.1 上运行真实 sshd 和真实 nginx 的测试主机。</translation>
    </message>
    <message>
        <source>up or down</source>
        <translation>up 或 down</translation>
    </message>
    <message>
        <source>Number of hosts (default 3).</source>
        <translation>主机数量（默认 3）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The lab directory.</source>
        <translation>实验环境目录。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The nginx the hosts run (default: $BATON_LAB_NGINX_OLD).</source>
        <translation>主机上运行的 nginx（默认：$BATON_LAB_NGINX_OLD）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>The upgrade target placed on each host (default: $BATON_LAB_NGINX_NEW).</source>
        <translation>放置到每台主机上的升级目标（默认：$BATON_LAB_NGINX_NEW）。</translation>
    </message>
    <message>
        <source>First port to try (default: random).</source>
        <translation>首个尝试的端口（默认：随机）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Let all hosts share this machine&apos;s process table.</source>
        <translation>让所有主机共享本机的进程表。</translation>
    </message>
    <message>
        <source>Do not create the non-root account that needs sudo (root only).</source>
        <translation>不创建需要 sudo 的非 root 账户（仅在以 root 身份运行时有效）。</translation>
    </message>
    <message>
        <source>Stop the hosts by themselves once process PID ends.</source>
        <translation>进程 PID 结束后，各主机自行停止。</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>say &apos;up&apos; or &apos;down&apos;; see batonctl lab --help</source>
        <translation>请指定 &apos;up&apos; 或 &apos;down&apos;；参见 batonctl lab --help</translation>
    </message>
    <message>
        <source>--dir DIR is required</source>
        <translation>必须指定 --dir DIR</translation>
    </message>
    <message numerus="yes">
        <source>lab in %1 is down (%n process(es) stopped)</source>
        <translation>
            <numerusform>%1 中的实验环境已停止（共停止 %n 个进程）</numerusform>
        </translation>
    </message>
    <message>
        <source>--hosts needs a positive number</source>
        <translation>--hosts 需要一个正整数</translation>
    </message>
    <message>
        <source>say which nginx builds to use with --old-nginx and --new-nginx (installer/env.sh sets BATON_LAB_NGINX_OLD and BATON_LAB_NGINX_NEW)</source>
        <translation>请用 --old-nginx 和 --new-nginx 指定要使用的 nginx 构建（installer/env.sh 会设置 BATON_LAB_NGINX_OLD 和 BATON_LAB_NGINX_NEW）</translation>
    </message>
    <message>
        <source>--owner-pid needs a process id</source>
        <translation>--owner-pid 需要一个进程 ID</translation>
    </message>
    <message>
        <source>ready in %1 s</source>
        <translation>已就绪，耗时 %1 秒</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Baton — %1</source>
        <translation>Baton — %1</translation>
    </message>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>服务器群</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>NginxBuild</name>
    <message>
        <source>no &quot;nginx version:&quot; line: this is not the output of nginx -V</source>
        <translation>没有 &quot;nginx version:&quot; 行：这不是 nginx -V 的输出</translation>
    </message>
    <message>
        <source>the configure arguments have an unclosed quote</source>
        <translation>configure 参数中有未闭合的引号</translation>
    </message>
    <message>
        <source>no &quot;configure arguments:&quot; line: use nginx -V (capital V)</source>
        <translation>没有 &quot;configure arguments:&quot; 行：请使用 nginx -V（大写 V）</translation>
    </message>
</context>
<context>
    <name>PhaseBadge</name>
    <message>
        <source>phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
</context>
<context>
    <name>PhaseState</name>
    <message>
        <source>%1 nginx masters run that are not children of one another; name the instance&apos;s pid file to tell them apart</source>
        <translation>有 %1 个彼此不是父子关系的 nginx 主进程正在运行；请指定该实例的 pid 文件以区分它们</translation>
    </message>
    <message>
        <source>the pid file %1 names process %2, which is not a running nginx master</source>
        <translation>pid 文件 %1 指向进程 %2，但该进程不是正在运行的 nginx 主进程</translation>
    </message>
    <message>
        <source>stale %1.oldbin: it names process %2, which is not a running nginx master</source>
        <translation>陈旧的 %1.oldbin：它指向进程 %2，但该进程不是正在运行的 nginx 主进程</translation>
    </message>
    <message>
        <source>only the old master (in %1.oldbin) runs; the pid file is missing</source>
        <translation>只有旧主进程（记录在 %1.oldbin 中）在运行；pid 文件不存在</translation>
    </message>
    <message>
        <source>the master (pid %1) has no workers</source>
        <translation>主进程（PID %1）没有工作进程</translation>
    </message>
    <message>
        <source>two unrelated masters: %1 (pid file) is not a child of %2 (.oldbin)</source>
        <translation>两个互不相关的主进程：%1（pid 文件）不是 %2（.oldbin）的子进程</translation>
    </message>
    <message>
        <source>the new master (pid %1) has no workers</source>
        <translation>新主进程（PID %1）没有工作进程</translation>
    </message>
    <message>
        <source>an nginx master (pid %1) runs with this configuration, but the pid file %2 is missing</source>
        <translation>有一个 nginx 主进程（pid %1）以此配置运行，但 pid 文件 %2 不存在</translation>
    </message>
    <message>
        <source>another nginx master (pid %1) runs with the pid file %2, which does not name it</source>
        <translation>另一个 nginx 主进程（pid %1）使用 pid 文件 %2 运行，但该文件记录的不是它</translation>
    </message>
</context>
<context>
    <name>PidFile</name>
    <message>
        <source>the pid file is empty (nginx -t leaves it so when nginx is not running)</source>
        <translation>pid 文件为空（nginx 未运行时，nginx -t 会留下空的 pid 文件）</translation>
    </message>
    <message>
        <source>the pid file holds a negative number: &quot;%1&quot;</source>
        <translation>pid 文件中是一个负数：&quot;%1&quot;</translation>
    </message>
    <message>
        <source>the pid file does not hold a process id: &quot;%1&quot;</source>
        <translation>pid 文件中不是进程号：&quot;%1&quot;</translation>
    </message>
    <message>
        <source>the pid file holds %1, which is too large to be a process id</source>
        <translation>pid 文件中的 %1 太大，不可能是进程号</translation>
    </message>
    <message>
        <source>the pid file holds 0, which is not a process id</source>
        <translation>pid 文件中是 0，这不是进程号</translation>
    </message>
</context>
<context>
    <name>Pitfalls</name>
    <message>
        <source>An upgrade is already in progress (%1): finish it (commit or roll back) before starting another; USR2 is ignored while a new binary runs.</source>
        <translation>已有一次升级正在进行（%1）：请先完成它（提交或回滚）再开始新的升级；新二进制运行期间 USR2 会被忽略。</translation>
    </message>
    <message>
        <source>No pid file is known for this instance (pid off?): masters are found by their title only.</source>
        <translation>此实例没有已知的 pid 文件（pid off？）：只能按进程标题查找主进程。</translation>
    </message>
    <message>
        <source>The master was started as &quot;%1&quot;, not by an absolute path: the new binary cannot be executed on USR2. Restart nginx once by its full path.</source>
        <translation>主进程是以 &quot;%1&quot; 启动的，而不是绝对路径：收到 USR2 时无法执行新的二进制。请用完整路径重启一次 nginx。</translation>
    </message>
    <message>
        <source>nginx runs with daemon off: a binary upgrade is not possible, restart it instead.</source>
        <translation>nginx 以 daemon off 运行：无法进行二进制升级，请改为重启。</translation>
    </message>
    <message>
        <source>The master is PID 1 (a container&apos;s main process): a binary upgrade is not possible.</source>
        <translation>主进程是 PID 1（容器的主进程）：无法进行二进制升级。</translation>
    </message>
    <message>
        <source>The running binary was replaced on disk (%1): the master still runs the old one.</source>
        <translation>正在运行的二进制已在磁盘上被替换（%1）：主进程仍在运行旧的二进制。</translation>
    </message>
    <message>
        <source>The binary on disk (%1) differs from the one the master runs.</source>
        <translation>磁盘上的二进制（%1）与主进程正在运行的不同。</translation>
    </message>
    <message>
        <source>Process %1 is titled &quot;%2&quot; but is not an nginx master or worker; it is ignored.</source>
        <translation>进程 %1 的标题为 &quot;%2&quot;，但它不是 nginx 主进程或工作进程；已忽略。</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read as this user: whether nginx runs with daemon off, and which pid file it uses, is unknown. Let Baton use sudo on this host.</source>
        <translation>当前用户无法读取配置文件 %1：无法确定 nginx 是否以 daemon off 运行，也无法确定它使用哪个 pid 文件。请让 Baton 在此主机上使用 sudo。</translation>
    </message>
    <message>
        <source>nginx runs in the systemd service %1, but systemctl is missing: its Type and PIDFile cannot be checked.</source>
        <translation>nginx 运行在 systemd 服务 %1 中，但缺少 systemctl：无法检查其 Type 和 PIDFile。</translation>
    </message>
    <message>
        <source>The systemd service %1 has Type=%2: a binary upgrade needs Type=forking, or systemd stops the new master when the old one exits.</source>
        <translation>systemd 服务 %1 的 Type=%2：二进制升级需要 Type=forking，否则旧主进程退出时 systemd 会停止新主进程。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The systemd service %1 has no PIDFile: when the old master exits, systemd cannot find the new one and stops the service. Set PIDFile=%2.</source>
        <translation>systemd 服务 %1 没有 PIDFile：旧主进程退出时，systemd 找不到新主进程，会停止该服务。请设置 PIDFile=%2。</translation>
    </message>
    <message>
        <source>The systemd service %1 has PIDFile=%2, but nginx writes its pid to %3: systemd would lose track of the new master. Make them equal.</source>
        <translation>systemd 服务 %1 的 PIDFile=%2，但 nginx 把 pid 写入 %3：systemd 会失去对新主进程的跟踪。请让两者一致。</translation>
    </message>
    <message>
        <source>The systemd service %1 tracks process %2 as its main process, not the nginx master %3.</source>
        <translation>systemd 服务 %1 把进程 %2 当作主进程，而不是 nginx 主进程 %3。</translation>
    </message>
    <message>
        <source>sha256sum is missing on the host: the binary on disk cannot be compared with the running one.</source>
        <translation>主机上缺少 sha256sum：无法比较磁盘上的二进制文件与正在运行的二进制文件。</translation>
    </message>
    <message>
        <source>The master&apos;s executable cannot be read as this user: its version and build are unknown. Let Baton use sudo on this host.</source>
        <translation>当前用户无法读取主进程的可执行文件：其版本和构建信息未知。请让 Baton 在此主机上使用 sudo。</translation>
    </message>
</context>
<context>
    <name>ProbeRecord</name>
    <message>
        <source>probe output, line %1: %2</source>
        <translation>探测输出，第 %1 行：%2</translation>
    </message>
    <message>
        <source>text after &quot;end&quot;</source>
        <translation>&quot;end&quot; 之后还有文本</translation>
    </message>
    <message>
        <source>not a Baton probe record (expected &quot;baton-probe VERSION&quot;)</source>
        <translation>不是 Baton 探测记录（应为 &quot;baton-probe VERSION&quot;）</translation>
    </message>
    <message>
        <source>probe record version %1, this Baton reads version %2</source>
        <translation>探测记录版本为 %1，当前 Baton 读取的是版本 %2</translation>
    </message>
    <message>
        <source>&quot;tool&quot; needs a name and yes/no</source>
        <translation>&quot;tool&quot; 需要一个名称和 yes/no</translation>
    </message>
    <message>
        <source>&quot;proc&quot; needs pid, ppid, uid, start time, state and title</source>
        <translation>&quot;proc&quot; 需要 pid、ppid、uid、启动时间、状态和标题</translation>
    </message>
    <message>
        <source>malformed &quot;proc&quot; line</source>
        <translation>格式错误的 &quot;proc&quot; 行</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a pid and a text</source>
        <translation>&quot;%1&quot; 需要一个 pid 和一段文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a path and a pid</source>
        <translation>&quot;%1&quot; 需要一个路径和一个 pid</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds no pid</source>
        <translation>&quot;%1&quot; 中没有 pid</translation>
    </message>
    <message>
        <source>&quot;binary&quot; needs a path, size, mtime and sha256</source>
        <translation>&quot;binary&quot; 需要路径、大小、mtime 和 sha256</translation>
    </message>
    <message>
        <source>malformed &quot;binary&quot; line</source>
        <translation>格式错误的 &quot;binary&quot; 行</translation>
    </message>
    <message>
        <source>empty probe output</source>
        <translation>探测输出为空</translation>
    </message>
    <message>
        <source>the record was cut short (no &quot;end&quot; line)</source>
        <translation>记录被截断（缺少 &quot;end&quot; 行）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a pid and a value</source>
        <translation>&quot;%1&quot; 需要一个 pid 和一个值</translation>
    </message>
    <message>
        <source>malformed &quot;conns&quot; line</source>
        <translation>格式错误的 &quot;conns&quot; 行</translation>
    </message>
    <message>
        <source>&quot;daemon&quot; is on, off or ?</source>
        <translation>&quot;daemon&quot; 的值应为 on、off 或 ?</translation>
    </message>
    <message>
        <source>&quot;systemd&quot; needs a unit, a key and a value</source>
        <translation>&quot;systemd&quot; 需要单元名、键和值</translation>
    </message>
    <message>
        <source>malformed &quot;systemd&quot; MainPID</source>
        <translation>&quot;systemd&quot; 的 MainPID 格式错误</translation>
    </message>
    <message>
        <source>pid off (master %1)</source>
        <translation>pid off（主进程 %1）</translation>
    </message>
    <message>
        <source>%1 nginx instances run on this host (%2): name the pid file of the one you mean (nginx.pidFile in the inventory)</source>
        <translation>此主机上运行着 %1 个 nginx 实例（%2）：请指明您所指实例的 pid 文件（清单中的 nginx.pidFile）</translation>
    </message>
    <message>
        <source>malformed &quot;rss&quot; line</source>
        <translation>格式错误的 &quot;rss&quot; 行</translation>
    </message>
    <message>
        <source>&quot;lock&quot; needs a pid file before it and an owner</source>
        <translation>&quot;lock&quot; 行之前需要一个 pid 文件，且需要持有者</translation>
    </message>
</context>
<context>
    <name>ProcessTree</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>进程树</translation>
    </message>
    <message>
        <source>pid</source>
        <translation>pid</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>up</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>%1 %2, pid %3</source>
        <translation>%1 %2，pid %3</translation>
    </message>
    <message>
        <source>old</source>
        <translation>旧</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>master</source>
        <translation>主进程</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>worker is shutting down</source>
        <translation>工作进程正在关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rollout</name>
    <message>
        <source>no host named %1 in the inventory</source>
        <translation>清单中没有名为 %1 的主机</translation>
    </message>
    <message>
        <source>a canary failed (%1): the rollout stopped before any other host changed</source>
        <translation>金丝雀主机失败（%1）：发布已停止，其他主机均未改动</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) failed, more than the failure budget allows: the rollout stopped (%1)</source>
        <translation>
            <numerusform>%n 台主机失败，超出失败预算：发布已停止（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped after the canaries, as asked</source>
        <translation>按要求在金丝雀主机之后停止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) upgraded</source>
        <translation>
            <numerusform>%n 台主机中已升级 %1 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) rolled back</source>
        <translation>
            <numerusform>%n 台主机中已回滚 %1 台</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RolloutPage</name>
    <message>
        <source>Rollout</source>
        <translation>发布</translation>
    </message>
    <message numerus="yes">
        <source>Roll out to %n host(s)</source>
        <translation>
            <numerusform>发布到 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Canaries</source>
        <translation>金丝雀主机数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Hosts at once</source>
        <translation>同时升级主机数</translation>
    </message>
    <message>
        <source>Failures allowed</source>
        <translation>允许失败数</translation>
    </message>
    <message>
        <source>On a failure</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>roll that host back</source>
        <translation>回滚该主机</translation>
    </message>
    <message>
        <source>roll its batch back</source>
        <translation>回滚该主机所在批次</translation>
    </message>
    <message>
        <source>stop and leave it</source>
        <translation>停止并保持现状</translation>
    </message>
    <message>
        <source>Target on the hosts</source>
        <translation>主机上的目标二进制</translation>
    </message>
    <message>
        <source>each host&apos;s staged target</source>
        <translation>各主机在清单中配置的目标二进制</translation>
    </message>
    <message>
        <source>Batches: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <source>canary </source>
        <translation>金丝雀 </translation>
    </message>
    <message>
        <source>Start rollout</source>
        <translation>开始发布</translation>
    </message>
    <message numerus="yes">
        <source>Roll out to %n host(s)?</source>
        <translation>
            <numerusform>发布到 %n 台主机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Every host is upgraded and committed, batch by batch, within the failure budget.</source>
        <translation>在失败预算之内，逐批升级并提交每台主机。</translation>
    </message>
    <message>
        <source>This changes the hosts.</source>
        <translation>此操作会改动这些主机。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Select hosts on the Fleet page and choose Roll out.</source>
        <translation>请在“服务器群”页面选择主机，然后选择“发布”。</translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n host(s)</source>
        <translation>
            <numerusform>回滚 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back these hosts</source>
        <translation>回滚这些主机</translation>
    </message>
    <message>
        <source>Put each host back on the binary it ran before its last upgrade, whatever its phase.</source>
        <translation>无论处于哪个阶段，都让每台主机恢复到上次升级之前运行的二进制。</translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n host(s)?</source>
        <translation>
            <numerusform>回滚 %n 台主机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Each host goes back to the binary it ran before Baton&apos;s last upgrade: a rollback while an upgrade is under way, or a new upgrade to the backup once committed. A host already there is left alone.</source>
        <translation>每台主机都将恢复到 Baton 上次升级之前运行的二进制：升级仍在进行中的主机执行回滚，已提交的主机则重新升级到备份。已经处于该状态的主机保持不变。</translation>
    </message>
    <message>
        <source>Export as Ansible playbook</source>
        <translation>导出为 Ansible 剧本</translation>
    </message>
    <message>
        <source>Written. Run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</source>
        <translation>已写入。运行：ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</translation>
    </message>
    <message>
        <source>Directory for upgrade-nginx.yml and inventory.ini:</source>
        <translation>upgrade-nginx.yml 和 inventory.ini 所在的目录：</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Export as Ansible playbook…</source>
        <translation>导出为 Ansible 剧本…</translation>
    </message>
    <message>
        <source>Write this plan as an Ansible playbook and inventory with the same batches, failure budget, steps and checks.</source>
        <translation>把此计划写成 Ansible 剧本和清单，批次、失败预算、步骤和检查都相同。</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>SSH password</source>
        <translation>SSH 密码</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥密码短语</translation>
    </message>
    <message>
        <source>sudo password</source>
        <translation>sudo 密码</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The passphrase of %1:</source>
        <translation>%1 的密码短语：</translation>
    </message>
    <message>
        <source>The sudo password of %1:</source>
        <translation>%1 的 sudo 密码：</translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>The last one was refused.</source>
        <translation>上一次输入的被拒绝了。</translation>
    </message>
    <message>
        <source>Remember until Baton quits (memory only)</source>
        <translation>记住，直到 Baton 退出（仅保存在内存中）</translation>
    </message>
    <message>
        <source>Remember in the desktop&apos;s secret store</source>
        <translation>保存到桌面的密钥库中</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>排空超时</translation>
    </message>
    <message>
        <source>Drain timeout in seconds</source>
        <translation>排空超时（秒）</translation>
    </message>
    <message>
        <source>seconds for the old workers to finish</source>
        <translation>等待旧工作进程结束的秒数</translation>
    </message>
    <message>
        <source>Health URL</source>
        <translation>健康检查 URL</translation>
    </message>
    <message>
        <source>http://127.0.0.1:&lt;port&gt;/ of each host</source>
        <translation>每台主机的 http://127.0.0.1:&lt;port&gt;/</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>轮询间隔</translation>
    </message>
    <message>
        <source>Poll interval in seconds</source>
        <translation>轮询间隔（秒）</translation>
    </message>
    <message>
        <source>seconds between probes of a host that does not change (changing hosts: twice a second)</source>
        <translation>状态不变的主机两次探测之间的秒数（状态正在变化的主机：每秒两次）</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行度</translation>
    </message>
    <message>
        <source>Hosts upgraded at once</source>
        <translation>同时升级的主机数</translation>
    </message>
    <message>
        <source>hosts upgraded at once in a rollout</source>
        <translation>发布时同时升级的主机数</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Forget remembered passwords</source>
        <translation>忘记记住的密码</translation>
    </message>
    <message numerus="yes">
        <source>%n remembered (passwords in the desktop&apos;s secret store, key passphrases in memory until Baton quits)</source>
        <translation>
            <numerusform>已记住 %n 个（密码保存在桌面的密钥库中，密钥密码短语保存在内存中直到 Baton 退出）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remembered in memory until Baton quits (there is no secret store)</source>
        <translation>
            <numerusform>已在内存中记住 %n 个，直到 Baton 退出（没有密钥库）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>connections over time</source>
        <translation>连接数随时间变化</translation>
    </message>
</context>
<context>
    <name>SshConfigImport</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>SshConnection</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The connection to %1 broke (%2): %3</source>
        <translation>与 %1 的连接已断开（%2）：%3</translation>
    </message>
    <message>
        <source>No host name or address is set.</source>
        <translation>未设置主机名或地址。</translation>
    </message>
    <message>
        <source>libssh could not create a session (out of memory?).</source>
        <translation>libssh 无法创建会话（内存不足？）。</translation>
    </message>
    <message>
        <source>Invalid host &quot;%1&quot;: %2</source>
        <translation>无效的主机 &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>The SSH config file %1 cannot be read.</source>
        <translation>无法读取 SSH 配置文件 %1。</translation>
    </message>
    <message>
        <source>The SSH config file could not be parsed: %1</source>
        <translation>无法解析 SSH 配置文件：%1</translation>
    </message>
    <message>
        <source>%1 sent no usable host key: %2</source>
        <translation>%1 未发送可用的主机密钥：%2</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED: it is now %2 %3, which is not the key recorded in %4. Someone could be intercepting the connection. If the server was really reinstalled, remove the old key with: ssh-keygen -R &apos;%1&apos; -f %4</source>
        <translation>警告：%1 的主机密钥已更改！它现在是 %2 %3，与 %4 中记录的密钥不一致。可能有人正在拦截此连接。如果该服务器确实已重装，请用以下命令删除旧密钥：ssh-keygen -R &apos;%1&apos; -f %4</translation>
    </message>
    <message>
        <source>%1 presented a %2 host key (%3), but %4 records a key of another type for it. Someone could be intercepting the connection; refusing.</source>
        <translation>%1 出示了 %2 主机密钥（%3），但 %4 中为其记录的是另一种类型的密钥。可能有人正在拦截此连接；已拒绝连接。</translation>
    </message>
    <message>
        <source>The host key of %1 (%2 %3) is not known and was not approved; nothing was written to %4.</source>
        <translation>%1 的主机密钥（%2 %3）未知且未获批准；未向 %4 写入任何内容。</translation>
    </message>
    <message>
        <source>Could not record the host key in %1: %2</source>
        <translation>无法将主机密钥记录到 %1：%2</translation>
    </message>
    <message>
        <source>Could not check the host key of %1 against %2: %3</source>
        <translation>无法根据 %2 校验 %1 的主机密钥：%3</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>认证时</translation>
    </message>
    <message>
        <source>publickey (agent and key files)</source>
        <translation>publickey（代理和密钥文件）</translation>
    </message>
    <message>
        <source>password (attempts: %1)</source>
        <translation>password（尝试次数：%1）</translation>
    </message>
    <message>
        <source>Authentication to %1 failed. The server offers: %2. Tried: %3.</source>
        <translation>向 %1 认证失败。服务器提供的方式：%2。已尝试：%3。</translation>
    </message>
    <message>
        <source>nothing Baton can use</source>
        <translation>无（没有 Baton 可用的方式）</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>未连接到 %1。</translation>
    </message>
    <message>
        <source>opening a channel</source>
        <translation>打开通道时</translation>
    </message>
    <message>
        <source>Could not open a session channel on %1: %2</source>
        <translation>无法在 %1 上打开会话通道：%2</translation>
    </message>
    <message>
        <source>%1 refused to run the command: %2</source>
        <translation>%1 拒绝运行该命令：%2</translation>
    </message>
    <message>
        <source>The command on %1 was cancelled.</source>
        <translation>%1 上的命令已取消。</translation>
    </message>
    <message>
        <source>The command on %1 did not finish within %2 s.</source>
        <translation>%1 上的命令未在 %2 秒内完成。</translation>
    </message>
    <message>
        <source>sending input</source>
        <translation>发送输入时</translation>
    </message>
    <message>
        <source>reading the command&apos;s output</source>
        <translation>读取命令输出时</translation>
    </message>
    <message>
        <source>%1 has sent nothing for %2 s, not even answers to keepalive requests: the connection is dead.</source>
        <translation>%1 已有 %2 秒未发送任何数据，连保活请求也未应答：连接已失效。</translation>
    </message>
    <message>
        <source>running the command</source>
        <translation>运行命令时</translation>
    </message>
    <message>
        <source>waiting for the command&apos;s exit status</source>
        <translation>等待命令退出状态时</translation>
    </message>
    <message>
        <source>%1 did not report how the command ended; its result is unknown.</source>
        <translation>%1 未报告命令的结束方式；其结果未知。</translation>
    </message>
    <message>
        <source>The connection was cancelled.</source>
        <translation>连接已取消。</translation>
    </message>
    <message>
        <source>The command was cancelled.</source>
        <translation>命令已取消。</translation>
    </message>
    <message>
        <source>sudo on %1 refused the password.</source>
        <translation>%1 上的 sudo 拒绝了该密码。</translation>
    </message>
    <message>
        <source>sudo on %1 asks for a password, and none was given.</source>
        <translation>%1 上的 sudo 需要密码，但没有提供密码。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 offers no SFTP service: %2</source>
        <translation>%1 未提供 SFTP 服务：%2</translation>
    </message>
    <message>
        <source>Cannot create %1 on %2: %3</source>
        <translation>无法在 %2 上创建 %1：%3</translation>
    </message>
    <message>
        <source>The upload to %1 was cancelled.</source>
        <translation>到 %1 的上传已取消。</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>读取 %1 失败：%2</translation>
    </message>
    <message>
        <source>The connection to %1 broke during the upload.</source>
        <translation>上传期间与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>Writing %1 on %2 failed: %3</source>
        <translation>在 %2 上写入 %1 失败：%3</translation>
    </message>
    <message>
        <source>Closing %1 on %2 failed: %3</source>
        <translation>在 %2 上关闭 %1 失败：%3</translation>
    </message>
    <message>
        <source>%1 did not confirm the upload of %2: %3</source>
        <translation>%1 未能确认 %2 的上传：%3</translation>
    </message>
    <message>
        <source>%1 refused to start a shell: %2</source>
        <translation>%1 拒绝启动 shell：%2</translation>
    </message>
    <message>
        <source>sending the command</source>
        <translation>发送命令</translation>
    </message>
    <message>
        <source>The shell on %1 ended during the command; its result is unknown.</source>
        <translation>%1 上的 shell 在命令执行期间结束；命令结果未知。</translation>
    </message>
    <message>
        <source>opening a tunnel</source>
        <translation>打开隧道</translation>
    </message>
    <message>
        <source>%1 did not connect to %2:%3: %4</source>
        <translation>%1 未能连接到 %2:%3：%4</translation>
    </message>
    <message>
        <source>Sending the request to %1:%2 on %3 failed: %4</source>
        <translation>向 %3 上的 %1:%2 发送请求失败：%4</translation>
    </message>
    <message>
        <source>The request on %1 was cancelled.</source>
        <translation>%1 上的请求已取消。</translation>
    </message>
    <message>
        <source>%1:%2 on %3 sent no reply within %4 s.</source>
        <translation>%3 上的 %1:%2 在 %4 秒内没有回复。</translation>
    </message>
    <message>
        <source>reading a reply through a tunnel</source>
        <translation>经隧道读取回复</translation>
    </message>
    <message>
        <source>%1:%2 on %3 closed the connection without a reply.</source>
        <translation>%3 上的 %1:%2 未回复就关闭了连接。</translation>
    </message>
    <message>
        <source>%1:%2 on %3 did not answer in HTTP.</source>
        <translation>%3 上的 %1:%2 没有以 HTTP 协议回复。</translation>
    </message>
    <message>
        <source>Cannot read back %1 on %2: %3</source>
        <translation>无法回读 %2 上的 %1：%3</translation>
    </message>
    <message>
        <source>%1 received %2 of the %3 bytes of %4</source>
        <translation>%1 只收到了 %4 的 %3 字节中的 %2 字节</translation>
    </message>
    <message>
        <source>Cannot set the permissions of %1 on %2: %3</source>
        <translation>无法设置 %2 上 %1 的权限：%3</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>the probe exited with status %1</source>
        <translation>探测脚本以状态 %1 退出</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n 个工作进程</numerusform>
        </translation>
    </message>
    <message>
        <source>Probes hosts and prints the phase of their nginx.</source>
        <translation>探测主机并打印其 nginx 所处的阶段。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Only this host (repeatable).</source>
        <translation>仅此主机（可重复指定）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print JSON (documented in the README).</source>
        <translation>输出 JSON（格式见 README）。</translation>
    </message>
    <message>
        <source>no host named %1 in the inventory</source>
        <translation>清单中没有名为 %1 的主机</translation>
    </message>
    <message>
        <source>(next: %1)</source>
        <translation>（下一步：%1）</translation>
    </message>
    <message numerus="yes">
        <source> + %n old</source>
        <translation>
            <numerusform> + %n 个旧进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n probe(s)</source>
        <translation>
            <numerusform>%1：%n 次探测</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep watching: a line whenever a host changes. One probe per host per tick over one connection per host; the tick is fast while a host changes and slows down while it stays the same.</source>
        <translation>持续监视：主机每有变化就输出一行。每台主机每个周期探测一次，每台主机只用一个连接；主机变化时周期短，保持不变时周期逐渐变长。</translation>
    </message>
    <message>
        <source>With --watch: stop after SECONDS.</source>
        <translation>与 --watch 一起使用：SECONDS 秒后停止。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>With --watch: the tick while a host changes (default 500).</source>
        <translation>与 --watch 一起使用：主机变化时的探测周期（默认 500）。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>With --watch: the longest tick, for a host that stays the same (default 8000).</source>
        <translation>与 --watch 一起使用：主机保持不变时的最长探测周期（默认 8000）。</translation>
    </message>
    <message>
        <source>The inventory (default: $BATON_INVENTORY, else ~/.config/baton/inventory.json).</source>
        <translation>清单文件（默认：$BATON_INVENTORY，否则为 ~/.config/baton/inventory.json）。</translation>
    </message>
    <message>
        <source>say which inventory with --inventory FILE, or keep it in %1</source>
        <translation>请用 --inventory FILE 指定清单，或把清单放在 %1</translation>
    </message>
</context>
<context>
    <name>StubStatus</name>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 is negative: %2</source>
        <translation>%1 为负数：%2</translation>
    </message>
    <message>
        <source>%1 is not a number: &quot;%2&quot;</source>
        <translation>%1 不是数字：&quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 is too large: %2</source>
        <translation>%1 太大：%2</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot; in &quot;%2&quot;</source>
        <translation>&quot;%2&quot; 中应有 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected text after the counters in &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 中计数之后有多余的文本</translation>
    </message>
    <message>
        <source>an HTML page (&quot;%1&quot;), not a stub_status page</source>
        <translation>这是一个 HTML 页面（&quot;%1&quot;），不是 stub_status 页面</translation>
    </message>
    <message>
        <source>an HTML page, not a stub_status page</source>
        <translation>这是一个 HTML 页面，不是 stub_status 页面</translation>
    </message>
    <message>
        <source>the stub_status page is empty</source>
        <translation>stub_status 页面为空</translation>
    </message>
    <message>
        <source>not a stub_status page: it starts with &quot;%1&quot;, not &quot;Active connections:&quot;</source>
        <translation>不是 stub_status 页面：它以 &quot;%1&quot; 开头，而不是 &quot;Active connections:&quot;</translation>
    </message>
    <message>
        <source>the stub_status page ends after line %1 of 4</source>
        <translation>stub_status 页面在第 %1 行（共 4 行）后结束</translation>
    </message>
    <message>
        <source>unexpected text after the stub_status counters: &quot;%1&quot;</source>
        <translation>stub_status 计数之后有多余的文本：&quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected &quot;server accepts handled requests&quot; on line 2, not &quot;%1&quot;</source>
        <translation>第 2 行应为 &quot;server accepts handled requests&quot;，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected three numbers (accepts, handled, requests) on line 3, not &quot;%1&quot;</source>
        <translation>第 3 行应为三个数字（accepts、handled、requests），而不是 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Swimlane</name>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>upgrading</source>
        <translation>升级中</translation>
    </message>
    <message>
        <source>upgraded</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <source>%1, %2 s</source>
        <translation>%1，%2 秒</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>spawned</source>
        <translation>新旧并行</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>旧主进程待命</translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>changing</source>
        <translation>切换中</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>cannot read the transcript %1: %2</source>
        <translation>无法读取执行记录 %1：%2</translation>
    </message>
    <message>
        <source>%1, line %2: not a transcript entry</source>
        <translation>%1，第 %2 行：不是执行记录条目</translation>
    </message>
</context>
<context>
    <name>UpgradeCommand</name>
    <message>
        <source>%1:%2: unknown host key %3 %4; check it and add it to %5 (connect once with ssh), then try again</source>
        <translation>%1:%2：未知的主机密钥 %3 %4；请核实后将其添加到 %5（用 ssh 连接一次即可），然后重试</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>%1 的密码短语: </translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码: </translation>
    </message>
    <message>
        <source>cannot read the sudo password file %1</source>
        <translation>无法读取 sudo 密码文件 %1</translation>
    </message>
    <message>
        <source>sudo password for %1: </source>
        <translation>%1 的 sudo 密码: </translation>
    </message>
    <message>
        <source>Checks that the hosts can be upgraded to the target; changes nothing.</source>
        <translation>检查各主机能否升级到目标二进制；不做任何更改。</translation>
    </message>
    <message>
        <source>Upgrades nginx on the hosts: stage, spawn, drain, commit, with health gates; rolls back a host whose gate fails. Resumes from wherever each host is.</source>
        <translation>升级各主机上的 nginx：依次执行 stage、spawn、drain、commit，每步都有健康门禁；门禁未通过的主机会被回滚。从每台主机当前所处的阶段继续执行。</translation>
    </message>
    <message>
        <source>Lets the old workers finish (WINCH the old master) and waits until they are gone.</source>
        <translation>让旧工作进程处理完毕（向旧主进程发送 WINCH），并等待它们全部退出。</translation>
    </message>
    <message>
        <source>Ends the upgrade: QUIT the old master, verify the new one serves alone.</source>
        <translation>结束升级：向旧主进程发送 QUIT，确认新主进程单独提供服务。</translation>
    </message>
    <message>
        <source>Rolls the hosts back from spawned, draining or parked (HUP the old master, QUIT the new one, restore the old binary), or puts the running binary back after a stage.</source>
        <translation>将处于 spawned、draining 或 parked 阶段的主机回滚（向旧主进程发送 HUP，向新主进程发送 QUIT，恢复旧二进制），或在 stage 之后把正在运行的二进制放回原处。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The new nginx binary, a local file to upload.</source>
        <translation>新的 nginx 二进制，为待上传的本地文件。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>The new nginx binary, already on each host.</source>
        <translation>新的 nginx 二进制，已存在于每台主机上。</translation>
    </message>
    <message>
        <source>Stop once the hosts are spawned, parked or committed (default).</source>
        <translation>主机到达 spawned、parked 或 committed（默认）阶段后即停止。</translation>
    </message>
    <message>
        <source>PHASE</source>
        <translation>PHASE</translation>
    </message>
    <message>
        <source>Run only the next step of each host.</source>
        <translation>每台主机只执行下一步。</translation>
    </message>
    <message>
        <source>Print the commands each host would run, as a script to read; change nothing.</source>
        <translation>以脚本形式打印每台主机将要运行的命令，仅供阅读；不做任何更改。</translation>
    </message>
    <message>
        <source>Requested on each host after each step (default: http://127.0.0.1:&lt;httpPort&gt;/).</source>
        <translation>每一步之后在每台主机上请求此 URL（默认：http://127.0.0.1:&lt;httpPort&gt;/）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Seconds for the new generation to come up (30).</source>
        <translation>等待新一代进程启动完成的秒数（30）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds for the old workers to drain (300).</source>
        <translation>等待旧工作进程排空的秒数（300）。</translation>
    </message>
    <message>
        <source>fail (stay draining; run drain again to wait longer), terminate (TERM the old workers left) or rollback.</source>
        <translation>fail（停留在 draining 阶段；再次运行 drain 可继续等待）、terminate（向剩余的旧工作进程发送 TERM）或 rollback。</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>Read the sudo password from this file (default: $BATON_SUDO_PASSWORD_FILE, else ask on the terminal).</source>
        <translation>从此文件读取 sudo 密码（默认：$BATON_SUDO_PASSWORD_FILE，未设置时在终端中询问）。</translation>
    </message>
    <message>
        <source>Print JSON (documented in the README).</source>
        <translation>输出 JSON（格式见 README）。</translation>
    </message>
    <message>
        <source>Where to write the transcript (default: ~/.local/state/baton/transcripts).</source>
        <translation>执行记录的写入目录（默认：~/.local/state/baton/transcripts）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>give either --binary or --remote-binary, not both</source>
        <translation>只能指定 --binary 或 --remote-binary 之一，不能同时指定</translation>
    </message>
    <message>
        <source>say which binary to upgrade to with --binary PATH (a local file) or --remote-binary PATH (%1 has no nginx.targetBinary in the inventory)</source>
        <translation>请用 --binary PATH（本地文件）或 --remote-binary PATH 指定要升级到的二进制（清单中 %1 没有 nginx.targetBinary）</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>timeouts are whole seconds above 0</source>
        <translation>超时必须是大于 0 的整数秒</translation>
    </message>
    <message>
        <source>--on-drain-timeout is fail, terminate or rollback</source>
        <translation>--on-drain-timeout 的值应为 fail、terminate 或 rollback</translation>
    </message>
    <message>
        <source>--until is spawned, parked or committed</source>
        <translation>--until 的值应为 spawned、parked 或 committed</translation>
    </message>
    <message>
        <source>transcript: %1</source>
        <translation>执行记录：%1</translation>
    </message>
    <message>
        <source>no step is possible: the instance is %1 %2</source>
        <translation>无法执行任何步骤：实例当前为 %1 %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Prints what Baton ran on the hosts: the last run, or the one named.</source>
        <translation>打印 Baton 在各主机上运行过的命令：最近一次运行，或指定的那次运行。</translation>
    </message>
    <message>
        <source>Only this host.</source>
        <translation>仅此主机。</translation>
    </message>
    <message>
        <source>List the runs, newest first.</source>
        <translation>列出各次运行，最新的在前。</translation>
    </message>
    <message>
        <source>Print the entries as JSON lines.</source>
        <translation>以 JSON Lines 格式打印条目（每行一条）。</translation>
    </message>
    <message>
        <source>Where the transcripts are.</source>
        <translation>执行记录所在的目录。</translation>
    </message>
    <message>
        <source>A transcript file or run id (default: the last run).</source>
        <translation>执行记录文件或运行 ID（默认：最近一次运行）。</translation>
    </message>
    <message>
        <source>batonctl transcript: no runs yet in %1</source>
        <translation>batonctl transcript: %1 中还没有运行记录</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>did not finish: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source> in %1 ms</source>
        <translation>，耗时 %1 毫秒</translation>
    </message>
    <message>
        <source>valid now: %1</source>
        <translation>当前可执行：%1</translation>
    </message>
    <message>
        <source>batch %1%2: %3</source>
        <translation>批次 %1%2：%3</translation>
    </message>
    <message>
        <source> (canaries)</source>
        <translation>（金丝雀）</translation>
    </message>
    <message>
        <source>the canaries are done; not a terminal, so not going on (run again with --resume)</source>
        <translation>金丝雀主机已完成；当前不是终端，因此不再继续（用 --resume 再次运行）</translation>
    </message>
    <message>
        <source>canaries: %1. Go on with the batches? [y/N] </source>
        <translation>金丝雀主机：%1。继续执行后续批次吗？[y/N] </translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Upgrades a fleet the careful way: canary hosts first, then batches, within a failure budget. Run it again (or with --resume) after a crash: it continues from what the hosts say.</source>
        <translation>稳妥地升级整个集群：先升级金丝雀主机，再分批升级，并遵守失败预算。崩溃后再次运行（或使用 --resume）：它会根据各主机的实际状态继续。</translation>
    </message>
    <message>
        <source>Canary hosts, upgraded first (1).</source>
        <translation>最先升级的金丝雀主机数（1）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Hosts per batch after the canaries (5).</source>
        <translation>金丝雀之后每批的主机数（5）。</translation>
    </message>
    <message>
        <source>Hosts upgraded at once within a batch (default: the batch size).</source>
        <translation>每批内同时升级的主机数（默认：批大小）。</translation>
    </message>
    <message>
        <source>Stop once more hosts than this failed (0).</source>
        <translation>失败主机数超过此值时停止（0）。</translation>
    </message>
    <message>
        <source>Or once more than this share of the hosts failed.</source>
        <translation>或失败主机所占百分比超过此值时停止。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Seconds to wait between batches (0).</source>
        <translation>批次之间等待的秒数（0）。</translation>
    </message>
    <message>
        <source>Ask before going on after the canaries.</source>
        <translation>金丝雀主机完成后，继续之前先询问。</translation>
    </message>
    <message>
        <source>rollback-host (default), rollback-batch or stop.</source>
        <translation>rollback-host（默认）、rollback-batch 或 stop。</translation>
    </message>
    <message>
        <source>POLICY</source>
        <translation>POLICY</translation>
    </message>
    <message>
        <source>Continue the last rollout on this inventory, with its options.</source>
        <translation>以上次的选项继续此清单上的最近一次发布。</translation>
    </message>
    <message>
        <source>--canary, --batch, --parallel, --max-failures, --max-failure-percent and --pause take whole numbers (--batch and --parallel at least 1); --on-failure is rollback-host, rollback-batch or stop</source>
        <translation>--canary、--batch、--parallel、--max-failures、--max-failure-percent 和 --pause 取整数（--batch 和 --parallel 至少为 1）；--on-failure 为 rollback-host、rollback-batch 或 stop</translation>
    </message>
    <message numerus="yes">
        <source> (one round trip for %n command(s))</source>
        <translation>
            <numerusform>（%n 条命令共用一次往返）</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not run the rollout: write it as an Ansible playbook and inventory into DIR (upgrade-nginx.yml, inventory.ini) with the same batches, failure budget, steps and checks.</source>
        <translation>不执行发布：把它写成 Ansible 剧本和清单，放到 DIR（upgrade-nginx.yml、inventory.ini），批次、失败预算、步骤和检查都相同。</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1/upgrade-nginx.yml and %1/inventory.ini (%n host(s)); run: ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</source>
        <translation>
            <numerusform>已写入 %1/upgrade-nginx.yml 和 %1/inventory.ini（%n 台主机）；运行：ansible-playbook -i %1/inventory.ini %1/upgrade-nginx.yml</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradePage</name>
    <message>
        <source>Stage</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Spawn</source>
        <translation>启动新主进程</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Back up the running binary and install the target in its place. nginx keeps running the old one.</source>
        <translation>备份正在运行的二进制，并将目标二进制安装到其位置。nginx 仍继续运行旧的二进制。</translation>
    </message>
    <message>
        <source>Send USR2: a new master starts on the new binary beside the old one; both serve.</source>
        <translation>发送 USR2：新主进程以新二进制启动，与旧主进程并行运行；两者都提供服务。</translation>
    </message>
    <message>
        <source>Send WINCH to the old master: its workers finish their requests and exit. Rollback stays possible.</source>
        <translation>向旧主进程发送 WINCH：其工作进程处理完当前请求后退出。仍然可以回滚。</translation>
    </message>
    <message>
        <source>Send QUIT to the old master: only the new version is left.</source>
        <translation>向旧主进程发送 QUIT：只保留新版本。</translation>
    </message>
    <message>
        <source>Go back to the old binary: HUP the old master, QUIT the new one, restore the file.</source>
        <translation>退回旧的二进制：向旧主进程发送 HUP，向新主进程发送 QUIT，并恢复文件。</translation>
    </message>
    <message>
        <source>%1 on %2?</source>
        <translation>在 %2 上执行“%1”？</translation>
    </message>
    <message>
        <source>This changes the host.</source>
        <translation>此操作会改动该主机。</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>升级 %1</translation>
    </message>
    <message>
        <source>running: %1</source>
        <translation>正在执行：%1</translation>
    </message>
    <message>
        <source>Target binary</source>
        <translation>目标二进制</translation>
    </message>
    <message>
        <source>Path on the host</source>
        <translation>主机上的路径</translation>
    </message>
    <message>
        <source>File on this computer</source>
        <translation>本机上的文件</translation>
    </message>
    <message>
        <source>Where the target is</source>
        <translation>目标二进制所在位置</translation>
    </message>
    <message>
        <source>/path/to/nginx on this computer (uploaded)</source>
        <translation>本机上的 /path/to/nginx（将被上传）</translation>
    </message>
    <message>
        <source>/path/to/nginx on the host</source>
        <translation>主机上的 /path/to/nginx</translation>
    </message>
    <message>
        <source>Run preflight</source>
        <translation>运行预检</translation>
    </message>
    <message>
        <source>Automatically up to</source>
        <translation>自动执行至</translation>
    </message>
    <message>
        <source>spawned</source>
        <translation>新旧并行</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Automatic mode: stop after</source>
        <translation>自动模式：执行到此后停止</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Runs the steps with health gates; a failed gate rolls the host back.</source>
        <translation>依次执行各步骤，每步都有健康门禁；门禁未通过时回滚该主机。</translation>
    </message>
    <message>
        <source>Upgrade %1 automatically?</source>
        <translation>自动升级 %1？</translation>
    </message>
    <message>
        <source>Baton runs every step up to &quot;%1&quot;, checking health between them, and rolls back on a failed check.</source>
        <translation>Baton 将执行直到 &quot;%1&quot; 的每一个步骤，在步骤之间检查健康状况，检查未通过时回滚。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Old workers drained</source>
        <translation>已排空的旧工作进程</translation>
    </message>
    <message numerus="yes">
        <source>%n old worker(s) left</source>
        <translation>
            <numerusform>剩余 %n 个旧工作进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>预检</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Not run yet: it changes nothing on the host.</source>
        <translation>尚未运行：预检不会改动主机上的任何内容。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Select one host on the Fleet page and choose Upgrade.</source>
        <translation>请在“服务器群”页面选择一台主机，然后选择“升级…”。</translation>
    </message>
    <message>
        <source>The new nginx binary</source>
        <translation>新的 nginx 二进制</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose an nginx binary on this computer: it is uploaded to the host when staged.</source>
        <translation>选择本机上的 nginx 二进制：暂存时会上传到主机。</translation>
    </message>
    <message>
        <source>Back to the steps</source>
        <translation>返回升级步骤</translation>
    </message>
    <message>
        <source>Build from source…</source>
        <translation>从源码构建…</translation>
    </message>
    <message>
        <source>Build the target on the host from an nginx source tarball, with the running binary&apos;s configure arguments.</source>
        <translation>用 nginx 源码压缩包在主机上构建目标，使用正在运行的二进制的 configure 参数。</translation>
    </message>
</context>
<context>
    <name>batonctl</name>
    <message>
        <source>batonctl: unknown command &apos;%1&apos;
</source>
        <translation>batonctl: 未知命令 &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>Usage: batonctl COMMAND [OPTIONS]

Commands:
  lab up --hosts N --dir DIR   start a local lab of N nginx hosts
  lab down --dir DIR           stop the lab in DIR
  status [--json]              probe the hosts, print each one&apos;s phase
  build --source TARBALL       build nginx on the hosts with the running binary&apos;s
                               configure arguments (--remote-source, --configure-arg,
                               --drop-arg, --show-args, --preflight)
  preflight --binary PATH      check the hosts can be upgraded; change nothing
  upgrade --binary PATH        upgrade: stage, spawn, drain, commit (--until, --step,
                               --dry-run); resumes wherever each host is
  drain | commit | rollback    one step of an upgrade in progress
  rollout --binary PATH        a fleet: canaries, batches, failure budget
                               (--canary, --batch, --parallel, --max-failures)
  transcript [RUN]             what Baton ran on the hosts (default: the last run)
Every command takes --help; --inventory FILE may also come first.

Options:
  -h, --help                   show this help
  --version                    show the versions of Baton and its libraries
</source>
        <translation>用法：batonctl COMMAND [OPTIONS]

命令：
  lab up --hosts N --dir DIR   启动由 N 台 nginx 主机组成的本地实验环境
  lab down --dir DIR           停止 DIR 中的实验环境
  status [--json]              探测各主机，打印每台主机所处的阶段
  build --source TARBALL       用正在运行的二进制的 configure 参数在各主机上
                               构建 nginx（--remote-source、--configure-arg、
                               --drop-arg、--show-args、--preflight）
  preflight --binary PATH      检查各主机能否升级；不做任何更改
  upgrade --binary PATH        升级：stage、spawn、drain、commit（--until、--step、
                               --dry-run）；从每台主机当前所处的阶段继续
  drain | commit | rollback    对进行中的升级执行其中一步
  rollout --binary PATH        集群发布：金丝雀、分批、失败预算
                               （--canary、--batch、--parallel、--max-failures）
  transcript [RUN]             Baton 在各主机上运行过的命令（默认：最近一次运行）
每个命令都支持 --help；--inventory FILE 也可以放在最前面。

选项：
  -h, --help                   显示此帮助
  --version                    显示 Baton 及其所用库的版本
</translation>
    </message>
</context>
</TS>
