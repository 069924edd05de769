/**
 * \file engine.h
 * \brief A TLS 1.2 client or server as a state machine without I/O: it is
 *        fed bytes and asked for bytes, and it appends what it learns to a
 *        trace.  The in-process simulation pumps two of these through a
 *        visible channel; live mode pumps one through a socket.
 *
 * Each engine keeps a cursor into its run's flow (handshake.h): when the
 * message under the cursor is its own to send, tls_engine_write_step
 * produces it; otherwise it waits for that message in tls_engine_feed.  The
 * engine tags its own events with the step it is at; announcing steps is
 * the driver's job.  The first failure sticks: the engine queues the alert
 * for it, remembers the step it was at, and accepts nothing more.
 */
#ifndef TLSSIM_ENGINE_H
#define TLSSIM_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/crypto.h"
#include "tlssim/event.h"
#include "tlssim/session.h"
#include "tlssim/sim.h"
#include "tlssim/suites.h"

/*
 * Limits on what a peer controls.  Each ends the run with the alert named
 * and one line saying which limit it was.
 */
/** \brief Warning alerts (other than close_notify) accepted in a connection;
 *         one more is unexpected_message (OpenSSL: MAX_WARN_ALERT_COUNT 5). */
#define TLS_MAX_WARNING_ALERTS 4
/** \brief Empty application_data records accepted in a row (they are legal:
 *         CBC stacks send them); one more is unexpected_message (OpenSSL:
 *         MAX_EMPTY_RECORDS). */
#define TLS_MAX_EMPTY_RECORDS 32
/** \brief Records one flight of the handshake may take: enough for the
 *         largest hello (64 KiB) in one-byte records; one more is
 *         unexpected_message. */
#define TLS_MAX_FLIGHT_RECORDS 70000
/** \brief HelloRequests a client ignores during the handshake (RFC 5246
 *         §7.4.1.1); one more is unexpected_message.  Every other
 *         handshake message of a flight is one the flow expects there, so
 *         this also bounds the handshake messages per flight: the flow's,
 *         plus at most this many ignored ones. */
#define TLS_MAX_HELLO_REQUESTS 4
/** \brief Received application data kept by default (tls_engine_config.app_data_keep). */
#define TLS_APP_DATA_KEEP_DEFAULT (256u * 1024u)

/** \brief What an engine is set up with (not owned by the engine). */
typedef struct tls_engine_config {
    /* client */
    const char *server_name;        /**< SNI and the name the certificate must match */
    const tls_x509 *trust;          /**< trust anchors */
    /* both: what the client offers / the server accepts, preferred first;
     * an empty list means every suite (group) tlssim implements */
    const tls_suite *suites[TLS_SUITE_COUNT];
    size_t nsuites;
    tls_group groups[TLS_GROUP_COUNT];
    size_t ngroups;
    /* server */
    const tls_x509 *chain;          /**< certificate chain to send */
    const tls_privkey *key;         /**< its private key */
    tls_client_auth client_auth;    /**< whether to ask for a client certificate */
    const tls_x509 *client_trust;   /**< the CAs a client certificate must chain to
                                         (named in CertificateRequest) */
    /* client */
    const tls_x509 *client_chain;   /**< the certificate to present when asked, or NULL */
    const tls_privkey *client_key;  /**< its private key */
    /* both */
    bool ems;                       /**< offer (client) / accept (server) extended master secret */
    bool no_etm;                    /**< do not offer (client) / accept (server)
                                         encrypt-then-MAC (RFC 7366); by default
                                         both do, and it changes CBC suites only */
    const tls_scenario *scenario;   /**< fixed values, or NULL */
    bool trace_sent;                /**< trace the records and messages this engine
                                         sends (by_sender events), as it knows them:
                                         for a peer that traces nothing, a real TLS
                                         stack.  Off when the peer is an engine on
                                         the same trace, which traces them on receipt */
    size_t app_data_keep;           /**< received application data kept: traced record
                                         by record and buffered for tls_engine_app_data.
                                         Records beyond it are decrypted and counted
                                         only (tls_engine_app_data_dropped), so memory
                                         and output stay bounded whatever the peer
                                         sends.  0: TLS_APP_DATA_KEEP_DEFAULT */
    /* resumption (session.h) */
    tls_resume_mode resume;         /**< client: ticket asks for one (an empty
                                         SessionTicket extension); with \p session,
                                         offers that session by ID or by ticket */
    const tls_session *session;     /**< client: the session to resume, or NULL */
    tls_session_store *sessions;    /**< server: its cache and ticket key, kept by the
                                         driver across connections; NULL: this server
                                         neither gives session IDs nor tickets */
    /* client */
    bool offer_renegotiation_info;  /**< signal secure renegotiation (RFC 5746) as
                                         real clients do, so servers answer it; off,
                                         the ClientHello stays short */
} tls_engine_config;

/** \brief A client or server engine. */
typedef struct tls_engine tls_engine;

/**
 * \brief A fresh engine.
 * \param role   TLS_PARTY_CLIENT or TLS_PARTY_SERVER
 * \param cfg    configuration; must outlive the engine
 * \param rng    randomness; must outlive the engine
 * \param trace  where events go; must outlive the engine
 */
tls_engine *tls_engine_new(tls_party role, const tls_engine_config *cfg,
                           tls_rng *rng, tls_trace *trace);

/** \brief Wipe every secret and free (NULL is fine). */
void tls_engine_free(tls_engine *e);

/**
 * \brief Step number (1..n of its flow) under the cursor: the message it
 *        sends or waits for next; TLS_STEP_AFTER when the handshake is done.
 */
int tls_engine_step(const tls_engine *e);

/**
 * \brief The step this engine is at (the message it last wrote or began to
 *        read; TLS_STEP_AFTER after the handshake; 0 before it began).
 */
int tls_engine_at(const tls_engine *e);

/**
 * \brief The flow this engine walks: the run's, once the hellos settled the
 *        suite; before that the default (every flow agrees up to there).
 */
const struct tls_flow *tls_engine_flow(const tls_engine *e);

/** \brief Whether the step under the cursor is this engine's to send. */
bool tls_engine_my_turn(const tls_engine *e);

/**
 * \brief Produce the message of the step under the cursor (when it is this
 *        engine's turn), queue its record(s), and advance.
 * \return TLS_OK or the (sticky) error; on error an alert is queued instead
 */
tls_err tls_engine_write_step(tls_engine *e);

/**
 * \brief Give the engine bytes that arrived from the peer; it processes
 *        every complete record and message in them.
 * \return TLS_OK or the (sticky) error
 */
tls_err tls_engine_feed(tls_engine *e, const uint8_t *p, size_t n);

/**
 * \brief The peer will send nothing more: a partial record or message is
 *        now an error (decode_error), and missing steps unexpected.
 */
tls_err tls_engine_eof(tls_engine *e);

/**
 * \brief Bytes queued for the peer.  They stay queued until
 *        tls_engine_output_consume is called.
 */
const uint8_t *tls_engine_output(const tls_engine *e, size_t *n);

/** \brief Drop \p n bytes from the front of the output queue. */
void tls_engine_output_consume(tls_engine *e, size_t n);

/** \brief The sticky error (TLS_OK while all is well). */
tls_err tls_engine_error(const tls_engine *e);

/**
 * \brief The step (1..n, TLS_STEP_AFTER, 0 before the first) during which
 *        this engine detected its error, or received the peer's fatal alert;
 *        meaningless while all is well.
 */
int tls_engine_error_step(const tls_engine *e);

/** \brief One line on what went wrong ("" while all is well), in English. */
const char *tls_engine_why(const tls_engine *e);

/** \brief What went wrong as a catalogue id with its arguments (TLS_TEXT_NONE while all is well). */
const tls_text *tls_engine_why_text(const tls_engine *e);

/** \brief Whether both Finished messages have been exchanged and verified. */
bool tls_engine_done(const tls_engine *e);

/** \brief The negotiated suite, or NULL before ServerHello. */
const tls_suite *tls_engine_suite(const tls_engine *e);

/** \brief Whether the extended master secret (RFC 7627) was negotiated. */
bool tls_engine_ems(const tls_engine *e);
/** \brief Whether encrypt-then-MAC (RFC 7366) protects this connection's
 *         records (negotiated, and a CBC suite). */
bool tls_engine_etm(const tls_engine *e);

/** \brief Whether this handshake resumed a session (the abbreviated one). */
bool tls_engine_resumed(const tls_engine *e);

/**
 * \brief The session this connection leaves to resume (its ID or the
 *        client's ticket, the suite, the master secret) once the handshake
 *        is done; NULL before.  Valid while the engine lives.
 */
const tls_session *tls_engine_session(const tls_engine *e);

/*
 * After the handshake (events tagged TLS_STEP_AFTER): application data in
 * protected records, and close_notify.  Received application data collects
 * in a buffer until taken with tls_engine_app_data_consume.
 */

/**
 * \brief Queue \p n bytes of application data (split into records of at
 *        most 2^14 bytes), once the handshake is done.  \p n = 0 sends one
 *        empty record, as CBC stacks do (RFC 5246 §6.2.1 allows them).
 * \return TLS_OK; the sticky error; or TLS_ERR_INTERNAL, without changing
 *         the engine, when the handshake is not done or close_notify was sent
 */
tls_err tls_engine_write_app_data(tls_engine *e, const uint8_t *p, size_t n);

/**
 * \brief False Start (RFC 7918): a client queues application data right
 *        after its own Finished, before the server's has arrived.  Only
 *        with a forward-secret key exchange ((EC)DHE): with RSA key
 *        exchange it says that it waits, and sends nothing.  The server
 *        reads such data after its own Finished (a peer that has sent its
 *        whole part of the handshake may send application data).
 * \return TLS_OK; the sticky error; TLS_ERR_INSUFFICIENT_SECURITY when the
 *         key exchange is RSA (the client waits); TLS_ERR_INTERNAL when it
 *         is not the moment (not a client, its Finished not yet sent, the
 *         handshake over).  Neither changes the engine's state.
 */
tls_err tls_engine_write_false_start(tls_engine *e, const uint8_t *p, size_t n);

/**
 * \brief Application data received and not yet consumed.
 * \param n  set to the number of bytes
 */
const uint8_t *tls_engine_app_data(const tls_engine *e, size_t *n);

/** \brief Drop \p n bytes from the front of the received application data. */
void tls_engine_app_data_consume(tls_engine *e, size_t n);

/**
 * \brief Application data received beyond cfg->app_data_keep: decrypted,
 *        verified and counted, but neither kept nor traced.
 * \param records  set to the number of records it came in (may be NULL)
 * \return the number of bytes
 */
uint64_t tls_engine_app_data_dropped(const tls_engine *e, uint64_t *records);

/**
 * \brief Queue a close_notify alert: this side sends nothing more.
 * \return TLS_OK, or the sticky error
 */
tls_err tls_engine_close(tls_engine *e);

/** \brief Whether the peer has sent close_notify (after the handshake). */
bool tls_engine_close_received(const tls_engine *e);

#endif
