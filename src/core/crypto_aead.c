/*
 * The mbedTLS adapter, AES-GCM: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include <mbedtls/gcm.h>

/* -------------------------------------------------------------- AES-GCM */

#define GCM_TAG_LEN 16
#define GCM_NONCE_LEN 12

static tls_err gcm_setup(mbedtls_gcm_context *gcm, const uint8_t *key, size_t key_len)
{
    mbedtls_gcm_init(gcm);
    if (key_len != 16 && key_len != 32)
        return TLS_ERR_INTERNAL;
    if (mbedtls_gcm_setkey(gcm, MBEDTLS_CIPHER_ID_AES, key, (unsigned)(key_len * 8)) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_aead_seal(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                      const uint8_t *aad, size_t aad_len,
                      const uint8_t *pt, size_t pt_len, uint8_t *out)
{
    mbedtls_gcm_context gcm;
    tls_err e = gcm_setup(&gcm, key, key_len);
    if (e == TLS_OK &&
        mbedtls_gcm_crypt_and_tag(&gcm, MBEDTLS_GCM_ENCRYPT, pt_len, nonce,
                                  GCM_NONCE_LEN, aad, aad_len, pt, out,
                                  GCM_TAG_LEN, out + pt_len) != 0)
        e = TLS_ERR_INTERNAL;
    mbedtls_gcm_free(&gcm); /* zeroizes the key schedule */
    return e;
}

tls_err tls_aead_open(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                      const uint8_t *aad, size_t aad_len,
                      const uint8_t *ct, size_t ct_len, uint8_t *out)
{
    if (ct_len < GCM_TAG_LEN)
        return TLS_ERR_BAD_RECORD_MAC;
    size_t n = ct_len - GCM_TAG_LEN;
    mbedtls_gcm_context gcm;
    tls_err e = gcm_setup(&gcm, key, key_len);
    if (e == TLS_OK) {
        /* On a bad tag mbedTLS zeroes the output: no unauthenticated
         * plaintext ever reaches the caller. */
        int ret = mbedtls_gcm_auth_decrypt(&gcm, n, nonce, GCM_NONCE_LEN, aad,
                                           aad_len, ct + n, GCM_TAG_LEN, ct, out);
        if (ret == MBEDTLS_ERR_GCM_AUTH_FAILED)
            e = TLS_ERR_BAD_RECORD_MAC;
        else if (ret != 0)
            e = TLS_ERR_INTERNAL;
    }
    mbedtls_gcm_free(&gcm);
    return e;
}
