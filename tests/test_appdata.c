/*
 * After the handshake (TLS_STEP_AFTER): the client's GET and the server's
 * page cross in protected records whose nonce and AAD the trace shows, and
 * close_notify ends the connection both ways.  Also: what an engine says
 * about peers that send application data too early or no TLS at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/engine.h"
#include "tlssim/msg.h"
#include "tlssim/pki.h"
#include "tlssim/record.h"
#include "tlssim/sim.h"

static void config(tls_sim_config *cfg, const char *suite, bool app_data)
{
    tls_sim_config_default(cfg);
    cfg->seeded = true;
    cfg->seed = 42;
    cfg->app_data = app_data;
    cfg->suite = tls_suite_parse(suite);
    cfg->kx = cfg->suite->kx;
}

static size_t count(const tls_trace *t, tls_event_kind kind, int step)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += t->ev[i].kind == kind && t->ev[i].step == step;
    return n;
}

static const tls_event *nth_record_after(const tls_trace *t, size_t k)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_RECORD && t->ev[i].step == TLS_STEP_AFTER && k-- == 0)
            return &t->ev[i];
    return NULL;
}

static bool has_text(const uint8_t *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; p && i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0)
            return true;
    return false;
}

static bool note_has(const tls_trace *t, const char *s)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_NOTE && t->ev[i].text && strstr(t->ev[i].text, s))
            return true;
    return false;
}

/* A protected record opened again from the trace's own values: the key
 * named in the trace, the nonce and AAD the record event shows. */
static void check_record(const tls_trace *t, const tls_event *r, const char *label)
{
    bool client = r->party == TLS_PARTY_CLIENT;
    const tls_event *key = tls_trace_find_value(t, client ? TLS_VALUE_CLIENT_WRITE_KEY
                                                           : TLS_VALUE_SERVER_WRITE_KEY,
                                                TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    const tls_event *iv = tls_trace_find_value(t, client ? TLS_VALUE_CLIENT_WRITE_IV
                                                          : TLS_VALUE_SERVER_WRITE_IV,
                                               TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    test_check(r->is_protected && r->plaintext && key && iv, "%s: protected and decrypted", label);
    if (!r->plaintext || !key || !iv)
        return;
    uint8_t nonce[12], aad[13];
    memcpy(nonce, iv->bytes, 4);
    memcpy(nonce + 4, r->bytes + TLS_RECORD_HEADER, 8);
    test_bytes_eq(r->crypto.nonce, 12, nonce, 12, "nonce = write_iv ‖ explicit nonce");
    for (int i = 0; i < 8; i++)
        aad[i] = (uint8_t)(r->seq >> (56 - 8 * i));
    aad[8] = r->content_type;
    aad[9] = 3;
    aad[10] = 3;
    aad[11] = (uint8_t)(r->plaintext_len >> 8);
    aad[12] = (uint8_t)r->plaintext_len;
    test_bytes_eq(r->crypto.aad, 13, aad, 13, "AAD = seq ‖ type ‖ version ‖ length");
    uint64_t explicit_seq = 0;
    for (int i = 0; i < 8; i++)
        explicit_seq = explicit_seq << 8 | r->bytes[TLS_RECORD_HEADER + i];
    test_check(explicit_seq == r->seq, "%s: the explicit nonce is the sequence number", label);
    size_t ct_len = r->len - TLS_RECORD_HEADER - 8;
    uint8_t *pt = malloc(ct_len);
    test_check(pt && tls_aead_open(key->bytes, key->len, nonce, aad, 13,
                                   r->bytes + TLS_RECORD_HEADER + 8, ct_len, pt) == TLS_OK,
               "%s: AES-GCM opens with the trace's key, nonce and AAD", label);
    if (pt)
        test_bytes_eq(pt, ct_len - 16, r->plaintext, r->plaintext_len, "same plaintext");
    free(pt);
}

static void test_exchange(const char *suite)
{
    tls_sim_config cfg;
    config(&cfg, suite, true);
    tls_trace t;
    tls_trace_init(&t);
    tls_sim *sim = tls_sim_new(&cfg, &t);
    /* One call per step that happens (RSA skips step 4 inside step 3's
     * call), then one for what follows the handshake. */
    int handshake_calls = cfg.kx == TLS_KX_RSA ? 9 : 10, steps = 0;
    while (!tls_sim_result_get(sim)->done && steps < 20) {
        tls_sim_step(sim);
        steps++;
        if (steps == handshake_calls)
            test_check(!tls_sim_result_get(sim)->done && tls_sim_current_step(sim) == 10,
                       "%s: not done after step 10", suite);
    }
    const tls_sim_result *res = tls_sim_result_get(sim);
    test_check(res->ok && steps == handshake_calls + 1, "%s: ok after %d calls (%d)", suite,
               handshake_calls + 1, steps);
    test_check(tls_sim_current_step(sim) == TLS_STEP_AFTER, "%s: the last step is TLS_STEP_AFTER", suite);
    tls_sim_free(sim);

    test_check(count(&t, TLS_EV_RECORD, TLS_STEP_AFTER) == 4,
               "%s: four records after the handshake (GET, page, two close_notify)", suite);
    test_check(count(&t, TLS_EV_ALERT, TLS_STEP_AFTER) == 0 && count(&t, TLS_EV_ALERT, 10) == 0,
               "%s: close_notify is not reported as an error alert", suite);
    test_check(count(&t, TLS_EV_STEP, TLS_STEP_AFTER) == 0, "%s: no STEP event 11", suite);

    const tls_event *get = nth_record_after(&t, 0), *page = nth_record_after(&t, 1);
    const tls_event *c1 = nth_record_after(&t, 2), *c2 = nth_record_after(&t, 3);
    test_check(get && get->party == TLS_PARTY_CLIENT && get->content_type == TLS_CT_APPLICATION_DATA &&
                   get->seq == 1,
               "%s: the client's first data record has sequence number 1 (Finished was 0)", suite);
    test_check(get && get->plaintext_len > 40 &&
                   memcmp(get->plaintext, "GET / HTTP/1.1\r\nHost: www.example.test\r\n", 40) == 0,
               "%s: the server recovers the GET for / on the demo host", suite);
    test_check(page && page->party == TLS_PARTY_SERVER &&
                   has_text(page->plaintext, page->plaintext_len, "HTTP/1.1 200 OK\r\n") &&
                   has_text(page->plaintext, page->plaintext_len,
                            "<h1>Hello from www.example.test</h1>") &&
                   tls_demo_http_response_complete(page->plaintext, page->plaintext_len),
               "%s: the client recovers the whole page", suite);
    test_check(c1 && c2 && c1->party == TLS_PARTY_SERVER && c2->party == TLS_PARTY_CLIENT &&
                   c1->content_type == TLS_CT_ALERT && c2->content_type == TLS_CT_ALERT &&
                   c1->plaintext_len == 2 && c1->plaintext[0] == 1 && c1->plaintext[1] == 0 &&
                   c2->plaintext_len == 2 && c2->plaintext[0] == 1 && c2->plaintext[1] == 0,
               "%s: close_notify (warning, 0) from the server, answered by the client", suite);
    if (get)
        check_record(&t, get, suite);
    if (page)
        check_record(&t, page, suite);
    if (c2)
        check_record(&t, c2, suite);
    tls_trace_free(&t);
}

static void test_default_has_no_after(void)
{
    tls_sim_config cfg;
    config(&cfg, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", false);
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    size_t after = 0;
    for (size_t i = 0; i < t.n; i++)
        after += t.ev[i].step == TLS_STEP_AFTER;
    test_check(res.ok && after == 0, "without app_data the run ends with step 10");
    tls_trace_free(&t);
    tls_sim_config d;
    tls_sim_config_default(&d);
    test_check(!d.app_data, "tls_sim_config_default leaves app_data off");
}

static void test_tamper_after(void)
{
    tls_sim_config cfg;
    config(&cfg, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", true);
    /* Records 0-9 are the handshake; 10 is the GET.  Byte 20 is ciphertext. */
    cfg.tamper = (tls_tamper){.enabled = true, .record = 10, .offset = 20, .xor_mask = 0x01};
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    test_check(!res.ok && res.failed_step == TLS_STEP_AFTER && res.failed_party == TLS_PARTY_SERVER &&
                   res.err == TLS_ERR_BAD_RECORD_MAC,
               "a flipped bit in the GET: the server stops at step 11 with bad_record_mac (%s)",
               res.why);
    tls_trace_free(&t);
}

static void test_ems_notes(void)
{
    for (int ems = 0; ems < 2; ems++) {
        tls_sim_config cfg;
        config(&cfg, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", false);
        cfg.ems = ems;
        tls_trace t;
        tls_trace_init(&t);
        tls_sim_result res;
        tls_sim_run(&cfg, &t, &res);
        test_check(res.ok, "ems=%d: ok", ems);
        test_check(note_has(&t, "\"extended master secret\", session_hash") == (ems == 1) &&
                       note_has(&t, "triple handshake") == (ems == 1) &&
                       note_has(&t, "\"master secret\", client_random") == (ems == 0),
                   "ems=%d: the note names the formula used and why", ems);
        tls_trace_free(&t);
    }
}

/* A bare engine fed by hand. */
typedef struct bare {
    tls_engine_config cfg;
    tls_rng *rng;
    tls_trace t;
    tls_engine *e;
} bare;

static void bare_new(bare *b, tls_party role)
{
    memset(b, 0, sizeof *b);
    b->rng = tls_rng_new_seeded(1, "bare");
    tls_trace_init(&b->t);
    b->e = tls_engine_new(role, &b->cfg, b->rng, &b->t);
}

static void bare_free(bare *b)
{
    tls_engine_free(b->e);
    tls_rng_free(b->rng);
    tls_trace_free(&b->t);
}

static void test_engine_edges(void)
{
    bare b;
    bare_new(&b, TLS_PARTY_CLIENT);
    test_check(tls_engine_write_app_data(b.e, (const uint8_t *)"x", 1) == TLS_ERR_INTERNAL &&
                   tls_engine_error(b.e) == TLS_OK,
               "application data before the handshake is refused, without an alert");
    bare_free(&b);

    bare_new(&b, TLS_PARTY_SERVER);
    static const uint8_t early[] = {23, 3, 3, 0, 2, 'h', 'i'};
    tls_engine_feed(b.e, early, sizeof early);
    test_check(tls_engine_error(b.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(b.e), "before the handshake finished"),
               "application data before the handshake: unexpected_message");
    bare_free(&b);

    bare_new(&b, TLS_PARTY_SERVER);
    const char *http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    tls_engine_feed(b.e, (const uint8_t *)http, strlen(http));
    test_check(tls_engine_error(b.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(b.e), "does not speak TLS") &&
                   strstr(tls_engine_why(b.e), "plain HTTP sent to a TLS port"),
               "plain HTTP: named as such (%s)", tls_engine_why(b.e));
    size_t n;
    tls_engine_output(b.e, &n);
    test_check(n == 7, "...and answered with one alert record");
    bare_free(&b);

    bare_new(&b, TLS_PARTY_CLIENT);
    static const uint8_t junk[] = {0xde, 0xad, 0xbe, 0xef};
    tls_engine_feed(b.e, junk, sizeof junk);
    test_check(strstr(tls_engine_why(b.e), "its first bytes (de ad be ef) are not a TLS record header") != NULL,
               "garbage: shown as hex (%s)", tls_engine_why(b.e));
    bare_free(&b);

    /* close_notify during the handshake is the peer giving up, not an end. */
    bare_new(&b, TLS_PARTY_SERVER);
    static const uint8_t close_notify[] = {21, 3, 3, 0, 2, 1, 0};
    tls_engine_feed(b.e, close_notify, sizeof close_notify);
    test_check(tls_engine_error(b.e) == tls_err_recv_alert(TLS_ALERT_CLOSE_NOTIFY) &&
                   strstr(tls_engine_why(b.e), "before the handshake finished"),
               "close_notify mid-handshake: the peer closed (%s)", tls_engine_why(b.e));
    bare_free(&b);

    /* A fatal alert keeps which alert it was, and is answered with none. */
    bare_new(&b, TLS_PARTY_CLIENT);
    static const uint8_t fatal[] = {21, 3, 3, 0, 2, 2, 40};
    tls_engine_feed(b.e, fatal, sizeof fatal);
    tls_err err = tls_engine_error(b.e);
    tls_engine_output(b.e, &n);
    test_check(tls_err_is_recv_alert(err) && tls_err_alert_received(err) == 40 &&
                   tls_err_alert(err) == -1 && n == 0 &&
                   strcmp(tls_err_name(err), "handshake_failure") == 0 &&
                   strstr(tls_engine_why(b.e), "a fatal alert handshake_failure (40)"),
               "fatal alert received: handshake_failure kept, no alert back (%s)",
               tls_engine_why(b.e));
    test_check(!tls_err_is_recv_alert(TLS_ERR_HANDSHAKE_FAILURE) &&
                   tls_err_alert_received(TLS_ERR_HANDSHAKE_FAILURE) == -1 &&
                   tls_err_alert_received(tls_err_recv_alert(255)) == 255,
               "only the received range carries a received alert");
    bare_free(&b);
}

/* A corrupted length in a record after the handshake leaves its receiver
 * waiting for bytes that never come: when the connection ends, that is an
 * error, not "Handshake complete" (--tamper 10:4 used to end "ok"). */
static void test_cut_short_after(void)
{
    static const struct {
        size_t record;
        tls_party detects;
        const char *what;
    } cases[] = {
        {10, TLS_PARTY_SERVER, "the GET"},
        {11, TLS_PARTY_CLIENT, "the page"},
        {12, TLS_PARTY_CLIENT, "the server's close_notify"},
        {13, TLS_PARTY_SERVER, "the client's close_notify"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tls_sim_config cfg;
        config(&cfg, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", true);
        cfg.tamper = (tls_tamper){.enabled = true, .record = cases[i].record, .offset = 3,
                                  .xor_mask = 0x02};
        tls_trace t;
        tls_trace_init(&t);
        tls_sim_result res;
        tls_sim_run(&cfg, &t, &res);
        test_check(!res.ok && res.failed_step == TLS_STEP_AFTER &&
                       res.failed_party == cases[i].detects && res.err == TLS_ERR_DECODE &&
                       strstr(res.why, "in the middle of a record"),
                   "%s made 512 bytes longer: cut short, found by the %s (%s)", cases[i].what,
                   tls_party_name(cases[i].detects), res.why);
        tls_trace_free(&t);
    }
}

/* Move what \p from queued into \p to. */
static void carry(tls_engine *from, tls_engine *to)
{
    size_t n;
    const uint8_t *p = tls_engine_output(from, &n);
    tls_engine_feed(to, p, n);
    tls_engine_output_consume(from, n);
}

/* A HelloRequest record in the clear: type 0, empty body. */
static const uint8_t hello_request[] = {22, 3, 3, 0, 4, 0, 0, 0, 0};

/* A client and a server engine, pumped by hand to the end of the handshake;
 * with \p hello_requests, the client is sent a HelloRequest before each
 * message of the server's first flight. */
static void handshake_with(bare *c, bare *s, bool hello_requests)
{
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    bare_new(c, TLS_PARTY_CLIENT);
    bare_new(s, TLS_PARTY_SERVER);
    c->cfg.server_name = TLS_DEMO_HOST;
    c->cfg.trust = creds->trust;
    s->cfg.chain = creds->chain;
    s->cfg.key = creds->key;
    for (int i = 0; i < 20 && !(tls_engine_done(c->e) && tls_engine_done(s->e)); i++) {
        tls_engine_write_step(tls_engine_my_turn(c->e) ? c->e : s->e);
        carry(c->e, s->e);
        size_t pending;
        tls_engine_output(s->e, &pending);
        if (hello_requests && pending > 0 && tls_engine_step(c->e) <= 5)
            tls_engine_feed(c->e, hello_request, sizeof hello_request);
        carry(s->e, c->e);
    }
}

static void handshake(bare *c, bare *s) { handshake_with(c, s, false); }

/* RFC 5246 §7.4.1.1: a client ignores a HelloRequest during the handshake
 * (and keeps it out of the transcript, or Finished would not verify); a
 * stream of them is bounded; one with a body is malformed; a server is
 * never sent one. */
static void test_hello_request(void)
{
    bare c, s;
    handshake_with(&c, &s, true);
    size_t ignored = 0;
    for (size_t i = 0; i < c.t.n; i++)
        ignored += c.t.ev[i].kind == TLS_EV_MESSAGE && c.t.ev[i].hs_type == TLS_HS_HELLO_REQUEST &&
                   c.t.ev[i].content_type == TLS_CT_HANDSHAKE && c.t.ev[i].party == TLS_PARTY_SERVER;
    test_check(tls_engine_done(c.e) && tls_engine_done(s.e) && ignored == TLS_MAX_HELLO_REQUESTS,
               "%zu HelloRequests during the server's flight: ignored, the handshake completes (%s)",
               ignored, tls_engine_why(c.e));
    test_check(note_has(&c.t, "the client ignores it, as RFC 5246 §7.4.1.1 says"),
               "each one noted as ignored");
    bare_free(&c);
    bare_free(&s);

    bare_new(&c, TLS_PARTY_CLIENT);
    tls_engine_write_step(c.e);
    for (int i = 0; i <= TLS_MAX_HELLO_REQUESTS; i++)
        tls_engine_feed(c.e, hello_request, sizeof hello_request);
    test_check(tls_engine_error(c.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(c.e), "more than 4 HelloRequests during the handshake"),
               "one more than %d: unexpected_message (%s)", TLS_MAX_HELLO_REQUESTS,
               tls_engine_why(c.e));
    bare_free(&c);

    bare_new(&c, TLS_PARTY_CLIENT);
    tls_engine_write_step(c.e);
    static const uint8_t with_body[] = {22, 3, 3, 0, 5, 0, 0, 0, 1, 0};
    tls_engine_feed(c.e, with_body, sizeof with_body);
    test_check(tls_engine_error(c.e) == TLS_ERR_DECODE, "a HelloRequest with a body: decode_error (%s)",
               tls_engine_why(c.e));
    bare_free(&c);

    bare_new(&s, TLS_PARTY_SERVER);
    tls_engine_feed(s.e, hello_request, sizeof hello_request);
    test_check(tls_engine_error(s.e) == TLS_ERR_UNEXPECTED_MESSAGE,
               "a HelloRequest sent to a server: unexpected_message (%s)", tls_engine_why(s.e));
    bare_free(&s);
}

/* Data after the handshake with no close_notify behind it may have been cut
 * short: the end of the stream then is truncation.  Once this side has sent
 * its own close_notify it wanted nothing more, and the end is orderly. */
static void test_truncation(void)
{
    bare c, s;
    handshake(&c, &s);
    test_check(tls_engine_done(c.e) && tls_engine_done(s.e), "hand-pumped handshake done");
    tls_engine_write_app_data(s.e, (const uint8_t *)"HTTP/1.1 200 OK\r\n", 17);
    carry(s.e, c.e);
    test_check(tls_engine_eof(c.e) == TLS_ERR_TRUNCATED && strstr(tls_engine_why(c.e), "truncation") &&
                   strcmp(tls_err_name(TLS_ERR_TRUNCATED), "truncated") == 0 &&
                   tls_err_alert(TLS_ERR_TRUNCATED) == -1,
               "data then the end without close_notify: truncated (%s)", tls_engine_why(c.e));
    test_check(tls_engine_eof(s.e) == TLS_ERR_TRUNCATED,
               "the server, left with nothing from the client and no close_notify: truncated");
    bare_free(&c);
    bare_free(&s);

    handshake(&c, &s);
    tls_engine_close(c.e);
    test_check(tls_engine_eof(c.e) == TLS_OK,
               "after sending close_notify, a peer that just leaves is an orderly end");
    bare_free(&c);
    bare_free(&s);
}

/* The peer's counts are bounded: warning alerts, empty records, records in
 * a flight; received application data beyond the keep limit is counted,
 * not kept or traced. */
static void test_limits(void)
{
    bare b;
    bare_new(&b, TLS_PARTY_SERVER);
    static const uint8_t warning[] = {21, 3, 3, 0, 2, 1, 90}; /* user_canceled */
    for (int i = 0; i < TLS_MAX_WARNING_ALERTS; i++)
        tls_engine_feed(b.e, warning, sizeof warning);
    test_check(tls_engine_error(b.e) == TLS_OK, "%d warning alerts are tolerated",
               TLS_MAX_WARNING_ALERTS);
    tls_engine_feed(b.e, warning, sizeof warning);
    test_check(tls_engine_error(b.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(b.e), "more than 4 warning alerts"),
               "one more: unexpected_message (%s)", tls_engine_why(b.e));
    bare_free(&b);

    /* One flight of one-byte records: a ClientHello header announcing
     * 100000 bytes, then its body a byte per record. */
    bare_new(&b, TLS_PARTY_SERVER);
    static const uint8_t head[] = {1, 0x01, 0x86, 0xa0};
    size_t n = (size_t)TLS_MAX_FLIGHT_RECORDS + 1;
    uint8_t *recs = calloc(n, 6);
    for (size_t i = 0; recs && i < n; i++) {
        uint8_t *r = recs + 6 * i;
        r[0] = 22, r[1] = 3, r[2] = 3, r[3] = 0, r[4] = 1, r[5] = i < 4 ? head[i] : 0;
    }
    tls_engine_feed(b.e, recs, 6 * (n - 1));
    test_check(tls_engine_error(b.e) == TLS_OK, "%zu records in a flight are tolerated", n - 1);
    tls_engine_feed(b.e, recs + 6 * (n - 1), 6);
    test_check(tls_engine_error(b.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(b.e), "records in one flight"),
               "one more: unexpected_message (%s)", tls_engine_why(b.e));
    free(recs);
    bare_free(&b);

    bare c, s;
    handshake(&c, &s);
    for (int i = 0; i < TLS_MAX_EMPTY_RECORDS; i++)
        tls_engine_write_app_data(s.e, NULL, 0);
    tls_engine_write_app_data(s.e, (const uint8_t *)"x", 1);
    for (int i = 0; i <= TLS_MAX_EMPTY_RECORDS; i++)
        tls_engine_write_app_data(s.e, NULL, 0);
    carry(s.e, c.e);
    test_check(tls_engine_error(c.e) == TLS_ERR_UNEXPECTED_MESSAGE &&
                   strstr(tls_engine_why(c.e), "more than 32 empty application_data records"),
               "32 empty records in a row pass, 33 do not (%s)", tls_engine_why(c.e));
    bare_free(&c);
    bare_free(&s);

    handshake(&c, &s);
    c.cfg.app_data_keep = 1000;
    static uint8_t chunk[600];
    for (int i = 0; i < 4; i++)
        tls_engine_write_app_data(s.e, chunk, sizeof chunk);
    carry(s.e, c.e);
    size_t kept;
    tls_engine_app_data(c.e, &kept);
    uint64_t records, dropped = tls_engine_app_data_dropped(c.e, &records);
    test_check(tls_engine_error(c.e) == TLS_OK && kept == 1200 && dropped == 1200 && records == 2 &&
                   count(&c.t, TLS_EV_RECORD, TLS_STEP_AFTER) == 2,
               "keep 1000: two records kept and traced, two counted (kept %zu, dropped %llu in %llu)",
               kept, (unsigned long long)dropped, (unsigned long long)records);
    bare_free(&c);
    bare_free(&s);
}

/* Counts beyond what the codecs keep are still counted: a chain of 9
 * well-formed certificates is "too long", not "malformed", and a hello with
 * 1004 extensions says 1004 while keeping the first TLS_MAX_EXTENSIONS. */
static void test_codec_counts(void)
{
    uint8_t chain[3 + 9 * 4] = {0, 0, 9 * 4};
    for (int i = 0; i < 9; i++)
        memcpy(chain + 3 + 4 * i, (const uint8_t[]){0, 0, 1, 0x30}, 4);
    tls_certificate_msg cm;
    tls_reader r;
    tls_reader_init(&r, chain, sizeof chain, NULL, 0);
    test_check(tls_certificate_parse(&r, &cm) == TLS_ERR_BAD_CERTIFICATE && cm.total == 9 &&
                   cm.ncerts == TLS_MAX_CERTS,
               "9 certificates: bad_certificate, all 9 counted, %d kept", TLS_MAX_CERTS);
    chain[2] = 8 * 4;
    tls_reader_init(&r, chain, sizeof chain - 4, NULL, 0);
    test_check(tls_certificate_parse(&r, &cm) == TLS_OK && cm.total == 8, "8 certificates pass");
    test_check(strstr(tls_text_template(TLS_TEXT_CHAIN_TOO_LONG), "holds {count} certificates") != NULL,
               "the reason names the count");

    static uint8_t hello[2 + 32 + 1 + 4 + 2 + 2 + 1004 * 4] = {3, 3};
    size_t at = 34;
    hello[at++] = 0;                                  /* session_id */
    memcpy(hello + at, (const uint8_t[]){0, 2, 0xc0, 0x2f, 1, 0, 0x0f, 0xb0}, 8); /* 4016 */
    at += 8;
    for (int i = 0; i < 1004; i++, at += 4)
        memcpy(hello + at, (const uint8_t[]){(uint8_t)(0x10 + (i >> 8)), (uint8_t)i, 0, 0}, 4);
    static tls_client_hello ch;
    tls_reader_init(&r, hello, at, NULL, 0);
    test_check(tls_client_hello_parse(&r, &ch) == TLS_OK && ch.nexts == TLS_MAX_EXTENSIONS &&
                   ch.nexts_total == 1004,
               "1004 extensions: %zu kept, %zu counted", ch.nexts, ch.nexts_total);
}

/* The HTTP scan reads each head byte once however the message arrives,
 * stops at TLS_HTTP_MAX_HEAD, and counts a body it no longer keeps. */
static void test_http_scan(void)
{
    const char *head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n";
    size_t hl = strlen(head);
    tls_http_scan s = {0};
    size_t done_at = 0;
    for (size_t n = 1; n <= hl && !done_at; n++)
        if (tls_http_scan_update(&s, (const uint8_t *)head, n, n, true) != TLS_HTTP_PARTIAL)
            done_at = n;
    test_check(done_at == 0 && s.head == hl && s.length == 100000,
               "a head arriving byte by byte is found at its blank line, split or not");
    test_check(tls_http_scan_update(&s, (const uint8_t *)head, hl, hl + 99999, true) ==
                       TLS_HTTP_PARTIAL &&
                   tls_http_scan_update(&s, (const uint8_t *)head, hl, hl + 100000, true) ==
                       TLS_HTTP_COMPLETE,
               "the body counts bytes received, kept or not");
    static uint8_t endless[TLS_HTTP_MAX_HEAD + 10];
    memset(endless, 'y', sizeof endless);
    tls_http_scan r = {0};
    test_check(tls_http_scan_update(&r, endless, TLS_HTTP_MAX_HEAD - 1, TLS_HTTP_MAX_HEAD - 1,
                                    false) == TLS_HTTP_PARTIAL &&
                   tls_http_scan_update(&r, endless, sizeof endless, sizeof endless, false) ==
                       TLS_HTTP_HEAD_TOO_LONG,
               "a request head without end stops at %d bytes", TLS_HTTP_MAX_HEAD);
}

static void test_http_helpers(void)
{
    const char *head = "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n";
    char buf[128];
    snprintf(buf, sizeof buf, "%shell", head);
    test_check(!tls_demo_http_response_complete((const uint8_t *)buf, strlen(buf)),
               "a body one byte short is incomplete");
    snprintf(buf, sizeof buf, "%shello", head);
    test_check(tls_demo_http_response_complete((const uint8_t *)buf, strlen(buf)),
               "Content-Length reached (any case of the header name)");
    const char *nolen = "HTTP/1.0 200 ok\r\n\r\nbody";
    test_check(!tls_demo_http_response_complete((const uint8_t *)nolen, strlen(nolen)),
               "without Content-Length the answer ends with the connection");
    test_check(tls_demo_http_request_complete((const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18) &&
                   !tls_demo_http_request_complete((const uint8_t *)"GET / HTTP/1.1\r\n", 16),
               "a request ends with a blank line");
}

int main(void)
{
    test_exchange("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    test_exchange("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    test_exchange("TLS_RSA_WITH_AES_128_GCM_SHA256");
    test_exchange("TLS_RSA_WITH_AES_256_GCM_SHA384");
    test_default_has_no_after();
    test_tamper_after();
    test_cut_short_after();
    test_truncation();
    test_limits();
    test_hello_request();
    test_codec_counts();
    test_http_scan();
    test_ems_notes();
    test_engine_edges();
    test_http_helpers();
    return test_finish();
}
