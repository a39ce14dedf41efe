// How long reading one host's probe record takes: a record with 2 masters and 8 workers
// (an upgrade in progress on an 8-core host), parsed and derived many times, printed next
// to a baseline measured in the same run (splitting the same text into lines).
// Run: installer/env.sh exec build/dev/bin/bench_probe
#include "phase.h"
#include "pitfalls.h"

#include <QElapsedTimer>
#include <QTextStream>

using namespace Baton;
using namespace Qt::StringLiterals;

int main()
{
    QString record =
        u"baton-probe 2\npin /run/nginx.pid\nhost web-1\nuptime 86400\nhz 100\ntool sha256sum yes\ntool systemctl yes\n"_s;
    const QString args = u"/usr/sbin/nginx -g daemon on; master_process on;"_s;
    record += u"proc 100 1 0 5000 S nginx: master process "_s + args + u'\n';
    record += u"proc 200 100 0 9000 S nginx: master process "_s + args + u'\n';
    for (int i = 0; i < 4; ++i) {
        record += u"proc %1 100 33 5001 S nginx: worker process is shutting down\n"_s.arg(101 + i);
        record += u"proc %1 200 33 9001 S nginx: worker process\n"_s.arg(201 + i);
    }
    record += u"exe 100 /usr/sbin/nginx (deleted)\nexe 200 /usr/sbin/nginx\nexesha 100 aaaa\nexesha 200 bbbb\n"
              "build 100 nginx version: nginx/1.22.1\nbuild 200 nginx version: nginx/1.26.3\n"
              "conf 100 /etc/nginx/nginx.conf\nconf 200 /etc/nginx/nginx.conf\ndaemon 100 on\ndaemon 200 on\n"
              "pidpath 100 /run/nginx.pid\npidpath 200 /run/nginx.pid\nlisten 100 0.0.0.0:80\n"
              "listen 100 [0:0:0:0:0:0:0:0]:80\nlisten 200 0.0.0.0:80\nlisten 200 [0:0:0:0:0:0:0:0]:80\n"
              "pidfile /run/nginx.pid 200\noldbin /run/nginx.pid 100\nbinary /usr/sbin/nginx 1491464 1 bbbb\nend\n"_s;

    constexpr int Rounds = 20000;
    QElapsedTimer timer;
    qsizetype sink = 0;
    timer.start();
    for (int i = 0; i < Rounds; ++i) {
        sink += record.split(u'\n').size();
    }
    const double baselineUs = double(timer.nsecsElapsed()) / Rounds / 1000.0;

    timer.restart();
    for (int i = 0; i < Rounds; ++i) {
        QString error;
        const auto parsed = ProbeRecord::parse(record, &error);
        const PhaseState state = PhaseState::derive(*parsed);
        sink += Pitfalls::detect(*parsed, state).size() + int(state.phase);
    }
    const double parseUs = double(timer.nsecsElapsed()) / Rounds / 1000.0;

    QTextStream(stdout) << u"record: %1 bytes, 2 masters, 8 workers (draining)\n"_s.arg(record.size())
                        << u"baseline (split into lines): %1 us\n"_s.arg(baselineUs, 0, 'f', 2)
                        << u"parse + derive + pitfalls:   %1 us  (%2x the baseline)\n"_s.arg(parseUs, 0, 'f', 2)
                               .arg(parseUs / baselineUs, 0, 'f', 1)
                        << u"(checksum %1)\n"_s.arg(sink);
    return 0;
}
