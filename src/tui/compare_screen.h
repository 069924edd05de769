/*
 * The comparison screen's draw/key pair (--compare in the TUI): a tui_app
 * whose cmp is set shows the runs of a tls_compare side by side (stacked
 * on a narrow terminal), one aligned message at a time, then an end page
 * with what a leaked server key reveals of each and the comparison lesson.
 */
#ifndef TLSSIM_TUI_COMPARE_SCREEN_H
#define TLSSIM_TUI_COMPARE_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

/* Side by side from this width; stacked below it. */
#define TUI_COMPARE_SIDE_COLS 100

/* Draw the current page into stdscr (the caller refreshes). */
void tui_compare_draw(tui_app *a);

/* Pages: one per aligned message, then the end page. */
int tui_compare_pages(const tui_app *a);

/* Go to the next page (--auto); false on the last. */
bool tui_compare_advance(tui_app *a);

/* The key table's actions on this screen: the next, previous, first and last page. */
void tui_compare_next(tui_app *a);
void tui_compare_back(tui_app *a);
void tui_compare_first(tui_app *a);
void tui_compare_last(tui_app *a);

/* compare.c, for the end page: the top line (what: where we are), a run's
 * box among n (side by side or stacked), a labelled fact wrapped into at
 * most `rows` lines after a "* " mark when marked (returns lines used),
 * the names of a set of values ("-" when none), a pre-master's origin. */
void tui_compare_header(tui_app *a, const char *what);
tui_rect tui_compare_box(int i, int n, int top, int h, bool side);
int tui_compare_fact(int y, tui_rect in, int rows, bool marked, const char *label,
                     const char *text);
void tui_compare_value_names(const bool *set, char *out, size_t cap);
void tui_compare_origin_text(const tls_compare *c, int i, char *out, size_t cap);
/* What the eavesdropper of run i holds once row `row` has crossed. */
void tui_compare_holds(const tls_compare *c, int row, int i, bool *out);

/* compare_end.c: the end page. */
void tui_compare_draw_end(tui_app *a);

#endif
