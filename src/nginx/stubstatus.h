#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Baton {

/**
 * @brief The counters of nginx's stub_status page (ngx_http_stub_status_module).
 *
 * The page is four lines:
 * @code
 * Active connections: 291
 * server accepts handled requests
 *  16630948 16630948 31070465
 * Reading: 6 Writing: 179 Waiting: 106
 * @endcode
 * nginx reads the counters one by one, not as a snapshot, so no relation between them is
 * checked (handled may pass accepts by one, reading + writing + waiting may differ from active).
 */
struct StubStatus
{
    Q_DECLARE_TR_FUNCTIONS(StubStatus)

public:
    qint64 active = 0; ///< open client connections, waiting ones included
    qint64 accepts = 0; ///< accepted since nginx started
    qint64 handled = 0; ///< accepted and handled; lower than accepts when worker_connections ran out
    qint64 requests = 0;
    qint64 reading = 0; ///< connections reading a request header
    qint64 writing = 0; ///< connections writing a response
    qint64 waiting = 0; ///< idle keep-alive connections

    friend bool operator==(const StubStatus &, const StubStatus &) = default;

    /** @brief Parses a stub_status page; @p error says what is wrong with it. */
    static std::optional<StubStatus> parse(QStringView page, QString *error);
};

} // namespace Baton
