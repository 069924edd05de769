/**
 * \file sim.h
 * \brief The in-process simulation: a client engine and a server engine that
 *        only talk through a visible channel, pumped step by step.
 *
 * "Pause at step N" is "run until message N has crossed": tls_sim_step runs
 * exactly one step of the table.  Everything learned is appended to the
 * trace given at creation; front ends render that trace.
 */
#ifndef TLSSIM_SIM_H
#define TLSSIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/session.h"
#include "tlssim/suites.h"

/** \brief Values a scenario file can fix instead of drawing them at random. */
typedef struct tls_scenario {
    bool has_client_random, has_server_random;
    uint8_t client_random[32];
    uint8_t server_random[32];
    bool has_client_ecdhe_private, has_server_ecdhe_private;
    uint8_t client_ecdhe_private[48];
    size_t client_ecdhe_private_len;
    uint8_t server_ecdhe_private[48];
    size_t server_ecdhe_private_len;
    int client_ecdhe_private_line;   /**< where each scalar was given (for */
    int server_ecdhe_private_line;   /**< tls_scenario_check_group's message) */
    bool has_pre_master_random;      /**< RSA: the 46 random bytes of the pre-master */
    uint8_t pre_master_random[46];
} tls_scenario;

/**
 * \brief Parse a scenario file (format in the README: `name = hex` lines,
 *        `#` comments).
 * \param path   file to read
 * \param sc     filled on success
 * \param err    receives the problem on failure, "FILE:LINE: problem" as a
 *               catalogue text
 * \return true on success
 */
bool tls_scenario_load(const char *path, tls_scenario *sc, tls_text *err);

/**
 * \brief Whether the ECDHE private scalars of a loaded scenario are ones
 *        \p group can use (its size; for NIST curves, 1 to the order minus
 *        1).  The group is known only once every option is read, so this is
 *        the second half of reading the file: a scalar that would fail in
 *        the middle of the run fails here, at its line.
 * \param path  the file it was loaded from (for the message)
 * \param err   receives "FILE:LINE: problem" on failure
 */
bool tls_scenario_check_group(const tls_scenario *sc, const char *path, tls_group group,
                              tls_text *err);

/** \brief A byte to corrupt as it crosses the channel (tests, demos of alerts). */
typedef struct tls_tamper {
    bool enabled;
    size_t record;          /**< index of the record in the channel (0 = first) */
    size_t offset;          /**< byte within that record's wire bytes */
    uint8_t xor_mask;       /**< what to XOR into it */
} tls_tamper;

/**
 * \brief Someone on the channel (the attack lab's attacker, tlssim/attack.h):
 *        every record that crosses passes through \p carry, and what it
 *        writes to \p out goes on in the record's place: the same bytes,
 *        changed ones, nothing, or more.  The eavesdropper sees what goes on.
 */
typedef struct tls_channel_tap {
    void (*carry)(void *ctx, tls_party sender, int step, const uint8_t *rec, size_t len,
                  tls_writer *out);
    void *ctx;
} tls_channel_tap;

/** \brief The server's policy on client certificates (--client-auth). */
typedef enum tls_client_auth {
    TLS_CLIENT_AUTH_OFF,        /**< no CertificateRequest */
    TLS_CLIENT_AUTH_REQUEST,    /**< ask; go on without one (RFC 5246 §7.4.6 "MAY") */
    TLS_CLIENT_AUTH_REQUIRE     /**< ask; an empty answer is handshake_failure */
} tls_client_auth;

/** \brief Everything that shapes a run. */
typedef struct tls_sim_config {
    tls_kx kx;                      /**< key exchange the server is set up for */
    const tls_suite *suite;         /**< the suite the server accepts; NULL = default for
                                         kx and server_cert */
    const tls_suite *also_suite;    /**< a second suite it accepts, after the first (a
                                         weak one kept "for compatibility": the
                                         attack lab's downgrade), or NULL */
    tls_key_kind server_cert;       /**< the demo server certificate (--server-cert):
                                         RSA or ECDSA P-256, both issued by the demo
                                         intermediate; the demo client's certificate
                                         is of the same kind.  A suite, when set,
                                         decides instead (suite->auth) */
    tls_group group;                /**< the group the server picks (ECDHE) */
    bool seeded;                    /**< use \p seed instead of real entropy */
    uint64_t seed;
    const tls_scenario *scenario;   /**< fixed values, or NULL */
    const char *server_name;        /**< SNI and the name checked; NULL = demo host */
    const struct tls_x509 *client_trust; /**< the client's trust anchors; NULL = the
                                         demo root (the attack lab adds its CA,
                                         as a company installs its proxy's) */
    bool ems;                       /**< offer/accept the extended master secret */
    bool no_etm;                    /**< do not offer/accept encrypt-then-MAC (to
                                         show a CBC suite's MAC-then-encrypt) */
    tls_tamper tamper;
    tls_client_auth client_auth;    /**< the server's policy on client certificates */
    bool client_no_cert;            /**< the client has no certificate to present
                                         (else it has the demo client's) */
    tls_resume_mode resume;         /**< off; or two connections, the second
                                         resuming the first's session by ID or
                                         by ticket (the steps of both in one flow,
                                         tls_flow_join) */
    const tls_suite *resume_suite;  /**< the suite the server accepts for the second
                                         connection; NULL: the same as the first
                                         (another one: it cannot resume) */
    tls_channel_tap tap;            /**< an attacker on the channel (carry NULL: none) */
    bool false_start;               /**< the client sends its request right after its
                                         own Finished when the key exchange allows
                                         it (tls_engine_write_false_start), not
                                         after the server's */
    bool split_response;            /**< the server writes its page's head and body
                                         as two records (the attack lab cuts
                                         between them) */
    bool app_data;                  /**< after step 10, one more step
                                         (TLS_STEP_AFTER): an HTTP GET, the
                                         server's page, and close_notify both ways */
} tls_sim_config;

/** \brief The defaults: ECDHE, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, secp256r1,
 *         the ten handshake steps only (the program turns app_data on). */
void tls_sim_config_default(tls_sim_config *cfg);

/** \brief How a run ended. */
typedef struct tls_sim_result {
    bool done;              /**< no more steps to run */
    bool ok;                /**< both Finished verified (and, with app_data,
                                 the request, page and close_notify crossed) */
    int failed_step;        /**< step where it failed (0 if ok) */
    tls_party failed_party; /**< the side that detected the failure */
    tls_err err;            /**< its error */
    char why[256];          /**< one line: what went wrong (English: why_text rendered) */
    tls_text why_text;      /**< the same as a catalogue id with its arguments */
    const struct tls_flow *flow; /**< the flow the run followed (the default one
                                      when it ended before ServerHello); use
                                      tls_sim_result_flow, which never gives NULL */
    size_t records;         /**< records that crossed the channel (in-process) */
    size_t tamper_record_len; /**< wire bytes of the record cfg.tamper named, 0
                                   when it never crossed: with records, whether
                                   the tamper changed anything at all */
} tls_sim_result;

/** \brief A run that could not even start (out of memory, the demo PKI):
 *         done, internal_error, "setup failed".  \return TLS_ERR_INTERNAL */
tls_err tls_sim_result_setup_failed(tls_sim_result *res);

/** \brief The flow of a run's result: its own, or the default when unset. */
const struct tls_flow *tls_sim_result_flow(const tls_sim_result *res);

/** \brief An in-process run. */
typedef struct tls_sim tls_sim;

struct tls_engine_config;
/**
 * \brief The engine configurations a run of \p cfg gives its client and
 *        server, without a run: for a driver that adds engines of its own
 *        set up like them (the attack lab's attacker, posing as each side).
 *        The server's session store is not part of it (NULL).
 * \return false when the demo PKI does not load
 */
bool tls_sim_engine_configs(const tls_sim_config *cfg, struct tls_engine_config *client,
                            struct tls_engine_config *server);

/**
 * \brief Set up a client, a server and an empty channel.
 * \param cfg    configuration (copied)
 * \param trace  where events go; must outlive the sim
 * \return the sim, or NULL when out of memory or the demo PKI fails to load
 */
tls_sim *tls_sim_new(const tls_sim_config *cfg, tls_trace *trace);

/**
 * \brief Run the next step: its sender writes, the record(s) cross the
 *        channel, the receiver reads.  Skipped steps are recorded as such.
 *        With app_data, the step after 10 is TLS_STEP_AFTER: the client's
 *        GET, the server's page and close_notify, then the run is done.
 * \return TLS_OK while the handshake goes on; the error once it failed
 */
tls_err tls_sim_step(tls_sim *sim);

/** \brief Run every remaining step. */
tls_err tls_sim_run_all(tls_sim *sim);

/** \brief The step last run (0 before the first). */
int tls_sim_current_step(const tls_sim *sim);

/** \brief The outcome so far. */
const tls_sim_result *tls_sim_result_get(const tls_sim *sim);

/** \brief Wipe every secret and free. */
void tls_sim_free(tls_sim *sim);

/**
 * \brief Convenience: configure, run everything, free.
 * \return the result's error (TLS_OK when both Finished verified)
 */
tls_err tls_sim_run(const tls_sim_config *cfg, tls_trace *trace, tls_sim_result *res);

/*
 * The demo's application data, shared by the in-process run and live mode.
 */

/**
 * \brief An HTTP/1.1 GET for "/" naming \p host, with "Connection: close":
 *        one request, then the server ends the connection.
 * \param w  receives the request bytes
 */
tls_err tls_demo_http_request(const char *host, tls_writer *w);

/**
 * \brief The demo server's answer: HTTP/1.1 200 with Content-Length and a
 *        small HTML page naming \p host.
 */
tls_err tls_demo_http_response(const char *host, tls_writer *w);

/** \brief Whether \p p holds a whole HTTP request head (up to the blank line). */
bool tls_demo_http_request_complete(const uint8_t *p, size_t n);

/**
 * \brief Whether \p p holds a whole HTTP response: the head and, when it
 *        has a Content-Length, that many bytes of body.  Without one, the
 *        response ends only when the connection does (false here).
 */
bool tls_demo_http_response_complete(const uint8_t *p, size_t n);

/** \brief The longest HTTP head (request or status line and headers) read. */
#define TLS_HTTP_MAX_HEAD 16384

/** \brief Where an HTTP message being received stands. */
typedef enum tls_http_state {
    TLS_HTTP_PARTIAL,       /**< more is needed */
    TLS_HTTP_COMPLETE,      /**< the head, and the body Content-Length announced */
    TLS_HTTP_HEAD_TOO_LONG  /**< no blank line in the first TLS_HTTP_MAX_HEAD bytes */
} tls_http_state;

/** \brief An HTTP message read as it arrives: each byte of the head is
 *         searched once, however many reads it takes (zero-initialise). */
typedef struct tls_http_scan {
    size_t scanned;         /**< head bytes already searched for the blank line */
    size_t head;            /**< the head's length once found, else 0 */
    long length;            /**< its Content-Length, -1 when it has none */
} tls_http_scan;

/**
 * \brief Look at what has arrived of one HTTP message.
 * \param p, n      the message's bytes kept so far, from its start
 * \param total     bytes received for it, kept or only counted (>= n)
 * \param response  a response (complete once its Content-Length body is
 *                  there; without one only the connection's end ends it);
 *                  otherwise a request (complete at its blank line)
 */
tls_http_state tls_http_scan_update(tls_http_scan *s, const uint8_t *p, size_t n,
                                    uint64_t total, bool response);

/**
 * \brief Length of the first line of an HTTP message (printable bytes, at
 *        most 80), for a one-line note such as "GET / HTTP/1.1".
 */
int tls_demo_http_first_line(const uint8_t *p, size_t n);

#endif
