/* The lines around the panes: title, step bar, step in words, tabs, footer. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "keys.h"
#include "panes.h"
#include "textw.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/i18n.h"

/* The run's configuration; narrower lines drop the words a suite name
 * already says. */
static void title_text(const tui_app *a, int level, char *line, size_t cap)
{
    const tui_glyphs *g = tui_glyph();
    const tls_suite *s = tui_app_suite(a);
    char group[64] = "", seed[64];
    if (a->run.sim.kx == TLS_KX_ECDHE_RSA) {
        const tls_group_info *gi = tls_group_by_id((uint16_t)a->run.sim.group);
        snprintf(group, sizeof group, " %s %s", g->dot, gi ? gi->name : "?");
    }
    if (a->run.sim.seeded)
        snprintf(seed, sizeof seed, _(" %s seed %llu"), g->dot, (unsigned long long)a->run.sim.seed);
    else
        snprintf(seed, sizeof seed, _(" %s fresh randoms"), g->dot);
    if (level == 0)
        snprintf(line, cap, _(" tlssim %s TLS 1.2 handshake %s %s %s %s%s%s"), g->dot, g->dot,
                 tls_kx_name(a->run.sim.kx), g->dot, s ? s->name : "?", group, seed);
    else
        snprintf(line, cap, " tlssim %s %s%s%s", g->dot, s ? s->name : "?", group, seed);
}

/* A live run: who talked to whom and what they settled; narrower lines
 * keep the real peer, which is what makes the run live. */
static void live_title_text(const tui_app *a, int level, char *line, size_t cap)
{
    const tui_glyphs *g = tui_glyph();
    const tls_live_info *li = &a->run.live_info;
    const char *self = _(tls_party_name(tui_model_peer(a->live_peer)));
    const char *peer = _(tls_party_name(a->live_peer));
    const char *peer_at = li && li->peer[0] ? li->peer : "?";
    char suite[160] = "", name[300] = "";
    if (li && li->suite) {
        const char *group = li->suite->kx == TLS_KX_ECDHE_RSA ? a->live_group : NULL;
        snprintf(suite, sizeof suite, " %s %s%s%s", g->dot, li->suite->name, group ? " " : "",
                 group ? group : "");
    }
    if (li && li->server_name[0])
        snprintf(name, sizeof name, " (%s)", li->server_name);
    if (level == 0)
        snprintf(line, cap, _(" tlssim %s live: tlssim's %s %s %s real %s %s%s%s"), g->dot, self,
                 li && li->local[0] ? li->local : "?",
                 tui_theme_utf8() ? "\u2194" : "<->", peer, peer_at, name, suite);
    else if (level == 1)
        snprintf(line, cap, _(" tlssim %s live with the real %s %s%s"), g->dot, peer, peer_at, suite);
    else
        snprintf(line, cap, _(" tlssim %s live %s real %s %s"), g->dot, g->dot, peer, peer_at);
}

/* A capture: which connection of which file, what it negotiated. */
static void capture_title_text(const tui_app *a, int level, char *line, size_t cap)
{
    const tui_glyphs *g = tui_glyph();
    const tls_cap_walk_info *ci = &a->run.capture_info;
    const char *file = strrchr(a->run.capture.path, '/');
    char client[64], server[64], shown[4 * 64 + 1];
    file = file ? file + 1 : a->run.capture.path;
    tls_text_escape(file, strlen(file), shown, sizeof shown);
    tls_cap_addr_str(&ci->client, client, sizeof client);
    tls_cap_addr_str(&ci->server, server, sizeof server);
    const char *suite = ci->suite ? ci->suite->name : "?";
    if (level == 0)
        snprintf(line, cap, _(" tlssim %s capture %s #%u: %s %s %s %s %s"), g->dot, shown, ci->conn,
                 client, tui_theme_utf8() ? "\u2192" : "->", server, g->dot, suite);
    else if (level == 1)
        snprintf(line, cap, _(" tlssim %s capture %s #%u %s %s"), g->dot, shown, ci->conn, g->dot,
                 suite);
    else
        snprintf(line, cap, _(" tlssim %s capture #%u"), g->dot, ci->conn);
}

void tui_auto_label(const tui_app *a, char *out, size_t cap)
{
    out[0] = '\0';
    if (a->auto_seconds <= 0)
        return;
    if (a->auto_paused) {
        snprintf(out, cap, _("auto %.1fs paused "), a->auto_seconds);
        return;
    }
    if (a->auto_due <= 0) {
        snprintf(out, cap, _("auto %.1fs: at the end "), a->auto_seconds);
        return;
    }
    /* Whole seconds, rounded up: "next in 1 s" until it happens. */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double left = a->auto_due - ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
    int secs = left <= 0 ? 0 : (int)left + (left > (int)left ? 1 : 0);
    snprintf(out, cap, _("auto %.1fs: next in %d s "), a->auto_seconds, secs);
}

void tui_draw_title(tui_app *a, tui_rect r)
{
    char line[1024], right[128] = "";
    tui_auto_label(a, right, sizeof right);
    int rw = tui_text_width(right);
    bool capture = a->run.mode == TLS_APP_CAPTURE;
    int levels = a->live || capture ? 3 : 2;
    for (int level = 0; level < levels; level++) {
        if (capture)
            capture_title_text(a, level, line, sizeof line);
        else if (a->live)
            live_title_text(a, level, line, sizeof line);
        else
            title_text(a, level, line, sizeof line);
        if (tui_text_width(line) <= r.w - rw - 1)
            break;
    }
    tui_put_ell(r.y, r.x, r.w - rw - 1, line, tui_attr(TUI_S_TITLE));
    tui_put_right(r.y, r.x + r.w, rw, right, tui_attr(TUI_S_NOTICE));
}

static tui_style step_style(const tui_app *a, int n)
{
    if (n == a->step)
        return TUI_S_STEP_CUR;
    if (!a->model.reached[n] || a->model.skipped[n])
        return TUI_S_STEP_OFF;
    return n < a->step ? TUI_S_STEP_DONE : TUI_S_STEP_TODO;
}

/* Steps in the bar: the flow's, plus the application data after them when
 * the run went on to it.  Writes them to \p out; returns how many. */
static int bar_steps(const tui_app *a, int out[TUI_STEP_MAX])
{
    int k = 0;
    for (int n = 1; n <= a->model.flow->n; n++)
        out[k++] = n;
    if (a->model.reached[TLS_STEP_AFTER])
        out[k++] = TLS_STEP_AFTER;
    return k;
}

/* A step's cell in the bar; level 1 shortens ChangeCipherSpec to CCS. */
static void step_cell(const tui_app *a, int n, int level, char *out, size_t cap)
{
    const char *t = n == TLS_STEP_AFTER ? _("data") : tui_model_step_name(&a->model, n);
    char buf[64];
    const char *ccs = strstr(t, "ChangeCipherSpec");
    if (level > 0 && ccs) {
        snprintf(buf, sizeof buf, "%.*sCCS", (int)(ccs - t), t);
        t = buf;
    }
    if (n == TLS_STEP_AFTER)
        snprintf(out, cap, "+ %s", t);
    else
        snprintf(out, cap, a->model.skipped[n] ? "%d (%s)"
                           : a->model.fatal_alert[n] != TUI_NO_EVENT ? _("%d %s FAILED") : "%d %s",
                 n, t);
}

/* The bar with every step's title, when the line is wide enough. */
static bool stepbar_full(tui_app *a, tui_rect r)
{
    char cells[TUI_STEP_MAX][80];
    int steps[TUI_STEP_MAX];
    int count = bar_steps(a, steps);
    int level = 0;
    for (;; level++) {
        if (level > 1)
            return false;
        int total = 1;
        for (int i = 0; i < count; i++) {
            step_cell(a, steps[i], level, cells[i], sizeof cells[0]);
            total += tui_text_width(cells[i]) + 2;
        }
        if (total <= r.w)
            break;
    }
    int x = r.x + 1;
    for (int i = 0; i < count; i++) {
        attr_t at = tui_attr(step_style(a, steps[i]));
        x += tui_put(r.y, x, 1, " ", at);
        x += tui_put(r.y, x, r.x + r.w - x, cells[i], at);
        x += tui_put(r.y, x, 1, " ", at);
    }
    return true;
}

void tui_draw_stepbar(tui_app *a, tui_rect r)
{
    if (stepbar_full(a, r))
        return;
    /* Numbers only; skipped steps in parentheses; the title after the bar. */
    int x = r.x + 1;
    int steps[TUI_STEP_MAX];
    int count = bar_steps(a, steps);
    for (int i = 0; i < count; i++) {
        int n = steps[i];
        char cell[16];
        if (n == TLS_STEP_AFTER)
            snprintf(cell, sizeof cell, " + ");
        else
            snprintf(cell, sizeof cell, a->model.skipped[n] ? "(%d)" : " %d ", n);
        x += tui_put(r.y, x, r.x + r.w - x, cell, tui_attr(step_style(a, n)));
    }
    char t[96];
    snprintf(t, sizeof t, a->model.skipped[a->step] ? _("  %s (skipped)") : "  %s",
             tui_model_step_name(&a->model, a->step));
    tui_put_ell(r.y, x, r.x + r.w - x, t, tui_attr(TUI_S_NAME));
}

void tui_draw_stepinfo(tui_app *a, tui_rect r)
{
    const tui_glyphs *g = tui_glyph();
    const tls_msg_info *s = tls_flow_msg(a->model.flow, a->step);
    char head[160];
    if (s)
        snprintf(head, sizeof head, _(" Step %d/%d %s %s %s "), a->step, a->model.flow->n, g->dot,
                 tui_model_step_name(&a->model, a->step), g->dot);
    else
        snprintf(head, sizeof head, _(" After the handshake %s %s %s "), g->dot,
                 tui_model_step_name(&a->model, a->step), g->dot);
    int x = r.x + tui_put(r.y, r.x, r.w, head, tui_attr(TUI_S_NAME));
    int room = r.x + r.w - x;
    if (a->model.skipped[a->step]) {
        char t[512], why[400];
        snprintf(t, sizeof t, _("skipped: %s"),
                 tls_i18n_text_into(a->model.skip_msg[a->step], why, sizeof why));
        tui_put_ell(r.y, x, room, t, tui_attr(TUI_S_DIM) | A_BOLD);
        return;
    }
    x += tui_put(r.y, x, room, _("client"), tui_attr(TUI_S_CLIENT));
    x += tui_put(r.y, x, r.x + r.w - x, " ", A_NORMAL);
    const char *dir = !s ? "<->" : s->sender == TLS_PARTY_CLIENT ? g->right : g->left;
    if (!s && tui_theme_utf8())
        dir = "\u2194"; /* both ways */
    x += tui_put(r.y, x, r.x + r.w - x, dir, A_BOLD);
    x += tui_put(r.y, x, r.x + r.w - x, " ", A_NORMAL);
    x += tui_put(r.y, x, r.x + r.w - x, _("server"), tui_attr(TUI_S_SERVER));
    room = r.x + r.w - x;
    /* The fatal alert sent at this step, if any (close_notify is a warning). */
    size_t ai = a->model.fatal_alert[a->step];
    const tls_event *al = ai != TUI_NO_EVENT ? &a->trace.ev[ai] : NULL;
    /* The run got past both Finished messages (it may still have failed
     * after the handshake, e.g. over the page). */
    bool completed = a->res.ok || a->res.failed_step == TLS_STEP_AFTER;
    char t[512] = "", why[400];
    attr_t at = tui_attr(TUI_S_OK);
    if (al) {
        snprintf(t, sizeof t, _("  FAILED: the %s sent the alert %s: %s"), _(tls_party_name(al->party)),
                 tls_alert_name(al->alert_desc) ? tls_alert_name(al->alert_desc) : "?",
                 tls_i18n_event_into(al, why, sizeof why));
        at = tui_attr(TUI_S_FAIL);
    } else if (a->step == a->model.flow->n && completed) {
        snprintf(t, sizeof t, "%s", _("  handshake complete: both Finished messages verified"));
    } else if (a->step == TLS_STEP_AFTER && a->res.ok) {
        snprintf(t, sizeof t, "%s", _("  the page arrived and both sides closed the connection"));
    } else if (a->step == a->model.last_step && !a->res.ok) {
        snprintf(t, sizeof t, "%s", _("  the handshake stopped here"));
        at = tui_attr(TUI_S_FAIL);
    }
    tui_put_ell(r.y, x, room, t, at);
}

void tui_draw_tabs(tui_app *a, tui_rect r)
{
    static const char *const names[TUI_TAB_COUNT] = {N_("Client"), N_("Channel"), N_("Server"),
                                                     N_("Eavesdropper"), N_("Lesson")};
    /* What each party's tab learned at this step (notes aside). */
    size_t fresh[TUI_TAB_COUNT] = {0};
    for (int pane = 0; pane < TUI_PANE_COUNT; pane++) {
        if (!tui_pane_is_party((tui_pane)pane))
            continue;
        tls_party p = tui_pane_party((tui_pane)pane);
        for (size_t i = 0; i < a->n_items[p]; i++)
            fresh[tui_layout_tab_of((tui_pane)pane)] +=
                a->items[p][i].fresh && a->items[p][i].kind != TUI_ITEM_NOTE;
    }
    tui_tab cur = tui_layout_tab_of(a->focus);
    int x = r.x + 1;
    for (int t = 0; t < TUI_TAB_COUNT; t++) {
        if (t == TUI_TAB_LESSON && !a->lessons_on)
            continue;
        char cell[48];
        if (fresh[t])
            snprintf(cell, sizeof cell, " %s +%zu ", _(names[t]), fresh[t]);
        else
            snprintf(cell, sizeof cell, " %s ", _(names[t]));
        attr_t at = t == (int)cur ? (attr_t)(A_REVERSE | A_BOLD) : tui_attr(TUI_S_NORMAL);
        x += tui_put(r.y, x, r.x + r.w - x, cell, at);
        x += tui_put(r.y, x, r.x + r.w - x, " ", A_NORMAL);
    }
    tui_put(r.y, x, r.x + r.w - x, _("(Tab switches)"), tui_attr(TUI_S_DIM));
}

/* "key label" at x, the key in its own style; returns columns used. */
static int put_key(int y, int x, int maxw, const tui_key *k)
{
    int used = tui_put(y, x, maxw, tui_key_footer_name(k), tui_attr(TUI_S_KEY));
    used += tui_put(y, x + used, maxw - used, " ", A_NORMAL);
    return used + tui_put(y, x + used, maxw - used, tui_key_footer_label(k), A_NORMAL);
}

static int key_width(const tui_key *k)
{
    return tui_text_width(tui_key_footer_name(k)) + 1 + tui_text_width(tui_key_footer_label(k));
}

/* The key table's footer: how to get help and how to leave always at the
 * right, then the other keys from the most important while they fit. */
void tui_draw_footer(tui_app *a, tui_rect r)
{
    if (a->status[0]) {
        tui_put_ell(r.y, r.x + 1, r.w - 1, a->status, tui_attr(TUI_S_NOTICE));
        return;
    }
    const tui_key *k[64];
    size_t n = tui_keys_footer(a, tui_keys_screen(a), k, sizeof k / sizeof k[0]);
    size_t pinned = 0;
    int pw = 1; /* "? help  q quit " */
    for (; pinned < n && k[pinned]->priority >= TUI_KEY_PINNED; pinned++)
        pw += key_width(k[pinned]) + (pinned ? 2 : 0);
    int end = r.x + r.w;
    int x = end - pw;
    for (size_t i = 0; i < pinned; i++)
        x += put_key(r.y, x, end - x, k[i]) + 2;
    end -= pw + 1;
    x = r.x + 1;
    for (size_t i = pinned; i < n; i++) {
        if (x + key_width(k[i]) + 2 > end)
            break;
        x += put_key(r.y, x, end - x, k[i]);
        x += tui_put(r.y, x, end - x, "  ", A_NORMAL);
    }
}

void tui_draw_too_small(int lines, int cols)
{
    char l1[160], l2[160];
    snprintf(l1, sizeof l1, _("Terminal too small (%dx%d)."), cols, lines);
    snprintf(l2, sizeof l2, _("tlssim needs at least %dx%d."), TUI_MIN_COLS, TUI_MIN_LINES);
    const char *l3 = _("Enlarge the window, or press q to quit.");
    const char *msg[3] = {l1, l2, l3};
    int y0 = lines / 2 - 1;
    for (int i = 0; i < 3; i++) {
        int w = tui_text_width(msg[i]);
        int x = (cols - w) / 2;
        tui_put(y0 + i, x < 0 ? 0 : x, cols, msg[i], i == 0 ? (attr_t)A_BOLD : A_NORMAL);
    }
}
