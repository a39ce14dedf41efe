#include "buildrequirements.h"

#include "shellquote.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

// What auto/options makes of the arguments (the last of a repeated option wins), as far as
// libraries go.
struct Options
{
    QString compiler = u"cc"_s; // configure's CC=${CC:-cc}; the build does not set CC
    bool compilerGiven = false;
    QString compilerOptions;
    QString perl = u"perl"_s;
    bool http = true;
    bool rewrite = true;
    bool gzip = true;
    enum { Default, Forced, Disabled } pcre = Default;
    bool pcre2 = true;
    bool pcreSources = false;
    bool zlibSources = false;
    bool opensslSources = false;
    bool libatomic = false;
    bool libatomicSources = false;
    QStringList pcreArguments;
    QStringList zlibArguments;
    QStringList opensslArguments;
    QStringList xsltArguments;
    QStringList gdArguments;
    QStringList geoipArguments;
    QStringList perlArguments;
    QStringList perftoolsArguments;
    QStringList libatomicArguments;
};

bool isModule(const QString &argument, QStringView name)
{
    const QString option = u"--with-"_s + name;
    return argument == option || argument == option + u"=dynamic"_s;
}

void appendOnce(QStringList &list, const QString &value)
{
    if (!list.contains(value)) {
        list.append(value);
    }
}

Options parseOptions(const QStringList &arguments)
{
    Options o;
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = equals < 0 ? argument : argument.left(equals);
        const QString value = equals < 0 ? QString() : argument.mid(equals + 1);
        if (name == u"--with-cc" && !value.isEmpty()) {
            o.compiler = value;
            o.compilerGiven = true;
        } else if (name == u"--with-cc-opt") {
            o.compilerOptions = value;
        } else if (name == u"--with-perl" && !value.isEmpty()) {
            o.perl = value;
        } else if (argument == u"--without-http") {
            o.http = false;
        } else if (argument == u"--without-http_rewrite_module") {
            o.rewrite = false;
        } else if (argument == u"--without-http_gzip_module") {
            o.gzip = false;
        } else if (argument == u"--with-pcre") {
            o.pcre = Options::Forced;
            appendOnce(o.pcreArguments, argument);
        } else if (argument == u"--without-pcre") {
            o.pcre = Options::Disabled;
        } else if (argument == u"--without-pcre2") {
            o.pcre2 = false;
        } else if (name == u"--with-pcre") {
            o.pcreSources = true;
        } else if (name == u"--with-zlib") {
            o.zlibSources = true;
        } else if (name == u"--with-openssl") {
            o.opensslSources = true;
        } else if (argument == u"--with-libatomic") {
            o.libatomic = true;
            appendOnce(o.libatomicArguments, argument);
        } else if (name == u"--with-libatomic") {
            o.libatomicSources = true;
        } else if (isModule(argument, u"http_gunzip_module")) {
            appendOnce(o.zlibArguments, argument);
        } else if (isModule(argument, u"http_ssl_module") || isModule(argument, u"stream_ssl_module") ||
                   isModule(argument, u"mail_ssl_module") || isModule(argument, u"http_v3_module")) {
            appendOnce(o.opensslArguments, argument);
        } else if (isModule(argument, u"http_xslt_module")) {
            appendOnce(o.xsltArguments, argument);
        } else if (isModule(argument, u"http_image_filter_module")) {
            appendOnce(o.gdArguments, argument);
        } else if (isModule(argument, u"http_geoip_module") || isModule(argument, u"stream_geoip_module")) {
            appendOnce(o.geoipArguments, argument);
        } else if (isModule(argument, u"http_perl_module")) {
            appendOnce(o.perlArguments, argument);
        } else if (argument == u"--with-google_perftools_module") {
            appendOnce(o.perftoolsArguments, argument);
        }
    }
    return o;
}

// The include options of --with-cc-opt, which configure splits on blanks like an unquoted
// shell variable, each quoted again for the check.
QString includeOptions(const QString &compilerOptions)
{
    static const QStringList prefixes{u"-I"_s, u"-isystem"_s, u"-idirafter"_s};
    const QStringList words = compilerOptions.simplified().split(u' ', Qt::SkipEmptyParts);
    QString options;
    for (qsizetype i = 0; i < words.size(); ++i) {
        for (const QString &prefix : prefixes) {
            if (words.at(i) == prefix && i + 1 < words.size()) {
                options += u' ' + shellQuote(prefix) + u' ' + shellQuote(words.at(++i));
                break;
            }
            if (words.at(i).startsWith(prefix) && words.at(i).size() > prefix.size()) {
                options += u' ' + shellQuote(words.at(i));
                break;
            }
        }
    }
    return options;
}

class CheckBuilder
{
public:
    explicit CheckBuilder(const Options &options)
        : m_compiler(shellQuote(options.compiler))
        , m_includes(includeOptions(options.compilerOptions))
    {
    }

    QString tool(const QString &name) const { return u"command -v "_s + shellQuote(name) + u" >/dev/null 2>&1"_s; }

    QString headers(const QStringList &headers, const QStringList &options = {}) const
    {
        return u"printf "_s + shellQuote(includes(headers)) + u" | "_s + m_compiler + u" -E -x c"_s +
            quotedOptions(options) + m_includes + u" - >/dev/null 2>&1"_s;
    }

    // The perl module compiles and links against libperl with ExtUtils::Embed's flags; the
    // headers come with perl on Debian, the library to link only with libperl-dev.
    QString perl(const QString &perlCommand) const
    {
        const QString perl = shellQuote(perlCommand);
        const QString program = includes({u"EXTERN.h"_s, u"perl.h"_s}) + u"int main(void) { return 0; }\\n"_s;
        return tool(perlCommand) + u" && "_s + perl + u" -MExtUtils::Embed -e 1 >/dev/null 2>&1 && printf "_s +
            shellQuote(program) + u" | "_s + m_compiler + u" -x c"_s + m_includes + u" $("_s + perl +
            u" -MExtUtils::Embed -e ccopts) - -o /dev/null $("_s + perl +
            u" -MExtUtils::Embed -e ldopts) >/dev/null 2>&1"_s;
    }

private:
    static QString includes(const QStringList &headers)
    {
        QString program;
        for (const QString &header : headers) {
            program += u"#include <"_s + header + u">\\n"_s;
        }
        return program;
    }

    static QString quotedOptions(const QStringList &options)
    {
        QString quoted;
        for (const QString &option : options) {
            quoted += u' ' + shellQuote(option);
        }
        return quoted;
    }

    QString m_compiler;
    QString m_includes;
};

// A compiler named like the packaged ones, where the packages put it, comes from them.
std::pair<QStringList, QStringList> compilerPackages(const Options &options)
{
    if (!options.compilerGiven) {
        return {{u"gcc"_s, u"libc6-dev"_s}, {u"gcc"_s}};
    }
    const QString &path = options.compiler;
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString directory = path.left(slash + 1);
    const QString name = path.mid(slash + 1);
    if (!directory.isEmpty() && directory != u"/usr/bin/" && directory != u"/bin/") {
        return {};
    }
    if (name == u"cc" || name == u"gcc") {
        return {{u"gcc"_s, u"libc6-dev"_s}, {u"gcc"_s}};
    }
    if (name == u"clang") {
        return {{u"clang"_s, u"libc6-dev"_s}, {u"clang"_s}};
    }
    return {};
}

} // namespace

QList<BuildRequirement> BuildRequirements::forArguments(const QStringList &configureArguments)
{
    const Options o = parseOptions(configureArguments);
    const CheckBuilder check(o);
    const QString everyBuild = BuildRequirement::tr("every build");
    const auto because = [](const QStringList &arguments) { return arguments.join(u", "_s); };

    QList<BuildRequirement> requirements;
    const auto [compilerDebian, compilerRpm] = compilerPackages(o);
    requirements.append({u"compiler"_s,
                         o.compilerGiven ? BuildRequirement::tr("the C compiler %1").arg(o.compiler)
                                         : BuildRequirement::tr("a C compiler (cc)"),
                         o.compilerGiven ? u"--with-cc="_s + o.compiler : everyBuild,
                         check.tool(o.compiler),
                         compilerDebian,
                         compilerRpm});
    requirements.append({u"make"_s, u"make"_s, everyBuild, check.tool(u"make"_s), {u"make"_s}, {u"make"_s}});

    QStringList pcreReasons;
    if (o.http && o.rewrite && o.pcre == Options::Default) {
        pcreReasons.append(BuildRequirement::tr("the rewrite module (default)"));
    }
    pcreReasons += o.pcreArguments;
    if (!pcreReasons.isEmpty() && o.pcre != Options::Disabled && !o.pcreSources) {
        const QString pcre1 = check.headers({u"pcre.h"_s});
        if (o.pcre2) {
            requirements.append({u"pcre"_s,
                                 BuildRequirement::tr("PCRE2 (the rewrite module and regular expressions)"),
                                 because(pcreReasons),
                                 check.headers({u"pcre2.h"_s}, {u"-DPCRE2_CODE_UNIT_WIDTH=8"_s}) + u" || "_s + pcre1,
                                 {u"libpcre2-dev"_s},
                                 {u"pcre2-devel"_s}});
        } else {
            requirements.append({u"pcre"_s,
                                 BuildRequirement::tr("PCRE (the rewrite module and regular expressions)"),
                                 because(pcreReasons),
                                 pcre1,
                                 {u"libpcre3-dev"_s},
                                 {u"pcre-devel"_s}});
        }
    }

    QStringList zlibReasons;
    if (o.http && o.gzip) {
        zlibReasons.append(BuildRequirement::tr("the gzip module (default)"));
    }
    if (o.http) {
        zlibReasons += o.zlibArguments;
    }
    if (!zlibReasons.isEmpty() && !o.zlibSources) {
        requirements.append({u"zlib"_s,
                             BuildRequirement::tr("zlib (gzip compression)"),
                             because(zlibReasons),
                             check.headers({u"zlib.h"_s}),
                             {u"zlib1g-dev"_s},
                             {u"zlib-devel"_s}});
    }

    if (!o.opensslArguments.isEmpty() && !o.opensslSources) {
        requirements.append({u"openssl"_s,
                             BuildRequirement::tr("OpenSSL (TLS)"),
                             because(o.opensslArguments),
                             check.headers({u"openssl/ssl.h"_s}),
                             {u"libssl-dev"_s},
                             {u"openssl-devel"_s}});
    }

    if (!o.xsltArguments.isEmpty()) {
        // where nginx's auto/lib/libxslt/conf looks for them
        const QStringList libxml2Paths{u"-I/usr/include/libxml2"_s, u"-I/usr/local/include/libxml2"_s};
        requirements.append({u"libxml2"_s,
                             BuildRequirement::tr("libxml2 (the XSLT module)"),
                             because(o.xsltArguments),
                             check.headers({u"libxml/parser.h"_s}, libxml2Paths),
                             {u"libxml2-dev"_s},
                             {u"libxml2-devel"_s}});
        requirements.append({u"libxslt"_s,
                             BuildRequirement::tr("libxslt (the XSLT module)"),
                             because(o.xsltArguments),
                             check.headers({u"libxslt/xslt.h"_s}, libxml2Paths),
                             {u"libxslt1-dev"_s},
                             {u"libxslt-devel"_s}});
    }

    if (!o.gdArguments.isEmpty()) {
        requirements.append({u"libgd"_s,
                             BuildRequirement::tr("GD (the image filter module)"),
                             because(o.gdArguments),
                             check.headers({u"gd.h"_s}),
                             {u"libgd-dev"_s},
                             {u"gd-devel"_s}});
    }

    if (!o.geoipArguments.isEmpty()) {
        requirements.append({u"geoip"_s,
                             BuildRequirement::tr("the GeoIP library (the GeoIP modules)"),
                             because(o.geoipArguments),
                             check.headers({u"GeoIP.h"_s}),
                             {u"libgeoip-dev"_s},
                             {u"GeoIP-devel"_s}});
    }

    if (!o.perlArguments.isEmpty()) {
        requirements.append({u"perl"_s,
                             BuildRequirement::tr("Perl and its library for embedding (the Perl module)"),
                             because(o.perlArguments),
                             check.perl(o.perl),
                             {u"perl"_s, u"libperl-dev"_s},
                             {u"perl-ExtUtils-Embed"_s}});
    }

    if (!o.perftoolsArguments.isEmpty()) {
        requirements.append({u"gperftools"_s,
                             BuildRequirement::tr("gperftools (the Google perftools module)"),
                             because(o.perftoolsArguments),
                             check.headers({u"gperftools/profiler.h"_s}),
                             {u"libgoogle-perftools-dev"_s},
                             {u"gperftools-devel"_s}});
    }

    if (o.libatomic && !o.libatomicSources) {
        requirements.append({u"libatomic"_s,
                             BuildRequirement::tr("libatomic_ops (atomic operations)"),
                             because(o.libatomicArguments),
                             check.headers({u"atomic_ops.h"_s}),
                             {u"libatomic-ops-dev"_s},
                             {u"libatomic_ops-devel"_s}});
    }
    return requirements;
}

QString
BuildRequirements::installCommand(const QList<BuildRequirement> &missing, const QString &osId, const QString &osIdLike)
{
    const QStringList family =
        (osId + u' ' + osIdLike).toLower().remove(u'"').remove(u'\'').split(u' ', Qt::SkipEmptyParts);
    const auto isAny = [&family](std::initializer_list<QStringView> names) {
        return std::any_of(names.begin(), names.end(), [&family](QStringView name) { return family.contains(name); });
    };
    const bool debian = isAny({u"debian", u"ubuntu"});
    const bool rpm = !debian && isAny({u"fedora", u"rhel", u"centos", u"rocky", u"almalinux"});
    if (!debian && !rpm) {
        return {};
    }
    QStringList packages;
    for (const BuildRequirement &requirement : missing) {
        for (const QString &package : debian ? requirement.debianPackages : requirement.rpmPackages) {
            appendOnce(packages, package);
        }
    }
    if (packages.isEmpty()) {
        return {};
    }
    return (debian ? u"apt-get install "_s : u"dnf install "_s) + shellJoin(packages);
}

} // namespace Baton
