/* The attack lab (tlssim/attack.h): each attack, with ECDHE and DHE, run
 * with a seed; who stops the handshake, at which step, with which alert,
 * and what the attacker knows at the end (values under party attacker). */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/attack.h"

/* What each attack must end in (a real TLS 1.2 stack's outcome). */
typedef struct expect {
    const char *attack;
    int step;               /* TLS_STEP_AFTER: after the handshake */
    tls_party by;
    tls_err err;
    int alert;              /* the alert the detecting side sends, -1: none */
} expect;

static const expect outcomes[] = {
    {"swap-server-key", 4, TLS_PARTY_CLIENT, TLS_ERR_DECRYPT_ERROR, 51},
    {"swap-client-key", 8, TLS_PARTY_SERVER, TLS_ERR_BAD_RECORD_MAC, 20},
    {"replay-ske", 4, TLS_PARTY_CLIENT, TLS_ERR_DECRYPT_ERROR, 51},
    {"downgrade", 8, TLS_PARTY_SERVER, TLS_ERR_DECRYPT_ERROR, 51},
    {"truncation", TLS_STEP_AFTER, TLS_PARTY_CLIENT, TLS_ERR_TRUNCATED, -1},
};

static const tls_event *value(const tls_trace *t, tls_value_kind k, tls_party who)
{
    return tls_trace_find_value(t, k, who, TLS_STEP_AFTER);
}

static bool same(const tls_event *a, const tls_event *b)
{
    return a && b && a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

/* The alert the side that stopped the run sent, or -1. */
static int alert_sent(const tls_trace *t, tls_party by)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_ALERT && t->ev[i].party == by)
            return t->ev[i].alert_desc;
    return -1;
}

/* A changed record: the attacker's bytes are marked on the receiver's event. */
static bool any_changed(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_RECORD && t->ev[i].changed_len > 0)
            return true;
    return false;
}

/* What the attacker holds at the end of each attack. */
static void check_knowledge(const char *name, tls_kx kx, const tls_trace *t)
{
    bool dhe = kx == TLS_KX_DHE_RSA;
    const tls_event *pm = value(t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_ATTACKER);
    const tls_event *ms = value(t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_ATTACKER);
    if (strcmp(name, "swap-client-key") == 0) {
        /* It shares the server's secrets, not the client's. */
        test_check(same(pm, value(t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_SERVER)),
                   "%s/%d: the attacker's pre-master is the server's", name, kx);
        test_check(same(ms, value(t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_SERVER)),
                   "%s/%d: the attacker's master secret is the server's", name, kx);
        test_check(!same(ms, value(t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT)),
                   "%s/%d: ... and not the client's", name, kx);
        test_check(same(value(t, dhe ? TLS_VALUE_CLIENT_DHE_PUBLIC : TLS_VALUE_CLIENT_ECDHE_PUBLIC,
                              TLS_PARTY_ATTACKER),
                        value(t, dhe ? TLS_VALUE_CLIENT_DHE_PUBLIC : TLS_VALUE_CLIENT_ECDHE_PUBLIC,
                              TLS_PARTY_WIRE)),
                   "%s/%d: the key the wire shows the server is the attacker's", name, kx);
        return;
    }
    test_check(!pm && !ms, "%s/%d: the attacker knows no pre-master or master secret", name, kx);
    if (strcmp(name, "swap-server-key") == 0) {
        tls_value_kind pub = dhe ? TLS_VALUE_SERVER_DHE_PUBLIC : TLS_VALUE_SERVER_ECDHE_PUBLIC;
        const tls_event *mine = value(t, pub, TLS_PARTY_ATTACKER);
        test_check(mine && !same(mine, value(t, pub, TLS_PARTY_SERVER)),
                   "%s/%d: the attacker's key is its own, not the server's", name, kx);
    } else if (strcmp(name, "replay-ske") == 0) {
        const tls_event *old = value(t, TLS_VALUE_SERVER_RANDOM, TLS_PARTY_ATTACKER);
        test_check(old && !same(old, value(t, TLS_VALUE_SERVER_RANDOM, TLS_PARTY_CLIENT)),
                   "%s/%d: the replayed message is from a session with another random",
                   name, kx);
    }
}

static void run_one(const expect *x, tls_kx kx, uint64_t seed, tls_trace *t, tls_sim_result *res)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.seeded = true;
    cfg.seed = seed;
    cfg.app_data = true;
    tls_trace_init(t);
    tls_attack_run(tls_attack_find(x->attack), &cfg, t, res);
}

static void check_attack(const expect *x, tls_kx kx)
{
    tls_trace t;
    tls_sim_result res;
    run_one(x, kx, 7, &t, &res);
    test_check(!res.ok && res.failed_step == x->step, "%s/%d: stopped at step %d (got %d)",
               x->attack, kx, x->step, res.failed_step);
    test_check(res.failed_party == x->by, "%s/%d: stopped by the %s", x->attack, kx,
               tls_party_name(x->by));
    test_check(res.err == x->err, "%s/%d: error %s (got %s)", x->attack, kx,
               tls_err_name(x->err), tls_err_name(res.err));
    test_check(alert_sent(&t, x->by) == x->alert, "%s/%d: alert %d sent (got %d)", x->attack,
               kx, x->alert, alert_sent(&t, x->by));
    test_check(x->step == TLS_STEP_AFTER || any_changed(&t),
               "%s/%d: the changed bytes are marked on a record", x->attack, kx);
    check_knowledge(x->attack, kx, &t);
    /* --seed fixes the attacker's keys too: the same run twice is the same. */
    tls_trace again;
    tls_sim_result res2;
    run_one(x, kx, 7, &again, &res2);
    bool equal = again.n == t.n;
    for (size_t i = 0; equal && i < t.n; i++)
        equal = t.ev[i].len == again.ev[i].len &&
                (!t.ev[i].len || memcmp(t.ev[i].bytes, again.ev[i].bytes, t.ev[i].len) == 0);
    test_check(equal, "%s/%d: the same seed gives the same run", x->attack, kx);
    tls_trace_free(&again);
    tls_trace_free(&t);
}

/* The step at which the client's request (its first application-data
 * record) crossed, or -1. */
static int request_step(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_RECORD && t->ev[i].party == TLS_PARTY_CLIENT &&
            t->ev[i].content_type == 23)
            return t->ev[i].step;
    return -1;
}

static bool has_note(const tls_trace *t, tls_party who, tls_text_id id)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_NOTE && t->ev[i].party == who && t->ev[i].msg &&
            t->ev[i].msg->id == id)
            return true;
    return false;
}

/* False Start: with (EC)DHE the request crosses at the client's Finished
 * (step 8), before the server's, and the run succeeds; with RSA the client
 * waits and sends it after the handshake. */
static void check_false_start(void)
{
    static const expect fs = {"false-start", 0, TLS_PARTY_CLIENT, TLS_OK, -1};
    static const tls_kx kxs[] = {TLS_KX_ECDHE_RSA, TLS_KX_DHE_RSA, TLS_KX_RSA};
    for (size_t k = 0; k < 3; k++) {
        tls_trace t;
        tls_sim_result res;
        run_one(&fs, kxs[k], 9, &t, &res);
        bool rsa = kxs[k] == TLS_KX_RSA;
        test_check(res.ok, "false-start/%d: the run succeeds (%s)", kxs[k], res.why);
        test_check(request_step(&t) == (rsa ? TLS_STEP_AFTER : 8),
                   "false-start/%d: the request crossed at step %d (got %d)", kxs[k],
                   rsa ? TLS_STEP_AFTER : 8, request_step(&t));
        test_check(has_note(&t, TLS_PARTY_CLIENT,
                            rsa ? TLS_TEXT_FALSE_START_WAITS : TLS_TEXT_FALSE_START_SENDS),
                   "false-start/%d: the client says it %s", kxs[k], rsa ? "waits" : "sends");
        test_check(rsa != has_note(&t, TLS_PARTY_ATTACKER, TLS_TEXT_ATTACK_FALSE_START_SEEN),
                   "false-start/%d: the attacker saw an early request or none", kxs[k]);
        test_check(!value(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_ATTACKER),
                   "false-start/%d: the attacker knows no master secret", kxs[k]);
        tls_trace_free(&t);
    }
}

/* The table: every row named, described, with a lesson; names are unique. */
static void check_table(void)
{
    test_check(tls_attack_count() >= sizeof outcomes / sizeof outcomes[0], "attacks in the table");
    for (size_t i = 0; i < tls_attack_count(); i++) {
        const tls_attack_info *a = tls_attack_at(i);
        test_check(a->name && a->does != TLS_TEXT_NONE && a->lesson &&
                       strlen(tls_text_template(a->does)) > 0,
                   "attack %zu has a name, a sentence and a lesson", i);
        test_check(tls_attack_find(a->name) == a, "%s is found by its name", a->name);
    }
    test_check(tls_attack_at(tls_attack_count()) == NULL && !tls_attack_find("nope"),
               "nothing past the table");
}

int main(void)
{
    check_table();
    static const tls_kx kxs[] = {TLS_KX_ECDHE_RSA, TLS_KX_DHE_RSA};
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        for (size_t k = 0; k < 2; k++)
            check_attack(&outcomes[i], kxs[k]);
    check_false_start();
    return test_finish();
}
