/*
 * What an engine adds when its peer is a real TLS stack (cfg->live): its
 * own messages in the trace (no simulated peer parses them), and a sentence
 * on each extension the peer sent, since real stacks send many we do not
 * implement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

/* Parse a message this engine produced, only for its dissection: the
 * step's read function cannot be used, it would change this engine. */
static void dissect_handshake(const tls_engine *e, tls_reader *body, uint8_t type)
{
    switch (type) {
    case TLS_HS_CLIENT_HELLO: {
        tls_client_hello ch;
        tls_client_hello_parse(body, &ch);
        break;
    }
    case TLS_HS_SERVER_HELLO: {
        tls_server_hello sh;
        tls_server_hello_parse(body, &sh);
        break;
    }
    case TLS_HS_CERTIFICATE: {
        tls_certificate_msg cm;
        tls_certificate_parse(body, &cm);
        break;
    }
    case TLS_HS_SERVER_KEY_EXCHANGE: {
        tls_server_key_exchange ske;
        tls_server_key_exchange_parse(body, &ske);
        break;
    }
    case TLS_HS_SERVER_HELLO_DONE:
        tls_server_hello_done_parse(body);
        break;
    case TLS_HS_CLIENT_KEY_EXCHANGE: {
        tls_client_key_exchange cke = {.is_rsa = e->suite && e->suite->kx == TLS_KX_RSA};
        tls_client_key_exchange_parse(body, &cke);
        break;
    }
    case TLS_HS_FINISHED: {
        tls_finished fin;
        tls_finished_parse(body, &fin);
        break;
    }
    default:
        break;
    }
}

static void dissect_own(const tls_engine *e, uint8_t content_type, const uint8_t *msg,
                        size_t len, tls_dissect *d)
{
    tls_reader r, body;
    uint8_t type;
    tls_reader_init(&r, msg, len, d, 0);
    switch (content_type) {
    case TLS_CT_CHANGE_CIPHER_SPEC:
        tls_change_cipher_spec_parse(&r);
        break;
    case TLS_CT_ALERT: {
        tls_alert a;
        tls_alert_parse(&r, &a);
        break;
    }
    case TLS_CT_APPLICATION_DATA:
        engine_app_data_dissect(&r, msg, len);
        break;
    case TLS_CT_HANDSHAKE:
        if (tls_msg_header_parse(&r, &type, &body) == TLS_OK)
            dissect_handshake(e, &body, type);
        break;
    default:
        break;
    }
}

void engine_trace_sent_message(tls_engine *e, const char *name, uint8_t content_type,
                               const uint8_t *msg, size_t len)
{
    size_t first = e->sent_first_record;
    if (e->sent_records == 0 || first >= e->trace->n)
        return;
    bool prot = e->trace->ev[first].is_protected;
    tls_dissect d = {0};
    dissect_own(e, content_type, msg, len, &d);
    /* Offsets as for a received message: into the record's wire bytes when
     * in the clear, into its plaintext when protected. */
    size_t off = e->sent_records > 1 ? (size_t)-1 : prot ? 0 : TLS_RECORD_HEADER;
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->trace->step, .party = e->role,
                    .name = (char *)name, .bytes = (uint8_t *)msg, .len = len,
                    .content_type = content_type,
                    .hs_type = content_type == TLS_CT_HANDSHAKE && len ? msg[0] : 0,
                    .is_protected = prot, .record_index = first, .record_offset = off,
                    .dissect = d, .by_sender = true};
    tls_trace_push(e->trace, &ev);
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

/* What a server makes of an extension in a ClientHello. */
static const char *server_reaction(const tls_engine *e, uint16_t type)
{
    bool ecdhe = e->suite && e->suite->kx == TLS_KX_ECDHE_RSA;
    switch (type) {
    case TLS_EXT_SERVER_NAME: return "read: this server has one certificate for every name";
    case TLS_EXT_SUPPORTED_GROUPS:
        return ecdhe ? "used to choose the ECDHE group" : "not needed: RSA key exchange";
    case TLS_EXT_EC_POINT_FORMATS:
        return ecdhe ? "checked: uncompressed points" : "not needed: RSA key exchange";
    case TLS_EXT_SIGNATURE_ALGORITHMS:
        return ecdhe ? "used to choose the ServerKeyExchange signature"
                     : "not needed: no ServerKeyExchange with RSA key exchange";
    case TLS_EXT_EXTENDED_MASTER_SECRET:
        return e->ems ? "accepted: the master secret will hash the whole handshake"
                      : "declined (--ems off): the classic master-secret formula";
    case TLS_EXT_RENEGOTIATION_INFO:
        return "answered with an empty renegotiation_info: secure renegotiation (RFC 5746)";
    case 5: return "ignored: no OCSP stapling here";
    case 16: return "ignored: no protocol negotiation, HTTP/1.1 is assumed";
    case 18: return "ignored: no certificate transparency here";
    case 21: return "ignored: padding only";
    case 22: return "ignored: it changes CBC suites only, and AES-GCM has no separate MAC";
    case 35: return "ignored: this server does not resume sessions";
    default:
        return is_tls13_only(type)
                   ? "ignored: TLS 1.3 only, and a TLS 1.2 server must ignore it"
                   : "ignored: not implemented here (RFC 5246 §7.4.1.4: unknown extensions "
                     "are ignored)";
    }
}

/* What a client makes of an extension in a ServerHello (only ones it offered
 * get this far: anything else was refused with unsupported_extension). */
static const char *client_reaction(uint16_t type)
{
    switch (type) {
    case TLS_EXT_EC_POINT_FORMATS: return "the server also takes uncompressed points";
    case TLS_EXT_EXTENDED_MASTER_SECRET:
        return "accepted: the master secret will hash the whole handshake (RFC 7627)";
    case TLS_EXT_RENEGOTIATION_INFO:
        return "empty, as it must be: the server does secure renegotiation (RFC 5746)";
    default: return "offered by the client";
    }
}

void engine_note_extensions(tls_engine *e, const char *message, const uint16_t *types,
                            size_t n)
{
    if (!e->cfg->live)
        return;
    char text[TLS_TEXT_VALUES_SIZE]; /* a browser sends about 16 extensions */
    size_t o = 0;
    text[0] = '\0';
    for (size_t i = 0; i < n && o < sizeof text; i++) {
        const char *name = tls_extension_name(types[i]);
        char unknown[16];
        if (!name) {
            snprintf(unknown, sizeof unknown, "0x%04x", types[i]);
            name = unknown;
        }
        const char *why = e->role == TLS_PARTY_SERVER ? server_reaction(e, types[i])
                                                      : client_reaction(types[i]);
        o += (size_t)snprintf(text + o, sizeof text - o, "%s%s (%s)", i ? "; " : "", name, why);
    }
    tls_trace_note(e->trace, e->role,
                   n == 0 ? TLS_TEXT_EXTENSIONS_NONE
                          : n == 1 ? TLS_TEXT_EXTENSIONS_ONE : TLS_TEXT_EXTENSIONS_MANY,
                   TLS_ARGS(TLS_ARG_T("peer", tls_party_name(e->peer)),
                            TLS_ARG_S("message", message), TLS_ARG_U("count", n),
                            TLS_ARG_S("list", text)));
}

/* What a real peer provably knows once its message of a step has arrived and
 * checked out.  Its memory cannot be read, but its messages prove what it
 * holds: an answer proves the question arrived, a verified Finished proves
 * the same master secret and keys. */
#define HOLDS(kind) (UINT32_C(1) << (kind))
_Static_assert(TLS_VALUE_COUNT <= 32, "peer_proof.holds has a bit per value kind");

typedef struct peer_proof {
    int step;                   /* the peer's message */
    tls_text_id why;            /* the deduction, in one sentence */
    uint32_t holds;             /* values the peer now provably holds: HOLDS(kind) bits */
} peer_proof;

static const peer_proof proofs[] = {
    {1, TLS_TEXT_INFER_CLIENT_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME)},
    {2, TLS_TEXT_INFER_SERVER_HELLO,
     HOLDS(TLS_VALUE_CLIENT_RANDOM) | HOLDS(TLS_VALUE_SERVER_NAME) |
     HOLDS(TLS_VALUE_SERVER_RANDOM) | HOLDS(TLS_VALUE_CIPHER_SUITE)},
    {3, TLS_TEXT_INFER_CERTIFICATE, HOLDS(TLS_VALUE_SERVER_CERTIFICATE)},
    {4, TLS_TEXT_INFER_SERVER_KEY_EXCHANGE,
     HOLDS(TLS_VALUE_NAMED_GROUP) | HOLDS(TLS_VALUE_SERVER_ECDHE_PUBLIC) |
     HOLDS(TLS_VALUE_SKE_SIGNATURE)},
    {6, TLS_TEXT_INFER_CLIENT_KEY_EXCHANGE,
     HOLDS(TLS_VALUE_SERVER_RANDOM) | HOLDS(TLS_VALUE_CIPHER_SUITE) |
     HOLDS(TLS_VALUE_SERVER_CERTIFICATE) | HOLDS(TLS_VALUE_NAMED_GROUP) |
     HOLDS(TLS_VALUE_SERVER_ECDHE_PUBLIC) | HOLDS(TLS_VALUE_SKE_SIGNATURE) |
     HOLDS(TLS_VALUE_CLIENT_ECDHE_PUBLIC) | HOLDS(TLS_VALUE_ENCRYPTED_PRE_MASTER)},
    {8, TLS_TEXT_INFER_CLIENT_FINISHED,
     HOLDS(TLS_VALUE_PRE_MASTER_SECRET) | HOLDS(TLS_VALUE_MASTER_SECRET) |
     HOLDS(TLS_VALUE_KEY_BLOCK) | HOLDS(TLS_VALUE_CLIENT_WRITE_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_IV) |
     HOLDS(TLS_VALUE_SERVER_WRITE_IV) | HOLDS(TLS_VALUE_CLIENT_VERIFY_DATA)},
    {10, TLS_TEXT_INFER_SERVER_FINISHED,
     HOLDS(TLS_VALUE_CLIENT_ECDHE_PUBLIC) | HOLDS(TLS_VALUE_ENCRYPTED_PRE_MASTER) |
     HOLDS(TLS_VALUE_PRE_MASTER_SECRET) | HOLDS(TLS_VALUE_MASTER_SECRET) |
     HOLDS(TLS_VALUE_KEY_BLOCK) | HOLDS(TLS_VALUE_CLIENT_WRITE_KEY) |
     HOLDS(TLS_VALUE_SERVER_WRITE_KEY) | HOLDS(TLS_VALUE_CLIENT_WRITE_IV) |
     HOLDS(TLS_VALUE_SERVER_WRITE_IV) | HOLDS(TLS_VALUE_CLIENT_VERIFY_DATA) |
     HOLDS(TLS_VALUE_SERVER_VERIFY_DATA)},
};

void engine_live_infer(tls_engine *e, const tls_step *s)
{
    for (size_t i = 0; i < sizeof proofs / sizeof proofs[0]; i++) {
        const peer_proof *p = &proofs[i];
        if (p->step != s->number)
            continue;
        tls_trace_note(e->trace, e->role, p->why,
                       TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role))));
        /* In table order: the order the values were first learned. */
        for (int k = 0; k < TLS_VALUE_COUNT; k++) {
            if (!(p->holds & HOLDS(k)))
                continue;
            const tls_event *mine = tls_trace_find_value(e->trace, (tls_value_kind)k, e->role,
                                                         TLS_STEP_AFTER);
            if (!mine)
                continue;
            tls_event ev = {.kind = TLS_EV_VALUE, .step = e->trace->step, .party = e->peer,
                            .value = mine->value, .text = mine->text, .bytes = mine->bytes,
                            .len = mine->len, .inferred = true};
            tls_trace_push(e->trace, &ev);
        }
    }
}
