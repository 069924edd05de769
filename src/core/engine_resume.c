/*
 * Session resumption (RFC 5246 §7.3 and §7.4.1.2, RFC 5077, RFC 7627 §5.3):
 * what each side does about a session at the hellos, the server's
 * NewSessionTicket, and what a finished handshake leaves to resume.
 */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

/* ------------------------------------------------------------ client */

void engine_client_offer_session(tls_engine *e, tls_client_hello *ch)
{
    const tls_session *s = e->cfg->session;
    bool have = s && s->valid;
    if (e->cfg->resume == TLS_RESUME_TICKET) {
        ch->has_ticket_ext = true;
        if (!have || s->ticket_len == 0)
            return;
        ch->ticket = s->ticket;
        ch->ticket_len = s->ticket_len;
        /* RFC 5077 §3.4: a session ID of the client's own, so that the
         * server's echo says it accepted the ticket. */
        if (tls_rng_bytes(e->rng, e->offered_id, 32) != TLS_OK)
            return;
        e->offered_id_len = 32;
        engine_value(e, TLS_VALUE_SESSION_TICKET, s->ticket, s->ticket_len, NULL);
        engine_note(e, TLS_TEXT_RESUME_CLIENT_OFFERS_TICKET,
                    TLS_ARGS(TLS_ARG_U("bytes", s->ticket_len)));
    } else if (e->cfg->resume == TLS_RESUME_ID && have && s->id_len > 0) {
        memcpy(e->offered_id, s->id, s->id_len);
        e->offered_id_len = s->id_len;
        engine_note(e, TLS_TEXT_RESUME_CLIENT_OFFERS_ID, NULL);
    } else {
        return;
    }
    memcpy(ch->session_id, e->offered_id, e->offered_id_len);
    ch->session_id_len = e->offered_id_len;
    engine_value(e, TLS_VALUE_SESSION_ID, e->offered_id, e->offered_id_len, NULL);
}

tls_err engine_client_check_resumed(tls_engine *e, const tls_server_hello *sh)
{
    e->ticket_expected = sh->has_ticket_ext;
    memcpy(e->sess.id, sh->session_id, sh->session_id_len);
    e->sess.id_len = sh->session_id_len;
    bool echoed = e->offered_id_len > 0 && sh->session_id_len == e->offered_id_len &&
                  memcmp(sh->session_id, e->offered_id, e->offered_id_len) == 0;
    if (!echoed) {
        if (e->offered_id_len > 0)
            engine_note(e, TLS_TEXT_RESUME_CLIENT_DECLINED, NULL);
        else if (sh->session_id_len > 0 && e->cfg->resume == TLS_RESUME_ID)
            engine_value(e, TLS_VALUE_SESSION_ID, sh->session_id, sh->session_id_len, NULL);
        return TLS_OK;
    }
    const tls_session *s = e->cfg->session;
    /* RFC 5246 §7.4.1.3: a resumed session keeps its cipher suite. */
    if (sh->suite != s->suite)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_RESUME_SUITE_CHANGED,
                           TLS_ARGS(TLS_ARG_S("suite", tls_suite_wire_name(s->suite)),
                                    TLS_ARG_S("now", tls_suite_wire_name(sh->suite))));
    /* RFC 7627 §5.3: the extension must match the session's, either way. */
    if (sh->has_ems != s->ems)
        return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE,
                           s->ems ? TLS_TEXT_RESUME_EMS_DROPPED : TLS_TEXT_RESUME_EMS_ADDED, NULL);
    /* RFC 7366 §3.1: encrypt-then-MAC may be taken up, never given up. */
    if (s->etm && !e->etm)
        return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_RESUME_ETM_DROPPED, NULL);
    e->resumed = true;
    e->ems = s->ems;
    memcpy(e->master, s->master, 48);
    engine_note(e, TLS_TEXT_RESUME_CLIENT_RESUMED,
                TLS_ARGS(TLS_ARG_S("suite", tls_suite_wire_name(s->suite))));
    return TLS_OK;
}

/* ------------------------------------------------------------ server */

static const char *const ticket_why[] = {
    [TLS_TICKET_WRONG_LENGTH] = TLS_TERM("it is not as long as the server's tickets"),
    [TLS_TICKET_UNKNOWN_KEY] = TLS_TERM("its key_name names no key of this server"),
    [TLS_TICKET_BAD_TAG] = TLS_TERM("the GCM tag does not verify: altered, or sealed by "
                                    "someone else"),
    [TLS_TICKET_BAD_STATE] = TLS_TERM("the state inside is not one this server wrote"),
};

/* A session the client's ClientHello names, if the server still has it. */
static bool server_find_session(tls_engine *e, const tls_client_hello *ch, tls_session *out)
{
    tls_session_store *st = e->cfg->sessions;
    if (st->mode == TLS_RESUME_TICKET) {
        if (ch->ticket_len == 0)
            return false;
        tls_ticket_verdict v = tls_ticket_open(st, ch->ticket, ch->ticket_len, out);
        engine_value(e, TLS_VALUE_SESSION_TICKET, ch->ticket, ch->ticket_len, NULL);
        if (v != TLS_TICKET_OPENED) {
            engine_note(e, TLS_TEXT_RESUME_TICKET_REJECTED,
                        TLS_ARGS(TLS_ARG_T("why", ticket_why[v])));
            return false;
        }
        uint8_t state[TLS_TICKET_STATE];
        tls_ticket_state_encode(out, state);
        engine_value(e, TLS_VALUE_TICKET_STATE, state, sizeof state, NULL);
        tls_wipe(state, sizeof state);
        engine_note(e, TLS_TEXT_RESUME_TICKET_OPENED,
                    TLS_ARGS(TLS_ARG_S("suite", tls_suite_wire_name(out->suite)),
                             TLS_ARG_T("ems", out->ems ? TLS_TERM("with the extended master secret")
                                                       : TLS_TERM("without the extended master "
                                                                  "secret"))));
        return true;
    }
    if (ch->session_id_len == 0)
        return false;
    engine_value(e, TLS_VALUE_SESSION_ID, ch->session_id, ch->session_id_len, NULL);
    const tls_session *s = tls_session_cache_get(st, ch->session_id, ch->session_id_len);
    engine_note(e, s ? TLS_TEXT_RESUME_CACHE_HIT : TLS_TEXT_RESUME_CACHE_MISS, NULL);
    if (s)
        *out = *s;
    return s != NULL;
}

/* Whether this connection would protect the session's CBC records with
 * encrypt-then-MAC: the client asks, the server agrees (RFC 7366). */
static bool server_etm_for(const tls_engine *e, const tls_client_hello *ch, const tls_session *s)
{
    const tls_suite *suite = tls_suite_by_id(s->suite);
    return suite && suite->cipher == TLS_CIPHER_AES_CBC && ch->has_etm && !e->cfg->no_etm;
}

/* Whether the session may be resumed now: its suite still acceptable to
 * both, the extended master secret used the same way (RFC 7627 §5.3), and
 * encrypt-then-MAC not given up (RFC 7366 §3.1). */
static bool server_may_resume(tls_engine *e, const tls_client_hello *ch, const tls_session *s)
{
    uint16_t mine[TLS_MAX_SUITES];
    size_t n = engine_suites(e, mine);
    if (!engine_list_has(mine, n, s->suite) ||
        !engine_list_has(ch->suites, ch->nsuites, s->suite)) {
        engine_note(e, TLS_TEXT_RESUME_SUITE_UNAVAILABLE,
                    TLS_ARGS(TLS_ARG_S("suite", tls_suite_wire_name(s->suite))));
        return false;
    }
    if (s->ems && !ch->has_ems) {
        engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_RESUME_EMS_NOT_OFFERED, NULL);
        return false;
    }
    if (!s->ems && ch->has_ems) {
        engine_note(e, TLS_TEXT_RESUME_EMS_NEW, NULL);
        return false;
    }
    if (s->etm && !server_etm_for(e, ch, s)) {
        engine_note(e, TLS_TEXT_RESUME_ETM_DOWNGRADE, NULL);
        return false;
    }
    if (!s->ems)
        engine_note(e, TLS_TEXT_RESUME_LEGACY_NO_EMS, NULL);
    return true;
}

tls_err engine_server_decide_resume(tls_engine *e, const tls_client_hello *ch)
{
    tls_session_store *st = e->cfg->sessions;
    /* Client authentication and resumption are not combined here. */
    if (!st || st->mode == TLS_RESUME_OFF || e->cfg->client_auth != TLS_CLIENT_AUTH_OFF)
        return TLS_OK;
    e->ticket_expected = st->mode == TLS_RESUME_TICKET && ch->has_ticket_ext;
    tls_session s;
    bool found = server_find_session(e, ch, &s);
    bool resume = found && server_may_resume(e, ch, &s);
    if (e->err != TLS_OK)
        return e->err;
    if (resume) {
        e->resumed = true;
        e->suite = tls_suite_by_id(s.suite);
        e->ems = s.ems;
        /* The new hellos decide encrypt-then-MAC for the session's suite
         * (chosen above for the suite the server would have picked). */
        e->etm = server_etm_for(e, ch, &s);
        if (e->etm && !s.etm)
            engine_note(e, TLS_TEXT_RESUME_ETM_UPGRADE, NULL);
        memcpy(e->master, s.master, 48);
        /* Echo the client's session ID, whether it named the session (RFC
         * 5246 §7.4.1.3) or came with a ticket (RFC 5077 §3.4). */
        memcpy(e->sess.id, ch->session_id, ch->session_id_len);
        e->sess.id_len = ch->session_id_len;
        engine_note(e, ch->session_id_len ? TLS_TEXT_RESUME_SERVER_ACCEPTS
                                          : TLS_TEXT_RESUME_SERVER_ACCEPTS_NO_ID,
                    TLS_ARGS(TLS_ARG_S("suite", e->suite->name)));
    } else if (st->mode == TLS_RESUME_ID) {
        tls_err err = tls_rng_bytes(e->rng, e->sess.id, 32);
        if (err != TLS_OK)
            return engine_fail(e, err, TLS_TEXT_NO_RANDOM, NULL);
        e->sess.id_len = 32;
        engine_value(e, TLS_VALUE_SESSION_ID, e->sess.id, 32, NULL);
        engine_note(e, TLS_TEXT_RESUME_SERVER_NEW_ID, NULL);
    }
    s.valid = false;
    tls_wipe(&s, sizeof s);
    return TLS_OK;
}

void engine_server_hello_session(const tls_engine *e, tls_server_hello *sh)
{
    memcpy(sh->session_id, e->sess.id, e->sess.id_len);
    sh->session_id_len = e->sess.id_len;
    sh->has_ticket_ext = e->ticket_expected;
}

/* ------------------------------------------------------- the ticket */

tls_err new_session_ticket_write(tls_engine *e, tls_writer *w)
{
    tls_session s = {.suite = e->suite->id, .ems = e->ems, .etm = e->etm};
    memcpy(s.master, e->master, 48);
    uint8_t state[TLS_TICKET_STATE], ticket[TLS_TICKET_LEN];
    tls_ticket_state_encode(&s, state);
    tls_err err = tls_ticket_seal(e->cfg->sessions, e->rng, state, ticket);
    tls_wipe(&s, sizeof s);
    if (err != TLS_OK) {
        tls_wipe(state, sizeof state);
        return engine_fail(e, err, TLS_TEXT_TICKET_SEAL_FAILED, NULL);
    }
    engine_value(e, TLS_VALUE_TICKET_STATE, state, sizeof state, NULL);
    engine_value(e, TLS_VALUE_TICKET_KEY, e->cfg->sessions->key, 32, NULL);
    tls_wipe(state, sizeof state);
    char name[2 * TLS_TICKET_KEY_NAME + 1], iv[2 * TLS_TICKET_IV + 1], tag[33];
    tls_hex_into(ticket, TLS_TICKET_KEY_NAME, name, sizeof name);
    tls_hex_into(ticket + TLS_TICKET_KEY_NAME, TLS_TICKET_IV, iv, sizeof iv);
    tls_hex_into(ticket + TLS_TICKET_LEN - 16, 16, tag, sizeof tag);
    engine_note(e, TLS_TEXT_TICKET_SEALED,
                TLS_ARGS(TLS_ARG_S("key_name", name), TLS_ARG_S("iv", iv),
                         TLS_ARG_U("state", TLS_TICKET_STATE), TLS_ARG_S("tag", tag)));
    engine_value(e, TLS_VALUE_SESSION_TICKET, ticket, sizeof ticket, NULL);
    tls_new_session_ticket nst = {.lifetime_hint = TLS_TICKET_LIFETIME, .ticket = ticket,
                                  .ticket_len = sizeof ticket};
    return tls_new_session_ticket_write(&nst, w);
}

tls_err new_session_ticket_read(tls_engine *e, tls_reader *r)
{
    tls_new_session_ticket nst;
    tls_err err = tls_new_session_ticket_parse(r, &nst);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "NewSessionTicket")));
    engine_value(e, TLS_VALUE_SESSION_TICKET, nst.ticket, nst.ticket_len, NULL);
    if (nst.ticket_len > sizeof e->sess.ticket) {
        engine_note(e, TLS_TEXT_TICKET_TOO_LONG,
                    TLS_ARGS(TLS_ARG_U("bytes", nst.ticket_len),
                             TLS_ARG_U("max", sizeof e->sess.ticket)));
        return TLS_OK;
    }
    memcpy(e->sess.ticket, nst.ticket, nst.ticket_len);
    e->sess.ticket_len = nst.ticket_len;
    e->sess.lifetime_hint = nst.lifetime_hint;
    engine_note(e, TLS_TEXT_TICKET_STORED,
                TLS_ARGS(TLS_ARG_U("bytes", nst.ticket_len),
                         TLS_ARG_U("seconds", nst.lifetime_hint)));
    return TLS_OK;
}

/* ------------------------------------------------ after the handshake */

void engine_session_done(tls_engine *e)
{
    tls_session *s = &e->sess;
    s->suite = e->suite->id;
    s->ems = e->ems;
    s->etm = e->etm;
    memcpy(s->master, e->master, 48);
    s->valid = true;
    const tls_session *old = e->cfg->session;
    /* Resumed without a new ticket: the old one still names the session. */
    if (e->role == TLS_PARTY_CLIENT && e->resumed && s->ticket_len == 0 && old) {
        memcpy(s->ticket, old->ticket, old->ticket_len);
        s->ticket_len = old->ticket_len;
    }
    tls_session_store *st = e->cfg->sessions;
    if (e->role == TLS_PARTY_SERVER && st && st->mode == TLS_RESUME_ID && !e->resumed)
        tls_session_cache_put(st, s);
}

const tls_session *tls_engine_session(const tls_engine *e)
{
    return tls_engine_done(e) && e->sess.valid ? &e->sess : NULL;
}

bool tls_engine_resumed(const tls_engine *e) { return e->resumed; }
