/*
 * The main screen's draw/key pair: lay out from LINES x COLS, draw every
 * visible pane and the popup; turn a key into an action.
 */
#ifndef TLSSIM_TUI_SCREEN_H
#define TLSSIM_TUI_SCREEN_H

#include "app.h"

/* Draw everything into stdscr (the caller refreshes). */
void tui_screen_draw(tui_app *a);

/* Handle one key through the key table (keys.h; q sets a->quit). */
void tui_screen_key(tui_app *a, int ch);

/* Go to step n, or say in the status line why there is no such step. */
void tui_screen_step_to(tui_app *a, int n);

/* Move the focused pane's selection (the lesson's scroll) by delta entries. */
void tui_screen_move(tui_app *a, long delta);

/* Whether there is a next step (or comparison page) for --auto. */
bool tui_screen_can_advance(const tui_app *a);

/* Advance one step (used by --auto); returns false at the last step. */
bool tui_screen_advance(tui_app *a);

#endif
