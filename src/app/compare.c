/* Compare mode: see tlssim/compare.h.  Every fact is read from a run's
 * trace and the value catalogue; none is written per key exchange. */
#include "tlssim/compare.h"

#include <stdio.h>
#include <string.h>

void tls_compare_init(tls_compare *c, const tls_app_run *runs, const char *const *labels, int n)
{
    memset(c, 0, sizeof *c);
    c->n = n < TLS_COMPARE_MAX ? n : TLS_COMPARE_MAX;
    for (int i = 0; i < c->n; i++) {
        c->runs[i].run = runs[i];
        snprintf(c->label[i], sizeof c->label[i], "%s", labels[i]);
        tls_trace_init(&c->runs[i].trace);
    }
}

/* Whether kind \p k is still to come in run \p i's flow after position \p pos. */
static bool still_to_come(const tls_flow *f, int pos, tls_msg_kind k)
{
    for (int s = pos; s <= f->n; s++)
        if (tls_flow_msg(f, s)->kind == k)
            return true;
    return false;
}

/* The next row: the head kind of a run that no other run still has to come
 * (a message only its flow has), else the first run's head, taken by every
 * run whose head it is. */
static tls_msg_kind next_kind(const tls_flow *const *f, const int *pos, int n)
{
    int first = -1;
    for (int i = 0; i < n; i++) {
        if (pos[i] > f[i]->n)
            continue;
        if (first < 0)
            first = i;
        tls_msg_kind k = tls_flow_msg(f[i], pos[i])->kind;
        bool elsewhere = false;
        for (int j = 0; j < n && !elsewhere; j++)
            elsewhere = j != i && pos[j] <= f[j]->n && still_to_come(f[j], pos[j], k);
        if (!elsewhere)
            return k;
    }
    return tls_flow_msg(f[first], pos[first])->kind;
}

/* Rows by message kind over the runs' flows, in order. */
static void align(tls_compare *c)
{
    const tls_flow *f[TLS_COMPARE_MAX];
    int pos[TLS_COMPARE_MAX];
    for (int i = 0; i < c->n; i++) {
        f[i] = tls_sim_result_flow(&c->runs[i].res);
        pos[i] = 1;
    }
    c->nrows = 0;
    for (;;) {
        bool more = false;
        for (int i = 0; i < c->n; i++)
            more = more || pos[i] <= f[i]->n;
        if (!more || c->nrows >= TLS_COMPARE_ROWS)
            return;
        tls_compare_row *r = &c->rows[c->nrows++];
        memset(r, 0, sizeof *r);
        r->kind = next_kind(f, pos, c->n);
        for (int i = 0; i < c->n; i++)
            if (pos[i] <= f[i]->n && tls_flow_msg(f[i], pos[i])->kind == r->kind)
                r->step[i] = pos[i]++;
    }
}

void tls_compare_go(tls_compare *c)
{
    for (int i = 0; i < c->n; i++)
        tls_app_run_go(&c->runs[i].run, &c->runs[i].trace, &c->runs[i].res);
    align(c);
}

void tls_compare_free(tls_compare *c)
{
    for (int i = 0; i < c->n; i++)
        tls_trace_free(&c->runs[i].trace);
}

bool tls_compare_oom(const tls_compare *c)
{
    for (int i = 0; i < c->n; i++)
        if (c->runs[i].trace.oom)
            return true;
    return false;
}

/* The first step at which an endpoint knows the pre-master secret (0: never). */
static int pre_master_step(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind == TLS_EV_VALUE && e->value == TLS_VALUE_PRE_MASTER_SECRET &&
            e->party != TLS_PARTY_WIRE)
            return e->step;
    }
    return 0;
}

void tls_compare_facts_of(const tls_compare *c, int row, int i, tls_compare_facts *f)
{
    memset(f, 0, sizeof *f);
    int step = c->rows[row].step[i];
    if (!step)
        return;
    const tls_trace *t = &c->runs[i].trace;
    f->present = true;
    f->pre_master = pre_master_step(t) == step;
    for (size_t k = 0; k < t->n; k++) {
        const tls_event *e = &t->ev[k];
        if (e->step != step)
            continue;
        if (e->kind == TLS_EV_STEP) {
            f->reached = true;
            f->skipped = e->skipped;
            f->skip_text = e->skipped ? e->text : NULL;
            f->skip_msg = e->skipped ? e->msg : NULL;
        } else if (e->kind == TLS_EV_RECORD) {
            f->bytes += e->len;
        } else if (e->kind == TLS_EV_VALUE && e->party == TLS_PARTY_WIRE) {
            f->wire[e->value] = true;
            f->signed_[e->value] = tls_value_role_of(e->value) == TLS_VALUE_ROLE_SIGNATURE;
        }
    }
}

static bool same_values(const bool *a, const bool *b)
{
    return memcmp(a, b, TLS_VALUE_COUNT * sizeof *a) == 0;
}

/* Whether runs \p a and \p b got their pre-master the same way. */
static bool same_origin(const tls_compare *c, int a, int b)
{
    tls_compare_origin oa, ob;
    tls_compare_origin_of(c, a, &oa);
    tls_compare_origin_of(c, b, &ob);
    return oa.derived == ob.derived && (oa.derived || oa.chosen_by == ob.chosen_by) &&
           memcmp(oa.carried, ob.carried, sizeof oa.carried) == 0;
}

unsigned tls_compare_differs(const tls_compare *c, int row)
{
    tls_compare_facts first, f;
    unsigned d = 0;
    tls_compare_facts_of(c, row, 0, &first);
    for (int i = 1; i < c->n; i++) {
        tls_compare_facts_of(c, row, i, &f);
        if ((f.present && !f.skipped) != (first.present && !first.skipped))
            d |= TLS_COMPARE_DIFF_PRESENT;
        if (f.bytes != first.bytes)
            d |= TLS_COMPARE_DIFF_BYTES;
        if (!same_values(f.wire, first.wire))
            d |= TLS_COMPARE_DIFF_WIRE;
        if (!same_values(f.signed_, first.signed_))
            d |= TLS_COMPARE_DIFF_SIGNED;
        if (f.pre_master != first.pre_master ||
            (f.pre_master && !same_origin(c, 0, i)))
            d |= TLS_COMPARE_DIFF_PRE_MASTER;
    }
    return d;
}

/* The wire values of \p role in \p t, and the step of the last one seen. */
static int wire_with_role(const tls_trace *t, tls_value_role role, bool *out)
{
    int step = 0;
    for (size_t k = 0; k < t->n; k++) {
        const tls_event *e = &t->ev[k];
        if (e->kind == TLS_EV_VALUE && e->party == TLS_PARTY_WIRE &&
            tls_value_role_of(e->value) == role) {
            out[e->value] = true;
            step = e->step;
        }
    }
    return step;
}

void tls_compare_origin_of(const tls_compare *c, int i, tls_compare_origin *o)
{
    const tls_compare_run *cr = &c->runs[i];
    memset(o, 0, sizeof *o);
    o->step = pre_master_step(&cr->trace);
    int sealed_at = wire_with_role(&cr->trace, TLS_VALUE_ROLE_SEALED, o->carried);
    if (sealed_at) {
        /* Sealed by the sender of the message that carried it. */
        const tls_msg_info *m = tls_flow_msg(tls_sim_result_flow(&cr->res), sealed_at);
        o->chosen_by = m ? m->sender : TLS_PARTY_CLIENT;
        return;
    }
    o->derived = wire_with_role(&cr->trace, TLS_VALUE_ROLE_KEY_SHARE, o->carried) != 0;
}

void tls_compare_leak_of(const tls_compare *c, int i, tls_compare_leak *l)
{
    const tls_trace *t = &c->runs[i].trace;
    memset(l, 0, sizeof *l);
    /* The certificate key opens what was sealed to it; every agreed secret
     * follows from the pre-master.  Key shares it cannot open: the
     * ephemeral private keys were never sent and are gone. */
    l->reveals = wire_with_role(t, TLS_VALUE_ROLE_SEALED, l->sealed) != 0;
    for (int k = 0; l->reveals && k < TLS_VALUE_COUNT; k++) {
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        l->values[k] = v->agreed && !v->joined &&
                       tls_trace_find_known(t, (tls_value_kind)k, TLS_STEP_AFTER, false);
    }
}

size_t tls_compare_total_bytes(const tls_compare *c, int i)
{
    const tls_trace *t = &c->runs[i].trace;
    size_t n = 0;
    for (size_t k = 0; k < t->n; k++)
        if (t->ev[k].kind == TLS_EV_RECORD && t->ev[k].step != TLS_STEP_AFTER)
            n += t->ev[k].len;
    return n;
}
