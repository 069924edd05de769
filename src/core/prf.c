/*
 * The TLS 1.2 PRF (RFC 5246 §5) and the key block (§6.3): see
 * include/tlssim/prf.h.  Written out from tls_hmac() on purpose, rather than
 * calling a library's PRF, so that every A(i) can be recorded and shown.
 */
#include "tlssim/prf.h"

#include <stdlib.h>
#include <string.h>

/* A(0) = label ‖ seed: RFC 5246 calls this concatenation the "seed" of
 * P_hash.  Built once into one buffer because every round hashes it. */
static uint8_t *join_label_seed(const char *label, const tls_span *seed,
                                size_t nseed, size_t *len)
{
    size_t label_len = strlen(label);
    size_t n = label_len;
    for (size_t i = 0; i < nseed; i++)
        n += seed[i].n;
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf)
        return NULL;
    memcpy(buf, label, label_len);
    size_t at = label_len;
    for (size_t i = 0; i < nseed; i++) {
        if (seed[i].n)
            memcpy(buf + at, seed[i].p, seed[i].n);
        at += seed[i].n;
    }
    *len = n;
    return buf;
}

/* P_hash(secret, ls) = HMAC(secret, A(1) ‖ ls) ‖ HMAC(secret, A(2) ‖ ls) ‖ ...
 * with A(i) = HMAC(secret, A(i-1)), truncated to out_len. */
static tls_err p_hash(tls_hash_alg alg, const uint8_t *secret, size_t secret_len,
                      const uint8_t *ls, size_t ls_len,
                      uint8_t *out, size_t out_len, tls_prf_trace *trace)
{
    size_t hlen = tls_hash_len(alg);
    uint8_t a[TLS_HASH_MAX], block[TLS_HASH_MAX];
    tls_span a_in = {ls, ls_len}; /* A(0) */
    tls_err e = TLS_OK;
    for (size_t round = 0, done = 0; e == TLS_OK && done < out_len; round++) {
        e = tls_hmac(alg, secret, secret_len, &a_in, 1, a); /* A(round+1) */
        tls_span parts[2] = {{a, hlen}, {ls, ls_len}};
        if (e == TLS_OK)
            e = tls_hmac(alg, secret, secret_len, parts, 2, block);
        if (e != TLS_OK)
            break;
        size_t take = out_len - done < hlen ? out_len - done : hlen;
        memcpy(out + done, block, take);
        done += take;
        if (trace && round < TLS_PRF_TRACE_MAX) {
            memcpy(trace->a[round], a, hlen);
            memcpy(trace->out[round], block, hlen);
            trace->rounds = round + 1;
        }
        a_in = (tls_span){a, hlen};
    }
    tls_wipe(a, sizeof a);
    tls_wipe(block, sizeof block);
    return e;
}

tls_err tls_prf(tls_hash_alg alg, const uint8_t *secret, size_t secret_len,
                const char *label, const tls_span *seed, size_t nseed,
                uint8_t *out, size_t out_len, tls_prf_trace *trace)
{
    if (tls_hash_len(alg) == 0 || !label || (nseed && !seed))
        return TLS_ERR_INTERNAL;
    if (trace) {
        memset(trace, 0, sizeof *trace);
        trace->hash_len = tls_hash_len(alg);
    }
    size_t ls_len = 0;
    uint8_t *ls = join_label_seed(label, seed, nseed, &ls_len);
    if (!ls)
        return TLS_ERR_INTERNAL;
    tls_err e = p_hash(alg, secret, secret_len, ls, ls_len, out, out_len, trace);
    tls_wipe(ls, ls_len);
    free(ls);
    if (e != TLS_OK)
        tls_wipe(out, out_len);
    return e;
}

size_t tls_key_block_len(const tls_suite *s)
{
    return 2 * (s->mac_key_len + s->key_len + s->iv_len);
}

/* The next \p n bytes of the key block into \p dst. */
static const uint8_t *take(uint8_t *dst, const uint8_t *p, size_t n)
{
    memcpy(dst, p, n);
    return p + n;
}

tls_err tls_key_block_derive(const tls_suite *s, const uint8_t master[48],
                             const uint8_t client_random[32],
                             const uint8_t server_random[32],
                             tls_key_block *kb, uint8_t *raw)
{
    if ((s->key_len != 16 && s->key_len != 32) || s->iv_len > 16 ||
        s->mac_key_len > TLS_HASH_MAX)
        return TLS_ERR_INTERNAL;
    /* Note the order: server_random first for the key block, the reverse
     * of the master secret's seed. */
    const tls_span seed[2] = {{server_random, 32}, {client_random, 32}};
    uint8_t block[TLS_KEY_BLOCK_MAX];
    size_t n = tls_key_block_len(s);
    tls_err e = tls_prf(s->prf_hash, master, 48, "key expansion", seed, 2, block, n, NULL);
    if (e == TLS_OK) {
        memset(kb, 0, sizeof *kb);
        const uint8_t *p = block;
        p = take(kb->client_write_mac_key, p, s->mac_key_len);
        p = take(kb->server_write_mac_key, p, s->mac_key_len);
        p = take(kb->client_write_key, p, s->key_len);
        p = take(kb->server_write_key, p, s->key_len);
        p = take(kb->client_write_iv, p, s->iv_len);
        take(kb->server_write_iv, p, s->iv_len);
        kb->mac_key_len = s->mac_key_len;
        kb->key_len = s->key_len;
        kb->iv_len = s->iv_len;
        if (raw)
            memcpy(raw, block, n);
    }
    tls_wipe(block, sizeof block);
    return e;
}

tls_err tls_verify_data(tls_hash_alg alg, const uint8_t master[48], const char *label,
                        const uint8_t *hash, uint8_t out[12])
{
    tls_span seed = {hash, tls_hash_len(alg)};
    return tls_prf(alg, master, 48, label, &seed, 1, out, 12, NULL);
}

tls_err tls_master_secret_derive(tls_hash_alg alg, const uint8_t *pre_master, size_t pre_len,
                                 const uint8_t *session_hash, const uint8_t client_random[32],
                                 const uint8_t server_random[32], uint8_t master[48],
                                 tls_prf_trace *trace)
{
    if (session_hash) {
        tls_span seed = {session_hash, tls_hash_len(alg)};
        return tls_prf(alg, pre_master, pre_len, "extended master secret", &seed, 1, master, 48,
                       trace);
    }
    tls_span seed[2] = {{client_random, 32}, {server_random, 32}};
    return tls_prf(alg, pre_master, pre_len, "master secret", seed, 2, master, 48, trace);
}
