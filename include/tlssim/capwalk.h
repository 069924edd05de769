/**
 * \file capwalk.h
 * \brief One connection of a capture, replayed as a run: the capture
 *        driver (src/capture/cap_walk*.c).
 *
 * The driver streams the capture (tls_cap_read), picks one TCP connection
 * and follows its TLS both ways with the engines' own parsers: each record
 * as it crossed (which frames carried it), each message dissected by the
 * msg_*.c parser the engines read it with, the steps of the flow the
 * connection actually followed, the eavesdropper's view (tls_eavesdropper
 * fed the same bytes), and with key material (a key log, or the server's
 * RSA key) the master secret, the key block, both Finished decrypted and
 * checked, and the application data decrypted.  It appends the same events
 * a simulated run does, so every front end renders it unchanged.
 *
 * The client's and server's columns hold what the capture proves each side
 * sent or received (values marked inferred: read from the wire, not from a
 * memory), and what the key material lets us compute, which both sides
 * must hold once their Finished verify.
 */
#ifndef TLSSIM_CAPWALK_H
#define TLSSIM_CAPWALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/capture.h"
#include "tlssim/event.h"
#include "tlssim/sim.h"
#include "tlssim/suites.h"

/** \brief Which connection to follow, with what. */
typedef struct tls_cap_walk_config {
    const char *path;             /**< the pcap or pcapng file */
    unsigned conn;                /**< its number (tls_cap_conn.id); 0: the first TLS one */
    const tls_keylog *keys;       /**< an NSS key log, or NULL */
    const tls_privkey *server_key;/**< the server's private key (RSA key exchange), or NULL */
    size_t app_data_keep;         /**< application data shown per direction; the rest is
                                       counted (0: TLS_APP_DATA_KEEP_DEFAULT) */
} tls_cap_walk_config;

/** \brief Where the secrets came from. */
typedef enum tls_cap_walk_secret {
    TLS_CAP_SECRET_NONE = 0,      /**< no key material given: the eavesdropper's view */
    TLS_CAP_SECRET_KEYLOG,        /**< the key log's master secret */
    TLS_CAP_SECRET_SERVER_KEY,    /**< the pre-master decrypted with the server's key */
    TLS_CAP_SECRET_NO_LINE,       /**< a key log without this connection's line */
    TLS_CAP_SECRET_FORWARD,       /**< only the server's key, and (EC)DHE: forward secrecy */
    TLS_CAP_SECRET_WRONG_KEY,     /**< the server's key does not decrypt the pre-master */
    TLS_CAP_SECRET_SUITE_UNKNOWN, /**< key material given, for a suite tlssim does not implement */
    TLS_CAP_SECRET_SESSION,       /**< resumed: the session's master secret, from the
                                       earlier connection that made it (session_conn) */
    TLS_CAP_SECRET_SESSION_OUTSIDE /**< resumed, and no connection of the capture gave the
                                       session's master secret: made outside it */
} tls_cap_walk_secret;

/** \brief How finding the connection went. */
typedef enum tls_cap_walk_status {
    TLS_CAP_WALK_OK = 0,
    TLS_CAP_WALK_UNREADABLE,      /**< the capture cannot be read (info.read_status says how) */
    TLS_CAP_WALK_NO_TLS,          /**< no TLS connection in it */
    TLS_CAP_WALK_NO_CONN,         /**< --conn names no connection of it */
    TLS_CAP_WALK_CONN_NOT_TLS,    /**< --conn names a connection that does not speak TLS */
    TLS_CAP_WALK_NOT_TLS12        /**< the connection negotiated another version */
} tls_cap_walk_status;

/** \brief The capture's connection, as the run's description shows it. */
typedef struct tls_cap_walk_info {
    tls_cap_status read_status;   /**< the read (TLS_CAP_OK unless UNREADABLE) */
    char detail[256];             /**< libpcap's words when it failed */
    tls_cap_stats stats;          /**< frames, TCP segments, connections */
    unsigned conn;                /**< the connection followed */
    unsigned tls_conns;           /**< TLS connections in the capture */
    tls_cap_addr client, server;
    uint64_t first_frame, last_frame;
    char server_name[TLS_MAX_HOSTNAME + 1]; /**< SNI as sent (escape before printing) */
    uint16_t version;             /**< ServerHello.server_version (0: none seen) */
    uint16_t suite_id;            /**< ServerHello.cipher_suite */
    const tls_suite *suite;       /**< it, when tlssim implements it */
    bool ems, etm, resumed;
    tls_cap_walk_secret secret;
    unsigned session_conn;        /**< TLS_CAP_SECRET_SESSION: the connection it came from */
    tls_cap_finished finished[2]; /**< per direction */
    uint64_t records[2];          /**< per direction */
    uint64_t app_bytes[2];        /**< application data bytes per direction (decrypted or not) */
} tls_cap_walk_info;

/**
 * \brief Find the connection \p cfg names (a first pass over the capture):
 *        fills \p info's capture and connection fields.
 */
tls_cap_walk_status tls_cap_walk_find(const tls_cap_walk_config *cfg, tls_cap_walk_info *info);

/**
 * \brief Follow the connection (tls_cap_walk_find first, then a second
 *        pass), appending its events to \p trace.
 * \param res  ok when the handshake is all in the capture and, with keys,
 *             both Finished verify; else the step where it could not be
 *             followed and why
 * \return TLS_OK, or the error stored in \p res
 */
tls_err tls_cap_walk(const tls_cap_walk_config *cfg, tls_trace *trace, tls_sim_result *res,
                     tls_cap_walk_info *info);

#endif
