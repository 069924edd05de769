/**
 * \file msgutil.h
 * \brief What the handshake message tests share (test_msg*.c): dissection
 *        checks, the sample messages with their bytes built by hand from the
 *        RFC structs, and one interface to encode and parse every kind.
 *        Call fixtures() first.
 */
#ifndef TLSSIM_MSGUTIL_H
#define TLSSIM_MSGUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "testutil.h"
#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/msg.h"

/* ------------------------------------------------------------ dissections */

/** \brief Whether \p d's leaves tile [base, base + len) and every parent's
 *         children tile it; false with the reason in \p why (quietly). */
bool tiles(const tls_dissect *d, size_t base, size_t len, char *why, size_t whylen);
/** \brief tiles() as a check named \p what. */
bool check_tiling(const tls_dissect *d, size_t base, size_t len, const char *what);
/** \brief The first field named \p name at \p offset, or NULL. */
const tls_field *field_at(const tls_dissect *d, const char *name, size_t offset);
/** \brief The \p k-th field named \p name (0-based), or NULL. */
const tls_field *field_nth(const tls_dissect *d, const char *name, size_t k);
/** \brief How many fields are named \p name. */
size_t count_named(const tls_dissect *d, const char *name);
/** \brief Checks that \p f exists and its value contains \p needle. */
void check_value_has(const tls_field *f, const char *needle, const char *what);

/** \brief The error's name. */
const char *err_name(tls_err e);
/** \brief Checks \p got == \p want, naming both. */
bool expect_err(tls_err got, tls_err want, const char *what);
/** \brief Whether two byte strings are equal. */
bool bytes_same(const uint8_t *a, size_t an, const uint8_t *b, size_t bn);

/* --------------------------------------------------------------- fixtures */

/** \brief Two certificates, an uncompressed point, a signature and an RSA
 *         ciphertext, each a counting byte pattern set by fixtures(). */
extern uint8_t cert_a[300], cert_b[5], point65[65], sig256[256], rsa_ct[256];

/** \brief \p p[i] = \p start + i. */
void fill(uint8_t *p, size_t n, uint8_t start);
/** \brief Sets the fixtures' bytes. */
void fixtures(void);

/** \brief The ClientHello tlssim sends (suites, SNI, groups, EMS...). */
void sample_client_hello(tls_client_hello *m);
/** \brief sample_client_hello()'s body, byte by byte from RFC 5246. */
extern const char *const client_hello_hex;
/** \brief A ServerHello with a 4-byte session ID and three extensions. */
void sample_server_hello(tls_server_hello *m);
/** \brief sample_server_hello()'s body, byte by byte from RFC 5246. */
extern const char *const server_hello_hex;
/** \brief A Certificate of cert_a and cert_b. */
void sample_certificate(tls_certificate_msg *m);
/** \brief An ECDHE ServerKeyExchange: secp256r1, point65, sig256. */
void sample_ske(tls_server_key_exchange *m);

/* ------------------------------------------ one interface for all kinds */

typedef enum kind {
    K_CH, K_SH, K_CERT, K_SKE, K_SHD, K_CKE_EC, K_CKE_RSA, K_CCS, K_FIN, K_ALERT, K__N
} kind;

/** \brief Each kind's name, and its handshake type (-1: a record of its own). */
extern const char *const kind_names[K__N];
extern const int kind_hs[K__N];

/** \brief Decoded messages of every kind (static: the hellos are large). */
typedef union msg_decoded {
    tls_client_hello ch;
    tls_server_hello sh;
    tls_certificate_msg cert;
    tls_server_key_exchange ske;
    tls_client_key_exchange cke;
    tls_finished fin;
    tls_alert alert;
} msg_decoded;
/** \brief What the last parse_body() or parse_msg() decoded. */
extern msg_decoded dec;

/** \brief Encodes kind \p k's sample body into \p w. */
tls_err encode_kind(kind k, tls_writer *w);
/** \brief Parses a body alone into dec. */
tls_err parse_body(kind k, const uint8_t *p, size_t n, tls_dissect *d);
/** \brief Parses a whole message: header + body for handshake messages, the
 *         body for ChangeCipherSpec and Alert (records of their own type). */
tls_err parse_msg(kind k, const uint8_t *p, size_t n, tls_dissect *d);
/** \brief Encodes kind \p k as a whole message into \p w (a check). */
void encode_msg(kind k, tls_writer *w);

/** \brief Field-by-field equality of two hellos. */
bool ch_equal(const tls_client_hello *a, const tls_client_hello *b);
bool sh_equal(const tls_server_hello *a, const tls_server_hello *b);

/** \brief Parses a ClientHello body; what it accepts must tile. */
tls_err parse_ch_bytes(const uint8_t *p, size_t n);
/** \brief Parses a body of kind \p k given in hex; what it accepts must tile. */
tls_err parse_hex(kind k, const char *hex);

#endif
