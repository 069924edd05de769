/* The TUI's per-step knowledge model over real seeded runs: who knows what
 * at each step, secrets never on the wire or the other side, both sides'
 * secrets agreeing, records per step (step 4 skipped in RSA), the
 * dissection rows pointing at the right bytes, and a live trace's marks
 * (inferred values, records traced by their sender). */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "testutil.h"
#include "tlssim/sim.h"

typedef struct run {
    tls_trace trace;
    tls_sim_result res;
    tui_model m;
} run;

static bool run_start(run *r, tls_kx kx)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.seeded = true;
    cfg.seed = 1;
    tls_trace_init(&r->trace);
    tls_sim_run(&cfg, &r->trace, &r->res);
    return test_check(r->res.ok, "%s handshake completes", tls_kx_name(kx)) &&
           test_check(tui_model_init(&r->m, &r->trace, tls_sim_result_flow(&r->res)), "model builds");
}

static void run_end(run *r)
{
    tui_model_free(&r->m);
    tls_trace_free(&r->trace);
}

/* The item for value `kind` in who's column at step, or NULL. */
static const tui_item *find(const run *r, tls_party who, int step, tls_value_kind kind,
                            tui_item *buf, size_t cap)
{
    size_t n = tui_model_items(&r->m, who, step, buf, cap);
    const tui_item *found = NULL;
    for (size_t i = 0; i < n && i < cap; i++) {
        const tls_event *e = &r->trace.ev[buf[i].ev];
        if (buf[i].kind == TUI_ITEM_VALUE && e->value == kind) {
            test_check(!found, "%s appears once in the %s column at step %d", tls_value_name(kind),
                       tls_party_name(who), step);
            found = &buf[i];
        }
    }
    return found;
}

static void test_knowledge(run *r, tls_kx kx)
{
    size_t cap = r->trace.n;
    tui_item *buf = calloc(cap, sizeof *buf);
    if (!buf)
        return;
    const char *kxn = tls_kx_name(kx);
    const tui_item *it = find(r, TLS_PARTY_CLIENT, 1, TLS_VALUE_CLIENT_RANDOM, buf, cap);
    test_check(it && it->fresh && it->step == 1, "%s: the client random is new at step 1", kxn);
    test_check(find(r, TLS_PARTY_SERVER, 1, TLS_VALUE_CLIENT_RANDOM, buf, cap) != NULL,
               "%s: the server knows the client random at step 1", kxn);
    test_check(find(r, TLS_PARTY_WIRE, 1, TLS_VALUE_CLIENT_RANDOM, buf, cap) != NULL,
               "%s: the eavesdropper saw the client random at step 1", kxn);
    test_check(find(r, TLS_PARTY_CLIENT, 1, TLS_VALUE_SERVER_RANDOM, buf, cap) == NULL,
               "%s: nobody knows the server random at step 1", kxn);
    it = find(r, TLS_PARTY_CLIENT, 2, TLS_VALUE_CLIENT_RANDOM, buf, cap);
    test_check(it && !it->fresh, "%s: at step 2 the client random is no longer new", kxn);
    test_check(find(r, TLS_PARTY_WIRE, 3, TLS_VALUE_SERVER_CERTIFICATE, buf, cap) != NULL,
               "%s: the eavesdropper saw the certificate at step 3", kxn);
    test_check(find(r, TLS_PARTY_CLIENT, 5, TLS_VALUE_MASTER_SECRET, buf, cap) == NULL &&
               find(r, TLS_PARTY_SERVER, 5, TLS_VALUE_MASTER_SECRET, buf, cap) == NULL,
               "%s: no master secret before step 6", kxn);
    const tui_item *c = find(r, TLS_PARTY_CLIENT, 6, TLS_VALUE_MASTER_SECRET, buf, cap);
    test_check(c && c->fresh && c->agree == 1, "%s: client master secret new at 6, agreeing", kxn);
    const tui_item *s = find(r, TLS_PARTY_SERVER, 6, TLS_VALUE_MASTER_SECRET, buf, cap);
    test_check(s && s->fresh && s->agree == 1, "%s: server master secret new at 6, agreeing", kxn);
    static const tls_value_kind keys[] = {TLS_VALUE_PRE_MASTER_SECRET, TLS_VALUE_CLIENT_WRITE_KEY,
                                          TLS_VALUE_SERVER_WRITE_KEY, TLS_VALUE_CLIENT_WRITE_IV,
                                          TLS_VALUE_SERVER_WRITE_IV};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        c = find(r, TLS_PARTY_CLIENT, 10, keys[k], buf, cap);
        test_check(c && c->agree == 1 && tls_value_info_of(keys[k])->secret,
                   "%s: %s secret and agreeing at step 10", kxn, tls_value_name(keys[k]));
    }
    /* Secrets stay where they were made. */
    for (int step = 1; step <= r->m.last_step; step++) {
        size_t n = tui_model_items(&r->m, TLS_PARTY_WIRE, step, buf, cap);
        for (size_t i = 0; i < n; i++)
            test_check(buf[i].kind != TUI_ITEM_VALUE ||
                           !tls_value_info_of(r->trace.ev[buf[i].ev].value)->secret,
                       "%s: no secret on the wire at step %d", kxn, step);
        test_check(!find(r, TLS_PARTY_CLIENT, step, TLS_VALUE_SERVER_ECDHE_PRIVATE, buf, cap),
                   "%s: the client never holds the server's private key (step %d)", kxn, step);
        test_check(!find(r, TLS_PARTY_SERVER, step, TLS_VALUE_CLIENT_ECDHE_PRIVATE, buf, cap),
                   "%s: the server never holds the client's private key (step %d)", kxn, step);
    }
    /* A value learned again (the transcript hash) shows once, the latest. */
    it = find(r, TLS_PARTY_CLIENT, 10, TLS_VALUE_HANDSHAKE_HASH, buf, cap);
    test_check(it && it->step == 10, "%s: the client's handshake hash at 10 is the step-10 one", kxn);
    /* Notes only at their own step. */
    size_t n = tui_model_items(&r->m, TLS_PARTY_CLIENT, 7, buf, cap);
    bool notes_ok = true;
    for (size_t i = 0; i < n; i++)
        if (buf[i].kind == TUI_ITEM_NOTE && buf[i].step != 7)
            notes_ok = false;
    test_check(notes_ok, "%s: step 7 shows only step 7's notes", kxn);
    free(buf);
}

static void test_records(run *r, tls_kx kx)
{
    static const size_t ecdhe[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    static const size_t rsa[] = {0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9};
    const size_t *want = kx == TLS_KX_RSA ? rsa : ecdhe;
    for (int step = 1; step <= r->m.flow->n; step++)
        test_check(tui_model_records_at(&r->m, step) == want[step],
                   "%s: %zu records by step %d (got %zu)", tls_kx_name(kx), want[step], step,
                   tui_model_records_at(&r->m, step));
    test_check(r->m.skipped[4] == (kx == TLS_KX_RSA), "%s: step 4 skipped only in RSA",
               tls_kx_name(kx));
    test_check(kx != TLS_KX_RSA || (r->m.skip_reason[4] && r->m.skip_reason[4][0]),
               "RSA: step 4 says why it is skipped");
    test_check(tui_model_record_step(&r->m, 2) == 3, "%s: the certificate record crossed at step 3",
               tls_kx_name(kx));
    /* Records are numbered as the text and JSON front ends number them. */
    for (size_t k = 0; k < r->m.n_records; k++)
        test_check(tui_model_record_number(&r->m, k) ==
                       tls_trace_record_number(&r->trace, r->m.records[k]),
                   "%s: record %zu has the trace's record number", tls_kx_name(kx), k);
    char label[128];
    tui_model_record_label(&r->m, 0, label, sizeof label);
    test_str_eq(label, "ClientHello", "record 0 is the ClientHello");
    size_t ccs = kx == TLS_KX_RSA ? 5 : 6;
    tui_model_record_label(&r->m, ccs, label, sizeof label);
    test_str_eq(label, "ChangeCipherSpec", "the client's ChangeCipherSpec record");
}

/* The first tree row called `name` at or after `from`. */
static const tui_row *row_named(const tui_row *rows, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0)
            return &rows[i];
    return NULL;
}

static void test_tree(run *r, tls_kx kx)
{
    tui_row rows[256];
    size_t n = tui_model_tree(&r->m, 0, rows, 256);
    test_check(n > 10 && n <= 256, "ClientHello record has a tree (%zu rows)", n);
    if (n > 256)
        n = 256;
    test_check(strcmp(rows[0].name, "content_type") == 0 && rows[0].offset == 0 &&
               rows[0].length == 1 && rows[0].buf == TUI_BUF_WIRE, "row 0: content_type, byte 0");
    const tui_row *rnd = row_named(rows, n, "random");
    test_check(rnd && rnd->offset == 11 && rnd->length == 32 && rnd->buf == TUI_BUF_WIRE,
               "ClientHello random at wire bytes 11..42 (5 record + 4 handshake + 2 version)");
    const tls_event *cr = tls_trace_find_value(&r->trace, TLS_VALUE_CLIENT_RANDOM,
                                               TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    size_t len;
    const uint8_t *bytes = tui_model_row_bytes(&r->m, 0, rnd, &len);
    test_check(bytes && cr && rnd && rnd->offset + 32 <= len &&
               memcmp(bytes + rnd->offset, cr->bytes, 32) == 0,
               "the random's bytes in the record are the client random");

    /* The client Finished: encrypted on the wire, its fields in the plaintext. */
    size_t fin = kx == TLS_KX_RSA ? 6 : 7;
    n = tui_model_tree(&r->m, fin, rows, 256);
    if (n > 256)
        n = 256;
    const tui_row *vd = row_named(rows, n, "verify_data");
    test_check(vd && vd->buf == TUI_BUF_PLAIN && vd->length == 12,
               "verify_data is 12 bytes of the decrypted plaintext");
    const tls_event *cv = tls_trace_find_value(&r->trace, TLS_VALUE_CLIENT_VERIFY_DATA,
                                               TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    bytes = tui_model_row_bytes(&r->m, fin, vd, &len);
    test_check(bytes && cv && vd && vd->offset + 12 <= len &&
               memcmp(bytes + vd->offset, cv->bytes, 12) == 0,
               "verify_data in the plaintext equals the client's verify_data");
    bool has_plain_heading = false;
    for (size_t i = 0; i < n; i++)
        if (rows[i].buf == TUI_BUF_PLAIN && strstr(rows[i].name, "decrypted by the server"))
            has_plain_heading = true;
    test_check(has_plain_heading, "the Finished tree says who decrypted it");
    test_check(tui_model_tree(&r->m, 999, rows, 256) == 0, "no tree for a record that is not there");
}

/* Whether a tree row has `text` in its name. */
static bool tree_says(const tui_model *m, size_t k, const char *text)
{
    tui_row rows[256];
    size_t n = tui_model_tree(m, k, rows, 256);
    for (size_t i = 0; i < n && i < 256; i++)
        if (strstr(rows[i].name, text))
            return true;
    return false;
}

/*
 * A live trace's marks, on a seeded run dressed up as one (tlssim the
 * client): the server's values inferred, the client's records traced as
 * sent.  Inferred copies prove no agreement, and the client's records are
 * described as it wrote them.
 */
static void test_live_marks(run *r, tls_kx kx)
{
    const char *kxn = tls_kx_name(kx);
    for (size_t i = 0; i < r->trace.n; i++) {
        tls_event *e = &r->trace.ev[i];
        if (e->kind == TLS_EV_VALUE && e->party == TLS_PARTY_SERVER)
            e->inferred = true;
        if ((e->kind == TLS_EV_RECORD || e->kind == TLS_EV_MESSAGE) &&
            e->party == TLS_PARTY_CLIENT)
            e->by_sender = true;
    }
    tui_model_free(&r->m);
    if (!test_check(tui_model_init(&r->m, &r->trace, tls_sim_result_flow(&r->res)), "%s: live model builds", kxn))
        return;
    size_t cap = r->trace.n;
    tui_item *buf = calloc(cap, sizeof *buf);
    if (!buf)
        return;
    const tui_item *s = find(r, TLS_PARTY_SERVER, 10, TLS_VALUE_MASTER_SECRET, buf, cap);
    test_check(s && s->agree == 0 && r->trace.ev[s->ev].inferred,
               "%s: an inferred master secret is shown, claiming no agreement", kxn);
    const tui_item *c = find(r, TLS_PARTY_CLIENT, 10, TLS_VALUE_MASTER_SECRET, buf, cap);
    test_check(c && c->agree == 0,
               "%s: the own master secret claims no agreement with an inferred copy", kxn);
    free(buf);
    test_check(tree_says(&r->m, 0, "ClientHello, as the client wrote it"),
               "%s: the client's own ClientHello is described as written", kxn);
    size_t fin = kx == TLS_KX_RSA ? 6 : 7;
    test_check(tree_says(&r->m, fin, "encrypted by the client (sequence number 0)") &&
               !tree_says(&r->m, fin, "decrypted by"),
               "%s: the client's own Finished is described as encrypted by it", kxn);
    test_check(tree_says(&r->m, 1, "ServerHello, as the client parsed it"),
               "%s: the server's ServerHello is still described as the client parsed it", kxn);
}

int main(void)
{
    static const tls_kx modes[] = {TLS_KX_ECDHE_RSA, TLS_KX_RSA};
    for (size_t i = 0; i < 2; i++) {
        run r;
        if (run_start(&r, modes[i])) {
            test_check(r.m.last_step == 10 && r.m.flow == tls_flow_for_kx(modes[i]),
                       "%s: ten steps of its flow reached", tls_kx_name(modes[i]));
            test_check(tui_model_next(&r.m, 10) == TLS_STEP_AFTER &&
                           tui_model_prev(&r.m, TLS_STEP_AFTER) == 10 &&
                           tui_model_step_number(&r.m, TLS_STEP_AFTER) == 11,
                       "%s: application data follows step 10 and is shown as step 11",
                       tls_kx_name(modes[i]));
            test_str_eq(tui_model_step_name(&r.m, 1), "ClientHello", "step 1's name");
            test_str_eq(tui_model_step_name(&r.m, 10), "server Finished", "step 10's name");
            test_str_eq(tui_model_step_name(&r.m, TLS_STEP_AFTER), "application data",
                        "the step after the handshake");
            test_knowledge(&r, modes[i]);
            test_records(&r, modes[i]);
            test_tree(&r, modes[i]);
            test_live_marks(&r, modes[i]);
        }
        run_end(&r);
    }
    test_check(tui_model_peer(TLS_PARTY_CLIENT) == TLS_PARTY_SERVER, "the client's peer is the server");
    return test_finish();
}
