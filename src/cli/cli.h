/*
 * The tlssim command line: options shared by every front end (text, JSON,
 * TUI), and the renderers of a finished trace.
 */
#ifndef TLSSIM_CLI_H
#define TLSSIM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "tlssim/event.h"
#include "tlssim/lessons.h"
#include "tlssim/live.h"
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
    /* Checking a run elsewhere (issue 5). */
    const char *keylog_path;    /**< --keylog FILE: NSS key log for Wireshark, or NULL */
    const char *pcap_path;      /**< --pcap FILE: the channel as a pcap, or NULL */
    const char *connect;        /**< --connect HOST:PORT: live client, or NULL */
    const char *listen;         /**< --listen [ADDR:]PORT: live server, or NULL */
    const char *sni;            /**< --sni NAME (with --connect) */
    const char *ca_file;        /**< --ca FILE (with --connect) */
    double timeout;             /**< --timeout SECONDS (live), 0 when not given */
    bool ems_given;             /**< --ems was given (live mode defaults to on) */
    const tls_live_info *live_info; /**< set for rendering a live run, else NULL */
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
 * \param lessons  the lessons to print with each step, or NULL for values only
 */
void cli_text_render(FILE *out, const cli_options *o, const tls_trace *t,
                     const tls_sim_result *res, const tls_lessons *lessons);

/** \brief The lesson language: --lang, else the locale's. */
tls_lang cli_lang(const cli_options *o);

/**
 * \brief Open the lessons the options ask for.
 * \param fatal  set when --lessons DIR named a folder that cannot be used
 *               (a one-line error was printed)
 * \return the lessons, or NULL for values only (--no-lessons, or none found:
 *         a one-line notice was printed)
 */
tls_lessons *cli_lessons_open(const cli_options *o, bool *fatal);

/**
 * \brief The front end to use: the one asked for, else the TUI when both
 *        stdin and stdout are a terminal, else the text walkthrough.
 */
cli_mode cli_mode_resolve(cli_mode asked);

/**
 * \brief Lessons for a front end that prints them: the text walkthrough
 *        (JSON carries values, not prose; the TUI opens its own).
 * \param fatal  as for cli_lessons_open
 */
tls_lessons *cli_lessons_for_mode(const cli_options *o, bool *fatal);

/** \brief `tlssim lessons check DIR`: argv[0] is "lessons". Returns the exit status. */
int cli_lessons_command(int argc, char **argv);

/** \brief Print a finished run as one JSON document (schema in the README). */
void cli_json_render(FILE *out, const cli_options *o, const tls_trace *t,
                     const tls_sim_result *res);

/** \brief Whether the options ask for live mode (--connect or --listen). */
bool cli_is_live(const cli_options *o);

/**
 * \brief Run a live session, render it in the chosen front end, save the
 *        --keylog/--pcap files, and say what went wrong in one line.
 * \return the process exit status
 */
int cli_live_run(const cli_options *o);

/**
 * \brief Save the --keylog and --pcap files of a finished run, saying on
 *        stderr where each went (or why it could not be written).
 * \return false when a requested file could not be written
 */
bool cli_export_save(const cli_options *o, const tls_trace *t);

/** \brief Text: the first lines for a live run (who talked to whom, what was settled). */
void cli_text_live_header(FILE *out, const cli_options *o);

/** \brief JSON: the "live" member of "config" (an object, or null for an in-process run). */
void cli_json_live_config(FILE *out, const cli_options *o);

/** \brief "ecdhe" / "rsa". */
const char *cli_kx_arg(tls_kx kx);

/** \brief The suite a config will negotiate (its own, or the kx default). */
const tls_suite *cli_effective_suite(const tls_sim_config *cfg);

#endif
