/*
 * The mbedTLS adapter, AES-CBC and the fixed-time HMAC the CBC suites'
 * records need: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers.  Every context that
 * held a key is freed (and so wiped) on every path.
 */
#include "crypto_internal.h"

#include <string.h>

#include <mbedtls/aes.h>

tls_err tls_aes_cbc(bool encrypt, const uint8_t *key, size_t key_len,
                    const uint8_t iv[TLS_AES_BLOCK], const uint8_t *in, size_t len,
                    uint8_t *out)
{
    if ((key_len != 16 && key_len != 32) || len % TLS_AES_BLOCK != 0)
        return TLS_ERR_INTERNAL;
    mbedtls_aes_context aes;
    mbedtls_aes_init(&aes);
    uint8_t chain[TLS_AES_BLOCK]; /* mbedTLS advances the IV it is given */
    memcpy(chain, iv, sizeof chain);
    int ret = encrypt ? mbedtls_aes_setkey_enc(&aes, key, (unsigned)(key_len * 8))
                      : mbedtls_aes_setkey_dec(&aes, key, (unsigned)(key_len * 8));
    if (ret == 0 && len > 0)
        ret = mbedtls_aes_crypt_cbc(&aes, encrypt ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT,
                                    len, chain, in, out);
    mbedtls_aes_free(&aes);
    return ret == 0 ? TLS_OK : TLS_ERR_INTERNAL;
}

/* Compression-function calls SHA-1 or SHA-256 make for the inner hash of
 * HMAC over n bytes: the key block (64) ‖ the n bytes ‖ at least 9 bytes
 * of Merkle–Damgård padding, in 64-byte blocks. */
static size_t inner_blocks(size_t n)
{
    return (64 + n + 9 + 63) / 64;
}

tls_err tls_hmac_fixed_time(tls_hash_alg alg, const uint8_t *key, size_t key_len,
                            const uint8_t *header, size_t header_len,
                            const uint8_t *data, size_t data_len, size_t data_max,
                            uint8_t *out)
{
    if (alg == TLS_HASH_SHA384 || data_len > data_max)
        return TLS_ERR_INTERNAL; /* 64-byte blocks only: see inner_blocks */
    mbedtls_md_context_t ctx;
    int ret = crypto_hmac_begin(&ctx, alg, key, key_len);
    if (ret == 0)
        ret = mbedtls_md_hmac_update(&ctx, header, header_len);
    if (ret == 0 && data_len)
        ret = mbedtls_md_hmac_update(&ctx, data, data_len);
    if (ret == 0)
        ret = mbedtls_md_hmac_finish(&ctx, out);
    /* The padding-dependent part: hash blocks nobody reads, as many as the
     * longest possible record would have cost, so that the time taken says
     * nothing about how much padding there was. */
    uint8_t dummy[64] = {0};
    size_t extra = inner_blocks(header_len + data_max) - inner_blocks(header_len + data_len);
    for (size_t i = 0; ret == 0 && i < extra; i++)
        ret = mbedtls_md_process(&ctx, dummy);
    mbedtls_md_free(&ctx);
    return ret == 0 ? TLS_OK : TLS_ERR_INTERNAL;
}
