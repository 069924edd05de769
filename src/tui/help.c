/* The help popup: every key, what the marks mean, where lessons come from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "panes.h"
#include "save.h"
#include "textw.h"

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

/* What w writes, and where. */
static const char *save_what(const tui_app *a, char *buf, size_t cap)
{
    const cli_options *o = a->opts;
    char stem[64] = "tlssim-YYYYmmdd-HHMMSS", keylog[96], pcap[96];
    if (a->cfg.seeded)
        tui_save_stem(true, a->cfg.seed, 0, stem, sizeof stem);
    const char *kgiven = o ? o->keylog_path : NULL, *pgiven = o ? o->pcap_path : NULL;
    snprintf(buf, cap, "save this run's key log and pcap (Wireshark opens the pcap and "
             "decrypts it with the key log): %s and %s%s",
             tui_save_path(kgiven, stem, ".keylog", keylog, sizeof keylog),
             tui_save_path(pgiven, stem, ".pcap", pcap, sizeof pcap),
             kgiven && pgiven ? "" : " in the current folder");
    return buf;
}

void tui_help_lines(tui_app *a, tui_lines *L, int width)
{
    const tui_glyphs *g = tui_glyph();
    attr_t h = tui_attr(TUI_S_HEADING);
    char k[64];
    tui_lines_add(L, h, "%s", "Keys");
    snprintf(k, sizeof k, "%s  Space  n", g->right);
    key(L, width, k,
        a->auto_seconds > 0 ? "next step (Space pauses/resumes --auto)" : "next step");
    snprintf(k, sizeof k, "%s  p", g->left);
    key(L, width, k, "previous step (replayed from the recorded run)");
    key(L, width, "Home  End", "first / last step");
    key(L, width, "Tab  Shift-Tab", "move focus between panes");
    snprintf(k, sizeof k, "%s  PgUp PgDn", g->up_down);
    key(L, width, k, "select a value, record or field; scroll the lesson");
    key(L, width, "Enter", "open the selected value, field or record whole");
    if (a->live) {
        key(L, width, "r  m  g  s", "(off in a live run: a real peer cannot be asked to redo its "
                             "handshake; run tlssim again with other options)");
    } else {
        key(L, width, "r", "restart with fresh randoms (drops --seed)");
        key(L, width, "m", "switch RSA / ECDHE key exchange and re-run");
        key(L, width, "g", "next ECDHE group and re-run");
        key(L, width, "s", "next cipher suite and re-run");
    }
    char save[1024];
    key(L, width, "w", save_what(a, save, sizeof save));
    key(L, width, "l", "lesson language: English / Chinese");
    key(L, width, "?", "this help");
    key(L, width, "q", "quit");
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, h, "%s", "Marks");
    row(L, width, tui_attr(TUI_S_SECRET), "secret", "known only to this side: never on the wire");
    row(L, width, tui_attr(TUI_S_FRESH), "new", "learned at this step");
    row(L, width, tui_attr(TUI_S_INFERRED), "inferred",
        "live run: the real peer's memory cannot be read; its messages, once verified, "
        "prove it holds this value");
    snprintf(k, sizeof k, "%s server / %s client", g->equal, g->equal);
    row(L, width, tui_attr(TUI_S_OK), k, "the other side computed the same secret on its own");
    snprintf(k, sizeof k, "%s / %s", g->ok, g->fail);
    key(L, width, k, "a check passed / failed");
    key(L, width, "(4)", "a step this key exchange skips");
    key(L, width, "lit hex bytes", "the bytes of the selected dissection field");
    tui_lines_add(L, A_NORMAL, "%s", "");
    tui_lines_add(L, h, "%s", "Lessons");
    if (!a->lessons_on)
        tui_lines_wrap(L, A_NORMAL, "off (--no-lessons)", width, 2);
    else if (!a->lessons)
        tui_lines_wrap(L, A_NORMAL, "no lesson folder was found: each step shows its one-line "
                                    "summary (set --lessons DIR or $TLSSIM_LESSONS)", width, 2);
    else {
        char where[512];
        snprintf(where, sizeof where, "%s (%s); %zu problem(s) found while loading",
                 tls_lessons_dir(a->lessons), tls_lessons_origin(a->lessons),
                 tls_lessons_problem_count(a->lessons));
        tui_lines_wrap(L, A_NORMAL, where, width, 2);
    }
}
