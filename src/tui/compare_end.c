/*
 * The comparison's end page: for each run the bytes that crossed, where
 * its pre-master came from, and what a recording of it gives whoever
 * later steals the server's certificate key; under them the comparison
 * lesson (lessons/LANG/comparison.md), scrolled with the arrow keys.
 */
#include <stdio.h>
#include <string.h>

#include "compare_screen.h"
#include "draw.h"
#include "panes.h"
#include "theme.h"
#include "tlssim/i18n.h"

/* What a leaked server key reveals of run \p i's recording, in one sentence. */
static void leak_text(const tls_compare *c, int i, char *out, size_t cap)
{
    tls_compare_leak l;
    tls_compare_leak_of(c, i, &l);
    if (!l.reveals) {
        snprintf(out, cap, "%s", _("nothing: its pre-master came from key shares whose private "
                                   "halves were never sent (forward secrecy)"));
        return;
    }
    char vals[512], from[256];
    tui_compare_value_names(l.values, vals, sizeof vals);
    tui_compare_value_names(l.sealed, from, sizeof from);
    snprintf(out, cap, _("%s, opened from %s"), vals, from);
}

/* Whether the runs' leaks differ (then each is marked). */
static bool leaks_differ(const tls_compare *c)
{
    tls_compare_leak first, l;
    tls_compare_leak_of(c, 0, &first);
    for (int i = 1; i < c->n; i++) {
        tls_compare_leak_of(c, i, &l);
        if (l.reveals != first.reveals || memcmp(l.values, first.values, sizeof l.values) != 0)
            return true;
    }
    return false;
}

/* Run \p i's box on the end page. */
static void draw_end_run(const tls_compare *c, int i, tui_rect r, bool marked)
{
    char title[128], text[1024], n[32];
    snprintf(title, sizeof title, "%s", c->label[i]);
    tui_box(r, title, false);
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 4)
        return;
    int y = in.y, end = in.y + in.h;
    snprintf(n, sizeof n, "%zu", tls_compare_total_bytes(c, i));
    bool bytes_differ = false;
    for (int j = 0; j < c->n; j++)
        bytes_differ = bytes_differ || tls_compare_total_bytes(c, j) != tls_compare_total_bytes(c, i);
    leak_text(c, i, text, sizeof text);
    y += tui_compare_fact(y, in, end - y < 3 ? end - y : 3, marked,
                          _("if the server's key leaks:"), text);
    tui_compare_origin_text(c, i, text, sizeof text);
    y += tui_compare_fact(y, in, end - y < 2 ? end - y : 2, marked, _("pre-master:"), text);
    y += tui_compare_fact(y, in, end - y, bytes_differ, _("handshake bytes:"), n);
    if (!c->runs[i].res.ok && y < end)
        tui_put_ell(y, in.x, in.w, _("the handshake failed"), tui_attr(TUI_S_FAIL));
}

/* The comparison lesson, rendered for the width and language on screen. */
static void prepare_lesson(tui_app *a, int w)
{
    tui_lesson_cache *lc = &a->lesson;
    if (lc->generation == 1 && lc->width == w && lc->lang == a->lang)
        return;
    tls_ldoc_free(&lc->doc);
    memset(&lc->doc, 0, sizeof lc->doc);
    tls_trace_lookup_ctx ctx = {&a->cmp->runs[0].trace, TLS_STEP_AFTER};
    tls_render_opts ro = {.width = w, .lang = a->lang, .lookup = tls_trace_lookup, .ctx = &ctx};
    const tls_lesson *l = a->lessons ? tls_lessons_get(a->lessons, "comparison", a->lang,
                                                       &lc->fell_back)
                                     : NULL;
    lc->from_file = l != NULL;
    if (l)
        tls_lesson_render(&lc->doc, l, &ro);
    lc->generation = 1;
    lc->width = w;
    lc->lang = a->lang;
}

static void draw_lesson(tui_app *a, tui_rect r)
{
    tui_rect in = tui_inner(r);
    tui_box(r, _("Lesson: the comparison"), false);
    if (in.h <= 0 || in.w <= 4)
        return;
    int w = in.w - 2 > 100 ? 100 : in.w - 2;
    prepare_lesson(a, w);
    const tls_ldoc *doc = &a->lesson.doc;
    if (!a->lesson.from_file) {
        tui_put_wrapped(in.y, in.x + 1, w, in.h,
                        a->lessons_on ? _("no comparison lesson was found (set --lessons DIR or "
                                          "$TLSSIM_LESSONS)")
                                      : _("lessons are off (--no-lessons)"),
                        tui_attr(TUI_S_DIM));
        return;
    }
    size_t max = doc->n > (size_t)in.h ? doc->n - (size_t)in.h : 0;
    if (a->scroll[TUI_PANE_LESSON] > max)
        a->scroll[TUI_PANE_LESSON] = max;
    a->page[TUI_PANE_LESSON] = (size_t)in.h;
    size_t sc = a->scroll[TUI_PANE_LESSON];
    tui_lesson_draw_lines(doc, sc, in.y, in.x + 1, w, in.h);
    tui_box_more(r, sc > 0, sc + (size_t)in.h < doc->n);
}

void tui_compare_draw_end(tui_app *a)
{
    const tls_compare *c = a->cmp;
    tui_compare_header(a, _("the end"));
    tui_put_ell(1, 1, COLS - 2, _("If the server's certificate key leaks later, a recording of "
                                  "each run reveals:"), A_BOLD);
    bool side = COLS >= TUI_COMPARE_SIDE_COLS;
    /* Each box: the leak (three lines), the pre-master (two), the bytes;
     * the lesson keeps at least four lines. */
    int boxes = side ? 8 : 8 * c->n;
    if (boxes > LINES - 3 - 4)
        boxes = LINES - 3 - 4;
    bool marked = leaks_differ(c);
    for (int i = 0; i < c->n; i++)
        draw_end_run(c, i, tui_compare_box(i, c->n, 2, boxes, side), marked);
    draw_lesson(a, (tui_rect){2 + boxes, 0, LINES - 3 - boxes, COLS});
}
