/*
 * A message's dissection, whoever found it: the sender tracing its own
 * message (live mode) or a passive reader of a capture.  The receiving
 * engine does not come here: it dissects while its step reads the message.
 * Each message goes through its own parser (msg_*.c), the one the engines
 * read it with: there is no second parser.
 */
#include <stdio.h>
#include <string.h>

#include "tlssim/event.h"
#include "tlssim/msg.h"
#include "tlssim/suites.h"

static void dissect_handshake(tls_reader *body, uint8_t type, tls_kx kx)
{
    bool rsa = kx == TLS_KX_RSA, dhe = kx == TLS_KX_DHE_RSA;
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
        tls_server_key_exchange ske = {.is_dhe = dhe};
        tls_server_key_exchange_parse(body, &ske);
        break;
    }
    case TLS_HS_CERTIFICATE_REQUEST: {
        tls_certificate_request cr;
        tls_certificate_request_parse(body, &cr);
        break;
    }
    case TLS_HS_SERVER_HELLO_DONE:
        tls_server_hello_done_parse(body);
        break;
    case TLS_HS_CERTIFICATE_VERIFY: {
        tls_certificate_verify cv;
        tls_certificate_verify_parse(body, &cv);
        break;
    }
    case TLS_HS_CLIENT_KEY_EXCHANGE: {
        tls_client_key_exchange cke = {.is_rsa = rsa, .is_dhe = dhe};
        tls_client_key_exchange_parse(body, &cke);
        break;
    }
    case TLS_HS_NEW_SESSION_TICKET: {
        tls_new_session_ticket nst;
        tls_new_session_ticket_parse(body, &nst);
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

void tls_msg_dissect(uint8_t content_type, const uint8_t *msg, size_t len, tls_kx kx,
                     tls_dissect *d)
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
        tls_app_data_dissect(&r, msg, len);
        break;
    case TLS_CT_HANDSHAKE:
        if (tls_msg_header_parse(&r, &type, &body) == TLS_OK)
            dissect_handshake(&body, type, kx);
        break;
    default:
        break;
    }
}

/* Up to \p max bytes of application data as text for a dissection, with
 * anything unprintable escaped: it came from the network and is shown in
 * a terminal. */
static void preview(const uint8_t *p, size_t n, char *out, size_t out_len, size_t max)
{
    size_t o = 0;
    for (size_t i = 0; i < n && i < max && o + 5 < out_len; i++) {
        uint8_t c = p[i];
        if (c == '\r' || c == '\n') {
            out[o++] = '\\';
            out[o++] = c == '\r' ? 'r' : 'n';
        } else if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            out[o++] = (char)c;
        } else {
            o += (size_t)snprintf(out + o, out_len - o, "\\x%02x", c);
        }
    }
    if (n > max && o + 4 < out_len) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
}

void tls_app_data_dissect(tls_reader *r, const uint8_t *p, size_t n)
{
    const uint8_t *q;
    if (tls_reader_bytes(r, "application_data", n, &q) != TLS_OK)
        return;
    char text[4 * 48 + 8];
    preview(p, n, text, sizeof text, 48);
    tls_reader_annotate(r, "\"%s\"", text);
}
