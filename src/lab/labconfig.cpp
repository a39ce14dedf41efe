#include "labconfig.h"

namespace Baton {

QString LabHostConfig::sshDirectory() const
{
    return directory + QStringLiteral("/ssh");
}

QString LabHostConfig::hostKeyFile() const
{
    return sshDirectory() + QStringLiteral("/ssh_host_ed25519_key");
}

QString LabHostConfig::sshdConfigFile() const
{
    return sshDirectory() + QStringLiteral("/sshd_config");
}

QString LabHostConfig::authorizedKeysFile() const
{
    return sshDirectory() + QStringLiteral("/authorized_keys");
}

QString LabHostConfig::nginxPrefix() const
{
    return directory + QStringLiteral("/nginx/");
}

QString LabHostConfig::nginxBinary() const
{
    return nginxPrefix() + QStringLiteral("sbin/nginx");
}

QString LabHostConfig::nginxConfigFile() const
{
    return nginxPrefix() + QStringLiteral("conf/nginx.conf");
}

QString LabHostConfig::nginxPidFile() const
{
    return nginxPrefix() + QStringLiteral("run/nginx.pid");
}

QString LabHostConfig::nginxErrorLog() const
{
    return nginxPrefix() + QStringLiteral("logs/error.log");
}

QString LabHostConfig::stagingDirectory() const
{
    return directory + QStringLiteral("/staging");
}

QString LabHostConfig::initDirectory() const
{
    return directory + QStringLiteral("/init");
}

QString LabHostConfig::logDirectory() const
{
    return directory + QStringLiteral("/log");
}

// Paths in both configs are quoted with double quotes: a lab directory may contain spaces.
QString LabHostConfig::sshdConfig() const
{
    return QStringLiteral("# Written by batonctl lab up for lab host %1.\n"
                          "ListenAddress 127.0.0.1:%2\n"
                          "HostKey \"%3\"\n"
                          "AuthorizedKeysFile \"%4\"\n"
                          "PidFile none\n"
                          "StrictModes no\n"
                          "UsePAM %5\n"
                          "PubkeyAuthentication yes\n"
                          "PasswordAuthentication %5\n"
                          "KbdInteractiveAuthentication %5\n"
                          "PermitRootLogin prohibit-password\n"
                          "AllowTcpForwarding yes\n"
                          "X11Forwarding no\n"
                          "PrintMotd no\n"
                          "MaxStartups 200:30:400\n"
                          "MaxSessions 100\n"
                          "Subsystem sftp internal-sftp\n"
                          "LogLevel INFO\n")
        .arg(name)
        .arg(sshPort)
        .arg(hostKeyFile(), authorizedKeysFile(), asRoot ? QStringLiteral("yes") : QStringLiteral("no"));
}

QString LabHostConfig::nginxConfig() const
{
    // Relative paths are relative to the prefix (-p), as on a server built with a custom
    // --prefix. As root, workers run unprivileged like on a real server.
    const QString user = asRoot ? QStringLiteral("user nobody nogroup;\n") : QString();
    return QStringLiteral("# Written by batonctl lab up for lab host %1.\n"
                          "%2"
                          "worker_processes 2;\n"
                          "pid run/nginx.pid;\n"
                          "error_log logs/error.log notice;\n"
                          "\n"
                          "events {\n"
                          "    worker_connections 512;\n"
                          "}\n"
                          "\n"
                          "http {\n"
                          "    access_log logs/access.log;\n"
                          "    client_body_temp_path temp/client_body;\n"
                          "    proxy_temp_path temp/proxy;\n"
                          "    fastcgi_temp_path temp/fastcgi;\n"
                          "    uwsgi_temp_path temp/uwsgi;\n"
                          "    scgi_temp_path temp/scgi;\n"
                          "    keepalive_timeout 30s;\n"
                          "\n"
                          "    server {\n"
                          "        listen 127.0.0.1:%3;\n"
                          "        server_name %1;\n"
                          "\n"
                          "        location = / {\n"
                          "            default_type text/html;\n"
                          "            return 200 '%4';\n"
                          "        }\n"
                          "\n"
                          "        location = /nginx_status {\n"
                          "            stub_status;\n"
                          "        }\n"
                          "    }\n"
                          "}\n")
        .arg(name, user)
        .arg(httpPort)
        .arg(indexPage());
}

QString LabHostConfig::indexPage() const
{
    return QStringLiteral("<!doctype html><title>%1</title><h1>Baton lab host %1</h1>"
                          "<p>Served by nginx $nginx_version, worker $pid.</p>\n")
        .arg(name);
}

} // namespace Baton
