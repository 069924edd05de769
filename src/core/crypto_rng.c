/*
 * The mbedTLS adapter, the random generators: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/hmac_drbg.h>

/* ------------------------------------------------------------------ RNG */

/* mbedTLS asks for randomness in tiny pieces (PKCS#1 v1.5 padding draws one
 * byte per call, blinding a few words), and every DRBG call has a fixed
 * cost: a pool of output turns those into one call per 256 bytes.  A
 * seeded stream stays a pure function of the seed.
 *
 * Two generators: a seeded run keeps HMAC_DRBG over SHA-256, so printed
 * handouts of a --seed stay valid; an unseeded one uses CTR_DRBG (AES-256,
 * AES-NI where the CPU has it), seeded from the process's entropy root at a
 * fraction of an HMAC_DRBG's instantiation and output cost. */
#define RNG_POOL 256

struct tls_rng {
    bool ctr;                   /* CTR_DRBG (unseeded runs), else HMAC_DRBG */
    mbedtls_hmac_drbg_context drbg;
    mbedtls_ctr_drbg_context ctr_drbg;
    uint8_t pool[RNG_POOL];
    size_t pool_left;           /* unread bytes at the end of pool */
};

static tls_rng *rng_alloc(void)
{
    tls_rng *rng = calloc(1, sizeof *rng);
    if (rng) {
        mbedtls_hmac_drbg_init(&rng->drbg);
        mbedtls_ctr_drbg_init(&rng->ctr_drbg);
    }
    return rng;
}

static tls_rng *rng_from_material(const uint8_t *prefix, size_t prefix_len, const char *label)
{
    size_t label_len = label ? strlen(label) : 0;
    uint8_t *material = malloc(prefix_len + label_len + 1);
    tls_rng *rng = rng_alloc();
    if (!material || !rng) {
        free(material);
        tls_rng_free(rng);
        return NULL;
    }
    memcpy(material, prefix, prefix_len);
    if (label_len)
        memcpy(material + prefix_len, label, label_len);
    int ret = mbedtls_hmac_drbg_seed_buf(
        &rng->drbg, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256),
        material, prefix_len + label_len);
    tls_wipe(material, prefix_len + label_len);
    free(material);
    if (ret != 0) {
        tls_rng_free(rng);
        return NULL;
    }
    return rng;
}

tls_rng *tls_rng_new_seeded(uint64_t seed, const char *label)
{
    /* Seed material = 8-byte big-endian seed ‖ label: a class that shares
     * --seed gets the same handshake bytes, and the label keeps the client's
     * stream apart from the server's. */
    uint8_t be[8];
    for (int i = 0; i < 8; i++)
        be[i] = (uint8_t)(seed >> (56 - 8 * i));
    return rng_from_material(be, sizeof be, label);
}

/* One generator per process draws from the operating system; every
 * unseeded tls_rng is seeded from it.  Gathering entropy costs a fifth of a
 * millisecond, too much to pay twice per handshake.  tlssim is
 * single-threaded, so the lazily created root needs no lock. */
static tls_rng *entropy_root(void)
{
    static mbedtls_entropy_context entropy;
    static tls_rng *root;
    if (root)
        return root;
    tls_rng *rng = rng_alloc();
    if (!rng)
        return NULL;
    rng->ctr = true;
    mbedtls_entropy_init(&entropy);
    static const char pers[] = "tlssim entropy root";
    if (mbedtls_ctr_drbg_seed(&rng->ctr_drbg, mbedtls_entropy_func, &entropy,
                              (const unsigned char *)pers, sizeof pers - 1) != 0) {
        tls_rng_free(rng);
        return NULL;
    }
    /* The DRBG reseeds from this context later, so it stays alive. */
    root = rng;
    return root;
}

/* The entropy source of an unseeded tls_rng: the root's output. */
static int root_entropy(void *root, unsigned char *out, size_t n)
{
    return tls_rng_bytes(root, out, n) == TLS_OK ? 0 : MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
}

tls_rng *tls_rng_new_entropy(const char *label)
{
    tls_rng *root = entropy_root();
    tls_rng *rng = root ? rng_alloc() : NULL;
    if (!rng)
        return NULL;
    rng->ctr = true;
    /* The label personalises the stream: the client's and the server's differ. */
    if (mbedtls_ctr_drbg_seed(&rng->ctr_drbg, root_entropy, root, (const unsigned char *)label,
                              label ? strlen(label) : 0) != 0) {
        tls_rng_free(rng);
        return NULL;
    }
    return rng;
}

static tls_err drbg_fill(tls_rng *rng, uint8_t *out, size_t n)
{
    /* Each DRBG serves a bounded number of bytes a call. */
    size_t max = rng->ctr ? MBEDTLS_CTR_DRBG_MAX_REQUEST : MBEDTLS_HMAC_DRBG_MAX_REQUEST;
    while (n > 0) {
        size_t chunk = n < max ? n : max;
        int ret = rng->ctr ? mbedtls_ctr_drbg_random(&rng->ctr_drbg, out, chunk)
                           : mbedtls_hmac_drbg_random(&rng->drbg, out, chunk);
        if (ret != 0)
            return TLS_ERR_INTERNAL;
        out += chunk;
        n -= chunk;
    }
    return TLS_OK;
}

tls_err tls_rng_bytes(tls_rng *rng, uint8_t *out, size_t n)
{
    if (!rng)
        return TLS_ERR_INTERNAL;
    while (n > 0) {
        if (rng->pool_left == 0) {
            if (n >= RNG_POOL)
                return drbg_fill(rng, out, n);
            if (drbg_fill(rng, rng->pool, RNG_POOL) != TLS_OK)
                return TLS_ERR_INTERNAL;
            rng->pool_left = RNG_POOL;
        }
        size_t take = n < rng->pool_left ? n : rng->pool_left;
        uint8_t *src = rng->pool + RNG_POOL - rng->pool_left;
        memcpy(out, src, take);
        tls_wipe(src, take); /* handed out: not kept */
        rng->pool_left -= take;
        out += take;
        n -= take;
    }
    return TLS_OK;
}

void tls_rng_free(tls_rng *rng)
{
    if (!rng)
        return;
    mbedtls_hmac_drbg_free(&rng->drbg);
    mbedtls_ctr_drbg_free(&rng->ctr_drbg);
    tls_wipe(rng, sizeof *rng);
    free(rng);
}

/* The f_rng shape mbedTLS wants, drawing from a tls_rng. */
int crypto_rng_cb(void *ctx, unsigned char *out, size_t n)
{
    return tls_rng_bytes(ctx, out, n) == TLS_OK ? 0 : MBEDTLS_ERR_HMAC_DRBG_REQUEST_TOO_BIG;
}
