/*
 * What the crypto_*.c files (the mbedTLS adapter, split by primitive)
 * share among themselves.  Nothing outside src/core/crypto_*.c includes
 * this header: it is where mbedTLS types meet tlssim's.
 */
#ifndef TLSSIM_CRYPTO_INTERNAL_H
#define TLSSIM_CRYPTO_INTERNAL_H

#include "tlssim/crypto.h"

#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509_crt.h>

/* The certificate list and the private key behind crypto.h's opaque
 * handles: crypto_x509.c parses and verifies, crypto_pk.c signs and
 * encrypts with the same objects. */
struct tls_x509 {
    mbedtls_x509_crt crt; /* the list head: the leaf */
};

struct tls_privkey {
    mbedtls_pk_context pk;
};

/* mbedTLS's digest description for a TLS hash, or NULL (crypto_hash.c). */
const mbedtls_md_info_t *crypto_md_info(tls_hash_alg alg);

/* An HMAC context keyed for \p alg, ready for updates; mbedTLS's error, or
 * 0.  The caller frees it (mbedtls_md_free) whatever this returns
 * (crypto_hash.c). */
int crypto_hmac_begin(mbedtls_md_context_t *ctx, tls_hash_alg alg, const uint8_t *key,
                      size_t key_len);

/* mbedTLS's digest identifier for a TLS hash (crypto_hash.c). */
mbedtls_md_type_t crypto_md_type(tls_hash_alg alg);

/* The f_rng callback mbedTLS wants, drawing from a tls_rng (crypto_rng.c). */
int crypto_rng_cb(void *ctx, unsigned char *out, size_t n);

/* RSA, ECDSA on a curve we use, or neither (crypto_pk.c). */
tls_key_kind crypto_pk_kind(const mbedtls_pk_context *pk);

/* The leaf's public key when it is RSA, or NULL (crypto_pk.c). */
mbedtls_pk_context *crypto_leaf_rsa(const tls_x509 *chain);

/* The i-th certificate of a chain, or NULL (crypto_x509.c). */
const mbedtls_x509_crt *crypto_crt_at(const tls_x509 *chain, size_t i);

#endif
