/* The app layer: see tlssim/app.h. */
#include "tlssim/app.h"

#include <stdio.h>
#include <string.h>

#include "tlssim/export.h"
#include "tlssim/i18n.h"

void tls_app_run_init(tls_app_run *r, tls_lang lang)
{
    memset(r, 0, sizeof *r);
    r->mode = TLS_APP_SIM;
    tls_sim_config_default(&r->sim);
    r->lang = lang;
    tls_live_config_default(&r->live);
}

/* A capture's run: its configuration is what the connection negotiated,
 * so the renderers' "config" describes the capture, not defaults. */
static tls_err capture_go(tls_app_run *r, tls_trace *t, tls_sim_result *res)
{
    tls_err err = tls_cap_walk(&r->capture, t, res, &r->capture_info);
    const tls_cap_walk_info *ci = &r->capture_info;
    r->sim.seeded = false;
    if (ci->suite) {
        r->sim.suite = ci->suite;
        r->sim.kx = ci->suite->kx;
        r->sim.server_cert = ci->suite->auth;
    }
    r->sim.ems = ci->ems;
    r->sim.no_etm = !ci->etm;
    const tls_event *g = tls_trace_find_value(t, TLS_VALUE_NAMED_GROUP, TLS_PARTY_WIRE,
                                              TLS_STEP_AFTER);
    if (g && g->len == 2)
        r->sim.group = (tls_group)((g->bytes[0] << 8) | g->bytes[1]);
    return err;
}

tls_err tls_app_run_go(tls_app_run *r, tls_trace *t, tls_sim_result *res)
{
    if (r->mode == TLS_APP_SIM && r->attack)
        return tls_attack_run(r->attack, &r->sim, t, res);
    if (r->mode == TLS_APP_SIM)
        return tls_sim_run(&r->sim, t, res);
    if (r->mode == TLS_APP_CAPTURE)
        return capture_go(r, t, res);
    /* The endpoint lives in the description, so a copy of it stays whole. */
    tls_live_config lc = r->live;
    lc.host = r->live_host[0] ? r->live_host : NULL;
    lc.port = r->live_port;
    return tls_live_run(&lc, t, res, &r->live_info);
}

const tls_suite *tls_app_suite(const tls_app_run *r)
{
    if (r->sim.suite)
        return r->sim.suite;
    const tls_suite *s = tls_suite_default_auth(r->sim.kx, r->sim.server_cert);
    return s ? s : tls_suite_default(r->sim.kx);
}

const char *tls_app_kx_arg(tls_kx kx)
{
    switch (kx) {
    case TLS_KX_RSA: return "rsa";
    case TLS_KX_DHE_RSA: return "dhe";
    case TLS_KX_ECDHE_RSA: break;
    }
    return "ecdhe";
}

tls_lessons *tls_app_lessons_open(const tls_app_run *r, bool *fatal)
{
    *fatal = false;
    if (r->no_lessons)
        return NULL;
    char err[512];
    tls_lessons *ls = tls_lessons_open(r->lessons_dir, err, sizeof err);
    if (ls)
        return ls;
    if (r->lessons_dir) {
        /* The teacher named a folder: not finding it is an error, not a shrug. */
        fprintf(stderr, _("tlssim: --lessons: %s\n"), err);
        *fatal = true;
    } else {
        fprintf(stderr, _("tlssim: no lessons found (%s); showing values only\n"), err);
    }
    return NULL;
}

bool tls_app_save_exports(const tls_app_run *r, const tls_trace *t)
{
    bool ok = true, keylog_ok = false;
    tls_text why;
    char shown[sizeof why.values + 512];
    /* stderr: stdout may be a JSON document that must stay parseable. */
    if (r->keylog_path) {
        if (tls_keylog_save(t, r->keylog_path, &why) == TLS_OK) {
            fprintf(stderr, _("tlssim: key log written to %s\n"), r->keylog_path);
            keylog_ok = true;
        } else {
            fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&why, shown, sizeof shown));
            ok = false;
        }
    }
    if (r->pcap_path) {
        if (tls_pcap_save(t, r->pcap_path, &why) == TLS_OK) {
            if (keylog_ok)
                fprintf(stderr, _("tlssim: pcap written to %s (to decrypt: tshark -r %s "
                                  "-o tls.keylog_file:%s)\n"),
                        r->pcap_path, r->pcap_path, r->keylog_path);
            else
                fprintf(stderr, _("tlssim: pcap written to %s\n"), r->pcap_path);
        } else {
            fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&why, shown, sizeof shown));
            ok = false;
        }
    }
    return ok;
}

bool tls_app_can_rerun(const tls_app_run *r) { return r->mode == TLS_APP_SIM; }

void tls_app_fresh(tls_app_run *r)
{
    r->sim.seeded = false;
    r->sim.scenario = NULL;
}

/* An attack that needs what the run no longer has ((EC)DHE; one
 * connection) is dropped, as the command line would refuse the pair. */
static void attack_keep_fitting(tls_app_run *r)
{
    if (r->attack && ((r->attack->ephemeral && r->sim.kx == TLS_KX_RSA) ||
                      r->sim.resume != TLS_RESUME_OFF))
        r->attack = NULL;
}

void tls_app_set_attack(tls_app_run *r, const tls_attack_info *attack)
{
    r->attack = attack;
    if (!attack)
        return;
    r->sim.resume = TLS_RESUME_OFF;
    r->sim.tamper.enabled = false;
    if (attack->ephemeral && r->sim.kx == TLS_KX_RSA) {
        r->sim.kx = TLS_KX_ECDHE_RSA;
        r->sim.suite = NULL;
    }
}

void tls_app_toggle_kx(tls_app_run *r)
{
    /* RSA → ECDHE → DHE → RSA: from key transport to forward secrecy, then
     * the older finite-field form of it. */
    r->sim.kx = r->sim.kx == TLS_KX_RSA         ? TLS_KX_ECDHE_RSA
                : r->sim.kx == TLS_KX_ECDHE_RSA ? TLS_KX_DHE_RSA
                                                : TLS_KX_RSA;
    r->sim.suite = NULL;    /* the simulation's default suite for that mode */
    if (r->sim.kx == TLS_KX_RSA)
        r->sim.server_cert = TLS_KEY_RSA; /* only an RSA key decrypts a pre-master */
    attack_keep_fitting(r);
}

tls_key_kind tls_app_toggle_server_cert(tls_app_run *r)
{
    r->sim.server_cert = r->sim.server_cert == TLS_KEY_ECDSA ? TLS_KEY_RSA : TLS_KEY_ECDSA;
    r->sim.suite = NULL;
    if (r->sim.server_cert == TLS_KEY_ECDSA)
        r->sim.kx = TLS_KX_ECDHE_RSA; /* an ECDSA key signs ECDHE; it cannot decrypt */
    return r->sim.server_cert;
}

const tls_group_info *tls_app_next_group(tls_app_run *r)
{
    if (r->sim.kx != TLS_KX_ECDHE_RSA)
        return NULL;
    size_t n;
    const tls_group_info *g = tls_groups_all(&n);
    size_t i = 0;
    while (i < n && g[i].id != r->sim.group)
        i++;
    /* A scenario's fixed scalars fit some groups only (a 32-byte scalar is
     * no P-384 key): skip the groups it cannot use, as the command line
     * refuses them at the scenario's line, rather than fail mid-run. */
    for (size_t k = 1; k <= n; k++) {
        const tls_group_info *next = &g[(i + k) % n];
        tls_text problem;
        if (r->sim.scenario &&
            !tls_scenario_check_group(r->sim.scenario, "", next->id, &problem))
            continue;
        r->sim.group = next->id;
        return next;
    }
    return NULL;
}

const char *tls_app_next_client_auth(tls_app_run *r)
{
    static const char *const names[] = {"off", "request", "require"};
    r->sim.client_auth = (tls_client_auth)((r->sim.client_auth + 1) % 3);
    r->sim.client_no_cert = false;
    r->sim.resume = TLS_RESUME_OFF;
    return names[r->sim.client_auth];
}

const tls_suite *tls_app_next_suite(tls_app_run *r)
{
    size_t n;
    const tls_suite *all = tls_suites_all(&n);
    const tls_suite *cur = tls_app_suite(r);
    size_t i = 0;
    while (i < n && &all[i] != cur)
        i++;
    const tls_suite *next = &all[(i + 1) % n];
    r->sim.suite = next;
    r->sim.kx = next->kx;
    r->sim.server_cert = next->auth;
    attack_keep_fitting(r);
    return next;
}

const char *tls_app_next_resume(tls_app_run *r)
{
    static const tls_resume_mode next[] = {
        [TLS_RESUME_OFF] = TLS_RESUME_ID, [TLS_RESUME_ID] = TLS_RESUME_TICKET,
        [TLS_RESUME_TICKET] = TLS_RESUME_OFF};
    r->sim.resume = next[r->sim.resume];
    r->sim.client_auth = TLS_CLIENT_AUTH_OFF;
    attack_keep_fitting(r);
    return tls_resume_mode_name(r->sim.resume);
}
