/**
 * \file prf.h
 * \brief The TLS 1.2 PRF (RFC 5246 §5), written out from HMAC so that each
 *        A(i) of P_hash can be shown, plus the master-secret and key-block
 *        derivations built on it.
 */
#ifndef TLSSIM_PRF_H
#define TLSSIM_PRF_H

#include <stddef.h>
#include <stdint.h>

#include "tlssim/crypto.h"
#include "tlssim/suites.h"

/** \brief How many A(i) iterations a trace keeps (enough for any key block). */
#define TLS_PRF_TRACE_MAX 8

/**
 * \brief Optional record of a PRF run: A(1), A(2), ... and each output block
 *        HMAC(secret, A(i) ‖ seed), for front ends that teach P_hash.
 */
typedef struct tls_prf_trace {
    size_t rounds;                              /**< iterations recorded */
    size_t hash_len;                            /**< bytes in each entry */
    uint8_t a[TLS_PRF_TRACE_MAX][TLS_HASH_MAX]; /**< A(i), i = 1..rounds */
    uint8_t out[TLS_PRF_TRACE_MAX][TLS_HASH_MAX];/**< HMAC(secret, A(i) ‖ seed) */
} tls_prf_trace;

/**
 * \brief PRF(secret, label, seed) = P_hash(secret, label ‖ seed).
 * \param alg    SHA-256 or SHA-384 (from the cipher suite)
 * \param secret the secret
 * \param label  ASCII label without NUL, e.g. "master secret"
 * \param seed   seed parts concatenated in order (e.g. client ‖ server random)
 * \param out    \p out_len bytes of output
 * \param trace  NULL, or where to record the iterations
 */
tls_err tls_prf(tls_hash_alg alg, const uint8_t *secret, size_t secret_len,
                const char *label, const tls_span *seed, size_t nseed,
                uint8_t *out, size_t out_len, tls_prf_trace *trace);

/** \brief Largest key block: two SHA-384 MAC keys, two AES-256 keys, two
 *         16-byte CBC IVs. */
#define TLS_KEY_BLOCK_MAX (2 * TLS_HASH_MAX + 2 * 32 + 2 * 16)

/** \brief A key block split into its parts (RFC 5246 §6.3), in this order:
 *         MAC keys (CBC suites only; AEAD suites have none), encryption
 *         keys, fixed IVs. */
typedef struct tls_key_block {
    uint8_t client_write_mac_key[TLS_HASH_MAX];
    uint8_t server_write_mac_key[TLS_HASH_MAX];
    uint8_t client_write_key[32];
    uint8_t server_write_key[32];
    uint8_t client_write_iv[16];  /**< GCM: the nonce's implicit salt (RFC 5288);
                                       ChaCha20: XORed with the sequence number
                                       (RFC 7905); CBC: derived but unused, each
                                       record carries its own explicit IV */
    uint8_t server_write_iv[16];
    size_t mac_key_len;           /**< 0, 20 or 32 */
    size_t key_len;               /**< 16 or 32 */
    size_t iv_len;                /**< 4, 12 or 16 */
} tls_key_block;

/** \brief Bytes of \p s's key block: 2 × (MAC key + key + IV). */
size_t tls_key_block_len(const tls_suite *s);

/**
 * \brief key_block = PRF(master, "key expansion", server_random ‖ client_random),
 *        split as client MAC key, server MAC key, client key, server key,
 *        client IV, server IV, with \p s's sizes, over \p s's PRF hash.
 * \param raw  optional: receives the raw key block (tls_key_block_len bytes;
 *             TLS_KEY_BLOCK_MAX is always enough), or NULL
 */
tls_err tls_key_block_derive(const tls_suite *s, const uint8_t master[48],
                             const uint8_t client_random[32],
                             const uint8_t server_random[32],
                             tls_key_block *kb, uint8_t *raw);

/**
 * \brief verify_data = PRF(master, label, handshake hash)[0..11] (RFC 5246 §7.4.9).
 * \param label  "client finished" or "server finished"
 * \param hash   Hash(handshake messages), tls_hash_len(alg) bytes
 */
tls_err tls_verify_data(tls_hash_alg alg, const uint8_t master[48], const char *label,
                        const uint8_t *hash, uint8_t out[12]);

/**
 * \brief The master secret from the pre-master: PRF(pre_master, "extended
 *        master secret", session_hash) when \p session_hash is given (RFC
 *        7627), else PRF(pre_master, "master secret", client_random ‖
 *        server_random) (RFC 5246 §8.1).
 * \param session_hash  Hash(handshake messages up to ClientKeyExchange),
 *                      tls_hash_len(alg) bytes, or NULL
 * \param trace         NULL, or where to record the PRF's iterations
 */
tls_err tls_master_secret_derive(tls_hash_alg alg, const uint8_t *pre_master, size_t pre_len,
                                 const uint8_t *session_hash, const uint8_t client_random[32],
                                 const uint8_t server_random[32], uint8_t master[48],
                                 tls_prf_trace *trace);

#endif
