#include "lablauncher.h"

#include "fleet.h"
#include "lab.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

QString batonctlPath()
{
    return QCoreApplication::applicationDirPath() + u"/batonctl"_s;
}

} // namespace

LabLauncher::LabLauncher(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
{
}

LabLauncher::~LabLauncher()
{
    m_jobs.shutdown();
    stop();
}

QString LabLauncher::directory() const
{
    return QDir::tempPath() + u"/baton-lab-app-%1"_s.arg(getuid());
}

QString LabLauncher::unavailableReason() const
{
    const QString oldNginx = qEnvironmentVariable("BATON_LAB_NGINX_OLD");
    const QString newNginx = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
    if (oldNginx.isEmpty() || newNginx.isEmpty()) {
        return tr("The lab needs the nginx builds of the build environment: start Baton with installer/env.sh run.");
    }
    for (const QString &path : {oldNginx, newNginx}) {
        if (!QFileInfo(path).isExecutable()) {
            return tr("%1 is not an executable nginx.").arg(path);
        }
    }
    if (!QFileInfo(batonctlPath()).isExecutable()) {
        return tr("batonctl is not beside baton (%1).").arg(batonctlPath());
    }
    return {};
}

bool LabLauncher::start()
{
    if (m_busy || m_lab || !unavailableReason().isEmpty()) {
        return false;
    }
    m_busy = true;
    m_status = tr("Starting three lab hosts in %1…").arg(directory());
    Q_EMIT stateChanged();
    auto lab = std::make_shared<Lab>(directory());
    LabOptions options;
    options.oldNginx = qEnvironmentVariable("BATON_LAB_NGINX_OLD");
    options.newNginx = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
    options.initProgram = batonctlPath();
    options.ownerPid = getpid(); // the hosts stop by themselves if the app dies
    m_jobs.start([this, lab, options] {
        QString error;
        lab->down(&error); // what a previous app left there
        error.clear();
        const bool ok = lab->up(options, &error);
        QMetaObject::invokeMethod(
            this,
            [this, lab, ok, error] {
                m_busy = false;
                if (ok) {
                    m_lab = lab;
                    m_status = tr("Lab running in %1.").arg(directory());
                    m_fleet->loadInventory(lab->inventoryFile());
                } else {
                    m_status = tr("The lab did not start: %1").arg(error);
                }
                Q_EMIT stateChanged();
            },
            Qt::QueuedConnection);
    });
    return true;
}

void LabLauncher::stop()
{
    if (m_lab) {
        QString error;
        m_lab->down(&error);
        m_lab.reset();
    }
}

} // namespace Baton
