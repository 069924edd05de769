/* The per-step knowledge model: see model.h. */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlssim/msg.h"
#include "tlssim/i18n.h"

tls_party tui_model_peer(tls_party p)
{
    return p == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER
         : p == TLS_PARTY_SERVER ? TLS_PARTY_CLIENT : TLS_PARTY_WIRE;
}

tui_view tui_model_view(const tls_event *e)
{
    if (e->source != TLS_SOURCE_PARTY)
        return (tui_view){e->party, false, true};
    if (e->by_sender)
        return (tui_view){e->party, true, false};
    return (tui_view){tui_model_peer(e->party), false, false};
}

static bool in_steps(int s) { return s >= 1 && s <= TUI_STEP_MAX; }

const char *tui_model_step_name(const tui_model *m, int step)
{
    const tls_msg_info *s = tls_flow_msg(m->flow, step);
    if (s)
        return tls_i18n_template(s->title);
    return step == TLS_STEP_AFTER ? _("application data") : "?";
}

int tui_model_next(const tui_model *m, int step)
{
    return step == m->flow->n ? TLS_STEP_AFTER : step + 1;
}

int tui_model_prev(const tui_model *m, int step)
{
    return step == TLS_STEP_AFTER ? m->flow->n : step - 1;
}

int tui_model_step_number(const tui_model *m, int step)
{
    return step == TLS_STEP_AFTER ? tls_flow_after_number(m->flow) : step;
}

/* What the STEP events say: which steps were reached, skipped, and why. */
static void scan_steps(tui_model *m)
{
    const tls_trace *t = m->trace;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_STEP || !in_steps(e->step))
            continue;
        m->reached[e->step] = true;
        m->skipped[e->step] = e->skipped;
        m->skip_reason[e->step] = e->skipped ? e->text : NULL;
        m->skip_msg[e->step] = e->skipped ? e->msg : NULL;
        if (e->step > m->last_step)
            m->last_step = e->step;
    }
    /* What follows the handshake (application data, close_notify) has no
     * STEP event of its own: any event after the last step makes it a page. */
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].step == TLS_STEP_AFTER && m->last_step >= m->flow->n) {
            m->reached[TLS_STEP_AFTER] = true;
            m->last_step = TLS_STEP_AFTER;
            break;
        }
}

bool tui_model_init(tui_model *m, const tls_trace *t, const tls_flow *flow)
{
    memset(m, 0, sizeof *m);
    m->trace = t;
    m->flow = flow;
    for (int s = 0; s <= TUI_STEP_MAX; s++)
        m->fatal_alert[s] = TUI_NO_EVENT;
    size_t n = t->n ? t->n : 1;
    m->hex = calloc(n, sizeof *m->hex);
    m->records = calloc(n, sizeof *m->records);
    if (!m->hex || !m->records) {
        tui_model_free(m);
        m->trace = t;
        return false;
    }
    scan_steps(m);
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        bool shown = in_steps(e->step);
        if (shown && e->kind == TLS_EV_RECORD)
            m->records[m->n_records++] = i;
        if (shown && e->kind == TLS_EV_ALERT && e->alert_level == TLS_ALERT_FATAL &&
            m->fatal_alert[e->step] == TUI_NO_EVENT)
            m->fatal_alert[e->step] = i;
        if (e->kind == TLS_EV_VALUE) {
            m->hex[i] = tls_hex(e->bytes ? e->bytes : (const uint8_t *)"", e->len);
            if (!m->hex[i]) {
                tui_model_free(m);
                m->trace = t;
                return false;
            }
        }
    }
    return true;
}

void tui_model_free(tui_model *m)
{
    if (m->hex && m->trace)
        for (size_t i = 0; i < m->trace->n; i++)
            free(m->hex[i]);
    free(m->hex);
    free(m->records);
    memset(m, 0, sizeof *m);
    for (int s = 0; s <= TUI_STEP_MAX; s++)
        m->fatal_alert[s] = TUI_NO_EVENT;
}

const char *tui_model_hex(const tui_model *m, size_t ev)
{
    if (!m->hex || !m->trace || ev >= m->trace->n || !m->hex[ev])
        return "";
    return m->hex[ev];
}

/* Whether VALUE event e is what its party knows of its kind at `step` (a
 * later value of the same kind replaces it). */
static bool value_current(const tls_trace *t, const tls_event *e, int step)
{
    return tls_trace_find_value(t, e->value, e->party, step) == e;
}

/* For a secret both ends derive (the table's "agreed"): does the peer hold
 * it too at `step`, and is it equal?
 * An inferred value is a copy of the other side's own (live mode: what a
 * verified message proves the real peer holds), so comparing the two would
 * prove nothing: no agreement is claimed either way. */
static int agreement(const tls_trace *t, const tls_event *e, int step)
{
    tls_party peer = tui_model_peer(e->party);
    if (peer == TLS_PARTY_WIRE || !tls_value_info_of(e->value)->agreed || e->inferred)
        return 0;
    const tls_event *o = tls_trace_find_value(t, e->value, peer, step);
    if (!o || o->inferred)
        return 0;
    return o->len == e->len && (e->len == 0 || memcmp(o->bytes, e->bytes, e->len) == 0) ? 1 : -1;
}

size_t tui_model_items(const tui_model *m, tls_party who, int step, tui_item *out, size_t cap)
{
    const tls_trace *t = m->trace;
    size_t n = 0;
    if (!m->hex || !t)
        return 0;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        int s = e->step;
        if (!in_steps(s) || s > step || e->party != who)
            continue;
        tui_item it = {TUI_ITEM_VALUE, i, s, s == step, 0};
        switch (e->kind) {
        case TLS_EV_VALUE:
            if (!value_current(t, e, step))
                continue;
            it.agree = agreement(t, e, step);
            break;
        case TLS_EV_CHECK: it.kind = TUI_ITEM_CHECK; break;
        case TLS_EV_ALERT: it.kind = TUI_ITEM_ALERT; break;
        case TLS_EV_NOTE:
            if (s != step)
                continue;
            it.kind = TUI_ITEM_NOTE;
            break;
        default:
            continue;
        }
        if (n < cap)
            out[n] = it;
        n++;
    }
    return n;
}

size_t tui_model_records_at(const tui_model *m, int step)
{
    size_t n = 0;
    while (n < m->n_records && m->trace->ev[m->records[n]].step <= step)
        n++;
    return n;
}

int tui_model_record_step(const tui_model *m, size_t k)
{
    return k < m->n_records ? m->trace->ev[m->records[k]].step : 0;
}

size_t tui_model_record_number(const tui_model *m, size_t k)
{
    return k < m->n_records ? tls_trace_record_number(m->trace, m->records[k]) : k;
}

void tui_model_record_label(const tui_model *m, size_t k, char *out, size_t cap)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    if (k >= m->n_records)
        return;
    const tls_trace *t = m->trace;
    size_t rec = m->records[k], at = 0;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_MESSAGE || e->record_index != rec || !e->name)
            continue;
        int w = snprintf(out + at, cap - at, "%s%s", at ? ", " : "", e->name);
        if (w < 0 || (size_t)w >= cap - at)
            return;
        at += (size_t)w;
    }
    if (at == 0) {
        const char *ct = tls_content_type_name(t->ev[rec].content_type);
        snprintf(out, cap, "%s", ct ? ct : _("record"));
    }
}

static void put_row(tui_row *out, size_t cap, size_t *n, tui_buf buf, size_t offset,
                    size_t length, int depth, const tls_field *f)
{
    if (*n < cap) {
        tui_row *r = &out[*n];
        r->buf = buf;
        r->offset = offset;
        r->length = length;
        r->depth = depth;
        r->field = f;
        r->name = f && f->name ? f->name : "";
        r->value = f && f->value ? f->value : "";
        r->label[0] = '\0';
    }
    (*n)++;
}

const char *tui_row_value(const tui_row *row, char *buf, size_t cap)
{
    return row->field ? tls_i18n_field_value(row->field, buf, cap) : row->value;
}

/* A heading row whose name lives in the row itself. */
static void put_heading(tui_row *out, size_t cap, size_t *n, tui_buf buf, size_t offset,
                        size_t length, int depth, const char *fmt, ...)
{
    put_row(out, cap, n, buf, offset, length, depth, NULL);
    if (*n <= cap) {
        tui_row *r = &out[*n - 1];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->label, sizeof r->label, fmt, ap);
        va_end(ap);
        r->name = r->label;
    }
}

size_t tui_model_tree(const tui_model *m, size_t k, tui_row *out, size_t cap)
{
    if (k >= m->n_records)
        return 0;
    const tls_trace *t = m->trace;
    size_t rec = m->records[k], n = 0;
    const tls_event *r = &t->ev[rec];
    for (size_t i = 0; i < r->dissect.n; i++) {
        const tls_field *f = &r->dissect.fields[i];
        put_row(out, cap, &n, TUI_BUF_WIRE, f->offset, f->length, f->depth, f);
    }
    /* Live mode traces our own records as written (the real peer's parse is
     * out of reach): the headings name the side whose view the rows are. */
    tui_view rv = tui_model_view(r);
    int base = 0;
    if (r->is_protected && r->plaintext) {
        char seq[32];
        snprintf(seq, sizeof seq, "%llu", (unsigned long long)r->seq);
        if (rv.captured)
            put_heading(out, cap, &n, TUI_BUF_PLAIN, 0, r->plaintext_len, 0,
                        _("decrypted with the key material (sequence number %s)"), seq);
        else
            put_heading(out, cap, &n, TUI_BUF_PLAIN, 0, r->plaintext_len, 0,
                        rv.wrote ? _("encrypted by the %s (sequence number %s)")
                                 : _("decrypted by the %s (sequence number %s)"),
                        _(tls_party_name(rv.who)), seq);
        base = 1;
    }
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_MESSAGE || e->record_index != rec)
            continue;
        bool whole = e->record_offset != (size_t)-1;
        tui_buf buf = !whole ? TUI_BUF_NONE : e->is_protected ? TUI_BUF_PLAIN : TUI_BUF_WIRE;
        size_t off = whole ? e->record_offset : 0;
        /* Whose view the rows are; a protected message's rows sit under its
         * record's plaintext heading, which says who encrypted or decrypted. */
        char said[256];
        put_heading(out, cap, &n, buf, off, e->len, base, "%s",
                    tls_i18n_message_heading(e, false, said, sizeof said));
        for (size_t j = 0; j < e->dissect.n; j++) {
            const tls_field *f = &e->dissect.fields[j];
            put_row(out, cap, &n, buf, off + f->offset, f->length, base + 1 + f->depth, f);
        }
    }
    return n;
}

const uint8_t *tui_model_row_bytes(const tui_model *m, size_t k, const tui_row *row, size_t *len)
{
    *len = 0;
    if (k >= m->n_records || !row)
        return NULL;
    const tls_event *r = &m->trace->ev[m->records[k]];
    switch (row->buf) {
    case TUI_BUF_WIRE: *len = r->len; return r->bytes;
    case TUI_BUF_PLAIN: *len = r->plaintext_len; return r->plaintext;
    default: return NULL;
    }
}
