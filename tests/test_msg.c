/* Handshake message codecs: every kind round trips (fields and bytes), the
 * hellos' bytes built by hand from the RFC structs and their dissections,
 * the handshake header, framing and names.  The hostile inputs, each
 * message's edge cases, are in test_msg_hostile.c, test_msg_hello.c and
 * test_msg_kx.c; what they share in msgutil.c. */
#include <stdio.h>
#include <string.h>

#include "msgutil.h"

/* ---------------------------------------------------------- round trips */

/* Whether dec holds the sample encode_kind(k) wrote into \p body (the
 * ServerKeyExchange's params point into it). */
static bool decoded_as_sample(kind k, const uint8_t *body)
{
    switch (k) {
    case K_CH: {
        static tls_client_hello want;
        sample_client_hello(&want);
        return ch_equal(&want, &dec.ch);
    }
    case K_SH: {
        static tls_server_hello want;
        sample_server_hello(&want);
        return sh_equal(&want, &dec.sh);
    }
    case K_CERT: {
        tls_certificate_msg want;
        sample_certificate(&want);
        bool eq = dec.cert.ncerts == want.ncerts;
        for (size_t i = 0; eq && i < want.ncerts; i++)
            eq = bytes_same(dec.cert.certs[i], dec.cert.cert_lens[i],
                            want.certs[i], want.cert_lens[i]);
        return eq;
    }
    case K_SKE: {
        tls_server_key_exchange want;
        sample_ske(&want);
        const tls_server_key_exchange *g = &dec.ske;
        return g->curve_type == 3 && g->group == want.group &&
               bytes_same(g->point, g->point_len, want.point, want.point_len) &&
               g->sig_alg == want.sig_alg &&
               bytes_same(g->sig, g->sig_len, want.sig, want.sig_len) &&
               g->params == body && g->params_len == 4 + sizeof point65;
    }
    case K_SHD:
    case K_CCS:
        return true;
    case K_CKE_EC:
        return !dec.cke.is_rsa && bytes_same(dec.cke.data, dec.cke.len, point65,
                                             sizeof point65);
    case K_CKE_RSA:
        return dec.cke.is_rsa && bytes_same(dec.cke.data, dec.cke.len, rsa_ct,
                                            sizeof rsa_ct);
    case K_FIN: {
        uint8_t want[12];
        fill(want, 12, 0xf0);
        return !memcmp(dec.fin.verify_data, want, 12);
    }
    case K_ALERT:
        return dec.alert.level == 2 && dec.alert.description == 40;
    case K__N:
        break;
    }
    return false;
}

/* Encode dec, decoded as kind k, again. */
static tls_err encode_decoded(kind k, tls_writer *w)
{
    switch (k) {
    case K_CH: return tls_client_hello_write(&dec.ch, w);
    case K_SH: return tls_server_hello_write(&dec.sh, w);
    case K_CERT: return tls_certificate_write(&dec.cert, w);
    case K_SKE: return tls_server_key_exchange_write(&dec.ske, w);
    case K_SHD: return tls_server_hello_done_write(w);
    case K_CKE_EC:
    case K_CKE_RSA: return tls_client_key_exchange_write(&dec.cke, w);
    case K_CCS: return tls_change_cipher_spec_write(w);
    case K_FIN: return tls_finished_write(&dec.fin, w);
    case K_ALERT: return tls_alert_write(&dec.alert, w);
    case K__N: break;
    }
    return TLS_ERR_INTERNAL;
}

/* Encode the sample body, decode it (with a dissection), compare field by
 * field, re-encode the decoded struct and compare bytes. */
static void round_trip_body(kind k)
{
    const char *name = kind_names[k];
    tls_writer w, w2;
    tls_writer_init(&w);
    tls_writer_init(&w2);
    test_check(encode_kind(k, &w) == TLS_OK, "%s: encode", name);
    tls_dissect d = {0};
    char what[96];
    snprintf(what, sizeof what, "%s body", name);
    if (expect_err(parse_body(k, w.data, w.len, &d), TLS_OK, what)) {
        if (w.len)
            check_tiling(&d, 0, w.len, what);
        test_check(decoded_as_sample(k, w.data), "%s: decoded fields equal the encoded ones",
                   name);
        test_check(encode_decoded(k, &w2) == TLS_OK, "%s: re-encode", name);
        test_bytes_eq(w2.data, w2.len, w.data, w.len, "re-encoding gives the same bytes");
    }
    tls_dissect_free(&d);
    tls_writer_free(&w);
    tls_writer_free(&w2);
}

/* The whole message too, header included, and its dissection. */
static void round_trip_message(kind k)
{
    tls_writer w;
    tls_writer_init(&w);
    encode_msg(k, &w);
    char what[96];
    snprintf(what, sizeof what, "%s message", kind_names[k]);
    tls_dissect d = {0};
    if (expect_err(parse_msg(k, w.data, w.len, &d), TLS_OK, what))
        check_tiling(&d, 0, w.len, what);
    tls_dissect_free(&d);
    tls_writer_free(&w);
}

static void test_round_trips(void)
{
    for (kind k = 0; k < K__N; k++) {
        round_trip_body(k);
        round_trip_message(k);
    }
}

/* ------------------------------------------------------ bytes by hand */

static void test_client_hello_bytes(void)
{
    static tls_client_hello m;
    sample_client_hello(&m);
    tls_writer w;
    tls_writer_init(&w);
    test_check(tls_client_hello_write(&m, &w) == TLS_OK, "ClientHello encodes");
    test_hex_eq(w.data, w.len, client_hello_hex, "ClientHello bytes match the RFC layout");

    /* Decode the hand-built bytes with a dissection and look at fields. */
    uint8_t in[256];
    size_t n = test_unhex(client_hello_hex, in, sizeof in);
    tls_dissect d = {0};
    test_check(parse_body(K_CH, in, n, &d) == TLS_OK, "hand-built ClientHello decodes");
    check_tiling(&d, 0, n, "ClientHello body");
    check_value_has(field_at(&d, "client_version", 0), "TLS 1.2", "client_version");
    const tls_field *f = field_at(&d, "random", 2);
    test_check(f && f->length == 32 && f->depth == 0, "random: 32 bytes at 2");
    f = field_at(&d, "gmt_unix_time", 2);
    test_check(f && f->length == 4 && f->depth == 1, "gmt_unix_time: child of random");
    f = field_at(&d, "random_bytes", 6);
    test_check(f && f->length == 28 && f->depth == 1, "random_bytes: 28 bytes at 6");
    check_value_has(field_at(&d, "cipher_suite", 37), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "first cipher_suite at 37");
    check_value_has(field_at(&d, "cipher_suite", 45), "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
                    "SCSV at 45");
    test_check(count_named(&d, "cipher_suite") == 5, "five cipher_suite fields");
    check_value_has(field_at(&d, "compression_method", 48), "null", "compression null");
    check_value_has(field_at(&d, "extension_type", 51), "server_name", "extension 1 type");
    check_value_has(field_at(&d, "extension", 51), "server_name", "extension parent named");
    check_value_has(field_at(&d, "host_name", 60), "\"example.com\"", "host_name text");
    check_value_has(field_at(&d, "named_group", 77), "secp256r1", "named_group 23");
    check_value_has(field_at(&d, "named_group", 79), "x25519", "named_group 29");
    check_value_has(field_at(&d, "ec_point_format", 88), "uncompressed", "point format");
    check_value_has(field_at(&d, "signature_algorithm", 95), "rsa_pkcs1_sha256", "sigalg");
    check_value_has(field_at(&d, "extension_type", 101), "extended_master_secret", "EMS");
    check_value_has(field_at(&d, "extension_type", 105), "renegotiation_info", "reneg");
    f = field_at(&d, "cipher_suite", 37);
    test_check(f && f->depth == 1, "cipher_suite nested under cipher_suites");
    f = field_at(&d, "host_name", 60);
    test_check(f && f->depth == 5,
               "host_name nested: extensions > extension > extension_data > "
               "server_name_list > server_name (depth %d)", f ? f->depth : -1);

    /* What the decoder recorded. */
    test_check(dec.ch.nexts == 6, "six extensions recorded");
    static const uint16_t types[] = {0, 10, 11, 13, 23, 0xff01};
    for (size_t i = 0; i < 6 && i < dec.ch.nexts; i++)
        test_check(dec.ch.exts[i].type == types[i], "extension %zu type 0x%04x", i, types[i]);
    if (dec.ch.nexts == 6) {
        test_check(dec.ch.exts[0].data == in + 55 && dec.ch.exts[0].len == 16,
                   "server_name extension_data points into the buffer");
        test_check(dec.ch.exts[4].len == 0, "EMS data empty");
    }
    test_str_eq(dec.ch.server_name, "example.com", "server_name decoded");
    tls_dissect_free(&d);

    /* With the handshake header: the body is a parent named ClientHello. */
    tls_writer_reset(&w);
    tls_msg_header_write(&w, TLS_HS_CLIENT_HELLO, n);
    tls_writer_bytes(&w, in, n);
    test_check(w.len == 4 + 110 && w.data[0] == 1 && w.data[3] == 110,
               "header: type 1, length 110");
    test_check(parse_msg(K_CH, w.data, w.len, &d) == TLS_OK, "whole ClientHello decodes");
    check_tiling(&d, 0, w.len, "whole ClientHello");
    check_value_has(field_at(&d, "msg_type", 0), "ClientHello", "msg_type annotated");
    f = field_at(&d, "ClientHello", 4);
    test_check(f && f->length == 110 && f->depth == 0, "body field named ClientHello");
    check_value_has(field_at(&d, "cipher_suite", 41), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "cipher_suite at 4 + 37");
    tls_dissect_free(&d);
    tls_writer_free(&w);
}

static void test_server_hello_bytes(void)
{
    static tls_server_hello m;
    sample_server_hello(&m);
    tls_writer w;
    tls_writer_init(&w);
    test_check(tls_server_hello_write(&m, &w) == TLS_OK, "ServerHello encodes");
    test_hex_eq(w.data, w.len, server_hello_hex, "ServerHello bytes match the RFC layout");
    tls_dissect d = {0};
    test_check(parse_body(K_SH, w.data, w.len, &d) == TLS_OK, "ServerHello decodes");
    check_tiling(&d, 0, w.len, "ServerHello body");
    check_value_has(field_at(&d, "server_version", 0), "TLS 1.2", "server_version");
    check_value_has(field_at(&d, "cipher_suite", 39), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "chosen cipher_suite");
    check_value_has(field_at(&d, "session_id", 35), "aabbccdd", "session_id bytes");
    check_value_has(field_at(&d, "renegotiated_connection.length", 58), "(0)",
                    "renegotiated_connection empty");
    test_check(dec.sh.nexts == 3 && dec.sh.exts[0].type == 11 && dec.sh.exts[1].type == 23 &&
               dec.sh.exts[2].type == 0xff01, "ServerHello extensions recorded in order");
    tls_dissect_free(&d);
    tls_writer_free(&w);
}

static void test_header_and_names(void)
{
    tls_writer w;
    tls_writer_init(&w);
    tls_msg_header_write(&w, TLS_HS_FINISHED, 12);
    test_hex_eq(w.data, w.len, "1400000c", "header bytes");
    tls_writer_reset(&w);
    tls_msg_header_write(&w, TLS_HS_CERTIFICATE, 0x1000000);
    test_check(tls_writer_error(&w) == TLS_ERR_INTERNAL, "body too long for uint24");
    tls_writer_free(&w);

    const uint8_t in[] = {0x0e, 0x00, 0x00, 0x00, 0x63, 0x00, 0x00, 0x01, 0xaa};
    tls_reader r, body;
    uint8_t type;
    tls_dissect d = {0};
    tls_reader_init(&r, in, sizeof in, &d, 0);
    test_check(tls_msg_header_parse(&r, &type, &body) == TLS_OK && type == 14 &&
               tls_reader_left(&body) == 0, "ServerHelloDone header");
    test_check(tls_msg_header_parse(&r, &type, &body) == TLS_OK && type == 99 &&
               tls_reader_left(&body) == 1, "unknown type header");
    const uint8_t *p;
    tls_reader_bytes(&body, "opaque", 1, &p);
    check_value_has(field_at(&d, "msg_type", 0), "ServerHelloDone", "msg_type name");
    check_value_has(field_at(&d, "msg_type", 4), "unknown", "unknown msg_type");
    test_check(field_at(&d, "body", 8) != NULL, "unknown body named body");
    check_tiling(&d, 0, sizeof in, "two headers");
    tls_dissect_free(&d);
    tls_reader_init(&r, in, 3, NULL, 0);
    expect_err(tls_msg_header_parse(&r, &type, &body), TLS_ERR_DECODE, "short header");

    /* Framing a stream of handshake bytes: need-more is not decode_error. */
    size_t len;
    test_check(tls_msg_frame(in, 3, &len) == TLS_READ_NEED_MORE && len == 4,
               "three bytes: the header is not whole yet");
    test_check(tls_msg_frame(in, sizeof in, &len) == TLS_READ_OK && len == 4,
               "ServerHelloDone framed with its empty body");
    test_check(tls_msg_frame(in + 4, 4, &len) == TLS_READ_NEED_MORE && len == 5,
               "a body one byte short: need more");
    const uint8_t big[] = {0x0b, 0x02, 0x00, 0x01};
    test_check(tls_msg_frame(big, sizeof big, &len) == TLS_READ_OVERSIZE &&
                   len == 4 + TLS_MAX_HANDSHAKE_MESSAGE + 1,
               "a body over the limit is oversize at once, with its announced length");

    test_str_eq(tls_hs_type_name(1), "ClientHello", "hs 1");
    test_str_eq(tls_hs_type_name(12), "ServerKeyExchange", "hs 12");
    test_str_eq(tls_hs_type_name(16), "ClientKeyExchange", "hs 16");
    test_str_eq(tls_hs_type_name(20), "Finished", "hs 20");
    test_check(tls_hs_type_name(99) == NULL, "hs 99 unknown");
    test_str_eq(tls_content_type_name(20), "change_cipher_spec", "ct 20");
    test_str_eq(tls_content_type_name(21), "alert", "ct 21");
    test_str_eq(tls_content_type_name(22), "handshake", "ct 22");
    test_str_eq(tls_content_type_name(23), "application_data", "ct 23");
    test_check(tls_content_type_name(24) == NULL, "ct 24 unknown");
}

int main(void)
{
    fixtures();
    test_round_trips();
    test_client_hello_bytes();
    test_server_hello_bytes();
    test_header_and_names();
    return test_finish();
}
