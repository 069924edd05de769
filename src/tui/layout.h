/*
 * Pure layout math for the TUI: where every pane goes for a terminal of
 * LINES x COLS.  No ncurses here, so the unit tests can pin exact rectangles.
 */
#ifndef TLSSIM_TUI_LAYOUT_H
#define TLSSIM_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* Below this the screen shows only "terminal too small". */
#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16
/* From this size up every pane is on screen at once. */
#define TUI_WIDE_COLS 120
#define TUI_WIDE_LINES 34

/* The panes focus moves between with Tab, in that order. */
typedef enum tui_pane {
    TUI_PANE_CLIENT,
    TUI_PANE_RECORDS,
    TUI_PANE_FIELDS,
    TUI_PANE_SERVER,
    TUI_PANE_WIRE,
    TUI_PANE_ATTACKER,  /* the attack lab's attacker: only in an attacked run */
    TUI_PANE_LESSON,
    TUI_PANE_COUNT
} tui_pane;

/* A screen rectangle; h == 0 or w == 0 means "not shown". */
typedef struct tui_rect {
    int y, x, h, w;
} tui_rect;

typedef enum tui_layout_mode {
    TUI_LAYOUT_TOO_SMALL,
    TUI_LAYOUT_COMPACT,     /* one pane group at a time, chosen by tabs */
    TUI_LAYOUT_WIDE         /* three columns, eavesdropper and lesson */
} tui_layout_mode;

/* The tabs of the compact layout: the channel tab holds records+fields+hex. */
typedef enum tui_tab {
    TUI_TAB_CLIENT, TUI_TAB_CHANNEL, TUI_TAB_SERVER, TUI_TAB_WIRE, TUI_TAB_LESSON, TUI_TAB_COUNT
} tui_tab;

typedef struct tui_layout {
    tui_layout_mode mode;
    int lines, cols;
    tui_rect title;     /* row 0: the run's configuration */
    tui_rect stepbar;   /* row 1: 1 ... 10 */
    tui_rect stepinfo;  /* row 2: the current step in words */
    tui_rect tabs;      /* compact only */
    tui_rect footer;    /* last row: keys or a status message */
    /* Boxes, borders included.  Each pane's box is empty when not shown. */
    tui_rect pane[TUI_PANE_COUNT];
    tui_rect hex;       /* the bytes under (or beside) the dissection */
} tui_layout;

/*
 * Compute the layout.
 * lesson: whether a lesson pane exists (false with --no-lessons).
 * focus:  decides which pane group the compact layout shows.
 */
void tui_layout_compute(tui_layout *L, int lines, int cols, bool lesson, tui_pane focus);

/*
 * An attacked run (--attack): the eavesdropper's box is shared with the
 * attacker's, beside it in the wide layout, under it in the compact one
 * (both on the eavesdropper's tab).
 */
void tui_layout_split_attacker(tui_layout *L);

/* The compact tab a pane lives on. */
tui_tab tui_layout_tab_of(tui_pane p);

/* Whether a rectangle is shown. */
bool tui_rect_visible(tui_rect r);

/*
 * Scroll offset keeping rows [first, last] of a list in a window of
 * `visible` rows out of `total`: moves as little as possible, prefers
 * showing `first` when the range is taller than the window.
 */
size_t tui_scroll_follow(size_t scroll, size_t first, size_t last, size_t visible, size_t total);

#endif
