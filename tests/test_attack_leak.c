/* record-then-leak (issue 13): a recorded session and, afterwards, the
 * server's private key.  With RSA key exchange the attacker recovers the
 * pre-master, the master secret, the keys (each equal to the server's own)
 * and the application data; with ECDHE or DHE it gets nothing, and says
 * which ephemeral key it would have needed; another key opens nothing. */
#include <string.h>

#include "attack_leak.h"
#include "attack_run.h"
#include "testutil.h"
#include "tlssim/pki.h"
#include "tlssim/pki_attack.h"
#include "tlssim/sim.h"

/* The recording, as the attacker would have made it: every record that
 * crossed, in order, from the run's RECORD events (one per record, traced
 * by its receiver, party = sender). */
static void record_run(const tls_trace *t, attack_recording *r)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_RECORD)
            attack_recording_add(r, t->ev[i].party, t->ev[i].bytes, t->ev[i].len);
}

static bool same_value(const tls_trace *a, tls_party pa, const tls_trace *b, tls_party pb,
                       tls_value_kind k)
{
    const tls_event *x = tls_trace_find_value(a, k, pa, TLS_STEP_AFTER);
    const tls_event *y = tls_trace_find_value(b, k, pb, TLS_STEP_AFTER);
    return x && y && x->len == y->len && memcmp(x->bytes, y->bytes, x->len) == 0;
}

static bool starts_with(const tls_event *v, const char *s)
{
    return v && v->len >= strlen(s) && memcmp(v->bytes, s, strlen(s)) == 0;
}

/* One run of \p suite with the page after the handshake, then the leak of
 * \p leaked, replayed directly (attack_leak_replay); the attacker's
 * values go to a trace of their own. */
static attack_leak_result leak_run(const char *what, const char *suite, bool ems,
                                   const tls_privkey *leaked, tls_trace *run, tls_trace *out)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.suite = tls_suite_parse(suite);
    cfg.server_cert = cfg.suite ? cfg.suite->auth : TLS_KEY_RSA;
    cfg.seeded = true;
    cfg.seed = 41;
    cfg.ems = ems;
    cfg.app_data = true;
    tls_sim_result res;
    tls_sim_run(&cfg, run, &res);
    test_check(res.ok, "%s: the session itself succeeds (%s)", what, res.why);
    attack_recording r;
    attack_recording_init(&r);
    record_run(run, &r);
    test_check(r.records >= 13, "%s: the whole session is recorded (%zu records)", what,
               r.records);
    attack_leak_result got = attack_leak_replay(&r, leaked, out, TLS_STEP_AFTER, TLS_PARTY_ATTACKER);
    attack_recording_free(&r);
    return got;
}

static void check_rsa(const char *suite, bool ems)
{
    tls_trace run, out;
    tls_trace_init(&run);
    tls_trace_init(&out);
    const tls_privkey *key = tls_demo_server(TLS_KEY_RSA)->key;
    attack_leak_result got = leak_run(suite, suite, ems, key, &run, &out);
    test_check(got == ATTACK_LEAK_DECRYPTED, "%s: the leaked key decrypts the recording", suite);
    const tls_value_kind same[] = {TLS_VALUE_PRE_MASTER_SECRET, TLS_VALUE_MASTER_SECRET,
                                   TLS_VALUE_KEY_BLOCK, TLS_VALUE_CLIENT_WRITE_KEY,
                                   TLS_VALUE_SERVER_WRITE_KEY, TLS_VALUE_CLIENT_WRITE_IV};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        test_check(same_value(&out, TLS_PARTY_ATTACKER, &run, TLS_PARTY_SERVER, same[i]),
                   "%s: the attacker's %s is the server's", suite, tls_value_name(same[i]));
    const tls_event *req = tls_trace_find_value(&out, TLS_VALUE_CLIENT_APP_DATA, TLS_PARTY_ATTACKER,
                                                TLS_STEP_AFTER);
    const tls_event *page = tls_trace_find_value(&out, TLS_VALUE_SERVER_APP_DATA, TLS_PARTY_ATTACKER,
                                                 TLS_STEP_AFTER);
    test_check(starts_with(req, "GET / HTTP/1.1\r\n") && req->text &&
                   strncmp(req->text, "GET / HTTP/1.1\\x0d\\x0a", 22) == 0,
               "%s: the attacker reads the request (text '%s')", suite,
               req && req->text ? req->text : "");
    test_check(starts_with(page, "HTTP/1.1 200"), "%s: the attacker reads the page", suite);
    bool checked = false;
    for (size_t i = 0; i < out.n; i++)
        if (out.ev[i].kind == TLS_EV_CHECK && out.ev[i].what == TLS_TEXT_CHECK_LEAK_KEYS)
            checked = out.ev[i].ok;
    test_check(checked, "%s: both recorded Finished verify with the recovered keys", suite);
    tls_trace_free(&run);
    tls_trace_free(&out);
}

static void check_forward_secret(const char *suite)
{
    tls_trace run, out;
    tls_trace_init(&run);
    tls_trace_init(&out);
    const tls_suite *s = tls_suite_parse(suite);
    const tls_privkey *key = tls_demo_server(s ? s->auth : TLS_KEY_RSA)->key;
    attack_leak_result got = leak_run(suite, suite, false, key, &run, &out);
    test_check(got == ATTACK_LEAK_FORWARD_SECRET, "%s: the leaked key opens nothing (%d)", suite,
               (int)got);
    const tls_value_kind none[] = {TLS_VALUE_PRE_MASTER_SECRET, TLS_VALUE_MASTER_SECRET,
                                   TLS_VALUE_CLIENT_APP_DATA, TLS_VALUE_SERVER_APP_DATA};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        test_check(!tls_trace_find_value(&out, none[i], TLS_PARTY_ATTACKER, TLS_STEP_AFTER),
                   "%s: the attacker has no %s", suite, tls_value_name(none[i]));
    bool said = false;
    for (size_t i = 0; i < out.n; i++)
        if (out.ev[i].kind == TLS_EV_NOTE && out.ev[i].msg &&
            out.ev[i].msg->id == TLS_TEXT_LEAK_FORWARD_SECRET)
            said = strstr(out.ev[i].text, s && s->kx == TLS_KX_DHE_RSA ? "server_dhe_private"
                                                                    : "server_ecdhe_private");
    test_check(said, "%s: the attacker says which ephemeral key it would need", suite);
    tls_trace_free(&run);
    tls_trace_free(&out);
}

/* --attack record-then-leak: what the attacker knows at the end, under
 * its own party: with RSA the server's master secret and the plaintext,
 * with ECDHE or DHE neither. */
static void check_lab(tls_kx kx, tls_key_kind cert)
{
    tls_trace t;
    tls_sim_result res;
    attack_run_seeded("record-then-leak", kx, cert, 12, &t, &res);
    test_check(res.ok, "record-then-leak (kx %d): the session itself is undisturbed", (int)kx);
    bool rsa = kx == TLS_KX_RSA;
    bool master = same_value(&t, TLS_PARTY_ATTACKER, &t, TLS_PARTY_SERVER,
                             TLS_VALUE_MASTER_SECRET);
    const tls_event *req = tls_trace_find_value(&t, TLS_VALUE_CLIENT_APP_DATA,
                                                TLS_PARTY_ATTACKER, TLS_STEP_AFTER);
    test_check(master == rsa, "record-then-leak (kx %d): the attacker %s the server's master "
               "secret", (int)kx, rsa ? "recovers" : "does not have");
    test_check(rsa ? starts_with(req, "GET / HTTP/1.1") : req == NULL,
               "record-then-leak (kx %d): the attacker %s the request", (int)kx,
               rsa ? "reads" : "cannot read");
    tls_trace_free(&t);
}

int main(void)
{
    test_check(tls_demo_credentials_get() != NULL, "the demo PKI loads");
    check_rsa("TLS_RSA_WITH_AES_128_GCM_SHA256", false);
    check_rsa("TLS_RSA_WITH_AES_256_GCM_SHA384", true);
    check_rsa("TLS_RSA_WITH_AES_128_CBC_SHA", false);
    check_forward_secret("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    check_forward_secret("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
    check_forward_secret("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

    check_lab(TLS_KX_RSA, TLS_KEY_RSA);
    check_lab(TLS_KX_ECDHE_RSA, TLS_KEY_RSA);
    check_lab(TLS_KX_DHE_RSA, TLS_KEY_RSA);
    check_lab(TLS_KX_ECDHE_RSA, TLS_KEY_ECDSA);

    /* Another key (the attacker's own) opens nothing of an RSA session. */
    tls_trace run, out;
    tls_trace_init(&run);
    tls_trace_init(&out);
    const tls_privkey *other = tls_attack_identity(TLS_ATTACK_CERT_SELF_SIGNED, TLS_KEY_RSA)->key;
    test_check(leak_run("another key", "TLS_RSA_WITH_AES_128_GCM_SHA256", false, other, &run,
                        &out) == ATTACK_LEAK_NOTHING &&
                   !tls_trace_find_value(&out, TLS_VALUE_MASTER_SECRET, TLS_PARTY_ATTACKER,
                                         TLS_STEP_AFTER),
               "another RSA key opens nothing");
    tls_trace_free(&run);
    tls_trace_free(&out);
    return test_finish();
}
