/* The TUI's key table without a screen: no key is bound twice on one
 * screen (dispatch takes the first row, so a second would be dead), every
 * row runs something, the footer's order and what it leaves out for a live
 * run or without lessons, and dispatch on the main screen and a popup. */
#include <string.h>

#include <curses.h>

#include "keys.h"
#include "testutil.h"

static void test_unique_codes(void)
{
    size_t n;
    const tui_key *t = tui_keys_all(&n);
    for (size_t i = 0; i < n; i++) {
        test_check(t[i].run != NULL, "row %zu has a handler", i);
        test_check(t[i].codes[0] != 0, "row %zu has a key", i);
        for (int c = 0; c < TUI_KEY_CODES && t[i].codes[c]; c++)
            for (size_t j = i + 1; j < n; j++)
                for (int d = 0; d < TUI_KEY_CODES && t[j].codes[d]; d++)
                    test_check(!((t[i].screens & t[j].screens) && t[i].codes[c] == t[j].codes[d]),
                               "key %d is bound once per screen (rows %zu and %zu)",
                               t[i].codes[c], i, j);
    }
}

/* The footer's labels for a state, joined with spaces. */
static void footer_words(const tui_app *a, unsigned screen, char *out, size_t cap)
{
    const tui_key *k[64];
    size_t n = tui_keys_footer(a, screen, k, 64);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? " " : "", k[i]->footer);
}

static void test_footer(void)
{
    static tui_app a;
    tls_lessons *fake = (tls_lessons *)&a; /* only compared with NULL */
    char got[512];
    a.lessons = fake;
    footer_words(&a, TUI_KEYS_MAIN, got, sizeof got);
    test_str_eq(got, "help quit next back pane select open save RSA/ECDHE/DHE attack group suite "
                     "restart language", "pinned keys first, then the most important");
    a.live = true;
    footer_words(&a, TUI_KEYS_MAIN, got, sizeof got);
    test_str_eq(got, "help quit next back pane select open save language",
                "a live run's footer has no re-run keys");
    a.lessons = NULL;
    footer_words(&a, TUI_KEYS_MAIN, got, sizeof got);
    test_str_eq(got, "help quit next back pane select open save",
                "without lessons there is no language to switch");
    footer_words(&a, TUI_KEYS_POPUP, got, sizeof got);
    test_str_eq(got, "scroll close", "a popup's keys");
    footer_words(&a, TUI_KEYS_MENU, got, sizeof got);
    test_str_eq(got, "choose run close", "the attack lab's menu keys");
}

/* The classroom screens (issue 16) read the same table. */
static void test_classroom_screens(void)
{
    static tui_app a;
    char got[512];
    a.projector = true;
    test_check(tui_keys_screen(&a) == TUI_KEYS_PROJECTOR, "--projector opens on its pane");
    footer_words(&a, TUI_KEYS_PROJECTOR, got, sizeof got);
    test_str_eq(got, "help quit next view back", "the projector's footer");
    a.quiz = true;
    footer_words(&a, TUI_KEYS_PROJECTOR, got, sizeof got);
    test_str_eq(got, "help quit next reveal view back", "with --quiz, Enter reveals");
    test_check(tui_keys_dispatch(&a, TUI_KEYS_PROJECTOR, 'v') && a.full_panes &&
                   tui_keys_screen(&a) == TUI_KEYS_MAIN, "v shows the full panes");
    footer_words(&a, TUI_KEYS_MAIN, got, sizeof got);
    test_check(strstr(got, "view") != NULL, "and v is in their footer to come back");
    static tui_app plain;
    footer_words(&plain, TUI_KEYS_MAIN, got, sizeof got);
    test_check(strstr(got, "view") == NULL, "without --projector, no v");
    static tls_compare c;
    static tui_app cmp;
    c.nrows = 3;
    cmp.cmp = &c;
    test_check(tui_keys_screen(&cmp) == TUI_KEYS_COMPARE, "--compare has its own screen");
    footer_words(&cmp, TUI_KEYS_COMPARE, got, sizeof got);
    test_str_eq(got, "help quit next back scroll", "the comparison's footer");
    test_check(tui_keys_dispatch(&cmp, TUI_KEYS_COMPARE, 'n') && cmp.cmp_row == 1,
               "n steps every run together");
    test_check(tui_keys_dispatch(&cmp, TUI_KEYS_COMPARE, KEY_END) && cmp.cmp_row == 3,
               "End goes to the end page (after the 3 messages)");
    test_check(tui_keys_dispatch(&cmp, TUI_KEYS_COMPARE, 'p') && cmp.cmp_row == 2, "p goes back");
}

static void test_dispatch(void)
{
    static tui_app a;
    test_check(tui_keys_dispatch(&a, TUI_KEYS_MAIN, '?') && a.popup.kind == TUI_POPUP_HELP,
               "? opens the help");
    test_check(!tui_keys_dispatch(&a, TUI_KEYS_MAIN, 'Z'), "an unbound key is not used");
    test_check(tui_keys_dispatch(&a, TUI_KEYS_POPUP, 'j') && a.popup.scroll == 1,
               "j scrolls a popup");
    test_check(tui_keys_dispatch(&a, TUI_KEYS_POPUP, 'q') && a.popup.kind == TUI_POPUP_NONE &&
                   !a.quit, "q closes a popup, not the program");
    test_check(tui_keys_dispatch(&a, TUI_KEYS_MAIN, 'q') && a.quit, "q quits the main screen");
}

int main(void)
{
    test_unique_codes();
    test_footer();
    test_classroom_screens();
    test_dispatch();
    return test_finish();
}
