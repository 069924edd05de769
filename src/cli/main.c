/* tlssim: parse the command line, run the handshake, hand the trace to a front end. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tlssim/i18n.h"
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

int main(int argc, char **argv)
{
    /* --help, option errors and the lessons subcommand in that language;
     * --lang's after parsing (the same unless it was misspelt). */
    tls_i18n_init(early_lang(argc, argv));
    if (argc > 1 && strcmp(argv[1], "lessons") == 0)
        return cli_lessons_command(argc - 1, argv + 1);
    cli_options o;
    int rc = cli_parse(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : 2;
    tls_i18n_set_lang(cli_lang(&o));
    if (cli_is_live(&o))
        return cli_live_run(&o);
    /* The TUI on a terminal; plain text for pipes, files and printers. */
    o.mode = cli_mode_resolve(o.mode);
    if (o.mode == CLI_MODE_TUI)
        return tui_run(&o);

    bool fatal;
    tls_lessons *lessons = cli_lessons_for_mode(&o, &fatal);
    if (fatal)
        return 2;
    tls_trace trace;
    tls_trace_init(&trace);
    tls_sim_result res;
    tls_sim_run(&o.sim, &trace, &res);
    if (trace.oom) {
        fputs(_("tlssim: out of memory\n"), stderr);
        tls_trace_free(&trace);
        tls_lessons_close(lessons);
        return 1;
    }
    if (o.mode == CLI_MODE_JSON)
        cli_json_render(stdout, &o, &trace, &res);
    else
        cli_text_render(stdout, &o, &trace, &res, lessons);
    bool saved = cli_export_save(&o, &trace);
    tls_trace_free(&trace);
    tls_lessons_close(lessons);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    return res.ok && saved ? 0 : 1;
}
