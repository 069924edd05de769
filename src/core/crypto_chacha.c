/*
 * The mbedTLS adapter, ChaCha20-Poly1305 (RFC 8439, for RFC 7905's TLS
 * suites): see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers.  Every context that
 * held a key is freed (and so wiped) on every path.
 */
#include "crypto_internal.h"

#include <mbedtls/chachapoly.h>

#define CHACHA_KEY_LEN 32
#define POLY1305_TAG_LEN 16

static tls_err chachapoly_setup(mbedtls_chachapoly_context *ctx, const uint8_t *key,
                                size_t key_len)
{
    mbedtls_chachapoly_init(ctx);
    if (key_len != CHACHA_KEY_LEN || mbedtls_chachapoly_setkey(ctx, key) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_chachapoly_seal(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                            const uint8_t *aad, size_t aad_len,
                            const uint8_t *pt, size_t pt_len, uint8_t *out)
{
    mbedtls_chachapoly_context ctx;
    tls_err e = chachapoly_setup(&ctx, key, key_len);
    if (e == TLS_OK &&
        mbedtls_chachapoly_encrypt_and_tag(&ctx, pt_len, nonce, aad, aad_len, pt, out,
                                           out + pt_len) != 0)
        e = TLS_ERR_INTERNAL;
    mbedtls_chachapoly_free(&ctx);
    return e;
}

tls_err tls_chachapoly_open(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                            const uint8_t *aad, size_t aad_len,
                            const uint8_t *ct, size_t ct_len, uint8_t *out)
{
    if (ct_len < POLY1305_TAG_LEN)
        return TLS_ERR_BAD_RECORD_MAC;
    size_t n = ct_len - POLY1305_TAG_LEN;
    mbedtls_chachapoly_context ctx;
    tls_err e = chachapoly_setup(&ctx, key, key_len);
    if (e == TLS_OK) {
        /* On a bad tag mbedTLS zeroes the output (and compares in constant
         * time): no unauthenticated plaintext reaches the caller. */
        int ret = mbedtls_chachapoly_auth_decrypt(&ctx, n, nonce, aad, aad_len, ct + n, ct, out);
        if (ret == MBEDTLS_ERR_CHACHAPOLY_AUTH_FAILED)
            e = TLS_ERR_BAD_RECORD_MAC;
        else if (ret != 0)
            e = TLS_ERR_INTERNAL;
    }
    mbedtls_chachapoly_free(&ctx);
    return e;
}
