/**
 * \file err.h
 * \brief One error enum for the whole engine, each value mapped to the TLS
 *        alert (RFC 5246 §7.2) that a receiver sends when it happens.
 */
#ifndef TLSSIM_ERR_H
#define TLSSIM_ERR_H

#include <stddef.h>
#include <stdint.h>

/** \brief Errors. Values other than TLS_OK map to an alert description. */
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
    TLS_ERR_PEER_ALERT,             /**< the peer sent a fatal alert: we send none back */
    TLS_ERR_IO,                     /**< a socket failed or the peer closed (no alert possible) */
    TLS_ERR_TIMEOUT,                /**< a socket read timed out */
    TLS_ERR__COUNT
} tls_err;

/** \brief Alert levels (RFC 5246 §7.2). */
enum { TLS_ALERT_WARNING = 1, TLS_ALERT_FATAL = 2 };

/** \brief Alert description for close_notify, which is not an error. */
#define TLS_ALERT_CLOSE_NOTIFY 0

/**
 * \brief The alert description a receiver sends for \p e.
 * \return the description byte, or -1 when no alert is sent (TLS_OK, peer
 *         alert, I/O failure)
 */
int tls_err_alert(tls_err e);

/** \brief A short name: "decode_error", "bad_record_mac", ... */
const char *tls_err_name(tls_err e);

/**
 * \brief The RFC name of an alert description byte ("handshake_failure").
 * \return the name, or "unknown_alert" for a value RFC 5246 does not define
 */
const char *tls_alert_name(int description);

/**
 * \brief Write a one-line reason into \p why (printf-style); does nothing
 *        when \p why is NULL or \p why_len is 0, so callers may not care.
 */
void tls_why(char *why, size_t why_len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
