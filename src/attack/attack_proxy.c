/*
 * The attacker as a TLS proxy: it ends the client's connection itself,
 * posing as the server with a certificate of its choice, and opens its own
 * connection to the real server as a client.  Two handshakes, two master
 * secrets: whether the client's one completes is the client's certificate
 * check alone.  The certificate attacks (fake-cert, expired-cert,
 * wrong-host) show which alert a client sends for each certificate
 * (pki_attack.h); trusted-proxy runs a client that installed the
 * attacker's CA, as a company's inspection proxy is installed, and the
 * attacker reads everything.  missing-intermediate forwards the server's
 * own certificate without the intermediate.
 *
 * The attacker's engines are the usual ones; they trace into a scratch
 * trace of their own (their records would be the channel's twice), and
 * what the attacker learns goes to the run's trace under its party.
 */
#include <stdlib.h>
#include <string.h>

#include "attack_internal.h"
#include "tlssim/engine.h"
#include "tlssim/pki_attack.h"

/* [0] faces the client (it is a server), [1] faces the server (a client). */
struct attack_proxy {
    tls_engine_config cfg[2];
    tls_engine *end[2];
    tls_trace scratch;
    bool closed[2];             /* close_notify sent on that side */
    bool told[2];               /* that side's master secret reported */
};

/* The attacker's engines, set up as the run's own would be: the one facing
 * the client accepts what the server accepts but presents \p id; the one
 * facing the server offers what the client offers, trusts what any client
 * trusts, and has no client certificate (it has no client's key). */
static bool proxy_start(tls_attacker *a, tls_attack_cert which)
{
    tls_key_kind kind = a->cfg.suite ? a->cfg.suite->auth : a->cfg.server_cert;
    const tls_demo_identity *id = tls_attack_identity(which, kind);
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    struct attack_proxy *px = calloc(1, sizeof *px);
    if (!px || !id || !creds) {
        free(px);
        return false;
    }
    tls_sim_engine_configs(&a->cfg, &px->cfg[1], &px->cfg[0]);
    px->cfg[0].chain = id->chain;
    px->cfg[0].key = id->key;
    px->cfg[0].scenario = px->cfg[1].scenario = NULL;
    px->cfg[1].trust = creds->trust;
    px->cfg[1].client_chain = NULL;
    px->cfg[1].client_key = NULL;
    tls_trace_init(&px->scratch);
    px->end[0] = tls_engine_new(TLS_PARTY_SERVER, &px->cfg[0], a->rng, &px->scratch);
    px->end[1] = tls_engine_new(TLS_PARTY_CLIENT, &px->cfg[1], a->rng, &px->scratch);
    a->proxy = px;
    if (!px->end[0] || !px->end[1]) {
        attack_proxy_end(a, NULL); /* the driver calls end only after a run */
        return false;
    }
    tls_x509_info info;
    if (tls_x509_describe(id->chain, 0, &info) == TLS_OK)
        attacker_note(a, 1, TLS_TEXT_PROXY_POSES,
                      TLS_ARGS(TLS_ARG_S("subject", info.subject),
                               TLS_ARG_S("issuer", info.issuer)));
    return true;
}

/* One side's handshake is over: its master secret, as the attacker holds it. */
static void proxy_tell(tls_attacker *a, int side, int step)
{
    struct attack_proxy *px = a->proxy;
    if (px->told[side] || !tls_engine_done(px->end[side]))
        return;
    px->told[side] = true;
    tls_party role = side == 0 ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
    const tls_event *m = tls_trace_find_value(&px->scratch, TLS_VALUE_MASTER_SECRET, role,
                                              TLS_STEP_AFTER);
    attacker_note(a, step, side == 0 ? TLS_TEXT_PROXY_CLIENT_SESSION
                                     : TLS_TEXT_PROXY_SERVER_SESSION, NULL);
    if (m)
        attacker_value(a, step, TLS_VALUE_MASTER_SECRET, m->bytes, m->len);
}

/* Application data that reached the attacker's engine on side \p in:
 * read, then sent on through the other side's session. */
static void proxy_relay(tls_attacker *a, int in, int step)
{
    struct attack_proxy *px = a->proxy;
    size_t n;
    const uint8_t *p = tls_engine_app_data(px->end[in], &n);
    if (n == 0)
        return;
    char text[TLS_VALUE_TEXT_MAX];
    tls_text_escape((const char *)p, n, text, sizeof text);
    tls_trace_value(a->trace, step, TLS_PARTY_ATTACKER,
                    in == 0 ? TLS_VALUE_CLIENT_APP_DATA : TLS_VALUE_SERVER_APP_DATA, p, n, text);
    attacker_note(a, step, TLS_TEXT_PROXY_RELAYED,
                  TLS_ARGS(TLS_ARG_U("bytes", n),
                           TLS_ARG_T("party", tls_party_name(in == 0 ? TLS_PARTY_CLIENT
                                                                     : TLS_PARTY_SERVER)),
                           TLS_ARG_T("peer", tls_party_name(in == 0 ? TLS_PARTY_SERVER
                                                                    : TLS_PARTY_CLIENT))));
    tls_engine_write_app_data(px->end[1 - in], p, n);
    tls_engine_app_data_consume(px->end[in], n);
}

void attack_proxy_record(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                         size_t len, tls_writer *out)
{
    struct attack_proxy *px = a->proxy;
    int in = sender == TLS_PARTY_CLIENT ? 0 : 1, on = 1 - in;
    tls_engine_feed(px->end[in], rec, len);
    proxy_relay(a, in, step);
    if (tls_engine_close_received(px->end[in]) && !px->closed[on]) {
        px->closed[on] = true;
        tls_engine_close(px->end[on]);
    }
    /* The other side's session moves one step with this one: the step
     * this record belongs to, as the attacker's engine numbers it too. */
    while (tls_engine_error(px->end[on]) == TLS_OK && tls_engine_my_turn(px->end[on]) &&
           tls_engine_step(px->end[on]) <= step)
        tls_engine_write_step(px->end[on]);
    proxy_tell(a, 0, step);
    proxy_tell(a, 1, step);
    size_t n;
    const uint8_t *p = tls_engine_output(px->end[on], &n);
    tls_writer_bytes(out, p, n);
    tls_engine_output_consume(px->end[on], n);
}

void attack_proxy_end(tls_attacker *a, const tls_sim_result *res)
{
    (void)res;
    struct attack_proxy *px = a->proxy;
    if (!px)
        return;
    tls_engine_free(px->end[0]);
    tls_engine_free(px->end[1]);
    tls_trace_free(&px->scratch);
    tls_wipe(px, sizeof *px);
    free(px);
    a->proxy = NULL;
}

bool attack_fake_cert_prepare(tls_attacker *a)
{
    return proxy_start(a, TLS_ATTACK_CERT_SELF_SIGNED);
}

bool attack_expired_cert_prepare(tls_attacker *a)
{
    return proxy_start(a, TLS_ATTACK_CERT_EXPIRED);
}

bool attack_wrong_host_prepare(tls_attacker *a)
{
    return proxy_start(a, TLS_ATTACK_CERT_WRONG_HOST);
}

bool attack_trusted_proxy_prepare(tls_attacker *a)
{
    attacker_note(a, 1, TLS_TEXT_PROXY_CA_INSTALLED, NULL);
    return proxy_start(a, TLS_ATTACK_CERT_OWN_CA);
}

/* The client trusts the attacker's CA, as a company's machines trust its
 * inspection proxy's; and the session carries a page for it to read. */
void attack_trusted_proxy_setup(tls_sim_config *cfg)
{
    cfg->client_trust = tls_attack_trust_with_ca();
    cfg->app_data = true;
}

/* missing-intermediate: the server's Certificate goes on with its leaf
 * only.  The client stops there (step 3), so the transcript that no longer
 * matches never comes into play. */
void attack_missing_intermediate(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                                 size_t len, tls_writer *out)
{
    uint8_t type;
    tls_reader body;
    tls_certificate_msg cm;
    memset(&cm, 0, sizeof cm);
    if (sender != TLS_PARTY_SERVER || !attacker_message(rec, len, &type, &body) ||
        type != TLS_HS_CERTIFICATE || tls_certificate_parse(&body, &cm) != TLS_OK ||
        cm.ncerts < 2) {
        tls_attacker_forward(rec, len, out);
        return;
    }
    cm.ncerts = 1;
    tls_writer w;
    tls_writer_init(&w);
    if (tls_certificate_write(&cm, &w) == TLS_OK) {
        attacker_rewrite(rec, w.data, w.len, out);
        attacker_note(a, step, TLS_TEXT_PROXY_STRIPPED_INTERMEDIATE, NULL);
    } else {
        tls_attacker_forward(rec, len, out);
    }
    tls_writer_free(&w);
}
