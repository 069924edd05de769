/*
 * The command line's live runs (--connect, --listen): options become a
 * tls_live_config, and the trace goes to the same renderers as an
 * in-process run.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tui.h"
#include "tlssim/i18n.h"

/* --suite, --kx and --group narrow the offer (client) or what is accepted
 * (server); --listen keeps the other groups after a preferred one, like the
 * in-process server. */
static void live_choices(const cli_options *o, tls_live_config *lc)
{
    size_t n;
    const tls_suite *all = tls_suites_all(&n);
    if (o->suite_given) {
        lc->suites[lc->nsuites++] = o->sim.suite;
    } else if (o->kx_given) {
        for (size_t i = 0; i < n && lc->nsuites < TLS_SUITE_COUNT; i++)
            if (all[i].kx == o->sim.kx)
                lc->suites[lc->nsuites++] = &all[i];
    }
    if (o->group_given && lc->role == TLS_LIVE_LISTEN)
        lc->ngroups = tls_groups_preferring(o->sim.group, lc->groups);
    else if (o->group_given)
        lc->groups[lc->ngroups++] = o->sim.group;
}

int cli_live_run(const cli_options *in)
{
    cli_options o = *in;
    /* As for an in-process run: the TUI on a terminal, text otherwise. */
    o.mode = cli_mode_resolve(o.mode);
    bool fatal;
    tls_lessons *lessons = cli_lessons_for_mode(&o, &fatal);
    if (fatal)
        return 2;

    tls_live_config lc;
    tls_live_config_default(&lc);
    char host[256], port[8];
    lc.role = o.connect ? TLS_LIVE_CONNECT : TLS_LIVE_LISTEN;
    tls_live_parse_endpoint(o.connect ? o.connect : o.listen, o.listen != NULL, host,
                            sizeof host, port, sizeof port);
    lc.host = host[0] ? host : NULL;
    lc.port = port;
    lc.sni = o.sni;
    lc.ca_file = o.ca_file;
    live_choices(&o, &lc);
    /* Real stacks offer the extended master secret: so does live mode,
     * unless --ems off asks for the classic formula. */
    lc.ems = o.ems_given ? o.sim.ems : true;
    o.sim.ems = lc.ems;
    if (o.timeout > 0) {
        lc.timeout = o.timeout;
        lc.accept_timeout = o.timeout;
    }
    lc.status = stderr;

    tls_trace trace;
    tls_trace_init(&trace);
    tls_sim_result res;
    tls_live_info info;
    tls_live_run(&lc, &trace, &res, &info);
    o.live_info = &info;
    if (o.mode == CLI_MODE_TUI) {
        /* The session is over before the screen opens: the TUI steps
         * through its trace, saves --keylog/--pcap and reports failures. */
        int rc = tui_run_trace(&o, &trace, &res);
        tls_trace_free(&trace);
        return rc;
    }
    if (o.mode == CLI_MODE_JSON)
        cli_json_render(stdout, &o, &trace, &res);
    else
        cli_text_render(stdout, &o, &trace, &res, lessons);
    tls_lessons_close(lessons);
    bool saved = cli_export_save(&o, &trace);
    tls_trace_free(&trace);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    if (!res.ok) {
        char why[sizeof res.why_text.values + 512];
        fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&res.why_text, why, sizeof why));
    }
    return res.ok && saved ? 0 : 1;
}
