/*
 * Live mode against itself over loopback: tls_live_run as a server in one
 * thread, as a client in another, for every suite and every combination of
 * extended-master-secret settings.  Both must succeed, agree on the master
 * secret, exchange the page, and each trace must hold only its own side's
 * secrets (the peer's column is what crossed the wire).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tlssim/live.h"

typedef struct side {
    tls_live_config cfg;
    tls_trace trace;
    tls_sim_result res;
    tls_live_info info;
} side;

static void *server_main(void *arg)
{
    side *s = arg;
    tls_live_run(&s->cfg, &s->trace, &s->res, &s->info);
    if (s->cfg.status)
        fclose(s->cfg.status);
    return NULL;
}

static const tls_event *value(const tls_trace *t, tls_value_kind kind, tls_party who)
{
    return tls_trace_find_value(t, kind, who, TLS_STEP_AFTER);
}

/* The steps of the notes containing \p text, as a bit set (bit n: step n). */
static unsigned note_steps(const tls_trace *t, const char *text)
{
    unsigned steps = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_NOTE && strstr(t->ev[i].text, text))
            steps |= 1u << t->ev[i].step;
    return steps;
}

/* What live mode adds from reading the trace: the peer's hello extensions
 * commented under the hello's step, and an inference after each of the
 * peer's messages that proves something, under that message's step. */
static bool commentary_filed(const tls_trace *cli, const tls_trace *srv, bool ecdhe)
{
    unsigned client_infers = 1u << 2 | 1u << 3 | (ecdhe ? 1u << 4 : 0) | 1u << 10;
    return note_steps(cli, "the server's ServerHello carries") == 1u << 2 &&
           note_steps(srv, "the client's ClientHello carries") == 1u << 1 &&
           note_steps(cli, "what the client can infer") == client_infers &&
           note_steps(srv, "what the server can infer") == (1u << 1 | 1u << 6 | 1u << 8);
}

/* Only this side's values, plus what it infers of the peer: every peer
 * value marked inferred and equal to this side's own, never the peer's
 * private scalar, and the master secret among them once Finished verified. */
static bool own_values_only(const tls_trace *t, tls_party self)
{
    tls_party peer = self == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
    bool master_inferred = false;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind == TLS_EV_VALUE && e->party == peer) {
            const tls_event *mine = tls_trace_find_value(t, e->value, self, TLS_STEP_AFTER);
            if (!e->inferred || !mine || mine->len != e->len ||
                memcmp(mine->bytes, e->bytes, e->len) != 0 ||
                e->value == TLS_VALUE_CLIENT_ECDHE_PRIVATE ||
                e->value == TLS_VALUE_SERVER_ECDHE_PRIVATE ||
                e->value == TLS_VALUE_CLIENT_DHE_PRIVATE ||
                e->value == TLS_VALUE_SERVER_DHE_PRIVATE)
                return false;
            master_inferred |= e->value == TLS_VALUE_MASTER_SECRET;
        }
        if ((e->kind == TLS_EV_CHECK || e->kind == TLS_EV_NOTE) && e->party == peer)
            return false;
    }
    return master_inferred;
}

/* Each record is filed under the step of the first message it carries, and
 * what the wire reveals under the step of the message that revealed it,
 * even when one read brought several records. */
static bool steps_consistent(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *m = &t->ev[i];
        if (m->kind != TLS_EV_MESSAGE || m->record_offset == (size_t)-1)
            continue;
        const tls_event *rec = &t->ev[m->record_index];
        bool first = true;
        for (size_t j = 0; j < i; j++)
            first &= !(t->ev[j].kind == TLS_EV_MESSAGE && t->ev[j].record_index == m->record_index);
        if (first && rec->step != m->step)
            return false;
    }
    static const struct { tls_value_kind kind; int step; } wire[] = {
        {TLS_VALUE_CLIENT_RANDOM, 1}, {TLS_VALUE_SERVER_RANDOM, 2},
        {TLS_VALUE_SERVER_CERTIFICATE, 3}, {TLS_VALUE_SERVER_ECDHE_PUBLIC, 4}};
    for (size_t k = 0; k < sizeof wire / sizeof wire[0]; k++)
        for (size_t i = 0; i < t->n; i++)
            if (t->ev[i].kind == TLS_EV_VALUE && t->ev[i].party == TLS_PARTY_WIRE &&
                t->ev[i].value == wire[k].kind && t->ev[i].step != wire[k].step)
                return false;
    return true;
}

static void pair(const tls_suite *suite, bool client_ems, bool server_ems)
{
    char label[160];
    snprintf(label, sizeof label, "%s client-ems=%d server-ems=%d", suite->name, client_ems,
             server_ems);
    side srv, cli;
    memset(&srv, 0, sizeof srv);
    memset(&cli, 0, sizeof cli);
    tls_live_config_default(&srv.cfg);
    srv.cfg.role = TLS_LIVE_LISTEN;
    srv.cfg.host = "127.0.0.1";
    srv.cfg.port = "0";
    srv.cfg.ems = server_ems;
    srv.cfg.suites[srv.cfg.nsuites++] = suite;
    srv.cfg.server_cert = suite->auth; /* the certificate the suite needs */
    srv.cfg.timeout = 10;
    srv.cfg.accept_timeout = 10;
    int fds[2];
    if (pipe(fds) != 0) {
        test_check(false, "pipe");
        return;
    }
    srv.cfg.status = fdopen(fds[1], "w");
    FILE *status = fdopen(fds[0], "r");
    tls_trace_init(&srv.trace);
    tls_trace_init(&cli.trace);
    pthread_t th;
    pthread_create(&th, NULL, server_main, &srv);

    /* The server says where it listens: port 0 became a real one. */
    char line[512], port[16] = "";
    while (fgets(line, sizeof line, status))
        if (sscanf(line, "tlssim: listening on 127.0.0.1:%15[0-9]", port) == 1)
            break;
    test_check(port[0] != '\0', "%s: the server reports its port", label);

    tls_live_config_default(&cli.cfg);
    cli.cfg.role = TLS_LIVE_CONNECT;
    cli.cfg.host = "127.0.0.1";
    cli.cfg.port = port[0] ? port : "1";
    cli.cfg.ems = client_ems;
    cli.cfg.timeout = 10;
    tls_live_run(&cli.cfg, &cli.trace, &cli.res, &cli.info);
    pthread_join(th, NULL);
    fclose(status);

    test_check(cli.res.ok, "%s: client ok (%s)", label, cli.res.why);
    test_check(srv.res.ok, "%s: server ok (%s)", label, srv.res.why);
    test_check(cli.info.suite == suite && srv.info.suite == suite, "%s: suite negotiated", label);
    bool ems = client_ems && server_ems;
    test_check(cli.info.ems == ems && srv.info.ems == ems,
               "%s: EMS used exactly when both sides want it", label);
    const tls_event *cm = value(&cli.trace, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT);
    const tls_event *sm = value(&srv.trace, TLS_VALUE_MASTER_SECRET, TLS_PARTY_SERVER);
    test_check(cm && sm && cm->len == 48 && sm->len == 48 && memcmp(cm->bytes, sm->bytes, 48) == 0,
               "%s: both sides derived the same master secret", label);
    test_check(cli.info.app_sent > 0 && cli.info.app_sent == srv.info.app_received &&
                   srv.info.app_sent > 0 && srv.info.app_sent == cli.info.app_received,
               "%s: the request and the page arrived whole (%zu/%zu, %zu/%zu)", label,
               cli.info.app_sent, srv.info.app_received, srv.info.app_sent,
               cli.info.app_received);
    test_check(strcmp(srv.info.server_name, "www.example.test") == 0,
               "%s: an IP address as host: the client sends the demo host as SNI", label);
    test_check(own_values_only(&cli.trace, TLS_PARTY_CLIENT) &&
                   own_values_only(&srv.trace, TLS_PARTY_SERVER),
               "%s: each trace knows its own values and infers the peer's", label);
    test_check(commentary_filed(&cli.trace, &srv.trace, suite->kx != TLS_KX_RSA),
               "%s: extensions and inferences noted under the peer's messages' steps", label);
    test_check(steps_consistent(&cli.trace) && steps_consistent(&srv.trace),
               "%s: records and wire values filed under their own steps", label);
    test_check(value(&cli.trace, suite->kx == TLS_KX_DHE_RSA ? TLS_VALUE_SERVER_DHE_PUBLIC
                                                              : TLS_VALUE_SERVER_ECDHE_PUBLIC,
                     TLS_PARTY_WIRE) != NULL ||
                   suite->kx == TLS_KX_RSA,
               "%s: the eavesdropper column is filled from the real bytes", label);
    tls_trace_free(&cli.trace);
    tls_trace_free(&srv.trace);
}

int main(void)
{
    size_t n;
    const tls_suite *suites = tls_suites_all(&n);
    for (size_t i = 0; i < n; i++)
        pair(&suites[i], true, true);
    const tls_suite *s = &suites[0];
    pair(s, true, false);
    pair(s, false, true);
    pair(s, false, false);
    return test_finish();
}
