/*
 * The projector screen's draw/key pair (--projector): one big pane for the
 * current message, readable from the back of a lecture hall; --quiz hides
 * each new value until a key reveals it.  The full panes are a key away.
 */
#ifndef TLSSIM_TUI_PROJECTOR_H
#define TLSSIM_TUI_PROJECTOR_H

#include <stdbool.h>

#include "app.h"

/* Draw the projector pane into stdscr (the caller refreshes). */
void tui_projector_draw(tui_app *a);

/* How many distinct values were learned at the current step. */
int tui_projector_new_values(const tui_app *a);

/* --quiz: whether some of this step's values are still hidden. */
bool tui_projector_hiding(const tui_app *a);

/* --quiz: reveal the next hidden value; false when none is hidden. */
bool tui_projector_reveal(tui_app *a);

/* v: between the projector pane and the full panes. */
void tui_projector_toggle(tui_app *a);

#endif
