/*
 * The projector screen's draw/key pair (--projector): one big pane for the
 * current message, for a lecture hall — its name and arrow, the sentence
 * it teaches, and each value learned at this step with who holds it (the
 * eavesdropper's are the message's fields that crossed).  Step titles and
 * value names wrap, never cut.  With --quiz each new value stays hidden
 * until a key reveals it, so the class can be asked first.  The full panes
 * are a key away (tui_projector_toggle).
 */
#include "projector.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "keys.h"
#include "panes.h"
#include "textw.h"
#include "theme.h"
#include "tlssim/handshake.h"
#include "tlssim/i18n.h"

/* The distinct values learned at the step: first event of each kind, and
 * who learned it (a bit per party). */
typedef struct proj_value {
    const tls_event *e;
    unsigned holders;
} proj_value;

static int step_values(const tui_app *a, proj_value *out, int cap)
{
    int n = 0;
    for (size_t k = 0; k < a->trace.n; k++) {
        const tls_event *e = &a->trace.ev[k];
        if (e->kind != TLS_EV_VALUE || e->step != a->step)
            continue;
        int j = 0;
        while (j < n && out[j].e->value != e->value)
            j++;
        if (j == n && n < cap)
            out[n++] = (proj_value){e, 0};
        if (j < n)
            out[j].holders |= 1u << e->party;
    }
    return n;
}

int tui_projector_new_values(const tui_app *a)
{
    proj_value v[TLS_VALUE_COUNT];
    return step_values(a, v, TLS_VALUE_COUNT);
}

/* How many of this step's values the quiz has revealed (all without it). */
static int revealed(const tui_app *a)
{
    if (!a->quiz)
        return TLS_VALUE_COUNT;
    return a->quiz_step == a->step ? a->quiz_shown : 0;
}

bool tui_projector_reveal(tui_app *a)
{
    if (!a->quiz || revealed(a) >= tui_projector_new_values(a))
        return false;
    if (a->quiz_step != a->step) {
        a->quiz_step = a->step;
        a->quiz_shown = 0;
    }
    a->quiz_shown++;
    return true;
}

bool tui_projector_hiding(const tui_app *a)
{
    return a->quiz && revealed(a) < tui_projector_new_values(a);
}

void tui_projector_toggle(tui_app *a)
{
    if (!a->projector) {
        tui_app_status(a, "%s", _("v switches to the projector pane with --projector"));
        return;
    }
    a->full_panes = !a->full_panes;
}

/* "client ──────▶ server" across the width, pointing the way the message
 * goes (both ways after the handshake, when there is no message). */
static void draw_arrow(int y, int x, int w, const tls_msg_info *m)
{
    const tui_glyphs *g = tui_glyph();
    const char *c = _("client"), *s = _("server");
    int cw = tui_text_width(c), sw = tui_text_width(s);
    int len = w - cw - sw - 2;
    if (len < 4)
        return;
    bool right = !m || m->sender == TLS_PARTY_CLIENT, left = !m || !right;
    tui_put(y, x, cw, c, tui_attr(TUI_S_CLIENT) | A_BOLD);
    int ax = x + cw + 1;
    for (int i = 0; i < len; i++)
        tui_put(y, ax + i, 1, g->h, A_BOLD);
    if (right)
        tui_put(y, ax + len - 1, 1, g->arrow_r, A_BOLD);
    if (left)
        tui_put(y, ax, 1, g->arrow_l, A_BOLD);
    tui_put(y, ax + len + 1, sw, s, tui_attr(TUI_S_SERVER) | A_BOLD);
}

/* Who holds a value, in words: "client, server, eavesdropper". */
static void holders_text(unsigned h, char *out, size_t cap)
{
    static const tls_party order[] = {TLS_PARTY_CLIENT, TLS_PARTY_SERVER, TLS_PARTY_WIRE};
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof order / sizeof order[0] && n < cap; i++)
        if (h & (1u << order[i]))
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "",
                                  order[i] == TLS_PARTY_WIRE ? _("eavesdropper")
                                                             : _(tls_party_name(order[i])));
}

/* One value: its name whole and who holds it, then its meaning or bytes
 * (or, hidden by the quiz, a prompt).  Returns the lines used, 0 when the
 * value does not fit in `rows` (it is then not drawn at all). */
static int draw_value(int y, int x, int w, int rows, const proj_value *v, bool hidden)
{
    const tls_value_info *vi = tls_value_info_of(v->e->value);
    char who[128];
    holders_text(v->holders, who, sizeof who);
    int nw = tui_text_width(vi->name), hw = tui_text_width(who) + 2;
    if (vi->secret)
        hw += 1 + tui_text_width(_("(secret)"));
    int lines = (nw + 2 + hw <= w ? 1 : 2) + 1;
    if (lines > rows || nw > w)
        return 0;
    tui_put(y, x, w, vi->name, tui_attr(TUI_S_NAME) | A_BOLD);
    int hy = lines == 3 ? y + 1 : y, hx = lines == 3 ? x + 2 : x + nw + 2;
    hx += tui_put(hy, hx, x + w - hx, who, tui_attr(TUI_S_DIM));
    if (vi->secret) /* a word, not only a colour */
        tui_put(hy, hx + 1, x + w - hx - 1, _("(secret)"), tui_attr(TUI_S_SECRET));
    int vy = y + lines - 1;
    if (hidden) {
        tui_put_ell(vy, x + 2, w - 2, _("? ? ?  (Enter or → reveals it)"), tui_attr(TUI_S_NOTICE));
        return lines;
    }
    char *hex = v->e->text ? NULL : tls_hex(v->e->bytes, v->e->len);
    const char *shown = v->e->text ? v->e->text : hex;
    tui_put_ell(vy, x + 2, w - 2, shown ? shown : "",
                tui_attr(vi->secret ? TUI_S_SECRET : TUI_S_VALUE));
    free(hex);
    return lines;
}

/* The values learned at this step, as many as fit, then how many did not. */
static void draw_values(const tui_app *a, int y, int x, int w, int end)
{
    proj_value v[TLS_VALUE_COUNT];
    int n = step_values(a, v, TLS_VALUE_COUNT), shown = revealed(a), i = 0;
    if (y >= end)
        return;
    if (n == 0) {
        tui_put_wrapped(y, x, w, end - y, _("No new value at this step."), tui_attr(TUI_S_DIM));
        return;
    }
    y += tui_put(y, x, w, _("New at this step:"), tui_attr(TUI_S_HEADING)) ? 1 : 0;
    for (; i < n; i++) {
        int used = draw_value(y, x + 1, w - 1, end - y - (i + 1 < n ? 1 : 0), &v[i], i >= shown);
        if (!used)
            break;
        y += used;
    }
    if (i < n && y < end) {
        char more[160];
        snprintf(more, sizeof more, _("+%d more: v shows the full panes"), n - i);
        tui_put_ell(y, x + 1, w - 1, more, tui_attr(TUI_S_DIM));
    }
}

/* The big pane: title, arrow, the sentence, the values (or why skipped). */
static void draw_pane(tui_app *a, tui_rect r)
{
    const tls_msg_info *m = tls_flow_msg(a->model.flow, a->step);
    char title[256], why[400];
    if (m)
        snprintf(title, sizeof title, _("Step %d/%d %s %s"), a->step, a->model.flow->n,
                 tui_glyph()->dot, tui_model_step_name(&a->model, a->step));
    else
        snprintf(title, sizeof title, _("After the handshake %s %s"), tui_glyph()->dot,
                 tui_model_step_name(&a->model, a->step));
    tui_box(r, NULL, false);
    tui_rect in = tui_inner(r);
    int x = in.x + 1, w = in.w - 2, y = in.y, end = in.y + in.h;
    /* Rows enough for the whole title: wrapped, never cut. */
    y += tui_put_wrapped(y, x, w, 3, title, tui_attr(TUI_S_TITLE) | A_BOLD) + 1;
    draw_arrow(y, x, w, m);
    y += 2;
    const char *teach = m ? tls_i18n_template(tls_flow_teaches(a->model.flow, a->step))
                          : _("The keys are in use: application data crosses the channel "
                              "encrypted, in both directions.");
    y += tui_put_wrapped(y, x, w, 3, teach, A_NORMAL) + 1;
    if (a->model.skipped[a->step]) {
        snprintf(title, sizeof title, _("skipped: %s"),
                 tls_i18n_text_into(a->model.skip_msg[a->step], why, sizeof why));
        tui_put_wrapped(y, x, w, end - y, title, tui_attr(TUI_S_STEP_OFF) | A_BOLD);
        return;
    }
    size_t ai = a->model.fatal_alert[a->step];
    if (ai != TUI_NO_EVENT && y < end) {
        snprintf(title, sizeof title, _("FAILED: %s"),
                 tls_i18n_event_into(&a->trace.ev[ai], why, sizeof why));
        y += tui_put_wrapped(y, x, w, 2, title, tui_attr(TUI_S_FAIL));
    }
    draw_values(a, y, x, w, end);
}

void tui_projector_draw(tui_app *a)
{
    erase();
    if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS) {
        tui_draw_too_small(LINES, COLS);
        return;
    }
    char head[256], seed[64] = "", right[128];
    const tls_suite *s = tui_app_suite(a);
    tui_auto_label(a, right, sizeof right);
    int rw = tui_text_width(right);
    if (a->run.sim.seeded)
        snprintf(seed, sizeof seed, _(" %s seed %llu"), tui_glyph()->dot,
                 (unsigned long long)a->run.sim.seed);
    /* The suite's name, or on a narrow line its key exchange's. */
    for (int level = 0; level < 2; level++) {
        snprintf(head, sizeof head, " tlssim %s %s%s", tui_glyph()->dot,
                 level == 0 && s ? s->name : tls_kx_name(a->run.sim.kx), seed);
        if (tui_text_width(head) <= COLS - rw - 1)
            break;
    }
    tui_put_ell(0, 0, COLS - rw - 1, head, tui_attr(TUI_S_TITLE));
    tui_put_right(0, COLS, rw, right, tui_attr(TUI_S_NOTICE));
    draw_pane(a, (tui_rect){1, 0, LINES - 2, COLS});
    tui_draw_footer(a, (tui_rect){LINES - 1, 0, 1, COLS});
    tui_draw_popup(a);
}
