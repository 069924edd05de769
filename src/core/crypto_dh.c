/*
 * The mbedTLS adapter, finite-field Diffie-Hellman (DHE): see
 * include/tlssim/crypto.h.
 *
 * Plain modular arithmetic on mbedTLS's bignums rather than mbedtls_dhm_*:
 * the protocol code wants to show p, g, Ys, Yc and Z as the bytes on the
 * wire, run its own range checks as visible check events, and strip Z's
 * leading zeros itself (RFC 5246 §8.1.2), none of which the dhm context
 * exposes.  Every bignum that held a secret is wiped by mbedtls_mpi_free.
 */
#include "crypto_internal.h"

#include <mbedtls/bignum.h>
#include <mbedtls/dhm.h>

static const uint8_t ffdhe2048_p[] = MBEDTLS_DHM_RFC7919_FFDHE2048_P_BIN;
static const uint8_t ffdhe2048_g[] = MBEDTLS_DHM_RFC7919_FFDHE2048_G_BIN;

void tls_dh_ffdhe2048(tls_dh_params *out)
{
    *out = (tls_dh_params){ffdhe2048_p, sizeof ffdhe2048_p, ffdhe2048_g, sizeof ffdhe2048_g};
}

/* 1 < y < p - 1, with p already loaded. */
static bool dh_range_ok(const mbedtls_mpi *p, const mbedtls_mpi *y)
{
    mbedtls_mpi pm1;
    mbedtls_mpi_init(&pm1);
    bool ok = mbedtls_mpi_sub_int(&pm1, p, 1) == 0 && mbedtls_mpi_cmp_int(y, 1) > 0 &&
              mbedtls_mpi_cmp_mpi(y, &pm1) < 0;
    mbedtls_mpi_free(&pm1);
    return ok;
}

bool tls_dh_in_range(const tls_dh_params *dh, const uint8_t *y, size_t y_len)
{
    mbedtls_mpi p, v;
    mbedtls_mpi_init(&p);
    mbedtls_mpi_init(&v);
    bool ok = mbedtls_mpi_read_binary(&p, dh->p, dh->p_len) == 0 &&
              mbedtls_mpi_read_binary(&v, y, y_len) == 0 && dh_range_ok(&p, &v);
    mbedtls_mpi_free(&p);
    mbedtls_mpi_free(&v);
    return ok;
}

/* out = base^exp mod p as p_len bytes; p must be odd and base in range. */
static tls_err dh_exp(const tls_dh_params *dh, const uint8_t *base, size_t base_len,
                      const uint8_t *exp, size_t exp_len, uint8_t *out, size_t *out_len)
{
    mbedtls_mpi p, b, x, r;
    mbedtls_mpi_init(&p);
    mbedtls_mpi_init(&b);
    mbedtls_mpi_init(&x);
    mbedtls_mpi_init(&r);
    tls_err e = TLS_ERR_ILLEGAL_PARAMETER;
    if (dh->p_len <= TLS_DH_MAX && mbedtls_mpi_read_binary(&p, dh->p, dh->p_len) == 0 &&
        mbedtls_mpi_get_bit(&p, 0) == 1 && mbedtls_mpi_read_binary(&b, base, base_len) == 0 &&
        dh_range_ok(&p, &b) && mbedtls_mpi_read_binary(&x, exp, exp_len) == 0 &&
        mbedtls_mpi_exp_mod(&r, &b, &x, &p, NULL) == 0 &&
        mbedtls_mpi_write_binary(&r, out, dh->p_len) == 0) {
        *out_len = dh->p_len;
        e = TLS_OK;
    }
    mbedtls_mpi_free(&p);
    mbedtls_mpi_free(&b);
    mbedtls_mpi_free(&x);
    mbedtls_mpi_free(&r);
    return e;
}

tls_err tls_dh_public(const tls_dh_params *dh, const uint8_t *priv, size_t priv_len,
                      uint8_t *pub, size_t *pub_len)
{
    return dh_exp(dh, dh->g, dh->g_len, priv, priv_len, pub, pub_len);
}

tls_err tls_dh_shared(const tls_dh_params *dh, const uint8_t *priv, size_t priv_len,
                      const uint8_t *peer, size_t peer_len, uint8_t *z, size_t *z_len)
{
    return dh_exp(dh, peer, peer_len, priv, priv_len, z, z_len);
}
