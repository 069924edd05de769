/* tlssim: parse the command line, have the app layer run the run, hand it
 * to a front end. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tlssim/i18n.h"
#include "tlssim/render.h"
#include "tui.h"

/* The interface language before the options are parsed, so that --help
 * and the option errors already speak it: the last --lang that names a
 * language, else the locale's. */
static tls_lang early_lang(int argc, char **argv)
{
    tls_lang lang = tls_lang_from_env();
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = strncmp(argv[i], "--lang=", 7) == 0 ? argv[i] + 7
                      : strcmp(argv[i], "--lang") == 0 && i + 1 < argc ? argv[++i] : NULL;
        tls_lang parsed;
        if (v && tls_lang_parse(v, &parsed))
            lang = parsed;
    }
    return lang;
}

/* --html FILE: the handout, said on stderr like the other files. */
static bool save_html(const tls_app_run *run, const tls_trace *trace, const tls_sim_result *res,
                      const tls_lessons *lessons)
{
    if (!run->html_path)
        return true;
    if (!tls_save_html(run->html_path, run, trace, res, lessons)) {
        fprintf(stderr, _("tlssim: cannot write %s: %s\n"), run->html_path, tls_i18n_strerror(errno));
        return false;
    }
    fprintf(stderr, _("tlssim: HTML handout written to %s\n"), run->html_path);
    return true;
}

/* Print a finished run as text or JSON, save --keylog/--pcap/--html; the exit status. */
static int render(const cli_options *o, const tls_app_run *run, const tls_trace *trace,
                  const tls_sim_result *res, tls_lessons *lessons)
{
    if (o->mode == CLI_MODE_JSON)
        tls_print_json(stdout, run, trace, res);
    else
        tls_print_text(stdout, run, trace, res, lessons);
    bool saved = tls_app_save_exports(run, trace) && save_html(run, trace, res, lessons);
    tls_lessons_close(lessons);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    /* The walkthrough says why an in-process run failed; a live run's
     * reason (a refused connection, a peer's alert) and why a capture
     * cannot be followed also go to stderr. */
    if (run->mode != TLS_APP_SIM && !res->ok) {
        char why[sizeof res->why_text.values + 512];
        fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&res->why_text, why, sizeof why));
    }
    return res->ok && saved ? 0 : 1;
}

/* --tamper R:O that named a record or byte the run never had changed
 * nothing: a usage error (exit 2) rather than a run that looks tampered
 * with and is not.  Known only once the run is over: the records before
 * R are the same with or without the tamper. */
static int tamper_missed(const tls_tamper *t, const tls_sim_result *res)
{
    if (!t->enabled || (t->record < res->records && t->offset < res->tamper_record_len))
        return 0;
    char msg[256];
    if (t->record >= res->records)
        snprintf(msg, sizeof msg,
                 _("--tamper %zu:%zu: the run has %zu records (0 to %zu): nothing was changed"),
                 t->record, t->offset, res->records, res->records - 1);
    else
        snprintf(msg, sizeof msg,
                 _("--tamper %zu:%zu: record %zu has %zu bytes (0 to %zu): nothing was changed"),
                 t->record, t->offset, t->record, res->tamper_record_len,
                 res->tamper_record_len - 1);
    return cli_usage_error("%s", msg);
}

/* The TUI runs the run itself: a first run tells whether --tamper hits and
 * whether --step names a step of this run's flow (10, 13 or, resumed, up
 * to 22 steps: only the run knows). */
static int tui_precheck(tls_app_run *run, int start_step)
{
    if (run->mode != TLS_APP_SIM || (!run->sim.tamper.enabled && !start_step))
        return 0;
    tls_trace trace;
    tls_trace_init(&trace);
    tls_sim_result res;
    tls_app_run_go(run, &trace, &res);
    tls_trace_free(&trace);
    int steps = tls_sim_result_flow(&res)->n;
    if (start_step > steps) {
        char msg[128];
        snprintf(msg, sizeof msg, _("--step %d: this run has steps 1 to %d"), start_step, steps);
        return cli_usage_error("%s", msg);
    }
    return tamper_missed(&run->sim.tamper, &res);
}

/* Run the run and show it in the chosen front end; the exit status. */
static int run_and_show(const cli_options *o, tls_app_run *run)
{
    tui_options to = {.auto_seconds = o->auto_seconds, .start_step = o->start_step,
                      .write_html = tls_save_html, .projector = o->projector, .quiz = o->quiz};
    /* The TUI runs an in-process run itself (m, g, s and r run it again). */
    if (o->mode == CLI_MODE_TUI && run->mode == TLS_APP_SIM) {
        int rc = tui_precheck(run, o->start_step);
        return rc ? rc : tui_run(run, &to);
    }
    /* Lessons for the front end that prints them: JSON carries values, not
     * prose; the TUI opens its own. */
    bool fatal = false;
    tls_lessons *lessons = o->mode == CLI_MODE_TEXT || (o->mode == CLI_MODE_JSON && run->html_path)
                               ? tls_app_lessons_open(run, &fatal)
                               : NULL;
    if (fatal)
        return 2;
    cli_lessons_warn(lessons);
    tls_trace trace;
    tls_trace_init(&trace);
    tls_sim_result res;
    tls_app_run_go(run, &trace, &res);
    int rc = run->mode == TLS_APP_SIM ? tamper_missed(&run->sim.tamper, &res) : 0;
    if (rc) {
        tls_lessons_close(lessons);
    } else if (o->mode == CLI_MODE_TUI) {
        /* A live session is over before the screen opens: the TUI steps
         * through its trace, saves --keylog/--pcap and reports failures. */
        rc = tui_run_trace(run, &to, &trace, &res);
    } else if (trace.oom) {
        fputs(_("tlssim: out of memory\n"), stderr);
        tls_lessons_close(lessons);
        rc = 1;
    } else {
        rc = render(o, run, &trace, &res, lessons);
    }
    tls_trace_free(&trace);
    return rc;
}

/* --compare: every run with the same seed, in the TUI, as text or JSON;
 * the exit status (the TUI's is its own: it shows failed runs). */
static int compare_and_show(const cli_options *o)
{
    static tls_compare c; /* three traces' worth of rows: not on the stack */
    cli_describe_compare(o, &c);
    bool fatal = false;
    tls_lessons *lessons = o->mode == CLI_MODE_TEXT ? tls_app_lessons_open(&c.runs[0].run, &fatal)
                                                    : NULL;
    if (fatal)
        return 2;
    cli_lessons_warn(lessons);
    tls_compare_go(&c);
    int rc = 0;
    if (o->mode == CLI_MODE_TUI && !tls_compare_oom(&c)) {
        tui_options to = {.auto_seconds = o->auto_seconds};
        rc = tui_run_compare(&c, &to);
    } else if (tls_compare_oom(&c)) {
        fputs(_("tlssim: out of memory\n"), stderr);
        rc = 1;
    } else if (o->mode == CLI_MODE_JSON) {
        tls_print_compare_json(stdout, &c);
    } else {
        tls_print_compare_text(stdout, &c, lessons);
    }
    for (int i = 0; i < c.n && rc == 0 && o->mode != CLI_MODE_TUI; i++)
        rc = c.runs[i].res.ok ? 0 : 1;
    tls_lessons_close(lessons);
    tls_compare_free(&c);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* --help, option errors and the lessons subcommand in that language;
     * --lang's after parsing (the same unless it was misspelt). */
    tls_i18n_init(early_lang(argc, argv));
    if (argc > 1 && strcmp(argv[1], "lessons") == 0)
        return cli_lessons_command(argc - 1, argv + 1);
    cli_options o;
    if (argc > 1 && strcmp(argv[1], "open") == 0) {
        static tls_app_run capture;
        int rc = cli_open_command(argc - 1, argv + 1, &o, &capture);
        if (rc != CLI_OPEN_WALK)
            return rc;
        rc = run_and_show(&o, &capture);
        cli_open_release(&capture);
        return rc;
    }
    int rc = cli_parse(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : 2;
    tls_i18n_set_lang(cli_lang(&o));
    if (o.glossary)
        return cli_glossary(&o);
    /* The TUI on a terminal; plain text for pipes, files and printers. */
    o.mode = cli_mode_resolve(o.mode);
    if (o.ncompare)
        return compare_and_show(&o);
    tls_app_run run;
    cli_describe(&o, &run);
    return run_and_show(&o, &run);
}
