/* Colour table with monochrome fallback, and glyph sets: see theme.h. */
#include "theme.h"

#include <stdlib.h>

typedef struct style_def {
    short fg, bg;       /* -1: terminal default */
    attr_t colour;      /* extra attributes when colours are on */
    attr_t mono;        /* attributes when they are off */
} style_def;

/* Foregrounds only where they carry meaning, so the terminal's own
 * background shows through (light and dark themes both stay readable). */
static const style_def defs[TUI_S_COUNT] = {
    [TUI_S_NORMAL]       = {-1, -1, A_NORMAL, A_NORMAL},
    [TUI_S_TITLE]        = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TUI_S_BORDER]       = {-1, -1, A_DIM, A_NORMAL},
    [TUI_S_BORDER_FOCUS] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TUI_S_PANE_TITLE]   = {-1, -1, A_BOLD, A_BOLD},
    [TUI_S_STEP_CUR]     = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [TUI_S_STEP_DONE]    = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [TUI_S_STEP_TODO]    = {-1, -1, A_NORMAL, A_NORMAL},
    [TUI_S_STEP_OFF]     = {-1, -1, A_DIM, A_DIM},
    [TUI_S_NAME]         = {-1, -1, A_BOLD, A_BOLD},
    [TUI_S_VALUE]        = {-1, -1, A_NORMAL, A_NORMAL},
    [TUI_S_SECRET]       = {COLOR_RED, -1, A_BOLD, A_UNDERLINE},
    [TUI_S_FRESH]        = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [TUI_S_SELECTED]     = {-1, -1, A_REVERSE, A_REVERSE},
    [TUI_S_OK]           = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [TUI_S_FAIL]         = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_S_CLIENT]       = {COLOR_BLUE, -1, A_BOLD, A_BOLD},
    [TUI_S_SERVER]       = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [TUI_S_HEX_HL]       = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
    [TUI_S_DIM]          = {-1, -1, A_DIM, A_DIM},
    [TUI_S_HEADING]      = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_S_EMPH]         = {-1, -1, A_ITALIC, A_UNDERLINE},
    [TUI_S_STRONG]       = {-1, -1, A_BOLD, A_BOLD},
    [TUI_S_CODE]         = {COLOR_GREEN, -1, A_NORMAL, A_BOLD},
    [TUI_S_LVALUE]       = {COLOR_YELLOW, -1, A_NORMAL, A_UNDERLINE},
    [TUI_S_MISSING]      = {-1, -1, A_DIM, A_DIM},
    [TUI_S_KEY]          = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TUI_S_NOTICE]       = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [TUI_S_INFERRED]     = {COLOR_CYAN, -1, A_NORMAL, A_DIM},
};

static const tui_glyphs utf8_glyphs = {
    "─", "│", "┌", "┐", "└", "┘", "▶", "◀", "✓", "✗", "…", "·", "=", "≠",
    "→", "←", "↑↓", "•"};
static const tui_glyphs ascii_glyphs = {
    "-", "|", "+", "+", "+", "+", ">", "<", "ok", "XX", "~", "-", "=", "!=",
    "->", "<-", "Up/Down", "*"};

static attr_t attrs[TUI_S_COUNT];
static bool colour_on;
static bool utf8_on;

void tui_theme_init(bool utf8)
{
    utf8_on = utf8;
    /* https://no-color.org: any non-empty NO_COLOR turns colour off. */
    const char *nc = getenv("NO_COLOR");
    colour_on = !(nc && nc[0]) && has_colors() && start_color() == OK;
    if (colour_on)
        use_default_colors();
    for (int s = 0; s < TUI_S_COUNT; s++) {
        const style_def *d = &defs[s];
        if (!colour_on || (d->fg < 0 && d->bg < 0)) {
            attrs[s] = colour_on ? d->colour : d->mono;
            continue;
        }
        /* Pair numbers follow the style numbers; pair 0 stays the default. */
        if (s >= COLOR_PAIRS || init_pair((short)s, d->fg, d->bg) == ERR) {
            attrs[s] = d->mono;
            continue;
        }
        attrs[s] = (attr_t)COLOR_PAIR(s) | d->colour;
    }
}

attr_t tui_attr(tui_style s) { return s < TUI_S_COUNT ? attrs[s] : A_NORMAL; }

const tui_glyphs *tui_glyph(void) { return utf8_on ? &utf8_glyphs : &ascii_glyphs; }

bool tui_theme_utf8(void) { return utf8_on; }
