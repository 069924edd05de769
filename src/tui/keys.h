/*
 * The TUI's one key table: each row is a key (or keys) with what it does on
 * which screen, its footer label and priority, its help line and its
 * handler.  Dispatch (screen.c), the footer (chrome.c), the popup's bottom
 * line (popup.c) and the help popup (help.c) all read it, so a key is
 * added, renamed or documented in one place.
 */
#ifndef TLSSIM_TUI_KEYS_H
#define TLSSIM_TUI_KEYS_H

#include <stddef.h>

#include "app.h"

/* Where a key applies (tui_key.screens). */
#define TUI_KEYS_MAIN 1u   /* the main screen (no popup open) */
#define TUI_KEYS_POPUP 2u  /* a popup (help or a detail) is open */
#define TUI_KEYS_COMPARE 4u /* the comparison screen (--compare; no popup open) */
#define TUI_KEYS_PROJECTOR 8u /* the projector pane (--projector; no popup open) */
#define TUI_KEYS_MENU 16u  /* the attack lab's menu (a popup to choose from) */

/* What a key needs (tui_key.needs): the footer leaves it out and the help
 * says so when the run lacks it.  The handler still runs and says why it
 * cannot do anything. */
#define TUI_KEY_RERUN 1u   /* an in-process run it can re-run (not a live one) */
#define TUI_KEY_LESSONS 2u /* a lessons folder */
#define TUI_KEY_PROJECTOR 4u /* --projector (the key switches its pane and the full ones) */
#define TUI_KEY_QUIZ 8u    /* --quiz */

/* Footer priority of the keys that are always shown, at the right. */
#define TUI_KEY_PINNED 1000

/* A key name that differs between UTF-8 and ASCII terminals. */
typedef enum tui_key_glyph {
    TUI_KG_NONE,
    TUI_KG_RIGHT,
    TUI_KG_LEFT,
    TUI_KG_UP_DOWN
} tui_key_glyph;

#define TUI_KEY_CODES 10

typedef struct tui_key {
    int codes[TUI_KEY_CODES];   /* the keys (curses codes), 0 after the last */
    unsigned screens;           /* TUI_KEYS_MAIN / TUI_KEYS_POPUP */
    unsigned needs;             /* TUI_KEY_RERUN / TUI_KEY_LESSONS */
    void (*run)(tui_app *a);
    /* Footer: the key's name (the glyph when NULL), a short label (NULL:
     * not in the footer; marked N_(), translated by tui_key_footer_label),
     * and its priority: a narrow footer keeps the
     * highest first, left to right, and stops at the first that does not
     * fit; TUI_KEY_PINNED is always there at the right. */
    tui_key_glyph glyph;
    const char *footer_key;
    const char *footer;
    int priority;
    /* Help: the keys as listed (after the glyph), and what they do (NULL,
     * and no describe: a row without a help line of its own, such as the
     * other half of "Home  End"); describe builds a line from the state. */
    const char *help_keys;
    const char *help;
    const char *(*describe)(const tui_app *a, char *buf, size_t cap);
} tui_key;

/* The screen whose keys apply now, a popup aside (TUI_KEYS_MAIN, _COMPARE
 * or _PROJECTOR). */
unsigned tui_keys_screen(const tui_app *a);

/* The table, in the order the help lists it. */
const tui_key *tui_keys_all(size_t *n);

/* Run the handler of key ch on a screen (TUI_KEYS_*); false when no row has it. */
bool tui_keys_dispatch(tui_app *a, unsigned screen, int ch);

/* Whether a row applies to the run as it is (its needs are met). */
bool tui_key_available(const tui_app *a, const tui_key *k);

/* A row's key name in the footer (its glyph, else footer_key). */
const char *tui_key_footer_name(const tui_key *k);

/* A row's keys as the help lists them ("→  Space  n"). */
void tui_key_help_name(const tui_key *k, char *buf, size_t cap);

/*
 * The rows a footer shows on a screen, for the run as it is, most important
 * first (pinned ones lead).  Returns how many were put in out.
 */
size_t tui_keys_footer(const tui_app *a, unsigned screen, const tui_key **out, size_t cap);

/* A row's footer label in the interface language (NULL: not in the footer). */
const char *tui_key_footer_label(const tui_key *k);

/* A row's help line in the interface language, or NULL when it has none. */
const char *tui_key_help_text(const tui_app *a, const tui_key *k, char *buf, size_t cap);

#endif
