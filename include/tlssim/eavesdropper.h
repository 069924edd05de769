/**
 * \file eavesdropper.h
 * \brief A passive observer of the channel: it sees every byte in both
 *        directions and decodes what is in the clear, emitting the values
 *        anyone on the path learns (party TLS_PARTY_WIRE).  It holds no key:
 *        after ChangeCipherSpec it sees only ciphertext.
 */
#ifndef TLSSIM_EAVESDROPPER_H
#define TLSSIM_EAVESDROPPER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/suites.h"

/** \brief What the eavesdropper has gathered so far. */
typedef struct tls_eavesdropper {
    tls_trace *trace;
    tls_writer rec[2];      /**< per direction: bytes not yet a whole record */
    tls_writer hs[2];       /**< per direction: handshake bytes not yet a whole message */
    bool encrypted[2];      /**< per direction: a ChangeCipherSpec went by */
    bool noted[2];          /**< per direction: "now it is ciphertext" said */
    bool rsa;               /**< ServerHello chose an RSA key-exchange suite */
    uint8_t session_id[32]; /**< the session ID ClientHello offered: echoed back,
                                 the session is resumed (the wire shows it) */
    size_t session_id_len;
    bool dhe;               /**< ...or a finite-field DHE one */
    bool kx_unknown;        /**< ...or one tlssim does not implement: the key
                                 exchange is read off the messages (tls_flow_guess_kx) */
    uint16_t suite;         /**< the suite ServerHello chose */
    const struct tls_flow *flow; /**< the flow as far as the wire tells it */
    int at[2];              /**< per direction: step of the last message seen */
    bool lost;              /**< the stream stopped making sense (tampered): stop decoding */
} tls_eavesdropper;

/** \brief Start observing; events go to \p trace. */
void tls_eavesdropper_init(tls_eavesdropper *eve, tls_trace *trace);

/** \brief Free buffers. */
void tls_eavesdropper_free(tls_eavesdropper *eve);

/**
 * \brief Bytes that crossed the channel from \p sender.  Never fails: what
 *        cannot be decoded is simply not learned.
 */
void tls_eavesdropper_observe(tls_eavesdropper *eve, tls_party sender,
                              const uint8_t *p, size_t n);

struct tls_flow;
struct tls_server_hello;

/**
 * \brief The step of the message \p sender sends next, as the wire tells
 *        it: the first position of \p *flow after \p after that fits, or
 *        one of another flow that agrees so far (a CertificateRequest),
 *        which then becomes \p *flow.  A server's NewSessionTicket or
 *        ChangeCipherSpec right after its ServerHello in a full flow is a
 *        session resumed after all (a ticket offered with an empty session
 *        ID, RFC 5077 §3.4: nothing was echoed): the abbreviated flow of
 *        that shape becomes \p *flow.  0 when no flow has it there.
 */
int tls_flow_follow(const struct tls_flow **flow, int after, tls_party sender,
                    uint8_t content_type, uint8_t hs_type);

/** \brief A message as tls_flow_guess_kx reads it. */
typedef struct tls_guess_msg {
    tls_party sender;
    uint8_t content_type, hs_type;
    uint16_t suite;             /**< the suite the ServerHello chose */
    const uint8_t *body;        /**< a handshake message's body (no header), or NULL */
    size_t body_len;
} tls_guess_msg;

/**
 * \brief The key exchange a ServerKeyExchange \p body (without its header)
 *        carries, for a suite tlssim does not implement (\p suite): read
 *        off the parameters with the engines' parser, ServerECDHParams
 *        (curve_type 3, a named group, a point) or ServerDHParams (dh_p,
 *        dh_g, dh_Ys), then the signature, to the body's end.  When both or
 *        neither read so, the suite's IANA name decides where tlssim knows
 *        it (TLS_DHE_..., TLS_ECDHE_...); else \p fallback: it cannot be told.
 */
tls_kx tls_kx_of_server_key_exchange(uint16_t suite, const uint8_t *body, size_t len,
                                     tls_kx fallback);

/**
 * \brief For a suite tlssim does not implement, whose key exchange the
 *        ServerHello cannot tell: the flow the server's message \p m after
 *        its Certificate (step \p after) reveals.  \p f (ECDHE's shape, the
 *        default) becomes the RSA key exchange's flow of the same shape when
 *        that message is ServerHelloDone or CertificateRequest, with no
 *        ServerKeyExchange; DHE's when it is a ServerKeyExchange whose
 *        parameters are ServerDHParams (tls_kx_of_server_key_exchange);
 *        else \p f.  (The static-DH suites, with no ServerKeyExchange and a
 *        DH public value in ClientKeyExchange, are not offered by current
 *        stacks: they would be read as RSA.)
 */
const struct tls_flow *tls_flow_guess_kx(const struct tls_flow *f, int after,
                                         const tls_guess_msg *m);

/**
 * \brief The flow a ServerHello announces (server authentication only,
 *        until a CertificateRequest says otherwise): resumed when it echoes
 *        the session ID the ClientHello offered (\p offered_id), with a
 *        NewSessionTicket when it carries the SessionTicket extension; NULL
 *        for a suite tlssim does not know.
 */
const struct tls_flow *tls_flow_of_server_hello(const uint8_t *offered_id, size_t offered_len,
                                                const struct tls_server_hello *sh);

#endif
