/*
 * The tlssim command line: it parses the arguments into cli_options, turns
 * them into a description of the run (tlssim/app.h) and hands that to the
 * app layer and a renderer (tlssim/render.h, the TUI).
 */
#ifndef TLSSIM_CLI_H
#define TLSSIM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "tlssim/app.h"
#include "tlssim/compare.h"
#include "tlssim/lessons.h"
#include "tlssim/sim.h"

/** \brief Which front end renders the run. */
typedef enum cli_mode { CLI_MODE_AUTO, CLI_MODE_TEXT, CLI_MODE_JSON, CLI_MODE_TUI } cli_mode;

/** \brief Everything the command line said. */
typedef struct cli_options {
    cli_mode mode;
    tls_sim_config sim;         /**< kx, suite, group, seed, scenario, tamper, ems */
    tls_scenario scenario;      /**< storage for --scenario (sim.scenario points here) */
    const char *scenario_path;  /**< --scenario FILE (for messages after parsing) */
    bool kx_given, suite_given, group_given, server_cert_given;
    const char *lang;           /**< --lang, or NULL for the locale's */
    const char *lessons_dir;    /**< --lessons, or NULL to find them */
    bool no_lessons;
    bool glossary;              /**< --glossary: print the lessons' glossary and exit */
    double auto_seconds;        /**< --auto: TUI advances by itself (0 = off) */
    int start_step;             /**< --step: TUI opens here (a step of the run's flow; 0 = first) */
    bool projector;             /**< --projector: the TUI's one big pane (issue 16) */
    bool quiz;                  /**< --quiz: the projector hides new values until a key */
    /* Checking a run elsewhere (issue 5). */
    const char *keylog_path;    /**< --keylog FILE: NSS key log for Wireshark, or NULL */
    const char *pcap_path;      /**< --pcap FILE: the channel as a pcap, or NULL */
    const char *html_path;      /**< --html FILE: the run as an HTML handout, or NULL */
    const char *connect;        /**< --connect HOST:PORT: live client, or NULL */
    const char *listen;         /**< --listen [ADDR:]PORT: live server, or NULL */
    const char *sni;            /**< --sni NAME (with --connect) */
    const char *ca_file;        /**< --ca FILE (with --connect) */
    double timeout;             /**< --timeout SECONDS (live), 0 when not given */
    size_t keep;                /**< --keep BYTES (live), 0 when not given */
    bool ems_given;             /**< --ems was given (live mode defaults to on) */
    const char *client_cert;    /**< --client-cert FILE (live), or NULL */
    const char *client_key;     /**< --client-key FILE (live), or NULL */
    const tls_attack_info *attack; /**< --attack NAME, or NULL */
    /* Compare mode (issue 16). */
    const char *compare;        /**< --compare LIST, or NULL */
    int ncompare;               /**< runs it names (2 or 3; 0 without --compare) */
    tls_sim_config compare_sim[TLS_COMPARE_MAX]; /**< each run's settings, one seed */
    char compare_label[TLS_COMPARE_MAX][64];     /**< each run's item, as named */
} cli_options;

/**
 * \brief Parse argv (after any subcommand).
 * \return 0 to run, 1 when --help/--version was printed (exit 0), 2 on a
 *         usage error (a one-line message was printed to stderr)
 */
int cli_parse(int argc, char **argv, cli_options *o);

/** \brief The usage text. */
void cli_usage(FILE *out);

/** \brief The lesson language: --lang, else the locale's. */
tls_lang cli_lang(const cli_options *o);

/**
 * \brief The front end to use: the one asked for, else the TUI when both
 *        stdin and stdout are a terminal, else the text walkthrough.
 */
cli_mode cli_mode_resolve(cli_mode asked);

/**
 * \brief --glossary: the lessons' glossary (--lessons DIR or found) in the
 *        --lang language, as text on stdout.  Returns the exit status: 0, or
 *        2 when there are no lessons or no glossary in them.
 */
int cli_glossary(const cli_options *o);

/** \brief `tlssim lessons check DIR`: argv[0] is "lessons". Returns the exit status. */
int cli_lessons_command(int argc, char **argv);

/** \brief One line on stderr when the lessons about to be shown had
 *         problems while loading (a broken file is left out); nothing
 *         when they had none or \p ls is NULL. */
void cli_lessons_warn(const tls_lessons *ls);

/**
 * \brief `tlssim open FILE --list`: argv[0] is "open".  Returns the exit
 *        status: 0, 2 for a capture that cannot be used (one line on stderr).
 */
int cli_open_command(int argc, char **argv, cli_options *o, tls_app_run *run);

/** \brief cli_open_command's answer when a walkthrough is to run: \p o and
 *         \p run describe it (main.c runs and shows it, then calls
 *         cli_open_release). */
#define CLI_OPEN_WALK (-1)

/** \brief Free the key material a capture walkthrough held. */
void cli_open_release(tls_app_run *run);

/** \brief Whether the options ask for live mode (--connect or --listen). */
bool cli_is_live(const cli_options *o);

/**
 * \brief The run the options describe: in-process, or live with the
 *        endpoint, offer, --ems default and timeouts of live mode.
 *        \p r keeps pointers into \p o (paths, the scenario).
 */
void cli_describe(const cli_options *o, tls_app_run *r);

/**
 * \brief The runs --compare describes (o->ncompare of them, one seed),
 *        ready to run.
 */
void cli_describe_compare(const cli_options *o, tls_compare *c);

/**
 * \brief Check --compare's list against the other options and fill in
 *        o->compare_sim and o->compare_label (after the other options).
 * \return 0, or 2 after a one-line usage error
 */
int cli_compare_parse(cli_options *o);

/** \brief "ecdhe"/"rsa" as --kx and --compare spell them. */
bool cli_kx_parse(const char *s, tls_kx *kx);

/**
 * \brief --attack NAME (or list: prints the table and returns 1, exit 0).
 * \return 0, 1 after the list, or 2 after a one-line usage error
 */
int cli_attack_option(cli_options *o, const char *arg);

/** \brief --attack against the other options (after them all); 0 or 2. */
int cli_attack_check(const cli_options *o);

/** \brief A one-line usage error (fmt has one %s for \p arg); returns 2. */
int cli_usage_error(const char *fmt, const char *arg);

#endif
