/* The value catalogue: see include/tlssim/value.h. */
#include "tlssim/value.h"

#include <string.h>

#include "tlssim/suites.h"

/* Indexed by kind, so a row cannot drift from its enum constant.  Secrets:
 * the ephemeral private keys (each side's own) and everything derived from
 * the pre-master secret up to the keys.  The handshake hash and verify data
 * are derived too, but not secret: the Finished messages exist to compare
 * them (and the eavesdropper only sees them encrypted). */
static const tls_value_info values[TLS_VALUE_COUNT] = {
    /*                                  name                    secret wire   agreed joined display */
    [TLS_VALUE_CLIENT_RANDOM]          = {"client_random",        false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_NAME]            = {"server_name",          false, true,  false, false, TLS_VALUE_SHOW_HOST},
    [TLS_VALUE_SERVER_RANDOM]          = {"server_random",        false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CIPHER_SUITE]           = {"cipher_suite",         false, true,  false, false, TLS_VALUE_SHOW_SUITE},
    [TLS_VALUE_NAMED_GROUP]            = {"named_group",          false, true,  false, false, TLS_VALUE_SHOW_GROUP},
    [TLS_VALUE_SERVER_CERTIFICATE]     = {"server_certificate",   false, true,  false, false, TLS_VALUE_SHOW_SUBJECT},
    [TLS_VALUE_SERVER_ECDHE_PRIVATE]   = {"server_ecdhe_private", true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_ECDHE_PUBLIC]    = {"server_ecdhe_public",  false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_DHE_PRIVATE]     = {"server_dhe_private",   true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_DHE_PUBLIC]      = {"server_dhe_public",    false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SKE_SIGNATURE]          = {"ske_signature",        false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_CERTIFICATE]     = {"client_certificate",   false, true,  false, false, TLS_VALUE_SHOW_SUBJECT},
    [TLS_VALUE_CLIENT_ECDHE_PRIVATE]   = {"client_ecdhe_private", true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_ECDHE_PUBLIC]    = {"client_ecdhe_public",  false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_DHE_PRIVATE]     = {"client_dhe_private",   true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_DHE_PUBLIC]      = {"client_dhe_public",    false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_ENCRYPTED_PRE_MASTER]   = {"encrypted_pre_master", false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_PRE_MASTER_SECRET]      = {"pre_master_secret",    true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_MASTER_SECRET]          = {"master_secret",        true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_KEY_BLOCK]              = {"key_block",            true,  false, true,  true,  TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_WRITE_MAC_KEY]   = {"client_write_mac_key", true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_WRITE_MAC_KEY]   = {"server_write_mac_key", true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_WRITE_KEY]       = {"client_write_key",     true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_WRITE_KEY]       = {"server_write_key",     true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_WRITE_IV]        = {"client_write_iv",      true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_WRITE_IV]        = {"server_write_iv",      true,  false, true,  false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CERTIFICATE_VERIFY_HASH] = {"certificate_verify_hash", false, false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE] = {"certificate_verify_signature", false, true, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_HANDSHAKE_HASH]         = {"handshake_hash",       false, false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_CLIENT_VERIFY_DATA]     = {"client_verify_data",   false, false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_VERIFY_DATA]     = {"server_verify_data",   false, false, false, false, TLS_VALUE_SHOW_HEX},
    /* Resumption: the ID and the ticket travel in clear (the ticket sealed);
     * the server's ticket key and the state it seals are its own secrets. */
    [TLS_VALUE_SESSION_ID]             = {"session_id",           false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SESSION_TICKET]         = {"session_ticket",       false, true,  false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_TICKET_KEY]             = {"ticket_key",           true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_TICKET_STATE]           = {"ticket_state",         true,  false, false, false, TLS_VALUE_SHOW_HEX},
    /* What the keys protect: secret like them (the eavesdropper sees only
     * ciphertext); the text is the bytes escaped for a terminal. */
    [TLS_VALUE_CLIENT_APP_DATA]        = {"client_app_data",      true,  false, false, false, TLS_VALUE_SHOW_HEX},
    [TLS_VALUE_SERVER_APP_DATA]        = {"server_app_data",      true,  false, false, false, TLS_VALUE_SHOW_HEX},
};

/* What an out-of-range kind reads as: nothing a front end would show. */
static const tls_value_info unknown = {"?", false, false, false, false, TLS_VALUE_SHOW_HEX};

const tls_value_info *tls_value_info_of(tls_value_kind kind)
{
    return (unsigned)kind < TLS_VALUE_COUNT ? &values[kind] : &unknown;
}

const char *tls_value_name(tls_value_kind kind)
{
    return tls_value_info_of(kind)->name;
}

bool tls_value_kind_of(const char *name, size_t len, tls_value_kind *kind)
{
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        if (strlen(values[k].name) == len && memcmp(values[k].name, name, len) == 0) {
            *kind = (tls_value_kind)k;
            return true;
        }
    }
    return false;
}

const char *tls_value_describe(tls_value_kind kind, const uint8_t *p, size_t len,
                               char buf[TLS_VALUE_TEXT_MAX])
{
    tls_value_display display = tls_value_info_of(kind)->display;
    if (display == TLS_VALUE_SHOW_HOST && len > 0 && len < TLS_VALUE_TEXT_MAX) {
        memcpy(buf, p, len);
        buf[len] = '\0';
        return buf;
    }
    if (len != 2)
        return NULL;
    uint16_t code = (uint16_t)(p[0] << 8 | p[1]);
    if (display == TLS_VALUE_SHOW_SUITE) {
        /* A suite tlssim does not implement is still named on the wire. */
        const tls_suite *s = tls_suite_by_id(code);
        return s ? s->name : tls_suite_wire_name(code);
    }
    const tls_group_info *g = display == TLS_VALUE_SHOW_GROUP ? tls_group_by_id(code) : NULL;
    return g ? g->name : NULL;
}

/* A table of its own, indexed by kind: most kinds have no role, and a kind
 * added to the catalogue without one reads as NONE. */
static const tls_value_role roles[TLS_VALUE_COUNT] = {
    [TLS_VALUE_SERVER_ECDHE_PUBLIC]  = TLS_VALUE_ROLE_KEY_SHARE,
    [TLS_VALUE_CLIENT_ECDHE_PUBLIC]  = TLS_VALUE_ROLE_KEY_SHARE,
    [TLS_VALUE_SERVER_DHE_PUBLIC]    = TLS_VALUE_ROLE_KEY_SHARE,
    [TLS_VALUE_CLIENT_DHE_PUBLIC]    = TLS_VALUE_ROLE_KEY_SHARE,
    [TLS_VALUE_ENCRYPTED_PRE_MASTER] = TLS_VALUE_ROLE_SEALED,
    [TLS_VALUE_SKE_SIGNATURE]        = TLS_VALUE_ROLE_SIGNATURE,
};

tls_value_role tls_value_role_of(tls_value_kind kind)
{
    return (unsigned)kind < TLS_VALUE_COUNT ? roles[kind] : TLS_VALUE_ROLE_NONE;
}
