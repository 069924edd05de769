/**
 * \file err.h
 * \brief One status type for the whole engine.  A failure detected here maps
 *        to the TLS alert (RFC 5246 §7.2) a receiver sends when it happens;
 *        a fatal alert received from the peer keeps which alert it was, the
 *        way BearSSL's BR_ERR_RECV_FATAL_ALERT + alert does.
 */
#ifndef TLSSIM_ERR_H
#define TLSSIM_ERR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * \brief Status.  Three classes of failure:
 *  - detected here (TLS_ERR_UNEXPECTED_MESSAGE .. TLS_ERR_UNRECOGNIZED_NAME,
 *    TLS_ERR_INTERNAL): this side sends the alert tls_err_alert names;
 *  - received: the peer's alert ended the connection, this side sends none
 *    back: tls_err_recv_alert(description), see tls_err_alert_received;
 *  - I/O (TLS_ERR_IO, TLS_ERR_TIMEOUT, TLS_ERR_TRUNCATED): no alert is possible.
 */
typedef enum tls_err {
    TLS_OK = 0,
    TLS_ERR_UNEXPECTED_MESSAGE,     /**< unexpected_message(10) */
    TLS_ERR_BAD_RECORD_MAC,         /**< bad_record_mac(20) */
    TLS_ERR_RECORD_OVERFLOW,        /**< record_overflow(22) */
    TLS_ERR_HANDSHAKE_FAILURE,      /**< handshake_failure(40) */
    TLS_ERR_BAD_CERTIFICATE,        /**< bad_certificate(42) */
    TLS_ERR_UNSUPPORTED_CERTIFICATE,/**< unsupported_certificate(43) */
    TLS_ERR_CERTIFICATE_EXPIRED,    /**< certificate_expired(45) */
    TLS_ERR_ILLEGAL_PARAMETER,      /**< illegal_parameter(47) */
    TLS_ERR_UNKNOWN_CA,             /**< unknown_ca(48) */
    TLS_ERR_DECODE,                 /**< decode_error(50) */
    TLS_ERR_DECRYPT_ERROR,          /**< decrypt_error(51) */
    TLS_ERR_PROTOCOL_VERSION,       /**< protocol_version(70) */
    TLS_ERR_INSUFFICIENT_SECURITY,  /**< insufficient_security(71) */
    TLS_ERR_INTERNAL,               /**< internal_error(80) */
    TLS_ERR_UNSUPPORTED_EXTENSION,  /**< unsupported_extension(110) */
    TLS_ERR_UNRECOGNIZED_NAME,      /**< unrecognized_name(112) */
    TLS_ERR_IO,                     /**< a socket failed or the peer closed (no alert possible) */
    TLS_ERR_TIMEOUT,                /**< a socket read timed out */
    TLS_ERR_TRUNCATED,              /**< the stream ended after the handshake without
                                         the peer's close_notify: what was sent may
                                         have been cut short (RFC 5246 §7.2.1) */
    TLS_ERR__COUNT,                 /**< number of the values above */
    /** A received alert: this plus its description byte (0..255). */
    TLS_ERR_RECV_ALERT = 256,
    TLS_ERR_RECV_ALERT_LAST = TLS_ERR_RECV_ALERT + 255
} tls_err;

/** \brief Alert levels (RFC 5246 §7.2). */
enum { TLS_ALERT_WARNING = 1, TLS_ALERT_FATAL = 2 };

/** \brief Alert description for close_notify, which is not an error. */
#define TLS_ALERT_CLOSE_NOTIFY 0

/**
 * \brief The status for a fatal alert \p description received from the
 *        peer (or a close_notify that ended the handshake early).
 */
static inline tls_err tls_err_recv_alert(uint8_t description)
{
    return (tls_err)(TLS_ERR_RECV_ALERT + description);
}

/** \brief Whether \p e is a received alert (tls_err_recv_alert). */
static inline bool tls_err_is_recv_alert(tls_err e)
{
    return e >= TLS_ERR_RECV_ALERT && e <= TLS_ERR_RECV_ALERT_LAST;
}

/**
 * \brief The description byte of the alert the peer sent.
 * \return 0..255, or -1 when \p e is not a received alert
 */
static inline int tls_err_alert_received(tls_err e)
{
    return tls_err_is_recv_alert(e) ? (int)(e - TLS_ERR_RECV_ALERT) : -1;
}

/**
 * \brief The alert description this side sends for \p e.
 * \return the description byte, or -1 when no alert is sent (TLS_OK, a
 *         received alert, I/O failure)
 */
int tls_err_alert(tls_err e);

/**
 * \brief A short name: "decode_error", "bad_record_mac", ...; for a received
 *        alert, the name of that alert ("handshake_failure").
 */
const char *tls_err_name(tls_err e);

/**
 * \brief The RFC name of an alert description byte ("handshake_failure").
 * \return the name, or "unknown_alert" for a value RFC 5246 does not define
 */
const char *tls_alert_name(int description);

#endif
