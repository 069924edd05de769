/*
 * The mbedTLS adapter, RSA and private keys: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ RSA */

mbedtls_pk_context *crypto_leaf_rsa(const tls_x509 *chain)
{
    const mbedtls_x509_crt *leaf = crypto_crt_at(chain, 0);
    if (!leaf || mbedtls_pk_get_type(&leaf->pk) != MBEDTLS_PK_RSA)
        return NULL;
    /* mbedTLS's pk calls take non-const contexts even for public operations. */
    return (mbedtls_pk_context *)&leaf->pk;
}

size_t tls_x509_rsa_len(const tls_x509 *chain)
{
    mbedtls_pk_context *pk = crypto_leaf_rsa(chain);
    return pk ? mbedtls_pk_get_len(pk) : 0;
}

tls_err tls_x509_rsa_verify(const tls_x509 *chain, tls_hash_alg alg,
                            const uint8_t *digest,
                            const uint8_t *sig, size_t sig_len)
{
    mbedtls_pk_context *pk = crypto_leaf_rsa(chain);
    size_t hlen = tls_hash_len(alg);
    if (!pk || !hlen)
        return TLS_ERR_DECRYPT_ERROR;
    /* The pk layer parses RSA keys with PKCS#1 v1.5 padding selected. */
    if (mbedtls_pk_verify(pk, crypto_md_type(alg), digest, hlen, sig, sig_len) != 0)
        return TLS_ERR_DECRYPT_ERROR;
    return TLS_OK;
}

/* ---------------------------------------------------------------- ECDSA */

/* The curves our groups and signature schemes name: P-256 and P-384. */
static bool usable_curve(const mbedtls_pk_context *pk)
{
    if (mbedtls_pk_get_type(pk) != MBEDTLS_PK_ECKEY)
        return false;
    mbedtls_ecp_group_id id = mbedtls_pk_ec(*pk)->grp.id;
    return id == MBEDTLS_ECP_DP_SECP256R1 || id == MBEDTLS_ECP_DP_SECP384R1;
}

tls_key_kind crypto_pk_kind(const mbedtls_pk_context *pk)
{
    if (mbedtls_pk_get_type(pk) == MBEDTLS_PK_RSA)
        return TLS_KEY_RSA;
    return usable_curve(pk) ? TLS_KEY_ECDSA : TLS_KEY_NONE;
}

/* RFC 8422 §5.1: the curve of a certificate's key is named by the same
 * values as the ECDHE groups, and the client's supported_groups covers both. */
static tls_group pk_group(const mbedtls_pk_context *pk)
{
    if (!usable_curve(pk))
        return (tls_group)0;
    return mbedtls_pk_ec(*pk)->grp.id == MBEDTLS_ECP_DP_SECP256R1 ? TLS_GROUP_SECP256R1
                                                                  : TLS_GROUP_SECP384R1;
}

tls_group tls_x509_key_group(const tls_x509 *chain, size_t i)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    return c ? pk_group(&c->pk) : (tls_group)0;
}

tls_group tls_privkey_group(const tls_privkey *key)
{
    return key ? pk_group(&key->pk) : (tls_group)0;
}

tls_key_kind tls_x509_key_kind(const tls_x509 *chain, size_t i)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    return c ? crypto_pk_kind(&c->pk) : TLS_KEY_NONE;
}

size_t tls_x509_key_bits(const tls_x509 *chain, size_t i)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    return c ? mbedtls_pk_get_bitlen(&c->pk) : 0;
}

tls_err tls_x509_ecdsa_verify(const tls_x509 *chain, tls_hash_alg alg,
                              const uint8_t *digest,
                              const uint8_t *sig, size_t sig_len)
{
    const mbedtls_x509_crt *leaf = crypto_crt_at(chain, 0);
    size_t hlen = tls_hash_len(alg);
    if (!leaf || !hlen || !usable_curve(&leaf->pk))
        return TLS_ERR_DECRYPT_ERROR;
    /* The EC pk layer reads the DER SEQUENCE { r, s } strictly (trailing
     * bytes included) before it checks the signature: every failure is a
     * failed verification, decrypt_error. */
    mbedtls_pk_context *pk = (mbedtls_pk_context *)&leaf->pk;
    if (mbedtls_pk_verify(pk, crypto_md_type(alg), digest, hlen, sig, sig_len) != 0)
        return TLS_ERR_DECRYPT_ERROR;
    return TLS_OK;
}

tls_err tls_x509_rsa_encrypt(const tls_x509 *chain, tls_rng *rng,
                             const uint8_t *in, size_t in_len,
                             uint8_t *out, size_t *out_len)
{
    mbedtls_pk_context *pk = crypto_leaf_rsa(chain);
    if (!pk || !rng)
        return TLS_ERR_INTERNAL;
    if (mbedtls_pk_encrypt(pk, in, in_len, out, out_len, mbedtls_pk_get_len(pk),
                           crypto_rng_cb, rng) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_privkey_parse_pem(tls_privkey **key, const char *pem)
{
    if (!key || !pem)
        return TLS_ERR_INTERNAL;
    *key = NULL;
    tls_privkey *k = calloc(1, sizeof *k);
    if (!k)
        return TLS_ERR_INTERNAL;
    mbedtls_pk_init(&k->pk);
    /* mbedTLS recognises PEM only when the length counts the final NUL. */
    int ret = mbedtls_pk_parse_key(&k->pk, (const unsigned char *)pem,
                                   strlen(pem) + 1, NULL, 0);
    if (ret != 0 || crypto_pk_kind(&k->pk) == TLS_KEY_NONE) {
        tls_privkey_free(k);
        return ret != 0 ? TLS_ERR_DECODE : TLS_ERR_UNSUPPORTED_CERTIFICATE;
    }
    *key = k;
    return TLS_OK;
}

void tls_privkey_free(tls_privkey *key)
{
    if (!key)
        return;
    mbedtls_pk_free(&key->pk); /* zeroizes the RSA private values */
    tls_wipe(key, sizeof *key);
    free(key);
}

tls_key_kind tls_privkey_kind(const tls_privkey *key)
{
    return key ? crypto_pk_kind(&key->pk) : TLS_KEY_NONE;
}

size_t tls_privkey_len(const tls_privkey *key)
{
    return key ? mbedtls_pk_get_len(&key->pk) : 0;
}

/* Private operations update the blinding values inside the RSA context,
 * so mbedTLS needs it writable even though the key itself does not change. */
static mbedtls_pk_context *key_pk(const tls_privkey *key)
{
    return (mbedtls_pk_context *)&key->pk;
}

tls_err tls_privkey_sign(const tls_privkey *key, tls_rng *rng, tls_hash_alg alg,
                         const uint8_t *digest, uint8_t *sig, size_t *sig_len)
{
    size_t hlen = tls_hash_len(alg);
    if (!key || !rng || !hlen)
        return TLS_ERR_INTERNAL;
    /* An EC key writes DER SEQUENCE { r, s }.  mbedTLS derives the nonce
     * from the key and the digest (RFC 6979, MBEDTLS_ECDSA_DETERMINISTIC),
     * so two different messages never share one; the rng only blinds. */
    if (mbedtls_pk_sign(key_pk(key), crypto_md_type(alg), digest, hlen, sig, sig_len,
                        crypto_rng_cb, rng) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_privkey_decrypt(const tls_privkey *key, tls_rng *rng,
                            const uint8_t *in, size_t in_len,
                            uint8_t *out, size_t out_max, size_t *out_len)
{
    *out_len = 0;
    if (!key || !rng)
        return TLS_ERR_INTERNAL;
    if (mbedtls_pk_decrypt(key_pk(key), in, in_len, out, out_len, out_max,
                           crypto_rng_cb, rng) != 0) {
        *out_len = 0;
        return TLS_ERR_DECRYPT_ERROR;
    }
    return TLS_OK;
}

bool tls_privkey_matches_x509(const tls_privkey *key, const tls_x509 *chain, size_t i)
{
    /* mbedtls_pk_check_pair compares the public halves (the RSA modulus and
     * exponent, the EC point) and refuses keys of different kinds. */
    const mbedtls_x509_crt *crt = crypto_crt_at(chain, i);
    return key && crt && mbedtls_pk_check_pair(&crt->pk, &key->pk) == 0;
}
