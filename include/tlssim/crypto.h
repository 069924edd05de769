/**
 * \file crypto.h
 * \brief The only door to mbedTLS: hashes, HMAC, a DRBG, AES-GCM, ECDH, DH,
 *        RSA and X.509.  Protocol code calls these and reads as protocol;
 *        nothing outside src/core/crypto_*.c (the adapter, one file per
 *        primitive family) includes an mbedTLS header.
 *
 * Byte conventions: every key, point and secret crosses this interface as a
 * byte string in its TLS wire form (big-endian scalars and uncompressed
 * points for the NIST curves, 32-byte little-endian strings for x25519).
 */
#ifndef TLSSIM_CRYPTO_H
#define TLSSIM_CRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tlssim/err.h"

/** \brief Hash functions used by the TLS 1.2 suites and signature schemes
 *         we implement.  SHA-1 only ever keys HMAC for the CBC suites'
 *         records (..._CBC_SHA): TLS 1.2's PRF never uses it.  SHA-512 only
 *         hashes what a ..._sha512 signature scheme signs. */
typedef enum tls_hash_alg {
    TLS_HASH_SHA256,
    TLS_HASH_SHA384,
    TLS_HASH_SHA1,
    TLS_HASH_SHA512
} tls_hash_alg;

/** \brief Largest digest we produce (SHA-512). */
#define TLS_HASH_MAX 64

/** \brief Digest length in bytes (20, 32, 48 or 64). */
size_t tls_hash_len(tls_hash_alg alg);

/** \brief "SHA-256" / "SHA-384" / "SHA-1" / "SHA-512". */
const char *tls_hash_name(tls_hash_alg alg);

/** \brief One-shot digest of \p len bytes into \p out (tls_hash_len bytes). */
tls_err tls_hash(tls_hash_alg alg, const uint8_t *data, size_t len, uint8_t *out);

/** \brief A running digest: fed piece by piece, read at any point. */
typedef struct tls_hash_stream tls_hash_stream;

/** \brief A running digest with \p alg, empty; NULL when out of memory. */
tls_hash_stream *tls_hash_stream_new(tls_hash_alg alg);

/** \brief The algorithm \p h was made with. */
tls_hash_alg tls_hash_stream_alg(const tls_hash_stream *h);

/** \brief Feed \p len more bytes. */
tls_err tls_hash_stream_update(tls_hash_stream *h, const uint8_t *data, size_t len);

/** \brief The digest of everything fed so far (tls_hash_len bytes); \p h
 *         goes on as it was (a handshake's transcript hash is read at
 *         several points and fed between them). */
tls_err tls_hash_stream_peek(const tls_hash_stream *h, uint8_t *out);

/** \brief Free (and wipe) \p h; NULL is fine. */
void tls_hash_stream_free(tls_hash_stream *h);

/** \brief A piece of input for multi-part HMAC. */
typedef struct tls_span { const uint8_t *p; size_t n; } tls_span;

/**
 * \brief HMAC over the concatenation of \p nparts spans.
 * \param out tls_hash_len(alg) bytes
 */
tls_err tls_hmac(tls_hash_alg alg, const uint8_t *key, size_t key_len,
                 const tls_span *parts, size_t nparts, uint8_t *out);

/* ------------------------------------------------------------------ RNG */

/** \brief A deterministic random bit generator: HMAC_DRBG over SHA-256 when
 *         seeded from a number, CTR_DRBG (AES-256) when seeded from entropy. */
typedef struct tls_rng tls_rng;

/**
 * \brief A generator seeded from a number and a label: the same (seed, label)
 *        always gives the same bytes, so a class can share a handout.
 * \param seed  the user's --seed
 * \param label separates streams ("client", "server") so they differ
 * \return the generator, or NULL when out of memory
 */
tls_rng *tls_rng_new_seeded(uint64_t seed, const char *label);

/** \brief A generator seeded from the operating system's entropy (through
 *         one per-process root); \p label personalises its stream. */
tls_rng *tls_rng_new_entropy(const char *label);

/** \brief Fill \p out with \p n random bytes. */
tls_err tls_rng_bytes(tls_rng *rng, uint8_t *out, size_t n);

/** \brief Wipe and free (NULL is fine). */
void tls_rng_free(tls_rng *rng);

/* -------------------------------------------------------------- AES-GCM */

/**
 * \brief AES-GCM encryption with a 16-byte tag appended after the ciphertext.
 * \param key      16 or 32 bytes
 * \param nonce    12 bytes
 * \param out      \p pt_len + 16 bytes (may not overlap \p pt)
 */
tls_err tls_aead_seal(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                      const uint8_t *aad, size_t aad_len,
                      const uint8_t *pt, size_t pt_len, uint8_t *out);

/**
 * \brief AES-GCM decryption of ciphertext‖tag.
 * \param out  \p ct_len - 16 bytes
 * \return TLS_OK, TLS_ERR_BAD_RECORD_MAC when the tag does not verify or the
 *         input is shorter than a tag
 */
tls_err tls_aead_open(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                      const uint8_t *aad, size_t aad_len,
                      const uint8_t *ct, size_t ct_len, uint8_t *out);

/* ---------------------------------------------------- ChaCha20-Poly1305 */

/**
 * \brief ChaCha20-Poly1305 (RFC 8439) encryption with the 16-byte Poly1305
 *        tag appended; the same shape as tls_aead_seal.
 * \param key      32 bytes (\p key_len must be 32)
 * \param nonce    12 bytes
 * \param out      \p pt_len + 16 bytes (may not overlap \p pt)
 */
tls_err tls_chachapoly_seal(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                            const uint8_t *aad, size_t aad_len,
                            const uint8_t *pt, size_t pt_len, uint8_t *out);

/**
 * \brief ChaCha20-Poly1305 decryption of ciphertext‖tag.
 * \return TLS_OK, TLS_ERR_BAD_RECORD_MAC when the tag does not verify (no
 *         plaintext is left in \p out) or the input is shorter than a tag
 */
tls_err tls_chachapoly_open(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                            const uint8_t *aad, size_t aad_len,
                            const uint8_t *ct, size_t ct_len, uint8_t *out);

/* -------------------------------------------------------------- AES-CBC */

/** \brief AES block size: CBC's IV and padding unit. */
#define TLS_AES_BLOCK 16

/**
 * \brief Raw AES-CBC over whole blocks, no padding (TLS adds its own).
 * \param key      16 or 32 bytes
 * \param iv       16 bytes (not modified)
 * \param len      a multiple of 16
 * \param out      \p len bytes
 */
tls_err tls_aes_cbc(bool encrypt, const uint8_t *key, size_t key_len,
                    const uint8_t iv[TLS_AES_BLOCK], const uint8_t *in, size_t len,
                    uint8_t *out);

/**
 * \brief HMAC over header ‖ data[0..data_len) whose running time does not
 *        depend on \p data_len within 0..\p data_max: after the real MAC,
 *        as many extra compression-function calls are run as a MAC over
 *        \p data_max bytes would have needed (the Lucky Thirteen
 *        countermeasure: \p data_len comes from a secret padding byte).
 * \param alg   SHA-1 or SHA-256 (64-byte blocks)
 * \param out   tls_hash_len(alg) bytes
 */
tls_err tls_hmac_fixed_time(tls_hash_alg alg, const uint8_t *key, size_t key_len,
                            const uint8_t *header, size_t header_len,
                            const uint8_t *data, size_t data_len, size_t data_max,
                            uint8_t *out);

/* ----------------------------------------------------------------- ECDH */

/** \brief Named groups (IANA TLS Supported Groups registry values). */
typedef enum tls_group {
    TLS_GROUP_SECP256R1 = 23,
    TLS_GROUP_SECP384R1 = 24,
    TLS_GROUP_X25519 = 29
} tls_group;

/** \brief Largest private scalar / public point / shared secret in bytes. */
#define TLS_ECDH_PRIV_MAX 48
#define TLS_ECDH_PUB_MAX 97
#define TLS_ECDH_SHARED_MAX 48

/** \brief Bytes of a private scalar of \p group in wire form (0 if unknown). */
size_t tls_ecdh_scalar_len(tls_group group);

/**
 * \brief Generate an ephemeral key pair for \p group.
 * \param priv     private scalar (wire form) out, *priv_len set
 * \param pub      public point (wire form: 0x04‖X‖Y or 32-byte x25519) out
 */
tls_err tls_ecdh_keygen(tls_group group, tls_rng *rng,
                        uint8_t *priv, size_t *priv_len,
                        uint8_t *pub, size_t *pub_len);

/**
 * \brief Public point for a given private scalar (a scenario file fixes the
 *        scalar; the point is still computed, never typed in).
 * \return TLS_ERR_ILLEGAL_PARAMETER when the scalar is not valid for the group
 */
tls_err tls_ecdh_public(tls_group group, const uint8_t *priv, size_t priv_len,
                        uint8_t *pub, size_t *pub_len);

/**
 * \brief The shared secret: the x-coordinate of priv·peer (RFC 8422 §5.10),
 *        or the X25519 output.
 * \return TLS_ERR_ILLEGAL_PARAMETER when \p peer is not a valid point
 */
tls_err tls_ecdh_shared(tls_group group, tls_rng *rng,
                        const uint8_t *priv, size_t priv_len,
                        const uint8_t *peer, size_t peer_len,
                        uint8_t *shared, size_t *shared_len);

/* ------------------------------------------------------ finite-field DH */

/** \brief Largest DH prime we accept, in bytes (8192 bits: ffdhe8192). */
#define TLS_DH_MAX 1024

/** \brief A finite-field group: prime \p p and generator \p g, big-endian. */
typedef struct tls_dh_params {
    const uint8_t *p;
    size_t p_len;
    const uint8_t *g;
    size_t g_len;
} tls_dh_params;

/** \brief RFC 7919's ffdhe2048 group (p as published there, g = 2). */
void tls_dh_ffdhe2048(tls_dh_params *out);

/**
 * \brief g^priv mod p, written as \p dh->p_len bytes (left-padded).
 * \param pub  room for \p dh->p_len bytes
 * \return TLS_ERR_ILLEGAL_PARAMETER when p or g is not usable
 */
tls_err tls_dh_public(const tls_dh_params *dh, const uint8_t *priv, size_t priv_len,
                      uint8_t *pub, size_t *pub_len);

/** \brief Whether 1 < \p y < p − 1 (for a public value, or for g). */
bool tls_dh_in_range(const tls_dh_params *dh, const uint8_t *y, size_t y_len);

/**
 * \brief Z = peer^priv mod p, written as \p dh->p_len bytes, left-padded
 *        with zeros: the caller strips them (RFC 5246 §8.1.2), so the
 *        protocol code shows that it does.
 * \return TLS_ERR_ILLEGAL_PARAMETER when \p peer is out of range
 */
tls_err tls_dh_shared(const tls_dh_params *dh, const uint8_t *priv, size_t priv_len,
                      const uint8_t *peer, size_t peer_len, uint8_t *z, size_t *z_len);

/* ------------------------------------------------------ RSA and X.509 */

/** \brief A parsed certificate chain (leaf first). */
typedef struct tls_x509 tls_x509;

/** \brief A parsed private key (RSA, or ECDSA on P-256 / P-384). */
typedef struct tls_privkey tls_privkey;

/**
 * \brief What a certificate's or a private key's key can do in TLS 1.2:
 *        the "signature" half of a SignatureAndHashAlgorithm (rsa(1),
 *        ecdsa(3)) and the authentication half of a cipher suite's name.
 */
typedef enum tls_key_kind {
    TLS_KEY_NONE,       /**< none we use (DSA, Ed25519, another curve...) */
    TLS_KEY_RSA,
    TLS_KEY_ECDSA       /**< an EC key on secp256r1 or secp384r1 */
} tls_key_kind;

/** \brief The kind of certificate \p i's public key (TLS_KEY_NONE when absent). */
tls_key_kind tls_x509_key_kind(const tls_x509 *chain, size_t i);

/** \brief The curve of certificate \p i's ECDSA key as a named group (0 when not EC). */
tls_group tls_x509_key_group(const tls_x509 *chain, size_t i);

/** \brief The size of certificate \p i's public key in bits (0 when absent). */
size_t tls_x509_key_bits(const tls_x509 *chain, size_t i);

/**
 * \brief Parse a DER certificate and append it to \p *chain (created when NULL).
 * \return TLS_ERR_BAD_CERTIFICATE when the DER does not parse
 */
tls_err tls_x509_add_der(tls_x509 **chain, const uint8_t *der, size_t len);

/** \brief Parse one or more PEM certificates (NUL-terminated text). */
tls_err tls_x509_add_pem(tls_x509 **chain, const char *pem);

/**
 * \brief Parse a trust bundle (e.g. the system's CA file): every certificate
 *        that parses is kept, the others are skipped, as a browser's store
 *        does with entries it does not understand.
 * \param skipped  set to the number of certificates that did not parse
 * \return TLS_OK when at least one certificate parsed, else TLS_ERR_BAD_CERTIFICATE
 */
tls_err tls_x509_add_pem_bundle(tls_x509 **chain, const char *pem, size_t *skipped);

/** \brief Number of certificates in the chain. */
size_t tls_x509_count(const tls_x509 *chain);

/** \brief The DER bytes of certificate \p i (0 = leaf). */
const uint8_t *tls_x509_der(const tls_x509 *chain, size_t i, size_t *len);

/** \brief DER of the subject name of certificate \p i (NULL when out of range):
 *         what a CertificateRequest lists as a DistinguishedName. */
const uint8_t *tls_x509_subject_der(const tls_x509 *chain, size_t i, size_t *len);

/** \brief Free a chain (NULL is fine). */
void tls_x509_free(tls_x509 *chain);

/** \brief What a person wants to know about one certificate. */
typedef struct tls_x509_info {
    char subject[256];
    char issuer[256];
    char not_before[32];    /**< "2025-01-01 00:00:00" (UTC) */
    char not_after[32];
    char serial[128];
    char sig_alg[64];       /**< e.g. "RSA with SHA-256" */
    char key_desc[64];      /**< e.g. "RSA 2048-bit" */
    char san[256];          /**< DNS subjectAltNames, comma separated */
} tls_x509_info;

/** \brief Describe certificate \p i of \p chain. */
tls_err tls_x509_describe(const tls_x509 *chain, size_t i, tls_x509_info *info);

/** \brief Only the subject of certificate \p i, as tls_x509_describe gives
 *         it (a handshake names each certificate it sends or receives; the
 *         rest of the description is not needed there). */
tls_err tls_x509_subject(const tls_x509 *chain, size_t i, char *out, size_t size);

/** \brief Most links tls_x509_path reports (a real path has two or three). */
#define TLS_X509_MAX_LINKS 8

/** \brief The outcome of verifying a chain, one flag per check. */
typedef struct tls_x509_verdict {
    bool chain_ok;      /**< signatures chain up to a trusted CA */
    bool host_ok;       /**< the leaf is valid for the expected host name */
    bool dates_ok;      /**< every certificate is within its validity period now */
    bool key_ok;        /**< the leaf's key is RSA or ECDSA on P-256/P-384
                             (what our suites can use; the engine checks
                             that it fits the negotiated suite) */
    char detail[1024];  /**< the library's reasons when something failed, as a
                             list argument (TLS_ARG_L, tls_text_list_add) */
    size_t nproved;     /**< links whose signature the verification checked
                             and found good: certificate proved[i][0] was
                             signed by proved[i][1] (tls_x509_path_known) */
    const void *proved[TLS_X509_MAX_LINKS][2];
} tls_x509_verdict;

/**
 * \brief Verify \p chain against the trust anchors \p trusted for \p host.
 * \return TLS_OK when every check passed; otherwise the alert-worthy error
 *         (bad_certificate, unknown_ca, certificate_expired,
 *         unsupported_certificate) with \p verdict saying which check failed
 */
tls_err tls_x509_verify(const tls_x509 *chain, const tls_x509 *trusted,
                        const char *host, tls_x509_verdict *verdict);

/** \brief One link of a certification path: a certificate and its issuer. */
typedef struct tls_x509_link {
    char subject[256];      /**< the certificate */
    char issuer[256];       /**< the issuer it names */
    char sig_alg[64];       /**< how the issuer signed it, e.g. "RSA with SHA-256" */
    bool issuer_found;      /**< a certificate with that subject was at hand */
    bool anchor;            /**< ... and it is a trust anchor: the path ends here */
    bool verified;          /**< the issuer's key verifies the signature */
} tls_x509_link;

/**
 * \brief The certification path from the leaf of \p chain (as received,
 *        leaf first, in any order after it) up to a trust anchor, one link
 *        per certificate, as a client builds it: the issuer is looked for
 *        among the anchors first, then among the other certificates sent.
 *        It stops at an anchor, at a certificate whose issuer is nowhere,
 *        or at a self-signed certificate that is not an anchor.  This
 *        explains tls_x509_verify's verdict; it does not replace it.
 * \return the number of links written (at most \p max)
 */
size_t tls_x509_path(const tls_x509 *chain, const tls_x509 *trusted,
                     tls_x509_link *links, size_t max);

/**
 * \brief tls_x509_path after tls_x509_verify(\p chain, \p trusted) gave
 *        \p verdict: a link that verification already checked is not
 *        checked again (each is an RSA or ECDSA verification), the others
 *        are.  The links are the same as tls_x509_path's.
 */
size_t tls_x509_path_known(const tls_x509 *chain, const tls_x509 *trusted,
                           const tls_x509_verdict *verdict, tls_x509_link *links, size_t max);

/** \brief Modulus size of the leaf's RSA key in bytes (0 if not RSA). */
size_t tls_x509_rsa_len(const tls_x509 *chain);

/**
 * \brief Verify an RSASSA-PKCS1-v1_5 signature by the leaf's key over a digest.
 * \return TLS_OK or TLS_ERR_DECRYPT_ERROR
 */
tls_err tls_x509_rsa_verify(const tls_x509 *chain, tls_hash_alg alg,
                            const uint8_t *digest,
                            const uint8_t *sig, size_t sig_len);

/**
 * \brief Verify an RSASSA-PSS signature by the leaf's RSA key over a digest,
 *        as TLS's rsa_pss_rsae_* schemes make it (RFC 8446 §4.2.3): MGF1
 *        with the same hash, a salt as long as the digest.
 * \return TLS_OK or TLS_ERR_DECRYPT_ERROR (any other salt length too)
 */
tls_err tls_x509_rsa_pss_verify(const tls_x509 *chain, tls_hash_alg alg,
                                const uint8_t *digest,
                                const uint8_t *sig, size_t sig_len);

/**
 * \brief RSAES-PKCS1-v1_5 encryption with the leaf's public key.
 * \param out  tls_x509_rsa_len bytes; *out_len set
 */
tls_err tls_x509_rsa_encrypt(const tls_x509 *chain, tls_rng *rng,
                             const uint8_t *in, size_t in_len,
                             uint8_t *out, size_t *out_len);

/**
 * \brief Verify an ECDSA signature by the leaf's key over a digest.  TLS
 *        carries ECDSA signatures DER-encoded (RFC 8422 §5.4):
 *        Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }.
 * \return TLS_OK, or TLS_ERR_DECRYPT_ERROR when the leaf's key is not EC,
 *         the DER is malformed or the signature does not verify (the alert
 *         OpenSSL, GnuTLS and BoringSSL send for all three)
 */
tls_err tls_x509_ecdsa_verify(const tls_x509 *chain, tls_hash_alg alg,
                              const uint8_t *digest,
                              const uint8_t *sig, size_t sig_len);

/** \brief Largest DER ECDSA signature on the curves we use (P-384: 2 × 49 + 6). */
#define TLS_ECDSA_SIG_MAX 104

/**
 * \brief Parse a PEM private key (NUL-terminated): RSA, or EC on P-256/P-384.
 * \return TLS_ERR_DECODE when it does not parse, TLS_ERR_UNSUPPORTED_CERTIFICATE
 *         for another kind of key
 */
tls_err tls_privkey_parse_pem(tls_privkey **key, const char *pem);

/** \brief TLS_KEY_RSA or TLS_KEY_ECDSA (TLS_KEY_NONE for NULL). */
tls_key_kind tls_privkey_kind(const tls_privkey *key);

/** \brief The curve of an ECDSA key as a named group (0 when not EC). */
tls_group tls_privkey_group(const tls_privkey *key);

/** \brief Free a key (wiped; NULL is fine). */
void tls_privkey_free(tls_privkey *key);

/** \brief Modulus size in bytes (RSA); the curve's order in bytes (EC). */
size_t tls_privkey_len(const tls_privkey *key);

/** \brief Whether \p key is the private half of certificate \p i's public key
 *         (false for another key, another kind of key, or no such certificate). */
bool tls_privkey_matches_x509(const tls_privkey *key, const tls_x509 *chain, size_t i);

/**
 * \brief A signature over a digest: RSASSA-PKCS1-v1_5 with an RSA key, DER
 *        ECDSA (a fresh random nonce per signature) with an EC key.
 * \param sig tls_privkey_len bytes (RSA) or TLS_ECDSA_SIG_MAX (EC); *sig_len set
 */
tls_err tls_privkey_sign(const tls_privkey *key, tls_rng *rng, tls_hash_alg alg,
                         const uint8_t *digest, uint8_t *sig, size_t *sig_len);

/**
 * \brief An RSASSA-PSS signature over a digest with an RSA key (rsa_pss_rsae_*,
 *        RFC 8446 §4.2.3): MGF1 with the digest's hash and a random salt of
 *        the digest's length, drawn from \p rng (so a seeded rng makes the
 *        signature reproducible).
 * \param sig tls_privkey_len bytes; *sig_len set
 * \return TLS_ERR_INTERNAL for a key that is not RSA
 */
tls_err tls_privkey_sign_pss(const tls_privkey *key, tls_rng *rng, tls_hash_alg alg,
                             const uint8_t *digest, uint8_t *sig, size_t *sig_len);

/**
 * \brief RSAES-PKCS1-v1_5 decryption.
 * \param out      at most \p out_max bytes; *out_len set
 * \return TLS_OK or TLS_ERR_DECRYPT_ERROR (the caller applies the RFC 5246
 *         §7.4.7.1 countermeasure; this only reports)
 */
tls_err tls_privkey_decrypt(const tls_privkey *key, tls_rng *rng,
                            const uint8_t *in, size_t in_len,
                            uint8_t *out, size_t out_max, size_t *out_len);

/** \brief Overwrite memory that held secrets, in a way the compiler keeps. */
void tls_wipe(void *p, size_t n);

#endif
