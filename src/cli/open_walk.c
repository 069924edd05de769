/* `tlssim open FILE` without --list: one connection of the capture as a
 * run (the app layer's TLS_APP_CAPTURE), shown by the usual front ends. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "open_internal.h"
#include "tlssim/i18n.h"

int open_walk_option(int c, const char *arg, open_options *o)
{
    char *end;
    switch (c) {
    case 'L': o->lang = arg; return 1;
    case 'T': o->mode = CLI_MODE_TUI; return 1;
    case 't': o->mode = CLI_MODE_TEXT; return 1;
    case 'j': o->mode = CLI_MODE_JSON; return 1;
    case 'H': o->html = arg; return 1;
    case 'D': o->lessons_dir = arg; return 1;
    case 'N': o->no_lessons = true; return 1;
    case 'c': {
        errno = 0;
        unsigned long v = arg[0] >= '0' && arg[0] <= '9' ? strtoul(arg, &end, 10) : 0;
        if (v == 0 || errno || *end || v > TLS_CAP_CONN_MAX) {
            fprintf(stderr, _("tlssim open: --conn: '%s' is not a connection number "
                              "(1, 2, ... as --list numbers them)\n"), arg);
            return -1;
        }
        o->conn = (unsigned)v;
        return 1;
    }
    case 'K': {
        errno = 0;
        unsigned long long v = arg[0] >= '0' && arg[0] <= '9' ? strtoull(arg, &end, 10) : 0;
        if (v < 16384 || errno || *end || v > (64u << 20)) {
            fprintf(stderr, _("tlssim open: --keep: '%s' is not a number of bytes from 16384 "
                              "to 67108864\n"), arg);
            return -1;
        }
        o->keep = (size_t)v;
        return 1;
    }
    default:
        return 0;
    }
}

/* One line for a connection that cannot be walked through; the exit status. */
static int not_walkable(const open_options *o, tls_cap_walk_status st, const tls_cap_walk_info *info)
{
    switch (st) {
    case TLS_CAP_WALK_UNREADABLE:
        return open_cannot_read(o->file, info->read_status, info->detail);
    case TLS_CAP_WALK_NO_TLS:
        fprintf(stderr, _("tlssim: no TLS connection in %s (%" PRIu64 " packets, %u TCP connections)\n"),
                o->file, info->stats.frames, info->stats.conns);
        return 2;
    case TLS_CAP_WALK_NO_CONN:
        fprintf(stderr, _("tlssim: --conn %u: %s has %u TCP connections (see --list)\n"), o->conn,
                o->file, info->stats.conns);
        return 2;
    case TLS_CAP_WALK_CONN_NOT_TLS:
        fprintf(stderr, _("tlssim: --conn %u: that connection does not speak TLS (see --list)\n"),
                o->conn);
        return 2;
    default: {
        static const char *const names[] = {"SSL 3.0", "TLS 1.0", "TLS 1.1"};
        char v[16];
        snprintf(v, sizeof v, "0x%04x", info->version);
        fprintf(stderr, _("tlssim: connection #%u negotiated %s, not TLS 1.2: tlssim follows "
                          "TLS 1.2 only\n"),
                info->conn, info->version >= 0x0300 && info->version < 0x0303
                                 ? names[info->version - 0x0300] : v);
        return 1;
    }
    }
}

int open_walk_describe(const open_options *o, const tls_keylog *keys, const tls_privkey *key,
                       cli_options *co, tls_app_run *run)
{
    memset(co, 0, sizeof *co);
    co->lang = o->lang;
    co->mode = cli_mode_resolve(o->mode);
    co->html_path = o->html;
    co->lessons_dir = o->lessons_dir;
    co->no_lessons = o->no_lessons;
    tls_app_run_init(run, cli_lang(co));
    run->mode = TLS_APP_CAPTURE;
    run->lessons_dir = o->lessons_dir;
    run->no_lessons = o->no_lessons;
    run->html_path = o->html;
    run->capture = (tls_cap_walk_config){.path = o->file, .conn = o->conn, .keys = keys,
                                         .server_key = key, .app_data_keep = o->keep};
    tls_cap_walk_status st = tls_cap_walk_find(&run->capture, &run->capture_info);
    if (st != TLS_CAP_WALK_OK)
        return not_walkable(o, st, &run->capture_info);
    tls_i18n_set_lang(cli_lang(co));
    return CLI_OPEN_WALK;
}
