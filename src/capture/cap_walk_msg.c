/*
 * What a captured record holds, followed as the engines would read it:
 * each handshake message dissected by its own parser (tls_msg_dissect)
 * and filed under the step of the flow the connection follows, the
 * eavesdropper's view, what the capture proves each side sent and
 * received, and what the key material computes (the listing reader,
 * tls_cap_tls, finds the master secret and checks both Finished).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap_walk_internal.h"
#include "tlssim/engine.h"
#include "tlssim/prf.h"

static const tls_suite *walk_suite(const walk *w)
{
    return w->sec.server_hello ? tls_suite_by_id(w->sec.suite) : NULL;
}

/* The key exchange whose messages to expect: the suite's, or for one tlssim
 * does not implement, the flow's as far as the messages tell it. */
static tls_kx walk_kx(const walk *w)
{
    const tls_suite *s = walk_suite(w);
    return s ? s->kx : w->flow->kx;
}

/* Whose view a record or message is: the capture's, opened (when it is
 * protected) with the key material that gave the master secret. */
static tls_event_source walk_source(const walk *w, bool prot)
{
    if (!prot || !w->sec.derived)
        return TLS_SOURCE_CAPTURE;
    return w->sec.keyed          ? TLS_SOURCE_CAPTURE_KEYLOG
           : w->sec.session_conn ? TLS_SOURCE_CAPTURE_SESSION
                                 : TLS_SOURCE_CAPTURE_SERVER_KEY;
}

static bool handshake_over(const walk *w)
{
    return w->dir[0].finished && w->dir[1].finished;
}

/* A value both sides hold, as the capture proves it (inferred: read from
 * the wire or computed here, not from either side's memory). */
static void both_know(walk *w, int step, tls_value_kind kind, const uint8_t *p, size_t n,
                      const char *text)
{
    for (int k = 0; k < 2; k++) {
        tls_event ev = {.kind = TLS_EV_VALUE, .step = step, .party = walk_sender(k),
                        .value = kind, .bytes = (uint8_t *)p, .len = n, .text = (char *)text,
                        .inferred = true};
        tls_trace_push(w->trace, &ev);
    }
}

/* What the eavesdropper just learned from a record crossing the wire, the
 * sender sent and the receiver received: the same values in their columns. */
static void share_wire_values(walk *w, size_t from)
{
    size_t end = w->trace->n;
    for (size_t i = from; i < end; i++) {
        tls_event ev = w->trace->ev[i];
        if (ev.kind == TLS_EV_VALUE && ev.party == TLS_PARTY_WIRE)
            both_know(w, ev.step, ev.value, ev.bytes, ev.len, ev.text);
    }
}

/* The key schedule's values, once the key material gave the master secret. */
static void trace_keys(walk *w, int step)
{
    const tls_suite *s = walk_suite(w);
    const tls_key_block *kb = &w->sec.kb;
    uint8_t raw[TLS_KEY_BLOCK_MAX];
    size_t n = 0;
    /* RFC 5246 §6.3: the key block is these six, in this order. */
    const struct { const uint8_t *p; size_t len; } parts[] = {
        {kb->client_write_mac_key, kb->mac_key_len}, {kb->server_write_mac_key, kb->mac_key_len},
        {kb->client_write_key, kb->key_len}, {kb->server_write_key, kb->key_len},
        {kb->client_write_iv, kb->iv_len}, {kb->server_write_iv, kb->iv_len}};
    for (size_t i = 0; i < 6 && n + parts[i].len <= sizeof raw; i++) {
        memcpy(raw + n, parts[i].p, parts[i].len);
        n += parts[i].len;
    }
    /* RSA key exchange opened with the server's key (the note just before
     * says so): the pre-master the client chose and the server decrypted,
     * the value a simulated run shows. */
    if (w->sec.by_key == TLS_CAP_KEY_DECRYPTED)
        both_know(w, step, TLS_VALUE_PRE_MASTER_SECRET, w->sec.pre_master,
                  sizeof w->sec.pre_master, NULL);
    tls_trace_note(w->trace, step, TLS_PARTY_WIRE, TLS_TEXT_CAP_KEYS_COMPUTED, NULL);
    both_know(w, step, TLS_VALUE_MASTER_SECRET, w->sec.master, 48, NULL);
    both_know(w, step, TLS_VALUE_KEY_BLOCK, raw, s ? tls_key_block_len(s) : n, NULL);
    if (kb->mac_key_len) {
        both_know(w, step, TLS_VALUE_CLIENT_WRITE_MAC_KEY, kb->client_write_mac_key,
                  kb->mac_key_len, NULL);
        both_know(w, step, TLS_VALUE_SERVER_WRITE_MAC_KEY, kb->server_write_mac_key,
                  kb->mac_key_len, NULL);
    }
    both_know(w, step, TLS_VALUE_CLIENT_WRITE_KEY, kb->client_write_key, kb->key_len, NULL);
    both_know(w, step, TLS_VALUE_SERVER_WRITE_KEY, kb->server_write_key, kb->key_len, NULL);
    both_know(w, step, TLS_VALUE_CLIENT_WRITE_IV, kb->client_write_iv, kb->iv_len, NULL);
    both_know(w, step, TLS_VALUE_SERVER_WRITE_IV, kb->server_write_iv, kb->iv_len, NULL);
    tls_wipe(raw, sizeof raw);
    w->keys_traced = true;
}

/* At the step where both sides derive their keys: what the key material
 * given could do here, and the values when it did. */
static void secrets_at_keys_step(walk *w, int step)
{
    const tls_suite *s = walk_suite(w);
    tls_cap_walk_info *info = w->info;
    tls_text_id id;
    /* At function scope: a compound literal lives as long as its block. */
    const tls_text_arg *how = TLS_ARGS(TLS_ARG_T("how", w->sec.ems ? TLS_TERM("extended, RFC 7627")
                                                                   : TLS_TERM("classic")));
    const tls_text_arg *kx = TLS_ARGS(
        TLS_ARG_S("kx", s && s->kx == TLS_KX_DHE_RSA ? "DHE" : "ECDHE"));
    const tls_text_arg *session = TLS_ARGS(
        TLS_ARG_U("conn", w->sec.session_conn),
        TLS_ARG_T("how", w->sec.offered_ticket_set ? TLS_TERM("by the ticket it issued")
                                                   : TLS_TERM("by its session ID")));
    const tls_text_arg *args = NULL;
    if (w->sec.derived && w->sec.keyed) {
        info->secret = TLS_CAP_SECRET_KEYLOG;
        id = TLS_TEXT_CAP_SECRET_KEYLOG;
    } else if (w->sec.derived && w->sec.session_conn) {
        info->secret = TLS_CAP_SECRET_SESSION;
        info->session_conn = w->sec.session_conn;
        id = TLS_TEXT_CAP_SECRET_SESSION;
        args = session;
    } else if (w->sec.resuming && s && !w->sec.derived && w->cfg->server_key) {
        info->secret = TLS_CAP_SECRET_SESSION_OUTSIDE;
        id = TLS_TEXT_CAP_SESSION_OUTSIDE;
    } else if (w->sec.derived) {
        info->secret = TLS_CAP_SECRET_SERVER_KEY;
        id = TLS_TEXT_CAP_SECRET_SERVER_KEY;
        args = how;
    } else if (!s && (w->cfg->keys || w->cfg->server_key)) {
        /* Not "no line": the key log may well have one. */
        info->secret = TLS_CAP_SECRET_SUITE_UNKNOWN;
        id = TLS_TEXT_CAP_SECRET_SUITE_UNKNOWN;
    } else if (w->sec.by_key == TLS_CAP_KEY_FORWARD_SECRET) {
        info->secret = TLS_CAP_SECRET_FORWARD;
        id = TLS_TEXT_CAP_FORWARD_SECRET;
        args = kx;
    } else if (w->sec.by_key == TLS_CAP_KEY_NO_DECRYPT) {
        info->secret = TLS_CAP_SECRET_WRONG_KEY;
        id = TLS_TEXT_CAP_KEY_NOT_THIS_SERVER;
    } else if (w->cfg->keys || w->cfg->server_key) {
        info->secret = TLS_CAP_SECRET_NO_LINE;
        id = TLS_TEXT_CAP_SECRET_NO_LINE;
    } else {
        id = TLS_TEXT_CAP_NO_SECRETS;
    }
    tls_trace_note(w->trace, step, TLS_PARTY_WIRE, id, args);
    if (w->sec.derived)
        trace_keys(w, step);
    w->hellos_noted = true;
}

/* A Finished read in the clear (its record decrypted): verify_data, and the
 * check the listing reader made against the transcript the capture shows. */
static void finished(walk *w, int d, int step, const uint8_t *msg, size_t len)
{
    tls_reader r, body;
    uint8_t type;
    tls_finished fin;
    tls_reader_init(&r, msg, len, NULL, 0);
    if (tls_msg_header_parse(&r, &type, &body) == TLS_OK && tls_finished_parse(&body, &fin) == TLS_OK)
        both_know(w, step, d == 0 ? TLS_VALUE_CLIENT_VERIFY_DATA : TLS_VALUE_SERVER_VERIFY_DATA,
                  fin.verify_data, 12, NULL);
    bool ok = w->sec.finished[d] == TLS_CAP_FINISHED_OK;
    tls_trace_check(w->trace, step, walk_receiver(d), TLS_TEXT_CHECK_FINISHED, ok,
                    ok ? TLS_TEXT_FINISHED_OK : TLS_TEXT_FINISHED_BAD,
                    TLS_ARGS(TLS_ARG_T("peer", tls_party_name(walk_sender(d))),
                             TLS_ARG_S("label", d == 0 ? "client finished" : "server finished")));
}

static bool abbreviated(const tls_flow *f)
{
    return f->shape == TLS_FLOW_SHAPE_ABBREVIATED || f->shape == TLS_FLOW_SHAPE_ABBREVIATED_TICKET;
}

/* The flow the messages now tell.  A full handshake that turns out to be
 * an abbreviated one (a ticket offered with an empty session ID: the
 * server's message after ServerHello said so, tls_flow_follow): the keys
 * were there from the hellos on, said at the ServerHello's step. */
static void walk_flow(walk *w, const tls_flow *f)
{
    bool resumed_now = abbreviated(f) && !abbreviated(w->flow);
    w->flow = f;
    if (!resumed_now)
        return;
    int hello = w->dir[1].at;
    const tls_msg_info *next = tls_flow_msg(f, hello + 1);
    tls_trace_note(w->trace, hello, TLS_PARTY_WIRE, TLS_TEXT_CAP_RESUMED_AFTER_HELLO,
                   TLS_ARGS(TLS_ARG_S("message", next ? next->message : "ChangeCipherSpec")));
    if (!w->hellos_noted)
        secrets_at_keys_step(w, hello);
}

/* The step of a message of \p d, moving this direction (and maybe the flow)
 * on; 0 when no flow tlssim knows has it here. */
static int message_step(walk *w, int d, uint8_t content_type, uint8_t hs_type,
                        const uint8_t *body, size_t body_len)
{
    tls_guess_msg m = {walk_sender(d), content_type, hs_type, w->sec.suite, body, body_len};
    if (w->sec.server_hello && !walk_suite(w))
        w->flow = tls_flow_guess_kx(w->flow, w->dir[1].at, &m);
    const tls_flow *f = w->flow;
    int step = tls_flow_follow(&f, w->dir[d].at, walk_sender(d), content_type, hs_type);
    walk_flow(w, f);
    if (step) {
        w->dir[d].at = step;
        w->announced = tls_flow_announce_through(w->flow, w->trace, w->announced, step);
    }
    return step;
}

/* The hellos steer the walk: the session ID offered, the flow announced. */
static void learn_hello(walk *w, uint8_t type, const uint8_t *msg, size_t len)
{
    tls_reader r, body;
    uint8_t t;
    tls_reader_init(&r, msg, len, NULL, 0);
    if (tls_msg_header_parse(&r, &t, &body) != TLS_OK)
        return;
    if (type == TLS_HS_CLIENT_HELLO) {
        tls_client_hello *ch = calloc(1, sizeof *ch);
        if (ch && tls_client_hello_parse(&body, ch) == TLS_OK) {
            memcpy(w->offered_id, ch->session_id, ch->session_id_len);
            w->offered_len = ch->session_id_len;
        }
        free(ch);
        return;
    }
    tls_server_hello sh;
    memset(&sh, 0, sizeof sh);
    if (tls_server_hello_parse(&body, &sh) != TLS_OK)
        return;
    const tls_flow *f = tls_flow_of_server_hello(w->offered_id, w->offered_len, &sh);
    if (f)
        w->flow = f;
}

/* Where a message came from: its record's trace index, its offset there
 * ((size_t)-1 when it spans records), whether that record was protected. */
typedef struct origin {
    size_t record, offset;
    bool prot;
} origin;

static void handshake_message(walk *w, int d, const uint8_t *msg, size_t len, const origin *o)
{
    uint8_t type = msg[0];
    int step = message_step(w, d, TLS_CT_HANDSHAKE, type, msg + 4, len - 4);
    if (type == TLS_HS_CLIENT_HELLO || type == TLS_HS_SERVER_HELLO)
        learn_hello(w, type, msg, len);
    const tls_msg_info *m = step ? tls_flow_msg(w->flow, step) : NULL;
    const char *name = m ? m->message : tls_hs_type_name(type);
    int at = step ? step : w->announced;
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = at, .party = walk_sender(d),
                    .name = (char *)(name ? name : "unknown"), .bytes = (uint8_t *)msg,
                    .len = len, .content_type = TLS_CT_HANDSHAKE, .hs_type = type,
                    .is_protected = o->prot, .record_index = o->record,
                    .record_offset = o->offset, .source = walk_source(w, o->prot)};
    tls_msg_dissect(TLS_CT_HANDSHAKE, msg, len, walk_kx(w), &ev.dissect);
    tls_trace_push(w->trace, &ev);
    tls_dissect_free(&ev.dissect);
    if (!step)
        tls_trace_note(w->trace, at, TLS_PARTY_WIRE, TLS_TEXT_CAP_UNEXPECTED,
                       TLS_ARGS(TLS_ARG_T("party", tls_party_name(walk_sender(d))),
                                TLS_ARG_S("message", ev.name)));
    if (type == TLS_HS_SERVER_HELLO && w->sec.server_hello && !walk_suite(w)) {
        char id[8];
        snprintf(id, sizeof id, "0x%04x", w->sec.suite);
        tls_trace_note(w->trace, at, TLS_PARTY_WIRE, TLS_TEXT_CAP_SUITE_UNKNOWN,
                       TLS_ARGS(TLS_ARG_S("suite", id)));
    }
    if (type == TLS_HS_FINISHED) {
        w->dir[d].finished = true;
        finished(w, d, at, msg, len);
    }
    if (m && m->keys_after && !w->hellos_noted)
        secrets_at_keys_step(w, step);
}

/* Handshake bytes of a record: whole messages go on, the rest waits. */
static void handshake_bytes(walk *w, int d, const uint8_t *p, size_t n, size_t rec_idx,
                            size_t off, bool prot)
{
    walk_dir *wd = &w->dir[d];
    if (wd->hs.len == 0) {
        wd->hs_record = rec_idx;
        wd->hs_prot = prot;
    }
    tls_writer_bytes(&wd->hs, p, n);
    size_t first_here = wd->hs.len - n, at = 0, len;
    tls_read_result r;
    while (tls_writer_error(&wd->hs) == TLS_OK &&
           (r = tls_msg_frame(wd->hs.data + at, wd->hs.len - at, &len)) == TLS_READ_OK) {
        bool here = at >= first_here;
        origin o = {here ? rec_idx : wd->hs_record, here ? off + (at - first_here) : (size_t)-1,
                    here ? prot : wd->hs_prot};
        handshake_message(w, d, wd->hs.data + at, len, &o);
        at += len;
    }
    if (tls_writer_error(&wd->hs) != TLS_OK || r == TLS_READ_OVERSIZE) {
        wd->stopped = true;
        return;
    }
    tls_writer_consume(&wd->hs, at);
    if (at >= first_here) {
        wd->hs_record = rec_idx;
        wd->hs_prot = prot;
    }
}

/* ChangeCipherSpec, an alert or application data: one message a record. */
static void other_message(walk *w, int d, const tls_record *rec, const uint8_t *p, size_t n,
                          const origin *o, int step)
{
    static const char *const names[] = {"ChangeCipherSpec", "Alert", "Handshake",
                                        "ApplicationData"};
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = step, .party = walk_sender(d),
                    .name = (char *)names[rec->type - TLS_CT_CHANGE_CIPHER_SPEC],
                    .bytes = (uint8_t *)p, .len = n, .content_type = rec->type,
                    .is_protected = o->prot, .record_index = o->record,
                    .record_offset = o->offset, .source = walk_source(w, o->prot)};
    tls_msg_dissect(rec->type, p, n, walk_kx(w), &ev.dissect);
    tls_trace_push(w->trace, &ev);
    tls_dissect_free(&ev.dissect);
}

/* The step a record is filed under: the step of the message it starts or
 * continues (peeked at, not followed), after the handshake for
 * application data and what follows both Finished. */
static int record_step(const walk *w, int d, const tls_record *rec, const uint8_t *pt, size_t n,
                       const tls_flow **flow)
{
    const walk_dir *wd = &w->dir[d];
    if (rec->type == TLS_CT_APPLICATION_DATA || handshake_over(w))
        return TLS_STEP_AFTER;
    if (rec->type == TLS_CT_ALERT)
        return w->announced ? w->announced : 1;
    uint8_t hs = TLS_HS_FINISHED; /* a protected handshake record no key opens */
    if (rec->type == TLS_CT_HANDSHAKE && wd->hs.len)
        hs = wd->hs.data[0];
    else if (rec->type == TLS_CT_HANDSHAKE && !wd->ccs && rec->fragment_len)
        hs = rec->fragment[0];
    else if (rec->type == TLS_CT_HANDSHAKE && pt && n)
        hs = pt[0];
    int step = tls_flow_follow(flow, wd->at, walk_sender(d), rec->type,
                               rec->type == TLS_CT_HANDSHAKE ? hs : 0);
    return step ? step : w->announced ? w->announced : 1;
}

/* A protected handshake record no key opens: the sender's Finished. */
static void finished_unread(walk *w, int d)
{
    int step = message_step(w, d, TLS_CT_HANDSHAKE, TLS_HS_FINISHED, NULL, 0);
    w->dir[d].finished = true;
    tls_trace_note(w->trace, step ? step : w->announced, TLS_PARTY_WIRE,
                   w->dir[d].prot.active ? TLS_TEXT_CAP_FINISHED_UNREADABLE
                                         : TLS_TEXT_CAP_FINISHED_UNKNOWN,
                   TLS_ARGS(TLS_ARG_T("party", tls_party_name(walk_sender(d)))));
}

/* What follows the handshake beyond the --keep bound (application data,
 * or anything else a long capture holds): counted, not traced, so a large
 * capture streams through in bounded memory.  The sequence number still
 * moves on, as if the record had been opened. */
static bool app_data_hidden(walk *w, int d, const tls_record *rec)
{
    walk_dir *wd = &w->dir[d];
    size_t keep = w->cfg->app_data_keep ? w->cfg->app_data_keep : TLS_APP_DATA_KEEP_DEFAULT;
    if (rec->type == TLS_CT_APPLICATION_DATA)
        w->info->app_bytes[d] += rec->fragment_len;
    else if (!handshake_over(w))
        return false;
    if (wd->app_shown < keep) {
        wd->app_shown += rec->fragment_len;
        return false;
    }
    wd->hidden_records++;
    wd->hidden_bytes += rec->fragment_len;
    if (wd->ccs)
        wd->prot.seq++;
    return true;
}

/* The RECORD event: the wire bytes, the plaintext when a key opened them,
 * and (last in its dissection) the frames that carried it. */
static size_t trace_record(walk *w, int d, const tls_record *rec, int step, const char *frames,
                           const uint8_t *pt, size_t pt_len, const tls_record_crypto *info)
{
    walk_dir *wd = &w->dir[d];
    const tls_suite *s = walk_suite(w);
    /* Without keys the layout still follows the suite: nonce, ciphertext, tag. */
    tls_record_protect shape = {.active = wd->ccs && s != NULL,
                                .kind = s ? tls_record_kind_of(s, w->sec.etm) : TLS_RECORD_CLEAR,
                                .mac_key_len = s ? s->mac_key_len : 0};
    tls_event ev = {.kind = TLS_EV_RECORD, .step = step, .party = walk_sender(d),
                    .bytes = (uint8_t *)rec->wire, .len = rec->wire_len,
                    .content_type = rec->type, .is_protected = wd->ccs,
                    .plaintext = (uint8_t *)pt, .plaintext_len = pt ? pt_len : 0,
                    .source = walk_source(w, pt != NULL)};
    if (wd->ccs) {
        ev.seq = info->seq;
        ev.crypto = *info;
        ev.crypto.kind = shape.kind;
    }
    tls_record_dissect(rec, wd->prot.active ? &wd->prot : &shape, &ev.dissect);
    tls_dissect_add(&ev.dissect, rec->wire_len, 0, 0, "tcp_segments", "%s", frames);
    size_t idx = tls_trace_push(w->trace, &ev);
    tls_dissect_free(&ev.dissect);
    wd->records++;
    w->info->records[d]++;
    return idx;
}

/* What the record holds, in the clear or opened. */
static void record_content(walk *w, int d, const tls_record *rec, size_t idx, int step,
                           const uint8_t *pt, size_t pt_len)
{
    walk_dir *wd = &w->dir[d];
    bool prot = wd->ccs;
    if (prot && !pt) {
        if (rec->type == TLS_CT_HANDSHAKE && !wd->finished)
            finished_unread(w, d);
        return;
    }
    const uint8_t *p = prot ? pt : rec->fragment;
    size_t n = prot ? pt_len : rec->fragment_len;
    origin o = {idx, prot ? 0 : TLS_RECORD_HEADER, prot};
    if (rec->type == TLS_CT_HANDSHAKE) {
        handshake_bytes(w, d, p, n, idx, o.offset, prot);
        return;
    }
    if (rec->type == TLS_CT_CHANGE_CIPHER_SPEC) {
        int s = message_step(w, d, TLS_CT_CHANGE_CIPHER_SPEC, 0, NULL, 0);
        step = s ? s : step;
    }
    other_message(w, d, rec, p, n, &o, step);
}

void walk_record(walk *w, int d, const tls_record *rec, const char *frames)
{
    walk_dir *wd = &w->dir[d];
    if (!handshake_over(w) && wd->records >= WALK_HANDSHAKE_RECORDS) {
        wd->stopped = true;
        return;
    }
    /* The listing reader first: hellos, secrets, each Finished checked. */
    tls_cap_tls_feed(&w->sec, d, rec->wire, rec->wire_len);
    if (app_data_hidden(w, d, rec))
        return;
    uint8_t *pt = NULL;
    size_t pt_len = 0;
    tls_record_crypto info = {.seq = wd->prot.seq};
    if (wd->prot.active) {
        pt = malloc(rec->fragment_len ? rec->fragment_len : 1);
        if (pt && tls_record_open(rec, &wd->prot, pt, &pt_len, &info) != TLS_OK) {
            free(pt);
            pt = NULL;
        }
    }
    /* Without keys the sequence number still counts the records it protects. */
    if (wd->ccs && !wd->prot.active)
        wd->prot.seq++;
    const tls_flow *f = w->flow;
    int step = record_step(w, d, rec, pt, pt_len, &f);
    if (abbreviated(f))         /* a session resumed after all: announced as such */
        walk_flow(w, f);
    if (step != TLS_STEP_AFTER)
        w->announced = tls_flow_announce_through(w->flow, w->trace, w->announced, step);
    size_t idx = trace_record(w, d, rec, step, frames, pt, pt_len, &info);
    record_content(w, d, rec, idx, step, pt, pt_len);
    if (pt) {
        tls_wipe(pt, rec->fragment_len);
        free(pt);
    }
    /* The eavesdropper reads the same bytes; what it learns, both sides sent
     * and received. */
    size_t from = w->trace->n;
    tls_eavesdropper_observe(&w->eve, walk_sender(d), rec->wire, rec->wire_len);
    share_wire_values(w, from);
    /* Its ChangeCipherSpec switched the sender's protection on: this
     * driver's own copy opens its records from now on. */
    if (rec->type == TLS_CT_CHANGE_CIPHER_SPEC && !wd->ccs) {
        wd->ccs = true;
        wd->prot = w->sec.prot[d];
    }
}

/* The first step of the flow neither side reached: where the capture stops. */
static int first_missing(const walk *w)
{
    int step = w->announced + 1;
    while (step <= w->flow->n && tls_flow_skipped(w->flow, step) != TLS_TEXT_NONE)
        step++;
    return step <= w->flow->n ? step : w->flow->n;
}

static void fail(tls_sim_result *res, int step, tls_party who, tls_err err, tls_text_id id,
                 const tls_text_arg *args)
{
    res->ok = false;
    res->failed_step = step;
    res->failed_party = who;
    res->err = err;
    tls_text_make(&res->why_text, id, args);
    tls_text_english_into(&res->why_text, res->why, sizeof res->why);
}

void walk_finish(walk *w, tls_sim_result *res)
{
    for (int d = 0; d < 2; d++) {
        walk_dir *wd = &w->dir[d];
        w->info->finished[d] = w->sec.finished[d];
        if (wd->hidden_records)
            tls_trace_note(w->trace, TLS_STEP_AFTER, TLS_PARTY_WIRE, TLS_TEXT_CAP_APP_DATA_NOT_SHOWN,
                           TLS_ARGS(TLS_ARG_U("records", wd->hidden_records),
                                    TLS_ARG_T("party", tls_party_name(walk_sender(d))),
                                    TLS_ARG_U("bytes", wd->hidden_bytes)));
    }
    w->info->secret = w->hellos_noted ? w->info->secret : TLS_CAP_SECRET_NONE;
    res->done = true;
    res->flow = w->flow;
    res->records = (size_t)(w->info->records[0] + w->info->records[1]);
    res->ok = true;
    if (!handshake_over(w)) {
        int step = first_missing(w);
        const tls_msg_info *m = tls_flow_msg(w->flow, step);
        fail(res, step, m ? m->sender : TLS_PARTY_CLIENT, TLS_ERR_TRUNCATED, TLS_TEXT_CAP_ENDS,
             TLS_ARGS(TLS_ARG_S("message", m ? m->message : "Finished")));
        return;
    }
    for (int d = 0; d < 2; d++) {
        tls_cap_finished f = w->sec.finished[d];
        if (f != TLS_CAP_FINISHED_BAD && f != TLS_CAP_FINISHED_UNREADABLE)
            continue;
        int step = tls_flow_step_of(w->flow, 1, walk_sender(d), TLS_CT_HANDSHAKE, TLS_HS_FINISHED);
        const tls_text_arg *args = TLS_ARGS(TLS_ARG_T("peer", tls_party_name(walk_sender(d))),
                                            TLS_ARG_T("party", tls_party_name(walk_sender(d))),
                                            TLS_ARG_S("label", d == 0 ? "client finished"
                                                                      : "server finished"));
        fail(res, step, walk_receiver(d), TLS_ERR_DECRYPT_ERROR,
             f == TLS_CAP_FINISHED_BAD ? TLS_TEXT_FINISHED_BAD : TLS_TEXT_CAP_FINISHED_UNREADABLE,
             args);
        return;
    }
}
