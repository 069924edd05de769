/* Handshakes as data: the catalogue of message kinds, the flows, and a run
 * that follows its flow (steps announced by the driver, in order, each
 * event filed under the step of its message). */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/eavesdropper.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/sim.h"

static void test_catalogue(void)
{
    for (int k = 0; k < TLS_MSG_KIND_COUNT; k++) {
        const tls_msg_info *m = tls_msg_info_get((tls_msg_kind)k);
        test_check(m && m->kind == (tls_msg_kind)k, "row %d is its own kind", k);
        test_check(m->write && m->read && m->message && m->lesson,
                   "%s: write, read, name and lesson id", m->message);
        test_check((m->content_type == TLS_CT_HANDSHAKE) == (m->hs_type != 0),
                   "%s: a handshake type exactly for handshake messages", m->message);
        for (int j = 0; j < k; j++) {
            const tls_msg_info *o = tls_msg_info_get((tls_msg_kind)j);
            test_check(strcmp(o->lesson, m->lesson) != 0, "%s: its own lesson id", m->lesson);
        }
    }
    test_check(tls_msg_info_get(TLS_MSG_KIND_COUNT) == NULL, "no row past the end");
    /* Within a flow, two kinds share a wire type only with different
     * senders (a resumed ServerHello and a full one never meet), so an
     * observer can file a message by what it sees. */
    for (int fi = 0; fi < TLS_FLOW_COUNT; fi++) {
        const tls_flow *f = tls_flow_get((tls_flow_id)fi);
        for (int a = 1; a <= f->n; a++)
            for (int b = 1; b < a; b++) {
                const tls_msg_info *m = tls_flow_msg(f, a), *o = tls_flow_msg(f, b);
                test_check(m == o || o->content_type != m->content_type ||
                               o->hs_type != m->hs_type || o->sender != m->sender,
                           "%s: steps %d and %d differ on the wire or by sender", f->name, b, a);
            }
    }
}

static void test_flow_shapes(void)
{
    static const char *const rsa_lessons[] = {
        "client-hello", "server-hello", "certificate", "server-key-exchange.rsa",
        "server-hello-done", "client-key-exchange.rsa", "client-change-cipher-spec",
        "client-finished", "server-change-cipher-spec", "server-finished"};
    const tls_flow *ecdhe = tls_flow_get(TLS_FLOW_FULL_ECDHE);
    const tls_flow *rsa = tls_flow_get(TLS_FLOW_FULL_RSA);
    test_check(ecdhe->n == 10 && rsa->n == 10, "both full handshakes keep ten steps");
    test_check(tls_flow_for_kx(TLS_KX_RSA) == rsa && tls_flow_for_kx(TLS_KX_ECDHE_RSA) == ecdhe &&
                   tls_flow_default() == ecdhe,
               "the suite's key exchange picks the flow");
    for (int n = 1; n <= rsa->n; n++) {
        char id[64];
        test_check(tls_flow_lesson_id(rsa, n, id, sizeof id) && strcmp(id, rsa_lessons[n - 1]) == 0,
                   "full-rsa step %d teaches %s", n, rsa_lessons[n - 1]);
        test_check(tls_flow_msg(rsa, n) == tls_flow_msg(ecdhe, n),
                   "step %d: the same message in both views", n);
    }
    /* DHE: ECDHE's messages, its own lessons and ServerKeyExchange sentence. */
    const tls_flow *dhe = tls_flow_get(TLS_FLOW_FULL_DHE);
    char id4[64], id6[64];
    test_check(tls_flow_for_kx(TLS_KX_DHE_RSA) == dhe && dhe->n == 10 &&
                   tls_flow_lesson_id(dhe, 4, id4, sizeof id4) &&
                   strcmp(id4, "server-key-exchange.dhe") == 0 &&
                   tls_flow_lesson_id(dhe, 6, id6, sizeof id6) &&
                   strcmp(id6, "client-key-exchange.dhe") == 0,
               "full-dhe: ten steps, the .dhe lessons of steps 4 and 6");
    test_check(tls_flow_teaches(dhe, 4) == TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE &&
                   tls_flow_teaches(ecdhe, 4) == tls_flow_msg(ecdhe, 4)->teaches &&
                   tls_flow_teaches(dhe, 6) == tls_flow_msg(dhe, 6)->teaches &&
                   tls_flow_teaches(dhe, 11) == TLS_TEXT_NONE,
               "what a step teaches: the flow's own sentence where it has one");
    /* Client authentication under DHE: the same thirteen positions as the
     * other key exchanges, DHE's sentence and lessons at its steps. */
    const tls_flow *adhe = tls_flow_find(TLS_KX_DHE_RSA, TLS_FLOW_AUTH_CERT);
    const tls_flow *edhe = tls_flow_find(TLS_KX_DHE_RSA, TLS_FLOW_AUTH_EMPTY);
    char id8[64];
    test_check(strcmp(adhe->name, "client-auth-dhe") == 0 && adhe->n == 13 &&
                   strcmp(edhe->name, "client-auth-empty-dhe") == 0 && edhe->n == 13 &&
                   tls_flow_teaches(adhe, 4) == TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE &&
                   tls_flow_teaches(edhe, 4) == TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE &&
                   tls_flow_lesson_id(adhe, 8, id8, sizeof id8) &&
                   strcmp(id8, "client-key-exchange.dhe") == 0 &&
                   tls_flow_skipped(edhe, 9) == TLS_TEXT_SKIP_CERTIFICATE_VERIFY_EMPTY,
               "client-auth-dhe and client-auth-empty-dhe: DHE's sentence and lessons");
    test_check(tls_flow_msg(rsa, 0) == NULL && tls_flow_msg(rsa, 11) == NULL,
               "no step 0 or 11");
    test_check(tls_flow_after_number(rsa) == 11, "what follows is shown as step 11");
    /* An observer files a message by sender and type, from where it is. */
    test_check(tls_flow_step_of(ecdhe, 1, TLS_PARTY_SERVER, TLS_CT_HANDSHAKE,
                                TLS_HS_FINISHED) == 10 &&
                   tls_flow_step_of(ecdhe, 1, TLS_PARTY_CLIENT, TLS_CT_HANDSHAKE,
                                    TLS_HS_FINISHED) == 8 &&
                   tls_flow_step_of(ecdhe, 8, TLS_PARTY_SERVER, TLS_CT_CHANGE_CIPHER_SPEC, 0) == 9 &&
                   tls_flow_step_of(ecdhe, 10, TLS_PARTY_CLIENT, TLS_CT_HANDSHAKE,
                                    TLS_HS_CLIENT_HELLO) == 0,
               "step_of finds Finished per sender, CCS after a position, nothing behind");
}

/* A run follows its flow: the driver announces every step once, in order,
 * before anything filed under it; nothing is filed under a step it did not
 * announce (the flow's skipped step carries no record). */
static void test_run_follows_flow(tls_kx kx)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.seeded = true;
    cfg.seed = 3;
    cfg.app_data = true;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    const tls_flow *f = tls_sim_result_flow(&res);
    test_check(res.ok && f == tls_flow_for_kx(kx), "%s: ok, on its flow", f->name);
    int announced = 0;
    bool order_ok = true, filed_ok = true;
    for (size_t i = 0; i < t.n; i++) {
        const tls_event *e = &t.ev[i];
        if (e->kind == TLS_EV_STEP) {
            order_ok &= e->step == announced + 1 &&
                        (e->skipped == (tls_flow_skipped(f, e->step) != TLS_TEXT_NONE)) &&
                        e->party == tls_flow_msg(f, e->step)->sender;
            announced = e->step;
        } else if (e->step != TLS_STEP_AFTER) {
            filed_ok &= e->step >= 1 && e->step <= announced &&
                        !(e->kind == TLS_EV_RECORD && tls_flow_skipped(f, e->step));
        }
    }
    test_check(order_ok && announced == f->n, "%s: steps 1..%d announced in order", f->name, f->n);
    test_check(filed_ok, "%s: every event filed under an announced step it belongs to", f->name);
    tls_trace_free(&t);
}

/* A suite tlssim does not implement: its key exchange read off the
 * ServerKeyExchange's parameters, else its IANA name, else not told. */
static void test_kx_of_server_key_exchange(void)
{
    /* ServerDHParams p = 23, g = 5, Ys = 8; then rsa_pkcs1_sha256 and a 1-byte signature. */
    static const uint8_t dh[] = {0, 1, 23, 0, 1, 5, 0, 1, 8, 4, 1, 0, 1, 0xaa};
    /* ServerECDHParams: named_curve secp256r1, a 1-byte point; the same signature. */
    static const uint8_t ec[] = {3, 0, 23, 1, 4, 4, 1, 0, 1, 0xaa};
    static const uint8_t junk[] = {1, 2, 3};
    test_check(tls_kx_of_server_key_exchange(0x0045, dh, sizeof dh, TLS_KX_ECDHE_RSA) ==
                   TLS_KX_DHE_RSA,
               "ServerDHParams read to the end: DHE (suite 0x0045, no name known)");
    test_check(tls_kx_of_server_key_exchange(0x0045, ec, sizeof ec, TLS_KX_DHE_RSA) ==
                   TLS_KX_ECDHE_RSA,
               "ServerECDHParams read to the end: ECDHE");
    test_check(tls_kx_of_server_key_exchange(0x0045, dh, sizeof dh - 1, TLS_KX_ECDHE_RSA) ==
                   TLS_KX_ECDHE_RSA,
               "parameters that read as neither, no name: the fallback (cannot be told)");
    test_check(tls_kx_of_server_key_exchange(0x0033, junk, sizeof junk, TLS_KX_ECDHE_RSA) ==
                   TLS_KX_DHE_RSA &&
                   tls_kx_of_server_key_exchange(0xc027, junk, sizeof junk, TLS_KX_DHE_RSA) ==
                       TLS_KX_ECDHE_RSA,
               "parameters that read as neither: the IANA name (TLS_DHE_..., TLS_ECDHE_...)");
    const tls_flow *ecdhe = tls_flow_get(TLS_FLOW_FULL_ECDHE);
    tls_guess_msg m = {TLS_PARTY_SERVER, TLS_CT_HANDSHAKE, TLS_HS_SERVER_KEY_EXCHANGE, 0x0045, dh,
                       sizeof dh};
    test_check(tls_flow_guess_kx(ecdhe, 3, &m) == tls_flow_get(TLS_FLOW_FULL_DHE) &&
                   tls_flow_guess_kx(ecdhe, 2, &m) == ecdhe,
               "a DHE ServerKeyExchange after the Certificate: the DHE flow (not before it)");
}

/* A ticket offered with an empty session ID: nothing echoed, the ServerHello
 * announced a full flow; what the server sends next tells the shape. */
static void test_resumed_after_all(void)
{
    const tls_flow *f = tls_flow_get(TLS_FLOW_TICKET_ECDHE);
    int step = tls_flow_follow(&f, 2, TLS_PARTY_SERVER, TLS_CT_HANDSHAKE,
                               TLS_HS_NEW_SESSION_TICKET);
    test_check(f == tls_flow_get(TLS_FLOW_ABBREVIATED_TICKET) && step == 3,
               "NewSessionTicket right after ServerHello: the abbreviated flow with a ticket, step 3");
    f = tls_flow_get(TLS_FLOW_FULL_RSA);
    step = tls_flow_follow(&f, 2, TLS_PARTY_SERVER, TLS_CT_CHANGE_CIPHER_SPEC, 0);
    test_check(f == tls_flow_get(TLS_FLOW_ABBREVIATED) && step == 3,
               "ChangeCipherSpec right after ServerHello: the abbreviated flow, step 3");
    f = tls_flow_get(TLS_FLOW_TICKET_ECDHE);
    step = tls_flow_follow(&f, 2, TLS_PARTY_SERVER, TLS_CT_HANDSHAKE, TLS_HS_CERTIFICATE);
    test_check(f == tls_flow_get(TLS_FLOW_TICKET_ECDHE) && step == 3,
               "a Certificate after ServerHello: the full flow stays");
    step = tls_flow_follow(&f, 8, TLS_PARTY_SERVER, TLS_CT_HANDSHAKE, TLS_HS_NEW_SESSION_TICKET);
    test_check(f == tls_flow_get(TLS_FLOW_TICKET_ECDHE) && step == 9,
               "NewSessionTicket after the client's Finished: the full flow's step 9");
}

int main(void)
{
    test_catalogue();
    test_flow_shapes();
    test_run_follows_flow(TLS_KX_ECDHE_RSA);
    test_run_follows_flow(TLS_KX_RSA);
    test_run_follows_flow(TLS_KX_DHE_RSA);
    test_kx_of_server_key_exchange();
    test_resumed_after_all();
    return test_finish();
}
