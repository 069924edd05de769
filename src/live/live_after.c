/*
 * Live mode after the handshake: one HTTP exchange, then close_notify.
 * The same exchange as the in-process run, with a real peer on the other
 * side: the answer's length decides when it is complete, and a peer that
 * just drops the connection is noted rather than waited for.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "live_internal.h"
#include "net.h"
#include "tlssim/pki.h"

/* How long to wait for the peer's close_notify after sending ours.  RFC
 * 5246 §7.2.1 lets the closing side leave without waiting, so a peer that
 * never answers costs at most this. */
#define CLOSE_GRACE_MS 2000

/* Send what the engine queued when the peer may already be gone: a failure
 * here is worth a note, not a failed run. */
static void flush_quietly(live *lv)
{
    tls_text why;
    if (live_send(lv, &why))
        return;
    /* The reason goes inside the note as it reads in English (a note holds
     * one catalogue text, not two). */
    char english[sizeof why.values + 256];
    tls_text_english_into(&why, english, sizeof english);
    live_note(lv, TLS_TEXT_LIVE_LAST_RECORDS_LOST,
              TLS_ARGS(TLS_ARG_T("party", tls_party_name(lv->role)),
                       TLS_ARG_T("peer", tls_party_name(lv->peer)),
                       TLS_ARG_S("error", english)));
}

/* The peer closed the TCP connection: a partial record left is an error,
 * and so is data without close_notify while this side still expected more
 * (truncation, the engine says which).  After this side's close_notify a
 * peer that leaves without answering lost nothing: a note. */
static void peer_gone(live *lv)
{
    tls_engine_eof(lv->e);
    if (live_ok(lv) && !tls_engine_close_received(lv->e))
        live_note(lv, TLS_TEXT_LIVE_NO_CLOSE_NOTIFY,
                  TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer))));
}

/* Application data past the engine's keep limit was only counted: say how
 * much, so that what is shown is known to be the beginning. */
static void note_dropped(live *lv)
{
    uint64_t records, bytes = tls_engine_app_data_dropped(lv->e, &records);
    size_t kept;
    tls_engine_app_data(lv->e, &kept);
    if (bytes > 0)
        live_note(lv, TLS_TEXT_LIVE_APP_DATA_DROPPED,
                  TLS_ARGS(TLS_ARG_T("party", tls_party_name(lv->role)),
                           TLS_ARG_U("kept", kept), TLS_ARG_U("bytes", bytes),
                           TLS_ARG_U("records", records)));
}

/* Read application data until one HTTP message (a response when
 * \p response) is there, the peer closes, or it fails.  Returns the bytes
 * kept (and counts all as received), or NULL when the run is over. */
static const uint8_t *read_http(live *lv, bool response, const char *waiting_for, size_t *n)
{
    tls_http_scan scan = {0};
    tls_http_state st = TLS_HTTP_PARTIAL;
    *n = 0;
    while (live_ok(lv) && !lv->eof && !tls_engine_close_received(lv->e)) {
        const uint8_t *p = tls_engine_app_data(lv->e, n);
        st = tls_http_scan_update(&scan, p, *n, *n + tls_engine_app_data_dropped(lv->e, NULL),
                                  response);
        if (st != TLS_HTTP_PARTIAL)
            break;
        live_read_or_fail(lv, waiting_for);
    }
    note_dropped(lv);
    if (st == TLS_HTTP_HEAD_TOO_LONG)
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_LIVE_HTTP_HEAD_TOO_LONG,
                  TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)),
                           TLS_ARG_U("max", TLS_HTTP_MAX_HEAD)));
    if (lv->eof)
        peer_gone(lv);
    if (!live_ok(lv))
        return NULL;
    const uint8_t *p = tls_engine_app_data(lv->e, n);
    lv->info->app_received = *n + tls_engine_app_data_dropped(lv->e, NULL);
    return p ? p : (const uint8_t *)"";
}

/* Send close_notify and give the peer a moment to answer with its own. */
static void live_close(live *lv)
{
    if (!live_ok(lv))
        return;
    tls_engine_close(lv->e);
    flush_quietly(lv);
    while (live_ok(lv) && !lv->eof && !tls_engine_close_received(lv->e)) {
        int wait = live_wait_ms(lv, CLOSE_GRACE_MS);
        long r = wait > 0 ? live_pump(lv, wait) : NET_TIMEOUT;
        if (r == NET_EOF) {
            peer_gone(lv);
        } else if (r == NET_TIMEOUT) {
            live_note(lv, TLS_TEXT_LIVE_CLOSE_UNANSWERED,
                      TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)),
                               TLS_ARG_U("seconds", CLOSE_GRACE_MS / 1000),
                               TLS_ARG_T("party", tls_party_name(lv->role))));
            break;
        } else if (r == NET_ERROR) {
            /* Close is a courtesy: a reset here costs nothing already received. */
            live_note(lv, TLS_TEXT_LIVE_CLOSE_FAILED,
                      TLS_ARGS(TLS_ARG_T("party", tls_party_name(lv->role)),
                               TLS_ARG_T("peer", tls_party_name(lv->peer)),
                               TLS_ARG_T("error", tls_text_strerror(errno))));
            break;
        }
    }
}

void live_client_after(live *lv)
{
    lv->after = true;
    const char *host = lv->ecfg.server_name;
    tls_writer w;
    tls_writer_init(&w);
    if (tls_demo_http_request(host, &w) != TLS_OK) {
        tls_writer_free(&w);
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_LIVE_HTTP_REQUEST_FAILED, NULL);
        return;
    }
    live_note(lv, TLS_TEXT_LIVE_CLIENT_REQUEST,
              TLS_ARGS(TLS_ARG_S("host", host)));
    if (tls_engine_write_app_data(lv->e, w.data, w.len) == TLS_OK)
        lv->info->app_sent += w.len;
    tls_writer_free(&w);
    if (!live_flush(lv))
        return;

    size_t n;
    const uint8_t *p = read_http(lv, true,
                                 TLS_TERM("the answer to its request"), &n);
    if (!p)
        return;
    if (n > 0)
        live_note(lv, TLS_TEXT_AFTER_CLIENT_RECEIVED_ANSWER,
                  TLS_ARGS(TLS_ARG_SN("answer", (const char *)p, tls_demo_http_first_line(p, n)),
                           TLS_ARG_U("bytes", n)));
    else
        live_note(lv, TLS_TEXT_LIVE_NO_ANSWER, NULL);
    live_close(lv);
}

void live_server_after(live *lv)
{
    lv->after = true;
    size_t n;
    const uint8_t *p = read_http(lv, false,
                                 TLS_TERM("an HTTP request (a blank line ends one)"), &n);
    if (!p)
        return;
    const tls_event *sni =
        tls_trace_find_value(lv->trace, TLS_VALUE_SERVER_NAME, TLS_PARTY_SERVER, TLS_STEP_AFTER);
    snprintf(lv->info->server_name, sizeof lv->info->server_name, "%s",
             sni && sni->text ? sni->text : TLS_DEMO_HOST);

    /* After the client's close_notify the server only answers it: RFC 5246
     * §7.2.1 says pending writes are then discarded. */
    if (tls_demo_http_request_complete(p, n) && !lv->eof &&
        !tls_engine_close_received(lv->e)) {
        live_note(lv, TLS_TEXT_LIVE_SERVER_ANSWERS,
                  TLS_ARGS(TLS_ARG_SN("request", (const char *)p,
                                      tls_demo_http_first_line(p, n))));
        tls_engine_app_data_consume(lv->e, n);
        tls_writer w;
        tls_writer_init(&w);
        if (tls_demo_http_response(lv->info->server_name, &w) == TLS_OK &&
            tls_engine_write_app_data(lv->e, w.data, w.len) == TLS_OK)
            lv->info->app_sent += w.len;
        tls_writer_free(&w);
        if (!live_flush(lv))
            return;
    } else if (n > 0) {
        live_note(lv, TLS_TEXT_LIVE_PARTIAL_REQUEST,
                  TLS_ARGS(TLS_ARG_U("bytes", n)));
    } else {
        live_note(lv, TLS_TEXT_LIVE_NO_REQUEST, NULL);
    }
    live_close(lv);
}
