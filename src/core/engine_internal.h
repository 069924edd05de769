/*
 * Engine internals shared by engine.c (the generic machine: records,
 * transcript, key schedule, alerts) and engine_client.c / engine_server.c
 * (what each side does at each step of the table).
 */
#ifndef TLSSIM_ENGINE_INTERNAL_H
#define TLSSIM_ENGINE_INTERNAL_H

#include "tlssim/buf.h"
#include "tlssim/engine.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/prf.h"
#include "tlssim/record.h"

struct tls_engine {
    tls_party role;
    tls_party peer;
    const tls_engine_config *cfg;
    tls_rng *rng;
    tls_trace *trace;

    size_t cursor;              /* index into the table; TLS_STEP_COUNT = done */
    tls_err err;                /* first failure; sticks */
    char why[256];
    bool peer_closed;

    /* What the hellos settled. */
    const tls_suite *suite;
    tls_group group;
    uint16_t sig_alg;
    bool ems;
    bool reneg_info;            /* the client signalled RFC 5746 support */
    uint8_t client_random[32];
    uint8_t server_random[32];
    uint16_t offered_groups[TLS_MAX_GROUPS]; /* client: what it offered */
    size_t noffered_groups;

    /* The peer's certificate chain (client side). */
    tls_x509 *peer_chain;

    /* Key exchange. */
    uint8_t ecdhe_priv[TLS_ECDH_PRIV_MAX];
    size_t ecdhe_priv_len;
    uint8_t ecdhe_pub[TLS_ECDH_PUB_MAX];
    size_t ecdhe_pub_len;
    uint8_t peer_pub[TLS_ECDH_PUB_MAX];
    size_t peer_pub_len;
    uint8_t pre_master[TLS_ECDH_SHARED_MAX];
    size_t pre_master_len;
    uint8_t master[48];
    tls_key_block kb;

    /* handshake_messages: every handshake message so far, in order. */
    tls_writer transcript;

    /* Record layer. */
    tls_record_protect wprot;
    tls_record_protect rprot;
    tls_record_protect pending_r; /* keys that the peer's CCS will switch on */
    tls_writer out;             /* records queued for the peer */
    tls_writer in;              /* received bytes not yet a whole record */
    tls_writer hs;              /* handshake bytes not yet a whole message */
    size_t hs_record;           /* trace index of the record the pending bytes started in */
    bool hs_protected;          /* ...and whether that record was protected */
};

/* The step under the cursor, or NULL when the handshake is done. */
const tls_step *engine_current(const tls_engine *e);

/* Set the sticky error with a one-line reason (printf-style). */
tls_err engine_fail(tls_engine *e, tls_err err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record a value this side knows now. */
void engine_value(tls_engine *e, const char *name, bool secret,
                  const uint8_t *p, size_t n, const char *text);

/* Master secret and key block, from pre_master and the randoms (both sides). */
tls_err engine_derive_keys(tls_engine *e);

/* verify_data for "client finished"/"server finished" over the transcript so far. */
tls_err engine_verify_data(tls_engine *e, const char *label, uint8_t out[12]);

/* Switch this side's writing to the negotiated keys (after sending CCS). */
void engine_activate_write(tls_engine *e);
/* Switch reading to the negotiated keys (after receiving CCS). */
void engine_activate_read(tls_engine *e);

/* A fixed value from the scenario, or fresh random bytes. */
tls_err engine_random(tls_engine *e, const uint8_t *fixed, bool has_fixed,
                      uint8_t *out, size_t n);

/* The hash the suite's PRF uses. */
tls_hash_alg engine_prf_hash(const tls_engine *e);

/* Map a SignatureAndHashAlgorithm we support to its hash; false if unsupported. */
bool engine_sig_hash(uint16_t sig_alg, tls_hash_alg *alg);

/* Digest of client_random ‖ server_random ‖ params: what the SKE signature covers. */
tls_err engine_ske_digest(tls_engine *e, tls_hash_alg alg, const uint8_t *params,
                          size_t params_len, uint8_t *digest);

/* Step handlers (the table's write/read functions). */
tls_err client_hello_write(tls_engine *e, tls_writer *w);
tls_err client_hello_read(tls_engine *e, tls_reader *r);
tls_err server_hello_write(tls_engine *e, tls_writer *w);
tls_err server_hello_read(tls_engine *e, tls_reader *r);
tls_err certificate_write(tls_engine *e, tls_writer *w);
tls_err certificate_read(tls_engine *e, tls_reader *r);
tls_err server_key_exchange_write(tls_engine *e, tls_writer *w);
tls_err server_key_exchange_read(tls_engine *e, tls_reader *r);
tls_err server_hello_done_write(tls_engine *e, tls_writer *w);
tls_err server_hello_done_read(tls_engine *e, tls_reader *r);
tls_err client_key_exchange_write(tls_engine *e, tls_writer *w);
tls_err client_key_exchange_read(tls_engine *e, tls_reader *r);
tls_err change_cipher_spec_write(tls_engine *e, tls_writer *w);
tls_err change_cipher_spec_read(tls_engine *e, tls_reader *r);
tls_err finished_write(tls_engine *e, tls_writer *w);
tls_err finished_read(tls_engine *e, tls_reader *r);

#endif
