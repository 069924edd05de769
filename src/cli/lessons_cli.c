/* Lessons on the command line: which language, the
 * `tlssim lessons check DIR` subcommand and --glossary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tlssim/i18n.h"

tls_lang cli_lang(const cli_options *o)
{
    tls_lang lang;
    if (o->lang && tls_lang_parse(o->lang, &lang))
        return lang;
    return tls_lang_from_env();
}

void cli_lessons_warn(const tls_lessons *ls)
{
    size_t n = ls ? tls_lessons_problem_count(ls) : 0;
    if (n == 0)
        return;
    /* One line: the folder is usable, but what is wrong with it would
     * otherwise go unnoticed (a lesson dropped, a placeholder left as is). */
    fprintf(stderr,
            ngettext("tlssim: warning: %s has %zu lesson problem (broken files are left out), "
                     "the first: %s; 'tlssim lessons check %s' lists them\n",
                     "tlssim: warning: %s has %zu lesson problems (broken files are left out), "
                     "the first: %s; 'tlssim lessons check %s' lists them\n", n),
            tls_lessons_dir(ls), n, tls_lessons_problem(ls, 0), tls_lessons_dir(ls));
}

int cli_lessons_command(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return tls_lessons_check_main(argv[2]);
    fputs(_("tlssim: usage: tlssim lessons check DIR\n"), stderr);
    return 2;
}

int cli_glossary(const cli_options *o)
{
    char err[512];
    tls_lessons *ls = tls_lessons_open(o->lessons_dir, err, sizeof err);
    if (!ls) {
        fprintf(stderr, _("tlssim: no lessons found (%s)\n"), err);
        return 2;
    }
    tls_lang lang = cli_lang(o);
    bool fell_back = false;
    const tls_lesson *l = tls_lessons_get(ls, TLS_LESSON_ID_GLOSSARY, lang, &fell_back);
    char *text = NULL;
    if (l) {
        tls_render_opts ro = {.width = 78, .lang = lang};
        text = tls_lesson_render_text(l, &ro);
    }
    if (!text) {
        fprintf(stderr, _("tlssim: %s has no glossary (glossary.md)\n"), tls_lessons_dir(ls));
        tls_lessons_close(ls);
        return 2;
    }
    if (fell_back)
        printf("%s\n", tls_lesson_fallback_notice(lang));
    fputs(text, stdout);
    free(text);
    tls_lessons_close(ls);
    return fflush(stdout) == 0 ? 0 : 1;
}
