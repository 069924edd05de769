/* Errors and alerts: see include/tlssim/err.h. */
#include "tlssim/err.h"

#include <stddef.h>

/* One row per error: the alert a receiver sends (-1: none) and its name. */
static const struct {
    int alert;
    const char *name;
} err_table[TLS_ERR__COUNT] = {
    [TLS_OK] = {-1, "ok"},
    [TLS_ERR_UNEXPECTED_MESSAGE] = {10, "unexpected_message"},
    [TLS_ERR_BAD_RECORD_MAC] = {20, "bad_record_mac"},
    [TLS_ERR_RECORD_OVERFLOW] = {22, "record_overflow"},
    [TLS_ERR_HANDSHAKE_FAILURE] = {40, "handshake_failure"},
    [TLS_ERR_BAD_CERTIFICATE] = {42, "bad_certificate"},
    [TLS_ERR_UNSUPPORTED_CERTIFICATE] = {43, "unsupported_certificate"},
    [TLS_ERR_CERTIFICATE_EXPIRED] = {45, "certificate_expired"},
    [TLS_ERR_ILLEGAL_PARAMETER] = {47, "illegal_parameter"},
    [TLS_ERR_UNKNOWN_CA] = {48, "unknown_ca"},
    [TLS_ERR_DECODE] = {50, "decode_error"},
    [TLS_ERR_DECRYPT_ERROR] = {51, "decrypt_error"},
    [TLS_ERR_PROTOCOL_VERSION] = {70, "protocol_version"},
    [TLS_ERR_INSUFFICIENT_SECURITY] = {71, "insufficient_security"},
    [TLS_ERR_INTERNAL] = {80, "internal_error"},
    [TLS_ERR_UNSUPPORTED_EXTENSION] = {110, "unsupported_extension"},
    [TLS_ERR_UNRECOGNIZED_NAME] = {112, "unrecognized_name"},
    [TLS_ERR_IO] = {-1, "io_error"},
    [TLS_ERR_TIMEOUT] = {-1, "timeout"},
    [TLS_ERR_TRUNCATED] = {-1, "truncated"},
};

int tls_err_alert(tls_err e)
{
    if (tls_err_is_recv_alert(e))
        return -1;
    if ((unsigned)e >= TLS_ERR__COUNT)
        return 80;
    return err_table[e].alert;
}

const char *tls_err_name(tls_err e)
{
    if (tls_err_is_recv_alert(e))
        return tls_alert_name(tls_err_alert_received(e));
    if ((unsigned)e >= TLS_ERR__COUNT)
        return "internal_error";
    return err_table[e].name;
}

const char *tls_alert_name(int description)
{
    static const struct {
        int d;
        const char *name;
    } extra[] = {
        {0, "close_notify"},       {21, "decryption_failed"},
        {30, "decompression_failure"}, {41, "no_certificate"},
        {44, "certificate_revoked"}, {46, "certificate_unknown"},
        {49, "access_denied"},     {60, "export_restriction"},
        {86, "inappropriate_fallback"}, {90, "user_canceled"},
        {100, "no_renegotiation"}, {109, "missing_extension"},
        {111, "certificate_unobtainable"}, {113, "bad_certificate_status_response"},
        {114, "bad_certificate_hash_value"}, {115, "unknown_psk_identity"},
        {116, "certificate_required"}, {120, "no_application_protocol"},
    };
    for (int e = 1; e < TLS_ERR__COUNT; e++)
        if (err_table[e].alert == description)
            return err_table[e].name;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (extra[i].d == description)
            return extra[i].name;
    return "unknown_alert";
}

