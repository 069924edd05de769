/* The channel: records as arrows between client and server, the selected
 * record's dissection tree, and its bytes with the selected field lit. */
#include <stdio.h>
#include <string.h>

#include "hexview.h"
#include "panes.h"
#include "textw.h"
#include "tlssim/i18n.h"

static const tls_event *record_event(const tui_app *a, size_t k)
{
    return &a->trace.ev[a->model.records[k]];
}

/* One record as an arrow: "#3 client ───── ServerKeyExchange · 338 B ────◀ server". */
static void draw_record_row(tui_app *a, size_t k, int y, int x, int w, attr_t sel)
{
    const tui_glyphs *g = tui_glyph();
    const tls_event *e = record_event(a, k);
    bool c2s = e->party == TLS_PARTY_CLIENT;
    bool fresh = tui_model_record_step(&a->model, k) == a->step;
    char label[160], text[256], num[32];
    tui_model_record_label(&a->model, k, label, sizeof label);
    snprintf(text, sizeof text, e->is_protected ? _(" %s %s %zu B, encrypted ") : " %s %s %zu B ",
             label, g->dot, e->len);
    snprintf(num, sizeof num, "#%-2zu ", tui_model_record_number(&a->model, k));
    tui_fill(y, x, w, sel);
    int cx = x;
    cx += tui_put(y, cx, w, num, tui_attr(TUI_S_DIM) | sel);
    /* TRANSLATORS: the party labels at both ends of a record's arrow. */
    const char *client = _("client"), *server = _("server");
    cx += tui_put(y, cx, x + w - cx, client, tui_attr(TUI_S_CLIENT) | sel);
    cx += tui_put(y, cx, x + w - cx, " ", sel);
    int right = 1 + tui_text_width(server);
    int mid = x + w - cx - right;
    int tw = tui_text_width(text);
    attr_t at = (fresh ? tui_attr(TUI_S_FRESH) : A_NORMAL) | sel;
    attr_t shaft = (fresh ? tui_attr(TUI_S_FRESH) : tui_attr(TUI_S_DIM)) | sel;
    if (mid >= tw + 3) {
        int fill = mid - tw - 1;
        int lfill = fill / 2, rfill = fill - lfill;
        if (!c2s)
            cx += tui_put(y, cx, 1, g->arrow_l, at);
        for (int i = 0; i < lfill; i++)
            cx += tui_put(y, cx, 1, g->h, shaft);
        cx += tui_put(y, cx, tw, text, at);
        for (int i = 0; i < rfill; i++)
            cx += tui_put(y, cx, 1, g->h, shaft);
        if (c2s)
            cx += tui_put(y, cx, 1, g->arrow_r, at);
    } else {
        /* Too narrow for a shaft: the direction as a word-sized arrow. */
        cx += tui_put(y, cx, 2, c2s ? g->right : g->left, at);
        cx += tui_put_ell(y, cx, mid - 2, text, at);
        cx = x + w - right;
    }
    tui_put(y, x + w - right, 1, " ", sel);
    tui_put(y, x + w - right + 1, right - 1, server, tui_attr(TUI_S_SERVER) | sel);
}

void tui_draw_records(tui_app *a, tui_rect r)
{
    bool focus = a->focus == TUI_PANE_RECORDS;
    char title[96];
    snprintf(title, sizeof title,
             ngettext("Channel: %zu record so far", "Channel: %zu records so far", a->n_records),
             a->n_records);
    tui_box(r, title, focus);
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 2)
        return;
    if (a->n_records == 0) {
        tui_put(in.y, in.x + 1, in.w - 1, _("(nothing has been sent yet)"), tui_attr(TUI_S_DIM));
        return;
    }
    size_t vis = (size_t)in.h, sel = a->sel[TUI_PANE_RECORDS];
    size_t sc = a->scroll[TUI_PANE_RECORDS];
    if (a->reveal[TUI_PANE_RECORDS])
        sc = tui_scroll_follow(sc, a->n_records - 1, a->n_records - 1, vis, a->n_records);
    a->reveal[TUI_PANE_RECORDS] = false;
    sc = tui_scroll_follow(sc, sel, sel, vis, a->n_records);
    a->scroll[TUI_PANE_RECORDS] = sc;
    a->page[TUI_PANE_RECORDS] = vis;
    int y = in.y;
    for (size_t k = sc; k < a->n_records && k < sc + vis; k++, y++) {
        bool is_sel = k == sel;
        if (is_sel)
            tui_put(y, in.x, 1, tui_glyph()->arrow_r, A_BOLD);
        draw_record_row(a, k, y, in.x + 1, in.w - 1,
                        is_sel && focus ? tui_attr(TUI_S_SELECTED) : A_NORMAL);
    }
    tui_box_more(r, sc > 0, sc + vis < a->n_records);
    /* A skipped step sends nothing: say so where its record would be. */
    int left = in.y + in.h - y;
    if (a->model.skipped[a->step] && left >= 1) {
        char why[512], reason[400];
        snprintf(why, sizeof why, _("Step %d sends nothing. %s"), a->step,
                 tls_i18n_text_into(a->model.skip_msg[a->step], reason, sizeof reason));
        tui_put_wrapped(y, in.x + 1, in.w - 2, left, why, tui_attr(TUI_S_NOTICE));
    }
}

void tui_draw_fields(tui_app *a, tui_rect r)
{
    bool focus = a->focus == TUI_PANE_FIELDS;
    char title[96];
    snprintf(title, sizeof title, _("Dissection of record #%zu"),
             tui_model_record_number(&a->model, a->sel[TUI_PANE_RECORDS]));
    tui_box(r, a->n_records ? title : _("Dissection"), focus);
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 2 || a->n_rows == 0)
        return;
    size_t vis = (size_t)in.h, sel = a->sel[TUI_PANE_FIELDS];
    if (sel >= a->n_rows)
        sel = a->sel[TUI_PANE_FIELDS] = a->n_rows - 1;
    size_t sc = tui_scroll_follow(a->scroll[TUI_PANE_FIELDS], sel, sel, vis, a->n_rows);
    a->scroll[TUI_PANE_FIELDS] = sc;
    a->page[TUI_PANE_FIELDS] = vis;
    for (size_t i = sc; i < a->n_rows && i < sc + vis; i++) {
        const tui_row *row = &a->rows[i];
        int y = in.y + (int)(i - sc);
        bool is_sel = i == sel;
        attr_t sel_at = is_sel && focus ? tui_attr(TUI_S_SELECTED) : A_NORMAL;
        if (is_sel)
            tui_put(y, in.x, 1, tui_glyph()->arrow_r, A_BOLD);
        int x = in.x + 1, w = in.w - 1;
        tui_fill(y, x, w, sel_at);
        int indent = 2 * row->depth;
        if (indent > w / 2)
            indent = w / 2;
        bool heading = row->label[0] != '\0';
        int used = indent;
        attr_t name_at = (heading ? tui_attr(TUI_S_PANE_TITLE) | tui_attr(TUI_S_CLIENT)
                                  : tui_attr(TUI_S_NAME)) | sel_at;
        bool has_value = row->value && row->value[0];
        if (has_value)
            used += tui_put(y, x + used, w - used, row->name, name_at);
        else
            used += tui_put_ell(y, x + used, w - used, row->name, name_at);
        if (has_value) {
            used += tui_put(y, x + used, w - used, ": ", sel_at);
            char value[1024];
            tui_put_ell(y, x + used, w - used, tui_row_value(row, value, sizeof value), sel_at);
        }
    }
    tui_box_more(r, sc > 0, sc + vis < a->n_rows);
}

/* Light the columns [c0, c1) of a row that hold the selected bytes. */
static void light(int y, int x, const char *row, int c0, int c1, attr_t at)
{
    if (c1 > c0)
        tui_put_n(y, x + c0, c1 - c0, row + c0, (size_t)(c1 - c0), at);
}

/* Light bytes [h0, h1) where they fall in hex row i (bytes r0.. of it). */
static void light_bytes(int y, int x, const char *line, size_t i, int bpr, bool ascii,
                        size_t h0, size_t h1, attr_t at)
{
    size_t r0 = i * (size_t)bpr, r1 = r0 + (size_t)bpr;
    size_t s0 = h0 > r0 ? h0 : r0, s1 = h1 < r1 ? h1 : r1;
    if (s1 <= s0)
        return;
    int b0 = (int)(s0 - r0), b1 = (int)(s1 - r0) - 1;
    light(y, x, line, tui_hex_byte_col(b0, bpr), tui_hex_byte_col(b1, bpr) + 2, at);
    if (ascii)
        light(y, x, line, tui_hex_ascii_col(b0, bpr), tui_hex_ascii_col(b1, bpr) + 1, at);
}

void tui_draw_hex(tui_app *a, tui_rect r)
{
    const tui_row *row = a->n_rows ? &a->rows[a->sel[TUI_PANE_FIELDS] < a->n_rows
                                                 ? a->sel[TUI_PANE_FIELDS] : 0] : NULL;
    size_t len = 0, k = a->sel[TUI_PANE_RECORDS];
    const uint8_t *p = NULL;
    bool plain = false;
    if (a->n_records) {
        p = tui_model_row_bytes(&a->model, k, row, &len);
        plain = row && row->buf == TUI_BUF_PLAIN;
        if (!p) {
            tui_row wire = {.buf = TUI_BUF_WIRE};
            p = tui_model_row_bytes(&a->model, k, &wire, &len);
        }
    }
    char title[128];
    size_t num = tui_model_record_number(&a->model, k);
    if (!p) {
        snprintf(title, sizeof title, "%s", _("Bytes"));
    } else if (plain) {
        /* The plaintext as the receiver decrypted it, or in live mode as
         * our side encrypted it. */
        tui_view v = tui_model_view(record_event(a, k));
        if (v.captured)
            snprintf(title, sizeof title, _("Record #%zu decrypted with the key material: %zu bytes"),
                     num, len);
        else
            snprintf(title, sizeof title,
                     v.wrote ? _("Record #%zu encrypted by the %s: %zu bytes")
                             : _("Record #%zu decrypted by the %s: %zu bytes"),
                     num, _(tls_party_name(v.who)), len);
    } else {
        snprintf(title, sizeof title, _("Record #%zu on the wire: %zu bytes"), num, len);
    }
    /* The attack lab: the bytes the attacker changed, in the failure colour. */
    const tls_event *changed = p && !plain && record_event(a, k)->changed_len ? record_event(a, k)
                                                                             : NULL;
    if (changed)
        snprintf(title + strlen(title), sizeof title - strlen(title), " · %s",
                 _("red: changed by the attacker"));
    tui_box(r, title, false);
    tui_rect in = tui_inner(r);
    if (!p || in.h <= 0 || in.w <= 0)
        return;
    int bpr;
    bool ascii;
    tui_hex_fit(in.w, &bpr, &ascii);
    size_t rows = tui_hex_rows(len, bpr), vis = (size_t)in.h;
    /* The selected field's bytes, clipped to the buffer. */
    size_t h0 = 0, h1 = 0;
    if (row && (row->buf == TUI_BUF_WIRE || row->buf == TUI_BUF_PLAIN) && row->offset < len) {
        h0 = row->offset;
        h1 = row->offset + row->length > len ? len : row->offset + row->length;
    }
    if (h1 > h0)
        a->hex_scroll = tui_scroll_follow(a->hex_scroll, tui_hex_row_of(h0, bpr),
                                          tui_hex_row_of(h1 - 1, bpr), vis, rows);
    else
        a->hex_scroll = tui_scroll_follow(a->hex_scroll, 0, 0, vis, rows);
    char line[256];
    for (size_t i = a->hex_scroll; i < rows && i < a->hex_scroll + vis; i++) {
        int y = in.y + (int)(i - a->hex_scroll);
        if (!tui_hex_format_row(p, len, i, bpr, ascii, line, sizeof line))
            continue;
        tui_put(y, in.x, in.w, line, tui_attr(TUI_S_VALUE));
        if (changed)
            light_bytes(y, in.x, line, i, bpr, ascii, changed->changed_at,
                        changed->changed_at + changed->changed_len, tui_attr(TUI_S_FAIL));
        light_bytes(y, in.x, line, i, bpr, ascii, h0, h1, tui_attr(TUI_S_HEX_HL));
    }
    tui_box_more(r, a->hex_scroll > 0, a->hex_scroll + vis < rows);
}
