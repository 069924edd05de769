/* The problem list: what the loader and the checker found wrong in a lesson
 * folder, as escaped "file:line: message" lines, kept in order and also
 * printed as found when asked.  Its own file because scanning, parsing and
 * checking all add to it (load_internal.h). */
#include "tlssim/lessons.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"

void lsn_problem_add(lsn_plist *pl, const char *file, int line, const char *fmt, ...)
{
    char msg[1024], raw[2048], full[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(raw, sizeof raw, "%s:%d: %s", file, line, msg);
    else
        snprintf(raw, sizeof raw, "%s: %s", file, msg);
    /* File names and quoted header lines come from the folder: escaped
     * before they reach a terminal. */
    tls_text_escape(raw, strlen(raw), full, sizeof full);
    if (pl->out)
        fprintf(pl->out, "%s\n", full);
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? 2 * pl->cap : 8;
        char **m = realloc(pl->msg, cap * sizeof *m);
        if (!m)
            return;
        pl->msg = m;
        pl->cap = cap;
    }
    char *d = strdup(full);
    if (d)
        pl->msg[pl->n++] = d;
}

void lsn_plist_free(lsn_plist *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->msg[i]);
    free(pl->msg);
    memset(pl, 0, sizeof *pl);
}
