/*
 * The generic half of an engine: the cursor over the handshake table, the
 * record layer, handshake-message reassembly, the transcript, the key
 * schedule and alerts.  What each side does at a step lives in
 * engine_client.c and engine_server.c, reached only through the table.
 */
#include "engine_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A handshake message larger than this is refused rather than buffered:
 * the largest we expect is a certificate chain of a few KiB. */
#define TLS_MAX_HANDSHAKE_MESSAGE (1u << 17)

const tls_step *engine_current(const tls_engine *e)
{
    return tls_handshake_step((int)e->cursor + 1);
}

tls_engine *tls_engine_new(tls_party role, const tls_engine_config *cfg,
                           tls_rng *rng, tls_trace *trace)
{
    tls_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->role = role;
    e->peer = role == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
    e->cfg = cfg;
    e->rng = rng;
    e->trace = trace;
    tls_writer_init(&e->transcript);
    tls_writer_init(&e->out);
    tls_writer_init(&e->in);
    tls_writer_init(&e->hs);
    return e;
}

void tls_engine_free(tls_engine *e)
{
    if (!e)
        return;
    tls_x509_free(e->peer_chain);
    tls_writer_free(&e->transcript);
    tls_writer_free(&e->out);
    tls_writer_free(&e->in);
    tls_writer_free(&e->hs);
    tls_wipe(e, sizeof *e);
    free(e);
}

int tls_engine_step(const tls_engine *e) { return (int)e->cursor + 1; }

bool tls_engine_my_turn(const tls_engine *e)
{
    const tls_step *s = engine_current(e);
    return e->err == TLS_OK && s && s->sender == e->role;
}

tls_err tls_engine_error(const tls_engine *e) { return e->err; }
const char *tls_engine_why(const tls_engine *e) { return e->why; }
bool tls_engine_done(const tls_engine *e)
{
    return e->err == TLS_OK && e->cursor >= TLS_STEP_COUNT;
}
const tls_suite *tls_engine_suite(const tls_engine *e) { return e->suite; }

const uint8_t *tls_engine_output(const tls_engine *e, size_t *n)
{
    *n = e->out.len;
    return e->out.data;
}

void tls_engine_output_consume(tls_engine *e, size_t n)
{
    if (n >= e->out.len) {
        e->out.len = 0;
        return;
    }
    memmove(e->out.data, e->out.data + n, e->out.len - n);
    e->out.len -= n;
}

void engine_value(tls_engine *e, const char *name, bool secret,
                  const uint8_t *p, size_t n, const char *text)
{
    tls_trace_value(e->trace, e->role, name, secret, p, n, text);
}

tls_hash_alg engine_prf_hash(const tls_engine *e)
{
    return e->suite ? e->suite->prf_hash : TLS_HASH_SHA256;
}

bool engine_sig_hash(uint16_t sig_alg, tls_hash_alg *alg)
{
    switch (sig_alg) {
    case TLS_SIG_RSA_PKCS1_SHA256: *alg = TLS_HASH_SHA256; return true;
    case TLS_SIG_RSA_PKCS1_SHA384: *alg = TLS_HASH_SHA384; return true;
    default: return false;
    }
}

tls_err engine_random(tls_engine *e, const uint8_t *fixed, bool has_fixed,
                      uint8_t *out, size_t n)
{
    if (has_fixed) {
        memcpy(out, fixed, n);
        return TLS_OK;
    }
    return tls_rng_bytes(e->rng, out, n);
}

tls_err engine_ske_digest(tls_engine *e, tls_hash_alg alg, const uint8_t *params,
                          size_t params_len, uint8_t *digest)
{
    /* RFC 8422 §5.4: signed_params covers both randoms, so a signature
     * cannot be replayed into another handshake. */
    tls_writer w;
    tls_writer_init(&w);
    tls_writer_bytes(&w, e->client_random, 32);
    tls_writer_bytes(&w, e->server_random, 32);
    tls_writer_bytes(&w, params, params_len);
    tls_err err = tls_writer_error(&w);
    if (err == TLS_OK)
        err = tls_hash(alg, w.data, w.len, digest);
    tls_writer_free(&w);
    return err;
}

/* ------------------------------------------------------------- alerts */

static void queue_alert(tls_engine *e, uint8_t level, uint8_t desc)
{
    tls_alert a = {level, desc};
    tls_writer body;
    tls_writer_init(&body);
    tls_alert_write(&a, &body);
    if (tls_writer_error(&body) == TLS_OK)
        tls_record_write(&e->out, TLS_CT_ALERT, TLS_VERSION_1_2, body.data,
                         body.len, &e->wprot, NULL);
    tls_writer_free(&body);
}

tls_err engine_fail(tls_engine *e, tls_err err, const char *fmt, ...)
{
    if (e->err != TLS_OK)
        return e->err;
    e->err = err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->why, sizeof e->why, fmt, ap);
    va_end(ap);
    int desc = tls_err_alert(err);
    if (desc >= 0) {
        tls_event ev = {.kind = TLS_EV_ALERT, .step = e->trace->step,
                        .party = e->role, .text = e->why,
                        .alert_level = TLS_ALERT_FATAL, .alert_desc = desc};
        tls_trace_push(e->trace, &ev);
        queue_alert(e, TLS_ALERT_FATAL, (uint8_t)desc);
    }
    return err;
}

/* ------------------------------------------------------- key schedule */

tls_err engine_derive_keys(tls_engine *e)
{
    tls_hash_alg alg = engine_prf_hash(e);
    tls_err err;
    if (e->ems) {
        /* RFC 7627: bind the master secret to the whole handshake so far. */
        uint8_t session_hash[TLS_HASH_MAX];
        err = tls_hash(alg, e->transcript.data, e->transcript.len, session_hash);
        tls_span seed = {session_hash, tls_hash_len(alg)};
        if (err == TLS_OK)
            err = tls_prf(alg, e->pre_master, e->pre_master_len,
                          "extended master secret", &seed, 1, e->master, 48, NULL);
        tls_trace_note(e->trace, e->role,
                       "master_secret = PRF(pre_master_secret, \"extended master secret\", "
                       "%s(handshake messages up to ClientKeyExchange))[0..47]: the extended "
                       "master secret (RFC 7627) ties the keys to this exact handshake",
                       tls_hash_name(alg));
    } else {
        tls_span seed[2] = {{e->client_random, 32}, {e->server_random, 32}};
        err = tls_prf(alg, e->pre_master, e->pre_master_len, "master secret",
                      seed, 2, e->master, 48, NULL);
        tls_trace_note(e->trace, e->role,
                       "master_secret = PRF(pre_master_secret, \"master secret\", "
                       "client_random ‖ server_random)[0..47], PRF over HMAC-%s",
                       tls_hash_name(alg));
    }
    if (err != TLS_OK)
        return engine_fail(e, err, "master secret derivation failed");
    engine_value(e, "master_secret", true, e->master, 48, NULL);

    uint8_t raw[2 * 32 + 8];
    err = tls_key_block_derive(alg, e->master, e->client_random, e->server_random,
                               e->suite->key_len, &e->kb, raw);
    if (err != TLS_OK)
        return engine_fail(e, err, "key block derivation failed");
    size_t kl = e->kb.key_len;
    tls_trace_note(e->trace, e->role,
                   "key_block = PRF(master_secret, \"key expansion\", server_random ‖ "
                   "client_random)[0..%zu], cut into client_write_key(%zu) ‖ "
                   "server_write_key(%zu) ‖ client_write_iv(4) ‖ server_write_iv(4); "
                   "AES-GCM needs no MAC keys",
                   2 * kl + 7, kl, kl);
    engine_value(e, "key_block", true, raw, 2 * kl + 8, NULL);
    engine_value(e, "client_write_key", true, e->kb.client_write_key, kl, NULL);
    engine_value(e, "server_write_key", true, e->kb.server_write_key, kl, NULL);
    engine_value(e, "client_write_iv", true, e->kb.client_write_iv, 4, NULL);
    engine_value(e, "server_write_iv", true, e->kb.server_write_iv, 4, NULL);
    tls_wipe(raw, sizeof raw);
    return TLS_OK;
}

tls_err engine_verify_data(tls_engine *e, const char *label, uint8_t out[12])
{
    tls_hash_alg alg = engine_prf_hash(e);
    uint8_t h[TLS_HASH_MAX];
    tls_err err = tls_hash(alg, e->transcript.data, e->transcript.len, h);
    if (err != TLS_OK)
        return err;
    engine_value(e, "handshake_hash", false, h, tls_hash_len(alg), NULL);
    tls_span seed = {h, tls_hash_len(alg)};
    return tls_prf(alg, e->master, 48, label, &seed, 1, out, 12, NULL);
}

static void set_protect(tls_record_protect *p, const uint8_t *key, size_t key_len,
                        const uint8_t salt[4])
{
    p->active = true;
    memcpy(p->key, key, key_len);
    p->key_len = key_len;
    memcpy(p->salt, salt, 4);
    p->seq = 0;
}

void engine_activate_write(tls_engine *e)
{
    if (e->role == TLS_PARTY_CLIENT)
        set_protect(&e->wprot, e->kb.client_write_key, e->kb.key_len, e->kb.client_write_iv);
    else
        set_protect(&e->wprot, e->kb.server_write_key, e->kb.key_len, e->kb.server_write_iv);
}

void engine_activate_read(tls_engine *e)
{
    if (e->role == TLS_PARTY_CLIENT)
        set_protect(&e->rprot, e->kb.server_write_key, e->kb.key_len, e->kb.server_write_iv);
    else
        set_protect(&e->rprot, e->kb.client_write_key, e->kb.key_len, e->kb.client_write_iv);
}

/* --------------------------------------------------------- the cursor */

/* Move past the step just completed and over any that do not happen with
 * the negotiated key exchange (announced as skipped, with the reason). */
static void engine_advance(tls_engine *e)
{
    e->cursor++;
    for (const tls_step *s; (s = engine_current(e)) != NULL; e->cursor++) {
        if (!e->suite || tls_step_applies(s, e->suite->kx))
            break;
        tls_trace_step(e->trace, s->number, s->sender, s->message, true, s->skip_reason);
    }
}

/* A handshake message is finished: it joins the transcript, keys follow if
 * the table says so, and the cursor moves on. */
static void engine_message_done(tls_engine *e, const tls_step *s,
                                const uint8_t *msg, size_t len)
{
    if (s->content_type == TLS_CT_HANDSHAKE)
        tls_writer_bytes(&e->transcript, msg, len);
    if (tls_writer_error(&e->transcript) != TLS_OK) {
        engine_fail(e, TLS_ERR_INTERNAL, "out of memory for the transcript");
        return;
    }
    if (s->keys_after && engine_derive_keys(e) != TLS_OK)
        return;
    engine_advance(e);
}

/* ------------------------------------------------------------ writing */

static tls_err queue_records(tls_engine *e, uint8_t type, const uint8_t *p, size_t n)
{
    do {
        size_t chunk = n > TLS_MAX_FRAGMENT ? TLS_MAX_FRAGMENT : n;
        tls_err err = tls_record_write(&e->out, type, TLS_VERSION_1_2, p, chunk,
                                       &e->wprot, NULL);
        if (err != TLS_OK)
            return err;
        p += chunk;
        n -= chunk;
    } while (n > 0);
    return TLS_OK;
}

tls_err tls_engine_write_step(tls_engine *e)
{
    if (!tls_engine_my_turn(e))
        return e->err;
    const tls_step *s = engine_current(e);
    tls_trace_step(e->trace, s->number, s->sender, s->message, false, NULL);

    tls_writer body, msg;
    tls_writer_init(&body);
    tls_writer_init(&msg);
    tls_err err = s->write(e, &body);
    if (err == TLS_OK)
        err = tls_writer_error(&body);
    if (err == TLS_OK && s->content_type == TLS_CT_HANDSHAKE) {
        tls_msg_header_write(&msg, s->hs_type, body.len);
        tls_writer_bytes(&msg, body.data, body.len);
    } else if (err == TLS_OK) {
        tls_writer_bytes(&msg, body.data, body.len);
    }
    if (err == TLS_OK)
        err = tls_writer_error(&msg);
    if (err == TLS_OK)
        err = queue_records(e, s->content_type, msg.data, msg.len);
    if (err != TLS_OK) {
        engine_fail(e, err, "could not produce %s", s->message);
    } else {
        if (s->content_type == TLS_CT_CHANGE_CIPHER_SPEC)
            engine_activate_write(e);
        engine_message_done(e, s, msg.data, msg.len);
    }
    tls_writer_free(&body);
    tls_writer_free(&msg);
    return e->err;
}

/* ------------------------------------------------------------ reading */

static const char *expected_name(const tls_engine *e)
{
    const tls_step *s = engine_current(e);
    return s ? s->message : "nothing (the handshake is over)";
}

/* Parse one whole handshake message (header included) that the peer sent. */
static void handle_handshake_message(tls_engine *e, const uint8_t *msg, size_t len,
                                     size_t rec_idx, size_t rec_off, bool prot)
{
    const tls_step *s = engine_current(e);
    const char *got = tls_hs_type_name(msg[0]);
    if (!s || s->sender != e->peer || s->content_type != TLS_CT_HANDSHAKE ||
        s->hs_type != msg[0]) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, "expected %s, received %s",
                    expected_name(e), got ? got : "an unknown handshake message");
        return;
    }
    tls_trace_step(e->trace, s->number, s->sender, s->message, false, NULL);

    /* Push the MESSAGE event first so it precedes what the message teaches;
     * its dissection is filled in once parsing is over. */
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = s->number, .party = e->peer,
                    .name = (char *)s->message, .bytes = (uint8_t *)msg, .len = len,
                    .content_type = TLS_CT_HANDSHAKE, .hs_type = msg[0],
                    .is_protected = prot, .record_index = rec_idx,
                    .record_offset = rec_off};
    size_t idx = tls_trace_push(e->trace, &ev);

    tls_dissect d = {0};
    tls_reader r, body;
    uint8_t type;
    tls_reader_init(&r, msg, len, &d, 0);
    tls_err err = tls_msg_header_parse(&r, &type, &body);
    if (err == TLS_OK)
        err = s->read(e, &body);
    if (idx != (size_t)-1)
        e->trace->ev[idx].dissect = d;
    else
        tls_dissect_free(&d);
    if (err != TLS_OK) {
        engine_fail(e, err, "%s could not be decoded", s->message);
        return;
    }
    engine_message_done(e, s, msg, len);
}

static void handle_handshake_bytes(tls_engine *e, const uint8_t *p, size_t n,
                                   size_t rec_idx, size_t off, bool prot)
{
    if (n == 0) {
        /* RFC 5246 §6.2.1: zero-length handshake fragments MUST NOT be sent. */
        engine_fail(e, TLS_ERR_DECODE, "empty handshake record");
        return;
    }
    if (e->hs.len == 0) {
        e->hs_record = rec_idx;
        e->hs_protected = prot;
    }
    tls_writer_bytes(&e->hs, p, n);
    if (tls_writer_error(&e->hs) != TLS_OK) {
        engine_fail(e, TLS_ERR_INTERNAL, "out of memory for handshake messages");
        return;
    }
    /* Bytes from index first_here on came in this record: a message that
     * starts there lies inside it; one that starts earlier spans records. */
    size_t first_here = e->hs.len - n;
    size_t at = 0;
    while (e->err == TLS_OK && e->hs.len - at >= 4) {
        const uint8_t *m = e->hs.data + at;
        size_t body = ((size_t)m[1] << 16) | ((size_t)m[2] << 8) | m[3];
        if (body > TLS_MAX_HANDSHAKE_MESSAGE) {
            engine_fail(e, TLS_ERR_DECODE, "handshake message of %zu bytes is too large", body);
            break;
        }
        if (e->hs.len - at < 4 + body)
            break;
        bool here = at >= first_here;
        handle_handshake_message(e, m, 4 + body, here ? rec_idx : e->hs_record,
                                 here ? off + (at - first_here) : (size_t)-1,
                                 here ? prot : e->hs_protected);
        at += 4 + body;
    }
    if (at > 0 && e->err == TLS_OK) {
        memmove(e->hs.data, e->hs.data + at, e->hs.len - at);
        e->hs.len -= at;
        if (at >= first_here) {
            e->hs_record = rec_idx;
            e->hs_protected = prot;
        }
    }
}

static void handle_change_cipher_spec(tls_engine *e, const uint8_t *p, size_t n,
                                      size_t rec_idx, size_t off, bool prot)
{
    const tls_step *s = engine_current(e);
    if (!s || s->sender != e->peer || s->content_type != TLS_CT_CHANGE_CIPHER_SPEC ||
        e->hs.len != 0) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, "expected %s, received ChangeCipherSpec",
                    expected_name(e));
        return;
    }
    tls_trace_step(e->trace, s->number, s->sender, s->message, false, NULL);
    tls_dissect d = {0};
    tls_reader r;
    tls_reader_init(&r, p, n, &d, 0);
    tls_err err = s->read(e, &r);
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = s->number, .party = e->peer,
                    .name = (char *)s->message, .bytes = (uint8_t *)p, .len = n,
                    .content_type = TLS_CT_CHANGE_CIPHER_SPEC, .is_protected = prot,
                    .record_index = rec_idx, .record_offset = off, .dissect = d};
    tls_trace_push(e->trace, &ev);
    if (err != TLS_OK) {
        engine_fail(e, err, "malformed ChangeCipherSpec");
        return;
    }
    engine_activate_read(e);
    engine_message_done(e, s, p, n);
}

static void handle_alert(tls_engine *e, const uint8_t *p, size_t n, size_t rec_idx,
                         size_t off, bool prot)
{
    tls_dissect d = {0};
    tls_reader r;
    tls_alert a = {0};
    tls_reader_init(&r, p, n, &d, 0);
    tls_err err = tls_alert_parse(&r, &a);
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->trace->step, .party = e->peer,
                    .name = "Alert", .bytes = (uint8_t *)p, .len = n,
                    .content_type = TLS_CT_ALERT, .is_protected = prot,
                    .record_index = rec_idx, .record_offset = off, .dissect = d};
    tls_trace_push(e->trace, &ev);
    if (err != TLS_OK) {
        engine_fail(e, err, "malformed alert");
        return;
    }
    if (a.level == TLS_ALERT_WARNING && a.description != TLS_ALERT_CLOSE_NOTIFY) {
        tls_trace_note(e->trace, e->role, "the %s sent a warning alert %s; the handshake goes on",
                       tls_party_name(e->peer), tls_alert_name(a.description));
        return;
    }
    e->err = TLS_ERR_PEER_ALERT;
    snprintf(e->why, sizeof e->why, "the %s sent %s alert %s (%d)", tls_party_name(e->peer),
             a.level == TLS_ALERT_FATAL ? "a fatal" : "a warning",
             tls_alert_name(a.description), a.description);
}

static void handle_record(tls_engine *e, const tls_record *rec)
{
    bool prot = e->rprot.active;
    tls_dissect d = {0};
    tls_record_dissect(rec, prot, &d);
    uint8_t *pt = NULL;
    size_t pt_len = 0;
    tls_err derr = TLS_OK;
    tls_record_crypto info = {0};
    if (prot) {
        pt = malloc(rec->fragment_len ? rec->fragment_len : 1);
        derr = pt ? tls_record_open(rec, &e->rprot, pt, &pt_len, &info) : TLS_ERR_INTERNAL;
    }
    tls_event ev = {.kind = TLS_EV_RECORD, .step = e->trace->step, .party = e->peer,
                    .bytes = (uint8_t *)rec->wire, .len = rec->wire_len,
                    .content_type = rec->type, .is_protected = prot,
                    .seq = prot ? info.seq : 0, .dissect = d,
                    .plaintext = derr == TLS_OK ? pt : NULL,
                    .plaintext_len = derr == TLS_OK ? pt_len : 0};
    size_t idx = tls_trace_push(e->trace, &ev);

    /* RFC 5246 Appendix E.1: a server accepts any {03,xx} in the record
     * carrying the ClientHello; after that, only the negotiated version. */
    bool first = e->role == TLS_PARTY_SERVER && e->cursor == 0 && e->hs.len == 0;
    bool version_ok = rec->version == TLS_VERSION_1_2 ||
                      (first && rec->version >= 0x0301 && rec->version <= 0x0303);
    if (!version_ok) {
        engine_fail(e, TLS_ERR_PROTOCOL_VERSION, "record version 0x%04x is not TLS 1.2",
                    rec->version);
    } else if (derr != TLS_OK) {
        engine_fail(e, derr, "the %s record did not decrypt: its GCM tag does not verify",
                    tls_content_type_name(rec->type) ? tls_content_type_name(rec->type)
                                                     : "unknown");
    } else {
        const uint8_t *p = prot ? pt : rec->fragment;
        size_t n = prot ? pt_len : rec->fragment_len;
        size_t off = prot ? 0 : TLS_RECORD_HEADER;
        switch (rec->type) {
        case TLS_CT_HANDSHAKE:
            handle_handshake_bytes(e, p, n, idx, off, prot);
            break;
        case TLS_CT_CHANGE_CIPHER_SPEC:
            handle_change_cipher_spec(e, p, n, idx, off, prot);
            break;
        case TLS_CT_ALERT:
            handle_alert(e, p, n, idx, off, prot);
            break;
        case TLS_CT_APPLICATION_DATA:
            engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE,
                        "application data before the handshake finished");
            break;
        default:
            engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, "unknown record content type %u",
                        rec->type);
            break;
        }
    }
    if (pt) {
        tls_wipe(pt, rec->fragment_len);
        free(pt);
    }
}

tls_err tls_engine_feed(tls_engine *e, const uint8_t *p, size_t n)
{
    if (e->err != TLS_OK)
        return e->err;
    tls_writer_bytes(&e->in, p, n);
    if (tls_writer_error(&e->in) != TLS_OK)
        return engine_fail(e, TLS_ERR_INTERNAL, "out of memory for received bytes");
    size_t at = 0;
    while (e->err == TLS_OK) {
        tls_record rec;
        size_t need;
        tls_err err = tls_record_split(e->in.data + at, e->in.len - at, &rec, &need);
        if (err == TLS_ERR_DECODE && need > 0)
            break;
        if (err != TLS_OK) {
            engine_fail(e, err, "a record announces %u bytes, more than TLS allows",
                        ((unsigned)e->in.data[at + 3] << 8) | e->in.data[at + 4]);
            break;
        }
        handle_record(e, &rec);
        at += rec.wire_len;
    }
    if (at > 0) {
        memmove(e->in.data, e->in.data + at, e->in.len - at);
        e->in.len -= at;
    }
    return e->err;
}

tls_err tls_engine_eof(tls_engine *e)
{
    if (e->err != TLS_OK)
        return e->err;
    e->peer_closed = true;
    if (e->in.len > 0)
        return engine_fail(e, TLS_ERR_DECODE,
                           "the %s stopped sending in the middle of a record "
                           "(%zu bytes of it arrived)",
                           tls_party_name(e->peer), e->in.len);
    if (e->hs.len > 0)
        return engine_fail(e, TLS_ERR_DECODE,
                           "the %s stopped sending in the middle of a handshake message",
                           tls_party_name(e->peer));
    if (engine_current(e) && !tls_engine_my_turn(e))
        return engine_fail(e, TLS_ERR_DECODE, "the %s sent no %s",
                           tls_party_name(e->peer), expected_name(e));
    return TLS_OK;
}
