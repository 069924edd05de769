/* Finite-field Diffie-Hellman for the DHE_RSA suites: the group, each
 * side's key pair, the client's checks on what the server sent, and Z
 * becoming the pre-master secret.  See engine_internal.h. */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

/* Private exponents of 512 bits: at least twice the security strength of
 * every group we accept (RFC 7919 §5.2 asks 225 bits for ffdhe2048 and 400
 * for ffdhe8192), and far cheaper than an exponent as long as p. */
#define DH_PRIV_LEN 64

/* What tlssim accepts from a server: 2048 bits at least (smaller groups
 * fall to precomputation, Logjam), and what our buffers hold at most. */
#define DH_MIN_BITS 2048
#define DH_MAX_BITS (8 * TLS_DH_MAX)

_Static_assert(DH_PRIV_LEN <= sizeof ((engine_dh *)0)->priv, "priv holds the exponent");

void engine_dh_params(const tls_engine *e, tls_dh_params *dh)
{
    const engine_dh *d = e->dh;
    *dh = d ? (tls_dh_params){d->p, d->p_len, d->g, d->g_len} : (tls_dh_params){0};
}

/* The group, kept in the DHE state this engine gets now (tls_engine_free
 * wipes and frees it). */
static tls_err keep_group(tls_engine *e, const tls_dh_params *g)
{
    if (!e->dh && !(e->dh = calloc(1, sizeof *e->dh)))
        return engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_DH_KEYGEN_FAILED, NULL);
    memcpy(e->dh->p, g->p, g->p_len);
    e->dh->p_len = g->p_len;
    memcpy(e->dh->g, g->g, g->g_len);
    e->dh->g_len = g->g_len;
    return TLS_OK;
}

tls_err engine_dhe_server_group(tls_engine *e)
{
    tls_dh_params g;
    tls_dh_ffdhe2048(&g);
    return keep_group(e, &g);
}

tls_err engine_dhe_keypair(tls_engine *e)
{
    engine_dh *d = e->dh;
    if (!d) /* no group kept: nothing to make a key pair in */
        return engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_DH_KEYGEN_FAILED, NULL);
    tls_dh_params dh;
    engine_dh_params(e, &dh);
    tls_err err = engine_random(e, NULL, false, d->priv, DH_PRIV_LEN);
    d->priv_len = DH_PRIV_LEN;
    if (err == TLS_OK)
        err = tls_dh_public(&dh, d->priv, d->priv_len, d->pub, &d->pub_len);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_DH_KEYGEN_FAILED, NULL);
    bool client = e->role == TLS_PARTY_CLIENT;
    engine_value(e, client ? TLS_VALUE_CLIENT_DHE_PRIVATE : TLS_VALUE_SERVER_DHE_PRIVATE,
                 d->priv, d->priv_len, NULL);
    engine_value(e, client ? TLS_VALUE_CLIENT_DHE_PUBLIC : TLS_VALUE_SERVER_DHE_PUBLIC,
                 d->pub, d->pub_len, NULL);
    return TLS_OK;
}

/* The size of p: enough to be safe, not more than we hold. */
static tls_err check_group_size(tls_engine *e, const tls_server_key_exchange *ske)
{
    size_t bits = tls_dh_int_bits(ske->dh_p, ske->dh_p_len);
    bool big_enough = bits >= DH_MIN_BITS;
    bool fits = bits <= DH_MAX_BITS && ske->dh_p_len <= TLS_DH_MAX &&
                ske->dh_g_len <= TLS_DH_MAX && ske->dh_ys_len <= TLS_DH_MAX;
    const tls_text_arg *args = TLS_ARGS(TLS_ARG_U("bits", bits));
    engine_check(e, TLS_TEXT_CHECK_DH_GROUP, big_enough && fits,
                    !big_enough ? TLS_TEXT_DH_GROUP_SMALL
                    : fits      ? TLS_TEXT_DH_GROUP_OK
                                : TLS_TEXT_DH_GROUP_LARGE,
                    args);
    if (!big_enough)
        return engine_fail(e, TLS_ERR_INSUFFICIENT_SECURITY, TLS_TEXT_DH_GROUP_REFUSED, args);
    if (!fits)
        return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_DH_GROUP_REFUSED, args);
    return TLS_OK;
}

tls_err engine_dhe_accept_server(tls_engine *e, const tls_server_key_exchange *ske)
{
    tls_err err = check_group_size(e, ske);
    if (err != TLS_OK)
        return err;
    tls_dh_params dh = {ske->dh_p, ske->dh_p_len, ske->dh_g, ske->dh_g_len};
    if (!tls_dh_in_range(&dh, ske->dh_g, ske->dh_g_len))
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_DH_BAD_GENERATOR, NULL);
    /* 0, 1 and p − 1 give a Z anyone knows (1 or ±1): the one check a DH
     * public value can get without knowing the group's order. */
    bool ys_ok = tls_dh_in_range(&dh, ske->dh_ys, ske->dh_ys_len);
    engine_check(e, TLS_TEXT_CHECK_DH_PUBLIC, ys_ok,
                    ys_ok ? TLS_TEXT_DH_PUBLIC_OK : TLS_TEXT_DH_PUBLIC_BAD, NULL);
    if (!ys_ok)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_DH_PUBLIC_BAD, NULL);
    if (keep_group(e, &dh) != TLS_OK)
        return e->err;
    memcpy(e->peer_pub, ske->dh_ys, ske->dh_ys_len);
    e->peer_pub_len = ske->dh_ys_len;
    return TLS_OK;
}

tls_err engine_dhe_pre_master(tls_engine *e, const uint8_t *peer, size_t peer_len)
{
    uint8_t z[TLS_DH_MAX];
    size_t z_len = 0, zeros = 0;
    tls_dh_params dh;
    engine_dh_params(e, &dh);
    if (!e->dh)
        return TLS_ERR_INTERNAL;
    tls_err err = tls_dh_shared(&dh, e->dh->priv, e->dh->priv_len, peer, peer_len, z, &z_len);
    if (err != TLS_OK)
        return err;
    /* RFC 5246 §8.1.2: "Leading bytes of Z that contain all zero bits are
     * stripped before it is used as the pre_master_secret."  Keeping them
     * (a fixed-length Z) breaks one handshake in 256: the classic DHE bug. */
    while (zeros < z_len && z[zeros] == 0)
        zeros++;
    e->pre_master_len = z_len - zeros;
    memcpy(e->pre_master, z + zeros, e->pre_master_len);
    tls_wipe(z, sizeof z);
    bool client = e->role == TLS_PARTY_CLIENT;
    engine_note(e, client ? TLS_TEXT_PRE_MASTER_DHE_CLIENT : TLS_TEXT_PRE_MASTER_DHE_SERVER, NULL);
    if (zeros)
        engine_note(e, TLS_TEXT_DH_Z_STRIPPED,
                       TLS_ARGS(TLS_ARG_U("zeros", zeros), TLS_ARG_U("len", e->pre_master_len),
                                TLS_ARG_U("p_len", z_len)));
    else
        engine_note(e, TLS_TEXT_DH_Z_FULL,
                       TLS_ARGS(TLS_ARG_U("len", e->pre_master_len)));
    return TLS_OK;
}
