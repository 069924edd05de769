/* Lessons on the command line: which language, and the
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

int cli_lessons_command(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return tls_lessons_check_main(argv[2]);
    fputs(_("tlssim: usage: tlssim lessons check DIR\n"), stderr);
    return 2;
}
