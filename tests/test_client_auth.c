/* Client authentication in-process: every policy × key exchange × suite
 * with and without a client certificate, the alert a requiring server
 * sends for an empty answer, a CertificateVerify over another transcript,
 * and corruption of every byte of the new messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/sim.h"

static const tls_event *value(const tls_trace *t, tls_value_kind kind, tls_party who)
{
    return tls_trace_find_value(t, kind, who, TLS_STEP_AFTER);
}

static bool same_value(const tls_trace *t, tls_value_kind kind, tls_party a, tls_party b)
{
    const tls_event *x = value(t, kind, a), *y = value(t, kind, b);
    return x && y && x->len > 0 && x->len == y->len && memcmp(x->bytes, y->bytes, x->len) == 0;
}

static tls_sim_config config(const tls_suite *suite, tls_client_auth policy, bool no_cert,
                             uint64_t seed)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.suite = suite;
    cfg.kx = suite->kx;
    cfg.seeded = true;
    cfg.seed = seed;
    cfg.client_auth = policy;
    cfg.client_no_cert = no_cert;
    return cfg;
}

/* One run that must complete along \p want, both sides agreeing. */
static void check_completes(const tls_suite *suite, tls_client_auth policy, bool no_cert,
                            tls_flow_auth want)
{
    static const tls_value_kind shared[] = {
        TLS_VALUE_MASTER_SECRET, TLS_VALUE_CLIENT_WRITE_KEY, TLS_VALUE_SERVER_WRITE_KEY,
        TLS_VALUE_CLIENT_VERIFY_DATA, TLS_VALUE_SERVER_VERIFY_DATA};
    tls_sim_config cfg = config(suite, policy, no_cert, 77);
    cfg.ems = true;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_err err = tls_sim_run(&cfg, &t, &res);
    const tls_flow *f = tls_sim_result_flow(&res);
    const char *label = suite->name;
    test_check(err == TLS_OK && res.ok, "%s policy %d no_cert %d completes (%s)", label, policy,
               no_cert, res.why);
    test_check(f->auth == want && f->kx == suite->kx, "%s policy %d no_cert %d: flow %s", label,
               policy, no_cert, f->name);
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++)
        test_check(same_value(&t, shared[i], TLS_PARTY_CLIENT, TLS_PARTY_SERVER),
                   "%s: %s identical on both sides", label, tls_value_name(shared[i]));
    bool cert = want == TLS_FLOW_AUTH_CERT;
    test_check(cert == same_value(&t, TLS_VALUE_CLIENT_CERTIFICATE, TLS_PARTY_CLIENT,
                                  TLS_PARTY_SERVER),
               "%s: the server %s the client's certificate", label, cert ? "has" : "lacks");
    test_check(cert == same_value(&t, TLS_VALUE_CERTIFICATE_VERIFY_HASH, TLS_PARTY_CLIENT,
                                  TLS_PARTY_SERVER),
               "%s: both sides hashed the same transcript for CertificateVerify", label);
    test_check(cert == (value(&t, TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE, TLS_PARTY_WIRE) != NULL),
               "%s: the eavesdropper sees the CertificateVerify signature", label);
    tls_trace_free(&t);
}

static void test_every_flow(void)
{
    size_t n;
    const tls_suite *suites = tls_suites_all(&n);
    for (size_t s = 0; s < n; s++) {
        check_completes(&suites[s], TLS_CLIENT_AUTH_OFF, false, TLS_FLOW_AUTH_NONE);
        check_completes(&suites[s], TLS_CLIENT_AUTH_REQUEST, false, TLS_FLOW_AUTH_CERT);
        check_completes(&suites[s], TLS_CLIENT_AUTH_REQUIRE, false, TLS_FLOW_AUTH_CERT);
        check_completes(&suites[s], TLS_CLIENT_AUTH_REQUEST, true, TLS_FLOW_AUTH_EMPTY);
    }
}

/* RFC 5246 §7.4.6: a server that requires a certificate answers an empty
 * one with handshake_failure (certificate_required is TLS 1.3's). */
static void test_required_but_empty(void)
{
    for (int kx = 0; kx < 2; kx++) {
        tls_sim_config cfg = config(tls_suite_default((tls_kx)kx), TLS_CLIENT_AUTH_REQUIRE, true, 3);
        tls_trace t;
        tls_trace_init(&t);
        tls_sim_result res;
        tls_sim_run(&cfg, &t, &res);
        const tls_msg_info *m = tls_flow_msg(tls_sim_result_flow(&res), res.failed_step);
        test_check(!res.ok && res.err == TLS_ERR_HANDSHAKE_FAILURE &&
                       res.failed_party == TLS_PARTY_SERVER && m &&
                       m->kind == TLS_MSG_CLIENT_CERTIFICATE,
                   "kx %d: empty Certificate to a requiring server: handshake_failure at the "
                   "client's Certificate (%s)", kx, res.why);
        bool alert = false;
        for (size_t i = 0; i < t.n; i++)
            alert |= t.ev[i].kind == TLS_EV_ALERT && t.ev[i].alert_desc == 40;
        test_check(alert, "kx %d: alert 40 (handshake_failure) sent", kx);
        tls_trace_free(&t);
    }
}

/* The records of a client-auth run in channel order: their steps and sizes. */
static size_t auth_records(tls_kx kx, int *steps, size_t *sizes, size_t max)
{
    tls_sim_config cfg = config(tls_suite_default(kx), TLS_CLIENT_AUTH_REQUIRE, false, 5);
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_run(&cfg, &t, NULL);
    size_t n = 0;
    for (size_t i = 0; i < t.n && n < max; i++) {
        if (t.ev[i].kind == TLS_EV_RECORD && t.ev[i].step != TLS_STEP_AFTER) {
            steps[n] = t.ev[i].step;
            sizes[n++] = t.ev[i].len;
        }
    }
    tls_trace_free(&t);
    return n;
}

static tls_sim_result tamper(tls_kx kx, size_t record, size_t offset, uint8_t mask)
{
    tls_sim_config cfg = config(tls_suite_default(kx), TLS_CLIENT_AUTH_REQUIRE, false, 5);
    cfg.tamper = (tls_tamper){true, record, offset, mask};
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    tls_trace_free(&t);
    return res;
}

/* A byte of the CA names in CertificateRequest changed on the way: the
 * client signs its transcript, the server checks the signature over its
 * own, and they differ.  The signature is good, the transcript is not. */
static void test_wrong_transcript(void)
{
    int steps[20];
    size_t sizes[20];
    size_t n = auth_records(TLS_KX_ECDHE_RSA, steps, sizes, 20);
    size_t cr = 0;
    while (cr < n && steps[cr] != 5)
        cr++;
    test_check(cr < n, "CertificateRequest's record found");
    /* The last byte of the record: inside the CA's distinguished name. */
    tls_sim_result res = tamper(TLS_KX_ECDHE_RSA, cr, sizes[cr] - 1, 0x20);
    const tls_msg_info *m = tls_flow_msg(tls_sim_result_flow(&res), res.failed_step);
    test_check(!res.ok && res.err == TLS_ERR_DECRYPT_ERROR && res.failed_party == TLS_PARTY_SERVER &&
                   m && m->kind == TLS_MSG_CERTIFICATE_VERIFY,
               "CertificateVerify over another transcript: decrypt_error at CertificateVerify (%s)",
               res.why);
}

/* Every byte of CertificateRequest, the client's Certificate and
 * CertificateVerify, flipped: each run ends in an alert, at or after the
 * step of the record that was changed, found by the receiver. */
static void test_byte_flips(void)
{
    static const uint8_t masks[] = {0xff, 0x01};
    for (int kx = 0; kx < 2; kx++) {
        int steps[20];
        size_t sizes[20];
        size_t n = auth_records((tls_kx)kx, steps, sizes, 20), runs = 0, bad = 0;
        const tls_flow *f = tls_flow_find((tls_kx)kx, TLS_FLOW_AUTH_CERT);
        for (size_t r = 0; r < n; r++) {
            tls_msg_kind k = tls_flow_msg(f, steps[r])->kind;
            if (k != TLS_MSG_CERTIFICATE_REQUEST && k != TLS_MSG_CLIENT_CERTIFICATE &&
                k != TLS_MSG_CERTIFICATE_VERIFY)
                continue;
            for (size_t off = 0; off < sizes[r]; off++) {
                for (size_t m = 0; m < sizeof masks; m++) {
                    tls_sim_result res = tamper((tls_kx)kx, r, off, masks[m]);
                    const tls_msg_info *fm = tls_flow_msg(tls_sim_result_flow(&res), res.failed_step);
                    bool ok = !res.ok && res.failed_step >= steps[r] &&
                              (!fm || fm->sender != res.failed_party);
                    runs++;
                    if (!ok && bad++ < 5)
                        test_check(false, "kx %d record %zu byte %zu ^%02x: %s at step %d", kx, r,
                                   off, masks[m], res.ok ? "succeeded" : res.why, res.failed_step);
                }
            }
        }
        test_check(bad == 0 && runs > 1000, "kx %d: %zu corrupted runs over the new messages, "
                   "every one stopped by an alert", kx, runs);
    }
}

int main(void)
{
    test_every_flow();
    test_required_but_empty();
    test_wrong_transcript();
    test_byte_flips();
    return test_finish();
}
