/*
 * The mbedTLS adapter, hashes and HMAC: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include <stdlib.h>

#include <mbedtls/platform_util.h>

void tls_wipe(void *p, size_t n)
{
    if (p && n)
        mbedtls_platform_zeroize(p, n);
}

/* --------------------------------------------------------------- hashes */

const mbedtls_md_info_t *crypto_md_info(tls_hash_alg alg)
{
    switch (alg) {
    case TLS_HASH_SHA256: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    case TLS_HASH_SHA384: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA384);
    case TLS_HASH_SHA1: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA1);
    case TLS_HASH_SHA512: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA512);
    }
    return NULL;
}

mbedtls_md_type_t crypto_md_type(tls_hash_alg alg)
{
    switch (alg) {
    case TLS_HASH_SHA384: return MBEDTLS_MD_SHA384;
    case TLS_HASH_SHA1: return MBEDTLS_MD_SHA1;
    case TLS_HASH_SHA512: return MBEDTLS_MD_SHA512;
    case TLS_HASH_SHA256: break;
    }
    return MBEDTLS_MD_SHA256;
}

size_t tls_hash_len(tls_hash_alg alg)
{
    const mbedtls_md_info_t *md = crypto_md_info(alg);
    return md ? mbedtls_md_get_size(md) : 0;
}

const char *tls_hash_name(tls_hash_alg alg)
{
    switch (alg) {
    case TLS_HASH_SHA256: return "SHA-256";
    case TLS_HASH_SHA384: return "SHA-384";
    case TLS_HASH_SHA1: return "SHA-1";
    case TLS_HASH_SHA512: return "SHA-512";
    }
    return "unknown-hash";
}

tls_err tls_hash(tls_hash_alg alg, const uint8_t *data, size_t len, uint8_t *out)
{
    const mbedtls_md_info_t *md = crypto_md_info(alg);
    if (!md || mbedtls_md(md, data, len, out) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

struct tls_hash_stream {
    mbedtls_md_context_t ctx;
    tls_hash_alg alg;
};

tls_hash_stream *tls_hash_stream_new(tls_hash_alg alg)
{
    const mbedtls_md_info_t *md = crypto_md_info(alg);
    tls_hash_stream *h = md ? calloc(1, sizeof *h) : NULL;
    if (!h)
        return NULL;
    h->alg = alg;
    mbedtls_md_init(&h->ctx);
    if (mbedtls_md_setup(&h->ctx, md, 0) != 0 || mbedtls_md_starts(&h->ctx) != 0) {
        tls_hash_stream_free(h);
        return NULL;
    }
    return h;
}

tls_hash_alg tls_hash_stream_alg(const tls_hash_stream *h) { return h->alg; }

tls_err tls_hash_stream_update(tls_hash_stream *h, const uint8_t *data, size_t len)
{
    if (len && mbedtls_md_update(&h->ctx, data, len) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_hash_stream_peek(const tls_hash_stream *h, uint8_t *out)
{
    /* Finish a copy: the running state stays open for more. */
    mbedtls_md_context_t copy;
    mbedtls_md_init(&copy);
    int ret = mbedtls_md_setup(&copy, crypto_md_info(h->alg), 0);
    if (ret == 0)
        ret = mbedtls_md_clone(&copy, &h->ctx);
    if (ret == 0)
        ret = mbedtls_md_finish(&copy, out);
    mbedtls_md_free(&copy);
    return ret == 0 ? TLS_OK : TLS_ERR_INTERNAL;
}

void tls_hash_stream_free(tls_hash_stream *h)
{
    if (!h)
        return;
    mbedtls_md_free(&h->ctx); /* zeroizes the state */
    tls_wipe(h, sizeof *h);
    free(h);
}

int crypto_hmac_begin(mbedtls_md_context_t *ctx, tls_hash_alg alg, const uint8_t *key,
                      size_t key_len)
{
    mbedtls_md_init(ctx);
    const mbedtls_md_info_t *md = crypto_md_info(alg);
    int ret = md ? mbedtls_md_setup(ctx, md, 1) : MBEDTLS_ERR_MD_BAD_INPUT_DATA;
    if (ret == 0)
        ret = mbedtls_md_hmac_starts(ctx, key, key_len);
    return ret;
}

tls_err tls_hmac(tls_hash_alg alg, const uint8_t *key, size_t key_len,
                 const tls_span *parts, size_t nparts, uint8_t *out)
{
    mbedtls_md_context_t ctx;
    int ret = crypto_hmac_begin(&ctx, alg, key, key_len);
    for (size_t i = 0; ret == 0 && i < nparts; i++) {
        if (parts[i].n)
            ret = mbedtls_md_hmac_update(&ctx, parts[i].p, parts[i].n);
    }
    if (ret == 0)
        ret = mbedtls_md_hmac_finish(&ctx, out);
    mbedtls_md_free(&ctx); /* zeroizes the keyed ipad/opad state */
    return ret == 0 ? TLS_OK : TLS_ERR_INTERNAL;
}
