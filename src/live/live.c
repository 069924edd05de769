/* Live mode: one engine, one real peer, one socket.  See include/tlssim/live.h. */
#include "tlssim/live.h"

#include <arpa/inet.h>
#include <errno.h>
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live_internal.h"
#include "net.h"
#include "tlssim/handshake.h"
#include "tlssim/pki.h"

void tls_live_config_default(tls_live_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->role = TLS_LIVE_CONNECT;
    cfg->ems = true;
    cfg->timeout = TLS_LIVE_TIMEOUT_DEFAULT;
    cfg->accept_timeout = TLS_LIVE_ACCEPT_TIMEOUT_DEFAULT;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int live_wait_ms(const live *lv, int idle_ms)
{
    long long left = lv->deadline - now_ms();
    if (left <= 0)
        return 0;
    return left < idle_ms ? (int)left : idle_ms;
}

static int to_ms(double seconds)
{
    if (!(seconds > 0))
        return 1;
    return seconds > 86400 ? 86400 * 1000 : (int)(seconds * 1000 + 0.5);
}

bool live_ok(const live *lv)
{
    return !lv->failed && (!lv->e || tls_engine_error(lv->e) == TLS_OK);
}

/* The step this side's notes belong to: where its engine is. */
static int live_note_step(const live *lv)
{
    if (lv->after)
        return TLS_STEP_AFTER;
    int at = lv->e ? tls_engine_at(lv->e) : 0;
    /* Step 0 is the run's preamble: a second connection opens at its
     * first step. */
    return at == 0 && lv->first ? 1 : at;
}

void live_note(live *lv, tls_text_id id, const tls_text_arg *args)
{
    tls_trace_note(lv->trace, live_note_step(lv), lv->role, id, args);
}

/* The step a failure belongs to: the one this side was in or waiting for,
 * as the run numbers it. */
static int live_step(const live *lv)
{
    if (!lv->e)
        return 0;
    return live_run_step(lv, tls_engine_step(lv->e)); /* TLS_STEP_AFTER once the
                                                         handshake is over */
}

void live_fail(live *lv, tls_err err, tls_text_id id, const tls_text_arg *args)
{
    tls_text why;
    tls_text_make(&why, id, args);
    live_fail_text(lv, err, &why);
}

void live_fail_text(live *lv, tls_err err, const tls_text *why)
{
    /* The first failure sticks, whether the engine's or the socket's. */
    if (!live_ok(lv))
        return;
    lv->failed = true;
    tls_sim_result *res = lv->res;
    res->err = err;
    res->failed_party = lv->role;
    res->failed_step = live_step(lv);
    res->why_text = *why;
    tls_text_english_into(&res->why_text, res->why, sizeof res->why);
    tls_trace_note_text(lv->trace, live_note_step(lv), lv->role, &res->why_text);
}

bool live_send(live *lv, tls_text *why)
{
    size_t n;
    const uint8_t *p = tls_engine_output(lv->e, &n);
    if (n == 0)
        return true;
    tls_eavesdropper_observe(&lv->eve, lv->role, p, n);
    int wait = live_wait_ms(lv, lv->timeout_ms);
    bool ok = net_send_all(lv->fd, p, n, wait > 0 ? wait : 1, why);
    tls_engine_output_consume(lv->e, n);
    return ok;
}

/* The driver announces the steps of the engine's flow up to \p step, each
 * once and in order (skipped ones included).  A peer's messages are
 * announced once they have been read: one read may hold several. */
static void live_announce_through(live *lv, int step)
{
    lv->announced = tls_flow_announce_through(tls_engine_flow(lv->e), lv->trace,
                                              lv->announced, step);
}

long live_pump(live *lv, int timeout_ms)
{
    uint8_t buf[16384];
    long r = net_recv(lv->fd, buf, sizeof buf, timeout_ms);
    if (r > 0) {
        lv->heard = true;
        tls_eavesdropper_observe(&lv->eve, lv->peer, buf, (size_t)r);
        tls_engine_feed(lv->e, buf, (size_t)r);
        live_announce_through(lv, tls_engine_at(lv->e));
        live_annotate(lv);
    } else if (r == NET_EOF) {
        lv->eof = true;
    }
    return r;
}

bool live_flush(live *lv)
{
    tls_text why;
    bool ok = live_send(lv, &why);
    if (!ok)
        live_fail_text(lv, TLS_ERR_IO, &why);
    return ok;
}

long live_read(live *lv, int timeout_ms)
{
    long r = live_pump(lv, timeout_ms);
    if (r == NET_ERROR) {
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_READ_FAILED,
                  TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)),
                           TLS_ARG_T("error", tls_text_strerror(errno))));
    }
    return r;
}

/* Read, and treat silence for the whole timeout, or a run that outlasts its
 * deadline (a peer trickling bytes), as the error it is. */
long live_read_or_fail(live *lv, const char *waiting_for)
{
    int wait = live_wait_ms(lv, lv->timeout_ms);
    long r = wait > 0 ? live_read(lv, wait) : NET_TIMEOUT;
    if (r == NET_TIMEOUT) {
        char seconds[32];
        snprintf(seconds, sizeof seconds, "%g", lv->cfg->timeout);
        live_fail(lv, TLS_ERR_TIMEOUT,
                  lv->heard ? TLS_TEXT_LIVE_DEADLINE : TLS_TEXT_LIVE_SILENT,
                  TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)),
                           TLS_ARG_S("seconds", seconds),
                           TLS_ARG_T("party", tls_party_name(lv->role)),
                           TLS_ARG_T("what", waiting_for)));
    }
    return r;
}

/* The handshake's flow: write while it is this side's turn, otherwise read. */
static void live_handshake(live *lv)
{
    while (live_ok(lv) && !tls_engine_done(lv->e)) {
        while (tls_engine_my_turn(lv->e)) {
            live_announce_through(lv, tls_engine_step(lv->e));
            tls_engine_write_step(lv->e);
        }
        if (!live_flush(lv) || !live_ok(lv) || tls_engine_done(lv->e))
            break;
        const tls_msg_info *s = tls_flow_msg(tls_engine_flow(lv->e), tls_engine_step(lv->e));
        const char *want = s ? s->message : TLS_TERM("the next message");
        live_read_or_fail(lv, want);
        if (lv->eof && live_ok(lv) && !tls_engine_done(lv->e))
            live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_CLOSED_IN_HANDSHAKE,
                      TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)),
                               TLS_ARG_T("party", tls_party_name(lv->role)),
                               TLS_ARG_T("what", want)));
    }
    /* An alert the engine queued on failure still goes out (a send error
     * then changes nothing: the first failure sticks). */
    if (!lv->eof)
        live_flush(lv);
}

/* ----------------------------------------------------------- setup */

/* A whole file as a NUL-terminated string (PEM text). */

static bool is_ip_literal(const char *host)
{
    unsigned char addr[16];
    return inet_pton(AF_INET, host, addr) == 1 || inet_pton(AF_INET6, host, addr) == 1;
}

/* The trust anchors: --ca's, else the demo CA.  The client checks the
 * server's chain with them; a server asking for client certificates names
 * them in CertificateRequest and checks the client's chain. */
static bool live_load_trust(live *lv, const tls_x509 **out)
{
    const tls_live_config *cfg = lv->cfg;
    if (!cfg->ca_file) {
        const tls_demo_credentials *creds = tls_demo_credentials_get();
        if (!creds)
            live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_LIVE_DEMO_CA, NULL);
        *out = creds ? creds->trust : NULL;
        return creds != NULL;
    }
    /* No certificate bundle is anywhere near this large. */
    char *pem = tls_read_file(cfg->ca_file, 64u << 20, NULL);
    if (!pem) {
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_CA_UNREADABLE,
                  TLS_ARGS(TLS_ARG_S("file", cfg->ca_file), TLS_ARG_T("error", tls_text_strerror(errno))));
        return false;
    }
    size_t skipped = 0;
    tls_err err = tls_x509_add_pem_bundle(&lv->trust, pem, &skipped);
    free(pem);
    if (err != TLS_OK) {
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_CA_EMPTY, TLS_ARGS(TLS_ARG_S("file", cfg->ca_file)));
        return false;
    }
    if (skipped)
        live_note(lv, TLS_TEXT_LIVE_CA_SKIPPED,
                  TLS_ARGS(TLS_ARG_S("file", cfg->ca_file), TLS_ARG_U("count", skipped)));
    *out = lv->trust;
    return true;
}

/* A PEM file for --client-cert / --client-key, or NULL (the failure said). */
static char *live_read_pem(live *lv, const char *option, const char *file)
{
    char *pem = tls_read_file(file, 1u << 20, NULL);
    if (!pem)
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_FILE_UNREADABLE,
                  TLS_ARGS(TLS_ARG_S("option", option), TLS_ARG_S("file", file),
                           TLS_ARG_T("error", tls_text_strerror(errno))));
    return pem;
}

/* --client-cert and --client-key (the key may sit in the certificate's file). */
static bool live_load_client_cert(live *lv)
{
    const tls_live_config *cfg = lv->cfg;
    const char *key_file = cfg->client_key_file ? cfg->client_key_file : cfg->client_cert_file;
    char *pem = live_read_pem(lv, "--client-cert", cfg->client_cert_file);
    if (!pem)
        return false;
    size_t skipped = 0;
    tls_err err = tls_x509_add_pem_bundle(&lv->client_chain, pem, &skipped);
    free(pem);
    if (err != TLS_OK) {
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_CLIENT_CERT_EMPTY,
                  TLS_ARGS(TLS_ARG_S("file", cfg->client_cert_file)));
        return false;
    }
    if (!(pem = live_read_pem(lv, "--client-key", key_file)))
        return false;
    err = tls_privkey_parse_pem(&lv->client_key, pem);
    tls_wipe(pem, strlen(pem));
    free(pem);
    if (err != TLS_OK) {
        live_fail(lv, TLS_ERR_IO, TLS_TEXT_LIVE_CLIENT_KEY_BAD, TLS_ARGS(TLS_ARG_S("file", key_file)));
        return false;
    }
    lv->ecfg.client_chain = lv->client_chain;
    lv->ecfg.client_key = lv->client_key;
    return true;
}

static bool live_setup_client(live *lv)
{
    const tls_live_config *cfg = lv->cfg;
    tls_engine_config *ec = &lv->ecfg;
    if (!live_load_trust(lv, &ec->trust))
        return false;
    if (cfg->client_cert_file && !live_load_client_cert(lv))
        return false;
    if (cfg->sni)
        ec->server_name = cfg->sni;
    else if (is_ip_literal(cfg->host))
        ec->server_name = TLS_DEMO_HOST;
    else
        ec->server_name = cfg->host;
    snprintf(lv->info->server_name, sizeof lv->info->server_name, "%s", ec->server_name);
    return true;
}

static bool live_setup_server(live *lv)
{
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    if (!creds) {
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_LIVE_DEMO_CREDENTIALS, NULL);
        return false;
    }
    const tls_demo_identity *id = tls_demo_server(lv->cfg->server_cert);
    lv->ecfg.chain = id->chain;
    lv->ecfg.key = id->key;
    lv->ecfg.client_auth = lv->cfg->client_auth;
    if (lv->cfg->client_auth == TLS_CLIENT_AUTH_OFF)
        return true;
    return live_load_trust(lv, &lv->ecfg.client_trust);
}

static bool live_setup(live *lv)
{
    const tls_live_config *cfg = lv->cfg;
    tls_engine_config *ec = &lv->ecfg;
    for (size_t i = 0; i < cfg->nsuites && i < TLS_SUITE_COUNT; i++)
        ec->suites[ec->nsuites++] = cfg->suites[i];
    for (size_t i = 0; i < cfg->ngroups && i < TLS_GROUP_COUNT; i++)
        ec->groups[ec->ngroups++] = cfg->groups[i];
    ec->ems = cfg->ems;
    ec->no_etm = cfg->no_etm;
    ec->app_data_keep = cfg->app_data_keep;
    /* The peer is a real stack, which traces nothing: this engine traces
     * what it sends.  Real clients signal secure renegotiation. */
    ec->trace_sent = true;
    ec->offer_renegotiation_info = true;
    lv->rng = tls_rng_new_entropy(lv->role == TLS_PARTY_CLIENT ? "tlssim live client"
                                                               : "tlssim live server");
    if (!lv->rng) {
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_NO_RANDOM, NULL);
        return false;
    }
    return lv->role == TLS_PARTY_CLIENT ? live_setup_client(lv) : live_setup_server(lv);
}

/* TCP first; the engine comes to life once there is a peer. */
static bool live_open(live *lv)
{
    const tls_live_config *cfg = lv->cfg;
    tls_text why;
    if (cfg->role == TLS_LIVE_CONNECT) {
        lv->fd = net_connect(cfg->host, cfg->port, to_ms(cfg->timeout), lv->info->peer,
                             sizeof lv->info->peer, &why);
    } else {
        /* A second client (--resume) comes to the same socket. */
        if (lv->lfd < 0)
            lv->lfd = net_listen(cfg->host, cfg->port, lv->info->local, sizeof lv->info->local,
                                 &why);
        if (lv->lfd < 0) {
            live_fail_text(lv, TLS_ERR_IO, &why);
            return false;
        }
        live_status_listening(lv);
        lv->fd = net_accept(lv->lfd, to_ms(cfg->accept_timeout), lv->info->peer,
                            sizeof lv->info->peer, &why);
        if (cfg->resume == TLS_RESUME_OFF || lv->first) {
            close(lv->lfd);
            lv->lfd = -1;
        }
    }
    if (lv->fd < 0) {
        live_fail_text(lv, lv->fd == NET_TIMEOUT ? TLS_ERR_TIMEOUT : TLS_ERR_IO, &why);
        return false;
    }
    net_describe(lv->fd, false, lv->info->local, sizeof lv->info->local);
    /* --timeout bounds everything from here: the handshake and the exchange. */
    lv->deadline = now_ms() + lv->timeout_ms;
    return true;
}

static void live_introduce(live *lv)
{
    bool client = lv->role == TLS_PARTY_CLIENT;
    live_note(lv, TLS_TEXT_LIVE_INTRO,
              TLS_ARGS(TLS_ARG_T("party", tls_party_name(lv->role)),
                       TLS_ARG_S("local", lv->info->local),
                       TLS_ARG_T("peer", tls_party_name(lv->peer)),
                       TLS_ARG_S("remote", lv->info->peer)));
    if (client && lv->cfg->sni == NULL && is_ip_literal(lv->cfg->host))
        live_note(lv, TLS_TEXT_LIVE_SNI_IP,
                  TLS_ARGS(TLS_ARG_S("host", lv->cfg->host),
                           TLS_ARG_S("demo_host", TLS_DEMO_HOST)));
}

/* One connection: TCP, the handshake, the exchange after it. */
static void live_connection(live *lv)
{
    if (!live_open(lv))
        return;
    lv->e = tls_engine_new(lv->role, &lv->ecfg, lv->rng, lv->trace);
    if (!lv->e) {
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_OUT_OF_MEMORY, NULL);
        return;
    }
    live_introduce(lv);
    live_resume_introduce(lv);
    live_handshake(lv);
    if (!live_ok(lv) || !tls_engine_done(lv->e))
        return;
    tls_live_info *info = lv->info;
    info->suite = tls_engine_suite(lv->e);
    info->ems = tls_engine_ems(lv->e);
    info->etm = tls_engine_etm(lv->e);
    if (lv->role == TLS_PARTY_CLIENT)
        live_client_after(lv);
    else
        live_server_after(lv);
}

static void live_finish(live *lv)
{
    tls_sim_result *res = lv->res;
    res->done = true;
    res->flow = live_flow(lv);
    if (lv->failed)
        return;
    tls_err err = lv->e ? tls_engine_error(lv->e) : TLS_ERR_INTERNAL;
    if (err == TLS_OK) {
        res->ok = true;
        return;
    }
    res->err = err;
    res->failed_party = tls_err_is_recv_alert(err) ? lv->peer : lv->role;
    res->failed_step = live_run_step(lv, tls_engine_error_step(lv->e));
    res->why_text = *tls_engine_why_text(lv->e);
    snprintf(res->why, sizeof res->why, "%s", tls_engine_why(lv->e));
}

tls_err tls_live_run(const tls_live_config *cfg, tls_trace *trace, tls_sim_result *res,
                     tls_live_info *info)
{
    tls_live_info scratch;
    if (!info)
        info = &scratch;
    memset(info, 0, sizeof *info);
    memset(res, 0, sizeof *res);
    live lv = {.cfg = cfg, .trace = trace, .res = res, .info = info, .fd = -1, .lfd = -1,
               .timeout_ms = to_ms(cfg->timeout)};
    /* What was asked for, until the socket says what it got. */
    snprintf(cfg->role == TLS_LIVE_CONNECT ? info->peer : info->local, sizeof info->peer,
             strchr(cfg->host ? cfg->host : "", ':') ? "[%s]:%s" : "%s:%s",
             cfg->host ? cfg->host : "127.0.0.1", cfg->port);
    lv.role = cfg->role == TLS_LIVE_CONNECT ? TLS_PARTY_CLIENT : TLS_PARTY_SERVER;
    lv.peer = cfg->role == TLS_LIVE_CONNECT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
    tls_eavesdropper_init(&lv.eve, trace);

    if (live_setup(&lv) && live_resume_setup(&lv)) {
        live_connection(&lv);
        if (live_resume_next(&lv))
            live_connection(&lv);
    }
    live_finish(&lv);
    tls_trace_end_connections(trace);
    if (lv.fd >= 0)
        close(lv.fd);
    if (lv.lfd >= 0)
        close(lv.lfd);
    tls_session_store_wipe(&lv.store);
    tls_wipe(&lv.session, sizeof lv.session);
    tls_engine_free(lv.e);
    tls_eavesdropper_free(&lv.eve);
    tls_x509_free(lv.trust);
    tls_x509_free(lv.client_chain);
    tls_privkey_free(lv.client_key);
    tls_rng_free(lv.rng);
    return res->ok ? TLS_OK : res->err;
}
