/*
 * The look of the TUI: one table of styles (colour and monochrome
 * attributes for each), and the glyphs for boxes and arrows with an ASCII
 * set for terminals whose locale is not UTF-8.  Colour is never the only
 * signal: every coloured style also has a monochrome attribute or a word.
 */
#ifndef TLSSIM_TUI_THEME_H
#define TLSSIM_TUI_THEME_H

#include <stdbool.h>

#include <curses.h>

typedef enum tui_style {
    TUI_S_NORMAL,
    TUI_S_TITLE,        /* top line */
    TUI_S_BORDER,
    TUI_S_BORDER_FOCUS,
    TUI_S_PANE_TITLE,
    TUI_S_STEP_CUR,     /* current step in the step bar */
    TUI_S_STEP_DONE,
    TUI_S_STEP_TODO,
    TUI_S_STEP_OFF,     /* skipped or never reached */
    TUI_S_NAME,         /* a value's name */
    TUI_S_VALUE,
    TUI_S_SECRET,       /* "secret" tag and secret bytes */
    TUI_S_FRESH,        /* learned at this step */
    TUI_S_SELECTED,     /* the selection in the focused pane */
    TUI_S_OK,
    TUI_S_FAIL,
    TUI_S_CLIENT,
    TUI_S_SERVER,
    TUI_S_HEX_HL,       /* bytes of the selected field */
    TUI_S_DIM,
    TUI_S_HEADING,      /* lesson headings */
    TUI_S_EMPH,
    TUI_S_STRONG,
    TUI_S_CODE,
    TUI_S_LVALUE,       /* a run's value in a lesson */
    TUI_S_MISSING,      /* "not yet known" in a lesson */
    TUI_S_KEY,          /* key names in the footer and help */
    TUI_S_NOTICE,       /* status messages, fallback notices */
    TUI_S_INFERRED,     /* "inferred" tag: a real peer's value deduced, not read */
    TUI_S_COUNT
} tui_style;

/* Box and arrow glyphs (UTF-8 strings, or ASCII). */
typedef struct tui_glyphs {
    const char *h, *v, *tl, *tr, *bl, *br;
    const char *arrow_r, *arrow_l;  /* heads of the record arrows */
    const char *ok, *fail;          /* check outcomes */
    const char *ellipsis;
    const char *dot;                /* separator in titles */
    const char *equal, *differ;     /* value agrees / differs with the peer */
    const char *right, *left;       /* key names */
    const char *up_down;
    const char *bullet;
} tui_glyphs;

/* Decide colours and glyphs.  Call after the screen exists. */
void tui_theme_init(bool utf8);

/* Attribute of a style. */
attr_t tui_attr(tui_style s);

/* Current glyph set. */
const tui_glyphs *tui_glyph(void);

/* Whether text is drawn as UTF-8 (else folded to ASCII). */
bool tui_theme_utf8(void);

#endif
