/*
 * The key schedule as an engine runs it (RFC 5246 §8.1, §6.3, §7.4.9): the
 * master secret (classic or extended, RFC 7627) with notes on how the PRF
 * made it, the key block and how it is cut, the running transcript hash,
 * verify_data, and switching the record layer to the new keys.
 */
#include "engine_internal.h"

tls_hash_alg engine_prf_hash(const tls_engine *e)
{
    return e->suite ? e->suite->prf_hash : TLS_HASH_SHA256;
}

/* P_hash at work: each A(i) and output block of the master-secret PRF,
 * shortened to their first bytes (the full values are one HMAC away). */
static void note_prf_rounds(tls_engine *e, tls_hash_alg alg, const tls_prf_trace *pt)
{
    /* 48 bytes take one block of SHA-384 and two of SHA-256. */
    char hex[4][17] = {"", "", "", ""};
    for (size_t i = 0; i < 2 && i < pt->rounds; i++) {
        tls_hex_into(pt->a[i], 8, hex[2 * i], sizeof hex[0]);
        tls_hex_into(pt->out[i], 8, hex[2 * i + 1], sizeof hex[0]);
    }
    engine_note(e, pt->rounds == 1 ? TLS_TEXT_PRF_ROUNDS_1 : TLS_TEXT_PRF_ROUNDS_2,
                TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)), TLS_ARG_S("a1", hex[0]),
                         TLS_ARG_S("b1", hex[1]), TLS_ARG_S("a2", hex[2]),
                         TLS_ARG_S("b2", hex[3])));
}

/* How the key block is cut, which depends on how records are protected. */
static void note_key_block(tls_engine *e)
{
    const tls_key_block *kb = &e->kb;
    size_t last = tls_key_block_len(e->suite) - 1;
    switch (e->suite->cipher) {
    case TLS_CIPHER_AES_GCM:
        engine_note(e, TLS_TEXT_KEY_BLOCK,
                    TLS_ARGS(TLS_ARG_U("last", last), TLS_ARG_U("key_len", kb->key_len)));
        return;
    case TLS_CIPHER_CHACHA20_POLY1305:
        engine_note(e, TLS_TEXT_KEY_BLOCK_CHACHA,
                    TLS_ARGS(TLS_ARG_U("last", last), TLS_ARG_U("key_len", kb->key_len)));
        return;
    case TLS_CIPHER_AES_CBC:
        engine_note(e, TLS_TEXT_KEY_BLOCK_CBC,
                    TLS_ARGS(TLS_ARG_U("last", last), TLS_ARG_U("mac_len", kb->mac_key_len),
                             TLS_ARG_U("key_len", kb->key_len)));
        return;
    }
}

tls_err engine_derive_keys(tls_engine *e)
{
    tls_hash_alg alg = engine_prf_hash(e);
    tls_prf_trace pt;
    tls_err err;
    if (e->resumed)
        return engine_derive_key_block(e);
    if (e->ems) {
        /* RFC 7627: bind the master secret to the whole handshake so far. */
        uint8_t session_hash[TLS_HASH_MAX];
        err = engine_transcript_hash(e, alg, session_hash);
        if (err == TLS_OK)
            err = tls_master_secret_derive(alg, e->pre_master, e->pre_master_len, session_hash,
                                           e->client_random, e->server_random, e->master, &pt);
        char hex[2 * TLS_HASH_MAX + 1] = "?";
        if (err == TLS_OK)
            tls_hex_into(session_hash, tls_hash_len(alg), hex, sizeof hex);
        engine_note(e, TLS_TEXT_MASTER_SECRET_EMS,
                    TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)),
                             TLS_ARG_S("session_hash", hex)));
    } else {
        err = tls_master_secret_derive(alg, e->pre_master, e->pre_master_len, NULL,
                                       e->client_random, e->server_random, e->master, &pt);
        engine_note(e, TLS_TEXT_MASTER_SECRET_CLASSIC,
                    TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg))));
        if (e->cfg->ems)
            engine_note(e,
                        e->role == TLS_PARTY_CLIENT ? TLS_TEXT_EMS_NOT_ACCEPTED_BY_SERVER
                                                    : TLS_TEXT_EMS_NOT_OFFERED_BY_CLIENT,
                        NULL);
    }
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MASTER_SECRET_FAILED, NULL);
    note_prf_rounds(e, alg, &pt);
    tls_wipe(&pt, sizeof pt);
    engine_value(e, TLS_VALUE_MASTER_SECRET, e->master, 48, NULL);
    return engine_derive_key_block(e);
}

tls_err engine_derive_key_block(tls_engine *e)
{
    if (e->resumed) {
        /* RFC 5246 §7.3: the session's master secret, fresh randoms. */
        engine_note(e, TLS_TEXT_RESUME_KEYS, NULL);
        engine_value(e, TLS_VALUE_MASTER_SECRET, e->master, 48, NULL);
    }
    uint8_t raw[TLS_KEY_BLOCK_MAX];
    tls_err err = tls_key_block_derive(e->suite, e->master, e->client_random, e->server_random,
                                       &e->kb, raw);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_KEY_BLOCK_FAILED, NULL);
    note_key_block(e);
    tls_trace_key_block(e->trace, e->step, e->role, &e->kb, raw, tls_key_block_len(e->suite));
    tls_wipe(raw, sizeof raw);
    return TLS_OK;
}

tls_err engine_transcript_hash(tls_engine *e, tls_hash_alg alg, uint8_t *out)
{
    if (e->transcript_hash && tls_hash_stream_alg(e->transcript_hash) != alg) {
        tls_hash_stream_free(e->transcript_hash);
        e->transcript_hash = NULL;
    }
    if (!e->transcript_hash) {
        e->transcript_hashed = 0;
        if (!(e->transcript_hash = tls_hash_stream_new(alg)))
            return tls_hash(alg, e->transcript.data, e->transcript.len, out);
    }
    /* Only what was added since the last time. */
    tls_err err = tls_hash_stream_update(e->transcript_hash,
                                         e->transcript.data + e->transcript_hashed,
                                         e->transcript.len - e->transcript_hashed);
    e->transcript_hashed = e->transcript.len;
    return err == TLS_OK ? tls_hash_stream_peek(e->transcript_hash, out) : err;
}

tls_err engine_verify_data(tls_engine *e, const char *label, uint8_t out[12])
{
    tls_hash_alg alg = engine_prf_hash(e);
    uint8_t h[TLS_HASH_MAX];
    tls_err err = engine_transcript_hash(e, alg, h);
    if (err != TLS_OK)
        return err;
    engine_value(e, TLS_VALUE_HANDSHAKE_HASH, h, tls_hash_len(alg), NULL);
    return tls_verify_data(alg, e->master, label, h, out);
}

void engine_activate_write(tls_engine *e)
{
    tls_record_protect_start(&e->wprot, e->suite, e->etm, &e->kb, e->role == TLS_PARTY_CLIENT,
                             e->rng);
}

void engine_activate_read(tls_engine *e)
{
    tls_record_protect_start(&e->rprot, e->suite, e->etm, &e->kb, e->role != TLS_PARTY_CLIENT,
                             NULL);
}
