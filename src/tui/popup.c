/* The popup over the main screen: help, or one thing opened whole.  Its
 * lines are rebuilt at every draw, so a resize re-wraps them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attack_menu.h"
#include "hexview.h"
#include "keys.h"
#include "panes.h"
#include "textw.h"
#include "tlssim/i18n.h"

/* ------------------------------------------------------------ lines */

static void lines_push(tui_lines *L, attr_t a, char *text)
{
    if (!text)
        return;
    if (L->n == L->cap) {
        size_t cap = L->cap ? 2 * L->cap : 32;
        tui_line *v = realloc(L->v, cap * sizeof *v);
        if (!v) {
            free(text);
            return;
        }
        L->v = v;
        L->cap = cap;
    }
    L->v[L->n].attr = a;
    L->v[L->n].text = text;
    L->n++;
}

void tui_lines_add(tui_lines *L, attr_t a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    lines_push(L, a, s);
}

void tui_lines_wrap(tui_lines *L, attr_t a, const char *text, int width, int indent)
{
    if (!text || !text[0]) {
        tui_lines_add(L, a, "%*s", indent, "");
        return;
    }
    if (width < indent + 2)
        width = indent + 2;
    char *w = tls_wrap_text(text, width - indent, indent);
    if (!w) {
        tui_lines_add(L, a, "%s", text);
        return;
    }
    char *p = w;
    while (*p) {
        char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        tui_lines_add(L, a, "%.*s", (int)len, p);
        p += len + (nl ? 1 : 0);
    }
    free(w);
}

void tui_lines_hex(tui_lines *L, attr_t a, const char *hex, int width, int indent)
{
    size_t len = strlen(hex);
    size_t per = (size_t)tui_hex_wrap_chars(width - indent);
    if (len == 0)
        tui_lines_add(L, a, "%*s%s", indent, "", _("(empty)"));
    for (size_t i = 0; i < len; i += per)
        tui_lines_add(L, a, "%*s%.*s", indent, "", (int)per, hex + i);
}

void tui_lines_free(tui_lines *L)
{
    for (size_t i = 0; i < L->n; i++)
        free(L->v[i].text);
    free(L->v);
    memset(L, 0, sizeof *L);
}

/* ------------------------------------------------------------ popup */

void tui_popup_open_selected(tui_app *a)
{
    tui_popup *p = &a->popup;
    memset(p, 0, sizeof *p);
    switch (a->focus) {
    case TUI_PANE_CLIENT:
    case TUI_PANE_SERVER:
    case TUI_PANE_WIRE:
    case TUI_PANE_ATTACKER: {
        tls_party who = tui_pane_party(a->focus);
        if (a->n_items[who] == 0)
            return;
        size_t i = a->sel[a->focus] < a->n_items[who] ? a->sel[a->focus] : 0;
        p->what = TUI_DETAIL_ITEM;
        p->ev = a->items[who][i].ev;
        break;
    }
    case TUI_PANE_RECORDS:
        if (a->n_records == 0)
            return;
        p->what = TUI_DETAIL_RECORD;
        p->record = a->sel[TUI_PANE_RECORDS];
        break;
    case TUI_PANE_FIELDS:
        if (a->n_rows == 0)
            return;
        p->what = TUI_DETAIL_FIELD;
        p->record = a->sel[TUI_PANE_RECORDS];
        p->row = a->sel[TUI_PANE_FIELDS];
        break;
    default:
        /* The lesson pane is already whole: Enter does nothing there. */
        return;
    }
    p->kind = TUI_POPUP_DETAIL;
}

/* The popup's keys from the key table: " ↑↓ scroll · Esc close ". */
static void popup_foot(const tui_app *a, char *buf, size_t cap)
{
    const tui_key *k[16];
    unsigned screen = a->popup.kind == TUI_POPUP_ATTACKS ? TUI_KEYS_MENU : TUI_KEYS_POPUP;
    size_t n = tui_keys_footer(a, screen, k, sizeof k / sizeof k[0]);
    size_t len = (size_t)snprintf(buf, cap, " ");
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s%s%s %s", i ? " " : "",
                                i ? tui_glyph()->dot : "", i ? " " : "",
                                tui_key_footer_name(k[i]), tui_key_footer_label(k[i]));
    if (len < cap)
        snprintf(buf + len, cap - len, " ");
}

void tui_draw_popup(tui_app *a)
{
    tui_popup *p = &a->popup;
    if (p->kind == TUI_POPUP_NONE)
        return;
    int w = COLS - 4 < 104 ? COLS - 4 : 104;
    if (w < 20)
        return;
    int tw = w - 4;
    tui_lines L = {0};
    char title[160];
    snprintf(title, sizeof title, "%s", _("Help"));
    if (p->kind == TUI_POPUP_HELP)
        tui_help_lines(a, &L, tw);
    else if (p->kind == TUI_POPUP_ATTACKS) {
        snprintf(title, sizeof title, "%s", _("The attack lab"));
        tui_attack_menu_lines(a, &L, tw);
    } else if (p->kind == TUI_POPUP_GLOSSARY) {
        snprintf(title, sizeof title, "%s", _("Glossary: English / 中文"));
        tui_glossary_lines(a, &L, tw);
    } else
        tui_detail_lines(a, &L, tw, title, sizeof title);
    int h = (int)L.n + 2;
    if (h > LINES - 2)
        h = LINES - 2;
    if (h < 3)
        h = 3;
    tui_rect r = {(LINES - h) / 2, (COLS - w) / 2, h, w};
    for (int y = r.y; y < r.y + r.h; y++)
        tui_fill(y, r.x, r.w, A_NORMAL);
    tui_box(r, title, true);
    tui_rect in = tui_inner(r);
    size_t vis = (size_t)in.h;
    size_t max = L.n > vis ? L.n - vis : 0;
    if (p->scroll > max)
        p->scroll = max;
    p->total = L.n;
    p->page = vis;
    for (size_t i = p->scroll; i < L.n && i < p->scroll + vis; i++)
        tui_put_ell(in.y + (int)(i - p->scroll), in.x + 1, in.w - 2, L.v[i].text, L.v[i].attr);
    char foot[128];
    popup_foot(a, foot, sizeof foot);
    if (L.n > vis) {
        char pos[64];
        snprintf(pos, sizeof pos, _(" %zu-%zu of %zu "), p->scroll + 1,
                 p->scroll + vis < L.n ? p->scroll + vis : L.n, L.n);
        tui_put(r.y + r.h - 1, r.x + 2, r.w - 4, pos, tui_attr(TUI_S_DIM));
    }
    tui_put_right(r.y + r.h - 1, r.x + r.w - 2, r.w - 4, foot, tui_attr(TUI_S_KEY));
    tui_lines_free(&L);
}
