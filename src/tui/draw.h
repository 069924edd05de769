/*
 * Drawing primitives on stdscr: clipped UTF-8 text measured in display
 * columns, boxes with titles.  Everything the panes draw goes through here,
 * so nothing ever writes past its rectangle.
 */
#ifndef TLSSIM_TUI_DRAW_H
#define TLSSIM_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "layout.h"
#include "theme.h"

/* Draw s[0..len) at (y, x) in at most maxw columns; returns columns used. */
int tui_put_n(int y, int x, int maxw, const char *s, size_t len, attr_t a);

/* Draw a NUL-terminated string clipped to maxw columns. */
int tui_put(int y, int x, int maxw, const char *s, attr_t a);

/* Like tui_put, but ends with an ellipsis when s does not fit. */
int tui_put_ell(int y, int x, int maxw, const char *s, attr_t a);

/* Fill w columns with spaces in attribute a. */
void tui_fill(int y, int x, int w, attr_t a);

/* Draw a box with a title in its top border; focus changes its style. */
void tui_box(tui_rect r, const char *title, bool focus);

/* Say on a box's bottom border that its content goes on above/below. */
void tui_box_more(tui_rect r, bool above, bool below);

/* The inside of a box. */
tui_rect tui_inner(tui_rect r);

/*
 * Draw s wrapped between words into at most `rows` lines of w columns; the
 * last line ends with an ellipsis when the text does not fit.  Returns the
 * lines used.
 */
int tui_put_wrapped(int y, int x, int w, int rows, const char *s, attr_t a);

/* Put a string right-aligned so it ends at column x_end (exclusive). */
int tui_put_right(int y, int x_end, int maxw, const char *s, attr_t a);

#endif
