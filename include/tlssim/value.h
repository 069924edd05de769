/**
 * \file value.h
 * \brief The catalogue of values a handshake reveals: one enum of kinds and
 *        one const property table.
 *
 * A VALUE event (event.h) says "this party now knows this value"; which
 * value it is, is a tls_value_kind.  Everything that depends only on the
 * kind — its JSON name, whether it is a secret, whether an eavesdropper can
 * see it, how its bytes are shown — is a column of the table, so front ends
 * ask the table instead of keeping lists of names, and a misspelt kind is a
 * compile error.
 *
 * The kinds are listed in the order a full handshake first learns them
 * (but for named_group, listed beside cipher_suite: both are negotiated
 * parameters); the table, the JSON output and lesson placeholders share the
 * names:
 *
 *     client_random, server_name, server_random, cipher_suite, named_group,
 *     server_certificate, server_ecdhe_private, server_ecdhe_public,
 *     server_dhe_private, server_dhe_public, ske_signature,
 *     client_certificate, client_ecdhe_private, client_ecdhe_public,
 *     client_dhe_private, client_dhe_public, encrypted_pre_master,
 *     pre_master_secret, master_secret, key_block, client_write_mac_key,
 *     server_write_mac_key, client_write_key,
 *     server_write_key, client_write_iv, server_write_iv,
 *     certificate_verify_hash, certificate_verify_signature, handshake_hash,
 *     client_verify_data, server_verify_data, session_id, session_ticket,
 *     ticket_key, ticket_state, client_app_data, server_app_data
 *
 * (session_id to ticket_state belong to resumption: a full
 * handshake learns them at its hellos or at its end, and the abbreviated
 * one at its hellos; the last two are application data in the clear, which
 * only the attack lab's attacker is shown learning: the endpoints' own are
 * messages)
 *
 * Adding a value: a kind here (in the order it is learned), a row in
 * value.c, and the code that learns it calls tls_trace_value with the kind.
 */
#ifndef TLSSIM_VALUE_H
#define TLSSIM_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** \brief Every value a run can reveal, in the order first learned (see above). */
typedef enum tls_value_kind {
    TLS_VALUE_CLIENT_RANDOM,
    TLS_VALUE_SERVER_NAME,
    TLS_VALUE_SERVER_RANDOM,
    TLS_VALUE_CIPHER_SUITE,
    TLS_VALUE_NAMED_GROUP,
    TLS_VALUE_SERVER_CERTIFICATE,
    TLS_VALUE_SERVER_ECDHE_PRIVATE,
    TLS_VALUE_SERVER_ECDHE_PUBLIC,
    TLS_VALUE_SERVER_DHE_PRIVATE,
    TLS_VALUE_SERVER_DHE_PUBLIC,
    TLS_VALUE_SKE_SIGNATURE,
    TLS_VALUE_CLIENT_CERTIFICATE,
    TLS_VALUE_CLIENT_ECDHE_PRIVATE,
    TLS_VALUE_CLIENT_ECDHE_PUBLIC,
    TLS_VALUE_CLIENT_DHE_PRIVATE,
    TLS_VALUE_CLIENT_DHE_PUBLIC,
    TLS_VALUE_ENCRYPTED_PRE_MASTER,
    TLS_VALUE_PRE_MASTER_SECRET,
    TLS_VALUE_MASTER_SECRET,
    TLS_VALUE_KEY_BLOCK,
    TLS_VALUE_CLIENT_WRITE_MAC_KEY, /**< CBC suites only: AEADs need no MAC key */
    TLS_VALUE_SERVER_WRITE_MAC_KEY,
    TLS_VALUE_CLIENT_WRITE_KEY,
    TLS_VALUE_SERVER_WRITE_KEY,
    TLS_VALUE_CLIENT_WRITE_IV,
    TLS_VALUE_SERVER_WRITE_IV,
    TLS_VALUE_CERTIFICATE_VERIFY_HASH,
    TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE,
    TLS_VALUE_HANDSHAKE_HASH,
    TLS_VALUE_CLIENT_VERIFY_DATA,
    TLS_VALUE_SERVER_VERIFY_DATA,
    TLS_VALUE_SESSION_ID,
    TLS_VALUE_SESSION_TICKET,
    TLS_VALUE_TICKET_KEY,
    TLS_VALUE_TICKET_STATE,
    /* After the handshake: application data in the clear, as someone who
     * should not have it read it (the attack lab's attacker). */
    TLS_VALUE_CLIENT_APP_DATA,
    TLS_VALUE_SERVER_APP_DATA,
    TLS_VALUE_COUNT         /**< number of kinds, not a kind */
} tls_value_kind;

/**
 * \brief What a value's text (the event's human-readable meaning) holds
 *        beside its bytes, and so how front ends show it.  All but the
 *        subject are derived from the bytes (tls_value_describe).
 */
typedef enum tls_value_display {
    TLS_VALUE_SHOW_HEX,     /**< bytes only, shown as hex */
    TLS_VALUE_SHOW_HOST,    /**< bytes are an ASCII host name; text = that name */
    TLS_VALUE_SHOW_SUITE,   /**< a 2-byte cipher suite code; text = its name */
    TLS_VALUE_SHOW_GROUP,   /**< a 2-byte named group code; text = its name, when
                                 tlssim implements the group */
    TLS_VALUE_SHOW_SUBJECT  /**< a DER certificate; text = its subject, when the
                                 party parsed it (the eavesdropper does not) */
} tls_value_display;

/** \brief The properties of one kind: a row of the table. */
typedef struct tls_value_info {
    const char *name;       /**< JSON name and lesson placeholder, e.g. "client_random" */
    bool secret;            /**< never sent in clear: a party's own or derived key
                                 material that the eavesdropper must not learn */
    bool on_wire;           /**< travels in a clear handshake message, so the
                                 eavesdropper can see it (in some key exchange) */
    bool agreed;            /**< a secret both ends derive on their own, never
                                 sending it: their two copies must agree */
    bool joined;            /**< only other values of the table joined together
                                 (key_block = the keys and IVs): summaries list
                                 the parts instead */
    tls_value_display display; /**< what its text holds, how it is shown */
} tls_value_info;

/** \brief The row of \p kind; out of range, a row named "?" with every flag false. */
const tls_value_info *tls_value_info_of(tls_value_kind kind);

/** \brief The JSON name of \p kind, e.g. "client_random"; "?" out of range. */
const char *tls_value_name(tls_value_kind kind);

/**
 * \brief The kind named \p name (exactly \p len bytes, not NUL-terminated
 *        necessarily): for names that come from outside the program, such as
 *        lesson placeholders.  The only name-to-kind lookup.
 * \return true and sets \p *kind when the name is in the table
 */
bool tls_value_kind_of(const char *name, size_t len, tls_value_kind *kind);

/** \brief Room tls_value_describe needs: a host name and its NUL. */
#define TLS_VALUE_TEXT_MAX 256

/**
 * \brief The text \p kind's display form derives from its bytes: the host
 *        name (copied into \p buf), the suite's or group's name; NULL for
 *        bytes shown as hex, a certificate (its subject takes parsing), or a
 *        code no table names.
 */
const char *tls_value_describe(tls_value_kind kind, const uint8_t *p, size_t len,
                               char buf[TLS_VALUE_TEXT_MAX]);

/**
 * \brief What a value does in the key exchange, for front ends that compare
 *        runs (which value carried the pre-master, which was signed).
 */
typedef enum tls_value_role {
    TLS_VALUE_ROLE_NONE,        /**< none of the below */
    TLS_VALUE_ROLE_KEY_SHARE,   /**< a public key share: the pre-master is derived
                                     from both sides' shares, never sent */
    TLS_VALUE_ROLE_SEALED,      /**< the pre-master itself, encrypted to the server's
                                     certificate key: whoever holds that key opens it */
    TLS_VALUE_ROLE_SIGNATURE    /**< a signature by the certificate's key over what its
                                     message carries */
} tls_value_role;

/** \brief The role of \p kind in the key exchange (NONE out of range). */
tls_value_role tls_value_role_of(tls_value_kind kind);

#endif
