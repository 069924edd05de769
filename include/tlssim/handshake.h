/**
 * \file handshake.h
 * \brief The ten steps of a full TLS 1.2 handshake as one const table.
 *
 * The engines, the driver, the front ends, the lessons and the tests all
 * iterate this table: who sends a message, and whether it happens in a mode,
 * comes from here and nowhere else.
 */
#ifndef TLSSIM_HANDSHAKE_H
#define TLSSIM_HANDSHAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/suites.h"

/** \brief Number of steps in the table. */
#define TLS_STEP_COUNT 10

struct tls_engine;

/** \brief Produce the body of this step's message (the sender's side). */
typedef tls_err (*tls_step_write_fn)(struct tls_engine *e, tls_writer *body);
/** \brief Consume the body of this step's message (the receiver's side). */
typedef tls_err (*tls_step_read_fn)(struct tls_engine *e, tls_reader *body);

/** \brief One step of the handshake. */
typedef struct tls_step {
    int number;             /**< 1..10 */
    tls_party sender;       /**< TLS_PARTY_CLIENT or TLS_PARTY_SERVER */
    const char *message;    /**< "ClientHello", ..., "ChangeCipherSpec", "Finished" */
    uint8_t content_type;   /**< 22 handshake or 20 change_cipher_spec */
    uint8_t hs_type;        /**< handshake type (0 for ChangeCipherSpec) */
    bool ecdhe_only;        /**< happens only with an ECDHE key exchange */
    tls_text_id skip_reason;/**< why it is absent in RSA mode (TLS_TEXT_NONE if never) */
    tls_text_id teaches;    /**< one sentence: what this step is for */
    tls_text_id title;      /**< display name with direction (tls_step_title) */
    const char *lesson;     /**< lesson file stem, e.g. "04-server-key-exchange" */
    bool keys_after;        /**< once this message is in the transcript, each side
                                 derives the master secret and the key block */
    tls_step_write_fn write;
    tls_step_read_fn read;
} tls_step;

/** \brief The table; *n is set to TLS_STEP_COUNT. */
const tls_step *tls_handshake_steps(size_t *n);

/** \brief Step by number (1..10), or NULL. */
const tls_step *tls_handshake_step(int number);

/**
 * \brief The first step whose message has this handshake type (0 when
 *        none): how an observer without the engines' state files a message.
 */
int tls_handshake_step_of(uint8_t hs_type);

/** \brief Whether step \p s happens with key exchange \p kx. */
bool tls_step_applies(const tls_step *s, tls_kx kx);

/**
 * \brief Display name with direction, e.g. "server Finished", in English
 *        (the template of s->title: front ends translate that id).
 */
const char *tls_step_title(const tls_step *s);

#endif
