/**
 * \file handshake.h
 * \brief Handshakes as data: one const catalogue of message kinds, and flows
 *        — one ordered list of message kinds per handshake shape.
 *
 * The catalogue says, per kind of message, who sends it, how it travels,
 * which functions write and read it, and which lesson explains it.  A flow
 * says which messages a handshake of one shape exchanges, in order.  The
 * engines walk their run's flow; the drivers announce its steps; the front
 * ends, the lessons and the tests iterate it.  Adding a message to a flow is
 * a row here, a msg_*.c file, its engine handlers and a lesson per language.
 *
 * Steps are numbered by position in the run's flow, from 1.  The full
 * handshakes list the canonical ten messages (the way courses teach them);
 * a message absent from a run of that shape (RSA's ServerKeyExchange) stays
 * in the list, marked skipped with the reason, so the numbers do not move.
 */
#ifndef TLSSIM_HANDSHAKE_H
#define TLSSIM_HANDSHAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/suites.h"

struct tls_engine;

/** \brief Every kind of message a handshake may carry. */
typedef enum tls_msg_kind {
    TLS_MSG_CLIENT_HELLO,
    TLS_MSG_SERVER_HELLO,
    TLS_MSG_SERVER_CERTIFICATE,
    TLS_MSG_SERVER_KEY_EXCHANGE,
    TLS_MSG_SERVER_HELLO_DONE,
    TLS_MSG_CLIENT_KEY_EXCHANGE,
    TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC,
    TLS_MSG_CLIENT_FINISHED,
    TLS_MSG_SERVER_CHANGE_CIPHER_SPEC,
    TLS_MSG_SERVER_FINISHED,
    TLS_MSG_CERTIFICATE_REQUEST,
    TLS_MSG_CLIENT_CERTIFICATE,
    TLS_MSG_CERTIFICATE_VERIFY,
    TLS_MSG_NEW_SESSION_TICKET,
    /* The abbreviated handshake's own rows: the same messages on the wire,
     * in another role (the resumed ServerHello brings the keys; the server
     * finishes first), each with its lesson.  A flow never holds a row and
     * its resumed twin. */
    TLS_MSG_RESUME_CLIENT_HELLO,
    TLS_MSG_RESUME_SERVER_HELLO,
    TLS_MSG_RESUME_SERVER_FINISHED,
    TLS_MSG_KIND_COUNT
} tls_msg_kind;

/** \brief Produce the body of a message (the sender's side). */
typedef tls_err (*tls_msg_write_fn)(struct tls_engine *e, tls_writer *body);
/** \brief Consume the body of a message (the receiver's side). */
typedef tls_err (*tls_msg_read_fn)(struct tls_engine *e, tls_reader *body);

/** \brief One row of the catalogue: a kind of message. */
typedef struct tls_msg_info {
    tls_msg_kind kind;
    tls_party sender;       /**< TLS_PARTY_CLIENT or TLS_PARTY_SERVER */
    const char *message;    /**< "ClientHello", ..., "ChangeCipherSpec", "Finished" */
    uint8_t content_type;   /**< 22 handshake or 20 change_cipher_spec */
    uint8_t hs_type;        /**< handshake type (0 for ChangeCipherSpec) */
    tls_text_id teaches;    /**< one sentence: what this message is for */
    tls_text_id title;      /**< display name with direction ("server Finished");
                                 front ends translate it, tls_msg_title is English */
    const char *lesson;     /**< lesson id, the file stem: "client-hello" */
    bool lesson_per_kx;     /**< the lesson differs by key exchange: its id
                                 gets the flow's suffix ("….ecdhe") */
    bool keys_after;        /**< once this message is in the transcript, each side
                                 derives the master secret and the key block */
    tls_msg_write_fn write;
    tls_msg_read_fn read;
} tls_msg_info;

/** \brief The catalogue row of a kind (NULL when out of range). */
const tls_msg_info *tls_msg_info_get(tls_msg_kind kind);

/** \brief One position of a flow. */
typedef struct tls_flow_step {
    tls_msg_kind kind;
    tls_text_id skipped;    /**< TLS_TEXT_NONE: the message is sent; else it is absent in
                                 this flow, and this says why */
    tls_text_id teaches;    /**< TLS_TEXT_NONE: the message's own sentence; else what it
                                 teaches in this flow (RSA's ClientKeyExchange sends the
                                 whole secret, not a half) */
} tls_flow_step;

/** \brief The shapes of handshake tlssim knows. */
typedef enum tls_flow_id {
    TLS_FLOW_FULL_ECDHE,
    TLS_FLOW_FULL_RSA,
    TLS_FLOW_FULL_DHE,
    TLS_FLOW_AUTH_ECDHE,
    TLS_FLOW_AUTH_RSA,
    TLS_FLOW_AUTH_EMPTY_ECDHE,
    TLS_FLOW_AUTH_EMPTY_RSA,
    TLS_FLOW_TICKET_ECDHE,
    TLS_FLOW_TICKET_RSA,
    TLS_FLOW_ABBREVIATED,
    TLS_FLOW_ABBREVIATED_TICKET,
    TLS_FLOW_AUTH_DHE,
    TLS_FLOW_AUTH_EMPTY_DHE,
    TLS_FLOW_TICKET_DHE,
    TLS_FLOW_AUTH_TICKET_ECDHE,     /* a real server's: a client certificate asked */
    TLS_FLOW_AUTH_TICKET_RSA,       /* for, and a ticket issued */
    TLS_FLOW_AUTH_TICKET_DHE,
    TLS_FLOW_AUTH_EMPTY_TICKET_ECDHE,
    TLS_FLOW_AUTH_EMPTY_TICKET_RSA,
    TLS_FLOW_AUTH_EMPTY_TICKET_DHE,
    TLS_FLOW_COUNT
} tls_flow_id;

/**
 * \brief What a flow does about the client's certificate.  The server
 *        chooses by its policy (CertificateRequest or not); the client
 *        follows when the request arrives, and picks the empty variant when
 *        it has no certificate to present.
 */
typedef enum tls_flow_auth {
    TLS_FLOW_AUTH_NONE,     /**< server authentication only */
    TLS_FLOW_AUTH_CERT,     /**< CertificateRequest; the client's Certificate
                                 and CertificateVerify */
    TLS_FLOW_AUTH_EMPTY     /**< CertificateRequest answered by an empty
                                 Certificate: no CertificateVerify */
} tls_flow_auth;

/**
 * \brief Full or resumed (RFC 5246 §7.3, RFC 5077 §3.1).  The server
 *        decides when it reads ClientHello; the client learns it from
 *        ServerHello (its session ID echoed: resumed; an empty SessionTicket
 *        extension: a NewSessionTicket follows).
 */
typedef enum tls_flow_shape {
    TLS_FLOW_SHAPE_FULL,            /**< a full handshake */
    TLS_FLOW_SHAPE_FULL_TICKET,     /**< a full handshake; the server issues a ticket */
    TLS_FLOW_SHAPE_ABBREVIATED,     /**< a session resumed: no key exchange, no
                                         certificates; the server finishes first */
    TLS_FLOW_SHAPE_ABBREVIATED_TICKET /**< resumed by ticket, a new ticket issued */
} tls_flow_shape;

/** \brief A handshake shape: its messages in order. */
typedef struct tls_flow {
    tls_flow_id id;         /**< TLS_FLOW_COUNT for a run of two connections */
    const char *name;       /**< "full-ecdhe", "full-rsa", "client-auth-ecdhe", … */
    const char *kx_lesson;  /**< suffix of its per-key-exchange lessons: "ecdhe" */
    tls_kx kx;              /**< the key exchange it is for (any, abbreviated) */
    tls_flow_auth auth;     /**< what it does about a client certificate */
    tls_flow_shape shape;   /**< full or resumed */
    const tls_flow_step *steps;
    int n;                  /**< number of positions (steps 1..n) */
    int second;             /**< a run of two connections (tls_flow_join): the
                                 first step of the second; 0 for one connection */
} tls_flow;

/** \brief A flow by id. */
const tls_flow *tls_flow_get(tls_flow_id id);

/**
 * \brief The flow of a run whose suite uses \p kx.  Until ServerHello has
 *        settled the suite, every flow agrees: tls_flow_default() is used.
 */
const tls_flow *tls_flow_for_kx(tls_kx kx);

/** \brief The flow for key exchange \p kx and client-certificate shape \p auth. */
const tls_flow *tls_flow_find(tls_kx kx, tls_flow_auth auth);

/**
 * \brief The flow for \p kx, \p auth and \p shape (the key exchange does
 *        not matter to an abbreviated handshake); the full one of \p kx when
 *        tlssim has no such combination.
 */
const tls_flow *tls_flow_select(tls_kx kx, tls_flow_auth auth, tls_flow_shape shape);

/**
 * \brief A run of two connections shown as one: the steps of \p first, then
 *        those of \p second numbered on (a full handshake, then the
 *        abbreviated one that resumed its session).  The result lives as
 *        long as the program (a small table of the pairs asked for so far;
 *        not thread-safe); \p first itself when the table is full or the
 *        two together are longer than TLS_FLOW_MAX.
 */
const tls_flow *tls_flow_join(const tls_flow *first, const tls_flow *second);


/**
 * \brief The flow a message that \p f does not expect reveals: a flow for
 *        the same key exchange that agrees with \p f on steps 1..from-1 and
 *        has, from step \p from on, a message of \p sender with this content
 *        and handshake type (a CertificateRequest where ServerHelloDone was
 *        expected).  NULL when there is none.
 * \param step  set to that message's step
 */
const tls_flow *tls_flow_branch(const tls_flow *f, int from, tls_party sender,
                                uint8_t content_type, uint8_t hs_type, int *step);

/** \brief The flow before the suite is known (the full ECDHE handshake). */
const tls_flow *tls_flow_default(void);

/** \brief The display name with direction in English (the template of m->title). */
const char *tls_msg_title(const tls_msg_info *m);

/** \brief The message at step \p step (1..n) of \p f, or NULL. */
const tls_msg_info *tls_flow_msg(const tls_flow *f, int step);

/** \brief What step \p step of \p f teaches: the flow's sentence, else the message's. */
tls_text_id tls_flow_teaches(const tls_flow *f, int step);

/** \brief Why step \p step of \p f is absent, or TLS_TEXT_NONE when it is sent. */
tls_text_id tls_flow_skipped(const tls_flow *f, int step);

/**
 * \brief The first step of \p f, from \p from on, where \p sender sends a
 *        message of this content and handshake type (0 when none): how an
 *        observer without the engines' state files a message.
 */
int tls_flow_step_of(const tls_flow *f, int from, tls_party sender, uint8_t content_type,
                     uint8_t hs_type);

/**
 * \brief A driver announces the steps of \p f after \p announced, up to
 *        \p step, each once and in order, the skipped ones included (a STEP
 *        event each, tls_trace_announce).
 * \return the last step now announced
 */
int tls_flow_announce_through(const tls_flow *f, tls_trace *t, int announced, int step);

/** \brief The number shown for TLS_STEP_AFTER: one past the flow's last step. */
int tls_flow_after_number(const tls_flow *f);

/**
 * \brief Lesson id of step \p step of \p f ("server-key-exchange.rsa"),
 *        written into \p out; false when there is no such step.
 */
bool tls_flow_lesson_id(const tls_flow *f, int step, char *out, size_t out_len);

#endif
