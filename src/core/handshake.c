/* The catalogue of message kinds and the flows: see include/tlssim/handshake.h. */
#include "tlssim/handshake.h"

#include <stdio.h>

#include "engine_internal.h"

static const tls_msg_info catalogue[TLS_MSG_KIND_COUNT] = {
    {TLS_MSG_CLIENT_HELLO, TLS_PARTY_CLIENT, "ClientHello", TLS_CT_HANDSHAKE,
     TLS_HS_CLIENT_HELLO, TLS_TEXT_TEACH_CLIENT_HELLO, TLS_TEXT_TITLE_CLIENT_HELLO,
     "client-hello", false, false, client_hello_write, client_hello_read},
    {TLS_MSG_SERVER_HELLO, TLS_PARTY_SERVER, "ServerHello", TLS_CT_HANDSHAKE,
     TLS_HS_SERVER_HELLO, TLS_TEXT_TEACH_SERVER_HELLO, TLS_TEXT_TITLE_SERVER_HELLO,
     "server-hello", false, false, server_hello_write, server_hello_read},
    {TLS_MSG_SERVER_CERTIFICATE, TLS_PARTY_SERVER, "Certificate", TLS_CT_HANDSHAKE,
     TLS_HS_CERTIFICATE, TLS_TEXT_TEACH_CERTIFICATE, TLS_TEXT_TITLE_CERTIFICATE,
     "certificate", false, false, certificate_write, certificate_read},
    {TLS_MSG_SERVER_KEY_EXCHANGE, TLS_PARTY_SERVER, "ServerKeyExchange", TLS_CT_HANDSHAKE,
     TLS_HS_SERVER_KEY_EXCHANGE, TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE,
     TLS_TEXT_TITLE_SERVER_KEY_EXCHANGE,
     "server-key-exchange", true, false, server_key_exchange_write, server_key_exchange_read},
    {TLS_MSG_SERVER_HELLO_DONE, TLS_PARTY_SERVER, "ServerHelloDone", TLS_CT_HANDSHAKE,
     TLS_HS_SERVER_HELLO_DONE, TLS_TEXT_TEACH_SERVER_HELLO_DONE,
     TLS_TEXT_TITLE_SERVER_HELLO_DONE,
     "server-hello-done", false, false, server_hello_done_write, server_hello_done_read},
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_PARTY_CLIENT, "ClientKeyExchange", TLS_CT_HANDSHAKE,
     TLS_HS_CLIENT_KEY_EXCHANGE, TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE,
     TLS_TEXT_TITLE_CLIENT_KEY_EXCHANGE,
     "client-key-exchange", true, true, client_key_exchange_write, client_key_exchange_read},
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_PARTY_CLIENT, "ChangeCipherSpec",
     TLS_CT_CHANGE_CIPHER_SPEC, 0, TLS_TEXT_TEACH_CLIENT_CCS, TLS_TEXT_TITLE_CLIENT_CCS,
     "client-change-cipher-spec", false, false, change_cipher_spec_write, change_cipher_spec_read},
    {TLS_MSG_CLIENT_FINISHED, TLS_PARTY_CLIENT, "Finished", TLS_CT_HANDSHAKE,
     TLS_HS_FINISHED, TLS_TEXT_TEACH_CLIENT_FINISHED, TLS_TEXT_TITLE_CLIENT_FINISHED,
     "client-finished", false, false, finished_write, finished_read},
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_PARTY_SERVER, "ChangeCipherSpec",
     TLS_CT_CHANGE_CIPHER_SPEC, 0, TLS_TEXT_TEACH_SERVER_CCS, TLS_TEXT_TITLE_SERVER_CCS,
     "server-change-cipher-spec", false, false, change_cipher_spec_write, change_cipher_spec_read},
    {TLS_MSG_SERVER_FINISHED, TLS_PARTY_SERVER, "Finished", TLS_CT_HANDSHAKE,
     TLS_HS_FINISHED, TLS_TEXT_TEACH_SERVER_FINISHED, TLS_TEXT_TITLE_SERVER_FINISHED,
     "server-finished", false, false, finished_write, finished_read},
    {TLS_MSG_CERTIFICATE_REQUEST, TLS_PARTY_SERVER, "CertificateRequest", TLS_CT_HANDSHAKE,
     TLS_HS_CERTIFICATE_REQUEST, TLS_TEXT_TEACH_CERTIFICATE_REQUEST,
     TLS_TEXT_TITLE_CERTIFICATE_REQUEST,
     "certificate-request", false, false, certificate_request_write, certificate_request_read},
    {TLS_MSG_CLIENT_CERTIFICATE, TLS_PARTY_CLIENT, "Certificate", TLS_CT_HANDSHAKE,
     TLS_HS_CERTIFICATE, TLS_TEXT_TEACH_CLIENT_CERTIFICATE, TLS_TEXT_TITLE_CLIENT_CERTIFICATE,
     "client-certificate", false, false, client_certificate_write, client_certificate_read},
    {TLS_MSG_CERTIFICATE_VERIFY, TLS_PARTY_CLIENT, "CertificateVerify", TLS_CT_HANDSHAKE,
     TLS_HS_CERTIFICATE_VERIFY, TLS_TEXT_TEACH_CERTIFICATE_VERIFY,
     TLS_TEXT_TITLE_CERTIFICATE_VERIFY,
     "certificate-verify", false, false, certificate_verify_write, certificate_verify_read},
    {TLS_MSG_NEW_SESSION_TICKET, TLS_PARTY_SERVER, "NewSessionTicket", TLS_CT_HANDSHAKE,
     TLS_HS_NEW_SESSION_TICKET, TLS_TEXT_TEACH_NEW_SESSION_TICKET,
     TLS_TEXT_TITLE_NEW_SESSION_TICKET, "new-session-ticket", false, false,
     new_session_ticket_write, new_session_ticket_read},
    {TLS_MSG_RESUME_CLIENT_HELLO, TLS_PARTY_CLIENT, "ClientHello", TLS_CT_HANDSHAKE,
     TLS_HS_CLIENT_HELLO, TLS_TEXT_TEACH_RESUME_CLIENT_HELLO, TLS_TEXT_TITLE_CLIENT_HELLO,
     "resume-client-hello", false, false, client_hello_write, client_hello_read},
    /* Resumed: the key block follows from the session's master secret and
     * the two randoms, known once both hellos are in. */
    {TLS_MSG_RESUME_SERVER_HELLO, TLS_PARTY_SERVER, "ServerHello", TLS_CT_HANDSHAKE,
     TLS_HS_SERVER_HELLO, TLS_TEXT_TEACH_RESUME_SERVER_HELLO, TLS_TEXT_TITLE_SERVER_HELLO,
     "abbreviated-handshake", false, true, server_hello_write, server_hello_read},
    {TLS_MSG_RESUME_SERVER_FINISHED, TLS_PARTY_SERVER, "Finished", TLS_CT_HANDSHAKE,
     TLS_HS_FINISHED, TLS_TEXT_TEACH_RESUME_SERVER_FINISHED, TLS_TEXT_TITLE_SERVER_FINISHED,
     "abbreviated-finished", false, false, finished_write, finished_read},
};

/* The full handshake as courses teach it (RFC 5246 §7.3, figure 1). */
static const tls_flow_step full_ecdhe[] = {
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_KEY_EXCHANGE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_HELLO_DONE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
};

/* The same view with RSA key transport: ServerKeyExchange is not sent, and
 * stays in the list so the learner sees what is missing and why. */
static const tls_flow_step full_rsa[] = {
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_KEY_EXCHANGE, TLS_TEXT_SKIP_SERVER_KEY_EXCHANGE_RSA, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_HELLO_DONE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_NONE, TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE_RSA},
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
};

/* DHE: ECDHE's messages; ServerKeyExchange and ClientKeyExchange carry
 * finite-field values instead of points (their lessons differ by the flow's
 * suffix), and step 4 says so. */
static const tls_flow_step full_dhe[] = {
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_KEY_EXCHANGE, TLS_TEXT_NONE, TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE},
    {TLS_MSG_SERVER_HELLO_DONE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},
};

/* Client authentication (RFC 5246 §7.3, figure 1, with the optional
 * messages): the server asks after its own certificate and key exchange;
 * the client answers with its certificate before its key exchange and
 * proves its key right after it, once the transcript holds both shares. */
#define CLIENT_AUTH_STEPS(ske_skipped, ske_teaches, cke_teaches, cv_skipped) \
    CLIENT_AUTH_FIRST(ske_skipped, ske_teaches, cke_teaches, cv_skipped), \
    SERVER_FINISH
#define CLIENT_AUTH_FIRST(ske_skipped, ske_teaches, cke_teaches, cv_skipped) \
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},                \
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},                \
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},          \
    {TLS_MSG_SERVER_KEY_EXCHANGE, ske_skipped, ske_teaches},             \
    {TLS_MSG_CERTIFICATE_REQUEST, TLS_TEXT_NONE, TLS_TEXT_NONE},         \
    {TLS_MSG_SERVER_HELLO_DONE, TLS_TEXT_NONE, TLS_TEXT_NONE},           \
    {TLS_MSG_CLIENT_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},          \
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_NONE, cke_teaches},           \
    {TLS_MSG_CERTIFICATE_VERIFY, cv_skipped, TLS_TEXT_NONE},             \
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},   \
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE}
#define SERVER_FINISH                                                    \
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},   \
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE}

#define NONE TLS_TEXT_NONE
#define RSA_SKE TLS_TEXT_SKIP_SERVER_KEY_EXCHANGE_RSA
#define RSA_CKE TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE_RSA
#define DHE_SKE TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE
#define EMPTY_CV TLS_TEXT_SKIP_CERTIFICATE_VERIFY_EMPTY

static const tls_flow_step auth_ecdhe[] = {CLIENT_AUTH_STEPS(NONE, NONE, NONE, NONE)};
static const tls_flow_step auth_rsa[] = {CLIENT_AUTH_STEPS(RSA_SKE, NONE, RSA_CKE, NONE)};
static const tls_flow_step auth_dhe[] = {CLIENT_AUTH_STEPS(NONE, DHE_SKE, NONE, NONE)};
/* The client had no certificate: the same positions, CertificateVerify
 * shown as absent, so the numbers do not move when the flow changes. */
static const tls_flow_step auth_empty_ecdhe[] = {CLIENT_AUTH_STEPS(NONE, NONE, NONE, EMPTY_CV)};
static const tls_flow_step auth_empty_rsa[] = {CLIENT_AUTH_STEPS(RSA_SKE, NONE, RSA_CKE, EMPTY_CV)};
static const tls_flow_step auth_empty_dhe[] = {CLIENT_AUTH_STEPS(NONE, DHE_SKE, NONE, EMPTY_CV)};

/* A full handshake that issues a ticket (RFC 5077 §3.1, figure 1): the
 * server sends NewSessionTicket once it has verified the client's Finished,
 * before its own ChangeCipherSpec, so the ticket travels in clear but sealed. */
#define TICKET_STEPS(ske_skipped, ske_teaches, cke_teaches)              \
    {TLS_MSG_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},                \
    {TLS_MSG_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},                \
    {TLS_MSG_SERVER_CERTIFICATE, TLS_TEXT_NONE, TLS_TEXT_NONE},          \
    {TLS_MSG_SERVER_KEY_EXCHANGE, ske_skipped, ske_teaches},             \
    {TLS_MSG_SERVER_HELLO_DONE, TLS_TEXT_NONE, TLS_TEXT_NONE},           \
    {TLS_MSG_CLIENT_KEY_EXCHANGE, TLS_TEXT_NONE, cke_teaches},           \
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},   \
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},             \
    {TLS_MSG_NEW_SESSION_TICKET, TLS_TEXT_NONE, TLS_TEXT_NONE},          \
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},   \
    {TLS_MSG_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE}

static const tls_flow_step ticket_ecdhe[] = {TICKET_STEPS(NONE, NONE, NONE)};
static const tls_flow_step ticket_rsa[] = {TICKET_STEPS(RSA_SKE, NONE, RSA_CKE)};
static const tls_flow_step ticket_dhe[] = {TICKET_STEPS(NONE, DHE_SKE, NONE)};

/* Both optional parts at once, as a real server may do (gnutls-serv by
 * default, to a client that asks for a ticket): the client-certificate
 * messages, then NewSessionTicket after the client's Finished.  tlssim's
 * own server resumes no client-authenticated sessions, so only a real
 * server's handshake takes these. */
#define NST {TLS_MSG_NEW_SESSION_TICKET, TLS_TEXT_NONE, TLS_TEXT_NONE}
static const tls_flow_step auth_ticket_ecdhe[] = {CLIENT_AUTH_FIRST(NONE, NONE, NONE, NONE), NST,
                                                  SERVER_FINISH};
static const tls_flow_step auth_ticket_rsa[] = {CLIENT_AUTH_FIRST(RSA_SKE, NONE, RSA_CKE, NONE),
                                                NST, SERVER_FINISH};
static const tls_flow_step auth_ticket_dhe[] = {CLIENT_AUTH_FIRST(NONE, DHE_SKE, NONE, NONE), NST,
                                                SERVER_FINISH};
static const tls_flow_step auth_empty_ticket_ecdhe[] = {
    CLIENT_AUTH_FIRST(NONE, NONE, NONE, EMPTY_CV), NST, SERVER_FINISH};
static const tls_flow_step auth_empty_ticket_rsa[] = {
    CLIENT_AUTH_FIRST(RSA_SKE, NONE, RSA_CKE, EMPTY_CV), NST, SERVER_FINISH};
static const tls_flow_step auth_empty_ticket_dhe[] = {
    CLIENT_AUTH_FIRST(NONE, DHE_SKE, NONE, EMPTY_CV), NST, SERVER_FINISH};

/* The abbreviated handshake (RFC 5246 §7.3, figure 2; RFC 5077 §3.1,
 * figure 2): the hellos agree on a session both sides already hold, the
 * keys follow from its master secret and the new randoms, and the server,
 * which had nothing else to send, finishes first. */
#define ABBR_HELLOS                                                                \
    {TLS_MSG_RESUME_CLIENT_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE},                   \
    {TLS_MSG_RESUME_SERVER_HELLO, TLS_TEXT_NONE, TLS_TEXT_NONE}
#define ABBR_FINISH                                                                \
    {TLS_MSG_SERVER_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_TEACH_RESUME_SERVER_CCS}, \
    {TLS_MSG_RESUME_SERVER_FINISHED, TLS_TEXT_NONE, TLS_TEXT_NONE},                \
    {TLS_MSG_CLIENT_CHANGE_CIPHER_SPEC, TLS_TEXT_NONE, TLS_TEXT_NONE},             \
    {TLS_MSG_CLIENT_FINISHED, TLS_TEXT_NONE, TLS_TEXT_TEACH_RESUME_CLIENT_FINISHED}

static const tls_flow_step abbreviated[] = {ABBR_HELLOS, ABBR_FINISH};
static const tls_flow_step abbreviated_ticket[] = {
    ABBR_HELLOS, {TLS_MSG_NEW_SESSION_TICKET, TLS_TEXT_NONE, TLS_TEXT_NONE}, ABBR_FINISH};

#define FLOW(id, name, kx, kxe, auth, steps)                                                      \
    {id, name, kx, kxe, auth, TLS_FLOW_SHAPE_FULL, steps, (int)(sizeof steps / sizeof steps[0]), 0}
#define SHAPED(id, name, kx, kxe, shape, steps)                                                   \
    {id, name, kx, kxe, TLS_FLOW_AUTH_NONE, shape, steps, (int)(sizeof steps / sizeof steps[0]), 0}
#define AUTH_TICKET(id, name, kx, kxe, auth, steps)                                               \
    {id, name, kx, kxe, auth, TLS_FLOW_SHAPE_FULL_TICKET, steps,                                  \
     (int)(sizeof steps / sizeof steps[0]), 0}

static const tls_flow flows[TLS_FLOW_COUNT] = {
    FLOW(TLS_FLOW_FULL_ECDHE, "full-ecdhe", "ecdhe", TLS_KX_ECDHE_RSA, TLS_FLOW_AUTH_NONE,
         full_ecdhe),
    FLOW(TLS_FLOW_FULL_RSA, "full-rsa", "rsa", TLS_KX_RSA, TLS_FLOW_AUTH_NONE, full_rsa),
    FLOW(TLS_FLOW_FULL_DHE, "full-dhe", "dhe", TLS_KX_DHE_RSA, TLS_FLOW_AUTH_NONE, full_dhe),
    FLOW(TLS_FLOW_AUTH_ECDHE, "client-auth-ecdhe", "ecdhe", TLS_KX_ECDHE_RSA,
         TLS_FLOW_AUTH_CERT, auth_ecdhe),
    FLOW(TLS_FLOW_AUTH_RSA, "client-auth-rsa", "rsa", TLS_KX_RSA, TLS_FLOW_AUTH_CERT, auth_rsa),
    FLOW(TLS_FLOW_AUTH_EMPTY_ECDHE, "client-auth-empty-ecdhe", "ecdhe", TLS_KX_ECDHE_RSA,
         TLS_FLOW_AUTH_EMPTY, auth_empty_ecdhe),
    FLOW(TLS_FLOW_AUTH_EMPTY_RSA, "client-auth-empty-rsa", "rsa", TLS_KX_RSA,
         TLS_FLOW_AUTH_EMPTY, auth_empty_rsa),
    SHAPED(TLS_FLOW_TICKET_ECDHE, "full-ticket-ecdhe", "ecdhe", TLS_KX_ECDHE_RSA,
           TLS_FLOW_SHAPE_FULL_TICKET, ticket_ecdhe),
    SHAPED(TLS_FLOW_TICKET_RSA, "full-ticket-rsa", "rsa", TLS_KX_RSA,
           TLS_FLOW_SHAPE_FULL_TICKET, ticket_rsa),
    /* The key exchange is the session's, long done: any will do here. */
    SHAPED(TLS_FLOW_ABBREVIATED, "abbreviated", "ecdhe", TLS_KX_ECDHE_RSA,
           TLS_FLOW_SHAPE_ABBREVIATED, abbreviated),
    SHAPED(TLS_FLOW_ABBREVIATED_TICKET, "abbreviated-ticket", "ecdhe", TLS_KX_ECDHE_RSA,
           TLS_FLOW_SHAPE_ABBREVIATED_TICKET, abbreviated_ticket),
    FLOW(TLS_FLOW_AUTH_DHE, "client-auth-dhe", "dhe", TLS_KX_DHE_RSA, TLS_FLOW_AUTH_CERT,
         auth_dhe),
    FLOW(TLS_FLOW_AUTH_EMPTY_DHE, "client-auth-empty-dhe", "dhe", TLS_KX_DHE_RSA,
         TLS_FLOW_AUTH_EMPTY, auth_empty_dhe),
    SHAPED(TLS_FLOW_TICKET_DHE, "full-ticket-dhe", "dhe", TLS_KX_DHE_RSA,
           TLS_FLOW_SHAPE_FULL_TICKET, ticket_dhe),
    AUTH_TICKET(TLS_FLOW_AUTH_TICKET_ECDHE, "client-auth-ticket-ecdhe", "ecdhe",
                TLS_KX_ECDHE_RSA, TLS_FLOW_AUTH_CERT, auth_ticket_ecdhe),
    AUTH_TICKET(TLS_FLOW_AUTH_TICKET_RSA, "client-auth-ticket-rsa", "rsa", TLS_KX_RSA,
                TLS_FLOW_AUTH_CERT, auth_ticket_rsa),
    AUTH_TICKET(TLS_FLOW_AUTH_TICKET_DHE, "client-auth-ticket-dhe", "dhe", TLS_KX_DHE_RSA,
                TLS_FLOW_AUTH_CERT, auth_ticket_dhe),
    AUTH_TICKET(TLS_FLOW_AUTH_EMPTY_TICKET_ECDHE, "client-auth-empty-ticket-ecdhe", "ecdhe",
                TLS_KX_ECDHE_RSA, TLS_FLOW_AUTH_EMPTY, auth_empty_ticket_ecdhe),
    AUTH_TICKET(TLS_FLOW_AUTH_EMPTY_TICKET_RSA, "client-auth-empty-ticket-rsa", "rsa", TLS_KX_RSA,
                TLS_FLOW_AUTH_EMPTY, auth_empty_ticket_rsa),
    AUTH_TICKET(TLS_FLOW_AUTH_EMPTY_TICKET_DHE, "client-auth-empty-ticket-dhe", "dhe",
                TLS_KX_DHE_RSA, TLS_FLOW_AUTH_EMPTY, auth_empty_ticket_dhe),
};

_Static_assert(sizeof full_ecdhe / sizeof full_ecdhe[0] <= TLS_FLOW_MAX &&
                   sizeof full_rsa / sizeof full_rsa[0] <= TLS_FLOW_MAX &&
                   sizeof full_dhe / sizeof full_dhe[0] <= TLS_FLOW_MAX &&
                   sizeof auth_ecdhe / sizeof auth_ecdhe[0] <= TLS_FLOW_MAX &&
                   sizeof auth_ticket_ecdhe / sizeof auth_ticket_ecdhe[0] <= TLS_FLOW_MAX,
               "a flow is longer than TLS_FLOW_MAX");

const tls_msg_info *tls_msg_info_get(tls_msg_kind kind)
{
    return (unsigned)kind < TLS_MSG_KIND_COUNT ? &catalogue[kind] : NULL;
}

const char *tls_msg_title(const tls_msg_info *m) { return tls_text_template(m->title); }

const tls_flow *tls_flow_get(tls_flow_id id)
{
    return (unsigned)id < TLS_FLOW_COUNT ? &flows[id] : NULL;
}

const tls_flow *tls_flow_for_kx(tls_kx kx) { return tls_flow_find(kx, TLS_FLOW_AUTH_NONE); }

const tls_flow *tls_flow_find(tls_kx kx, tls_flow_auth auth)
{
    return tls_flow_select(kx, auth, TLS_FLOW_SHAPE_FULL);
}

const tls_flow *tls_flow_select(tls_kx kx, tls_flow_auth auth, tls_flow_shape shape)
{
    bool any_kx = shape == TLS_FLOW_SHAPE_ABBREVIATED || shape == TLS_FLOW_SHAPE_ABBREVIATED_TICKET;
    for (int i = 0; i < TLS_FLOW_COUNT; i++)
        if ((any_kx || flows[i].kx == kx) && flows[i].auth == auth && flows[i].shape == shape)
            return &flows[i];
    return &flows[kx == TLS_KX_RSA ? TLS_FLOW_FULL_RSA : TLS_FLOW_FULL_ECDHE];
}

/* Runs of two connections, made on demand: a handful of pairs per run of
 * the program (one per first flow and outcome of the second). */
#define JOINED_MAX 64
static tls_flow joined[JOINED_MAX];
static tls_flow_step joined_steps[JOINED_MAX][TLS_FLOW_MAX];
static char joined_names[JOINED_MAX][64];
static const tls_flow *joined_of[JOINED_MAX][2];
static int njoined;

const tls_flow *tls_flow_join(const tls_flow *first, const tls_flow *second)
{
    for (int i = 0; i < njoined; i++)
        if (joined_of[i][0] == first && joined_of[i][1] == second)
            return &joined[i];
    if (njoined == JOINED_MAX || first->n + second->n > TLS_FLOW_MAX)
        return first;
    int i = njoined++;
    joined_of[i][0] = first;
    joined_of[i][1] = second;
    for (int k = 0; k < first->n; k++)
        joined_steps[i][k] = first->steps[k];
    for (int k = 0; k < second->n; k++)
        joined_steps[i][first->n + k] = second->steps[k];
    snprintf(joined_names[i], sizeof joined_names[i], "%s+%s", first->name, second->name);
    joined[i] = *first;
    joined[i].id = TLS_FLOW_COUNT;
    joined[i].name = joined_names[i];
    joined[i].steps = joined_steps[i];
    joined[i].n = first->n + second->n;
    joined[i].second = first->n + 1;
    return &joined[i];
}


/* Whether \p a and \p b list the same messages at steps 1..n. */
static bool flow_same_prefix(const tls_flow *a, const tls_flow *b, int n)
{
    if (a->n < n || b->n < n)
        return false;
    for (int i = 0; i < n; i++)
        if (a->steps[i].kind != b->steps[i].kind)
            return false;
    return true;
}

const tls_flow *tls_flow_branch(const tls_flow *f, int from, tls_party sender,
                                uint8_t content_type, uint8_t hs_type, int *step)
{
    for (int i = 0; i < TLS_FLOW_COUNT; i++) {
        const tls_flow *g = &flows[i];
        if (g == f || g->kx != f->kx || g->shape != f->shape || !flow_same_prefix(f, g, from - 1))
            continue;
        int n = tls_flow_step_of(g, from, sender, content_type, hs_type);
        if (n) {
            *step = n;
            return g;
        }
    }
    return NULL;
}

const tls_flow *tls_flow_default(void) { return &flows[TLS_FLOW_FULL_ECDHE]; }

const tls_msg_info *tls_flow_msg(const tls_flow *f, int step)
{
    if (!f || step < 1 || step > f->n)
        return NULL;
    return &catalogue[f->steps[step - 1].kind];
}

tls_text_id tls_flow_teaches(const tls_flow *f, int step)
{
    const tls_msg_info *m = tls_flow_msg(f, step);
    if (!m)
        return TLS_TEXT_NONE;
    tls_text_id own = f->steps[step - 1].teaches;
    return own != TLS_TEXT_NONE ? own : m->teaches;
}

tls_text_id tls_flow_skipped(const tls_flow *f, int step)
{
    if (!f || step < 1 || step > f->n)
        return TLS_TEXT_NONE;
    return f->steps[step - 1].skipped;
}

int tls_flow_step_of(const tls_flow *f, int from, tls_party sender, uint8_t content_type,
                     uint8_t hs_type)
{
    for (int n = from < 1 ? 1 : from; n <= f->n; n++) {
        const tls_msg_info *m = tls_flow_msg(f, n);
        if (m->sender == sender && m->content_type == content_type && m->hs_type == hs_type)
            return n;
    }
    return 0;
}

int tls_flow_after_number(const tls_flow *f) { return f->n + 1; }

bool tls_flow_lesson_id(const tls_flow *f, int step, char *out, size_t out_len)
{
    const tls_msg_info *m = tls_flow_msg(f, step);
    if (!m)
        return false;
    int k = m->lesson_per_kx ? snprintf(out, out_len, "%s.%s", m->lesson, f->kx_lesson)
                             : snprintf(out, out_len, "%s", m->lesson);
    return k >= 0 && (size_t)k < out_len;
}

int tls_flow_announce_through(const tls_flow *f, tls_trace *t, int announced, int step)
{
    for (; announced < step && announced < f->n; announced++)
        tls_trace_announce(t, announced + 1, tls_flow_msg(f, announced + 1),
                           tls_flow_skipped(f, announced + 1));
    return announced;
}
