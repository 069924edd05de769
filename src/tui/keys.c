/* The key table and its handlers: see keys.h. */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "attack_menu.h"
#include "compare_screen.h"
#include "panes.h"
#include "projector.h"
#include "screen.h"
#include "theme.h"
#include "tlssim/i18n.h"

/* ------------------------------------------------------------ main screen */

static void key_quit(tui_app *a) { a->quit = true; }
/* Stepping keys act on the comparison's pages when one is shown. */
static void key_next(tui_app *a)
{
    if (a->cmp)
        tui_compare_next(a);
    else if (tui_keys_screen(a) == TUI_KEYS_PROJECTOR && tui_projector_reveal(a))
        return; /* --quiz: what was hidden first, then the next step */
    else
        tui_screen_step_to(a, tui_model_next(&a->model, a->step));
}
static void key_back(tui_app *a)
{
    if (a->cmp)
        tui_compare_back(a);
    else
        tui_screen_step_to(a, tui_model_prev(&a->model, a->step));
}
static void key_first(tui_app *a)
{
    if (a->cmp)
        tui_compare_first(a);
    else
        tui_app_goto(a, 1);
}
static void key_last(tui_app *a)
{
    if (a->cmp)
        tui_compare_last(a);
    else
        tui_app_goto(a, a->model.last_step);
}
static void key_reveal(tui_app *a)
{
    if (!tui_projector_reveal(a))
        tui_app_status(a, "%s", _("every value of this step is shown"));
}
static void key_focus_next(tui_app *a) { tui_app_focus_next(a, +1); }
static void key_focus_prev(tui_app *a) { tui_app_focus_next(a, -1); }
static void key_up(tui_app *a) { tui_screen_move(a, -1); }
static void key_down(tui_app *a) { tui_screen_move(a, +1); }
static void key_save(tui_app *a) { tui_app_save(a, COLS - 2); }

/* Space: with --auto it pauses and resumes, otherwise it is the next step. */
static void key_space(tui_app *a)
{
    if (a->auto_seconds <= 0) {
        key_next(a);
        return;
    }
    a->auto_paused = !a->auto_paused;
    tui_app_status(a, "%s", a->auto_paused ? _("auto-advance paused (Space resumes)")
                                           : _("auto-advance resumed"));
}

static long pane_page(const tui_app *a)
{
    return (long)(a->page[a->focus] ? a->page[a->focus] : 1);
}

static void key_page_up(tui_app *a) { tui_screen_move(a, -pane_page(a)); }
static void key_page_down(tui_app *a) { tui_screen_move(a, pane_page(a)); }

static void key_help(tui_app *a)
{
    a->popup.kind = TUI_POPUP_HELP;
    a->popup.scroll = 0;
}

static void key_glossary(tui_app *a)
{
    a->popup.kind = TUI_POPUP_GLOSSARY;
    a->popup.scroll = 0;
}

/* ------------------------------------------------------------ popup */

static size_t popup_page(const tui_app *a)
{
    return a->popup.page ? a->popup.page : 1;
}

static void popup_up(tui_app *a)
{
    if (a->popup.scroll > 0)
        a->popup.scroll--;
}

static void popup_down(tui_app *a) { a->popup.scroll++; }

static void popup_page_up(tui_app *a)
{
    size_t page = popup_page(a);
    a->popup.scroll = a->popup.scroll > page ? a->popup.scroll - page : 0;
}

/* Past the end is fine: the draw bounds the scroll. */
static void popup_page_down(tui_app *a) { a->popup.scroll += popup_page(a); }
static void popup_top(tui_app *a) { a->popup.scroll = 0; }
static void popup_bottom(tui_app *a) { a->popup.scroll = a->popup.total; }
static void popup_close(tui_app *a) { a->popup.kind = TUI_POPUP_NONE; }

/* ------------------------------------------------------------ the table */

#define MAIN TUI_KEYS_MAIN
#define POPUP TUI_KEYS_POPUP
#define COMPARE TUI_KEYS_COMPARE
#define PROJ TUI_KEYS_PROJECTOR
#define MENU TUI_KEYS_MENU

static const tui_key keys[] = {
    {.codes = {KEY_RIGHT, 'n'}, .screens = MAIN | COMPARE | PROJ, .run = key_next,
     .glyph = TUI_KG_RIGHT, .footer = N_("next"), .priority = 100,
     .help_keys = "Space  n", .describe = tui_help_next_step},
    {.codes = {' '}, .screens = MAIN | COMPARE | PROJ, .run = key_space},
    {.codes = {KEY_LEFT, 'p'}, .screens = MAIN | COMPARE | PROJ, .run = key_back,
     .glyph = TUI_KG_LEFT, .footer = N_("back"), .priority = 90,
     .help_keys = "p", .help = N_("previous step (replayed from the recorded run)")},
    {.codes = {KEY_HOME}, .screens = MAIN | COMPARE | PROJ, .run = key_first,
     .help_keys = "Home  End", .help = N_("first / last step")},
    {.codes = {KEY_END}, .screens = MAIN | COMPARE | PROJ, .run = key_last},
    {.codes = {'\t'}, .screens = MAIN, .run = key_focus_next,
     .footer_key = "Tab", .footer = N_("pane"), .priority = 80,
     .help_keys = "Tab  Shift-Tab", .help = N_("move focus between panes")},
    {.codes = {KEY_BTAB}, .screens = MAIN, .run = key_focus_prev},
    {.codes = {KEY_UP, 'k'}, .screens = MAIN, .run = key_up,
     .glyph = TUI_KG_UP_DOWN, .footer = N_("select"), .priority = 70,
     .help_keys = "PgUp PgDn", .help = N_("select a value, record or field; scroll the lesson")},
    {.codes = {KEY_DOWN, 'j'}, .screens = MAIN, .run = key_down},
    {.codes = {KEY_PPAGE}, .screens = MAIN, .run = key_page_up},
    {.codes = {KEY_NPAGE}, .screens = MAIN, .run = key_page_down},
    {.codes = {'\n', '\r', KEY_ENTER}, .screens = MAIN, .run = tui_popup_open_selected,
     .footer_key = "Enter", .footer = N_("open"), .priority = 60,
     .help_keys = "Enter", .help = N_("open the selected value, field or record whole")},
    {.codes = {'r'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_restart_fresh,
     .footer_key = "r", .footer = N_("restart"), .priority = 20,
     .help_keys = "r", .help = N_("restart with fresh randoms (drops --seed)")},
    {.codes = {'m'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_toggle_kx,
     .footer_key = "m", .footer = N_("RSA/ECDHE/DHE"), .priority = 50,
     .help_keys = "m", .help = N_("key exchange: RSA → ECDHE → DHE, and re-run")},
    {.codes = {'g'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_cycle_group,
     .footer_key = "g", .footer = N_("group"), .priority = 40,
     .help_keys = "g", .help = N_("next ECDHE group and re-run")},
    {.codes = {'s'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_cycle_suite,
     .footer_key = "s", .footer = N_("suite"), .priority = 30,
     .help_keys = "s", .help = N_("next cipher suite and re-run")},
    {.codes = {'e'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_toggle_server_cert,
     .help_keys = "e", .help = N_("server certificate: RSA / ECDSA, and re-run")},
    {.codes = {'c'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_cycle_client_auth,
     .help_keys = "c", .help = N_("client certificates: off / request / require, and re-run")},
    {.codes = {'R'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_app_cycle_resume,
     .help_keys = "R", .help = N_("session resumption: off / id / ticket (two handshakes), and re-run")},
    {.codes = {'w'}, .screens = MAIN, .run = key_save,
     .footer_key = "w", .footer = N_("save"), .priority = 55,
     .help_keys = "w", .describe = tui_help_save_what},
    {.codes = {'a'}, .screens = MAIN, .needs = TUI_KEY_RERUN, .run = tui_attack_menu_open,
     .footer_key = "a", .footer = N_("attack"), .priority = 45,
     .help_keys = "a", .help = N_("the attack lab: put an attacker on the channel (a menu), "
                                  "and re-run")},
    {.codes = {'l'}, .screens = MAIN | COMPARE | PROJ, .needs = TUI_KEY_LESSONS, .run = tui_app_toggle_lang,
     .footer_key = "l", .footer = N_("language"), .priority = 10,
     .help_keys = "l", .help = N_("lesson language: English / Chinese")},
    {.codes = {'G'}, .screens = MAIN | COMPARE | PROJ, .needs = TUI_KEY_LESSONS,
     .run = key_glossary, .help_keys = "G",
     .help = N_("glossary: each English term and the Chinese term the lessons use")},
    {.codes = {'?', 'h'}, .screens = MAIN | COMPARE | PROJ, .run = key_help,
     .footer_key = "?", .footer = N_("help"), .priority = TUI_KEY_PINNED,
     .help_keys = "?", .help = N_("this help")},
    {.codes = {'q', 'Q'}, .screens = MAIN | COMPARE | PROJ, .run = key_quit,
     .footer_key = "q", .footer = N_("quit"), .priority = TUI_KEY_PINNED,
     .help_keys = "q", .help = N_("quit")},

    /* --projector: its pane and the full panes a key apart; --quiz reveals. */
    {.codes = {'v'}, .screens = MAIN | PROJ, .needs = TUI_KEY_PROJECTOR,
     .run = tui_projector_toggle, .footer_key = "v", .footer = N_("view"), .priority = 95,
     .help_keys = "v", .help = N_("the projector pane / the full panes")},
    {.codes = {'\n', '\r', KEY_ENTER}, .screens = PROJ, .needs = TUI_KEY_QUIZ,
     .run = key_reveal, .footer_key = "Enter", .footer = N_("reveal"), .priority = 98,
     .help_keys = "Enter", .help = N_("reveal the next hidden value (--quiz; the next-step "
                                      "keys reveal first too)")},

    /* The comparison's end page scrolls its lesson. */
    {.codes = {KEY_UP, 'k'}, .screens = COMPARE, .run = key_up,
     .glyph = TUI_KG_UP_DOWN, .footer = N_("scroll"), .priority = 70,
     .help_keys = "PgUp PgDn", .help = N_("scroll the comparison lesson (on the last page)")},
    {.codes = {KEY_DOWN, 'j'}, .screens = COMPARE, .run = key_down},
    {.codes = {KEY_PPAGE}, .screens = COMPARE, .run = key_page_up},
    {.codes = {KEY_NPAGE}, .screens = COMPARE, .run = key_page_down},

    /* The attack lab's menu: choose, re-run, or close. */
    {.codes = {KEY_UP, 'k'}, .screens = MENU, .run = tui_attack_menu_up,
     .glyph = TUI_KG_UP_DOWN, .footer = N_("choose"), .priority = 100},
    {.codes = {KEY_DOWN, 'j'}, .screens = MENU, .run = tui_attack_menu_down},
    {.codes = {'\n', '\r', KEY_ENTER}, .screens = MENU, .run = tui_attack_menu_choose,
     .footer_key = "Enter", .footer = N_("run"), .priority = 95},
    {.codes = {27, 'q', 'a', KEY_BACKSPACE, 127, KEY_LEFT}, .screens = MENU, .run = popup_close,
     .footer_key = "Esc", .footer = N_("close"), .priority = 90},

    /* A popup scrolls; most keys close it, so a stray one never leaves it
     * stuck open. */
    {.codes = {KEY_UP, 'k'}, .screens = POPUP, .run = popup_up,
     .glyph = TUI_KG_UP_DOWN, .footer = N_("scroll"), .priority = 100},
    {.codes = {KEY_DOWN, 'j'}, .screens = POPUP, .run = popup_down},
    {.codes = {KEY_PPAGE}, .screens = POPUP, .run = popup_page_up},
    {.codes = {KEY_NPAGE, ' '}, .screens = POPUP, .run = popup_page_down},
    {.codes = {KEY_HOME}, .screens = POPUP, .run = popup_top},
    {.codes = {KEY_END}, .screens = POPUP, .run = popup_bottom},
    {.codes = {27, 'q', '\n', '\r', KEY_ENTER, '?', KEY_BACKSPACE, 127, KEY_LEFT, KEY_RIGHT},
     .screens = POPUP, .run = popup_close,
     .footer_key = "Esc", .footer = N_("close"), .priority = 90},
};

unsigned tui_keys_screen(const tui_app *a)
{
    if (a->cmp)
        return TUI_KEYS_COMPARE;
    return a->projector && !a->full_panes ? TUI_KEYS_PROJECTOR : TUI_KEYS_MAIN;
}

const tui_key *tui_keys_all(size_t *n)
{
    *n = sizeof keys / sizeof keys[0];
    return keys;
}

static bool has_code(const tui_key *k, int ch)
{
    for (int i = 0; i < TUI_KEY_CODES && k->codes[i]; i++)
        if (k->codes[i] == ch)
            return true;
    return false;
}

bool tui_keys_dispatch(tui_app *a, unsigned screen, int ch)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if ((keys[i].screens & screen) && has_code(&keys[i], ch)) {
            keys[i].run(a);
            return true;
        }
    return false;
}

bool tui_key_available(const tui_app *a, const tui_key *k)
{
    if (((k->needs & TUI_KEY_PROJECTOR) && !a->projector) || ((k->needs & TUI_KEY_QUIZ) && !a->quiz))
        return false;
    if ((k->needs & TUI_KEY_RERUN) && (a->live || !tls_app_can_rerun(&a->run)))
        return false;
    return !(k->needs & TUI_KEY_LESSONS) || a->lessons;
}

static const char *glyph_name(tui_key_glyph g)
{
    const tui_glyphs *gl = tui_glyph();
    switch (g) {
    case TUI_KG_RIGHT: return gl->right;
    case TUI_KG_LEFT: return gl->left;
    case TUI_KG_UP_DOWN: return gl->up_down;
    default: return NULL;
    }
}

const char *tui_key_footer_name(const tui_key *k)
{
    const char *g = glyph_name(k->glyph);
    return g ? g : k->footer_key ? k->footer_key : "";
}

void tui_key_help_name(const tui_key *k, char *buf, size_t cap)
{
    const char *g = glyph_name(k->glyph);
    const char *rest = k->help_keys ? k->help_keys : "";
    snprintf(buf, cap, "%s%s%s", g ? g : "", g && rest[0] ? "  " : "", rest);
}

size_t tui_keys_footer(const tui_app *a, unsigned screen, const tui_key **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0] && n < cap; i++) {
        const tui_key *k = &keys[i];
        if (!(k->screens & screen) || !k->footer || !tui_key_available(a, k))
            continue;
        /* Insert by priority, after any of the same priority (stable). */
        size_t j = n++;
        for (; j > 0 && out[j - 1]->priority < k->priority; j--)
            out[j] = out[j - 1];
        out[j] = k;
    }
    return n;
}

const char *tui_key_footer_label(const tui_key *k)
{
    return k->footer ? _(k->footer) : NULL;
}

const char *tui_key_help_text(const tui_app *a, const tui_key *k, char *buf, size_t cap)
{
    return k->describe ? k->describe(a, buf, cap) : k->help ? _(k->help) : NULL;
}
