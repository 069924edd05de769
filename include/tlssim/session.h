/**
 * \file session.h
 * \brief Sessions to resume (RFC 5246 §7.3, RFC 5077): what a client keeps
 *        of a finished handshake, the server's cache of sessions by ID, and
 *        the server's tickets — the session sealed under a key only the
 *        server holds, kept by the client.
 *
 * tlssim's ticket format (the RFC leaves it to the server; this follows
 * the layout RFC 5077 §4 recommends, with AES-256-GCM in place of
 * AES-CBC + HMAC):
 *
 *     key_name[16] ‖ iv[12] ‖ AES-256-GCM(ticket_key, iv, aad = key_name,
 *                                         state) ‖ tag[16]
 *     state = protocol_version[2] ‖ cipher_suite[2] ‖ flags[1] ‖ master_secret[48]
 *     flags = 1 (extended master secret, RFC 7627) | 2 (encrypt-then-MAC, RFC 7366)
 *
 * key_name says which of the server's keys sealed it (a server rotating
 * keys finds the right one); the tag makes any change to the ticket fail
 * to open, and then the server simply runs a full handshake.
 */
#ifndef TLSSIM_SESSION_H
#define TLSSIM_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/crypto.h"
#include "tlssim/msg.h"

/** \brief How a run resumes (--resume): not at all, by session ID, or by ticket. */
typedef enum tls_resume_mode {
    TLS_RESUME_OFF,
    TLS_RESUME_ID,
    TLS_RESUME_TICKET
} tls_resume_mode;

/** \brief "off", "id", "ticket". */
const char *tls_resume_mode_name(tls_resume_mode m);

/** \brief A session: what both sides must remember to resume it. */
typedef struct tls_session {
    bool valid;                     /**< a finished handshake filled it */
    uint8_t id[32];                 /**< the session ID the server gave (may be empty) */
    size_t id_len;
    uint16_t suite;                 /**< the cipher suite it used */
    bool ems;                       /**< its master secret is an extended one (RFC 7627) */
    bool etm;                       /**< its CBC records were encrypt-then-MAC (RFC 7366):
                                         a resumption must not downgrade it */
    uint8_t master[48];             /**< its master secret */
    uint8_t ticket[TLS_MAX_TICKET]; /**< the client's: its ticket, opaque (may be empty) */
    size_t ticket_len;
    uint32_t lifetime_hint;         /**< the ticket's, in seconds */
} tls_session;

/** \brief Sessions a server cache holds; the oldest goes first. */
#define TLS_SESSION_CACHE_MAX 16

/** \brief Length of tlssim's tickets: key_name, iv, state and tag. */
#define TLS_TICKET_KEY_NAME 16
#define TLS_TICKET_IV 12
#define TLS_TICKET_STATE 53
#define TLS_TICKET_LEN (TLS_TICKET_KEY_NAME + TLS_TICKET_IV + TLS_TICKET_STATE + 16)
/** \brief The lifetime hint tlssim's server gives its tickets: two hours. */
#define TLS_TICKET_LIFETIME 7200

/**
 * \brief What a server remembers across connections: the sessions it gave
 *        IDs to, and its ticket key.  Owned by the driver, which keeps it
 *        between the connections it serves.
 */
typedef struct tls_session_store {
    tls_resume_mode mode;           /**< what this server offers */
    tls_session cache[TLS_SESSION_CACHE_MAX];
    size_t next;                    /**< the entry the next session replaces */
    uint8_t key_name[TLS_TICKET_KEY_NAME];
    uint8_t key[32];                /**< AES-256-GCM ticket key */
} tls_session_store;

/** \brief An empty cache and a fresh ticket key drawn from \p rng. */
tls_err tls_session_store_init(tls_session_store *st, tls_resume_mode mode, tls_rng *rng);

/** \brief Wipe every master secret and the key. */
void tls_session_store_wipe(tls_session_store *st);

/** \brief Remember \p s under its ID (replacing the oldest entry when full). */
void tls_session_cache_put(tls_session_store *st, const tls_session *s);

/** \brief The session cached under \p id, or NULL. */
const tls_session *tls_session_cache_get(const tls_session_store *st, const uint8_t *id,
                                         size_t id_len);

/** \brief The session state a ticket seals (TLS_TICKET_STATE bytes). */
void tls_ticket_state_encode(const tls_session *s, uint8_t out[TLS_TICKET_STATE]);

/**
 * \brief Seal \p state into a ticket (TLS_TICKET_LEN bytes) with a fresh IV
 *        from \p rng.
 */
tls_err tls_ticket_seal(const tls_session_store *st, tls_rng *rng,
                        const uint8_t state[TLS_TICKET_STATE], uint8_t out[TLS_TICKET_LEN]);

/** \brief Why a ticket did not open. */
typedef enum tls_ticket_verdict {
    TLS_TICKET_OPENED,
    TLS_TICKET_WRONG_LENGTH,        /**< not one of ours */
    TLS_TICKET_UNKNOWN_KEY,         /**< key_name names no key of this server */
    TLS_TICKET_BAD_TAG,             /**< altered, or sealed by someone else */
    TLS_TICKET_BAD_STATE            /**< opened, but not a state we wrote */
} tls_ticket_verdict;

/** \brief Open a ticket into \p s (its ID left empty). */
tls_ticket_verdict tls_ticket_open(const tls_session_store *st, const uint8_t *ticket,
                                   size_t len, tls_session *s);

#endif
