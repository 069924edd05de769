/* The help popup: every key, what the marks mean, where lessons come from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "panes.h"
#include "save.h"
#include "textw.h"
#include "tlssim/i18n.h"

#define KEY_COLS 22

/* The key (or mark) in a column of its own, then what it does, wrapped
 * under itself to `width` columns in all. */
static void row(tui_lines *L, int width, attr_t a, const char *keys, const char *what)
{
    char padded[96];
    tui_text_pad(padded, sizeof padded, keys, KEY_COLS);
    int room = width - KEY_COLS - 3;
    char *w = room >= 12 ? tls_wrap_text(what, room, 0) : NULL;
    if (!w) {
        tui_lines_add(L, a, "  %s %s", padded, what);
        return;
    }
    const char *p = w;
    bool first = true;
    while (*p) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        tui_lines_add(L, a, "  %s %.*s", padded, len, p);
        if (first)
            tui_text_pad(padded, sizeof padded, "", KEY_COLS);
        first = false;
        p += len + (nl ? 1 : 0);
    }
    free(w);
}

static void key(tui_lines *L, int width, const char *keys, const char *what)
{
    row(L, width, A_NORMAL, keys, what);
}

const char *tui_help_next_step(const tui_app *a, char *buf, size_t cap)
{
    (void)buf;
    (void)cap;
    return a->auto_seconds > 0 ? _("next step (Space pauses/resumes --auto)") : _("next step");
}

/* What w writes, and where. */
const char *tui_help_save_what(const tui_app *a, char *buf, size_t cap)
{
    char stem[64] = "tlssim-YYYYmmdd-HHMMSS", keylog[96], pcap[96], html[96];
    if (a->run.sim.seeded)
        tui_save_stem(true, a->run.sim.seed, 0, stem, sizeof stem);
    const char *kgiven = a->run.keylog_path, *pgiven = a->run.pcap_path;
    snprintf(buf, cap,
             kgiven && pgiven ? _("save this run's key log and pcap (Wireshark opens the pcap "
                                  "and decrypts it with the key log): %s and %s")
                              : _("save this run's key log and pcap (Wireshark opens the pcap "
                                  "and decrypts it with the key log): %s and %s in the "
                                  "current folder"),
             tui_save_path(kgiven, stem, ".keylog", keylog, sizeof keylog),
             tui_save_path(pgiven, stem, ".pcap", pcap, sizeof pcap));
    /* The handout is written only when the program gave the TUI a writer
     * (tui.h): say so only then, with the path w will use. */
    if (a->write_html) {
        size_t n = strlen(buf);
        snprintf(buf + n, cap - n, _("; and the HTML handout (ladder diagram, values, lessons; "
                                     "prints on A4): %s"),
                 tui_save_path(a->run.html_path, stem, ".html", html, sizeof html));
    }
    return buf;
}

/* The keys that re-run the run, as one row: off in a live run. */
static void rerun_keys_off(tui_lines *L, int width)
{
    char k[64] = "";
    size_t n;
    const tui_key *t = tui_keys_all(&n);
    for (size_t i = 0; i < n; i++)
        if ((t[i].screens & TUI_KEYS_MAIN) && (t[i].needs & TUI_KEY_RERUN) && t[i].help_keys)
            snprintf(k + strlen(k), sizeof k - strlen(k), "%s%s", k[0] ? "  " : "",
                     t[i].help_keys);
    key(L, width, k, _("(off in a live run: a real peer cannot be asked to redo its "
                       "handshake; run tlssim again with other options)"));
}

/* Every main-screen key with a help line, in the table's order. */
static void key_lines(tui_app *a, tui_lines *L, int width)
{
    size_t n;
    const tui_key *t = tui_keys_all(&n);
    bool rerun_said = false;
    for (size_t i = 0; i < n; i++) {
        if (!(t[i].screens & tui_keys_screen(a)))
            continue;
        /* --projector's and --quiz's keys only where they apply. */
        if ((t[i].needs & (TUI_KEY_PROJECTOR | TUI_KEY_QUIZ)) && !tui_key_available(a, &t[i]))
            continue;
        if ((a->live || !tls_app_can_rerun(&a->run)) && (t[i].needs & TUI_KEY_RERUN)) {
            if (!rerun_said)
                rerun_keys_off(L, width);
            rerun_said = true;
            continue;
        }
        char buf[1024], k[64];
        const char *what = tui_key_help_text(a, &t[i], buf, sizeof buf);
        if (!what)
            continue;
        tui_key_help_name(&t[i], k, sizeof k);
        key(L, width, k, what);
    }
}

void tui_help_lines(tui_app *a, tui_lines *L, int width)
{
    const tui_glyphs *g = tui_glyph();
    attr_t h = tui_attr(TUI_S_HEADING);
    char k[64];
    tui_lines_add(L, h, "%s", _("Keys"));
    key_lines(a, L, width);
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, h, "%s", _("Marks"));
    if (a->cmp)
        row(L, width, tui_attr(TUI_S_FRESH), "*", _("this fact differs between the runs"));
    if (a->quiz)
        row(L, width, tui_attr(TUI_S_NOTICE), "? ? ?", _("a value --quiz hides until revealed"));
    row(L, width, tui_attr(TUI_S_SECRET), _("secret"), _("known only to this side: never on the wire"));
    row(L, width, tui_attr(TUI_S_FRESH), _("new"), _("learned at this step"));
    if (a->run.mode == TLS_APP_CAPTURE) {
        row(L, width, tui_attr(TUI_S_INFERRED), _("inferred"),
            _("capture: read from the capture, or computed here from it and the key material "
              "given, not from either side's memory"));
    } else {
        row(L, width, tui_attr(TUI_S_INFERRED), _("inferred"),
            _("live run: the real peer's memory cannot be read; its messages, once verified, "
              "prove it holds this value"));
        snprintf(k, sizeof k, _("%s server / %s client"), g->equal, g->equal);
        row(L, width, tui_attr(TUI_S_OK), k, _("the other side computed the same secret on its own"));
    }
    snprintf(k, sizeof k, "%s / %s", g->ok, g->fail);
    key(L, width, k, _("a check passed / failed"));
    key(L, width, "(4)", _("a step this key exchange skips"));
    key(L, width, _("lit hex bytes"), _("the bytes of the selected dissection field"));
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, h, "%s", _("Lessons"));
    if (!a->lessons_on)
        tui_lines_wrap(L, A_NORMAL, _("off (--no-lessons)"), width, 2);
    else if (!a->lessons)
        tui_lines_wrap(L, A_NORMAL, _("no lesson folder was found: each step shows its one-line "
                                      "summary (set --lessons DIR or $TLSSIM_LESSONS)"), width, 2);
    else {
        char where[512];
        snprintf(where, sizeof where, _("%s (%s); %zu problem(s) found while loading"),
                 tls_lessons_dir(a->lessons), _(tls_lessons_origin(a->lessons)),
                 tls_lessons_problem_count(a->lessons));
        tui_lines_wrap(L, A_NORMAL, where, width, 2);
    }
}
