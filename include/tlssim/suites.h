/**
 * \file suites.h
 * \brief The cipher suites and named groups tlssim implements, as data:
 *        one table each, looked up by id or name.
 */
#ifndef TLSSIM_SUITES_H
#define TLSSIM_SUITES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tlssim/crypto.h"

/** \brief Key exchange of a suite. */
typedef enum tls_kx { TLS_KX_ECDHE_RSA, TLS_KX_RSA, TLS_KX_DHE_RSA } tls_kx;

/** \brief How a suite protects records (RFC 5246 §6.2.3). */
typedef enum tls_cipher {
    TLS_CIPHER_AES_GCM,             /**< AEAD, RFC 5288 */
    TLS_CIPHER_CHACHA20_POLY1305,   /**< AEAD, RFC 7905 */
    TLS_CIPHER_AES_CBC              /**< block cipher + HMAC, RFC 5246 §6.2.3.2 */
} tls_cipher;

/** \brief One cipher suite: TLS_<kx>_WITH_<cipher>_<hash>.  The sizes are
 *         RFC 5246 §6.3's key block parts for this suite. */
typedef struct tls_suite {
    uint16_t id;            /**< IANA value, e.g. 0xc02f */
    const char *name;       /**< "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" */
    const char *openssl_name; /**< "ECDHE-RSA-AES128-GCM-SHA256" (what s_client -cipher speaks) */
    tls_kx kx;
    tls_cipher cipher;
    size_t key_len;         /**< encryption key bytes: 16 or 32 */
    size_t iv_len;          /**< fixed IV bytes from the key block: 4 (GCM salt),
                                 12 (ChaCha20 nonce mask), 16 (CBC: derived, unused) */
    size_t mac_key_len;     /**< HMAC key bytes: 0 for AEAD, 20 (SHA-1), 32 (SHA-256) */
    tls_hash_alg mac_hash;  /**< HMAC hash of CBC suites (AEAD: unused) */
    tls_hash_alg prf_hash;  /**< PRF and Finished hash (SHA-256 for the ..._SHA
                                 suites too: TLS 1.2 has no SHA-1 PRF) */
    tls_key_kind auth;      /**< the certificate key it needs: RSA or ECDSA */
} tls_suite;

/** \brief One named group. */
typedef struct tls_group_info {
    tls_group id;
    const char *name;       /**< "secp256r1", "x25519", "secp384r1" */
} tls_group_info;

/** \brief One signature scheme tlssim makes and verifies: in TLS 1.2 a
 *         SignatureAndHashAlgorithm {hash, signature} (RFC 5246
 *         §7.4.1.4.1), named as RFC 8446 §4.2.3 names it. */
typedef struct tls_sigalg_info {
    uint16_t id;            /**< e.g. 0x0804 (rsa_pss_rsae_sha256) */
    tls_key_kind key;       /**< the key that signs: RSA or ECDSA */
    tls_hash_alg hash;      /**< what hashes the signed bytes (and PSS's MGF1) */
    bool pss;               /**< RSASSA-PSS with a salt as long as the hash
                                 (rsa_pss_rsae_*); else PKCS#1 v1.5 or ECDSA */
} tls_sigalg_info;

/** \brief How many suites, groups and signature schemes tlssim implements:
 *         the size of any list of them. */
#define TLS_SUITE_COUNT 18
#define TLS_GROUP_COUNT 3
#define TLS_SIGALG_COUNT 8

/** \brief All suites, in the client's order of preference; *n set. */
const tls_suite *tls_suites_all(size_t *n);
/** \brief All groups, in the client's order of preference; *n set. */
const tls_group_info *tls_groups_all(size_t *n);

/** \brief All signature schemes, in the order the client offers them
 *         (ECDSA, then RSA-PSS, then RSA PKCS#1 v1.5, as Firefox and
 *         OpenSSL 3 do); *n set. */
const tls_sigalg_info *tls_sigalgs_all(size_t *n);

/** \brief A signature scheme tlssim implements, by its value, or NULL. */
const tls_sigalg_info *tls_sigalg_by_id(uint16_t id);

/** \brief Suite by IANA id, or NULL. */
const tls_suite *tls_suite_by_id(uint16_t id);
/**
 * \brief Suite by name ("TLS_RSA_WITH_AES_128_GCM_SHA256", case-insensitive,
 *        the "TLS_" prefix optional) or by hex id ("0xc02f"), or NULL.
 */
const tls_suite *tls_suite_parse(const char *text);
/** \brief Group by id, or NULL. */
const tls_group_info *tls_group_by_id(uint16_t id);
/** \brief Group by name (case-insensitive; "p256"/"prime256v1" aliases), or NULL. */
const tls_group_info *tls_group_parse(const char *text);

/**
 * \brief The suite a server uses for \p kx when none is named:
 *        TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256
 *        or TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.
 */
const tls_suite *tls_suite_default(tls_kx kx);

/**
 * \brief The suite a server with a certificate key of kind \p auth uses for
 *        \p kx when none is named (AES-128-GCM), or NULL when that
 *        certificate cannot serve \p kx (RSA key exchange needs an RSA one).
 */
const tls_suite *tls_suite_default_auth(tls_kx kx, tls_key_kind auth);

/** \brief "rsa" / "ecdsa": the --server-cert names. */
const char *tls_key_kind_name(tls_key_kind kind);

/**
 * \brief Every group, \p first first and the rest in the usual order: a
 *        server that prefers one group still accepts the others.
 * \param out  room for TLS_GROUP_COUNT groups
 * \return the number written
 */
size_t tls_groups_preferring(tls_group first, tls_group *out);

/** \brief "AES-128-GCM", "ChaCha20-Poly1305", "AES-256-CBC": the
 *         record cipher of \p s, as notes name it. */
const char *tls_suite_cipher_name(const tls_suite *s);

/** \brief "ECDHE_RSA" / "RSA" / "DHE_RSA". */
const char *tls_kx_name(tls_kx kx);

/** \brief Name of any suite id we may see on the wire, or NULL when unknown. */
const char *tls_suite_wire_name(uint16_t id);
/** \brief Name of any group id we may see on the wire, or NULL when unknown. */
const char *tls_group_wire_name(uint16_t id);
/** \brief Name of a SignatureScheme (e.g. 0x0401 "rsa_pkcs1_sha256"), or NULL. */
const char *tls_sigscheme_name(uint16_t id);
/** \brief Name of an extension type (e.g. 0 "server_name"), or NULL. */
const char *tls_extension_name(uint16_t type);

#endif
