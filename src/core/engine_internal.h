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

/* DHE's state: 3 KiB that the other key exchanges need neither zero nor
 * wipe, so an engine gets it only when it needs it (engine_dhe.c). */
typedef struct engine_dh {
    uint8_t p[TLS_DH_MAX];          /* the group, as the server sent it */
    size_t p_len;
    uint8_t g[TLS_DH_MAX];
    size_t g_len;
    uint8_t priv[64];
    size_t priv_len;
    uint8_t pub[TLS_DH_MAX];
    size_t pub_len;
} engine_dh;

struct tls_engine {
    tls_party role;
    tls_party peer;
    const tls_engine_config *cfg;
    tls_rng *rng;
    tls_trace *trace;

    const tls_flow *flow;       /* the run's flow: the default until the suite is settled */
    bool flow_settled;          /* the hellos chose it; a message may still branch it */
    size_t cursor;              /* index into the flow; flow->n = done */
    int step;                   /* the step this engine is at: its events carry it */
    tls_err err;                /* first failure; sticks */
    int err_step;               /* the step this engine was at when it happened */
    char why[256];              /* why_text in English */
    tls_text *why_text;         /* the reason for err, made when it fails (NULL
                                   before, or if that allocation failed) */

    /* What the hellos settled. */
    const tls_suite *suite;
    tls_group group;
    uint16_t sig_alg;
    bool ems;
    bool etm;                   /* encrypt-then-MAC agreed (hellos; CBC suites only) */
    bool reneg_info;            /* the client signalled RFC 5746 support */
    uint8_t client_random[32];
    uint8_t server_random[32];

    /* Resumption (engine_resume.c). */
    bool resumed;               /* the hellos agreed on a session both hold */
    bool ticket_expected;       /* server: it sends NewSessionTicket; client: promised one */
    uint8_t offered_id[32];     /* client: the session ID its ClientHello carried */
    size_t offered_id_len;
    tls_session sess;           /* this connection's session, complete once done */

    /* The peer's certificate chain (the server's, or the client's when asked). */
    tls_x509 *peer_chain;
    uint16_t cv_sig_alg;        /* the client's CertificateVerify signature algorithm */

    /* Key exchange. */
    uint8_t ecdhe_priv[TLS_ECDH_PRIV_MAX];
    size_t ecdhe_priv_len;
    uint8_t ecdhe_pub[TLS_ECDH_PUB_MAX];
    size_t ecdhe_pub_len;
    uint8_t peer_pub[TLS_DH_MAX];   /* the peer's ECDHE point or DH public value */
    size_t peer_pub_len;
    engine_dh *dh;                  /* DHE's group and key pair, made when a DHE
                                       key exchange starts (engine_dhe.c) */
    uint8_t pre_master[TLS_DH_MAX]; /* up to Z of the largest DH group */
    size_t pre_master_len;
    uint8_t master[48];
    tls_key_block kb;

    /* handshake_messages: every handshake message so far, in order. */
    tls_writer transcript;
    /* Its running hash with the PRF's hash, fed the first transcript_hashed
     * bytes (engine_transcript_hash): each side hashes its transcript once,
     * not once per Finished. */
    tls_hash_stream *transcript_hash;
    size_t transcript_hashed;

    /* Record layer. */
    tls_record_protect wprot;
    tls_record_protect rprot;
    tls_writer out;             /* records queued for the peer */
    tls_writer in;              /* received bytes not yet a whole record */
    tls_writer hs;              /* handshake bytes not yet a whole message */
    size_t hs_record;           /* trace index of the record the pending bytes started in */
    bool hs_protected;          /* ...and whether that record was protected */
    bool received_any;          /* the first bytes from the peer were checked for TLS */

    /* Counts that limits bound (engine.h). */
    unsigned warning_alerts;    /* warning alerts received, close_notify aside */
    unsigned hello_requests;    /* HelloRequests ignored during the handshake */
    unsigned empty_records;     /* empty application_data records in a row */
    size_t flight_records;      /* records received since this side last sent */

    /* After the handshake. */
    tls_writer app_in;          /* application data received, not yet consumed */
    size_t app_kept;            /* application data kept (and traced) so far */
    uint64_t app_dropped;       /* ...and received beyond app_data_keep: counted only */
    uint64_t app_dropped_records;
    bool close_sent;
    bool close_received;
};

/* Send the message \p name: \p n bytes of content \p type, queued as
 * records (split at 2^14), protected when the write keys are on; with
 * cfg->trace_sent, each record and then the message are traced
 * (engine_send.c). */
tls_err engine_send(tls_engine *e, const char *name, uint8_t type, const uint8_t *p,
                    size_t n);

/* Send an alert. */
void engine_queue_alert(tls_engine *e, uint8_t level, uint8_t desc);

/* Tag what follows with TLS_STEP_AFTER (no STEP event: application data
 * is not a message of the flow). */
void engine_enter_after(tls_engine *e);

/* This engine is at step \p step: its events carry it from now on. */
void engine_set_step(tls_engine *e, int step);

/* Whether the cursor has passed the flow's last message. */
bool engine_handshake_over(const tls_engine *e);

/* Whether every message the flow has left is \p who's (and one has been
 * exchanged): with who = this side, the peer has sent its whole part of
 * the handshake; with who = the peer, this side has. */
bool engine_rest_is(const tls_engine *e, tls_party who);

/* A received application_data record's plaintext (engine_appdata.c). */
void engine_app_data_received(tls_engine *e, const uint8_t *p, size_t n,
                              size_t rec_idx, size_t off, bool prot);

/* Whether a protected application_data record arriving now lies beyond
 * cfg->app_data_keep; if so, open it, count it and say nothing (true). */
bool engine_app_data_untraced(tls_engine *e, const tls_record *rec);

/* Count an empty application_data record (or reset the count); false when
 * that was one too many (the engine has failed). */
bool engine_app_data_empty_ok(tls_engine *e, size_t n);

/* The message under the cursor, or NULL when the handshake is done. */
const tls_msg_info *engine_current(const tls_engine *e);

/* The name of the key \p sender encrypts with, client_write_key or
 * server_write_key (the value catalogue's, for notes that name it). */
const char *engine_write_key_name(tls_party sender);
/* Likewise client_write_iv / server_write_iv. */
const char *engine_write_iv_name(tls_party sender);

/* What a receiver verified in a record of \p kind ("the Poly1305 tag"), and
 * how a sender protects one, as TLS_TERMs; NULL for AES-GCM, whose notes
 * keep their own sentences (engine_record.c). */
const char *engine_record_check(tls_record_kind kind);
const char *engine_record_how(tls_record_kind kind);

/* Fail on a received record that did not open (\p err: bad_record_mac or
 * record_overflow), saying why in the words of its protection. */
tls_err engine_record_rejected(tls_engine *e, tls_err err, uint8_t type);

/* Set the sticky error with a one-line reason: catalogue id \p id with
 * \p args (TLS_ARGS, or NULL). */
tls_err engine_fail(tls_engine *e, tls_err err, tls_text_id id, const tls_text_arg *args);

/* Record a value this side knows now, a note or a check: tagged with the
 * step this engine is at. */
void engine_value(tls_engine *e, tls_value_kind kind, const uint8_t *p, size_t n,
                  const char *text);
void engine_note(tls_engine *e, tls_text_id id, const tls_text_arg *args);
void engine_check(tls_engine *e, tls_text_id what, bool ok, tls_text_id detail,
                  const tls_text_arg *args);

/* Key schedule (engine_keys.c).  Master secret and key block, from
 * pre_master and the randoms (both sides). */
tls_err engine_derive_keys(tls_engine *e);
/* The key block alone, from e->master (a resumed session's, said so). */
tls_err engine_derive_key_block(tls_engine *e);

/* The hash of the transcript so far, with \p alg, into \p out. */
tls_err engine_transcript_hash(tls_engine *e, tls_hash_alg alg, uint8_t *out);

/* verify_data for "client finished"/"server finished" over the transcript so far. */
tls_err engine_verify_data(tls_engine *e, const char *label, uint8_t out[12]);

/* Switch this side's writing to the negotiated keys (after sending CCS). */
void engine_activate_write(tls_engine *e);
/* Switch reading to the negotiated keys (after receiving CCS). */
void engine_activate_read(tls_engine *e);

/* A fixed value from the scenario, or fresh random bytes. */
tls_err engine_random(tls_engine *e, const uint8_t *fixed, bool has_fixed,
                      uint8_t *out, size_t n);

/* The hash the suite's PRF uses (engine_keys.c). */
tls_hash_alg engine_prf_hash(const tls_engine *e);

/* Signature schemes (engine_sig.c).  The ones we offer (ClientHello,
 * CertificateRequest), in the table's order (tls_sigalgs_all); returns how
 * many (at most TLS_SIGALG_COUNT) were written to \p out. */
size_t engine_sigalgs(uint16_t *out);

/* The hash of a signature scheme we implement; false if we do not. */
bool engine_sig_hash(uint16_t sig_alg, tls_hash_alg *alg);

/* The key a signature scheme we implement signs with (TLS_KEY_NONE for
 * one we do not implement). */
tls_key_kind engine_sig_key(uint16_t sig_alg);

/* rsa_pss_rsae_* (RSASSA-PSS), as opposed to PKCS#1 v1.5 or ECDSA. */
bool engine_sig_is_pss(uint16_t sig_alg);

/* The first scheme in the peer's list \p offered that we implement and
 * a key of kind \p key can make; 0 when none. */
uint16_t engine_choose_sigalg(const uint16_t *offered, size_t n, tls_key_kind key);

/* Sign a digest with \p key as \p sig_alg says: PKCS#1 v1.5, PSS or
 * DER ECDSA; \p sig has room for tls_privkey_len bytes or
 * TLS_ECDSA_SIG_MAX.  TLS_ERR_INTERNAL when the key cannot. */
tls_err engine_sign(const tls_privkey *key, tls_rng *rng, uint16_t sig_alg,
                    const uint8_t *digest, uint8_t *sig, size_t *sig_len);

/* Verify a digitally-signed struct's signature with the leaf of \p chain:
 * PKCS#1 v1.5, PSS or DER ECDSA as \p sig_alg says, which must match the
 * leaf's key.  TLS_OK or TLS_ERR_DECRYPT_ERROR. */
tls_err engine_verify_sig(const tls_x509 *chain, uint16_t sig_alg, tls_hash_alg alg,
                          const uint8_t *digest, const uint8_t *sig, size_t sig_len);

/* The suites / groups this side works with, preferred first: the
 * configuration's, or everything we implement when it names none.  The
 * client offers them; the server chooses among them. */
size_t engine_suites(const tls_engine *e, uint16_t *out);
size_t engine_groups(const tls_engine *e, uint16_t *out);

/* Whether \p v is among the \p n values of \p list. */
bool engine_list_has(const uint16_t *list, size_t n, uint16_t v);

/* This side's ephemeral ECDHE key pair: the scenario's private scalar when
 * it fixes one (the public point is still computed), else a fresh one.
 * Emits <who>_ecdhe_private and <who>_ecdhe_public. */
tls_err engine_ecdhe_keypair(tls_engine *e, const uint8_t *fixed, size_t fixed_len,
                             bool has_fixed);

/* DHE (engine_dhe.c).  The group this run uses, as tls_dh_params. */
void engine_dh_params(const tls_engine *e, tls_dh_params *dh);
/* The server's group: RFC 7919 ffdhe2048. */
tls_err engine_dhe_server_group(tls_engine *e);
/* This side's private exponent and g^x mod p; emits <who>_dhe_private/_public. */
tls_err engine_dhe_keypair(tls_engine *e);
/* The client's checks on the server's p, g and Ys (size, ranges), each a
 * check event; keeps the group and Ys when they pass. */
tls_err engine_dhe_accept_server(tls_engine *e, const tls_server_key_exchange *ske);
/* Z = peer^x mod p; pre_master_secret = Z with its leading zero bytes
 * stripped (RFC 5246 §8.1.2), with a note saying how many there were.
 * \return TLS_ERR_ILLEGAL_PARAMETER when \p peer is out of range */
tls_err engine_dhe_pre_master(tls_engine *e, const uint8_t *peer, size_t peer_len);

/* Digest of client_random ‖ server_random ‖ params: what the SKE signature covers. */
tls_err engine_ske_digest(tls_engine *e, tls_hash_alg alg, const uint8_t *params,
                          size_t params_len, uint8_t *digest);

/* Message handlers (the catalogue's write/read functions). */
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
tls_err certificate_request_write(tls_engine *e, tls_writer *w);
tls_err certificate_request_read(tls_engine *e, tls_reader *r);
tls_err client_certificate_write(tls_engine *e, tls_writer *w);
tls_err client_certificate_read(tls_engine *e, tls_reader *r);
tls_err certificate_verify_write(tls_engine *e, tls_writer *w);
tls_err certificate_verify_read(tls_engine *e, tls_reader *r);

tls_err new_session_ticket_write(tls_engine *e, tls_writer *w);
tls_err new_session_ticket_read(tls_engine *e, tls_reader *r);

/* Resumption at the hellos (engine_resume.c).  The client offers its
 * session (by ID, or its ticket with an ID of its own); the server looks it
 * up or opens the ticket, and resumes or falls back to a full handshake,
 * giving a new session an ID; ServerHello carries the outcome; the client
 * reads it from the echoed ID and checks the session still fits. */
void engine_client_offer_session(tls_engine *e, tls_client_hello *ch);
tls_err engine_server_decide_resume(tls_engine *e, const tls_client_hello *ch);
void engine_server_hello_session(const tls_engine *e, tls_server_hello *sh);
tls_err engine_client_check_resumed(tls_engine *e, const tls_server_hello *sh);

/* The handshake is over: complete e->sess, and a server caches it by ID. */
void engine_session_done(tls_engine *e);

/* Keep the peer's certificates \p cm (at least one) as e->peer_chain and
 * record the leaf as value \p kind. */
tls_err engine_take_chain(tls_engine *e, const tls_certificate_msg *cm, tls_value_kind kind);

/* Check the peer's chain (e->peer_chain) against \p trust for \p host
 * (NULL: no name to match, a client certificate), one check event each,
 * after one per link of the path to the trusted root.  The leaf's key must
 * be of kind \p key (TLS_KEY_NONE: any kind tlssim can verify). */
tls_err engine_check_chain(tls_engine *e, const tls_x509 *trust, const char *host,
                           tls_key_kind key);

#endif
