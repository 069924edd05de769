/* The client, server and eavesdropper columns: what each party knows now. */
#include <stdio.h>
#include <string.h>

#include "panes.h"
#include "textw.h"
#include "tlssim/msg.h"
#include "tlssim/i18n.h"

/* The eavesdropper's pane is wide and has no secrets: one row per value. */
static bool one_row_values(tui_pane pane, int w)
{
    return pane == TUI_PANE_WIRE && w >= 60;
}

/* Rows an item takes at inner width w in a pane. */
static int item_height(tui_pane pane, const tui_item *it, int w)
{
    switch (it->kind) {
    case TUI_ITEM_VALUE: return one_row_values(pane, w) ? 1 : 2;
    case TUI_ITEM_NOTE: return 2;
    default: return 1;
    }
}

/* The "new" tag at the right of a row that ends at x_end, and the room it
 * takes with its leading space. */
static int new_tag_width(void)
{
    return tui_text_width(_("new")) + 1;
}

static void put_new_tag(int y, int x_end)
{
    int tw = new_tag_width() - 1;
    tui_put(y, x_end - tw, tw, _("new"), tui_attr(TUI_S_FRESH));
}

/* Tags at the right of a value's name: inferred, secret, agreement with
 * the peer, new.  When they do not all fit, "inferred" wins (without it a
 * live run's guess would pass for a read value), then "secret", then "new". */
#define VALUE_TAGS 4
static void value_tags(const tui_item *it, const tls_event *e, bool capture, int y, int x_end,
                       int room)
{
    const tui_glyphs *g = tui_glyph();
    char agree[32] = "";
    /* A capture's secrets were computed once, here: no side computed them
     * "on its own", so their agreeing proves nothing. */
    if (it->agree && !capture)
        snprintf(agree, sizeof agree, "%s %s", it->agree > 0 ? g->equal : g->differ,
                 _(tls_party_name(tui_model_peer(e->party))));
    bool secret = tls_value_info_of(e->value)->secret;
    const char *tags[VALUE_TAGS] = {e->inferred ? _("inferred") : NULL, secret ? _("secret") : NULL,
                                    agree[0] ? agree : NULL, it->fresh ? _("new") : NULL};
    const tui_style styles[VALUE_TAGS] = {TUI_S_INFERRED, TUI_S_SECRET,
                                          it->agree > 0 ? TUI_S_OK : TUI_S_FAIL, TUI_S_FRESH};
    static const int priority[VALUE_TAGS] = {0, 1, 3, 2};
    bool keep[VALUE_TAGS] = {false, false, false, false};
    int used = 0;
    for (int k = 0; k < VALUE_TAGS; k++) {
        int i = priority[k];
        if (!tags[i])
            continue;
        int w = tui_text_width(tags[i]) + 1;
        if (used + w > room)
            continue;
        keep[i] = true;
        used += w;
    }
    int x = x_end - used;
    for (int i = 0; i < VALUE_TAGS; i++) {
        if (!keep[i])
            continue;
        x += 1;
        x += tui_put(y, x, x_end - x, tags[i], tui_attr(styles[i]));
    }
}

static const char *value_shown(const tui_app *a, const tui_item *it)
{
    const tls_event *e = &a->trace.ev[it->ev];
    return e->text && e->text[0] ? e->text : tui_model_hex(&a->model, it->ev);
}

static void draw_value_row(tui_app *a, tui_pane pane, const tui_item *it, int row, int y,
                           int x, int w, attr_t sel)
{
    const tls_event *e = &a->trace.ev[it->ev];
    attr_t name_at = (it->fresh ? tui_attr(TUI_S_FRESH) : tui_attr(TUI_S_NAME)) | sel;
    const char *name = tls_value_name(e->value);
    attr_t val_at = tls_value_info_of(e->value)->secret ? tui_attr(TUI_S_SECRET)
                                                        : tui_attr(TUI_S_VALUE);
    if (one_row_values(pane, w)) {
        int nw = 24;
        tui_fill(y, x, w, sel);
        tui_put_ell(y, x, nw - 1, name, name_at);
        int tagw = it->fresh ? new_tag_width() : 0;
        tui_put_ell(y, x + nw, w - nw - tagw, value_shown(a, it), val_at | sel);
        if (it->fresh)
            put_new_tag(y, x + w);
        return;
    }
    if (row == 0) {
        tui_fill(y, x, w, sel);
        int used = tui_put_ell(y, x, w, name, name_at);
        value_tags(it, e, a->run.mode == TLS_APP_CAPTURE, y, x + w, w - used - 1);
    } else {
        tui_put_ell(y, x + 2, w - 2, value_shown(a, it), val_at);
    }
}

static void draw_check_row(tui_app *a, const tui_item *it, int y, int x, int w, attr_t sel)
{
    const tui_glyphs *g = tui_glyph();
    const tls_event *e = &a->trace.ev[it->ev];
    bool ok = it->kind == TUI_ITEM_CHECK && e->ok;
    /* A warning alert (close_notify) is an orderly goodbye, not a failure. */
    bool calm = it->kind == TUI_ITEM_ALERT && e->alert_level != TLS_ALERT_FATAL;
    tui_fill(y, x, w, sel);
    int used = tui_put(y, x, w, calm ? g->bullet : ok ? g->ok : g->fail,
                       tui_attr(calm ? TUI_S_DIM : ok ? TUI_S_OK : TUI_S_FAIL) | sel);
    char line[512], said[400];
    tls_i18n_event_into(e, said, sizeof said);
    if (it->kind == TUI_ITEM_ALERT)
        snprintf(line, sizeof line, _(" alert %s: %s"),
                 tls_alert_name(e->alert_desc) ? tls_alert_name(e->alert_desc) : "?", said);
    else
        snprintf(line, sizeof line, " %s: %s",
                 e->what ? tls_i18n_template(e->what) : e->name ? e->name : _("check"), said);
    int tagw = it->fresh ? new_tag_width() : 0;
    tui_put_ell(y, x + used, w - used - tagw, line,
                (it->fresh ? (attr_t)A_BOLD : A_NORMAL) | sel);
    if (it->fresh)
        put_new_tag(y, x + w);
}

/* A note: its sentence over two rows, the rest behind Enter. */
static void draw_note_row(tui_app *a, const tui_item *it, int row, int y, int x, int w, attr_t sel)
{
    char said[TLS_TEXT_VALUES_SIZE + 1024];
    const char *s = tls_i18n_event_into(&a->trace.ev[it->ev], said, sizeof said);
    size_t len = strlen(s);
    int lead = tui_text_width(tui_glyph()->bullet) + 1;
    size_t first = tui_text_fit_words(s, len, w - lead, NULL);
    if (row == 0) {
        tui_fill(y, x, w, sel);
        tui_put(y, x, lead, tui_glyph()->bullet, tui_attr(TUI_S_DIM) | sel);
        tui_put_n(y, x + lead, w - lead, s, first, sel);
        return;
    }
    const char *rest = s + first;
    while (*rest == ' ')
        rest++;
    tui_put_ell(y, x + lead, w - lead, rest, A_NORMAL);
}

static void draw_item_row(tui_app *a, tui_pane pane, const tui_item *it, int row, int y, int x,
                          int w, attr_t sel)
{
    switch (it->kind) {
    case TUI_ITEM_VALUE: draw_value_row(a, pane, it, row, y, x, w, sel); break;
    case TUI_ITEM_NOTE: draw_note_row(a, it, row, y, x, w, sel); break;
    default: draw_check_row(a, it, y, x, w, sel); break;
    }
}

/* Rows taken by items [from, to]. */
static int rows_between(tui_pane pane, const tui_item *items, size_t from, size_t to, int w)
{
    int rows = 0;
    for (size_t i = from; i <= to; i++)
        rows += item_height(pane, &items[i], w);
    return rows;
}

/*
 * First item to show so that item `target` is on screen, moving as little
 * as possible, and never leaving blank rows at the bottom while earlier
 * items could fill them.
 */
static size_t follow_items(tui_pane pane, const tui_item *items, size_t n, int w, size_t top,
                           size_t target, int vis)
{
    if (top >= n)
        top = n - 1;
    if (target < top)
        top = target;
    while (top < target && rows_between(pane, items, top, target, w) > vis)
        top++;
    while (top > 0 && rows_between(pane, items, top - 1, n - 1, w) <= vis)
        top--;
    return top;
}

static const char *pane_title(const tui_app *a, tui_pane pane)
{
    /* A live run's real peer: nothing of it was read, only deduced. */
    if (a->live && tui_pane_party(pane) == a->live_peer)
        return pane == TUI_PANE_CLIENT ? _("Client (inferred)") : _("Server (inferred)");
    /* A capture's columns: what it proves each side sent or knows, and
     * what the key material computes (the help and the header say so). */
    if (a->run.mode == TLS_APP_CAPTURE && (pane == TUI_PANE_CLIENT || pane == TUI_PANE_SERVER))
        return pane == TUI_PANE_CLIENT ? _("Client, per the capture") : _("Server, per the capture");
    switch (pane) {
    case TUI_PANE_CLIENT: return _("Client knows");
    case TUI_PANE_SERVER: return _("Server knows");
    case TUI_PANE_ATTACKER: return _("Attacker does and knows");
    default: return _("Eavesdropper sees (only the wire)");
    }
}

static const char *empty_text(const tui_app *a, tui_pane pane)
{
    if (pane == TUI_PANE_WIRE)
        return _("(nothing has crossed the wire yet)");
    if (pane == TUI_PANE_ATTACKER)
        return _("(the attacker has only watched so far)");
    if (a->live && tui_pane_party(pane) == a->live_peer)
        return _("(nothing inferred yet: a real peer's memory cannot be read)");
    if (a->run.mode == TLS_APP_CAPTURE)
        return _("(nothing of it in the capture yet)");
    return _("(knows nothing yet)");
}

void tui_draw_party(tui_app *a, tui_pane pane, tui_rect r)
{
    bool focus = a->focus == pane;
    tls_party who = tui_pane_party(pane);
    const tui_item *items = a->items[who];
    size_t n = a->n_items[who];
    char title[96];
    size_t values = 0;
    for (size_t i = 0; i < n; i++)
        values += items[i].kind == TUI_ITEM_VALUE;
    snprintf(title, sizeof title, ngettext("%s: %zu value", "%s: %zu values", values),
             pane_title(a, pane), values);
    tui_box(r, title, focus);
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 2)
        return;
    /* One column of gutter for the selection mark. */
    int x = in.x + 1, w = in.w - 1;
    if (n == 0) {
        tui_put_wrapped(in.y, x, w, in.h, empty_text(a, pane), tui_attr(TUI_S_DIM));
        return;
    }
    size_t sel = a->sel[pane] < n ? a->sel[pane] : n - 1;
    size_t first_fresh = n, last_fresh = n;
    for (size_t i = 0; i < n; i++)
        if (items[i].fresh) {
            if (first_fresh == n)
                first_fresh = i;
            last_fresh = i;
        }
    /* Scroll by whole items, so no value is shown without its name. */
    int vis = in.h;
    size_t top = a->scroll[pane];
    if (a->reveal[pane] && first_fresh < n) {
        top = follow_items(pane, items, n, w, top, last_fresh, vis);
        top = follow_items(pane, items, n, w, top, first_fresh, vis);
    }
    a->reveal[pane] = false;
    top = follow_items(pane, items, n, w, top, sel, vis);
    a->scroll[pane] = top;
    a->page[pane] = vis > 2 ? (size_t)vis / 2 : 1; /* items are mostly two rows */
    int y = in.y;
    size_t i = top;
    for (; i < n; i++) {
        int h = item_height(pane, &items[i], w);
        if (y + h > in.y + vis)
            break;
        bool is_sel = i == sel;
        for (int k = 0; k < h; k++) {
            attr_t sel_at = is_sel && focus && k == 0 ? tui_attr(TUI_S_SELECTED) : A_NORMAL;
            if (is_sel && k == 0 && focus)
                tui_put(y, in.x, 1, tui_glyph()->arrow_r, A_BOLD);
            draw_item_row(a, pane, &items[i], k, y + k, x, w, sel_at);
        }
        y += h;
    }
    bool more_above = top > 0, more_below = i < n;
    /* Say when there is more above or below than fits. */
    tui_box_more(r, more_above, more_below);
}
