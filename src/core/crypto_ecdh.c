/*
 * The mbedTLS adapter, elliptic-curve Diffie-Hellman: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>

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

size_t tls_ecdh_scalar_len(tls_group group)
{
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++)
        if (curves[i].id == group)
            return curves[i].len;
    return 0;
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
    if (mbedtls_ecp_gen_keypair(&c->grp, &d, &q, crypto_rng_cb, rng) == 0) {
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
    int ret = mbedtls_ecp_mul(&c->grp, s, d, p, rng ? crypto_rng_cb : NULL, rng);
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
