/* The attack lab's certificates (issue 13): each one a man in the middle
 * could present, against a real client engine, stops the handshake where
 * and with the alert a real TLS 1.2 client does (step 3: unknown_ca,
 * certificate_expired, bad_certificate); with the attacker's CA installed
 * the same leaf passes.  Also the verdict itself, including a client that
 * asked for an IP address the certificate does not name, and the attacks
 * that present them (--attack fake-cert, expired-cert, wrong-host,
 * missing-intermediate): who stops them, where, with which alert, and that
 * the attacker learns no secret. */
#include <string.h>

#include "attack_run.h"
#include "testutil.h"
#include "tlssim/engine.h"
#include "tlssim/pki_attack.h"

static tls_rng *rng;

/* Pump a client and a server until neither has anything to say. */
static void pump(tls_engine *cli, tls_engine *srv)
{
    for (int round = 0; round < 64; round++) {
        bool moved = false;
        tls_engine *ends[2] = {cli, srv};
        for (int i = 0; i < 2; i++) {
            tls_engine *me = ends[i], *peer = ends[1 - i];
            while (tls_engine_error(me) == TLS_OK && tls_engine_my_turn(me) &&
                   tls_engine_write_step(me) == TLS_OK)
                moved = true;
            size_t n;
            const uint8_t *out = tls_engine_output(me, &n);
            if (n) {
                tls_engine_feed(peer, out, n);
                tls_engine_output_consume(me, n);
                moved = true;
            }
        }
        if (!moved)
            return;
    }
}

/* A client that wants \p host and trusts \p trust, against a server that
 * presents \p id with suite \p suite: the client must stop with \p want at
 * step 3 (TLS_OK: the handshake completes). */
static void check_attack_cert(const char *what, const tls_demo_identity *id, uint16_t suite,
                              const char *host, const tls_x509 *trust, tls_err want)
{
    tls_engine_config cc = {0}, sc = {0};
    cc.server_name = host;
    cc.trust = trust;
    sc.suites[0] = tls_suite_by_id(suite);
    sc.nsuites = 1;
    sc.chain = id ? id->chain : NULL;
    sc.key = id ? id->key : NULL;
    tls_trace t;
    tls_trace_init(&t);
    tls_engine *cli = tls_engine_new(TLS_PARTY_CLIENT, &cc, rng, &t);
    tls_engine *srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    test_check(id && cli && srv, "%s: the certificate loads", what);
    if (id && cli && srv)
        pump(cli, srv);
    tls_err got = tls_engine_error(cli);
    if (want == TLS_OK) {
        test_check(got == TLS_OK && tls_engine_done(cli) && tls_engine_done(srv),
                   "%s: both sides finish (%s)", what, tls_engine_why(cli));
    } else {
        test_check(got == want && tls_engine_error_step(cli) == 3,
                   "%s: the client stops at step 3 with alert %d (got error %d at step %d: %s)",
                   what, tls_err_alert(want), (int)got, tls_engine_error_step(cli),
                   tls_engine_why(cli));
        test_check(tls_engine_error(srv) == tls_err_recv_alert((uint8_t)tls_err_alert(want)),
                   "%s: the server receives that alert (its error %d)", what,
                   (int)tls_engine_error(srv));
    }
    tls_engine_free(cli);
    tls_engine_free(srv);
    tls_trace_free(&t);
}

static void test_handshakes(tls_key_kind kind, uint16_t suite)
{
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    const tls_x509 *root = creds->trust, *both = tls_attack_trust_with_ca();
    test_check(both != NULL, "the trust store with the attacker's CA loads");
    const char *host = TLS_DEMO_HOST;
    check_attack_cert("the demo server", tls_demo_server(kind), suite, host, root, TLS_OK);
    check_attack_cert("fake-cert (the attacker's CA)",
                      tls_attack_identity(TLS_ATTACK_CERT_OWN_CA, kind), suite, host, root,
                      TLS_ERR_UNKNOWN_CA);
    check_attack_cert("fake-cert (self-signed)",
                      tls_attack_identity(TLS_ATTACK_CERT_SELF_SIGNED, kind), suite, host, root,
                      TLS_ERR_UNKNOWN_CA);
    check_attack_cert("expired-cert", tls_attack_identity(TLS_ATTACK_CERT_EXPIRED, kind), suite,
                      host, root, TLS_ERR_CERTIFICATE_EXPIRED);
    check_attack_cert("wrong-host", tls_attack_identity(TLS_ATTACK_CERT_WRONG_HOST, kind), suite,
                      host, root, TLS_ERR_BAD_CERTIFICATE);
    check_attack_cert("wrong-host (an IP address)", tls_demo_server(kind), suite, "192.0.2.1",
                      root, TLS_ERR_BAD_CERTIFICATE);
    check_attack_cert("missing-intermediate",
                      tls_attack_identity(TLS_ATTACK_CERT_NO_INTERMEDIATE, kind), suite, host,
                      root, TLS_ERR_UNKNOWN_CA);
    check_attack_cert("trusted-proxy (the attacker's CA installed)",
                      tls_attack_identity(TLS_ATTACK_CERT_OWN_CA, kind), suite, host, both,
                      TLS_OK);
    check_attack_cert("self-signed, the attacker's CA installed",
                      tls_attack_identity(TLS_ATTACK_CERT_SELF_SIGNED, kind), suite, host, both,
                      TLS_ERR_UNKNOWN_CA);
}

/* The verdict's parts: which checks fail for each certificate. */
static void test_verdicts(void)
{
    const tls_x509 *root = tls_demo_credentials_get()->trust;
    tls_x509_verdict v;
    const tls_demo_identity *exp = tls_attack_identity(TLS_ATTACK_CERT_EXPIRED, TLS_KEY_RSA);
    test_check(tls_x509_verify(exp->chain, root, TLS_DEMO_HOST, &v) ==
                       TLS_ERR_CERTIFICATE_EXPIRED &&
                   v.chain_ok && !v.dates_ok && v.host_ok,
               "expired: the chain and the name pass, the dates do not");
    const tls_demo_identity *other = tls_attack_identity(TLS_ATTACK_CERT_WRONG_HOST, TLS_KEY_RSA);
    test_check(tls_x509_verify(other->chain, root, TLS_DEMO_HOST, &v) == TLS_ERR_BAD_CERTIFICATE &&
                   v.chain_ok && v.dates_ok && !v.host_ok,
               "wrong-host: only the name fails");
    test_check(tls_x509_verify(other->chain, root, TLS_ATTACK_OTHER_HOST, &v) == TLS_OK,
               "wrong-host: the certificate is good for %s", TLS_ATTACK_OTHER_HOST);
    const tls_x509 *demo = tls_demo_server(TLS_KEY_RSA)->chain;
    test_check(tls_x509_verify(demo, root, "192.0.2.1", &v) == TLS_ERR_BAD_CERTIFICATE &&
                   v.chain_ok && !v.host_ok,
               "an IP address the certificate does not name: only the name fails");
    const tls_demo_identity *alone = tls_attack_identity(TLS_ATTACK_CERT_NO_INTERMEDIATE,
                                                         TLS_KEY_RSA);
    test_check(tls_x509_count(alone->chain) == 1 &&
                   tls_x509_verify(alone->chain, root, TLS_DEMO_HOST, &v) == TLS_ERR_UNKNOWN_CA &&
                   !v.chain_ok && v.host_ok && v.dates_ok,
               "missing-intermediate: one certificate, the path fails (unknown_ca)");
    tls_x509_link links[TLS_X509_MAX_LINKS];
    size_t n = tls_x509_path(alone->chain, root, links, TLS_X509_MAX_LINKS);
    test_check(n == 1 && !links[0].issuer_found,
               "missing-intermediate: the leaf's issuer is nowhere (%zu links)", n);
}

/* The alert \p by sent in \p t, or -1. */
static int alert_sent(const tls_trace *t, tls_party by)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_ALERT && t->ev[i].party == by)
            return t->ev[i].alert_desc;
    return -1;
}

/* The attack lab's runs (--attack NAME): the client stops the handshake at
 * step 3 with \p want, and the attacker knows no secret of the session. */
static void check_attack_run(const char *name, tls_key_kind cert, tls_kx kx, tls_err want)
{
    tls_trace t;
    tls_sim_result res;
    bool a = attack_run_seeded(name, kx, cert, 9, &t, &res);
    test_check(a && !res.ok && res.failed_step == 3 && res.failed_party == TLS_PARTY_CLIENT &&
                   res.err == want,
               "%s (kx %d, key %d): the client stops it at step 3 with error %d (got %d at "
               "step %d: %s)", name, (int)kx, (int)cert, (int)want, a ? (int)res.err : -1,
               a ? res.failed_step : -1, a ? res.why : "");
    test_check(alert_sent(&t, TLS_PARTY_CLIENT) == tls_err_alert(want),
               "%s: the client's alert is %d", name, tls_err_alert(want));
    const tls_value_kind none[] = {TLS_VALUE_PRE_MASTER_SECRET, TLS_VALUE_MASTER_SECRET,
                                   TLS_VALUE_CLIENT_APP_DATA};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        test_check(!tls_trace_find_value(&t, none[i], TLS_PARTY_ATTACKER, TLS_STEP_AFTER),
                   "%s: the attacker knows no %s", name, tls_value_name(none[i]));
    tls_trace_free(&t);
}

static void test_attack_runs(void)
{
    const tls_kx kxs[] = {TLS_KX_ECDHE_RSA, TLS_KX_RSA, TLS_KX_DHE_RSA};
    for (size_t k = 0; k < sizeof kxs / sizeof kxs[0]; k++) {
        check_attack_run("fake-cert", TLS_KEY_RSA, kxs[k], TLS_ERR_UNKNOWN_CA);
        check_attack_run("expired-cert", TLS_KEY_RSA, kxs[k], TLS_ERR_CERTIFICATE_EXPIRED);
        check_attack_run("wrong-host", TLS_KEY_RSA, kxs[k], TLS_ERR_BAD_CERTIFICATE);
        check_attack_run("missing-intermediate", TLS_KEY_RSA, kxs[k], TLS_ERR_UNKNOWN_CA);
    }
    check_attack_run("fake-cert", TLS_KEY_ECDSA, TLS_KX_ECDHE_RSA, TLS_ERR_UNKNOWN_CA);
    check_attack_run("expired-cert", TLS_KEY_ECDSA, TLS_KX_ECDHE_RSA, TLS_ERR_CERTIFICATE_EXPIRED);
    check_attack_run("wrong-host", TLS_KEY_ECDSA, TLS_KX_ECDHE_RSA, TLS_ERR_BAD_CERTIFICATE);
    check_attack_run("missing-intermediate", TLS_KEY_ECDSA, TLS_KX_ECDHE_RSA, TLS_ERR_UNKNOWN_CA);
}

static bool same_bytes(const tls_event *a, const tls_event *b)
{
    return a && b && a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

/* trusted-proxy: the client trusts the attacker's CA; both handshakes
 * complete, the attacker holds both sessions' master secrets (one the
 * client's, one the server's, and they differ) and the plaintext. */
static void check_trusted_proxy(tls_key_kind cert, tls_kx kx)
{
    tls_trace t;
    tls_sim_result res;
    attack_run_seeded("trusted-proxy", kx, cert, 10, &t, &res);
    test_check(res.ok, "trusted-proxy (kx %d, key %d): both handshakes and the page succeed (%s)",
               (int)kx, (int)cert, res.why);
    const tls_event *mine[2] = {NULL, NULL};
    size_t n = 0;
    for (size_t i = 0; i < t.n; i++)
        if (t.ev[i].kind == TLS_EV_VALUE && t.ev[i].party == TLS_PARTY_ATTACKER &&
            t.ev[i].value == TLS_VALUE_MASTER_SECRET && n < 2)
            mine[n++] = &t.ev[i];
    const tls_event *cm = tls_trace_find_value(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT,
                                               TLS_STEP_AFTER);
    const tls_event *sm = tls_trace_find_value(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_SERVER,
                                               TLS_STEP_AFTER);
    test_check(n == 2 && same_bytes(mine[0], cm) && same_bytes(mine[1], sm) && !same_bytes(cm, sm),
               "trusted-proxy (kx %d, key %d): the attacker holds the client's and the server's "
               "master secrets, two different ones", (int)kx, (int)cert);
    const tls_event *req = tls_trace_find_value(&t, TLS_VALUE_CLIENT_APP_DATA, TLS_PARTY_ATTACKER,
                                                TLS_STEP_AFTER);
    const tls_event *page = tls_trace_find_value(&t, TLS_VALUE_SERVER_APP_DATA,
                                                 TLS_PARTY_ATTACKER, TLS_STEP_AFTER);
    test_check(req && req->len > 16 && memcmp(req->bytes, "GET / HTTP/1.1\r\n", 16) == 0,
               "trusted-proxy: the attacker reads the request");
    test_check(page && page->len > 12 && memcmp(page->bytes, "HTTP/1.1 200", 12) == 0,
               "trusted-proxy: the attacker reads the page");
    tls_trace_free(&t);
}

int main(void)
{
    rng = tls_rng_new_seeded(13, "attack-certs");
    test_check(rng && tls_demo_credentials_get(), "setup");
    if (!rng)
        return test_finish();
    test_verdicts();
    test_handshakes(TLS_KEY_RSA, 0xc02f);   /* ECDHE_RSA_WITH_AES_128_GCM_SHA256 */
    test_handshakes(TLS_KEY_RSA, 0x009c);   /* RSA_WITH_AES_128_GCM_SHA256 */
    test_handshakes(TLS_KEY_ECDSA, 0xc02b); /* ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 */
    test_attack_runs();
    check_trusted_proxy(TLS_KEY_RSA, TLS_KX_ECDHE_RSA);
    check_trusted_proxy(TLS_KEY_RSA, TLS_KX_RSA);
    check_trusted_proxy(TLS_KEY_RSA, TLS_KX_DHE_RSA);
    check_trusted_proxy(TLS_KEY_ECDSA, TLS_KX_ECDHE_RSA);
    tls_rng_free(rng);
    return test_finish();
}
