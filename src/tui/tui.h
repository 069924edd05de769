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

/**
 * \brief Step through a run recorded elsewhere (a live session) until the
 *        user quits; r/m/g/s cannot re-run it.
 * \param o      the command line; o->live_info names the peer
 * \param trace  the recorded run: its events are taken (left empty)
 * \param res    how the run ended
 * \return the process exit status (1 when no step was reached: the reason
 *         is printed)
 */
int tui_run_trace(const cli_options *o, tls_trace *trace, const tls_sim_result *res);

#endif
