/* What a detail popup shows: a value, check, note or alert whole, a
 * dissection field with its bytes, or a record's complete hex dump. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hexview.h"
#include "panes.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/i18n.h"

/* Why a live run can show the real peer's value at all; where a capture's values come from. */
static void inferred_lines(const tui_app *a, const tls_event *e, tui_lines *L, int w)
{
    char why[512];
    const char *peer = _(tls_party_name(e->party));
    const char *self = _(tls_party_name(tui_model_peer(e->party)));
    if (a->run.mode == TLS_APP_CAPTURE) {
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_wrap(L, tui_attr(TUI_S_INFERRED),
                       _("from the capture, not from a memory: these bytes crossed the wire, or "
                         "tlssim computed them here from the capture and the key material given"),
                       w, 0);
        return;
    }
    snprintf(why, sizeof why, _("inferred, not read: the %s is a real TLS stack whose memory is "
             "out of reach. What the %s verified of its messages by step %d proves it holds "
             "these bytes (the %s's note at that step says which message)."), peer, self,
             tui_model_step_number(&a->model, e->step), self);
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_wrap(L, tui_attr(TUI_S_INFERRED), why, w, 0);
}

static void value_lines(tui_app *a, const tls_event *e, size_t ev, tui_lines *L, int w,
                        char *title, size_t cap)
{
    const tui_glyphs *g = tui_glyph();
    const char *name = tls_value_name(e->value);
    bool secret = tls_value_info_of(e->value)->secret;
    snprintf(title, cap, "%s %s %s", name, g->dot, _(tls_party_name(e->party)));
    attr_t bold = tui_attr(TUI_S_NAME);
    tui_lines_add(L, bold, "%s", name);
    char size[64], when[160];
    snprintf(size, sizeof size, ngettext("%zu byte", "%zu bytes", e->len), e->len);
    snprintf(when, sizeof when, _("learned at step %d (%s)"),
             tui_model_step_number(&a->model, e->step), tui_model_step_name(&a->model, e->step));
    tui_lines_add(L, A_NORMAL, "%s %s %s %s %s",
                  e->party == TLS_PARTY_WIRE ? _("seen on the wire") :
                  e->inferred ? (e->party == TLS_PARTY_CLIENT ? _("inferred for the client")
                                                               : _("inferred for the server")) :
                  e->party == TLS_PARTY_CLIENT ? _("known to the client") : _("known to the server"),
                  g->dot, size, g->dot, when);
    if (secret)
        tui_lines_add(L, tui_attr(TUI_S_SECRET),
                      "%s", _("secret: never sent, never seen by the eavesdropper"));
    if (e->inferred)
        inferred_lines(a, e, L, w);
    if (e->text && e->text[0]) {
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_add(L, bold, "%s", _("meaning"));
        tui_lines_wrap(L, A_NORMAL, e->text, w, 2);
    }
    /* Secrets both ends computed on their own: show that they agree. */
    for (size_t i = 0; i < a->n_items[e->party]; i++) {
        const tui_item *it = &a->items[e->party][i];
        if (it->ev != ev || !it->agree || a->run.mode == TLS_APP_CAPTURE)
            continue;
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_add(L, tui_attr(it->agree > 0 ? TUI_S_OK : TUI_S_FAIL),
                      it->agree > 0 ? _("the %s computed exactly the same bytes on its own")
                                    : _("the %s holds DIFFERENT bytes under this name"),
                      _(tls_party_name(tui_model_peer(e->party))));
    }
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, bold, _("hex (%zu bytes)"), e->len);
    tui_lines_hex(L, secret ? tui_attr(TUI_S_SECRET) : A_NORMAL, tui_model_hex(&a->model, ev),
                  w, 2);
}

static void item_lines(tui_app *a, tui_lines *L, int w, char *title, size_t cap)
{
    size_t ev = a->popup.ev;
    if (ev >= a->trace.n)
        return;
    const tls_event *e = &a->trace.ev[ev];
    attr_t bold = tui_attr(TUI_S_NAME);
    char said[TLS_TEXT_VALUES_SIZE + 1024];
    tls_i18n_event_into(e, said, sizeof said);
    switch (e->kind) {
    case TLS_EV_VALUE:
        value_lines(a, e, ev, L, w, title, cap);
        return;
    case TLS_EV_CHECK:
        snprintf(title, cap, _("check by the %s"), _(tls_party_name(e->party)));
        tui_lines_add(L, bold, "%s",
                      e->what ? tls_i18n_template(e->what) : e->name ? e->name : _("check"));
        tui_lines_add(L, tui_attr(e->ok ? TUI_S_OK : TUI_S_FAIL),
                      e->ok ? _("passed at step %d (%s)") : _("FAILED at step %d (%s)"),
                      tui_model_step_number(&a->model, e->step),
                      tui_model_step_name(&a->model, e->step));
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_wrap(L, A_NORMAL, said, w, 0);
        return;
    case TLS_EV_ALERT:
        snprintf(title, cap, _("alert sent by the %s"), _(tls_party_name(e->party)));
        tui_lines_add(L, tui_attr(TUI_S_FAIL),
                      e->alert_level == TLS_ALERT_FATAL ? _("fatal alert %s (%d)")
                                                        : _("warning alert %s (%d)"),
                      tls_alert_name(e->alert_desc) ? tls_alert_name(e->alert_desc) : "?",
                      e->alert_desc);
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_wrap(L, A_NORMAL, said, w, 0);
        return;
    default:
        snprintf(title, cap, _("note (%s)"), _(tls_party_name(e->party)));
        tui_lines_wrap(L, A_NORMAL, said, w, 0);
        return;
    }
}

static void field_lines(tui_app *a, tui_lines *L, int w, char *title, size_t cap)
{
    tui_popup *p = &a->popup;
    if (p->record != a->sel[TUI_PANE_RECORDS] || p->row >= a->n_rows)
        return;
    const tui_row *row = &a->rows[p->row];
    attr_t bold = tui_attr(TUI_S_NAME);
    snprintf(title, cap, _("%s %s record #%zu"), row->name, tui_glyph()->dot,
             tui_model_record_number(&a->model, p->record));
    tui_lines_add(L, bold, "%s", row->name);
    size_t len = 0;
    const uint8_t *bytes = tui_model_row_bytes(&a->model, p->record, row, &len);
    if (bytes && row->length)
        tui_lines_add(L, A_NORMAL,
                      row->buf == TUI_BUF_PLAIN
                          ? _("bytes %zu..%zu (%zu) of the record's decrypted plaintext")
                          : _("bytes %zu..%zu (%zu) of the record's wire bytes"),
                      row->offset, row->offset + row->length - 1, row->length);
    else if (bytes)
        tui_lines_add(L, A_NORMAL, _("no bytes (at offset %zu)"), row->offset);
    if (row->value && row->value[0]) {
        tui_lines_add(L, A_NORMAL, "%s", "");
        tui_lines_add(L, bold, "%s", _("value"));
        char value[1024];
        tui_lines_wrap(L, A_NORMAL, tui_row_value(row, value, sizeof value), w, 2);
    }
    if (bytes && row->length && row->offset < len) {
        size_t n = row->offset + row->length > len ? len - row->offset : row->length;
        char *hex = tls_hex(bytes + row->offset, n);
        if (hex) {
            tui_lines_add(L, A_NORMAL, "%s", "");
            tui_lines_add(L, bold, _("hex (%zu bytes)"), n);
            tui_lines_hex(L, A_NORMAL, hex, w, 2);
            free(hex);
        }
    }
}

static void dump(tui_lines *L, const uint8_t *p, size_t len, int w)
{
    int bpr;
    bool ascii;
    tui_hex_fit(w, &bpr, &ascii);
    char line[256];
    for (size_t r = 0; r < tui_hex_rows(len, bpr); r++)
        if (tui_hex_format_row(p, len, r, bpr, ascii, line, sizeof line))
            tui_lines_add(L, A_NORMAL, "%s", line);
}

static void record_lines(tui_app *a, tui_lines *L, int w, char *title, size_t cap)
{
    size_t k = a->popup.record;
    if (k >= a->model.n_records)
        return;
    const tls_event *e = &a->trace.ev[a->model.records[k]];
    char label[160];
    tui_model_record_label(&a->model, k, label, sizeof label);
    const char *ct = tls_content_type_name(e->content_type);
    size_t num = tui_model_record_number(&a->model, k);
    snprintf(title, cap, _("record #%zu %s %s"), num, tui_glyph()->dot, label);
    tui_lines_add(L, tui_attr(TUI_S_NAME),
                  e->is_protected ? _("Record #%zu: %s %s %s, %s, %zu bytes, encrypted")
                                  : _("Record #%zu: %s %s %s, %s, %zu bytes"),
                  num, _(tls_party_name(e->party)), tui_glyph()->right,
                  _(tls_party_name(tui_model_peer(e->party))), ct ? ct : "?", e->len);
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, tui_attr(TUI_S_NAME), "%s", _("on the wire (what the eavesdropper sees)"));
    dump(L, e->bytes, e->len, w);
    if (e->is_protected && e->plaintext) {
        /* Live mode: our own records are traced as we encrypted them. */
        tui_view v = tui_model_view(e);
        tui_lines_add(L, A_NORMAL, "%s", "");
        if (v.captured)
            tui_lines_add(L, tui_attr(TUI_S_NAME),
                          _("decrypted with the key material (sequence number %llu)"),
                          (unsigned long long)e->seq);
        else
            tui_lines_add(L, tui_attr(TUI_S_NAME),
                          v.wrote ? _("encrypted by the %s (sequence number %llu)")
                                  : _("decrypted by the %s (sequence number %llu)"),
                          _(tls_party_name(v.who)), (unsigned long long)e->seq);
        dump(L, e->plaintext, e->plaintext_len, w);
    }
}

void tui_detail_lines(tui_app *a, tui_lines *out, int width, char *title, size_t title_cap)
{
    switch (a->popup.what) {
    case TUI_DETAIL_ITEM: item_lines(a, out, width, title, title_cap); break;
    case TUI_DETAIL_FIELD: field_lines(a, out, width, title, title_cap); break;
    case TUI_DETAIL_RECORD: record_lines(a, out, width, title, title_cap); break;
    }
}
