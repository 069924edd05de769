/*
 * The attack lab's menu in the TUI: a popup listing "none" and every attack
 * of the table (tlssim/attack.h); choosing one re-runs the handshake with
 * that attacker on the channel.  Its keys are the key table's TUI_KEYS_MENU
 * rows.
 */
#ifndef TLSSIM_TUI_ATTACK_MENU_H
#define TLSSIM_TUI_ATTACK_MENU_H

#include "app.h"
#include "panes.h"

/* Open the menu on the run's attacker (a live run: a status line instead). */
void tui_attack_menu_open(tui_app *a);
/* The menu's lines at width columns: a sentence, then one row per choice. */
void tui_attack_menu_lines(const tui_app *a, tui_lines *L, int width);
/* Move the choice up or down. */
void tui_attack_menu_up(tui_app *a);
void tui_attack_menu_down(tui_app *a);
/* Re-run with the chosen attacker (or none) and close the menu. */
void tui_attack_menu_choose(tui_app *a);

#endif
