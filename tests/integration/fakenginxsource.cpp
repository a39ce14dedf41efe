#include "fakenginxsource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// ./configure. Placeholders: @VERSION@, @FAIL_CONFIGURE@ (yes/no), @OBJS_MAKEFILE@ and
// @TOP_MAKEFILE@ (templates in which configure puts the build directory for @NGX_OBJS@).
// Options as in nginx 1.26's auto/options; one pattern per module family.
constexpr auto configureTemplate = R"SH(#!/bin/sh

# Copyright (C) Igor Sysoev
# Copyright (C) Nginx, Inc.

# A fake configure of nginx @VERSION@ for Baton's tests: nginx's options, objs/ and
# Makefiles, but nothing is compiled; make copies a prebuilt binary to objs/nginx.


LC_ALL=C
export LC_ALL

help=no

NGX_PREFIX=
NGX_SBIN_PATH=
NGX_MODULES_PATH=
NGX_CONF_PATH=
NGX_ERROR_LOG_PATH=
NGX_PID_PATH=
NGX_HTTP_LOG_PATH=
NGX_OBJS=objs
NGX_POST_CONF_MSG=

invalid_option () {
    printf '%s: error: invalid option "%s"\n' "$0" "$option"
    exit 1
}

opt=

for option
do
    quoted=$(printf '%s\n' "$option" | sed -e "s/\(--[^=]*=\)\(.* .*\)/\1'\2'/")
    opt="$opt $quoted"

    case "$option" in
        -*=*) value=${option#*=} ;;
           *) value="" ;;
    esac

    case "$option" in
        --help)                          help=yes                   ;;

        --prefix=)                       NGX_PREFIX="!"             ;;
        --prefix=*)                      NGX_PREFIX="$value"        ;;
        --sbin-path=*)                   NGX_SBIN_PATH="$value"     ;;
        --modules-path=*)                NGX_MODULES_PATH="$value"  ;;
        --conf-path=*)                   NGX_CONF_PATH="$value"     ;;
        --error-log-path=*)              NGX_ERROR_LOG_PATH="$value";;
        --pid-path=*)                    NGX_PID_PATH="$value"      ;;
        --lock-path=* | --user=* | --group=*)                       ;;

        --crossbuild=* | --build=*)                                 ;;
        --builddir=*)                    NGX_OBJS="$value"          ;;

        --with-select_module | --without-select_module)             ;;
        --with-poll_module | --without-poll_module)                 ;;

        --with-threads | --with-file-aio)                           ;;
        --with-ipv6)
            NGX_POST_CONF_MSG="$NGX_POST_CONF_MSG
$0: warning: the \"--with-ipv6\" option is deprecated"
        ;;

        --without-http | --without-http-cache)                      ;;

        --http-log-path=*)               NGX_HTTP_LOG_PATH="$value" ;;
        --http-client-body-temp-path=* | --http-proxy-temp-path=*)  ;;
        --http-fastcgi-temp-path=* | --http-uwsgi-temp-path=*)      ;;
        --http-scgi-temp-path=*)                                    ;;

        --with-perl_modules_path=* | --with-perl=*)                 ;;

        --with-mail | --with-mail=dynamic)                          ;;
        --with-stream | --with-stream=dynamic)                      ;;

        --add-module=* | --add-dynamic-module=*)                    ;;

        --with-compat | --with-debug)                               ;;

        --with-cc=* | --with-cpp=* | --with-cc-opt=*)               ;;
        --with-ld-opt=* | --with-cpu-opt=*)                         ;;

        --without-pcre | --with-pcre | --with-pcre=*)               ;;
        --with-pcre-opt=* | --with-pcre-jit | --without-pcre2)      ;;

        --with-openssl=* | --with-openssl-opt=*)                    ;;

        --with-zlib=* | --with-zlib-opt=* | --with-zlib-asm=*)      ;;

        --with-libatomic | --with-libatomic=*)                      ;;

        --test-build-devpoll | --test-build-eventport)              ;;
        --test-build-epoll | --test-build-solaris-sendfilev)        ;;

        # --with-http_ssl_module, --with-stream=dynamic's modules, --without-http_gzip_module...
        --with-*_module | --with-*_module=dynamic | --without-*_module)
            case "${option%=dynamic}" in
                *=* | *[!a-z0-9_-]*) invalid_option ;;
            esac
        ;;

        *)
            invalid_option
        ;;
    esac
done


if [ $help = yes ]; then

cat << END

  --help                             print this message

  --prefix=PATH                      set installation prefix
  --sbin-path=PATH                   set nginx binary pathname
  --modules-path=PATH                set modules path
  --conf-path=PATH                   set nginx.conf pathname
  --error-log-path=PATH              set error log pathname
  --pid-path=PATH                    set nginx.pid pathname
  --lock-path=PATH                   set nginx.lock pathname

  --user=USER                        set non-privileged user for
                                     worker processes
  --group=GROUP                      set non-privileged group for
                                     worker processes

  --build=NAME                       set build name
  --builddir=DIR                     set build directory

  --with-http_ssl_module             enable ngx_http_ssl_module
  --with-http_v2_module              enable ngx_http_v2_module
  --with-http_v3_module              enable ngx_http_v3_module

  --with-cc-opt=OPTIONS              set additional C compiler options
  --with-ld-opt=OPTIONS              set additional linker options

  (the fake source of Baton's tests: the other options of nginx 1.26 are taken too)

END

    exit 1
fi


case "$NGX_OBJS" in
    '' | *[!A-Za-z0-9._/-]*)
        printf '%s: error: the fake nginx source takes a --builddir of letters, digits, ".", "_", "-" and "/" only\n' "$0"
        exit 1
    ;;
esac

case "$NGX_PREFIX" in
    '') NGX_PREFIX=/usr/local/nginx ;;
    !)  NGX_PREFIX= ;;
esac

ngx_path () {
    case "$1" in
        /*) printf '%s' "$1" ;;
        '') printf '%s/%s' "$NGX_PREFIX" "$2" ;;
        *)  printf '%s/%s' "$NGX_PREFIX" "$1" ;;
    esac
}


mkdir -p "$NGX_OBJS/src/core" || exit 1

# The arguments exactly, one a line.
if [ $# -gt 0 ]; then
    printf '%s\n' "$@"
fi > "$NGX_OBJS/configure-arguments"

# As nginx -V shows them (values with a space in single quotes), as a C string.
configure_c=$(printf '%s\n' "$opt" | sed -e 's/[\\"]/\\&/g')
{
    printf '#define NGX_CONFIGURE "%s"\n' "$configure_c"
    cat << 'END'

#ifndef NGX_COMPILER
#define NGX_COMPILER  "gcc 14.2.0 (Debian 14.2.0-19) "
#endif


#ifndef NGX_HAVE_GCC_ATOMIC
#define NGX_HAVE_GCC_ATOMIC  1
#endif


#ifndef NGX_HAVE_EPOLL
#define NGX_HAVE_EPOLL  1
#endif

END
} > "$NGX_OBJS/ngx_auto_config.h"

: > "$NGX_OBJS/autoconf.err"


echo "checking for OS"
echo " + $(uname -s) $(uname -r) $(uname -m)"

cat << 'END'
checking for C compiler ... found
 + using GNU C compiler
 + gcc version: 14.2.0 (Debian 14.2.0-19) 
checking for gcc -pipe switch ... found
checking for -Wl,-E switch ... found
checking for gcc builtin atomic operations ... found
checking for C99 variadic macros ... found
checking for gcc variadic macros ... found
checking for gcc builtin 64 bit byteswap ... found
checking for unistd.h ... found
checking for inttypes.h ... found
checking for limits.h ... found
checking for sys/filio.h ... not found
checking for sys/param.h ... found
checking for sys/mount.h ... found
checking for sys/statvfs.h ... found
checking for crypt.h ... found
checking for Linux specific features
checking for epoll ... found
checking for EPOLLRDHUP ... found
checking for EPOLLEXCLUSIVE ... found
checking for eventfd() ... found
checking for O_PATH ... found
checking for sendfile() ... found
checking for sendfile64() ... found
checking for sys/prctl.h ... found
checking for prctl(PR_SET_DUMPABLE) ... found
checking for crypt_r() ... found
checking for sys/vfs.h ... found
checking for UDP_SEGMENT ... found
checking for poll() ... found
checking for /dev/poll ... not found
checking for kqueue ... not found
checking for crypt() ... not found
checking for crypt() in libcrypt ... found
checking for F_READAHEAD ... not found
checking for posix_fadvise() ... found
checking for O_DIRECT ... found
checking for F_NOCACHE ... not found
checking for directio() ... not found
checking for statfs() ... found
checking for statvfs() ... found
checking for dlopen() ... found
checking for sched_yield() ... found
checking for sched_setaffinity() ... found
checking for SO_SETFIB ... not found
checking for SO_REUSEPORT ... found
checking for SO_ACCEPTFILTER ... not found
checking for IP_BIND_ADDRESS_NO_PORT ... found
checking for TCP_DEFER_ACCEPT ... found
checking for TCP_KEEPIDLE ... found
checking for TCP_FASTOPEN ... found
checking for TCP_INFO ... found
checking for accept4() ... found
checking for int size ... 4 bytes
checking for long size ... 8 bytes
checking for long long size ... 8 bytes
checking for void * size ... 8 bytes
checking for uint32_t ... found
checking for uint64_t ... found
checking for sig_atomic_t ... found
checking for sig_atomic_t size ... 4 bytes
checking for socklen_t ... found
checking for in_addr_t ... found
checking for in_port_t ... found
checking for rlim_t ... found
checking for uintptr_t ... uintptr_t found
checking for system byte ordering ... little endian
checking for size_t size ... 8 bytes
checking for off_t size ... 8 bytes
checking for time_t size ... 8 bytes
checking for AF_INET6 ... found
checking for setproctitle() ... not found
checking for pread() ... found
checking for pwrite() ... found
checking for pwritev() ... found
checking for strerrordesc_np() ... found
checking for localtime_r() ... found
checking for clock_gettime(CLOCK_MONOTONIC) ... found
checking for posix_memalign() ... found
checking for memalign() ... found
checking for mmap(MAP_ANON|MAP_SHARED) ... found
checking for mmap("/dev/zero", MAP_SHARED) ... found
checking for System V shared memory ... found
checking for POSIX semaphores ... found
checking for struct msghdr.msg_control ... found
checking for ioctl(FIONBIO) ... found
checking for ioctl(FIONREAD) ... found
checking for struct tm.tm_gmtoff ... found
checking for struct dirent.d_namlen ... not found
checking for struct dirent.d_type ... found
checking for sysconf(_SC_NPROCESSORS_ONLN) ... found
checking for sysconf(_SC_LEVEL1_DCACHE_LINESIZE) ... found
checking for openat(), fstatat() ... found
checking for getaddrinfo() ... found
END

if [ @FAIL_CONFIGURE@ = yes ]; then

cat << END
checking for PCRE2 library ... not found
checking for PCRE library ... not found
checking for PCRE library in /usr/local/ ... not found
checking for PCRE library in /usr/include/pcre/ ... not found
checking for PCRE library in /usr/pkg/ ... not found
checking for PCRE library in /opt/local/ ... not found

$0: error: the HTTP rewrite module requires the PCRE library.
You can either disable the module by using --without-http_rewrite_module
option, or install the PCRE library into the system, or build the PCRE library
statically from the source with nginx by using --with-pcre=<path> option.

END

    exit 1
fi

cat << 'END'
checking for PCRE2 library ... found
checking for OpenSSL library ... found
checking for zlib library ... found
END

echo "creating $NGX_OBJS/Makefile"

sed -e "s|@NGX_OBJS@|$NGX_OBJS|g" > "$NGX_OBJS/Makefile" << 'END'
@OBJS_MAKEFILE@END

sed -e "s|@NGX_OBJS@|$NGX_OBJS|g" > Makefile << 'END'
@TOP_MAKEFILE@END

cat << END

Configuration summary
  + using system PCRE2 library
  + using system OpenSSL library
  + using system zlib library

END

printf '  nginx path prefix: "%s"\n' "$NGX_PREFIX"
printf '  nginx binary file: "%s"\n' "$(ngx_path "$NGX_SBIN_PATH" sbin/nginx)"
printf '  nginx modules path: "%s"\n' "$(ngx_path "$NGX_MODULES_PATH" modules)"
printf '  nginx configuration file: "%s"\n' "$(ngx_path "$NGX_CONF_PATH" conf/nginx.conf)"
printf '  nginx pid file: "%s"\n' "$(ngx_path "$NGX_PID_PATH" logs/nginx.pid)"
if [ "$NGX_ERROR_LOG_PATH" = stderr ]; then
    echo '  nginx logs errors to stderr'
else
    printf '  nginx error log file: "%s"\n' "$(ngx_path "$NGX_ERROR_LOG_PATH" logs/error.log)"
fi
printf '  nginx http access log file: "%s"\n' "$(ngx_path "$NGX_HTTP_LOG_PATH" logs/access.log)"
echo

if [ -n "$NGX_POST_CONF_MSG" ]; then
    printf '%s\n\n' "$NGX_POST_CONF_MSG"
fi
)SH";

QString objsMakefile(int ticks, bool failMake)
{
    const QString compile = u"$(CC) -c $(CFLAGS) $(ALL_INCS)"_s;
    // A compile line every 0.2 s, ticks of them, then the one of src/core/nginx.c.
    const QString compileLoop = u"\t@i=0; while [ $$i -lt %1 ]; do i=$$((i + 1)); "
                                "echo \"%2 -o @NGX_OBJS@/src/core/ngx_module_$$i.o src/core/ngx_module_$$i.c\"; "
                                "sleep 0.2; done\n"_s.arg(QString::number(ticks), compile);
    const QString compileNginx = u"\t@echo \"%1 -o @NGX_OBJS@/src/core/nginx.o src/core/nginx.c\"\n"_s.arg(compile);
    QString text = u"\n"
                   "CC =\tcc\n"
                   "CFLAGS =  -pipe  -O -W -Wall -Wpointer-arith -Wno-unused-parameter -Werror -g\n"
                   "CPP =\tcc -E\n"
                   "LINK =\t$(CC)\n"
                   "\n"
                   "ALL_INCS = -I src/core -I src/event -I src/event/modules -I src/os/unix -I @NGX_OBJS@ \\\n"
                   "\t-I src/http -I src/http/modules\n"
                   "\n"
                   "build:\tbinary modules\n"
                   "\n"
                   "binary:\t@NGX_OBJS@/nginx\n"
                   "\n"
                   "@NGX_OBJS@/nginx:\t@NGX_OBJS@/src/core/nginx.o\n"
                   "\t@echo \"$(LINK) -o @NGX_OBJS@/nginx @NGX_OBJS@/src/core/nginx.o @NGX_OBJS@/ngx_modules.o "
                   "-Wl,-z,relro -Wl,-z,now -fPIC -ldl -lpthread -lcrypt -lpcre2-8 -lssl -lcrypto -lz -Wl,-E\"\n"
                   "\t@cp auto/fake/prebuilt-nginx @NGX_OBJS@/nginx\n"
                   "\t@chmod 755 @NGX_OBJS@/nginx\n"
                   "\n"
                   "@NGX_OBJS@/src/core/nginx.o:\tsrc/core/nginx.c src/core/nginx.h @NGX_OBJS@/ngx_auto_config.h\n"_s +
        compileLoop + compileNginx;
    if (failMake) {
        text += u"\t@printf '%s\\n' \"src/core/nginx.c: In function 'main':\" "
                "\"src/core/nginx.c:42:1: error: expected ';' before '}' token\" \"   42 | }\" \"      | ^\" >&2; "
                "exit 1\n"_s;
    } else {
        text += u"\t@: > @NGX_OBJS@/src/core/nginx.o\n"_s;
    }
    text += u"\n"
            "modules:\n"
            "\n"
            "install upgrade:\n"
            "\t@echo 'make $@: the fake source refuses make install and make upgrade' >&2\n"
            "\t@exit 1\n"
            "\n"
            ".PHONY:\tbuild binary modules install upgrade\n"_s;
    return text;
}

const QString topMakefile = u"\n"
                            "default:\tbuild\n"
                            "\n"
                            "clean:\n"
                            "\trm -rf Makefile @NGX_OBJS@\n"
                            "\n"
                            ".PHONY:\tdefault clean build modules install upgrade\n"
                            "\n"
                            "build:\n"
                            "\t$(MAKE) -f @NGX_OBJS@/Makefile\n"
                            "\n"
                            "modules:\n"
                            "\t$(MAKE) -f @NGX_OBJS@/Makefile modules\n"
                            "\n"
                            "install upgrade:\n"
                            "\t@echo 'make $@: the fake source refuses make install: Baton builds nginx, it never "
                            "installs it' >&2\n"
                            "\t@exit 1\n"_s;

QString nginxHeader(const QString &version, int number)
{
    return u"\n"
           "/*\n"
           " * Copyright (C) Igor Sysoev\n"
           " * Copyright (C) Nginx, Inc.\n"
           " */\n"
           "\n"
           "\n"
           "#ifndef _NGINX_H_INCLUDED_\n"
           "#define _NGINX_H_INCLUDED_\n"
           "\n"
           "\n"
           "#define nginx_version      "_s +
        QString::number(number) + u"\n#define NGINX_VERSION      \""_s + version +
        u"\"\n"
        "#define NGINX_VER          \"nginx/\" NGINX_VERSION\n"
        "\n"
        "#ifdef NGX_BUILD\n"
        "#define NGINX_VER_BUILD    NGINX_VER \" (\" NGX_BUILD \")\"\n"
        "#else\n"
        "#define NGINX_VER_BUILD    NGINX_VER\n"
        "#endif\n"
        "\n"
        "#define NGINX_VAR          \"NGINX\"\n"
        "#define NGX_OLDPID_EXT     \".oldbin\"\n"
        "\n"
        "\n"
        "#endif /* _NGINX_H_INCLUDED_ */\n"_s;
}

const QString nginxSource = u"\n"
                            "/*\n"
                            " * The fake nginx source tree of Baton's tests: make does not compile this,\n"
                            " * it copies a prebuilt binary (auto/fake/prebuilt-nginx) to objs/nginx.\n"
                            " */\n"
                            "\n"
                            "\n"
                            "#include <ngx_config.h>\n"
                            "#include <ngx_core.h>\n"
                            "#include <nginx.h>\n"_s;

constexpr auto fileMode =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther;
constexpr auto executableMode = fileMode | QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther;

bool writeFile(const QDir &tree, const QString &path, const QString &text, QFile::Permissions mode, QString *error)
{
    const QString filePath = tree.filePath(path);
    if (!QDir().mkpath(QFileInfo(filePath).path())) {
        *error = u"cannot create the directory of %1"_s.arg(filePath);
        return false;
    }
    QFile file(filePath);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        *error = u"cannot write %1: %2"_s.arg(filePath, file.errorString());
        return false;
    }
    file.close();
    if (!file.setPermissions(mode)) {
        *error = u"cannot set the mode of %1"_s.arg(filePath);
        return false;
    }
    return true;
}

} // namespace

QString FakeNginxSource::write(const QString &dir, QString *error) const
{
    QString ignored;
    QString &message = error ? *error : ignored;

    static const QRegularExpression versionPattern(u"^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"_s);
    const QRegularExpressionMatch match = versionPattern.match(version);
    if (!match.hasMatch()) {
        message = u"FakeNginxSource: the version \"%1\" is not X.Y.Z"_s.arg(version);
        return {};
    }
    const int number =
        match.captured(1).toInt() * 1000000 + match.captured(2).toInt() * 1000 + match.captured(3).toInt();
    const QFileInfo binaryInfo(binary);
    if (binary.isEmpty() || !binaryInfo.isFile() || !binaryInfo.isReadable()) {
        message = u"FakeNginxSource: the binary \"%1\" to build is not a readable file"_s.arg(binary);
        return {};
    }

    const QString name = u"nginx-"_s + version;
    QDir root(dir);
    QDir tree(root.filePath(name));
    if (tree.exists() && !tree.removeRecursively()) {
        message = u"cannot remove the old tree %1"_s.arg(tree.path());
        return {};
    }
    if (!root.mkpath(name)) {
        message = u"cannot create %1"_s.arg(tree.path());
        return {};
    }

    const int ticks = std::clamp(makeSeconds, 0, 3600) * 5;
    const QString configure = QString::fromUtf8(configureTemplate)
                                  .replace(u"@VERSION@"_s, version)
                                  .replace(u"@FAIL_CONFIGURE@"_s, failConfigure ? u"yes"_s : u"no"_s)
                                  .replace(u"@OBJS_MAKEFILE@"_s, objsMakefile(ticks, failMake))
                                  .replace(u"@TOP_MAKEFILE@"_s, topMakefile);

    const struct
    {
        QString path;
        QString text;
        QFile::Permissions mode;
    } files[] = {
        {u"configure"_s, configure, executableMode},
        {u"auto/options"_s,
         u"# The fake nginx source tree of Baton's tests parses its options in ./configure.\n"_s,
         fileMode},
        {u"src/core/nginx.h"_s, nginxHeader(version, number), fileMode},
        {u"src/core/nginx.c"_s, nginxSource, fileMode},
        {u"README"_s,
         u"\nDocumentation is available at http://nginx.org\n\n"
         "This is the fake nginx source tree of Baton's tests: ./configure and make honour\n"
         "nginx's build interface, but nothing is compiled.\n"_s,
         fileMode},
        {u"CHANGES"_s,
         u"\nChanges with nginx %1\n\n"
         "    *) The fake source tree of Baton's tests: configure and make honour\n"
         "       nginx's build interface; make copies a prebuilt binary.\n"_s.arg(version),
         fileMode},
        {u"LICENSE"_s,
         u"The fake nginx source tree of Baton's tests holds no nginx code.\n"
         "nginx itself is distributed under the 2-clause BSD license: http://nginx.org/LICENSE\n"_s,
         fileMode},
    };
    for (const auto &file : files) {
        if (!writeFile(tree, file.path, file.text, file.mode, &message)) {
            return {};
        }
    }

    const QString prebuilt = tree.filePath(u"auto/fake/prebuilt-nginx"_s);
    if (!QDir().mkpath(QFileInfo(prebuilt).path()) || !QFile::copy(binary, prebuilt) ||
        !QFile::setPermissions(prebuilt, executableMode)) {
        message = u"cannot copy %1 to %2"_s.arg(binary, prebuilt);
        return {};
    }

    const QString tarball = root.filePath(name + u".tar.gz"_s);
    QFile::remove(tarball);
    QProcess tar;
    tar.setProcessChannelMode(QProcess::MergedChannels);
    tar.start(u"tar"_s, {u"czf"_s, tarball, u"-C"_s, root.path(), name});
    if (!tar.waitForFinished(120000)) {
        tar.kill();
        tar.waitForFinished();
        message = u"tar czf %1 did not finish: %2"_s.arg(tarball, tar.errorString());
        return {};
    }
    if (tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0) {
        message = u"tar czf %1 failed: %2"_s.arg(tarball, QString::fromLocal8Bit(tar.readAll()));
        return {};
    }
    return tarball;
}
