/*
 * Live resumption (--resume id|ticket with --connect or --listen): two
 * connections traced as one run.  --connect connects twice to the same
 * server, the second time offering the session the first left (its ID or
 * its ticket); --listen serves two clients one after the other with the
 * same session cache and ticket key, so the second may resume the first's
 * session.  Whether it does is the peer's choice: a declined session is a
 * full second handshake, and the trace shows it as such.
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "live_internal.h"
#include "tlssim/handshake.h"
#include "tlssim/pki.h"

bool live_resume_setup(live *lv)
{
    tls_resume_mode mode = lv->cfg->resume;
    if (mode == TLS_RESUME_OFF)
        return true;
    if (lv->role == TLS_PARTY_CLIENT) {
        lv->ecfg.resume = mode;
        return true;
    }
    if (tls_session_store_init(&lv->store, mode, lv->rng) != TLS_OK) {
        live_fail(lv, TLS_ERR_INTERNAL, TLS_TEXT_NO_RANDOM, NULL);
        return false;
    }
    lv->ecfg.sessions = &lv->store;
    return true;
}

const tls_flow *live_flow(const live *lv)
{
    if (!lv->e)
        return lv->first;
    const tls_flow *f = tls_engine_flow(lv->e);
    return lv->first ? tls_flow_join(lv->first, f) : f;
}

int live_run_step(const live *lv, int step)
{
    return step > 0 && step < TLS_STEP_AFTER ? lv->trace->step_base + step : step;
}

bool live_resume_next(live *lv)
{
    if (lv->cfg->resume == TLS_RESUME_OFF || lv->first || !lv->e || !live_ok(lv) ||
        !tls_engine_done(lv->e))
        return false;
    const tls_session *s = tls_engine_session(lv->e);
    if (lv->role == TLS_PARTY_CLIENT && s) {
        lv->session = *s;
        lv->ecfg.session = &lv->session;
    }
    lv->first = tls_engine_flow(lv->e);
    tls_engine_free(lv->e);
    lv->e = NULL;
    close(lv->fd);
    lv->fd = -1;
    /* A new TCP connection: a new eavesdropper, nothing heard yet. */
    tls_eavesdropper_free(&lv->eve);
    tls_eavesdropper_init(&lv->eve, lv->trace);
    lv->heard = lv->eof = lv->after = false;
    lv->announced = lv->annotated = 0;
    tls_trace_begin_connection(lv->trace, lv->first->n);
    return true;
}

void live_resume_introduce(live *lv)
{
    if (!lv->first)
        return;
    tls_resume_mode mode = lv->cfg->resume;
    const char *name = tls_resume_mode_name(mode);
    if (lv->role == TLS_PARTY_SERVER) {
        live_note(lv, TLS_TEXT_LIVE_RESUME_SECOND_CLIENT, TLS_ARGS(TLS_ARG_S("mode", name)));
        return;
    }
    const tls_session *s = lv->ecfg.session;
    bool have = s && (mode == TLS_RESUME_TICKET ? s->ticket_len > 0 : s->id_len > 0);
    if (have)
        live_note(lv, TLS_TEXT_RESUME_SECOND_CONNECTION, TLS_ARGS(TLS_ARG_S("mode", name)));
    else
        live_note(lv, TLS_TEXT_LIVE_RESUME_NOTHING,
                  TLS_ARGS(TLS_ARG_T("what", mode == TLS_RESUME_TICKET
                                                 ? TLS_TERM("no ticket")
                                                 : TLS_TERM("an empty session ID"))));
}

void live_status_listening(const live *lv)
{
    const tls_live_config *cfg = lv->cfg;
    const char *at = lv->info->local;
    if (!cfg->status)
        return;
    /* A line for the person at the terminal, in the interface language:
     * through the domain by name, as the lessons library does, since live
     * mode sits below the front ends' i18n. */
    if (cfg->resume == TLS_RESUME_OFF)
        fprintf(cfg->status,
                dgettext("tlssim",
                         "tlssim: listening on %s for one TLS 1.2 client (waiting up to %g s), e.g.\n"
                         "  openssl s_client -connect %s -tls1_2 -servername %s\n"),
                at, cfg->accept_timeout, at, TLS_DEMO_HOST);
    else if (!lv->first)
        fprintf(cfg->status,
                dgettext("tlssim",
                         "tlssim: listening on %s for two TLS 1.2 clients, one after the other: "
                         "the second may resume the first's session (waiting up to %g s for "
                         "each), e.g.\n"
                         "  openssl s_client -connect %s -tls1_2 -servername %s -sess_out sess.pem\n"
                         "  openssl s_client -connect %s -tls1_2 -servername %s -sess_in sess.pem\n"),
                at, cfg->accept_timeout, at, TLS_DEMO_HOST, at, TLS_DEMO_HOST);
    else
        fprintf(cfg->status,
                dgettext("tlssim", "tlssim: the first client is done; waiting up to %g s for "
                                   "the second, which may resume its session\n"),
                cfg->accept_timeout);
    fflush(cfg->status);
}
