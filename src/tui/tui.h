/*
 * The ncursesw TUI: pauses at each of the ten steps and shows what crossed
 * the wire and who knows what.  It only renders the core's event trace.
 */
#ifndef TLSSIM_TUI_H
#define TLSSIM_TUI_H

#include <stdbool.h>

#include "tlssim/app.h"
#include "tlssim/compare.h"

/*
 * Writes a run's HTML handout to a file (tls_save_html: the program passes
 * it, so the TUI does not depend on the other renderers).  Returns false
 * with errno set when the file could not be written.
 */
typedef bool (*tui_html_writer)(const char *path, const tls_app_run *r, const tls_trace *t,
                                const tls_sim_result *res, const tls_lessons *lessons);

/* What only the TUI is asked: --auto and --step, and how w writes HTML. */
typedef struct tui_options {
    double auto_seconds;        /* advance by itself every so many seconds (0 = off) */
    int start_step;             /* open here (1..10; 0 = first) */
    tui_html_writer write_html; /* w also writes the HTML handout (NULL: it does not) */
    bool projector;             /* --projector: one big pane for the current message */
    bool quiz;                  /* --quiz: the projector hides each new value until a key */
} tui_options;

/**
 * \brief Run the interactive walkthrough until the user quits.
 * \param run  the run (kx, suite, group, seed, lessons, language, exports):
 *             the TUI runs it, and re-runs a copy it changes (m, g, s, r)
 * \return the process exit status (0 after a normal quit)
 */
int tui_run(const tls_app_run *run, const tui_options *to);

/**
 * \brief Step through a run recorded elsewhere (a live session) until the
 *        user quits; r/m/g/s cannot re-run it.
 * \param run    the run's description; run->live_info names the peer
 * \param trace  the recorded run: its events are taken (left empty)
 * \param res    how the run ended
 * \return the process exit status (1 when no step was reached: the reason
 *         is printed)
 */
int tui_run_trace(const tls_app_run *run, const tui_options *to, tls_trace *trace,
                  const tls_sim_result *res);

/**
 * \brief Step through the runs of a comparison (--compare), all together,
 *        until the user quits.
 * \param c   the runs, run and aligned (tls_compare_go); they stay the caller's
 * \param to  --auto (--step does not apply)
 * \return the process exit status (0 after a normal quit; 2 when --lessons
 *         DIR cannot be used: the one-line error is printed)
 */
int tui_run_compare(const tls_compare *c, const tui_options *to);

#endif
