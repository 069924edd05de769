/**
 * \file live.h
 * \brief Live mode: one simulated engine talks TLS 1.2 over a real TCP
 *        socket with a real peer (OpenSSL, curl, a browser), and the run is
 *        traced like an in-process one, so every front end can step
 *        through it.
 *
 * The driver pumps a single tls_engine (tls_engine_write_step /
 * tls_engine_output / tls_engine_feed) through the socket, and an
 * eavesdropper watches the same bytes.  Only this side's secrets are known:
 * the trace has events for this side and the wire, none for the peer.
 *
 * After the handshake comes one HTTP exchange, as in the in-process run:
 * --connect sends a GET for "/" and reads the answer; --listen reads a
 * request and answers the demo page.  Then close_notify both ways.
 *
 * With resumption the run has two connections, traced as one run of two
 * handshakes (tls_flow_join, tls_trace_begin_connection): the second
 * offers (or, listening, may resume) the first's session, and a peer that
 * declines makes it a full handshake, shown as such.
 *
 * Every wait on the socket is bounded: a silent peer is an error
 * (TLS_ERR_TIMEOUT), as is a peer that closes early or speaks another
 * protocol; the result says so in one line.
 */
#ifndef TLSSIM_LIVE_H
#define TLSSIM_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tlssim/crypto.h"
#include "tlssim/event.h"
#include "tlssim/session.h"
#include "tlssim/sim.h"
#include "tlssim/suites.h"

/** \brief Which side of the connection tlssim plays. */
typedef enum tls_live_role {
    TLS_LIVE_CONNECT,   /**< tlssim is the client */
    TLS_LIVE_LISTEN     /**< tlssim is the server (accepts one client) */
} tls_live_role;

/** \brief Default seconds a socket wait may take. */
#define TLS_LIVE_TIMEOUT_DEFAULT 10.0
/** \brief Default seconds --listen waits for a client to connect. */
#define TLS_LIVE_ACCEPT_TIMEOUT_DEFAULT 60.0

/** \brief Everything a live run needs (strings not owned). */
typedef struct tls_live_config {
    tls_live_role role;
    const char *host;           /**< connect: the server's name or address;
                                     listen: the address to bind (NULL: 127.0.0.1) */
    const char *port;           /**< the port ("0" with listen: any free port) */
    const char *sni;            /**< connect: the server_name sent and checked; NULL:
                                     the host, or the demo host when the host is
                                     an IP address (RFC 6066 forbids those in SNI) */
    const char *ca_file;        /**< connect: PEM trust anchors; listen: the CAs a
                                     client certificate must chain to; NULL: the demo CA */
    tls_client_auth client_auth; /**< listen: ask for a client certificate */
    tls_key_kind server_cert;   /**< listen: the demo certificate to present (RSA when
                                     TLS_KEY_NONE); only suites it can serve are chosen */
    const char *client_cert_file; /**< connect: the PEM certificate (chain) to present
                                     when asked, or NULL: an empty Certificate */
    const char *client_key_file;  /**< connect: its PEM private key */
    const tls_suite *suites[TLS_SUITE_COUNT]; /**< connect: offer only these; listen: accept only
                                     these, preferred first; none: all */
    size_t nsuites;
    tls_group groups[TLS_GROUP_COUNT];      /**< as suites, for ECDHE groups */
    size_t ngroups;
    bool ems;                   /**< offer / accept the extended master secret */
    bool no_etm;                /**< do not offer / accept encrypt-then-MAC */
    double timeout;             /**< seconds the run may take from the connection on,
                                     handshake and exchange together (> 0); a peer
                                     that trickles bytes ends with TLS_ERR_TIMEOUT */
    size_t app_data_keep;       /**< received application data kept and shown; the rest
                                     is decrypted and counted (0: TLS_APP_DATA_KEEP_DEFAULT) */
    double accept_timeout;      /**< listen: seconds to wait for the client (> 0) */
    FILE *status;               /**< one-line progress ("listening on ..."), or NULL */
    tls_resume_mode resume;     /**< not off: two connections, the second resuming the
                                     first's session (connect: to the same server, offering
                                     its session ID or ticket; listen: two clients one after
                                     the other, the cache and ticket key kept between them) */
} tls_live_config;

/** \brief Defaults: connect, every suite and group, EMS on, the default timeouts. */
void tls_live_config_default(tls_live_config *cfg);

/** \brief What the live run settled, beyond the trace and the result. */
typedef struct tls_live_info {
    char local[128];            /**< "127.0.0.1:51234" */
    char peer[128];             /**< "127.0.0.1:4433" */
    char server_name[256];      /**< connect: the SNI used; listen: the one received */
    const tls_suite *suite;     /**< negotiated, or NULL */
    bool ems;                   /**< the extended master secret was used */
    bool etm;                   /**< encrypt-then-MAC protected the records (CBC) */
    size_t app_sent;            /**< application data bytes sent */
    size_t app_received;        /**< application data bytes received */
} tls_live_info;

/**
 * \brief Connect (or accept), do the handshake, one HTTP exchange and
 *        close_notify, appending everything to \p trace (twice with
 *        cfg->resume, \p info then about the second connection).
 * \param cfg    configuration
 * \param trace  where events go
 * \param res    the outcome: ok, or the step, side, error and one-line reason
 *               (failed_step 0 when no TCP connection was made)
 * \param info   filled with addresses and what was negotiated (may be NULL)
 * \return TLS_OK on success, else the error also stored in \p res
 */
tls_err tls_live_run(const tls_live_config *cfg, tls_trace *trace, tls_sim_result *res,
                     tls_live_info *info);

/**
 * \brief Split "HOST:PORT", "[V6ADDR]:PORT" or (when \p port_only is true)
 *        a bare "PORT".
 * \param host  receives the host ("" for a bare port)
 * \param port  receives the port (decimal, 0..65535)
 * \return true when the text has that form
 */
bool tls_live_parse_endpoint(const char *text, bool port_only, char *host, size_t host_len,
                             char *port, size_t port_len);

#endif
