/*
 * The ncursesw TUI: pauses at each of the ten steps and shows what crossed
 * the wire and who knows what.  It only renders the core's event trace.
 */
#ifndef TLSSIM_TUI_H
#define TLSSIM_TUI_H

#include "cli.h"

/**
 * \brief Run the interactive walkthrough until the user quits.
 * \param o  the command line (kx, suite, group, seed, lessons, --auto, --step)
 * \return the process exit status (0 after a normal quit)
 */
int tui_run(const cli_options *o);

#endif
