/* The eavesdropper: see include/tlssim/eavesdropper.h. */
#include "tlssim/eavesdropper.h"

#include <string.h>

#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"
#include "tlssim/suites.h"

void tls_eavesdropper_init(tls_eavesdropper *eve, tls_trace *trace)
{
    memset(eve, 0, sizeof *eve);
    eve->trace = trace;
    eve->flow = tls_flow_default();
    for (int i = 0; i < 2; i++) {
        tls_writer_init(&eve->rec[i]);
        tls_writer_init(&eve->hs[i]);
    }
}

void tls_eavesdropper_free(tls_eavesdropper *eve)
{
    for (int i = 0; i < 2; i++) {
        tls_writer_free(&eve->rec[i]);
        tls_writer_free(&eve->hs[i]);
    }
}

/* What the wire reveals, filed under the step of the message it came in:
 * the eavesdropper may see several messages in one read. */
static void wire_value(tls_eavesdropper *eve, int step, tls_value_kind kind, const uint8_t *p,
                       size_t n)
{
    tls_trace_value(eve->trace, step, TLS_PARTY_WIRE, kind, p, n, NULL);
}

/* Whether \p body reads to its end as a ServerKeyExchange of this kind:
 * the engines' parser, the parameters then the signature. */
static bool ske_reads_as(bool dhe, const uint8_t *body, size_t len)
{
    tls_reader r;
    tls_server_key_exchange ske = {.is_dhe = dhe};
    tls_reader_init(&r, body, len, NULL, 0);
    return tls_server_key_exchange_parse(&r, &ske) == TLS_OK;
}

tls_kx tls_kx_of_server_key_exchange(uint16_t suite, const uint8_t *body, size_t len,
                                     tls_kx fallback)
{
    bool ecdhe = ske_reads_as(false, body, len), dhe = ske_reads_as(true, body, len);
    if (ecdhe != dhe)
        return dhe ? TLS_KX_DHE_RSA : TLS_KX_ECDHE_RSA;
    /* Both or neither: the IANA name, when tlssim knows it, says which. */
    const char *name = tls_suite_wire_name(suite);
    if (name && strncmp(name, "TLS_DHE_", 8) == 0)
        return TLS_KX_DHE_RSA;
    if (name && strncmp(name, "TLS_ECDHE_", 10) == 0)
        return TLS_KX_ECDHE_RSA;
    return fallback;
}

const tls_flow *tls_flow_guess_kx(const tls_flow *f, int after, const tls_guess_msg *m)
{
    const tls_msg_info *last = tls_flow_msg(f, after);
    if (m->sender != TLS_PARTY_SERVER || m->content_type != TLS_CT_HANDSHAKE || !last ||
        last->hs_type != TLS_HS_CERTIFICATE || f->kx == TLS_KX_RSA)
        return f;
    tls_kx kx = f->kx;
    if (m->hs_type == TLS_HS_SERVER_HELLO_DONE || m->hs_type == TLS_HS_CERTIFICATE_REQUEST)
        kx = TLS_KX_RSA;
    else if (m->hs_type == TLS_HS_SERVER_KEY_EXCHANGE)
        kx = tls_kx_of_server_key_exchange(m->suite, m->body, m->body_len, f->kx);
    const tls_flow *g = kx != f->kx ? tls_flow_select(kx, f->auth, f->shape) : NULL;
    return g ? g : f;
}

/* RFC 5077 §3.4: a client that offered a ticket without a session ID of its
 * own (none echoed) learns from what follows the ServerHello whether the
 * server resumed: NewSessionTicket or ChangeCipherSpec instead of the
 * Certificate.  The abbreviated flow of that shape, or NULL. */
static const tls_flow *resumed_after_all(const tls_flow *f, int after, tls_party sender,
                                         uint8_t content_type, uint8_t hs_type)
{
    const tls_msg_info *last = tls_flow_msg(f, after);
    if (sender != TLS_PARTY_SERVER || !last || last->content_type != TLS_CT_HANDSHAKE ||
        last->hs_type != TLS_HS_SERVER_HELLO || f->shape == TLS_FLOW_SHAPE_ABBREVIATED ||
        f->shape == TLS_FLOW_SHAPE_ABBREVIATED_TICKET)
        return NULL;
    if (content_type == TLS_CT_CHANGE_CIPHER_SPEC)
        return tls_flow_select(f->kx, TLS_FLOW_AUTH_NONE, TLS_FLOW_SHAPE_ABBREVIATED);
    if (content_type == TLS_CT_HANDSHAKE && hs_type == TLS_HS_NEW_SESSION_TICKET)
        return tls_flow_select(f->kx, TLS_FLOW_AUTH_NONE, TLS_FLOW_SHAPE_ABBREVIATED_TICKET);
    return NULL;
}

int tls_flow_follow(const tls_flow **flow, int after, tls_party sender, uint8_t content_type,
                    uint8_t hs_type)
{
    const tls_flow *resumed = resumed_after_all(*flow, after, sender, content_type, hs_type);
    if (resumed)
        *flow = resumed;
    int step = tls_flow_step_of(*flow, after + 1, sender, content_type, hs_type);
    /* A message of a flow that agrees so far (a CertificateRequest): the
     * wire says which shape this handshake has. */
    const tls_flow *g = step ? NULL
                             : tls_flow_branch(*flow, after + 1, sender, content_type, hs_type,
                                               &step);
    if (g)
        *flow = g;
    return step;
}

const tls_flow *tls_flow_of_server_hello(const uint8_t *offered_id, size_t offered_len,
                                         const tls_server_hello *sh)
{
    const tls_suite *s = tls_suite_by_id(sh->suite);
    /* The echoed session ID says "resumed"; the SessionTicket extension,
     * that a NewSessionTicket follows. */
    bool resumed = offered_len > 0 && sh->session_id_len == offered_len &&
                   memcmp(sh->session_id, offered_id, offered_len) == 0;
    tls_flow_shape shape = resumed ? (sh->has_ticket_ext ? TLS_FLOW_SHAPE_ABBREVIATED_TICKET
                                                         : TLS_FLOW_SHAPE_ABBREVIATED)
                                   : (sh->has_ticket_ext ? TLS_FLOW_SHAPE_FULL_TICKET
                                                         : TLS_FLOW_SHAPE_FULL);
    return s ? tls_flow_select(s->kx, TLS_FLOW_AUTH_NONE, shape) : NULL;
}

/* The step of the message \p sender sends next in the flow as the
 * eavesdropper knows it (it reads the suite from ServerHello, like the
 * client): the first position after its last one that fits. */
static int next_step(tls_eavesdropper *eve, tls_party sender, uint8_t content_type,
                     uint8_t hs_type, const tls_reader *body)
{
    int dir = sender == TLS_PARTY_CLIENT ? 0 : 1;
    if (eve->kx_unknown) {
        tls_guess_msg m = {sender, content_type, hs_type, eve->suite, body ? body->data + body->pos : NULL,
                           body ? body->len - body->pos : 0};
        eve->flow = tls_flow_guess_kx(eve->flow, eve->at[1], &m);
        eve->rsa = eve->flow->kx == TLS_KX_RSA;
        eve->dhe = eve->flow->kx == TLS_KX_DHE_RSA;
    }
    int step = tls_flow_follow(&eve->flow, eve->at[dir], sender, content_type, hs_type);
    if (step)
        eve->at[dir] = step;
    return step;
}

/* ClientHello: the client's random, the session it offers (by ID or
 * ticket) and the server name, all in the clear. */
static void learn_client_hello(tls_eavesdropper *eve, int step, tls_reader *body)
{
    tls_client_hello ch;
    memset(&ch, 0, sizeof ch);
    if (tls_client_hello_parse(body, &ch) != TLS_OK)
        return;
    wire_value(eve, step, TLS_VALUE_CLIENT_RANDOM, ch.random, 32);
    memcpy(eve->session_id, ch.session_id, ch.session_id_len);
    eve->session_id_len = ch.session_id_len;
    if (ch.session_id_len > 0)
        wire_value(eve, step, TLS_VALUE_SESSION_ID, ch.session_id, ch.session_id_len);
    if (ch.ticket_len > 0)
        wire_value(eve, step, TLS_VALUE_SESSION_TICKET, ch.ticket, ch.ticket_len);
    if (ch.has_server_name)
        wire_value(eve, step, TLS_VALUE_SERVER_NAME, (const uint8_t *)ch.server_name,
                   strlen(ch.server_name));
}

/* ServerHello: the server's random and the suite, which tell the
 * eavesdropper the key exchange and the flow from here on. */
static void learn_server_hello(tls_eavesdropper *eve, int step, tls_reader *body)
{
    tls_server_hello sh;
    memset(&sh, 0, sizeof sh);
    if (tls_server_hello_parse(body, &sh) != TLS_OK)
        return;
    const tls_suite *s = tls_suite_by_id(sh.suite);
    eve->rsa = s && s->kx == TLS_KX_RSA;
    eve->dhe = s && s->kx == TLS_KX_DHE_RSA;
    eve->kx_unknown = !s;
    eve->suite = sh.suite;
    const tls_flow *f = tls_flow_of_server_hello(eve->session_id, eve->session_id_len, &sh);
    if (f)
        eve->flow = f;
    uint8_t id[2] = {(uint8_t)(sh.suite >> 8), (uint8_t)sh.suite};
    wire_value(eve, step, TLS_VALUE_SERVER_RANDOM, sh.random, 32);
    wire_value(eve, step, TLS_VALUE_CIPHER_SUITE, id, 2);
}

static void learn_message(tls_eavesdropper *eve, tls_party sender, uint8_t type,
                          tls_reader *body)
{
    int step = next_step(eve, sender, TLS_CT_HANDSHAKE, type, body);
    switch (type) {
    case TLS_HS_CLIENT_HELLO:
        learn_client_hello(eve, step, body);
        break;
    case TLS_HS_SERVER_HELLO:
        learn_server_hello(eve, step, body);
        break;
    case TLS_HS_CERTIFICATE: {
        tls_certificate_msg cm;
        memset(&cm, 0, sizeof cm);
        if (tls_certificate_parse(body, &cm) != TLS_OK || cm.ncerts == 0)
            return;
        /* TLS 1.2 sends the client's certificate in clear too. */
        wire_value(eve, step,
                   sender == TLS_PARTY_CLIENT ? TLS_VALUE_CLIENT_CERTIFICATE
                                              : TLS_VALUE_SERVER_CERTIFICATE,
                   cm.certs[0], cm.cert_lens[0]);
        break;
    }
    case TLS_HS_NEW_SESSION_TICKET: {
        tls_new_session_ticket nst;
        if (tls_new_session_ticket_parse(body, &nst) == TLS_OK)
            wire_value(eve, step, TLS_VALUE_SESSION_TICKET, nst.ticket, nst.ticket_len);
        break;
    }
    case TLS_HS_CERTIFICATE_VERIFY: {
        tls_certificate_verify cv;
        if (tls_certificate_verify_parse(body, &cv) != TLS_OK)
            return;
        wire_value(eve, step, TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE, cv.sig, cv.sig_len);
        break;
    }
    case TLS_HS_SERVER_KEY_EXCHANGE: {
        tls_server_key_exchange ske = {.is_dhe = eve->dhe};
        if (tls_server_key_exchange_parse(body, &ske) != TLS_OK)
            return;
        if (eve->dhe) {
            wire_value(eve, step, TLS_VALUE_SERVER_DHE_PUBLIC, ske.dh_ys, ske.dh_ys_len);
        } else {
            uint8_t gid[2] = {(uint8_t)(ske.group >> 8), (uint8_t)ske.group};
            wire_value(eve, step, TLS_VALUE_NAMED_GROUP, gid, 2);
            wire_value(eve, step, TLS_VALUE_SERVER_ECDHE_PUBLIC, ske.point, ske.point_len);
        }
        wire_value(eve, step, TLS_VALUE_SKE_SIGNATURE, ske.sig, ske.sig_len);
        break;
    }
    case TLS_HS_CLIENT_KEY_EXCHANGE: {
        tls_client_key_exchange cke = {.is_rsa = eve->rsa, .is_dhe = eve->dhe};
        if (tls_client_key_exchange_parse(body, &cke) != TLS_OK)
            return;
        wire_value(eve, step,
                   eve->rsa   ? TLS_VALUE_ENCRYPTED_PRE_MASTER
                   : eve->dhe ? TLS_VALUE_CLIENT_DHE_PUBLIC
                              : TLS_VALUE_CLIENT_ECDHE_PUBLIC,
                   cke.data, cke.len);
        break;
    }
    default:
        break;
    }
}

typedef struct eve_sender {
    tls_eavesdropper *eve;
    tls_party sender;
} eve_sender;

static void on_message(void *ctx, uint8_t type, tls_reader *body)
{
    eve_sender *es = ctx;
    learn_message(es->eve, es->sender, type, body);
}

static void observe_handshake(tls_eavesdropper *eve, tls_party sender, const uint8_t *p,
                              size_t n)
{
    int dir = sender == TLS_PARTY_CLIENT ? 0 : 1;
    eve_sender es = {eve, sender};
    eve->lost |= tls_msg_each(&eve->hs[dir], p, n, on_message, &es) == TLS_READ_OVERSIZE;
}

static void observe_record(tls_eavesdropper *eve, tls_party sender, const tls_record *rec)
{
    int dir = sender == TLS_PARTY_CLIENT ? 0 : 1;
    if (eve->encrypted[dir]) {
        if (!eve->noted[dir]) {
            /* Filed under the sender's first message after its
             * ChangeCipherSpec: the first it cannot read. */
            eve->noted[dir] = true;
            int step = eve->at[dir] + 1;
            tls_trace_note(eve->trace, tls_flow_msg(eve->flow, step) ? step : TLS_STEP_AFTER,
                           TLS_PARTY_WIRE, TLS_TEXT_EVE_CIPHERTEXT_FROM_NOW,
                           TLS_ARGS(TLS_ARG_T("party", tls_party_name(sender))));
        }
        return;
    }
    if (rec->type == TLS_CT_CHANGE_CIPHER_SPEC) {
        eve->encrypted[dir] = true;
        next_step(eve, sender, TLS_CT_CHANGE_CIPHER_SPEC, 0, NULL);
    } else if (rec->type == TLS_CT_HANDSHAKE) {
        observe_handshake(eve, sender, rec->fragment, rec->fragment_len);
    }
}

void tls_eavesdropper_observe(tls_eavesdropper *eve, tls_party sender,
                              const uint8_t *p, size_t n)
{
    int dir = sender == TLS_PARTY_CLIENT ? 0 : 1;
    if (eve->lost)
        return;
    tls_writer *buf = &eve->rec[dir];
    tls_writer_bytes(buf, p, n);
    if (tls_writer_error(buf) != TLS_OK) {
        eve->lost = true;
        return;
    }
    size_t at = 0;
    for (;;) {
        tls_record rec;
        size_t need;
        tls_read_result r = tls_record_split(buf->data + at, buf->len - at, &rec, &need);
        if (r != TLS_READ_OK) {
            eve->lost = r == TLS_READ_OVERSIZE;
            break;
        }
        observe_record(eve, sender, &rec);
        at += rec.wire_len;
    }
    tls_writer_consume(buf, at);
}
