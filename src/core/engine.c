/*
 * The generic half of an engine: the cursor over the run's flow, the
 * record layer, handshake-message reassembly, the transcript and alerts.
 * The key schedule is in engine_keys.c, signature schemes in engine_sig.c.
 * What each side does with a message lives in engine_client.c and
 * engine_server.c, reached only through the catalogue.
 */
#include "engine_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const tls_msg_info *engine_current(const tls_engine *e)
{
    return tls_flow_msg(e->flow, (int)e->cursor + 1);
}

bool engine_handshake_over(const tls_engine *e)
{
    return e->cursor >= (size_t)e->flow->n;
}

bool engine_rest_is(const tls_engine *e, tls_party who)
{
    if (e->cursor == 0 || engine_handshake_over(e))
        return false;
    for (int step = (int)e->cursor + 1; step <= e->flow->n; step++)
        if (tls_flow_msg(e->flow, step)->sender != who)
            return false;
    return true;
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
    e->flow = tls_flow_default();
    tls_writer_init(&e->transcript);
    tls_writer_init(&e->out);
    tls_writer_init(&e->in);
    tls_writer_init(&e->hs);
    tls_writer_init(&e->app_in);
    return e;
}

void tls_engine_free(tls_engine *e)
{
    if (!e)
        return;
    tls_x509_free(e->peer_chain);
    tls_writer_free(&e->transcript);
    tls_hash_stream_free(e->transcript_hash);
    tls_writer_free(&e->out);
    tls_writer_free(&e->in);
    tls_writer_free(&e->hs);
    tls_writer_free(&e->app_in);
    free(e->why_text);
    if (e->dh) {
        tls_wipe(e->dh, sizeof *e->dh);
        free(e->dh);
    }
    tls_wipe(e, sizeof *e);
    free(e);
}

int tls_engine_step(const tls_engine *e)
{
    return engine_handshake_over(e) ? TLS_STEP_AFTER : (int)e->cursor + 1;
}

int tls_engine_at(const tls_engine *e) { return e->step; }

const tls_flow *tls_engine_flow(const tls_engine *e) { return e->flow; }

bool tls_engine_my_turn(const tls_engine *e)
{
    const tls_msg_info *s = engine_current(e);
    return e->err == TLS_OK && s && s->sender == e->role;
}

tls_err tls_engine_error(const tls_engine *e) { return e->err; }
int tls_engine_error_step(const tls_engine *e) { return e->err_step; }
const char *tls_engine_why(const tls_engine *e) { return e->why; }
const tls_text *tls_engine_why_text(const tls_engine *e)
{
    static const tls_text none; /* TLS_TEXT_NONE: it has not failed */
    return e->why_text ? e->why_text : &none;
}
bool tls_engine_done(const tls_engine *e)
{
    return e->err == TLS_OK && engine_handshake_over(e);
}
const tls_suite *tls_engine_suite(const tls_engine *e) { return e->suite; }
bool tls_engine_ems(const tls_engine *e) { return e->ems; }
bool tls_engine_etm(const tls_engine *e) { return e->etm; }

const uint8_t *tls_engine_output(const tls_engine *e, size_t *n)
{
    *n = e->out.len;
    return e->out.data;
}

void tls_engine_output_consume(tls_engine *e, size_t n)
{
    tls_writer_consume(&e->out, n);
}

void engine_value(tls_engine *e, tls_value_kind kind, const uint8_t *p, size_t n,
                  const char *text)
{
    tls_trace_value(e->trace, e->step, e->role, kind, p, n, text);
}

void engine_note(tls_engine *e, tls_text_id id, const tls_text_arg *args)
{
    tls_trace_note(e->trace, e->step, e->role, id, args);
}

void engine_check(tls_engine *e, tls_text_id what, bool ok, tls_text_id detail,
                  const tls_text_arg *args)
{
    tls_trace_check(e->trace, e->step, e->role, what, ok, detail, args);
}

size_t engine_suites(const tls_engine *e, uint16_t *out)
{
    size_t n;
    const tls_suite *all = tls_suites_all(&n);
    if (e->cfg->nsuites > 0)
        n = e->cfg->nsuites;
    for (size_t i = 0; i < n; i++)
        out[i] = e->cfg->nsuites > 0 ? e->cfg->suites[i]->id : all[i].id;
    return n;
}

size_t engine_groups(const tls_engine *e, uint16_t *out)
{
    size_t n;
    const tls_group_info *all = tls_groups_all(&n);
    if (e->cfg->ngroups > 0)
        n = e->cfg->ngroups;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint16_t)(e->cfg->ngroups > 0 ? e->cfg->groups[i] : all[i].id);
    return n;
}

bool engine_list_has(const uint16_t *list, size_t n, uint16_t v)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
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

tls_err engine_ecdhe_keypair(tls_engine *e, const uint8_t *fixed, size_t fixed_len,
                             bool has_fixed)
{
    tls_err err;
    if (has_fixed && fixed_len <= sizeof e->ecdhe_priv) {
        memcpy(e->ecdhe_priv, fixed, fixed_len);
        e->ecdhe_priv_len = fixed_len;
        err = tls_ecdh_public(e->group, e->ecdhe_priv, e->ecdhe_priv_len,
                              e->ecdhe_pub, &e->ecdhe_pub_len);
    } else {
        err = tls_ecdh_keygen(e->group, e->rng, e->ecdhe_priv, &e->ecdhe_priv_len,
                              e->ecdhe_pub, &e->ecdhe_pub_len);
    }
    if (err != TLS_OK)
        return engine_fail(e, err,
                           has_fixed ? TLS_TEXT_ECDHE_KEYGEN_BAD_SCALAR : TLS_TEXT_ECDHE_KEYGEN_FAILED,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role))));
    bool client = e->role == TLS_PARTY_CLIENT;
    engine_value(e, client ? TLS_VALUE_CLIENT_ECDHE_PRIVATE : TLS_VALUE_SERVER_ECDHE_PRIVATE,
                 e->ecdhe_priv, e->ecdhe_priv_len, NULL);
    engine_value(e, client ? TLS_VALUE_CLIENT_ECDHE_PUBLIC : TLS_VALUE_SERVER_ECDHE_PUBLIC,
                 e->ecdhe_pub, e->ecdhe_pub_len, NULL);
    return TLS_OK;
}

static void engine_enter_step(tls_engine *e);

/* ------------------------------------------------------------- alerts */

void engine_queue_alert(tls_engine *e, uint8_t level, uint8_t desc)
{
    tls_alert a = {level, desc};
    tls_writer body;
    tls_writer_init(&body);
    tls_alert_write(&a, &body);
    if (tls_writer_error(&body) == TLS_OK)
        engine_send(e, "Alert", TLS_CT_ALERT, body.data, body.len);
    tls_writer_free(&body);
}

const char *engine_write_key_name(tls_party sender)
{
    return tls_value_name(sender == TLS_PARTY_CLIENT ? TLS_VALUE_CLIENT_WRITE_KEY
                                                     : TLS_VALUE_SERVER_WRITE_KEY);
}

const char *engine_write_iv_name(tls_party sender)
{
    return tls_value_name(sender == TLS_PARTY_CLIENT ? TLS_VALUE_CLIENT_WRITE_IV
                                                     : TLS_VALUE_SERVER_WRITE_IV);
}

tls_err engine_fail(tls_engine *e, tls_err err, tls_text_id id, const tls_text_arg *args)
{
    if (e->err != TLS_OK)
        return e->err;
    /* Failing while waiting for the peer's message is failing at that
     * message's step: whatever came in its place (or nothing) was caught
     * there.  A received alert is not that message: it belongs to the step
     * this side is at. */
    const tls_msg_info *expected = engine_current(e);
    if (expected && expected->sender == e->peer && !tls_err_is_recv_alert(err))
        engine_enter_step(e);
    e->err = err;
    e->err_step = e->step;
    /* The reason as a catalogue text, kept by an engine that failed (2 KiB
     * that the others need not zero), and in English. */
    tls_text why;
    tls_text_make(&why, id, args);
    tls_text_english_into(&why, e->why, sizeof e->why);
    free(e->why_text);
    if ((e->why_text = malloc(sizeof *e->why_text)) != NULL)
        *e->why_text = why;
    int desc = tls_err_alert(err);
    if (desc >= 0) {
        tls_event ev = {.kind = TLS_EV_ALERT, .step = e->step,
                        .party = e->role, .msg = &why,
                        .alert_level = TLS_ALERT_FATAL, .alert_desc = desc};
        tls_trace_push(e->trace, &ev);
        engine_queue_alert(e, TLS_ALERT_FATAL, (uint8_t)desc);
    }
    return err;
}

/* --------------------------------------------------------- the cursor */

/* Once the hellos have chosen the suite, this side knows the run's flow
 * (before that every flow agrees): the server by its policy and its
 * decision to resume; the client from ServerHello, and later when a
 * CertificateRequest arrives (engine_branch). */
static void engine_settle(tls_engine *e)
{
    if (!e->suite || e->flow_settled)
        return;
    bool ask = e->role == TLS_PARTY_SERVER && e->cfg->client_auth != TLS_CLIENT_AUTH_OFF;
    tls_flow_shape shape = e->resumed ? (e->ticket_expected ? TLS_FLOW_SHAPE_ABBREVIATED_TICKET
                                                            : TLS_FLOW_SHAPE_ABBREVIATED)
                                      : (e->ticket_expected ? TLS_FLOW_SHAPE_FULL_TICKET
                                                            : TLS_FLOW_SHAPE_FULL);
    e->flow = tls_flow_select(e->suite->kx, ask ? TLS_FLOW_AUTH_CERT : TLS_FLOW_AUTH_NONE,
                              shape);
    e->flow_settled = true;
}

/* Move past the position just completed and over any this run's flow marks
 * as skipped. */
static void engine_advance(tls_engine *e)
{
    engine_settle(e);
    e->cursor++;
    while (!engine_handshake_over(e) &&
           tls_flow_skipped(e->flow, (int)e->cursor + 1) != TLS_TEXT_NONE)
        e->cursor++;
    if (engine_handshake_over(e))
        engine_session_done(e);
}

/* This engine is now at the position under its cursor (it writes that
 * message, or reads it): its own events carry that step.  The driver, not
 * the engine, announces steps. */
static void engine_enter_step(tls_engine *e)
{
    engine_set_step(e, (int)e->cursor + 1);
}

void engine_set_step(tls_engine *e, int step)
{
    e->step = step;
}

/* A handshake message is finished: it joins the transcript, keys follow if
 * the table says so, and the cursor moves on. */
static void engine_message_done(tls_engine *e, const tls_msg_info *s,
                                const uint8_t *msg, size_t len)
{
    if (s->content_type == TLS_CT_HANDSHAKE)
        tls_writer_bytes(&e->transcript, msg, len);
    if (tls_writer_error(&e->transcript) != TLS_OK) {
        engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_OOM_TRANSCRIPT, NULL);
        return;
    }
    engine_settle(e);
    /* The settled flow names the message now (a resumed ServerHello). */
    const tls_msg_info *now = engine_current(e);
    if (now && now->keys_after && engine_derive_keys(e) != TLS_OK)
        return;
    engine_advance(e);
}

/* ------------------------------------------------------------ writing */

tls_err tls_engine_write_step(tls_engine *e)
{
    if (!tls_engine_my_turn(e))
        return e->err;
    const tls_msg_info *s = engine_current(e);
    engine_enter_step(e);

    /* A handshake message's header first, its length filled in once the
     * body is written after it: one buffer, not a body then copied. */
    tls_writer msg;
    tls_writer_init(&msg);
    bool hs = s->content_type == TLS_CT_HANDSHAKE;
    size_t length_at = 0;
    if (hs) {
        tls_writer_u8(&msg, s->hs_type);
        length_at = tls_writer_reserve(&msg, 3);
    }
    tls_err err = s->write(e, &msg);
    if (err == TLS_OK && hs)
        tls_writer_patch(&msg, length_at, 3);
    if (err == TLS_OK)
        err = tls_writer_error(&msg);
    if (err == TLS_OK)
        err = engine_send(e, s->message, s->content_type, msg.data, msg.len);
    if (err != TLS_OK) {
        engine_fail(e, err, TLS_TEXT_COULD_NOT_PRODUCE, TLS_ARGS(TLS_ARG_S("message", s->message)));
    } else {
        if (s->content_type == TLS_CT_CHANGE_CIPHER_SPEC)
            engine_activate_write(e);
        engine_message_done(e, s, msg.data, msg.len);
    }
    tls_writer_free(&msg);
    return e->err;
}

/* ------------------------------------------------------------ reading */

/* The peer sent what the handshake does not expect now: \p got is the
 * message's name, or NULL when its type is unknown. */
static void fail_unexpected(tls_engine *e, const char *got)
{
    const tls_msg_info *s = engine_current(e);
    static const tls_text_id ids[2][2] = {
        {TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE_AFTER, TLS_TEXT_UNEXPECTED_MESSAGE_AFTER},
        {TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE, TLS_TEXT_UNEXPECTED_MESSAGE}};
    engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, ids[s != NULL][got != NULL],
                TLS_ARGS(TLS_ARG_S("expected", s ? s->message : ""), TLS_ARG_S("got", got)));
}

/* A message the flow does not expect here may be one of another flow that
 * agrees so far: the optional messages (a CertificateRequest where
 * ServerHelloDone was due).  Then that flow is the run's from now on. */
static bool engine_branch(tls_engine *e, uint8_t hs_type)
{
    int here = (int)e->cursor + 1, step = 0;
    const tls_flow *g = e->flow_settled ? tls_flow_branch(e->flow, here, e->peer,
                                                          TLS_CT_HANDSHAKE, hs_type, &step)
                                        : NULL;
    if (!g || step != here)
        return false;
    e->flow = g;
    return true;
}

static bool expects(const tls_msg_info *s, tls_party peer, uint8_t hs_type)
{
    return s && s->sender == peer && s->content_type == TLS_CT_HANDSHAKE &&
           s->hs_type == hs_type;
}

/* Where a handshake message came from: its record, its offset in it, and
 * whether that record was protected. */
typedef struct hs_origin {
    size_t record, offset;
    bool prot;
} hs_origin;

/* Trace a handshake message the peer sent and parse it: the MESSAGE event
 * first, so it precedes what the message teaches, and its dissection once
 * parsing is over.  \p read parses the body (NULL: the body must be empty). */
static tls_err trace_and_read(tls_engine *e, const char *name, const uint8_t *msg, size_t len,
                              const hs_origin *o, tls_err (*read)(tls_engine *, tls_reader *))
{
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->step, .party = e->peer,
                    .name = (char *)name, .bytes = (uint8_t *)msg, .len = len,
                    .content_type = TLS_CT_HANDSHAKE, .hs_type = msg[0],
                    .is_protected = o->prot, .record_index = o->record,
                    .record_offset = o->offset};
    size_t idx = tls_trace_push(e->trace, &ev);

    tls_dissect d = {0};
    tls_reader r, body;
    uint8_t type;
    tls_reader_init(&r, msg, len, &d, 0);
    tls_err err = tls_msg_header_parse(&r, &type, &body);
    if (err == TLS_OK)
        err = read ? read(e, &body) : tls_reader_left(&body) ? TLS_ERR_DECODE : TLS_OK;
    tls_trace_set_dissect(e->trace, idx, &d);
    if (err != TLS_OK)
        engine_fail(e, err, TLS_TEXT_NOT_DECODED, TLS_ARGS(TLS_ARG_S("message", name)));
    return err;
}

/* RFC 5246 §7.4.1.1: a HelloRequest "will be ignored by the client if the
 * client is currently negotiating a session", and it is not hashed.  A
 * peer that keeps sending them is stalling: bounded. */
static void ignore_hello_request(tls_engine *e, const uint8_t *msg, size_t len,
                                 const hs_origin *o)
{
    if (trace_and_read(e, tls_hs_type_name(msg[0]), msg, len, o, NULL) != TLS_OK)
        return;
    if (++e->hello_requests > TLS_MAX_HELLO_REQUESTS) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_TOO_MANY_HELLO_REQUESTS,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                             TLS_ARG_U("max", TLS_MAX_HELLO_REQUESTS)));
        return;
    }
    engine_note(e, TLS_TEXT_HELLO_REQUEST_IGNORED,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
}

/* Parse one whole handshake message (header included) that the peer sent. */
static void handle_handshake_message(tls_engine *e, const uint8_t *msg, size_t len,
                                     size_t rec_idx, size_t rec_off, bool prot)
{
    const tls_msg_info *s = engine_current(e);
    hs_origin o = {rec_idx, rec_off, prot};
    if (msg[0] == TLS_HS_HELLO_REQUEST && e->role == TLS_PARTY_CLIENT && s) {
        ignore_hello_request(e, msg, len, &o);
        return;
    }
    const char *got = tls_hs_type_name(msg[0]);
    if (!expects(s, e->peer, msg[0]) && (!s || !engine_branch(e, msg[0]))) {
        fail_unexpected(e, got);
        return;
    }
    s = engine_current(e);
    engine_enter_step(e);
    if (trace_and_read(e, s->message, msg, len, &o, s->read) == TLS_OK)
        engine_message_done(e, s, msg, len);
}

static void handle_handshake_bytes(tls_engine *e, const uint8_t *p, size_t n,
                                   size_t rec_idx, size_t off, bool prot)
{
    if (n == 0) {
        /* RFC 5246 §6.2.1: zero-length handshake fragments MUST NOT be sent. */
        engine_fail(e, TLS_ERR_DECODE, TLS_TEXT_EMPTY_HANDSHAKE_RECORD, NULL);
        return;
    }
    if (e->hs.len == 0) {
        e->hs_record = rec_idx;
        e->hs_protected = prot;
    }
    tls_writer_bytes(&e->hs, p, n);
    if (tls_writer_error(&e->hs) != TLS_OK) {
        engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_OOM_HANDSHAKE, NULL);
        return;
    }
    /* Bytes from index first_here on came in this record: a message that
     * starts there lies inside it; one that starts earlier spans records. */
    size_t first_here = e->hs.len - n;
    size_t at = 0, len;
    tls_read_result r;
    while (e->err == TLS_OK &&
           (r = tls_msg_frame(e->hs.data + at, e->hs.len - at, &len)) != TLS_READ_NEED_MORE) {
        if (r == TLS_READ_OVERSIZE) {
            engine_fail(e, TLS_ERR_DECODE, TLS_TEXT_HANDSHAKE_TOO_LARGE,
                        TLS_ARGS(TLS_ARG_U("bytes", len - TLS_HANDSHAKE_HEADER)));
            break;
        }
        bool here = at >= first_here;
        handle_handshake_message(e, e->hs.data + at, len, here ? rec_idx : e->hs_record,
                                 here ? off + (at - first_here) : (size_t)-1,
                                 here ? prot : e->hs_protected);
        at += len;
    }
    if (at > 0 && e->err == TLS_OK) {
        tls_writer_consume(&e->hs, at);
        if (at >= first_here) {
            e->hs_record = rec_idx;
            e->hs_protected = prot;
        }
    }
}

static void handle_change_cipher_spec(tls_engine *e, const uint8_t *p, size_t n,
                                      size_t rec_idx, size_t off, bool prot)
{
    const tls_msg_info *s = engine_current(e);
    if (!s || s->sender != e->peer || s->content_type != TLS_CT_CHANGE_CIPHER_SPEC ||
        e->hs.len != 0) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE,
                    s ? TLS_TEXT_UNEXPECTED_CCS : TLS_TEXT_UNEXPECTED_CCS_AFTER,
                    TLS_ARGS(TLS_ARG_S("expected", s ? s->message : "")));
        return;
    }
    engine_enter_step(e);
    tls_dissect d = {0};
    tls_reader r;
    tls_reader_init(&r, p, n, &d, 0);
    tls_err err = s->read(e, &r);
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->step, .party = e->peer,
                    .name = (char *)s->message, .bytes = (uint8_t *)p, .len = n,
                    .content_type = TLS_CT_CHANGE_CIPHER_SPEC, .is_protected = prot,
                    .record_index = rec_idx, .record_offset = off, .dissect = d};
    tls_trace_push(e->trace, &ev);
    if (err != TLS_OK) {
        engine_fail(e, err, TLS_TEXT_MALFORMED_CCS, NULL);
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
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->step, .party = e->peer,
                    .name = "Alert", .bytes = (uint8_t *)p, .len = n,
                    .content_type = TLS_CT_ALERT, .is_protected = prot,
                    .record_index = rec_idx, .record_offset = off, .dissect = d};
    tls_trace_push(e->trace, &ev);
    if (err != TLS_OK) {
        engine_fail(e, err, TLS_TEXT_MALFORMED_ALERT, NULL);
        return;
    }
    if (a.description == TLS_ALERT_CLOSE_NOTIFY && engine_handshake_over(e)) {
        /* RFC 5246 §7.2.1: the orderly end of the connection, not an error. */
        e->close_received = true;
        engine_note(e, TLS_TEXT_CLOSE_NOTIFY_RECEIVED,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
        return;
    }
    /* A received alert is this engine's failure too, but one it answers
     * with no alert (tls_err_alert is -1 for the received range). */
    if (a.description == TLS_ALERT_CLOSE_NOTIFY) {
        engine_fail(e, tls_err_recv_alert(a.description), TLS_TEXT_CLOSED_DURING_HANDSHAKE,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
        return;
    }
    if (a.level == TLS_ALERT_WARNING && ++e->warning_alerts > TLS_MAX_WARNING_ALERTS) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_TOO_MANY_WARNINGS,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                             TLS_ARG_U("max", TLS_MAX_WARNING_ALERTS)));
        return;
    }
    if (a.level == TLS_ALERT_WARNING) {
        engine_note(e, TLS_TEXT_WARNING_ALERT_GOES_ON,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                             TLS_ARG_S("alert", tls_alert_name(a.description))));
        return;
    }
    engine_fail(e, tls_err_recv_alert(a.description), TLS_TEXT_PEER_FATAL_ALERT,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                         TLS_ARG_S("alert", tls_alert_name(a.description)),
                         TLS_ARG_U("code", a.description)));
}

/* A record's content (its plaintext when protected), by content type:
 * \p off is where it starts in the record as traced. */
static void handle_content(tls_engine *e, uint8_t type, const uint8_t *p, size_t n,
                           size_t idx, size_t off, bool prot)
{
    switch (type) {
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
        /* Only under the negotiated keys: plaintext application data
         * would be readable and forgeable by anyone on the path.  A
         * peer whose Finished was verified may send it before this
         * side's (False Start, RFC 7918). */
        if ((engine_handshake_over(e) || engine_rest_is(e, e->role)) && prot) {
            if (engine_app_data_empty_ok(e, n))
                engine_app_data_received(e, p, n, idx, off, prot);
        } else {
            engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_APP_DATA_TOO_EARLY, NULL);
        }
        break;
    default:
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_UNKNOWN_CONTENT_TYPE,
                    TLS_ARGS(TLS_ARG_U("type", type)));
        break;
    }
}

/* Limits on the records themselves, before anything is traced: false when
 * the engine has failed or the record is counted without being traced. */
static bool record_admitted(tls_engine *e, const tls_record *rec)
{
    if (!engine_handshake_over(e) && ++e->flight_records > TLS_MAX_FLIGHT_RECORDS) {
        engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_TOO_MANY_RECORDS,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                             TLS_ARG_U("max", TLS_MAX_FLIGHT_RECORDS)));
        return false;
    }
    return !engine_app_data_untraced(e, rec);
}

static void handle_record(tls_engine *e, const tls_record *rec)
{
    if (!record_admitted(e, rec))
        return;
    /* A record belongs to the step of the message it carries: the one this
     * side expects now, whatever arrived in its place (a mangled record is
     * caught at that step).  An alert is not the expected message: it
     * belongs to the step this side is at.  (A read may hold several
     * records; each is filed by what this side expects when it is read.) */
    const tls_msg_info *expected = engine_current(e);
    if (engine_handshake_over(e))
        engine_enter_after(e);
    else if (expected && expected->sender == e->peer && rec->type != TLS_CT_ALERT)
        engine_enter_step(e);
    bool prot = e->rprot.active;
    tls_dissect d = {0};
    tls_record_dissect(rec, &e->rprot, &d);
    uint8_t *pt = NULL;
    size_t pt_len = 0;
    tls_err derr = TLS_OK;
    tls_record_crypto info = {0};
    if (prot) {
        pt = malloc(rec->fragment_len ? rec->fragment_len : 1);
        derr = pt ? tls_record_open(rec, &e->rprot, pt, &pt_len, &info) : TLS_ERR_INTERNAL;
    }
    tls_event ev = {.kind = TLS_EV_RECORD, .step = e->step, .party = e->peer,
                    .bytes = (uint8_t *)rec->wire, .len = rec->wire_len,
                    .content_type = rec->type, .is_protected = prot,
                    .seq = prot ? info.seq : 0, .dissect = d,
                    .plaintext = derr == TLS_OK ? pt : NULL,
                    .plaintext_len = derr == TLS_OK ? pt_len : 0};
    if (prot)
        ev.crypto = info;
    size_t idx = tls_trace_push(e->trace, &ev);

    /* RFC 5246 Appendix E.1: a server accepts any {03,xx} in the record
     * carrying the ClientHello; after that, only the negotiated version. */
    bool first = e->role == TLS_PARTY_SERVER && e->cursor == 0 && e->hs.len == 0;
    bool version_ok = rec->version == TLS_VERSION_1_2 ||
                      (first && rec->version >= 0x0301 && rec->version <= 0x0303);
    if (!version_ok) {
        engine_fail(e, TLS_ERR_PROTOCOL_VERSION, TLS_TEXT_RECORD_VERSION,
                    TLS_ARGS(TLS_ARG_X("version", rec->version, 4)));
    } else if (derr != TLS_OK) {
        engine_record_rejected(e, derr, rec->type);
    } else {
        handle_content(e, rec->type, prot ? pt : rec->fragment,
                       prot ? pt_len : rec->fragment_len, idx,
                       prot ? 0 : TLS_RECORD_HEADER, prot);
    }
    if (pt) {
        tls_wipe(pt, rec->fragment_len);
        free(pt);
    }
}

/* Another protocol's greeting, to name it in the error. */
static tls_text_id protocol_hint(const uint8_t *b, size_t n)
{
    static const struct {
        const char *prefix;
        tls_text_id hint;
    } hints[] = {
        {"HTTP/", TLS_TEXT_NOT_TLS_TEXT_HTTP_SERVER},
        {"GET ", TLS_TEXT_NOT_TLS_TEXT_HTTP_CLIENT},
        {"POST ", TLS_TEXT_NOT_TLS_TEXT_HTTP_CLIENT},
        {"HEAD ", TLS_TEXT_NOT_TLS_TEXT_HTTP_CLIENT},
        {"SSH-", TLS_TEXT_NOT_TLS_TEXT_SSH},
        {"220", TLS_TEXT_NOT_TLS_TEXT_SMTP_FTP},
        {"+OK", TLS_TEXT_NOT_TLS_TEXT_POP3},
    };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        size_t k = strlen(hints[i].prefix);
        if (n >= k && memcmp(b, hints[i].prefix, k) == 0)
            return hints[i].hint;
    }
    return TLS_TEXT_NOT_TLS_TEXT;
}

/* The peer's first bytes must look like a TLS record header: content type
 * 20..23 and major version 3.  Anything else is another protocol (an HTTP
 * server answering, a plain-text client) or garbage; say so plainly rather
 * than report a puzzling record length. */
static void check_first_bytes(tls_engine *e)
{
    e->received_any = true;
    const uint8_t *b = e->in.data;
    if (b[0] >= TLS_CT_CHANGE_CIPHER_SPEC && b[0] <= TLS_CT_APPLICATION_DATA && b[1] == 3)
        return;
    /* RFC 5246 Appendix E.2: an SSL 2.0 CLIENT-HELLO has a 2-byte header
     * with the high bit set (the length), then message type 1.  Name it:
     * it is a real client of another age, not garbage. */
    if (e->role == TLS_PARTY_SERVER && (b[0] & 0x80) && b[2] == 1) {
        engine_fail(e, TLS_ERR_PROTOCOL_VERSION, TLS_TEXT_SSLV2_HELLO,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
        return;
    }
    size_t n = e->in.len < 16 ? e->in.len : 16;
    bool text = true;
    for (size_t i = 0; i < n; i++)
        text &= (b[i] >= 0x20 && b[i] < 0x7f) || b[i] == '\r' || b[i] == '\n';
    char shown[16 * 4 + 1];
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (text && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\')
            shown[o++] = (char)b[i];
        else
            o += (size_t)snprintf(shown + o, sizeof shown - o, text ? "\\x%02x" : "%02x ", b[i]);
    }
    shown[o] = '\0';
    if (!text && o > 0)
        shown[o - 1] = '\0';
    engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE,
                text ? protocol_hint(b, e->in.len) : TLS_TEXT_NOT_TLS_BINARY,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)), TLS_ARG_S("bytes", shown)));
}

tls_err tls_engine_feed(tls_engine *e, const uint8_t *p, size_t n)
{
    if (e->err != TLS_OK)
        return e->err;
    /* RFC 5246 §7.2.1: anything after close_notify is ignored. */
    if (e->close_received)
        return TLS_OK;
    /* Bytes that arrive once the handshake is over belong after it, even
     * when they fail before a record is whole (an oversized length). */
    if (engine_handshake_over(e))
        engine_enter_after(e);
    tls_writer_bytes(&e->in, p, n);
    if (tls_writer_error(&e->in) != TLS_OK)
        return engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_OOM_RECEIVED, NULL);
    if (!e->received_any && e->in.len >= 3)
        check_first_bytes(e);
    size_t at = 0;
    while (e->err == TLS_OK && !e->close_received) {
        tls_record rec;
        size_t need;
        tls_read_result r = tls_record_split(e->in.data + at, e->in.len - at, &rec, &need);
        if (r == TLS_READ_NEED_MORE)
            break;
        if (r == TLS_READ_OVERSIZE) {
            engine_fail(e, TLS_ERR_RECORD_OVERFLOW, TLS_TEXT_RECORD_TOO_LONG,
                        TLS_ARGS(TLS_ARG_U("bytes", ((unsigned)e->in.data[at + 3] << 8) |
                                                        e->in.data[at + 4])));
            break;
        }
        handle_record(e, &rec);
        at += rec.wire_len;
    }
    tls_writer_consume(&e->in, e->close_received ? e->in.len : at);
    return e->err;
}

tls_err tls_engine_eof(tls_engine *e)
{
    if (e->err != TLS_OK)
        return e->err;
    if (e->close_received)
        return TLS_OK;
    /* So does the end of a connection whose handshake is over. */
    if (engine_handshake_over(e))
        engine_enter_after(e);
    if (e->in.len > 0)
        return engine_fail(e, TLS_ERR_DECODE, TLS_TEXT_EOF_IN_RECORD,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                                    TLS_ARG_U("bytes", e->in.len)));
    if (e->hs.len > 0)
        return engine_fail(e, TLS_ERR_DECODE, TLS_TEXT_EOF_IN_MESSAGE,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
    if (engine_current(e) && !tls_engine_my_turn(e))
        return engine_fail(e, TLS_ERR_DECODE, TLS_TEXT_EOF_MISSING_MESSAGE,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                                    TLS_ARG_S("message", engine_current(e)->message)));
    /* After the handshake only close_notify proves the peer's data is all
     * there (RFC 5246 §7.2.1).  Once this side has said close_notify it
     * wanted nothing more, so a peer that then just leaves lost nothing. */
    if (tls_engine_done(e) && !e->close_sent)
        return engine_fail(e, TLS_ERR_TRUNCATED, TLS_TEXT_EOF_TRUNCATED,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer))));
    return TLS_OK;
}
