/* The in-process run: see include/tlssim/sim.h. */
#include "tlssim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlssim/eavesdropper.h"
#include "tlssim/engine.h"
#include "tlssim/handshake.h"
#include "tlssim/pki.h"
#include "tlssim/record.h"

struct tls_sim {
    tls_sim_config cfg;
    tls_trace *trace;
    tls_rng *client_rng, *server_rng;
    const tls_x509 *trust;
    const tls_demo_identity *server_id, *client_id;
    tls_engine_config client_cfg, server_cfg;
    tls_engine *client, *server;
    tls_eavesdropper eve;
    /* The server's cache and ticket key, only for --resume: at 18 KiB it
     * would be most of what setting up and wiping a run costs. */
    tls_session_store *sessions;
    tls_session session;        /* the client's session from the first connection */
    const tls_flow *first;      /* the first connection's flow, once it is over */
    tls_engine_config second_cfg; /* the server's for the second connection */
    size_t records;         /* records that crossed the channel so far */
    int announced;          /* the last step announced */
    int current;            /* the step last run (0 before the first) */
    bool after_done;        /* the application-data step has run */
    bool early_tried;       /* false_start: the client was asked once */
    bool request_sent;      /* false_start: its request already crossed */
    tls_sim_result res;
};

void tls_sim_config_default(tls_sim_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->kx = TLS_KX_ECDHE_RSA;
    cfg->server_cert = TLS_KEY_RSA;
    cfg->group = TLS_GROUP_SECP256R1;
}

/* The server is set up like `openssl s_server -cipher X -groups G`: it
 * accepts one suite, prefers one group, and negotiation does the rest. */
static void server_setup(tls_sim *sim)
{
    tls_engine_config *sc = &sim->server_cfg;
    const tls_suite *suite = sim->cfg.suite;
    if (!suite)
        suite = tls_suite_default_auth(sim->cfg.kx, tls_privkey_kind(sim->server_id->key));
    /* A certificate that cannot serve the key exchange (ECDSA with RSA key
     * exchange; the command line refuses it) keeps the RSA suite, which the
     * server then finds it cannot serve. */
    sc->suites[sc->nsuites++] = suite ? suite : tls_suite_default(sim->cfg.kx);
    if (sim->cfg.also_suite)
        sc->suites[sc->nsuites++] = sim->cfg.also_suite;
    sc->ngroups = tls_groups_preferring(sim->cfg.group, sc->groups);
    sc->chain = sim->server_id->chain;
    sc->key = sim->server_id->key;
    sc->ems = sim->cfg.ems;
    sc->no_etm = sim->cfg.no_etm;
    sc->scenario = sim->cfg.scenario;
    sc->client_auth = sim->cfg.client_auth;
    sc->client_trust = sim->trust;
    sc->sessions = sim->sessions;

    tls_engine_config *cc = &sim->client_cfg;
    cc->server_name = sim->cfg.server_name ? sim->cfg.server_name : TLS_DEMO_HOST;
    cc->trust = sim->cfg.client_trust ? sim->cfg.client_trust : sim->trust;
    cc->ems = sim->cfg.ems;
    cc->no_etm = sim->cfg.no_etm;
    cc->scenario = sim->cfg.scenario;
    cc->resume = sim->cfg.resume;
    if (!sim->cfg.client_no_cert) {
        cc->client_chain = sim->client_id->chain;
        cc->client_key = sim->client_id->key;
    }
}

/* The demo PKI's identities for the run.  A named suite needs its kind of
 * certificate.  The demo client presents a certificate of the same kind
 * as the server's: an ECDSA site, an ECDSA client. */
static bool sim_identities(tls_sim *sim)
{
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    if (!creds)
        return false;
    tls_key_kind kind = sim->cfg.suite ? sim->cfg.suite->auth : sim->cfg.server_cert;
    sim->trust = creds->trust;
    sim->server_id = tls_demo_server(kind);
    sim->client_id = tls_demo_client(kind);
    return true;
}

bool tls_sim_engine_configs(const tls_sim_config *cfg, tls_engine_config *client,
                            tls_engine_config *server)
{
    tls_sim *sim = calloc(1, sizeof *sim);
    bool ok = sim != NULL;
    if (ok) {
        sim->cfg = *cfg;
        ok = sim_identities(sim);
    }
    if (ok) {
        server_setup(sim);
        *client = sim->client_cfg;
        *server = sim->server_cfg;
        server->sessions = NULL; /* the store lives in a sim */
    }
    free(sim);
    return ok;
}

tls_sim *tls_sim_new(const tls_sim_config *cfg, tls_trace *trace)
{
    tls_sim *sim = calloc(1, sizeof *sim);
    if (!sim)
        return NULL;
    sim->cfg = *cfg;
    sim->trace = trace;
    tls_eavesdropper_init(&sim->eve, trace);
    if (cfg->seeded) {
        sim->client_rng = tls_rng_new_seeded(cfg->seed, "client");
        sim->server_rng = tls_rng_new_seeded(cfg->seed, "server");
    } else {
        sim->client_rng = tls_rng_new_entropy("tlssim client");
        sim->server_rng = tls_rng_new_entropy("tlssim server");
    }
    bool ok = sim->client_rng && sim->server_rng && sim_identities(sim);
    if (ok) {
        /* Only a run that resumes has a cache and draws a ticket key: the
         * others keep their randoms. */
        if (cfg->resume != TLS_RESUME_OFF)
            ok = (sim->sessions = calloc(1, sizeof *sim->sessions)) != NULL;
        server_setup(sim);
        ok = ok && (!sim->sessions || tls_session_store_init(sim->sessions, cfg->resume,
                                                             sim->server_rng) == TLS_OK);
    }
    if (ok) {
        sim->client = tls_engine_new(TLS_PARTY_CLIENT, &sim->client_cfg, sim->client_rng, trace);
        sim->server = tls_engine_new(TLS_PARTY_SERVER, &sim->server_cfg, sim->server_rng, trace);
        ok = sim->client && sim->server;
    }
    if (!ok) {
        tls_sim_free(sim);
        return NULL;
    }
    return sim;
}

void tls_sim_free(tls_sim *sim)
{
    if (!sim)
        return;
    tls_engine_free(sim->client);
    tls_engine_free(sim->server);
    tls_eavesdropper_free(&sim->eve);
    tls_trace_end_connections(sim->trace);
    tls_rng_free(sim->client_rng);
    tls_rng_free(sim->server_rng);
    if (sim->sessions) {
        tls_session_store_wipe(sim->sessions);
        free(sim->sessions);
    }
    tls_wipe(sim, sizeof *sim);
    free(sim);
}

/* Bytes that cross the channel reach the receiver, and the eavesdropper
 * sees them on the way. */
static void channel_deliver(tls_sim *sim, tls_party sender, tls_engine *to, const uint8_t *p,
                            size_t n)
{
    if (n == 0)
        return;
    tls_engine_feed(to, p, n);
    tls_eavesdropper_observe(&sim->eve, sender, p, n);
}

/* A record passes the attacker on the channel first: what it sends on
 * instead reaches the receiver, and where it differs from what the sender
 * sent is marked on the receiver's RECORD events, for highlighting. */
static void channel_tap(tls_sim *sim, tls_party sender, tls_engine *to, const uint8_t *rec,
                        size_t len)
{
    tls_writer out;
    tls_writer_init(&out);
    sim->cfg.tap.carry(sim->cfg.tap.ctx, sender, sim->current, rec, len, &out);
    size_t first = 0, same_end = 0, from = sim->trace->n;
    while (first < len && first < out.len && rec[first] == out.data[first])
        first++;
    while (same_end < len - first && same_end < out.len - first &&
           rec[len - 1 - same_end] == out.data[out.len - 1 - same_end])
        same_end++;
    channel_deliver(sim, sender, to, out.data, out.len);
    if (out.len > first + same_end)
        tls_trace_record_changed(sim->trace, from, first, out.len - first - same_end);
    tls_writer_free(&out);
}

/* Move everything \p from has queued across the channel to \p to, one
 * record at a time: counted, possibly tampered with, fed to the receiver,
 * and seen by the eavesdropper on the way. */
static void channel_carry(tls_sim *sim, tls_engine *from, tls_party sender, tls_engine *to)
{
    size_t n;
    const uint8_t *p = tls_engine_output(from, &n);
    if (n == 0)
        return;
    uint8_t *copy = malloc(n);
    if (!copy)
        return;
    memcpy(copy, p, n);
    tls_engine_output_consume(from, n);
    size_t at = 0;
    while (at < n) {
        tls_record rec;
        size_t need, len = n - at;
        if (tls_record_split(copy + at, n - at, &rec, &need) == TLS_READ_OK)
            len = rec.wire_len;
        const tls_tamper *t = &sim->cfg.tamper;
        if (t->enabled && t->record == sim->records) {
            sim->res.tamper_record_len = len;
            if (t->offset < len)
                copy[at + t->offset] ^= t->xor_mask;
        }
        sim->res.records = ++sim->records;
        if (sim->cfg.tap.carry)
            channel_tap(sim, sender, to, copy + at, len);
        else
            channel_deliver(sim, sender, to, copy + at, len);
        at += len;
    }
    free(copy);
}

/* Carry what \p from queued to \p to, and then whatever \p to queued in
 * reply (an alert when the bytes did not verify). */
static void channel_exchange(tls_sim *sim, tls_engine *from, tls_party sender, tls_engine *to)
{
    tls_party back = sender == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
    channel_carry(sim, from, sender, to);
    channel_carry(sim, to, back, from);
}

/* The connection ends: each side is told that nothing more will come, so a
 * record cut short or data without close_notify is a failure rather than a
 * silent success.  The server closes first, as "Connection: close" asks; an
 * alert it sends about what it was left with still reaches the client. */
static void channel_end(tls_sim *sim)
{
    tls_engine_eof(sim->server);
    channel_carry(sim, sim->server, TLS_PARTY_SERVER, sim->client);
    tls_engine_eof(sim->client);
}

/* The server's page: one record, or (split_response) its head and its
 * body, as a server that writes them separately sends them. */
static tls_err sim_write_response(tls_sim *sim, const uint8_t *p, size_t n)
{
    tls_http_scan scan = {0};
    size_t head = n;
    if (sim->cfg.split_response &&
        tls_http_scan_update(&scan, p, n, n, true) == TLS_HTTP_COMPLETE && scan.head < n)
        head = scan.head;
    tls_err err = tls_engine_write_app_data(sim->server, p, head);
    if (err == TLS_OK && head < n)
        err = tls_engine_write_app_data(sim->server, p + head, n - head);
    return err;
}

/* The step after the handshake: what the keys were for.  The client asks
 * for "/", the server answers a page and, as the request said "Connection:
 * close", ends the connection with close_notify; the client answers it. */
static void sim_after(tls_sim *sim)
{
    tls_trace *t = sim->trace;
    const char *host = sim->client_cfg.server_name;
    sim->after_done = true;
    sim->current = TLS_STEP_AFTER;
    if (!sim->request_sent)
        tls_trace_note(t, TLS_STEP_AFTER, TLS_PARTY_CLIENT, TLS_TEXT_AFTER_SIM_REQUEST,
                       TLS_ARGS(TLS_ARG_S("host", host)));
    tls_writer w;
    tls_writer_init(&w);
    if (!sim->request_sent && tls_demo_http_request(host, &w) == TLS_OK &&
        tls_engine_write_app_data(sim->client, w.data, w.len) == TLS_OK)
        channel_exchange(sim, sim->client, TLS_PARTY_CLIENT, sim->server);

    size_t n;
    const uint8_t *req = tls_engine_app_data(sim->server, &n);
    if (tls_engine_error(sim->server) == TLS_OK && tls_demo_http_request_complete(req, n)) {
        tls_trace_note(t, TLS_STEP_AFTER, TLS_PARTY_SERVER, TLS_TEXT_AFTER_SIM_SERVER_ANSWERS,
                       TLS_ARGS(TLS_ARG_SN("request", (const char *)req,
                                           tls_demo_http_first_line(req, n))));
        tls_engine_app_data_consume(sim->server, n);
        tls_writer_reset(&w);
        if (tls_demo_http_response(host, &w) == TLS_OK &&
            sim_write_response(sim, w.data, w.len) == TLS_OK &&
            tls_engine_close(sim->server) == TLS_OK)
            channel_exchange(sim, sim->server, TLS_PARTY_SERVER, sim->client);
    }

    const uint8_t *page = tls_engine_app_data(sim->client, &n);
    if (tls_engine_error(sim->client) == TLS_OK && n > 0) {
        tls_trace_note(t, TLS_STEP_AFTER, TLS_PARTY_CLIENT, TLS_TEXT_AFTER_CLIENT_RECEIVED_ANSWER,
                       TLS_ARGS(TLS_ARG_SN("answer", (const char *)page,
                                           tls_demo_http_first_line(page, n)),
                                TLS_ARG_U("bytes", n)));
        tls_engine_app_data_consume(sim->client, n);
    }
    if (tls_engine_error(sim->client) == TLS_OK && tls_engine_close_received(sim->client) &&
        tls_engine_close(sim->client) == TLS_OK)
        channel_exchange(sim, sim->client, TLS_PARTY_CLIENT, sim->server);
    tls_writer_free(&w);
    channel_end(sim);
}

/* False Start: once the client has sent its Finished, it sends its request
 * at once when the key exchange allows it (the engine says whether), and
 * the server reads it after its own Finished. */
static void sim_false_start(tls_sim *sim)
{
    const char *host = sim->client_cfg.server_name;
    tls_writer w;
    tls_writer_init(&w);
    tls_err err = tls_demo_http_request(host, &w);
    if (err == TLS_OK)
        err = tls_engine_write_false_start(sim->client, w.data, w.len);
    sim->early_tried = err != TLS_ERR_INTERNAL;
    if (err == TLS_OK) {
        channel_carry(sim, sim->client, TLS_PARTY_CLIENT, sim->server);
        sim->request_sent = true;
    }
    tls_writer_free(&w);
}

/* Whether a second connection is still to come. */
static bool sim_more_connections(const tls_sim *sim)
{
    return sim->cfg.resume != TLS_RESUME_OFF && !sim->first;
}

/* The flow of the run so far: the connection's, after the first's. */
static const tls_flow *sim_flow(const tls_sim *sim)
{
    const tls_flow *f = tls_engine_flow(sim->client);
    return sim->first ? tls_flow_join(sim->first, f) : f;
}

static void sim_finish(tls_sim *sim)
{
    tls_sim_result *res = &sim->res;
    res->flow = sim_flow(sim);
    tls_err ce = tls_engine_error(sim->client), se = tls_engine_error(sim->server);
    if (ce == TLS_OK && se == TLS_OK) {
        if (tls_engine_done(sim->client) && tls_engine_done(sim->server) &&
            (!sim->cfg.app_data || sim->after_done) && !sim_more_connections(sim)) {
            res->done = true;
            res->ok = true;
            tls_trace_end_connections(sim->trace);
        }
        return;
    }
    /* The side that detected the problem is the one whose error is not
     * an alert received from the other. */
    bool client_detected = ce != TLS_OK && !tls_err_is_recv_alert(ce);
    if (!client_detected && se == TLS_OK)
        client_detected = true;
    tls_engine *d = client_detected ? sim->client : sim->server;
    res->done = true;
    res->ok = false;
    res->failed_step = tls_engine_error_step(d);
    if (res->failed_step > 0 && res->failed_step < TLS_STEP_AFTER)
        res->failed_step += sim->trace->step_base;
    tls_trace_end_connections(sim->trace);
    res->failed_party = client_detected ? TLS_PARTY_CLIENT : TLS_PARTY_SERVER;
    res->err = tls_engine_error(d);
    res->why_text = *tls_engine_why_text(d);
    snprintf(res->why, sizeof res->why, "%s", tls_engine_why(d));
}

/* The driver announces the steps of the run's flow, each once and in
 * order, the ones the flow skips included, up to \p step: before its sender
 * writes, so a step's STEP event comes before everything filed under it. */
static void sim_announce_through(tls_sim *sim, const tls_flow *f, int step)
{
    sim->announced = tls_flow_announce_through(f, sim->trace, sim->announced, step);
}

/* The first connection is over: the client keeps its session, and a
 * second connection (new engines, a new eavesdropper, the same server
 * cache and ticket key) offers it.  Its steps follow the first's. */
static bool sim_second_connection(tls_sim *sim)
{
    const tls_session *s = tls_engine_session(sim->client);
    if (s)
        sim->session = *s;
    sim->first = tls_engine_flow(sim->client);
    tls_engine_free(sim->client);
    tls_engine_free(sim->server);
    tls_eavesdropper_free(&sim->eve);
    tls_eavesdropper_init(&sim->eve, sim->trace);
    sim->second_cfg = sim->server_cfg;
    if (sim->cfg.resume_suite)
        sim->second_cfg.suites[0] = sim->cfg.resume_suite;
    sim->client_cfg.session = &sim->session;
    tls_trace_begin_connection(sim->trace, sim->first->n);
    sim->announced = 0;
    sim->client = tls_engine_new(TLS_PARTY_CLIENT, &sim->client_cfg, sim->client_rng, sim->trace);
    sim->server = tls_engine_new(TLS_PARTY_SERVER, &sim->second_cfg, sim->server_rng, sim->trace);
    return sim->client && sim->server;
}

tls_err tls_sim_step(tls_sim *sim)
{
    if (sim->res.done)
        return sim->res.err;
    if (sim_more_connections(sim) && tls_engine_done(sim->client) &&
        tls_engine_done(sim->server) && !sim_second_connection(sim)) {
        sim->res.done = true;
        sim->res.err = TLS_ERR_INTERNAL;
        tls_text_make(&sim->res.why_text, TLS_TEXT_SIM_SETUP_FAILED, NULL);
        tls_text_english_into(&sim->res.why_text, sim->res.why, sizeof sim->res.why);
        return sim->res.err;
    }
    /* The client's flow: the run's once it has read ServerHello; but the
     * sender of a step knows best what it sends (a server that will ask for
     * a certificate), so its flow names the step. */
    const tls_flow *f = tls_engine_flow(sim->client);
    int n = tls_engine_step(sim->client);
    const tls_msg_info *s = tls_flow_msg(f, n);
    if (s && s->sender == TLS_PARTY_SERVER) {
        f = tls_engine_flow(sim->server);
        s = tls_flow_msg(f, n);
    }
    if (!s) {
        if (sim->cfg.app_data && !sim->after_done && !sim_more_connections(sim))
            sim_after(sim);
        sim_finish(sim);
        return sim->res.err;
    }
    bool opening = sim->first && sim->announced == 0;
    sim_announce_through(sim, f, n);
    if (opening)
        tls_trace_note(sim->trace, 1, TLS_PARTY_CLIENT, TLS_TEXT_RESUME_SECOND_CONNECTION,
                       TLS_ARGS(TLS_ARG_S("mode", tls_resume_mode_name(sim->cfg.resume))));
    sim->current = sim->trace->step_base + n;
    bool client_sends = s->sender == TLS_PARTY_CLIENT;
    tls_engine *sender = client_sends ? sim->client : sim->server;
    tls_engine *receiver = client_sends ? sim->server : sim->client;
    tls_party from = s->sender, back = client_sends ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;

    tls_engine_write_step(sender);
    channel_carry(sim, sender, from, receiver);
    /* The receiver has all the sender will say this step: if it is still
     * waiting for this message, the message was cut short on the way. */
    if (tls_engine_error(receiver) == TLS_OK && tls_engine_error(sender) == TLS_OK &&
        tls_engine_step(receiver) <= n)
        tls_engine_eof(receiver);
    channel_carry(sim, receiver, back, sender);
    if (sim->cfg.false_start && sim->cfg.app_data && !sim->early_tried && client_sends &&
        tls_engine_error(sim->client) == TLS_OK && tls_engine_error(sim->server) == TLS_OK)
        sim_false_start(sim);
    sim_finish(sim);
    return sim->res.err;
}

tls_err tls_sim_run_all(tls_sim *sim)
{
    while (!sim->res.done)
        tls_sim_step(sim);
    return sim->res.err;
}

int tls_sim_current_step(const tls_sim *sim) { return sim->current; }

const tls_sim_result *tls_sim_result_get(const tls_sim *sim) { return &sim->res; }

tls_err tls_sim_result_setup_failed(tls_sim_result *res)
{
    if (res) {
        memset(res, 0, sizeof *res);
        res->done = true;
        res->err = TLS_ERR_INTERNAL;
        res->flow = tls_flow_default();
        tls_text_make(&res->why_text, TLS_TEXT_SIM_SETUP_FAILED, NULL);
        tls_text_english_into(&res->why_text, res->why, sizeof res->why);
    }
    return TLS_ERR_INTERNAL;
}

tls_err tls_sim_run(const tls_sim_config *cfg, tls_trace *trace, tls_sim_result *res)
{
    tls_sim *sim = tls_sim_new(cfg, trace);
    if (!sim)
        return tls_sim_result_setup_failed(res);
    tls_err err = tls_sim_run_all(sim);
    if (res)
        *res = sim->res;
    tls_sim_free(sim);
    return err;
}

const tls_flow *tls_sim_result_flow(const tls_sim_result *res)
{
    return res && res->flow ? res->flow : tls_flow_default();
}
