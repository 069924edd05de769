/*
 * From options to the run they describe (tlssim/app.h): an in-process run,
 * or a live one whose tls_live_config the options make.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

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

static void describe_live(const cli_options *o, tls_app_run *r)
{
    tls_live_config *lc = &r->live;
    r->mode = TLS_APP_LIVE;
    lc->role = o->connect ? TLS_LIVE_CONNECT : TLS_LIVE_LISTEN;
    tls_live_parse_endpoint(o->connect ? o->connect : o->listen, o->listen != NULL,
                            r->live_host, sizeof r->live_host, r->live_port,
                            sizeof r->live_port);
    lc->sni = o->sni;
    lc->ca_file = o->ca_file;
    lc->client_auth = o->sim.client_auth;
    lc->server_cert = o->sim.server_cert;
    lc->client_cert_file = o->client_cert;
    lc->client_key_file = o->client_key;
    live_choices(o, lc);
    /* Real stacks offer the extended master secret: so does live mode,
     * unless --ems off asks for the classic formula. */
    lc->ems = o->ems_given ? o->sim.ems : true;
    r->sim.ems = lc->ems;
    lc->no_etm = o->sim.no_etm;
    lc->resume = o->sim.resume;
    if (o->timeout > 0) {
        lc->timeout = o->timeout;
        lc->accept_timeout = o->timeout;
    }
    lc->app_data_keep = o->keep;
    lc->status = stderr;
}

void cli_describe(const cli_options *o, tls_app_run *r)
{
    tls_app_run_init(r, cli_lang(o));
    r->sim = o->sim;
    r->attack = o->attack;
    r->lessons_dir = o->lessons_dir;
    r->no_lessons = o->no_lessons;
    r->keylog_path = o->keylog_path;
    r->pcap_path = o->pcap_path;
    r->html_path = o->html_path;
    if (cli_is_live(o))
        describe_live(o, r);
}

void cli_describe_compare(const cli_options *o, tls_compare *c)
{
    tls_app_run runs[TLS_COMPARE_MAX];
    const char *labels[TLS_COMPARE_MAX];
    for (int i = 0; i < o->ncompare; i++) {
        cli_describe(o, &runs[i]);
        runs[i].sim = o->compare_sim[i];
        labels[i] = o->compare_label[i];
    }
    tls_compare_init(c, runs, labels, o->ncompare);
}
