/*
 * The tlssim command line: options shared by every front end (text, JSON,
 * TUI), and the renderers of a finished trace.
 */
#ifndef TLSSIM_CLI_H
#define TLSSIM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "tlssim/event.h"
#include "tlssim/sim.h"

/** \brief Which front end renders the run. */
typedef enum cli_mode { CLI_MODE_AUTO, CLI_MODE_TEXT, CLI_MODE_JSON, CLI_MODE_TUI } cli_mode;

/** \brief Everything the command line said. */
typedef struct cli_options {
    cli_mode mode;
    tls_sim_config sim;         /**< kx, suite, group, seed, scenario, tamper, ems */
    tls_scenario scenario;      /**< storage for --scenario (sim.scenario points here) */
    bool kx_given, suite_given, group_given;
    const char *lang;           /**< --lang, or NULL for the locale's */
    const char *lessons_dir;    /**< --lessons, or NULL to find them */
    bool no_lessons;
    double auto_seconds;        /**< --auto: TUI advances by itself (0 = off) */
    int start_step;             /**< --step: TUI opens here (1..10; 0 = first) */
} cli_options;

/**
 * \brief Parse argv (after any subcommand).
 * \return 0 to run, 1 when --help/--version was printed (exit 0), 2 on a
 *         usage error (a one-line message was printed to stderr)
 */
int cli_parse(int argc, char **argv, cli_options *o);

/** \brief The usage text. */
void cli_usage(FILE *out);

/**
 * \brief Print a finished run as a step-by-step text walkthrough.
 * \param lessons_lang  NULL for no lessons, else the language to show
 */
void cli_text_render(FILE *out, const cli_options *o, const tls_trace *t,
                     const tls_sim_result *res);

/** \brief Print a finished run as one JSON document (schema in the README). */
void cli_json_render(FILE *out, const cli_options *o, const tls_trace *t,
                     const tls_sim_result *res);

/** \brief "ecdhe" / "rsa". */
const char *cli_kx_arg(tls_kx kx);

/** \brief The suite a config will negotiate (its own, or the kx default). */
const tls_suite *cli_effective_suite(const tls_sim_config *cfg);

#endif
