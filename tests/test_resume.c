/* Session resumption in-process: every mode × suite × EMS resumes with
 * both sides agreeing on every secret (the master secret reused, the keys
 * new); a server that cannot resume (another suite, a ticket altered in
 * transit or in the client's store) falls back to a full handshake; a
 * client refuses a resumption with another suite or another EMS use (RFC
 * 5246 §7.4.1.3, RFC 7627 §5.3, on either side); encrypt-then-MAC is kept
 * by a resumed CBC session, never downgraded (RFC 7366 §3.1); every byte of
 * the new messages flipped ends in an alert. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/engine.h"
#include "tlssim/handshake.h"
#include "tlssim/pki.h"
#include "tlssim/sim.h"

static const tls_event *value_at(const tls_trace *t, tls_value_kind kind, tls_party who, int step)
{
    return tls_trace_find_value(t, kind, who, step);
}

static bool same(const tls_event *x, const tls_event *y)
{
    return x && y && x->len > 0 && x->len == y->len && memcmp(x->bytes, y->bytes, x->len) == 0;
}

static tls_sim_config config(const tls_suite *suite, tls_resume_mode mode, bool ems)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.suite = suite;
    cfg.kx = suite->kx;
    cfg.seeded = true;
    cfg.seed = 9;
    cfg.ems = ems;
    cfg.resume = mode;
    cfg.app_data = true;
    return cfg;
}

/* One resumed run: both handshakes complete, the second abbreviated; every
 * secret of the second identical on both sides; its master secret the
 * first's, its keys not. */
static void check_resumes(const tls_suite *suite, tls_resume_mode mode, bool ems)
{
    static const tls_value_kind shared[] = {
        TLS_VALUE_MASTER_SECRET, TLS_VALUE_KEY_BLOCK, TLS_VALUE_CLIENT_WRITE_KEY,
        TLS_VALUE_SERVER_WRITE_KEY, TLS_VALUE_CLIENT_WRITE_IV, TLS_VALUE_SERVER_WRITE_IV,
        TLS_VALUE_CLIENT_VERIFY_DATA, TLS_VALUE_SERVER_VERIFY_DATA};
    tls_sim_config cfg = config(suite, mode, ems);
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_err err = tls_sim_run(&cfg, &t, &res);
    const tls_flow *f = tls_sim_result_flow(&res);
    const char *m = tls_resume_mode_name(mode);
    const char *label = suite->name;
    test_check(err == TLS_OK && res.ok, "%s %s ems %d: both handshakes complete (%s)", label, m,
               ems, res.why);
    tls_flow_shape want = mode == TLS_RESUME_TICKET ? TLS_FLOW_SHAPE_ABBREVIATED_TICKET
                                                    : TLS_FLOW_SHAPE_ABBREVIATED;
    const tls_flow *second = tls_flow_select(suite->kx, TLS_FLOW_AUTH_NONE, want);
    test_check(f->second > 1 && f->n - f->second + 1 == second->n &&
                   tls_flow_msg(f, f->second + 1)->kind == TLS_MSG_RESUME_SERVER_HELLO,
               "%s %s: the run's flow is the full handshake then %s (%s)", label, m,
               second->name, f->name);
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++)
        test_check(same(value_at(&t, shared[i], TLS_PARTY_CLIENT, TLS_STEP_AFTER),
                        value_at(&t, shared[i], TLS_PARTY_SERVER, TLS_STEP_AFTER)),
                   "%s %s: %s identical on both sides", label, m, tls_value_name(shared[i]));
    int first_end = f->second - 1;
    const tls_event *m1 = value_at(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT, first_end);
    const tls_event *m2 = value_at(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    const tls_event *k1 = value_at(&t, TLS_VALUE_CLIENT_WRITE_KEY, TLS_PARTY_SERVER, first_end);
    const tls_event *k2 = value_at(&t, TLS_VALUE_CLIENT_WRITE_KEY, TLS_PARTY_SERVER,
                                   TLS_STEP_AFTER);
    test_check(m1 != m2 && same(m1, m2), "%s %s: the master secret is reused", label, m);
    test_check(k1 && k2 && k1 != k2 && !same(k1, k2), "%s %s: the write keys are new", label, m);
    test_check(value_at(&t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_CLIENT, TLS_STEP_AFTER)->step <
                   f->second,
               "%s %s: no pre-master secret in the abbreviated handshake", label, m);
    if (mode == TLS_RESUME_TICKET)
        test_check(value_at(&t, TLS_VALUE_TICKET_STATE, TLS_PARTY_SERVER, TLS_STEP_AFTER) &&
                       !value_at(&t, TLS_VALUE_TICKET_STATE, TLS_PARTY_CLIENT, TLS_STEP_AFTER) &&
                       same(value_at(&t, TLS_VALUE_SESSION_TICKET, TLS_PARTY_WIRE, first_end),
                            value_at(&t, TLS_VALUE_SESSION_TICKET, TLS_PARTY_CLIENT, first_end)),
                   "%s: the ticket's state is the server's alone; the wire sees the ticket", label);
    tls_trace_free(&t);
}

static void test_every_mode(void)
{
    size_t n;
    const tls_suite *suites = tls_suites_all(&n);
    for (size_t s = 0; s < n; s++)
        for (int ems = 0; ems < 2; ems++) {
            check_resumes(&suites[s], TLS_RESUME_ID, ems);
            check_resumes(&suites[s], TLS_RESUME_TICKET, ems);
        }
}

/* The server accepts another suite now: it cannot resume, and says so with
 * a full handshake (RFC 5246 §7.4.1.3: a resumed session keeps its suite). */
static void test_other_suite_falls_back(void)
{
    for (int mode = TLS_RESUME_ID; mode <= TLS_RESUME_TICKET; mode++) {
        tls_sim_config cfg = config(tls_suite_default(TLS_KX_ECDHE_RSA), (tls_resume_mode)mode, true);
        cfg.resume_suite = tls_suite_by_id(0xc030);
        tls_trace t;
        tls_trace_init(&t);
        tls_sim_result res;
        tls_sim_run(&cfg, &t, &res);
        const tls_flow *f = tls_sim_result_flow(&res);
        const tls_msg_info *m = tls_flow_msg(f, f->second + 1);
        const tls_event *suite = value_at(&t, TLS_VALUE_CIPHER_SUITE, TLS_PARTY_CLIENT,
                                          TLS_STEP_AFTER);
        test_check(res.ok && m && m->kind == TLS_MSG_SERVER_HELLO && f->n - f->second + 1 >= 10 &&
                       suite && suite->bytes[1] == 0x30,
                   "%s: another suite on the server: a full second handshake with it (%s, %s)",
                   tls_resume_mode_name((tls_resume_mode)mode), f->name, res.why);
        tls_trace_free(&t);
    }
}

/* The records of a resumed run in channel order: their steps and sizes. */
static size_t run_records(tls_resume_mode mode, const tls_tamper *tamper, tls_sim_result *res,
                          int *steps, size_t *sizes, size_t max)
{
    tls_sim_config cfg = config(tls_suite_default(TLS_KX_ECDHE_RSA), mode, true);
    cfg.app_data = false;
    if (tamper)
        cfg.tamper = *tamper;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_run(&cfg, &t, res);
    size_t n = 0;
    for (size_t i = 0; i < t.n && n < max; i++) {
        if (t.ev[i].kind == TLS_EV_RECORD && !t.ev[i].by_sender) {
            steps[n] = t.ev[i].step;
            sizes[n++] = t.ev[i].len;
        }
    }
    tls_trace_free(&t);
    return n;
}

/* The ticket changed on its way in the second ClientHello: the tag does
 * not verify, the server runs a full handshake (shown as such), and since
 * the ClientHello itself was changed, the Finished messages catch it. */
static void test_ticket_altered_in_transit(void)
{
    int steps[40];
    size_t sizes[40];
    tls_sim_result res;
    size_t n = run_records(TLS_RESUME_TICKET, NULL, &res, steps, sizes, 40);
    size_t ch2 = 0;
    while (ch2 < n && steps[ch2] != tls_sim_result_flow(&res)->second)
        ch2++;
    test_check(ch2 < n, "the second ClientHello's record found");
    /* The ticket is the ClientHello's last extension but EMS and
     * renegotiation_info: 40 bytes from the end lie inside it. */
    tls_tamper tamper = {true, ch2, sizes[ch2] - 40, 0x01};
    run_records(TLS_RESUME_TICKET, &tamper, &res, steps, sizes, 40);
    const tls_flow *f = tls_sim_result_flow(&res);
    const tls_msg_info *m = tls_flow_msg(f, f->second + 1);
    test_check(m && m->kind == TLS_MSG_SERVER_HELLO && f->n - f->second + 1 == 11,
               "altered ticket: the server falls back to a full handshake (%s)", f->name);
    /* With the extended master secret the altered transcript gives other
     * keys: the client's Finished does not even decrypt. */
    const tls_msg_info *fm = tls_flow_msg(f, res.failed_step);
    test_check(!res.ok && res.failed_party == TLS_PARTY_SERVER &&
                   (res.err == TLS_ERR_DECRYPT_ERROR || res.err == TLS_ERR_BAD_RECORD_MAC) && fm &&
                   fm->kind == TLS_MSG_CLIENT_FINISHED,
               "altered ClientHello: the server stops it at the client's Finished (%s)", res.why);
}

/* Every byte of NewSessionTicket and of the abbreviated handshake's hellos
 * flipped: each run ends in an alert, found by the receiver. */
static void test_byte_flips(void)
{
    static const uint8_t masks[] = {0xff, 0x01};
    for (int mode = TLS_RESUME_ID; mode <= TLS_RESUME_TICKET; mode++) {
        int steps[40];
        size_t sizes[40], runs = 0, bad = 0;
        tls_sim_result res;
        size_t n = run_records((tls_resume_mode)mode, NULL, &res, steps, sizes, 40);
        const tls_flow *f = tls_sim_result_flow(&res);
        for (size_t r = 0; r < n; r++) {
            tls_msg_kind k = tls_flow_msg(f, steps[r])->kind;
            if (k != TLS_MSG_NEW_SESSION_TICKET && k != TLS_MSG_RESUME_CLIENT_HELLO &&
                k != TLS_MSG_RESUME_SERVER_HELLO && k != TLS_MSG_RESUME_SERVER_FINISHED)
                continue;
            for (size_t off = 0; off < sizes[r]; off++) {
                /* The record version of a ClientHello's record may be any
                 * {03,xx} (RFC 5246 Appendix E.1): 0302 is not an error. */
                if (k == TLS_MSG_RESUME_CLIENT_HELLO && off == 2)
                    continue;
                for (size_t mk = 0; mk < sizeof masks; mk++) {
                    tls_tamper t = {true, r, off, masks[mk]};
                    int st[40];
                    size_t sz[40];
                    run_records((tls_resume_mode)mode, &t, &res, st, sz, 40);
                    const tls_msg_info *fm =
                        tls_flow_msg(tls_sim_result_flow(&res), res.failed_step);
                    bool ok = !res.ok && (!fm || fm->sender != res.failed_party);
                    runs++;
                    if (!ok && bad++ < 5)
                        test_check(false, "%s record %zu byte %zu ^%02x: %s at step %d",
                                   tls_resume_mode_name((tls_resume_mode)mode), r, off,
                                   masks[mk], res.ok ? "succeeded" : res.why, res.failed_step);
                }
            }
        }
        test_check(bad == 0 && runs > 300, "%s: %zu corrupted runs over the new messages, every "
                   "one stopped by an alert", tls_resume_mode_name((tls_resume_mode)mode), runs);
    }
}

/* ------------------------------------------- engines driven directly */

typedef struct pair {
    tls_rng *rng;
    tls_trace trace;
    tls_engine_config c, s;
    tls_session_store store;
} pair;

static void pair_init(pair *p, tls_resume_mode mode, bool ems)
{
    memset(p, 0, sizeof *p);
    const tls_demo_credentials *cr = tls_demo_credentials_get();
    p->rng = tls_rng_new_seeded(4, "resume");
    tls_trace_init(&p->trace);
    tls_session_store_init(&p->store, mode, p->rng);
    p->s.suites[p->s.nsuites++] = tls_suite_default(TLS_KX_ECDHE_RSA);
    p->s.suites[p->s.nsuites++] = tls_suite_by_id(0xc030);
    p->s.chain = cr->chain;
    p->s.key = cr->key;
    p->s.ems = ems;
    p->s.sessions = &p->store;
    p->c.server_name = TLS_DEMO_HOST;
    p->c.trust = cr->trust;
    p->c.ems = ems;
    p->c.resume = mode;
}

static void carry(tls_engine *from, tls_engine *to)
{
    size_t n;
    const uint8_t *b = tls_engine_output(from, &n);
    if (n) {
        uint8_t *copy = malloc(n);
        memcpy(copy, b, n);
        tls_engine_output_consume(from, n);
        tls_engine_feed(to, copy, n);
        free(copy);
    }
}

/* One connection; the client's session copied to \p out when it is done. */
static tls_err connect_once(pair *p, tls_session *out, bool *resumed, tls_err *server_err)
{
    tls_engine *c = tls_engine_new(TLS_PARTY_CLIENT, &p->c, p->rng, &p->trace);
    tls_engine *s = tls_engine_new(TLS_PARTY_SERVER, &p->s, p->rng, &p->trace);
    for (int i = 0; i < 100 && !(tls_engine_done(c) && tls_engine_done(s)); i++) {
        if (tls_engine_error(c) != TLS_OK || tls_engine_error(s) != TLS_OK)
            break;
        tls_engine_write_step(tls_engine_my_turn(c) ? c : s);
        carry(c, s);
        carry(s, c);
    }
    carry(c, s); /* an alert the last message caused */
    carry(s, c);
    tls_err err = tls_engine_error(c);
    *server_err = tls_engine_error(s);
    *resumed = tls_engine_resumed(c) && tls_engine_resumed(s);
    if (out && tls_engine_session(c))
        *out = *tls_engine_session(c);
    tls_engine_free(c);
    tls_engine_free(s);
    return err;
}

static void pair_free(pair *p)
{
    tls_trace_free(&p->trace);
    tls_rng_free(p->rng);
    tls_session_store_wipe(&p->store);
}

/* What the client remembers, changed before the second connection. */
typedef void (*session_edit)(tls_session *s, tls_engine_config *c);

static void flip_ticket(tls_session *s, tls_engine_config *c)
{
    (void)c;
    s->ticket[s->ticket_len / 2] ^= 0x80;
}

static void other_suite(tls_session *s, tls_engine_config *c)
{
    (void)c;
    s->suite = 0xc030;
}

/* The client's memory of the session loses (or gains) the EMS flag. */
static void forget_ems(tls_session *s, tls_engine_config *c)
{
    (void)c;
    s->ems = false;
}

static void claim_ems(tls_session *s, tls_engine_config *c)
{
    (void)c;
    s->ems = true;
}

static void no_ems_now(tls_session *s, tls_engine_config *c)
{
    (void)s;
    c->ems = false;
}

static void second_connection(tls_resume_mode mode, bool ems, session_edit edit,
                              tls_err want_client, tls_err want_server, bool want_resumed,
                              const char *what)
{
    pair p;
    pair_init(&p, mode, ems);
    tls_session sess;
    bool resumed;
    tls_err serr;
    tls_err err = connect_once(&p, &sess, &resumed, &serr);
    test_check(err == TLS_OK && sess.valid, "%s: the first connection completes", what);
    edit(&sess, &p.c);
    p.c.session = &sess;
    err = connect_once(&p, NULL, &resumed, &serr);
    test_check(err == want_client && serr == want_server && resumed == want_resumed,
               "%s: client %d server %d resumed %d", what, err, serr, resumed);
    pair_free(&p);
}

static void test_hostile_sessions(void)
{
    /* The client's stored ticket damaged: the server cannot open it and
     * runs a full handshake, which succeeds. */
    second_connection(TLS_RESUME_TICKET, true, flip_ticket, TLS_OK, TLS_OK, false,
                      "ticket altered in the client's store: full handshake");
    /* The server resumes the session with the suite its cache holds, and
     * the client's memory says another: illegal_parameter (RFC 5246
     * §7.4.1.3). */
    second_connection(TLS_RESUME_ID, true, other_suite, TLS_ERR_ILLEGAL_PARAMETER,
                      tls_err_recv_alert(47), false,
                      "resumed with another suite: the client aborts with illegal_parameter");
    /* The session used EMS and the ClientHello no longer offers it: the
     * server aborts (RFC 7627 §5.3) with handshake_failure. */
    second_connection(TLS_RESUME_ID, true, no_ems_now, tls_err_recv_alert(40),
                      TLS_ERR_HANDSHAKE_FAILURE, false,
                      "EMS session, ClientHello without EMS: handshake_failure");
    /* The client's side of RFC 7627 §5.3: the resumed ServerHello must use
     * EMS exactly as the session did, or the client aborts with
     * handshake_failure.  Its memory says otherwise than the server's
     * cache: the server resumes as the cache says. */
    second_connection(TLS_RESUME_ID, true, forget_ems, TLS_ERR_HANDSHAKE_FAILURE,
                      tls_err_recv_alert(40), false,
                      "resumed ServerHello with EMS, session without: the client's handshake_failure");
    second_connection(TLS_RESUME_ID, false, claim_ems, TLS_ERR_HANDSHAKE_FAILURE,
                      tls_err_recv_alert(40), false,
                      "resumed ServerHello without EMS, session with: the client's handshake_failure");
}

/* ------------------------------------------------ encrypt-then-MAC */

typedef void (*pair_edit)(pair *p);

/* The client now says --etm off. */
static void client_no_etm(pair *p) { p->c.no_etm = true; }

/* The client now offers encrypt-then-MAC. */
static void client_etm(pair *p) { p->c.no_etm = false; }

/* A server that lost the session's EtM flag and no longer does EtM: it
 * resumes the session with MAC-then-encrypt. */
static void server_forgets_etm(pair *p)
{
    for (size_t i = 0; i < TLS_SESSION_CACHE_MAX; i++)
        p->store.cache[i].etm = false;
    p->s.no_etm = true;
}

/* A CBC session, with encrypt-then-MAC when \p first_etm, then a second
 * connection after \p edit (RFC 7366 §3.1: EtM may be taken up on a new
 * handshake of the session, never given up). */
static void etm_case(tls_resume_mode mode, bool first_etm, pair_edit edit, tls_err want_client,
                     tls_err want_server, bool want_resumed, bool want_etm, const char *what)
{
    pair p;
    pair_init(&p, mode, true);
    p.s.suites[0] = tls_suite_by_id(0xc013); /* ECDHE_RSA_WITH_AES_128_CBC_SHA */
    p.s.nsuites = 1;
    p.c.no_etm = !first_etm;
    tls_session sess, again;
    bool resumed;
    tls_err serr;
    tls_err err = connect_once(&p, &sess, &resumed, &serr);
    test_check(err == TLS_OK && sess.valid && sess.suite == 0xc013 && sess.etm == first_etm,
               "%s: the first connection completes, EtM %d", what, sess.etm);
    edit(&p);
    p.c.session = &sess;
    memset(&again, 0, sizeof again);
    err = connect_once(&p, &again, &resumed, &serr);
    test_check(err == want_client && serr == want_server && resumed == want_resumed &&
                   (err != TLS_OK || again.etm == want_etm),
               "%s: client %d server %d resumed %d EtM %d", what, err, serr, resumed, again.etm);
    pair_free(&p);
}

static void test_etm_sessions(void)
{
    for (int mode = TLS_RESUME_ID; mode <= TLS_RESUME_TICKET; mode++) {
        tls_resume_mode m = (tls_resume_mode)mode;
        char what[160];
        snprintf(what, sizeof what, "%s: EtM session, ClientHello without EtM: no downgrade, "
                 "a full handshake", tls_resume_mode_name(m));
        etm_case(m, true, client_no_etm, TLS_OK, TLS_OK, false, false, what);
        snprintf(what, sizeof what, "%s: MAC-then-encrypt session, EtM asked now: resumed with "
                 "EtM", tls_resume_mode_name(m));
        etm_case(m, false, client_etm, TLS_OK, TLS_OK, true, true, what);
        snprintf(what, sizeof what, "%s: EtM session, both still ask: resumed with EtM",
                 tls_resume_mode_name(m));
        etm_case(m, true, client_etm, TLS_OK, TLS_OK, true, true, what);
    }
    etm_case(TLS_RESUME_ID, true, server_forgets_etm, TLS_ERR_HANDSHAKE_FAILURE,
             tls_err_recv_alert(40), false, false,
             "EtM session resumed without EtM: the client's handshake_failure");
}

int main(void)
{
    test_every_mode();
    test_other_suite_falls_back();
    test_ticket_altered_in_transit();
    test_hostile_sessions();
    test_etm_sessions();
    test_byte_flips();
    return test_finish();
}
