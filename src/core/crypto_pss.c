/*
 * The mbedTLS adapter, RSASSA-PSS signatures: see include/tlssim/crypto.h.
 *
 * TLS names PSS with an RSA key rsa_pss_rsae_sha256/384/512 (RFC 8446
 * §4.2.3, which also allows them in TLS 1.2): RFC 8017 §8.1 with MGF1 on
 * the same hash as the digest, and "the length of the Salt MUST be equal to
 * the length of the digest algorithm".  Unlike PKCS#1 v1.5, each signature
 * mixes in a fresh random salt, so signing the same bytes twice gives two
 * different signatures; the verifier recovers the salt from the signature.
 *
 * Only the crypto_*.c files include mbedTLS headers (libmbedcrypto and
 * libmbedx509 only, never mbedtls/ssl*.h).
 */
#include "crypto_internal.h"

#include <mbedtls/rsa.h>

tls_err tls_x509_rsa_pss_verify(const tls_x509 *chain, tls_hash_alg alg,
                                const uint8_t *digest,
                                const uint8_t *sig, size_t sig_len)
{
    mbedtls_pk_context *pk = crypto_leaf_rsa(chain);
    size_t hlen = tls_hash_len(alg);
    if (!pk || !hlen)
        return TLS_ERR_DECRYPT_ERROR;
    /* MGF1's hash and the salt length are given here, not taken from the
     * key's context: a signature with any other salt length fails. */
    mbedtls_pk_rsassa_pss_options opts = {.mgf1_hash_id = crypto_md_type(alg),
                                          .expected_salt_len = (int)hlen};
    if (mbedtls_pk_verify_ext(MBEDTLS_PK_RSASSA_PSS, &opts, pk, crypto_md_type(alg), digest,
                              hlen, sig, sig_len) != 0)
        return TLS_ERR_DECRYPT_ERROR;
    return TLS_OK;
}

tls_err tls_privkey_sign_pss(const tls_privkey *key, tls_rng *rng, tls_hash_alg alg,
                             const uint8_t *digest, uint8_t *sig, size_t *sig_len)
{
    size_t hlen = tls_hash_len(alg);
    if (!key || !rng || !hlen || mbedtls_pk_get_type(&key->pk) != MBEDTLS_PK_RSA)
        return TLS_ERR_INTERNAL;
    /* mbedTLS takes PSS's MGF1 hash from the RSA context, whose padding the
     * pk layer set to PKCS#1 v1.5: switch it for this one signature and put
     * it back, so the key's other uses (v1.5 signatures, RSA key exchange)
     * see it unchanged.  Private operations write the context anyway (its
     * blinding values), hence the cast, as in crypto_pk.c. */
    mbedtls_rsa_context *rsa = mbedtls_pk_rsa(*(mbedtls_pk_context *)&key->pk);
    int padding = rsa->padding, hash_id = rsa->hash_id;
    mbedtls_md_type_t md = crypto_md_type(alg);
    mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, md);
    int ret = mbedtls_rsa_rsassa_pss_sign_ext(rsa, crypto_rng_cb, rng, md, (unsigned)hlen,
                                              digest, (int)hlen, sig);
    mbedtls_rsa_set_padding(rsa, padding, (mbedtls_md_type_t)hash_id);
    if (ret != 0)
        return TLS_ERR_INTERNAL;
    *sig_len = mbedtls_rsa_get_len(rsa);
    return TLS_OK;
}
