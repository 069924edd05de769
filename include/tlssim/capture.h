/**
 * \file capture.h
 * \brief Reading a packet capture (pcap or pcapng, through libpcap) into TCP
 *        byte streams: the capture library (src/capture, on top of core).
 *
 * A capture is streamed once, packet by packet: each TCP connection gets a
 * number in order of its first packet, each direction is reassembled on its
 * own (out-of-order, retransmitted and overlapping segments), and the bytes
 * go to the caller in stream order, each chunk with the frame that carried
 * it, so a reader can say which segments make up a record.  Nothing is kept
 * but segments waiting for a hole to fill, at most TLS_CAP_PENDING_MAX bytes
 * per direction: a 100 MB capture streams through in bounded memory.
 *
 * A hole that never fills (a lost segment the capture does not have, a
 * snapshot length that cut a packet) stops that direction: the reader is
 * told where (stream offset, the first frame after the hole), never handed
 * bytes that do not follow each other.
 *
 * Everything here is numbers and addresses; sentences are the front ends'.
 */
#ifndef TLSSIM_CAPTURE_H
#define TLSSIM_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/crypto.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"

/** \brief Bytes a direction may hold out of order before its hole counts as a gap. */
#define TLS_CAP_PENDING_MAX (4u * 1024u * 1024u)
/** \brief Connections followed at once; later ones are counted but not read. */
#define TLS_CAP_CONN_MAX 65536u

/** \brief Link layers read (libpcap's DLT_ values). */
typedef enum tls_cap_link {
    TLS_CAP_LINK_NULL = 0,        /**< BSD loopback, host-order family */
    TLS_CAP_LINK_ETHERNET = 1,
    TLS_CAP_LINK_RAW = 12,        /**< raw IP (DLT_RAW on Linux) */
    TLS_CAP_LINK_RAW_14 = 14,     /**< raw IP (DLT_RAW on OpenBSD) */
    TLS_CAP_LINK_LOOP = 108,      /**< OpenBSD loopback, network-order family */
    TLS_CAP_LINK_SLL = 113,       /**< Linux cooked v1 */
    TLS_CAP_LINK_IPV4 = 228,
    TLS_CAP_LINK_IPV6 = 229,
    TLS_CAP_LINK_SLL2 = 276       /**< Linux cooked v2 */
} tls_cap_link;

/** \brief One end of a connection. */
typedef struct tls_cap_addr {
    uint8_t family;               /**< 4 or 6 */
    uint8_t ip[16];               /**< IPv4 in the first 4 bytes */
    uint16_t port;
} tls_cap_addr;

/** \brief A TCP segment as found in one packet. */
typedef struct tls_cap_packet {
    tls_cap_addr src, dst;
    uint32_t seq;
    uint8_t flags;                /**< TCP flags byte (TLS_CAP_SYN, ...) */
    const uint8_t *payload;       /**< NULL when the capture cut the payload */
    size_t len;                   /**< payload bytes (0 when cut) */
    bool cut;                     /**< the snapshot length cut this payload */
} tls_cap_packet;

#define TLS_CAP_FIN 0x01
#define TLS_CAP_SYN 0x02
#define TLS_CAP_RST 0x04
#define TLS_CAP_ACK 0x10

/**
 * \brief Decode one captured frame down to TCP: link layer (with VLAN tags),
 *        IPv4 (not fragments) or IPv6 (extension headers, not fragments).
 * \param link     the capture's link type
 * \param p        captured bytes
 * \param caplen   bytes captured
 * \return true for a TCP segment (filled in \p out), false for anything else
 */
bool tls_cap_decode(int link, const uint8_t *p, size_t caplen, tls_cap_packet *out);

/** \brief Whether tls_cap_decode knows \p link. */
bool tls_cap_link_known(int link);

/** \brief Bytes waiting beyond a hole. */
typedef struct tls_cap_pending {
    struct tls_cap_pending *next;
    uint64_t off;                 /**< stream offset of data[0] */
    uint64_t frame;
    size_t len;
    uint8_t data[];
} tls_cap_pending;

/** \brief Bytes in stream order: \p n bytes at stream offset \p off, from \p frame. */
typedef void (*tls_cap_deliver_fn)(void *ctx, const uint8_t *p, size_t n,
                                   uint64_t off, uint64_t frame);

/** \brief One direction of a connection, being reassembled. */
typedef struct tls_cap_dir {
    bool started;                 /**< a segment (or SYN) fixed the initial sequence number */
    bool syn;                     /**< the stream started with a SYN seen in the capture */
    uint32_t isn;                 /**< sequence number of stream offset 0 */
    uint64_t next;                /**< stream offset of the next byte to deliver */
    tls_cap_pending *pending;     /**< sorted by offset */
    size_t pending_bytes;
    bool fin;                     /**< a FIN went by */
    uint64_t fin_off;             /**< stream offset of the FIN */
    uint64_t segments;            /**< segments with data */
    uint64_t repeated;            /**< of which carried only bytes already delivered */
    /* A gap: the direction stopped. */
    bool stopped;
    uint64_t gap_off;             /**< first missing byte */
    uint64_t gap_end;             /**< first byte captured after it (== gap_off if none) */
    uint64_t gap_frame;           /**< frame of that byte, 0 if none */
} tls_cap_dir;

/** \brief Start a direction (all zero). */
void tls_cap_dir_init(tls_cap_dir *d);

/** \brief Free the bytes a direction holds. */
void tls_cap_dir_free(tls_cap_dir *d);

/**
 * \brief A segment of this direction: deliver what now follows in order,
 *        keep what lies beyond a hole (stopping at a gap past the bound).
 */
void tls_cap_dir_segment(tls_cap_dir *d, const tls_cap_packet *seg, uint64_t frame,
                         tls_cap_deliver_fn deliver, void *ctx);

/** \brief The capture ended: a hole still open is a gap.  Returns d->stopped. */
bool tls_cap_dir_finish(tls_cap_dir *d);

/** \brief A TCP connection of the capture. */
typedef struct tls_cap_conn {
    unsigned id;                  /**< 1, 2, ... in order of first packet */
    tls_cap_addr end[2];          /**< [0] client (sent the SYN, else the first packet), [1] server */
    uint64_t first_frame, last_frame;
    tls_cap_dir dir[2];           /**< [0] client to server, [1] server to client */
    bool closed;                  /**< RST, or FIN both ways */
    bool ignore;                  /**< the reader wants none of it: nothing is kept */
    void *user;                   /**< the reader's state for this connection */
} tls_cap_conn;

/** \brief What a reader of the capture is told. */
typedef struct tls_cap_sink {
    void *ctx;
    /** A new connection (may set c->ignore and c->user); may be NULL. */
    void (*conn_new)(void *ctx, tls_cap_conn *c);
    /** Bytes of direction \p dir (0: client to server), in stream order. */
    void (*data)(void *ctx, tls_cap_conn *c, int dir, const uint8_t *p, size_t n,
                 uint64_t off, uint64_t frame);
    /** Direction \p dir stopped at a gap (c->dir[dir] says where); may be NULL. */
    void (*gap)(void *ctx, tls_cap_conn *c, int dir);
    /** The connection is over (closed, or the capture ended); may be NULL. */
    void (*conn_end)(void *ctx, tls_cap_conn *c);
} tls_cap_sink;

/** \brief How reading a capture went. */
typedef enum tls_cap_status {
    TLS_CAP_OK = 0,
    TLS_CAP_UNREADABLE,           /**< cannot open: missing, not a capture (detail: libpcap's words) */
    TLS_CAP_LINK_UNKNOWN,         /**< a link type tlssim does not decode */
    TLS_CAP_TRUNCATED,            /**< the file ends inside a packet (all before it was read) */
    TLS_CAP_NO_MEMORY
} tls_cap_status;

/** \brief Totals of a read. */
typedef struct tls_cap_stats {
    uint64_t frames;              /**< packets in the file */
    uint64_t tcp;                 /**< of which TCP segments */
    unsigned conns;               /**< connections seen */
    unsigned conns_dropped;       /**< beyond TLS_CAP_CONN_MAX, not followed */
    int link;                     /**< link type */
} tls_cap_stats;

/**
 * \brief Stream the capture at \p path through \p sink.
 * \param detail  on failure, what libpcap or the file said (may be empty)
 */
tls_cap_status tls_cap_read(const char *path, const tls_cap_sink *sink,
                            tls_cap_stats *stats, char *detail, size_t detail_len);

struct tls_keylog;

/** \brief What the server's private key could do for a connection. */
typedef enum tls_cap_server_key {
    TLS_CAP_KEY_UNUSED = 0,       /**< no key given, or the key log was enough */
    TLS_CAP_KEY_DECRYPTED,        /**< RSA key exchange: the pre-master decrypted */
    TLS_CAP_KEY_NO_DECRYPT,       /**< RSA, but the key does not decrypt it: not this server's */
    TLS_CAP_KEY_FORWARD_SECRET,   /**< ECDHE/DHE: the key never protected the secret */
    TLS_CAP_KEY_MISMATCH          /**< not the key of the server's certificate */
} tls_cap_server_key;

/** \brief What became of one side's Finished when following the secrets. */
typedef enum tls_cap_finished {
    TLS_CAP_FINISHED_UNSEEN = 0,  /**< not (yet) seen, or no keys to read it */
    TLS_CAP_FINISHED_OK,          /**< decrypted; verify_data matches the transcript */
    TLS_CAP_FINISHED_BAD,         /**< decrypted; verify_data does not match */
    TLS_CAP_FINISHED_UNREADABLE   /**< did not decrypt: these keys are not this connection's */
} tls_cap_finished;

/**
 * \brief A session a connection of the capture made (or renewed), with the
 *        master secret its key material opened: what a later abbreviated
 *        handshake resumes, by session ID or by ticket.
 */
typedef struct tls_cap_session {
    unsigned conn;                /**< the connection that made it */
    uint8_t id[32];               /**< ServerHello.session_id (id_len 0: none) */
    size_t id_len;
    uint8_t ticket_hash[32];      /**< SHA-256 of the ticket its NewSessionTicket carried */
    bool ticket;                  /**< a NewSessionTicket went by */
    uint8_t master[48];
} tls_cap_session;

/** \brief Sessions kept at most (later ones are not kept: bounded memory). */
#define TLS_CAP_SESSIONS_MAX 4096u

/** \brief The sessions of a capture's connections, in the order they ended. */
typedef struct tls_cap_sessions {
    tls_cap_session *s;
    size_t n, cap;
} tls_cap_sessions;

/** \brief Free them, the master secrets wiped. */
void tls_cap_sessions_free(tls_cap_sessions *ss);

/**
 * \brief What the clear part of a connection says about its TLS: read with
 *        the engines' own record and message parsers, kept small (at most a
 *        record and a message per direction are buffered).
 */
typedef struct tls_cap_tls {
    bool tls;                     /**< the client began with a TLS handshake record */
    bool client_hello, server_hello; /**< parsed */
    char server_name[TLS_MAX_HOSTNAME + 1]; /**< SNI as sent (escape before printing) */
    uint8_t client_random[32];    /**< ClientHello.random: the key log's index */
    uint16_t client_version;      /**< ClientHello.client_version */
    uint16_t version;             /**< the version the server chose: ServerHello.server_version,
                                       or its supported_versions extension (TLS 1.3) */
    uint16_t suite;
    bool ems;                     /**< extended master secret agreed */
    bool etm;                     /**< encrypt-then-MAC agreed (CBC suites) */
    bool certificate;             /**< the server sent a Certificate */
    bool resumed;                 /**< the server changed cipher spec without a Certificate */
    bool cert_request;            /**< the server asked for a client certificate */
    bool client_certificate;      /**< the client sent a Certificate with a certificate in it */
    /** Extensions tlssim does not implement (tls_extension_implemented), in
     *  the order sent: [0] the ClientHello's, [1] the ServerHello's. */
    uint16_t skipped[2][TLS_MAX_EXTENSIONS];
    size_t nskipped[2];
    size_t skipped_more[2];       /**< beyond the first TLS_MAX_EXTENSIONS extensions, not named */
    bool ccs[2];                  /**< per direction: ChangeCipherSpec went by */
    uint64_t records[2];          /**< per direction */
    bool stopped[2];              /**< per direction: not records any more */
    tls_writer rec[2], hs[2];
    /* Following the secrets (when keys is set before the first byte). */
    const struct tls_keylog *keys;
    const tls_privkey *server_key; /**< the server's key (RSA key exchange), or NULL */
    tls_cap_server_key by_key;    /**< what it did */
    uint8_t server_random[32];
    bool keyed;                   /**< the key log has the master secret */
    uint8_t master[48];
    uint8_t pre_master[48];       /**< RSA: what the server's key opened (by_key DECRYPTED) */
    bool derived;                 /**< key block derived for the suite */
    tls_key_block kb;
    tls_record_protect prot[2];
    tls_writer transcript;        /**< handshake messages so far, in order */
    tls_cap_finished finished[2]; /**< per direction */
    /* Resumption: the session offered, the one agreed, the ticket issued. */
    uint8_t offered_id[32];       /**< ClientHello.session_id */
    size_t offered_id_len;
    uint8_t offered_ticket[32];   /**< SHA-256 of the ticket the ClientHello carried */
    bool offered_ticket_set;
    uint8_t session_id[32];       /**< ServerHello.session_id */
    size_t session_id_len;
    bool resuming;                /**< the ServerHello echoed the offered session ID, or
                                       (a ticket offered, no echo) the server's next message
                                       was NewSessionTicket or ChangeCipherSpec */
    bool undecided;               /**< a ticket offered, no echo: full or resumed, the
                                       server's next message tells (RFC 5077 §3.4) */
    uint8_t ticket_hash[32];      /**< SHA-256 of the NewSessionTicket's ticket */
    bool ticket;
    unsigned conn;                /**< this connection's number (for sessions) */
    const tls_cap_sessions *sessions; /**< earlier connections' sessions to resume, or NULL */
    unsigned session_conn;        /**< resumed: the connection whose session gave the
                                       master secret (0: none of them) */
} tls_cap_tls;

/** \brief Whether a connection can be followed (its secrets, its records). */
typedef enum tls_cap_follow {
    TLS_CAP_FOLLOW_OK = 0,
    TLS_CAP_FOLLOW_NO_HELLO,      /**< the ServerHello is not in the capture */
    TLS_CAP_FOLLOW_VERSION,       /**< not TLS 1.2 (t->version says which) */
    TLS_CAP_FOLLOW_SUITE          /**< a suite tlssim does not implement (t->suite) */
} tls_cap_follow;

/** \brief Whether tlssim can follow \p t, and if not, why. */
tls_cap_follow tls_cap_tls_follow(const tls_cap_tls *t);

/** \brief Start reading a connection's TLS. */
void tls_cap_tls_init(tls_cap_tls *t);

/** \brief Free its buffers. */
void tls_cap_tls_free(tls_cap_tls *t);

/** \brief Bytes of direction \p dir (0: client to server), in stream order. */
void tls_cap_tls_feed(tls_cap_tls *t, int dir, const uint8_t *p, size_t n);

/** \brief One TLS connection of a listing, when it is over. */
typedef void (*tls_cap_list_fn)(void *ctx, const tls_cap_conn *c, const tls_cap_tls *t);

/**
 * \brief Stream the capture and report each connection that speaks TLS,
 *        in the order they end (closed, else the end of the capture).
 * \param keys  a key log to follow each connection's secrets with (its
 *              Finished messages decrypted and checked), or NULL
 * \param server_key  the server's private key, for connections without a
 *              key log line that use the RSA key exchange, or NULL
 */
tls_cap_status tls_cap_list(const char *path, const struct tls_keylog *keys,
                            const tls_privkey *server_key, tls_cap_list_fn fn, void *ctx,
                            tls_cap_stats *stats, char *detail, size_t detail_len);

/**
 * \brief tls_cap_list, and each connection whose master secret the key
 *        material gave leaves its session in \p sessions: a later connection
 *        that resumes it (same session ID, or the ticket it issued) is
 *        followed with that master secret.
 */
tls_cap_status tls_cap_list_sessions(const char *path, const struct tls_keylog *keys,
                                     const tls_privkey *server_key, tls_cap_sessions *sessions,
                                     tls_cap_list_fn fn, void *ctx, tls_cap_stats *stats,
                                     char *detail, size_t detail_len);

/** \brief Master secrets of an NSS key log, by client random. */
typedef struct tls_keylog {
    struct tls_keylog_entry *entries;   /**< sorted by client random */
    size_t n;
    size_t other_lines;           /**< lines that are not CLIENT_RANDOM (comments, TLS 1.3 labels, junk) */
} tls_keylog;

/** \brief Entries kept at most (a larger key log is refused, not read halfway). */
#define TLS_KEYLOG_MAX 65536u

/** \brief How loading a key log went. */
typedef enum tls_keylog_status {
    TLS_KEYLOG_OK = 0,
    TLS_KEYLOG_UNREADABLE,        /**< cannot open or read it (errno is set) */
    TLS_KEYLOG_NO_ENTRY,          /**< not one well-formed CLIENT_RANDOM line */
    TLS_KEYLOG_TOO_MANY,          /**< over TLS_KEYLOG_MAX entries */
    TLS_KEYLOG_NO_MEMORY
} tls_keylog_status;

/**
 * \brief Read an NSS key log ("CLIENT_RANDOM <64 hex> <96 hex>" lines, as
 *        browsers, curl, OpenSSL -keylogfile and Go write them).  Lines of
 *        any length are read in bounded memory; a malformed line is counted
 *        in other_lines and skipped.
 */
tls_keylog_status tls_keylog_load(const char *path, tls_keylog *kl);

/** \brief The master secret logged for \p client_random, if any. */
bool tls_keylog_find(const tls_keylog *kl, const uint8_t client_random[32], uint8_t master[48]);

/** \brief Free it, the secrets wiped. */
void tls_keylog_free(tls_keylog *kl);

/** \brief "192.0.2.1" / "2001:db8::1" into \p out (at least 46 bytes). */
void tls_cap_addr_str(const tls_cap_addr *a, char *out, size_t len);

#endif
