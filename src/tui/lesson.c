/* The lesson pane: the step's lesson (lessons module) with this run's values,
 * or the step's one-line summary when no lesson file exists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "panes.h"
#include "textw.h"
#include "tlssim/handshake.h"
#include "tlssim/i18n.h"

/* Lesson lines longer than this are hard to read; wide panes get columns. */
#define LESSON_MAX_WIDTH 100
#define LESSON_GAP 3

static tui_style run_style(tls_lstyle s)
{
    switch (s) {
    case TLS_LS_HEADING: return TUI_S_HEADING;
    case TLS_LS_EMPHASIS: return TUI_S_EMPH;
    case TLS_LS_STRONG: return TUI_S_STRONG;
    case TLS_LS_CODE: return TUI_S_CODE;
    case TLS_LS_BULLET: return TUI_S_KEY;
    case TLS_LS_VALUE: return TUI_S_LVALUE;
    case TLS_LS_MISSING: return TUI_S_MISSING;
    default: return TUI_S_NORMAL;
    }
}

/* Without a lesson file: the step's summary (and why it is skipped). */
static void render_summary(tui_app *a, tls_ldoc *doc, const tls_render_opts *ro)
{
    const tls_msg_info *s = tls_flow_msg(a->model.flow, a->step);
    char title[128], body[1024];
    const char *name = tui_model_step_name(&a->model, a->step);
    if (!s) {
        /* After the handshake: no message of the flow describes it. */
        snprintf(title, sizeof title, _("After the handshake: %s"), name);
        tls_markdown_render(doc, title, _("The keys are in use: application data crosses the "
                                          "channel encrypted, in both directions."), ro);
        return;
    }
    snprintf(title, sizeof title, _("Step %d: %s"), a->step, name);
    char why[400];
    if (a->model.skipped[a->step])
        snprintf(body, sizeof body, _("%s\n\n**Skipped here.** %s"), tls_i18n_template(tls_flow_teaches(a->model.flow, a->step)),
                 tls_i18n_text_into(a->model.skip_msg[a->step], why, sizeof why));
    else
        snprintf(body, sizeof body, "%s",
                 tls_i18n_template(tls_flow_teaches(a->model.flow, a->step)));
    tls_markdown_render(doc, title, body, ro);
}

void tui_lesson_prepare(tui_app *a, int w)
{
    tui_lesson_cache *c = &a->lesson;
    if (c->generation == a->generation && c->step == a->step && c->width == w &&
        c->lang == a->lang)
        return;
    tls_ldoc_free(&c->doc);
    memset(&c->doc, 0, sizeof c->doc);
    tls_trace_lookup_ctx ctx = {&a->trace, a->step};
    tls_render_opts ro = {.width = w, .lang = a->lang, .lookup = tls_trace_lookup, .ctx = &ctx,
                          .title_step = tls_lesson_title_step(a->step),
                          .flow = a->model.flow};
    const tls_lesson *l = NULL;
    c->fell_back = false;
    char id[64];
    if (a->lessons && tls_lessons_step_id(a->model.flow, a->step, id, sizeof id))
        l = tls_lessons_get(a->lessons, id, a->lang, &c->fell_back);
    c->from_file = l != NULL;
    if (l)
        tls_lesson_render(&c->doc, l, &ro);
    else
        render_summary(a, &c->doc, &ro);
    /* The last page: what followed the handshake, then the whole picture
     * (the text walkthrough prints the summary when the handshake ends). */
    const tls_lesson *sum = l && a->step == TLS_STEP_AFTER
                                ? tls_lessons_get(a->lessons, TLS_LESSON_ID_SUMMARY, a->lang, NULL)
                                : NULL;
    if (sum)
        tls_lesson_render(&c->doc, sum, &ro);
    c->generation = a->generation;
    c->step = a->step;
    c->width = w;
    c->lang = a->lang;
}

static void draw_line(const tls_lline *ln, int y, int x, int w)
{
    int cx = x + (ln->indent < w ? ln->indent : w);
    for (size_t i = 0; i < ln->n; i++) {
        const tls_lrun *run = &ln->runs[i];
        attr_t at = tui_attr(ln->heading ? TUI_S_HEADING : run_style(run->style));
        if (ln->heading && run->style != TLS_LS_HEADING && run->style != TLS_LS_NORMAL)
            at |= tui_attr(run_style(run->style));
        cx += tui_put(y, cx, x + w - cx, run->text, at);
    }
}

void tui_lesson_draw_lines(const tls_ldoc *doc, size_t first, int y, int x, int w, int rows)
{
    for (size_t i = first; i < doc->n && i < first + (size_t)rows; i++)
        draw_line(&doc->lines[i], y + (int)(i - first), x, w);
}

void tui_draw_lesson(tui_app *a, tui_rect r)
{
    bool focus = a->focus == TUI_PANE_LESSON;
    tui_rect in = tui_inner(r);
    if (in.h <= 0 || in.w <= 4)
        return;
    /* Two columns of text when the pane is wide enough for two readable ones. */
    int cols = in.w - 2 >= 2 * 60 + LESSON_GAP ? 2 : 1;
    int tw = (in.w - 2 - (cols - 1) * LESSON_GAP) / cols;
    if (tw > LESSON_MAX_WIDTH)
        tw = LESSON_MAX_WIDTH;
    tui_lesson_prepare(a, tw);
    const tui_lesson_cache *c = &a->lesson;
    char title[160];
    const char *other = tui_app_lang_name(a->lang == TLS_LANG_ZH ? TLS_LANG_EN : TLS_LANG_ZH);
    if (c->from_file)
        snprintf(title, sizeof title, _("Lesson %s step %d %s %s (l: %s)"), tui_glyph()->dot,
                 tui_model_step_number(&a->model, a->step),
                 tui_glyph()->dot, tui_app_lang_name(a->lang), other);
    else
        snprintf(title, sizeof title, "%s",
                 !a->lessons_on ? _("About this step")
                 : a->lessons   ? _("About this step (no lesson file for it)")
                                : _("About this step (no lessons found)"));
    tui_box(r, title, focus);
    int y = in.y, x = in.x + 1;
    int vis = in.h;
    if (c->fell_back) {
        tui_put_ell(y, x, in.w - 2, tls_lesson_fallback_notice(a->lang), tui_attr(TUI_S_NOTICE));
        y++;
        vis--;
    }
    if (vis <= 0)
        return;
    size_t total = c->doc.n, cap = (size_t)vis * (size_t)cols;
    size_t max = total > cap ? total - cap : 0;
    if (a->scroll[TUI_PANE_LESSON] > max)
        a->scroll[TUI_PANE_LESSON] = max;
    a->page[TUI_PANE_LESSON] = (size_t)vis;
    size_t sc = a->scroll[TUI_PANE_LESSON];
    for (size_t i = sc; i < total && i < sc + cap; i++) {
        int k = (int)(i - sc);
        int col = k / vis, row = k % vis;
        draw_line(&c->doc.lines[i], y + row, x + col * (tw + LESSON_GAP), tw);
    }
    tui_box_more(r, sc > 0, sc + cap < total);
}
