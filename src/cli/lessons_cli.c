/* Lessons for the front ends: which folder, which language, and the
 * `tlssim lessons check DIR` subcommand. */
#include <stdio.h>
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

tls_lessons *cli_lessons_open(const cli_options *o, bool *fatal)
{
    *fatal = false;
    if (o->no_lessons)
        return NULL;
    char err[512];
    tls_lessons *ls = tls_lessons_open(o->lessons_dir, err, sizeof err);
    if (ls)
        return ls;
    if (o->lessons_dir) {
        /* The teacher named a folder: not finding it is an error, not a shrug. */
        fprintf(stderr, _("tlssim: --lessons: %s\n"), err);
        *fatal = true;
    } else {
        fprintf(stderr, _("tlssim: no lessons found (%s); showing values only\n"), err);
    }
    return NULL;
}

tls_lessons *cli_lessons_for_mode(const cli_options *o, bool *fatal)
{
    *fatal = false;
    return o->mode == CLI_MODE_TEXT ? cli_lessons_open(o, fatal) : NULL;
}

int cli_lessons_command(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return tls_lessons_check_main(argv[2]);
    fputs(_("tlssim: usage: tlssim lessons check DIR\n"), stderr);
    return 2;
}
