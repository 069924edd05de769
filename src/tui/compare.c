/*
 * The comparison screen's draw/key pair (--compare in the TUI): the runs
 * of a tls_compare stepped together, one aligned message at a time, one
 * box per run (side by side; stacked on a narrow terminal).  Each box says
 * what crossed, what the eavesdropper learns and holds, what is signed,
 * where the pre-master comes from, and the values each party learned; a
 * fact that differs between the runs is marked.  After the last message,
 * the end page (compare_end.c).  Everything shown comes from the runs'
 * traces and tls_compare's facts.
 */
#include "compare_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "panes.h"
#include "textw.h"
#include "theme.h"
#include "tlssim/i18n.h"

int tui_compare_pages(const tui_app *a) { return a->cmp->nrows + 1; }

bool tui_compare_advance(tui_app *a)
{
    if (a->cmp_row + 1 >= tui_compare_pages(a))
        return false;
    a->cmp_row++;
    a->scroll[TUI_PANE_LESSON] = 0;
    return true;
}

void tui_compare_next(tui_app *a)
{
    if (!tui_compare_advance(a))
        tui_app_status(a, "%s", _("this is the last page"));
}

void tui_compare_back(tui_app *a)
{
    if (a->cmp_row == 0) {
        tui_app_status(a, "%s", _("this is the first message"));
        return;
    }
    a->cmp_row--;
    a->scroll[TUI_PANE_LESSON] = 0;
}

void tui_compare_first(tui_app *a) { a->cmp_row = 0; }
void tui_compare_last(tui_app *a) { a->cmp_row = tui_compare_pages(a) - 1; }

/* What the eavesdropper of run \p i holds once row \p row has crossed. */
void tui_compare_holds(const tls_compare *c, int row, int i, bool *out)
{
    memset(out, 0, TLS_VALUE_COUNT * sizeof *out);
    for (int r = 0; r <= row && r < c->nrows; r++) {
        tls_compare_facts f;
        tls_compare_facts_of(c, r, i, &f);
        for (int k = 0; k < TLS_VALUE_COUNT; k++)
            out[k] = out[k] || f.wire[k];
    }
}

/* What run \p i's eavesdropper holds after \p row that another run's does
 * not: the difference in their holdings (false everywhere when none). */
static bool holds_unshared(const tls_compare *c, int row, int i, bool *out)
{
    bool mine[TLS_VALUE_COUNT], all[TLS_VALUE_COUNT], h[TLS_VALUE_COUNT], any = false;
    tui_compare_holds(c, row, i, mine);
    memcpy(all, mine, sizeof all);
    for (int j = 0; j < c->n; j++) {
        tui_compare_holds(c, row, j, h);
        for (int k = 0; k < TLS_VALUE_COUNT; k++)
            all[k] = all[k] && h[k];
    }
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        out[k] = mine[k] && !all[k];
        any = any || out[k];
    }
    return any;
}

void tui_compare_value_names(const bool *set, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int k = 0; k < TLS_VALUE_COUNT && n < cap; k++)
        if (set[k])
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "",
                                  tls_value_name((tls_value_kind)k));
    if (!out[0])
        snprintf(out, cap, "-");
}

int tui_compare_fact(int y, tui_rect in, int rows, bool marked, const char *label,
                     const char *text)
{
    if (rows <= 0)
        return 0;
    const char *mark = marked ? "* " : "  ";
    attr_t at = marked ? tui_attr(TUI_S_FRESH) : A_NORMAL;
    int x = in.x + tui_put(y, in.x, in.w, mark, at);
    x += tui_put(y, x, in.x + in.w - x, label, at | A_BOLD);
    x += tui_put(y, x, in.x + in.w - x, " ", A_NORMAL);
    int w = in.x + in.w - x;
    return w > 8 ? tui_put_wrapped(y, x, w, rows, text, at) : 1;
}

/* Where run \p i's pre-master came from, in one sentence. */
void tui_compare_origin_text(const tls_compare *c, int i, char *out, size_t cap)
{
    tls_compare_origin o;
    tls_compare_origin_of(c, i, &o);
    char from[512];
    tui_compare_value_names(o.carried, from, sizeof from);
    if (o.derived)
        snprintf(out, cap, _("derived by each side from the key shares %s"), from);
    else if (o.step)
        snprintf(out, cap, _("chosen by the %s, sent sealed to the server's key in %s"),
                 _(tls_party_name(o.chosen_by)), from);
    else
        snprintf(out, cap, "%s", _("never known"));
}

/* The facts of run \p i at the row, marked where they differ; returns the
 * lines used. */
static int draw_facts(const tui_app *a, int i, tui_rect in, unsigned d)
{
    const tls_compare *c = a->cmp;
    tls_compare_facts f;
    tls_compare_facts_of(c, a->cmp_row, i, &f);
    bool held[TLS_VALUE_COUNT];
    bool hdiff = holds_unshared(c, a->cmp_row, i, held);
    char text[1024], n[32];
    int y = in.y, end = in.y + in.h, wide = in.w >= 60 ? 2 : 1;
    snprintf(n, sizeof n, "%zu", f.bytes);
    y += tui_compare_fact(y, in, end - y, d & TLS_COMPARE_DIFF_BYTES, _("bytes crossed:"), n);
    tui_compare_value_names(f.wire, text, sizeof text);
    y += tui_compare_fact(y, in, (end - y < wide ? end - y : wide), d & TLS_COMPARE_DIFF_WIRE,
                          _("eavesdropper learns:"), text);
    if (hdiff) {
        tui_compare_value_names(held, text, sizeof text);
        y += tui_compare_fact(y, in, (end - y < wide ? end - y : wide), true,
                              _("eavesdropper holds, not in every run:"), text);
    }
    if (d & TLS_COMPARE_DIFF_SIGNED) {
        tui_compare_value_names(f.signed_, text, sizeof text);
        y += tui_compare_fact(y, in, end - y, true, _("signed:"), text);
    }
    if (f.pre_master) {
        tui_compare_origin_text(c, i, text, sizeof text);
        y += tui_compare_fact(y, in, end - y < 2 ? end - y : 2,
                              d & TLS_COMPARE_DIFF_PRE_MASTER, _("pre-master:"), text);
    }
    return y - in.y;
}

/* One value line: "party name meaning-or-hex", cut to the column. */
static void value_line(int y, tui_rect in, const tls_event *e)
{
    const tls_value_info *v = tls_value_info_of(e->value);
    int x = in.x + 2, end = in.x + in.w;
    char party[32];
    tui_text_pad(party, sizeof party, _(tls_party_name(e->party)), 7);
    x += tui_put(y, x, end - x, party, tui_attr(TUI_S_DIM));
    x += tui_put(y, x, end - x, " ", A_NORMAL);
    x += tui_put(y, x, end - x, v->name, tui_attr(TUI_S_NAME));
    x += tui_put(y, x, end - x, " ", A_NORMAL);
    char *hex = e->text ? NULL : tls_hex(e->bytes, e->len);
    const char *shown = e->text ? e->text : hex; /* its meaning, else its bytes */
    tui_put_ell(y, x, end - x, shown ? shown : "",
                tui_attr(v->secret ? TUI_S_SECRET : TUI_S_VALUE));
    free(hex);
}

/* What the message teaches in run \p i's flow (RSA's ClientKeyExchange
 * sends the whole secret, not a half); NULL when the run lacks it. */
static const char *run_teaches(const tls_compare *c, int row, int i)
{
    int step = c->rows[row].step[i];
    const tls_flow *f = tls_sim_result_flow(&c->runs[i].res);
    return step ? tls_i18n_template(tls_flow_teaches(f, step)) : NULL;
}

/* The sentence every run's flow shares at the row, or NULL when they differ
 * (each box then says its own). */
static const char *shared_teaches(const tls_compare *c, int row)
{
    const char *first = NULL;
    for (int i = 0; i < c->n; i++) {
        const char *t = run_teaches(c, row, i);
        if (t && first && strcmp(t, first) != 0)
            return NULL;
        first = first ? first : t;
    }
    return first;
}

/* Why run \p i has nothing at the row. */
static void draw_absent(const tls_compare_facts *f, tui_rect in)
{
    char *why = f->skip_msg ? tls_i18n_text(f->skip_msg) : NULL;
    const char *s = !f->present ? _("this handshake has no such message")
                  : f->skipped  ? (why ? why : f->skip_text)
                                : _("the handshake stopped before it");
    int used = tui_put(in.y, in.x, in.w, f->skipped ? _("absent:") : _("not sent:"),
                       tui_attr(TUI_S_STEP_OFF) | A_BOLD) ? 1 : 0;
    tui_put_wrapped(in.y + used, in.x, in.w, in.h - used, s ? s : "", A_NORMAL);
    free(why);
}

/* The box of run \p i at the current row. */
static void draw_run(const tui_app *a, int i, tui_rect r, unsigned d)
{
    const tls_compare *c = a->cmp;
    const tls_compare_run *cr = &c->runs[i];
    tls_compare_facts f;
    tls_compare_facts_of(c, a->cmp_row, i, &f);
    int step = c->rows[a->cmp_row].step[i];
    char title[160];
    if (f.present)
        snprintf(title, sizeof title, _("%s: step %d/%d"), c->label[i], step,
                 tls_sim_result_flow(&cr->res)->n);
    else
        snprintf(title, sizeof title, _("%s: not in this handshake"), c->label[i]);
    tui_box(r, title, false);
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 4)
        return;
    if (f.skipped || !f.reached) {
        draw_absent(&f, in);
        return;
    }
    if (!shared_teaches(c, a->cmp_row)) {
        int used = tui_put_wrapped(in.y, in.x, in.w, 2, run_teaches(c, a->cmp_row, i),
                                   tui_attr(TUI_S_EMPH));
        in.y += used;
        in.h -= used;
    }
    int y = in.y + draw_facts(a, i, in, d), end = in.y + in.h;
    size_t shown = 0, total = 0;
    for (size_t k = 0; k < cr->trace.n; k++) {
        const tls_event *e = &cr->trace.ev[k];
        if (e->kind != TLS_EV_VALUE || e->step != step)
            continue;
        total++;
        if (y < end) {
            value_line(y++, in, e);
            shown++;
        }
    }
    tui_box_more(r, false, shown < total);
}

/* The line naming what differs at this row. */
static void draw_differs(const tui_app *a, int y)
{
    static const char *const names[] = {N_("sent or absent"), N_("bytes"),
                                        N_("eavesdropper learns"), N_("signed"),
                                        N_("pre-master")};
    unsigned d = tls_compare_differs(a->cmp, a->cmp_row);
    if (!d) {
        tui_put_ell(y, 1, COLS - 2, _("Same in every run."), tui_attr(TUI_S_DIM));
        return;
    }
    int x = 1 + tui_put(y, 1, COLS - 2, _("* Differs:"), tui_attr(TUI_S_FRESH));
    const char *sep = " ";
    for (unsigned b = 0; b < sizeof names / sizeof names[0]; b++)
        if (d & (1u << b)) {
            x += tui_put(y, x, COLS - 1 - x, sep, A_NORMAL);
            x += tui_put(y, x, COLS - 1 - x, _(names[b]), A_BOLD);
            sep = ", ";
        }
}

void tui_compare_header(tui_app *a, const char *what)
{
    const tls_compare *c = a->cmp;
    char labels[256] = "", head[512], right[128];
    tui_auto_label(a, right, sizeof right);
    int rw = tui_text_width(right);
    size_t n = 0;
    for (int i = 0; i < c->n && n < sizeof labels; i++)
        n += (size_t)snprintf(labels + n, sizeof labels - n, " %s%s", i ? "| " : "", c->label[i]);
    /* The runs' labels (the boxes say them too) give way to where we are. */
    for (int with = 1; with >= 0; with--) {
        snprintf(head, sizeof head, _(" tlssim %s compare%s %s seed %llu %s %s"), tui_glyph()->dot,
                 with ? labels : "", tui_glyph()->dot, (unsigned long long)c->runs[0].run.sim.seed,
                 tui_glyph()->dot, what);
        if (tui_text_width(head) <= COLS - rw - 1)
            break;
    }
    tui_put_ell(0, 0, COLS - rw - 1, head, tui_attr(TUI_S_TITLE));
    tui_put_right(0, COLS, rw, right, tui_attr(TUI_S_NOTICE));
}

/* The rectangle of run \p i among n: side by side, or stacked. */
tui_rect tui_compare_box(int i, int n, int top, int h, bool side)
{
    if (side)
        return (tui_rect){top, i * COLS / n, h, (i + 1) * COLS / n - i * COLS / n};
    return (tui_rect){top + i * h / n, 0, (i + 1) * h / n - i * h / n, COLS};
}

/* A message row: its title and sentence, a box per run, what differs. */
static void draw_row(tui_app *a)
{
    const tls_compare *c = a->cmp;
    const tls_msg_info *m = tls_msg_info_get(c->rows[a->cmp_row].kind);
    const tui_glyphs *g = tui_glyph();
    char what[96], line[256];
    snprintf(what, sizeof what, _("message %d/%d"), a->cmp_row + 1, c->nrows);
    tui_compare_header(a, what);
    snprintf(line, sizeof line, "%d. %s  %s %s %s", a->cmp_row + 1, tls_i18n_template(m->title),
             _("client"), m->sender == TLS_PARTY_CLIENT ? g->right : g->left, _("server"));
    tui_put_ell(1, 1, COLS - 2, line, A_BOLD);
    const char *teach = shared_teaches(c, a->cmp_row);
    int used = tui_put_wrapped(2, 1, COLS - 2, 2,
                               teach ? teach : _("What it does differs by run: see each box."),
                               A_NORMAL);
    unsigned d = tls_compare_differs(c, a->cmp_row);
    int top = 2 + (used > 0 ? used : 1), h = LINES - top - 2;
    for (int i = 0; i < c->n; i++)
        draw_run(a, i, tui_compare_box(i, c->n, top, h, COLS >= TUI_COMPARE_SIDE_COLS), d);
    draw_differs(a, LINES - 2);
}

void tui_compare_draw(tui_app *a)
{
    erase();
    if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS) {
        tui_draw_too_small(LINES, COLS);
        return;
    }
    if (a->cmp_row >= a->cmp->nrows)
        tui_compare_draw_end(a);
    else
        draw_row(a);
    tui_draw_footer(a, (tui_rect){LINES - 1, 0, 1, COLS});
    tui_draw_popup(a);
}
