/*
 * What live mode adds to the trace, from reading it after each read from
 * the socket: a sentence on each extension the peer sent (real stacks send
 * many tlssim does not implement), and what the peer provably holds once a
 * message of its checks out.  The engine knows nothing of this: it traces
 * the same way whoever its peer is.
 */
#include <stdio.h>
#include <string.h>

#include "live_internal.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"

/* A sentence of this side's, filed under the step of the peer's message it
 * is about (later messages may have been read in the same go). */
static void note_at(live *lv, int step, tls_text_id id, const tls_text_arg *args)
{
    tls_text msg;
    tls_text_make(&msg, id, args);
    tls_event ev = {.kind = TLS_EV_NOTE, .step = step, .party = lv->role, .msg = &msg};
    tls_trace_push(lv->trace, &ev);
}

/* ------------------------------------------------------- extensions */

static bool is_tls13_only(uint16_t type)
{
    /* RFC 8446 §4.2: defined for TLS 1.3 only; a TLS 1.2 server ignores them. */
    static const uint16_t t13[] = {41, 42, 43, 44, 45, 47, 48, 49, 50, 51};
    for (size_t i = 0; i < sizeof t13 / sizeof t13[0]; i++)
        if (t13[i] == type)
            return true;
    return false;
}

/* What a server makes of session_ticket in a ClientHello (RFC 5077). */
static const char *server_ticket_reaction(const live *lv)
{
    switch (lv->cfg->resume) {
    case TLS_RESUME_TICKET:
        return TLS_TERM("read (--resume ticket): a ticket to resume, or empty to ask for one");
    case TLS_RESUME_ID:
        return TLS_TERM("ignored: this server resumes by session ID only (--resume id)");
    case TLS_RESUME_OFF: break;
    }
    return TLS_TERM("ignored: this server does not resume sessions");
}

/* What a server makes of an extension in a ClientHello. */
static const char *server_reaction(const live *lv, uint16_t type)
{
    const tls_engine *e = lv->e;
    const tls_suite *suite = tls_engine_suite(e);
    bool ecdhe = suite && suite->kx == TLS_KX_ECDHE_RSA;
    bool dhe = suite && suite->kx == TLS_KX_DHE_RSA;
    switch (type) {
    case TLS_EXT_SERVER_NAME:
        return TLS_TERM("read: this server has one certificate for every name");
    case TLS_EXT_SUPPORTED_GROUPS:
        return ecdhe ? TLS_TERM("used to choose the ECDHE group")
               : dhe ? TLS_TERM("not needed: the DHE group travels in ServerKeyExchange")
                     : TLS_TERM("not needed: RSA key exchange");
    case TLS_EXT_EC_POINT_FORMATS:
        return ecdhe ? TLS_TERM("checked: uncompressed points")
               : dhe ? TLS_TERM("not needed: DHE uses no elliptic-curve points")
                     : TLS_TERM("not needed: RSA key exchange");
    case TLS_EXT_SIGNATURE_ALGORITHMS:
        return ecdhe || dhe ? TLS_TERM("used to choose the ServerKeyExchange signature")
                     : TLS_TERM("not needed: no ServerKeyExchange with RSA key exchange");
    case TLS_EXT_EXTENDED_MASTER_SECRET:
        return tls_engine_ems(e)
                   ? TLS_TERM("accepted: the master secret will hash the whole handshake")
                   : TLS_TERM("declined (--ems off): the classic master-secret formula");
    case TLS_EXT_RENEGOTIATION_INFO:
        return TLS_TERM("answered with an empty renegotiation_info: secure renegotiation "
                        "(RFC 5746)");
    case 5: return TLS_TERM("ignored: no OCSP stapling here");
    case 16: return TLS_TERM("ignored: no protocol negotiation, HTTP/1.1 is assumed");
    case 18: return TLS_TERM("ignored: no certificate transparency here");
    case 21: return TLS_TERM("ignored: padding only");
    case TLS_EXT_ENCRYPT_THEN_MAC:
        return !suite || suite->cipher != TLS_CIPHER_AES_CBC
                   ? TLS_TERM("not answered: it changes CBC suites only, and an AEAD has no "
                              "separate MAC")
               : tls_engine_etm(e)
                   ? TLS_TERM("accepted: CBC records will be encrypted, then MACed")
                   : TLS_TERM("declined (--etm off): CBC records MACed, then encrypted");
    case TLS_EXT_SESSION_TICKET: return server_ticket_reaction(lv);
    default:
        return is_tls13_only(type)
                   ? TLS_TERM("ignored: TLS 1.3 only, and a TLS 1.2 server must ignore it")
                   : TLS_TERM("ignored: not implemented here (RFC 5246 §7.4.1.4: unknown "
                              "extensions are ignored)");
    }
}

/* What a client makes of an extension in a ServerHello (only ones it offered
 * get this far: anything else was refused with unsupported_extension). */
static const char *client_reaction(uint16_t type)
{
    switch (type) {
    case TLS_EXT_EC_POINT_FORMATS: return TLS_TERM("the server also takes uncompressed points");
    case TLS_EXT_EXTENDED_MASTER_SECRET:
        return TLS_TERM("accepted: the master secret will hash the whole handshake (RFC 7627)");
    case TLS_EXT_ENCRYPT_THEN_MAC:
        return TLS_TERM("accepted: CBC records encrypted, then MACed (RFC 7366)");
    case TLS_EXT_RENEGOTIATION_INFO:
        return TLS_TERM("empty, as it must be: the server does secure renegotiation (RFC 5746)");
    case TLS_EXT_SESSION_TICKET:
        return TLS_TERM("the server will send a NewSessionTicket (RFC 5077)");
    default: return TLS_TERM("offered by the client");
    }
}

/* The extensions of the peer's hello \p m (a MESSAGE event) of step
 * \p step, one by one with what this side makes of each. */
static void note_extensions(live *lv, const tls_event *m, int step)
{
    tls_reader r, body;
    uint8_t type;
    tls_client_hello ch;
    tls_server_hello sh;
    memset(&ch, 0, sizeof ch);
    memset(&sh, 0, sizeof sh);
    tls_reader_init(&r, m->bytes, m->len, NULL, 0);
    if (tls_msg_header_parse(&r, &type, &body) != TLS_OK)
        return;
    bool hello = type == TLS_HS_CLIENT_HELLO ? tls_client_hello_parse(&body, &ch) == TLS_OK
                 : type == TLS_HS_SERVER_HELLO ? tls_server_hello_parse(&body, &sh) == TLS_OK
                                               : false;
    if (!hello)
        return;
    const tls_ext_seen *exts = type == TLS_HS_CLIENT_HELLO ? ch.exts : sh.exts;
    size_t n = type == TLS_HS_CLIENT_HELLO ? ch.nexts : sh.nexts;
    size_t total = type == TLS_HS_CLIENT_HELLO ? ch.nexts_total : sh.nexts_total;
    char list[TLS_TEXT_VALUES_SIZE]; /* a browser sends about 16 extensions */
    list[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *name = tls_extension_name(exts[i].type);
        char unknown[16];
        if (!name) {
            snprintf(unknown, sizeof unknown, "0x%04x", exts[i].type);
            name = unknown;
        }
        const char *why = lv->role == TLS_PARTY_SERVER ? server_reaction(lv, exts[i].type)
                                                       : client_reaction(exts[i].type);
        tls_text_list_add(list, sizeof list, name, why);
    }
    /* The count is every extension the hello carries; the list, the first
     * TLS_MAX_EXTENSIONS the parser keeps. */
    note_at(lv, step,
            total == 0   ? TLS_TEXT_EXTENSIONS_NONE
            : total == 1 ? TLS_TEXT_EXTENSIONS_ONE
            : total > n  ? TLS_TEXT_EXTENSIONS_MANY_FIRST
                         : TLS_TEXT_EXTENSIONS_MANY,
            TLS_ARGS(TLS_ARG_T("peer", tls_party_name(lv->peer)), TLS_ARG_S("message", m->name),
                     TLS_ARG_U("count", total), TLS_ARG_U("shown", n), TLS_ARG_L("list", list)));
}

/* What a real peer provably knows once its message of a step has arrived and
 * checked out.  Its memory cannot be read, but its messages prove what it
 * holds: an answer proves the question arrived, a verified Finished proves
 * the same master secret and keys. */
#define HOLDS(kind) (UINT64_C(1) << (kind))
_Static_assert(TLS_VALUE_COUNT <= 64, "peer_proof.holds has a bit per value kind");

typedef struct peer_proof {
    tls_msg_kind kind;          /* the peer's message */
    tls_text_id why;            /* the deduction, in one sentence */
    uint64_t holds;             /* values the peer now provably holds: HOLDS(kind) bits */
} peer_proof;

static const peer_proof proofs[] = {
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_INFER_CLIENT_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME)},
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_INFER_SERVER_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME) |
     HOLDS(TLS_VALUE_SERVER_RANDOM) | HOLDS(TLS_VALUE_CIPHER_SUITE)},
    /* The abbreviated handshake's: the same hellos, and a server Finished
     * that proves the session's master secret and this connection's keys. */
    {TLS_MSG_RESUME_CLIENT_HELLO, TLS_TEXT_INFER_CLIENT_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME)},
    {TLS_MSG_RESUME_SERVER_HELLO, TLS_TEXT_INFER_SERVER_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME) |
     HOLDS(TLS_VALUE_SERVER_RANDOM) | HOLDS(TLS_VALUE_CIPHER_SUITE)},
    {TLS_MSG_RESUME_SERVER_FINISHED, TLS_TEXT_INFER_RESUMED_FINISHED,
     HOLDS(TLS_VALUE_MASTER_SECRET) | HOLDS(TLS_VALUE_KEY_BLOCK) |
     HOLDS(TLS_VALUE_CLIENT_WRITE_MAC_KEY) | HOLDS(TLS_VALUE_SERVER_WRITE_MAC_KEY) |
     HOLDS(TLS_VALUE_CLIENT_WRITE_KEY) | HOLDS(TLS_VALUE_SERVER_WRITE_KEY) |
     HOLDS(TLS_VALUE_CLIENT_WRITE_IV) | HOLDS(TLS_VALUE_SERVER_WRITE_IV) |
     HOLDS(TLS_VALUE_SERVER_VERIFY_DATA)},
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_INFER_CERTIFICATE, HOLDS(TLS_VALUE_SERVER_CERTIFICATE)},
    {TLS_MSG_SERVER_KEY_EXCHANGE, TLS_TEXT_INFER_SERVER_KEY_EXCHANGE,
     HOLDS(TLS_VALUE_NAMED_GROUP) | HOLDS(TLS_VALUE_SERVER_ECDHE_PUBLIC) |
     HOLDS(TLS_VALUE_SERVER_DHE_PUBLIC) | HOLDS(TLS_VALUE_SKE_SIGNATURE)},
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_INFER_CLIENT_KEY_EXCHANGE,
     HOLDS(TLS_VALUE_SERVER_RANDOM) | HOLDS(TLS_VALUE_CIPHER_SUITE) |
     HOLDS(TLS_VALUE_SERVER_CERTIFICATE) | HOLDS(TLS_VALUE_NAMED_GROUP) |
     HOLDS(TLS_VALUE_SERVER_ECDHE_PUBLIC) | HOLDS(TLS_VALUE_SERVER_DHE_PUBLIC) |
     HOLDS(TLS_VALUE_SKE_SIGNATURE) | HOLDS(TLS_VALUE_CLIENT_ECDHE_PUBLIC) |
     HOLDS(TLS_VALUE_CLIENT_DHE_PUBLIC) | HOLDS(TLS_VALUE_ENCRYPTED_PRE_MASTER)},
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_INFER_CLIENT_FINISHED,
     HOLDS(TLS_VALUE_PRE_MASTER_SECRET) | HOLDS(TLS_VALUE_MASTER_SECRET) |
     HOLDS(TLS_VALUE_KEY_BLOCK) | HOLDS(TLS_VALUE_CLIENT_WRITE_MAC_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_MAC_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_IV) |
     HOLDS(TLS_VALUE_SERVER_WRITE_IV) | HOLDS(TLS_VALUE_CLIENT_VERIFY_DATA)},
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_INFER_SERVER_FINISHED,
     HOLDS(TLS_VALUE_CLIENT_ECDHE_PUBLIC) | HOLDS(TLS_VALUE_CLIENT_DHE_PUBLIC) |
     HOLDS(TLS_VALUE_ENCRYPTED_PRE_MASTER) |
     HOLDS(TLS_VALUE_PRE_MASTER_SECRET) | HOLDS(TLS_VALUE_MASTER_SECRET) |
     HOLDS(TLS_VALUE_KEY_BLOCK) | HOLDS(TLS_VALUE_CLIENT_WRITE_MAC_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_MAC_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_IV) |
     HOLDS(TLS_VALUE_SERVER_WRITE_IV) | HOLDS(TLS_VALUE_CLIENT_VERIFY_DATA) |
     HOLDS(TLS_VALUE_SERVER_VERIFY_DATA)},
};

/* What the peer holds, now that its message of step \p step checked out:
 * recorded as inferred values of the peer, equal to this side's own. */
static void infer(live *lv, int step)
{
    const tls_msg_info *m = tls_flow_msg(tls_engine_flow(lv->e), step);
    for (size_t i = 0; i < sizeof proofs / sizeof proofs[0]; i++) {
        const peer_proof *p = &proofs[i];
        if (!m || p->kind != m->kind)
            continue;
        /* A resumed connection derived no pre-master: its Finished proves
         * the session's master secret and the new keys. */
        tls_text_id why = p->why;
        if (m->kind == TLS_MSG_CLIENT_FINISHED && tls_engine_resumed(lv->e))
            why = TLS_TEXT_INFER_RESUMED_FINISHED;
        note_at(lv, step, why, TLS_ARGS(TLS_ARG_T("party", tls_party_name(lv->role)),
                                        TLS_ARG_T("peer", tls_party_name(lv->peer))));
        /* In table order: the order the values were first learned. */
        for (int k = 0; k < TLS_VALUE_COUNT; k++) {
            if (!(p->holds & HOLDS(k)))
                continue;
            const tls_event *mine = tls_trace_find_value(lv->trace, (tls_value_kind)k, lv->role,
                                                         TLS_STEP_AFTER);
            /* This connection's: a resumed one derives no pre-master. */
            if (!mine || mine->connection != lv->trace->connection)
                continue;
            tls_event ev = {.kind = TLS_EV_VALUE, .step = step, .party = lv->peer,
                            .value = mine->value, .text = mine->text, .bytes = mine->bytes,
                            .len = mine->len, .inferred = true};
            tls_trace_push(lv->trace, &ev);
        }
    }
}

/* The message of step \p step, when the peer sent it, as the engine traced
 * it on receipt; NULL for this side's steps and steps that did not happen. */
static const tls_event *peer_message(const live *lv, int step)
{
    const tls_msg_info *s = tls_flow_msg(tls_engine_flow(lv->e), step);
    if (!s || s->sender != lv->peer)
        return NULL;
    for (size_t i = 0; i < lv->trace->n; i++) {
        const tls_event *ev = &lv->trace->ev[i];
        if (ev->kind == TLS_EV_MESSAGE && ev->step == live_run_step(lv, step) &&
            ev->party == lv->peer &&
            ev->content_type == s->content_type && ev->hs_type == s->hs_type)
            return ev;
    }
    return NULL;
}

void live_annotate(live *lv)
{
    /* The engine moves past a step once its message checked out. */
    int next = tls_engine_step(lv->e);
    int done = next == TLS_STEP_AFTER ? tls_engine_flow(lv->e)->n : next - 1;
    for (int step = lv->annotated + 1; step <= done; step++) {
        const tls_event *m = peer_message(lv, step);
        if (!m)
            continue;
        note_extensions(lv, m, step);
        infer(lv, step);
    }
    if (done > lv->annotated)
        lv->annotated = done;
}
