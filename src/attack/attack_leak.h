/*
 * record-then-leak (issue 13): the attacker keeps every record that crosses
 * the channel; after the session the server's private key leaks, and it
 * replays the recording through the capture reader (tlssim/capture.h, the
 * code behind `open --server-key`) with that key.
 */
#ifndef TLSSIM_ATTACK_LEAK_H
#define TLSSIM_ATTACK_LEAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/crypto.h"
#include "tlssim/event.h"

/** \brief Every record that crossed, in order: per record its sender
 *         (0: client to server), its length (u16) and its wire bytes. */
typedef struct attack_recording {
    tls_writer bytes;
    size_t records;
} attack_recording;

void attack_recording_init(attack_recording *r);
void attack_recording_free(attack_recording *r);

/** \brief Keep one record as it crossed, sent by \p sender. */
void attack_recording_add(attack_recording *r, tls_party sender, const uint8_t *rec, size_t len);

/** \brief What the leaked key gave the attacker. */
typedef enum attack_leak_result {
    ATTACK_LEAK_DECRYPTED,      /**< RSA: pre-master, master secret, keys, plaintext */
    ATTACK_LEAK_FORWARD_SECRET, /**< ECDHE/DHE: the key protected no secret */
    ATTACK_LEAK_NOTHING         /**< the recording does not open (not this server's key,
                                     no handshake in it) */
} attack_leak_result;

/**
 * \brief The key leaks: replay \p r with \p leaked, tracing what \p who
 *        (the attacker) learns at \p step: the recorded pre-master, the
 *        master secret, the key block and each application data record in
 *        the clear; or, for a forward-secret exchange, what it would have
 *        needed.
 */
attack_leak_result attack_leak_replay(const attack_recording *r, const tls_privkey *leaked,
                                      tls_trace *t, int step, tls_party who);

#endif
