/*
 * After the handshake: application data in protected records, and the
 * close_notify alerts that end a connection in order (RFC 5246 §6.2, §7.2.1).
 * Events here are tagged TLS_STEP_AFTER.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

void engine_enter_after(tls_engine *e)
{
    engine_set_step(e, TLS_STEP_AFTER);
}

void engine_app_data_received(tls_engine *e, const uint8_t *p, size_t n,
                              size_t rec_idx, size_t off, bool prot)
{
    tls_dissect d = {0};
    tls_reader r;
    tls_reader_init(&r, p, n, &d, 0);
    tls_app_data_dissect(&r, p, n);
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->step, .party = e->peer,
                    .name = "ApplicationData", .bytes = (uint8_t *)p, .len = n,
                    .content_type = TLS_CT_APPLICATION_DATA, .is_protected = prot,
                    .record_index = rec_idx, .record_offset = off, .dissect = d};
    tls_trace_push(e->trace, &ev);
    const char *check = engine_record_check(e->rprot.kind);
    engine_note(e, check ? TLS_TEXT_APP_DATA_DECRYPTED_CHECKED : TLS_TEXT_APP_DATA_DECRYPTED,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role)), TLS_ARG_U("bytes", n),
                         TLS_ARG_U("seq", e->rprot.seq - 1),
                         TLS_ARG_S("key", engine_write_key_name(e->peer)),
                         TLS_ARG_T("peer", tls_party_name(e->peer)),
                         TLS_ARG_T("check", check ? check : "")));
    tls_writer_bytes(&e->app_in, p, n);
    e->app_kept += n;
    if (tls_writer_error(&e->app_in) != TLS_OK)
        engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_OOM_APP_DATA, NULL);
}

static size_t app_data_keep(const tls_engine *e)
{
    return e->cfg->app_data_keep ? e->cfg->app_data_keep : TLS_APP_DATA_KEEP_DEFAULT;
}

bool engine_app_data_empty_ok(tls_engine *e, size_t n)
{
    if (n > 0) {
        e->empty_records = 0;
        return true;
    }
    if (++e->empty_records <= TLS_MAX_EMPTY_RECORDS)
        return true;
    engine_fail(e, TLS_ERR_UNEXPECTED_MESSAGE, TLS_TEXT_TOO_MANY_EMPTY_RECORDS,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->peer)),
                         TLS_ARG_U("max", TLS_MAX_EMPTY_RECORDS)));
    return false;
}

bool engine_app_data_untraced(tls_engine *e, const tls_record *rec)
{
    if (rec->type != TLS_CT_APPLICATION_DATA || !e->rprot.active || !tls_engine_done(e) ||
        e->app_kept < app_data_keep(e))
        return false;
    uint8_t *pt = malloc(rec->fragment_len ? rec->fragment_len : 1);
    size_t n = 0;
    tls_record_crypto info;
    bool opened = pt && tls_record_open(rec, &e->rprot, pt, &n, &info) == TLS_OK;
    if (pt) {
        tls_wipe(pt, rec->fragment_len);
        free(pt);
    }
    /* A record that does not open is traced like any other: it ends the run. */
    if (!opened)
        return false;
    if (engine_app_data_empty_ok(e, n)) {
        e->app_dropped += n;
        e->app_dropped_records++;
    }
    return true;
}

uint64_t tls_engine_app_data_dropped(const tls_engine *e, uint64_t *records)
{
    if (records)
        *records = e->app_dropped_records;
    return e->app_dropped;
}

/* Queue application data as records under the write keys, saying so. */
static tls_err app_data_send(tls_engine *e, const uint8_t *p, size_t n)
{
    uint64_t seq = e->wprot.seq;
    size_t records = n ? (n + TLS_MAX_FRAGMENT - 1) / TLS_MAX_FRAGMENT : 1;
    const char *how = engine_record_how(e->wprot.kind);
    tls_text_id id = how ? (records == 1 ? TLS_TEXT_APP_DATA_ENCRYPT_ONE_HOW
                                         : TLS_TEXT_APP_DATA_ENCRYPT_MANY_HOW)
                         : (records == 1 ? TLS_TEXT_APP_DATA_ENCRYPT_ONE
                                         : TLS_TEXT_APP_DATA_ENCRYPT_MANY);
    engine_note(e, id,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role)), TLS_ARG_U("bytes", n),
                         TLS_ARG_S("key", engine_write_key_name(e->role)),
                         TLS_ARG_U("records", records), TLS_ARG_U("seq", seq),
                         TLS_ARG_S("iv", engine_write_iv_name(e->role)),
                         TLS_ARG_X("seq_hex", seq, 16),
                         TLS_ARG_T("peer", tls_party_name(e->peer)),
                         TLS_ARG_T("how", how ? how : "")));
    tls_err err = engine_send(e, "ApplicationData", TLS_CT_APPLICATION_DATA, p, n);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_APP_DATA_ENCRYPT_FAILED, NULL);
    return TLS_OK;
}

tls_err tls_engine_write_app_data(tls_engine *e, const uint8_t *p, size_t n)
{
    if (e->err != TLS_OK)
        return e->err;
    if (!tls_engine_done(e) || e->close_sent)
        return TLS_ERR_INTERNAL;
    engine_enter_after(e);
    return app_data_send(e, p, n);
}

tls_err tls_engine_write_false_start(tls_engine *e, const uint8_t *p, size_t n)
{
    if (e->err != TLS_OK)
        return e->err;
    if (e->role != TLS_PARTY_CLIENT || !engine_rest_is(e, e->peer))
        return TLS_ERR_INTERNAL;
    /* RFC 7918 §3: only a forward-secret key exchange.  Before the
     * server's Finished nothing proves the handshake was not tampered
     * with; data sent under keys an attacker could later recover from
     * the server's RSA key is what False Start must not risk. */
    if (e->suite->kx == TLS_KX_RSA) {
        engine_note(e, TLS_TEXT_FALSE_START_WAITS, NULL);
        return TLS_ERR_INSUFFICIENT_SECURITY;
    }
    engine_note(e, TLS_TEXT_FALSE_START_SENDS, NULL);
    return app_data_send(e, p, n);
}

const uint8_t *tls_engine_app_data(const tls_engine *e, size_t *n)
{
    *n = e->app_in.len;
    return e->app_in.data;
}

void tls_engine_app_data_consume(tls_engine *e, size_t n)
{
    tls_writer_consume(&e->app_in, n);
}

tls_err tls_engine_close(tls_engine *e)
{
    if (e->err != TLS_OK)
        return e->err;
    if (e->close_sent)
        return TLS_OK;
    if (tls_engine_done(e))
        engine_enter_after(e);
    e->close_sent = true;
    /* A note, not an ALERT event: those report errors, and this is the
     * orderly end.  RFC 5246 §7.2.1: close_notify is sent at level warning. */
    engine_note(e,
                e->close_received ? TLS_TEXT_CLOSE_NOTIFY_ANSWER : TLS_TEXT_CLOSE_NOTIFY_FIRST,
                TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role))));
    engine_queue_alert(e, TLS_ALERT_WARNING, TLS_ALERT_CLOSE_NOTIFY);
    return e->err;
}

bool tls_engine_close_received(const tls_engine *e) { return e->close_received; }
