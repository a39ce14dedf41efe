#include "labfixture.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int runBatonctl(const QStringList &args, QString *errorOutput, QString *output = nullptr)
{
    QProcess process;
    process.start(QStringLiteral(BATONCTL_PATH), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        *errorOutput = u"batonctl did not finish"_s;
        return -1;
    }
    *errorOutput = QString::fromUtf8(process.readAllStandardError());
    if (output) {
        *output = QString::fromUtf8(process.readAllStandardOutput());
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

LabFixture::LabFixture()
{
    // Lab hosts may run as other users (nginx workers, the sudo account): let them traverse.
    QFile::setPermissions(m_temp.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
}

LabFixture::~LabFixture()
{
    for (const QString &name : std::as_const(m_labs)) {
        down(name);
    }
}

QString LabFixture::missingPrerequisite()
{
    if (qEnvironmentVariableIsEmpty("BATON_LAB_NGINX_OLD") || qEnvironmentVariableIsEmpty("BATON_LAB_NGINX_NEW")) {
        return u"BATON_LAB_NGINX_OLD and BATON_LAB_NGINX_NEW are not set: run the tests with installer/env.sh test"_s;
    }
    if (QStandardPaths::findExecutable(u"ssh"_s).isEmpty()) {
        return u"OpenSSH's ssh client is not installed (Debian: openssh-client)"_s;
    }
    return {};
}

QString LabFixture::directory(const QString &name) const
{
    return m_temp.filePath(name);
}

std::optional<Baton::Inventory> LabFixture::up(const QString &name, int hosts, const QStringList &extraArguments)
{
    adopt(name);
    const QString dir = directory(name);
    const int code = runBatonctl(QStringList{u"lab"_s,
                                             u"up"_s,
                                             u"--hosts"_s,
                                             QString::number(hosts),
                                             u"--dir"_s,
                                             dir,
                                             u"--owner-pid"_s,
                                             QString::number(getpid())} +
                                     extraArguments,
                                 &m_lastError,
                                 &m_lastOutput);
    if (code != 0) {
        return std::nullopt;
    }
    return Baton::Inventory::load(dir + u"/inventory.json"_s, &m_lastError);
}

void LabFixture::adopt(const QString &name)
{
    if (!m_labs.contains(name)) {
        m_labs.append(name);
    }
}

int LabFixture::down(const QString &name)
{
    QString ignored;
    return runBatonctl({u"lab"_s, u"down"_s, u"--dir"_s, directory(name)}, &ignored);
}
