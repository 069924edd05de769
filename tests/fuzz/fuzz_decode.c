/*
 * Fuzz target: every message and record decoder, with dissection on (the
 * field annotations are code a peer's bytes reach too).  The first byte
 * chooses the decoder, the rest is its input:
 *   0 records (tls_record_split, tls_record_dissect, one after another)
 *   1 ClientHello  2 ServerHello  3 Certificate  4 ServerKeyExchange
 *   5 CertificateRequest  6 CertificateVerify  7 ServerHelloDone
 *   8 ClientKeyExchange (ECDHE)  9 ClientKeyExchange (RSA)
 *   10 ChangeCipherSpec  11 Finished  12 Alert
 *   13 handshake framing (tls_msg_frame, tls_msg_header_parse)
 * (the byte modulo 14).
 */
#include <string.h>

#include "fuzz.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"

static void decode_records(const uint8_t *p, size_t n)
{
    for (size_t at = 0; at < n;) {
        tls_record rec;
        size_t need;
        if (tls_record_split(p + at, n - at, &rec, &need) != TLS_READ_OK)
            return;
        tls_dissect d = {0};
        /* The type's low bits pick clear or one of the protections (and a
         * MAC size): each kind's layout meets every fragment length. */
        tls_record_protect prot = {.active = (rec.type & 1) != 0,
                                   .kind = (tls_record_kind)(1 + (rec.type >> 1) % 4),
                                   .mac_key_len = rec.type & 8 ? 32 : 20};
        tls_record_dissect(&rec, &prot, &d);
        tls_dissect_free(&d);
        at += rec.wire_len;
    }
}

static void decode_framing(const uint8_t *p, size_t n)
{
    size_t len;
    for (size_t at = 0; at < n && tls_msg_frame(p + at, n - at, &len) == TLS_READ_OK; at += len) {
        tls_reader r, body;
        uint8_t type;
        tls_reader_init(&r, p + at, len, NULL, 0);
        tls_msg_header_parse(&r, &type, &body);
    }
}

/* One message body through its parser; the structs are large: static. */
static void decode_message(int which, tls_reader *r)
{
    static tls_client_hello ch;
    static tls_server_hello sh;
    static tls_certificate_msg cm;
    static tls_server_key_exchange ske;
    static tls_certificate_request cr;
    static tls_certificate_verify cv;
    static tls_client_key_exchange cke;
    static tls_finished fin;
    static tls_alert al;
    switch (which) {
    case 1: tls_client_hello_parse(r, &ch); break;
    case 2: tls_server_hello_parse(r, &sh); break;
    case 3: tls_certificate_parse(r, &cm); break;
    case 4: tls_server_key_exchange_parse(r, &ske); break;
    case 5: tls_certificate_request_parse(r, &cr); break;
    case 6: tls_certificate_verify_parse(r, &cv); break;
    case 7: tls_server_hello_done_parse(r); break;
    case 8:
    case 9:
        memset(&cke, 0, sizeof cke);
        cke.is_rsa = which == 9;
        tls_client_key_exchange_parse(r, &cke);
        break;
    case 10: tls_change_cipher_spec_parse(r); break;
    case 11: tls_finished_parse(r, &fin); break;
    default: tls_alert_parse(r, &al); break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] % 14;
    const uint8_t *p = data + 1;
    size_t n = size - 1;
    if (which == 0) {
        decode_records(p, n);
    } else if (which == 13) {
        decode_framing(p, n);
    } else {
        tls_dissect d = {0};
        tls_reader r;
        tls_reader_init(&r, p, n, &d, 0);
        decode_message(which, &r);
        tls_dissect_free(&d);
    }
    return 0;
}
