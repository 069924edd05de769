/*
 * The mbedTLS adapter: see include/tlssim/crypto.h.
 *
 * This is the only file that includes mbedTLS headers, and it uses only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "tlssim/crypto.h"
#include "tlssim/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/asn1.h>
#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/gcm.h>
#include <mbedtls/hmac_drbg.h>
#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/x509.h>
#include <mbedtls/x509_crt.h>

void tls_wipe(void *p, size_t n)
{
    if (p && n)
        mbedtls_platform_zeroize(p, n);
}

/* --------------------------------------------------------------- hashes */

static const mbedtls_md_info_t *md_info(tls_hash_alg alg)
{
    switch (alg) {
    case TLS_HASH_SHA256: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    case TLS_HASH_SHA384: return mbedtls_md_info_from_type(MBEDTLS_MD_SHA384);
    }
    return NULL;
}

static mbedtls_md_type_t md_type(tls_hash_alg alg)
{
    return alg == TLS_HASH_SHA384 ? MBEDTLS_MD_SHA384 : MBEDTLS_MD_SHA256;
}

size_t tls_hash_len(tls_hash_alg alg)
{
    const mbedtls_md_info_t *md = md_info(alg);
    return md ? mbedtls_md_get_size(md) : 0;
}

const char *tls_hash_name(tls_hash_alg alg)
{
    switch (alg) {
    case TLS_HASH_SHA256: return "SHA-256";
    case TLS_HASH_SHA384: return "SHA-384";
    }
    return "unknown-hash";
}

tls_err tls_hash(tls_hash_alg alg, const uint8_t *data, size_t len, uint8_t *out)
{
    const mbedtls_md_info_t *md = md_info(alg);
    if (!md || mbedtls_md(md, data, len, out) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_hmac(tls_hash_alg alg, const uint8_t *key, size_t key_len,
                 const tls_span *parts, size_t nparts, uint8_t *out)
{
    const mbedtls_md_info_t *md = md_info(alg);
    if (!md)
        return TLS_ERR_INTERNAL;
    mbedtls_md_context_t ctx;
    mbedtls_md_init(&ctx);
    int ret = mbedtls_md_setup(&ctx, md, 1);
    if (ret == 0)
        ret = mbedtls_md_hmac_starts(&ctx, key, key_len);
    for (size_t i = 0; ret == 0 && i < nparts; i++) {
        if (parts[i].n)
            ret = mbedtls_md_hmac_update(&ctx, parts[i].p, parts[i].n);
    }
    if (ret == 0)
        ret = mbedtls_md_hmac_finish(&ctx, out);
    mbedtls_md_free(&ctx); /* zeroizes the keyed ipad/opad state */
    return ret == 0 ? TLS_OK : TLS_ERR_INTERNAL;
}

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
static int rng_cb(void *ctx, unsigned char *out, size_t n)
{
    return tls_rng_bytes(ctx, out, n) == TLS_OK ? 0 : MBEDTLS_ERR_HMAC_DRBG_REQUEST_TOO_BIG;
}

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

/* ----------------------------------------------------------------- ECDH */

/*
 * One mbedtls_ecp_group per curve, loaded on first use and kept for the
 * life of the process.  The first multiplication by the base point G
 * builds a precomputed comb table and stores it in the group (grp->T);
 * later keygens through the same group reuse it.  A freshly loaded group
 * per call rebuilds the table every time, which made a P-256 or P-384
 * keygen about 2.3 times slower when measured (mbedTLS 2.28, x86-64).
 * X25519 uses a Montgomery ladder without a table, so for it the cache
 * only saves loading the curve constants.
 *
 * NOT thread-safe: the lazy load and the table cache mutate shared state.
 * tlssim runs its engine in a single thread; a multi-threaded caller would
 * need a lock around curve_get() and every mbedtls_ecp_mul() on the group.
 * The groups are never freed: they stay reachable until exit.
 */
typedef struct curve {
    tls_group id;
    mbedtls_ecp_group_id mbed_id;
    size_t len; /* bytes of a scalar, a coordinate and the shared secret */
    bool loaded;
    mbedtls_ecp_group grp;
} curve;

static curve curves[] = {
    {TLS_GROUP_SECP256R1, MBEDTLS_ECP_DP_SECP256R1, 32, false, {0}},
    {TLS_GROUP_SECP384R1, MBEDTLS_ECP_DP_SECP384R1, 48, false, {0}},
    {TLS_GROUP_X25519, MBEDTLS_ECP_DP_CURVE25519, 32, false, {0}},
};

static curve *curve_get(tls_group group)
{
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++) {
        curve *c = &curves[i];
        if (c->id != group)
            continue;
        if (!c->loaded) {
            mbedtls_ecp_group_init(&c->grp);
            if (mbedtls_ecp_group_load(&c->grp, c->mbed_id) != 0) {
                mbedtls_ecp_group_free(&c->grp);
                return NULL;
            }
            c->loaded = true;
        }
        return c;
    }
    return NULL;
}

static bool is_x25519(const curve *c) { return c->id == TLS_GROUP_X25519; }

/* A private scalar in wire form into an mpi.  X25519 scalars are clamped
 * as RFC 7748 §5 decodeScalar25519 does, so any 32 bytes are usable; a
 * NIST scalar must lie in [1, n-1]. */
static tls_err scalar_load(const curve *c, const uint8_t *priv, size_t len,
                           mbedtls_mpi *d)
{
    if (!priv || len != c->len)
        return TLS_ERR_ILLEGAL_PARAMETER;
    int ret;
    if (is_x25519(c)) {
        uint8_t k[32];
        memcpy(k, priv, sizeof k);
        k[0] &= 248;
        k[31] &= 127;
        k[31] |= 64;
        ret = mbedtls_mpi_read_binary_le(d, k, sizeof k);
        tls_wipe(k, sizeof k);
    } else {
        ret = mbedtls_mpi_read_binary(d, priv, len);
    }
    if (ret != 0)
        return TLS_ERR_INTERNAL;
    if (mbedtls_ecp_check_privkey(&c->grp, d) != 0)
        return TLS_ERR_ILLEGAL_PARAMETER;
    return TLS_OK;
}

static tls_err scalar_store(const curve *c, const mbedtls_mpi *d,
                            uint8_t *priv, size_t *priv_len)
{
    int ret = is_x25519(c) ? mbedtls_mpi_write_binary_le(d, priv, c->len)
                           : mbedtls_mpi_write_binary(d, priv, c->len);
    if (ret != 0)
        return TLS_ERR_INTERNAL;
    *priv_len = c->len;
    return TLS_OK;
}

/* Bytes of a public value on the wire: 0x04‖X‖Y, or the X25519 u. */
static size_t point_len(const curve *c)
{
    return is_x25519(c) ? c->len : 1 + 2 * c->len;
}

/* Uncompressed 0x04‖X‖Y for NIST curves; mbedTLS writes the 32-byte
 * little-endian u-coordinate for Curve25519 by itself. */
static tls_err point_store(const curve *c, const mbedtls_ecp_point *q,
                           uint8_t *pub, size_t *pub_len)
{
    if (mbedtls_ecp_point_write_binary(&c->grp, q, MBEDTLS_ECP_PF_UNCOMPRESSED,
                                       pub_len, pub, point_len(c)) != 0)
        return TLS_ERR_INTERNAL;
    return TLS_OK;
}

tls_err tls_ecdh_keygen(tls_group group, tls_rng *rng,
                        uint8_t *priv, size_t *priv_len,
                        uint8_t *pub, size_t *pub_len)
{
    curve *c = curve_get(group);
    if (!c || !rng)
        return TLS_ERR_INTERNAL;
    mbedtls_mpi d;
    mbedtls_ecp_point q;
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&q);
    tls_err e = TLS_ERR_INTERNAL;
    if (mbedtls_ecp_gen_keypair(&c->grp, &d, &q, rng_cb, rng) == 0) {
        e = scalar_store(c, &d, priv, priv_len);
        if (e == TLS_OK)
            e = point_store(c, &q, pub, pub_len);
    }
    mbedtls_mpi_free(&d); /* mbedtls_mpi_free zeroizes the limbs */
    mbedtls_ecp_point_free(&q);
    return e;
}

tls_err tls_ecdh_public(tls_group group, const uint8_t *priv, size_t priv_len,
                        uint8_t *pub, size_t *pub_len)
{
    curve *c = curve_get(group);
    if (!c)
        return TLS_ERR_INTERNAL;
    mbedtls_mpi d;
    mbedtls_ecp_point q;
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&q);
    tls_err e = scalar_load(c, priv, priv_len, &d);
    /* No rng here: mbedTLS then blinds with its internal DRBG seeded from
     * the scalar, which is fine for a public, non-interactive computation. */
    if (e == TLS_OK && mbedtls_ecp_mul(&c->grp, &q, &d, &c->grp.G, NULL, NULL) != 0)
        e = TLS_ERR_INTERNAL;
    if (e == TLS_OK)
        e = point_store(c, &q, pub, pub_len);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_point_free(&q);
    return e;
}

/* The peer's public value: it must decode and lie on the curve (for NIST
 * curves, check_pubkey also rejects the point at infinity). */
static tls_err peer_load(const curve *c, const uint8_t *peer, size_t len,
                         mbedtls_ecp_point *p)
{
    if (!peer || len != point_len(c))
        return TLS_ERR_ILLEGAL_PARAMETER;
    if (mbedtls_ecp_point_read_binary(&c->grp, p, peer, len) != 0)
        return TLS_ERR_ILLEGAL_PARAMETER;
    if (mbedtls_ecp_check_pubkey(&c->grp, p) != 0)
        return TLS_ERR_ILLEGAL_PARAMETER;
    return TLS_OK;
}

/* priv·peer.  A low-order X25519 point makes the ladder's projective Z
 * vanish; mbedTLS either reports that or yields 0, and both mean the peer
 * sent a point that leaks nothing useful: illegal_parameter. */
static tls_err shared_mul(curve *c, tls_rng *rng, const mbedtls_mpi *d,
                          const mbedtls_ecp_point *p, mbedtls_ecp_point *s)
{
    int ret = mbedtls_ecp_mul(&c->grp, s, d, p, rng ? rng_cb : NULL, rng);
    if (ret == MBEDTLS_ERR_MPI_NOT_ACCEPTABLE || ret == MBEDTLS_ERR_ECP_INVALID_KEY)
        return TLS_ERR_ILLEGAL_PARAMETER;
    if (ret != 0)
        return TLS_ERR_INTERNAL;
    if (mbedtls_ecp_is_zero(s) || mbedtls_mpi_cmp_int(&s->X, 0) == 0)
        return TLS_ERR_ILLEGAL_PARAMETER; /* RFC 7748 §6.1 all-zero check */
    return TLS_OK;
}

tls_err tls_ecdh_shared(tls_group group, tls_rng *rng,
                        const uint8_t *priv, size_t priv_len,
                        const uint8_t *peer, size_t peer_len,
                        uint8_t *shared, size_t *shared_len)
{
    curve *c = curve_get(group);
    if (!c)
        return TLS_ERR_INTERNAL;
    mbedtls_mpi d;
    mbedtls_ecp_point p, s;
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&p);
    mbedtls_ecp_point_init(&s);
    tls_err e = scalar_load(c, priv, priv_len, &d);
    if (e == TLS_OK)
        e = peer_load(c, peer, peer_len, &p);
    if (e == TLS_OK)
        e = shared_mul(c, rng, &d, &p, &s);
    if (e == TLS_OK)
        e = scalar_store(c, &s.X, shared, shared_len);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_point_free(&p);
    mbedtls_ecp_point_free(&s);
    return e;
}

/* ---------------------------------------------------------------- X.509 */

struct tls_x509 {
    mbedtls_x509_crt crt; /* the list head: the leaf */
};

struct tls_privkey {
    mbedtls_pk_context pk;
};

/* The i-th certificate, or NULL.  An initialised but empty list head has
 * version 0. */
static const mbedtls_x509_crt *crt_at(const tls_x509 *chain, size_t i)
{
    if (!chain)
        return NULL;
    const mbedtls_x509_crt *c = &chain->crt;
    for (; c && c->version != 0; c = c->next, i--) {
        if (i == 0)
            return c;
    }
    return NULL;
}

tls_err tls_x509_add_der(tls_x509 **chain, const uint8_t *der, size_t len)
{
    if (!chain || !der)
        return TLS_ERR_INTERNAL;
    bool created = false;
    if (!*chain) {
        *chain = calloc(1, sizeof **chain);
        if (!*chain)
            return TLS_ERR_INTERNAL;
        mbedtls_x509_crt_init(&(*chain)->crt);
        created = true;
    }
    if (mbedtls_x509_crt_parse_der(&(*chain)->crt, der, len) == 0)
        return TLS_OK;
    /* mbedTLS drops the half-parsed entry itself; drop a list we made. */
    if (created) {
        tls_x509_free(*chain);
        *chain = NULL;
    }
    return TLS_ERR_BAD_CERTIFICATE;
}

tls_err tls_x509_add_pem_bundle(tls_x509 **chain, const char *pem, size_t *skipped)
{
    if (!chain || !pem || !skipped)
        return TLS_ERR_INTERNAL;
    mbedtls_x509_crt tmp;
    mbedtls_x509_crt_init(&tmp);
    /* A positive result counts the certificates that failed to parse. */
    int ret = mbedtls_x509_crt_parse(&tmp, (const unsigned char *)pem, strlen(pem) + 1);
    *skipped = ret > 0 ? (size_t)ret : 0;
    tls_err e = ret >= 0 && tmp.version != 0 ? TLS_OK : TLS_ERR_BAD_CERTIFICATE;
    for (const mbedtls_x509_crt *c = &tmp; e == TLS_OK && c; c = c->next)
        e = tls_x509_add_der(chain, c->raw.p, c->raw.len);
    mbedtls_x509_crt_free(&tmp);
    return e;
}

tls_err tls_x509_add_pem(tls_x509 **chain, const char *pem)
{
    if (!chain || !pem)
        return TLS_ERR_INTERNAL;
    /* Parse into a scratch list first so that a bundle with one bad
     * certificate leaves *chain untouched, then append the DER of each. */
    mbedtls_x509_crt tmp;
    mbedtls_x509_crt_init(&tmp);
    int ret = mbedtls_x509_crt_parse(&tmp, (const unsigned char *)pem, strlen(pem) + 1);
    tls_err e = ret == 0 && tmp.version != 0 ? TLS_OK : TLS_ERR_BAD_CERTIFICATE;
    for (const mbedtls_x509_crt *c = &tmp; e == TLS_OK && c; c = c->next)
        e = tls_x509_add_der(chain, c->raw.p, c->raw.len);
    mbedtls_x509_crt_free(&tmp);
    return e;
}

size_t tls_x509_count(const tls_x509 *chain)
{
    size_t n = 0;
    while (crt_at(chain, n))
        n++;
    return n;
}

const uint8_t *tls_x509_der(const tls_x509 *chain, size_t i, size_t *len)
{
    const mbedtls_x509_crt *c = crt_at(chain, i);
    *len = c ? c->raw.len : 0;
    return c ? c->raw.p : NULL;
}

const uint8_t *tls_x509_subject_der(const tls_x509 *chain, size_t i, size_t *len)
{
    const mbedtls_x509_crt *c = crt_at(chain, i);
    *len = c ? c->subject_raw.len : 0;
    return c ? c->subject_raw.p : NULL;
}

void tls_x509_free(tls_x509 *chain)
{
    if (!chain)
        return;
    mbedtls_x509_crt_free(&chain->crt);
    free(chain);
}

/* ---------------------------------------------------- X.509: describe */

/* mbedTLS's "print into a buffer" helpers fail outright when the buffer is
 * short; print into a roomy one and truncate for display instead. */
static void copy_truncated(char *out, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(out, src, n);
    out[n] = '\0';
}

static void dn_text(char *out, size_t size, const mbedtls_x509_name *dn)
{
    char tmp[1024];
    if (mbedtls_x509_dn_gets(tmp, sizeof tmp, dn) < 0)
        copy_truncated(out, size, "(unprintable name)");
    else
        copy_truncated(out, size, tmp);
}

static void time_text(char *out, size_t size, const mbedtls_x509_time *t)
{
    snprintf(out, size, "%04d-%02d-%02d %02d:%02d:%02d",
             t->year, t->mon, t->day, t->hour, t->min, t->sec);
}

static void sig_alg_text(char *out, size_t size, const mbedtls_x509_crt *c)
{
    char tmp[128];
    if (mbedtls_x509_sig_alg_gets(tmp, sizeof tmp, &c->sig_oid, c->sig_pk,
                                  c->sig_md, c->sig_opts) < 0)
        copy_truncated(out, size, "(unknown)");
    else
        copy_truncated(out, size, tmp);
}

/* Append text to a comma-separated list, stopping cleanly when full. */
static void list_append(char *out, size_t size, const uint8_t *p, size_t n)
{
    size_t used = strlen(out);
    int w = snprintf(out + used, size - used, "%s%.*s", used ? ", " : "",
                     (int)n, (const char *)p);
    if (w < 0 || (size_t)w >= size - used)
        out[used] = '\0'; /* drop a name that does not fit whole */
}

static void san_text(char *out, size_t size, const mbedtls_x509_crt *c)
{
    out[0] = '\0';
    const int dns_tag = MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_X509_SAN_DNS_NAME;
    for (const mbedtls_x509_sequence *s = &c->subject_alt_names; s; s = s->next) {
        if (s->buf.p && s->buf.tag == dns_tag)
            list_append(out, size, s->buf.p, s->buf.len);
    }
}

tls_err tls_x509_describe(const tls_x509 *chain, size_t i, tls_x509_info *info)
{
    const mbedtls_x509_crt *c = crt_at(chain, i);
    if (!c || !info)
        return TLS_ERR_INTERNAL;
    memset(info, 0, sizeof *info);
    dn_text(info->subject, sizeof info->subject, &c->subject);
    dn_text(info->issuer, sizeof info->issuer, &c->issuer);
    time_text(info->not_before, sizeof info->not_before, &c->valid_from);
    time_text(info->not_after, sizeof info->not_after, &c->valid_to);
    if (mbedtls_x509_serial_gets(info->serial, sizeof info->serial, &c->serial) < 0)
        snprintf(info->serial, sizeof info->serial, "(too long)");
    sig_alg_text(info->sig_alg, sizeof info->sig_alg, c);
    snprintf(info->key_desc, sizeof info->key_desc, "%s %zu-bit",
             mbedtls_pk_get_name(&c->pk), mbedtls_pk_get_bitlen(&c->pk));
    san_text(info->san, sizeof info->san, c);
    return TLS_OK;
}

/* ------------------------------------------------------ X.509: verify */

/* Does \p parent's key verify \p child's signature?  Used only to tell a
 * forged or corrupted signature (bad_certificate) from an issuer we have
 * never heard of (unknown_ca): mbedTLS reports both as NOT_TRUSTED. */
static bool signed_by(const mbedtls_x509_crt *child, const mbedtls_x509_crt *parent)
{
    const mbedtls_md_info_t *md = mbedtls_md_info_from_type(child->sig_md);
    uint8_t hash[MBEDTLS_MD_MAX_SIZE];
    if (!md || mbedtls_md(md, child->tbs.p, child->tbs.len, hash) != 0)
        return false;
    return mbedtls_pk_verify_ext(child->sig_pk, child->sig_opts,
                                 (mbedtls_pk_context *)&parent->pk, child->sig_md,
                                 hash, mbedtls_md_get_size(md),
                                 child->sig.p, child->sig.len) == 0;
}

static bool names_issuer(const mbedtls_x509_crt *parent, const mbedtls_x509_crt *child)
{
    return parent->version != 0 && parent->subject_raw.len == child->issuer_raw.len &&
           memcmp(parent->subject_raw.p, child->issuer_raw.p, child->issuer_raw.len) == 0;
}

/* Some certificate names an issuer we hold (in the chain or among the
 * trust anchors) whose key does not verify its signature. */
static bool has_bad_signature(const mbedtls_x509_crt *chain,
                              const mbedtls_x509_crt *trusted)
{
    for (const mbedtls_x509_crt *c = chain; c && c->version; c = c->next) {
        const mbedtls_x509_crt *pools[2] = {c->next, trusted};
        for (int k = 0; k < 2; k++) {
            for (const mbedtls_x509_crt *p = pools[k]; p; p = p->next) {
                if (names_issuer(p, c) && !signed_by(c, p))
                    return true;
            }
        }
    }
    return false;
}

/* The library's reasons for verify flag bits 0..19, in its order and words
 * (mbedtls_x509_crt_verify_info), as phrases the front ends translate. */
static const char *const verify_reasons[] = {
    TLS_TERM("The certificate validity has expired"),
    TLS_TERM("The certificate has been revoked (is on a CRL)"),
    TLS_TERM("The certificate Common Name (CN) does not match with the expected CN"),
    TLS_TERM("The certificate is not correctly signed by the trusted CA"),
    TLS_TERM("The CRL is not correctly signed by the trusted CA"),
    TLS_TERM("The CRL is expired"),
    TLS_TERM("Certificate was missing"),
    TLS_TERM("Certificate verification was skipped"),
    TLS_TERM("Other reason (can be used by verify callback)"),
    TLS_TERM("The certificate validity starts in the future"),
    TLS_TERM("The CRL is from the future"),
    TLS_TERM("Usage does not match the keyUsage extension"),
    TLS_TERM("Usage does not match the extendedKeyUsage extension"),
    TLS_TERM("Usage does not match the nsCertType extension"),
    TLS_TERM("The certificate is signed with an unacceptable hash."),
    TLS_TERM("The certificate is signed with an unacceptable PK alg (eg RSA vs ECDSA)."),
    TLS_TERM("The certificate is signed with an unacceptable key (eg bad curve, RSA too short)."),
    TLS_TERM("The CRL is signed with an unacceptable hash."),
    TLS_TERM("The CRL is signed with an unacceptable PK alg (eg RSA vs ECDSA)."),
    TLS_TERM("The CRL is signed with an unacceptable key (eg bad curve, RSA too short)."),
};

/* The reasons as a list argument (tls_text_list_add): shown joined by "; ". */
static void verify_detail(char *out, size_t size, uint32_t flags, bool key_ok)
{
    const size_t n = sizeof verify_reasons / sizeof verify_reasons[0];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (flags & (UINT32_C(1) << i))
            tls_text_list_add(out, size, NULL, verify_reasons[i]);
    if (flags >> n)
        tls_text_list_add(out, size, NULL, TLS_TERM("Unknown reason (this should not happen)"));
    if (!key_ok)
        tls_text_list_add(out, size, NULL, TLS_TERM("The leaf certificate's key is not RSA"));
}

#define CHAIN_FLAGS                                                                  \
    (MBEDTLS_X509_BADCERT_NOT_TRUSTED | MBEDTLS_X509_BADCERT_REVOKED |               \
     MBEDTLS_X509_BADCERT_MISSING | MBEDTLS_X509_BADCERT_SKIP_VERIFY |               \
     MBEDTLS_X509_BADCERT_OTHER | MBEDTLS_X509_BADCERT_KEY_USAGE |                   \
     MBEDTLS_X509_BADCERT_EXT_KEY_USAGE | MBEDTLS_X509_BADCERT_NS_CERT_TYPE |        \
     MBEDTLS_X509_BADCERT_BAD_MD | MBEDTLS_X509_BADCERT_BAD_PK |                     \
     MBEDTLS_X509_BADCERT_BAD_KEY)
/* Signatures made with a hash, algorithm or key size the profile forbids. */
#define WEAK_SIG_FLAGS                                                               \
    (MBEDTLS_X509_BADCERT_BAD_MD | MBEDTLS_X509_BADCERT_BAD_PK | MBEDTLS_X509_BADCERT_BAD_KEY)

/* Which alert the first failed check calls for, in order of importance:
 * who signed it, then when, then for whom, then what key. */
static tls_err verdict_error(const tls_x509_verdict *v, bool bad_signature)
{
    if (!v->chain_ok)
        return bad_signature ? TLS_ERR_BAD_CERTIFICATE : TLS_ERR_UNKNOWN_CA;
    if (!v->dates_ok)
        return TLS_ERR_CERTIFICATE_EXPIRED;
    if (!v->host_ok)
        return TLS_ERR_BAD_CERTIFICATE;
    if (!v->key_ok)
        return TLS_ERR_UNSUPPORTED_CERTIFICATE;
    return TLS_OK;
}

tls_err tls_x509_verify(const tls_x509 *chain, const tls_x509 *trusted,
                        const char *host, tls_x509_verdict *verdict)
{
    memset(verdict, 0, sizeof *verdict);
    const mbedtls_x509_crt *leaf = crt_at(chain, 0);
    if (!leaf) {
        tls_text_list_add(verdict->detail, sizeof verdict->detail, NULL,
                          TLS_TERM("no certificate"));
        return TLS_ERR_BAD_CERTIFICATE;
    }
    /* mbedTLS takes non-const lists; verification only reads them. */
    mbedtls_x509_crt *anchors = crt_at(trusted, 0) ? (mbedtls_x509_crt *)&trusted->crt : NULL;
    uint32_t flags = 0;
    int ret = mbedtls_x509_crt_verify((mbedtls_x509_crt *)leaf, anchors, NULL, host,
                                      &flags, NULL, NULL);
    if (ret != 0 && flags == 0)
        flags = MBEDTLS_X509_BADCERT_OTHER; /* a fatal error, not a verdict */
    verdict->chain_ok = !(flags & CHAIN_FLAGS);
    verdict->host_ok = !(flags & MBEDTLS_X509_BADCERT_CN_MISMATCH);
    verdict->dates_ok = !(flags & (MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE));
    verdict->key_ok = mbedtls_pk_get_type(&leaf->pk) == MBEDTLS_PK_RSA;
    verify_detail(verdict->detail, sizeof verdict->detail, flags, verdict->key_ok);
    bool bad_signature = !verdict->chain_ok &&
                         ((flags & WEAK_SIG_FLAGS) || has_bad_signature(leaf, anchors));
    return verdict_error(verdict, bad_signature);
}

/* ------------------------------------------------------------------ RSA */

static mbedtls_pk_context *leaf_rsa(const tls_x509 *chain)
{
    const mbedtls_x509_crt *leaf = crt_at(chain, 0);
    if (!leaf || mbedtls_pk_get_type(&leaf->pk) != MBEDTLS_PK_RSA)
        return NULL;
    /* mbedTLS's pk calls take non-const contexts even for public operations. */
    return (mbedtls_pk_context *)&leaf->pk;
}

size_t tls_x509_rsa_len(const tls_x509 *chain)
{
    mbedtls_pk_context *pk = leaf_rsa(chain);
    return pk ? mbedtls_pk_get_len(pk) : 0;
}

tls_err tls_x509_rsa_verify(const tls_x509 *chain, tls_hash_alg alg,
                            const uint8_t *digest,
                            const uint8_t *sig, size_t sig_len)
{
    mbedtls_pk_context *pk = leaf_rsa(chain);
    size_t hlen = tls_hash_len(alg);
    if (!pk || !hlen)
        return TLS_ERR_DECRYPT_ERROR;
    /* The pk layer parses RSA keys with PKCS#1 v1.5 padding selected. */
    if (mbedtls_pk_verify(pk, md_type(alg), digest, hlen, sig, sig_len) != 0)
        return TLS_ERR_DECRYPT_ERROR;
    return TLS_OK;
}

tls_err tls_x509_rsa_encrypt(const tls_x509 *chain, tls_rng *rng,
                             const uint8_t *in, size_t in_len,
                             uint8_t *out, size_t *out_len)
{
    mbedtls_pk_context *pk = leaf_rsa(chain);
    if (!pk || !rng)
        return TLS_ERR_INTERNAL;
    if (mbedtls_pk_encrypt(pk, in, in_len, out, out_len, mbedtls_pk_get_len(pk),
                           rng_cb, rng) != 0)
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
    if (ret != 0 || mbedtls_pk_get_type(&k->pk) != MBEDTLS_PK_RSA) {
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
    if (mbedtls_pk_sign(key_pk(key), md_type(alg), digest, hlen, sig, sig_len,
                        rng_cb, rng) != 0)
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
                           rng_cb, rng) != 0) {
        *out_len = 0;
        return TLS_ERR_DECRYPT_ERROR;
    }
    return TLS_OK;
}
