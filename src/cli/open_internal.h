/* `tlssim open`: the listing (open_cli.c) and the walkthrough (open_walk.c). */
#ifndef TLSSIM_OPEN_INTERNAL_H
#define TLSSIM_OPEN_INTERNAL_H

#include "cli.h"
#include "tlssim/capture.h"

typedef struct open_options {
    const char *file;
    const char *keys;             /* --keys KEYLOG, or NULL */
    const char *server_key;       /* --server-key PEM, or NULL */
    bool list;
    /* The walkthrough. */
    unsigned conn;                /* --conn N, 0: the first TLS connection */
    cli_mode mode;                /* --tui, --text, --json */
    const char *html;             /* --html FILE */
    size_t keep;                  /* --keep BYTES, 0: the default */
    const char *lang;             /* --lang */
    const char *lessons_dir;      /* --lessons DIR */
    bool no_lessons;
} open_options;

/* An option of the walkthrough's (getopt's \p c): 1 taken, 0 not one of
 * them, -1 a bad value (a line was printed). */
int open_walk_option(int c, const char *arg, open_options *o);

/* Find the connection and describe the run; CLI_OPEN_WALK, or the exit
 * status (one line printed) when there is nothing to walk through. */
int open_walk_describe(const open_options *o, const tls_keylog *keys, const tls_privkey *key,
                       cli_options *co, tls_app_run *run);

/* One line on stderr for a capture that cannot be used; returns 2. */
int open_cannot_read(const char *file, tls_cap_status st, const char *why);

#endif
