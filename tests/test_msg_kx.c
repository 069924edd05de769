/* Each message's edge cases after the hellos: Certificate, ServerKeyExchange
 * (ECDHE and DHE), ClientKeyExchange, ServerHelloDone, ChangeCipherSpec,
 * Finished and Alert. */
#include <stdio.h>
#include <string.h>

#include "msgutil.h"

/* ------------------------------------------------- other messages' cases */

static void test_certificate_cases(void)
{
    expect_err(parse_hex(K_CERT, "000000"), TLS_OK, "empty certificate_list");
    test_check(dec.cert.ncerts == 0, "no certificates");
    expect_err(parse_hex(K_CERT, "000003" "000000"), TLS_ERR_DECODE, "zero-length certificate");

    for (size_t count = TLS_MAX_CERTS; count <= TLS_MAX_CERTS + 1; count++) {
        tls_writer w;
        tls_writer_init(&w);
        size_t list = tls_writer_reserve(&w, 3);
        for (size_t i = 0; i < count; i++) {
            tls_writer_u24(&w, 2);
            tls_writer_u8(&w, 0x30);
            tls_writer_u8(&w, (uint8_t)i);
        }
        tls_writer_patch(&w, list, 3);
        tls_dissect d = {0};
        tls_err e = parse_body(K_CERT, w.data, w.len, &d);
        if (count == TLS_MAX_CERTS) {
            expect_err(e, TLS_OK, "eight certificates");
            test_check(dec.cert.ncerts == 8 && dec.cert.cert_lens[7] == 2, "all eight kept");
            check_value_has(field_nth(&d, "certificate", 0), "leaf", "leaf annotated");
            check_value_has(field_nth(&d, "certificate", 7), "#7", "index annotated");
        } else {
            expect_err(e, TLS_ERR_BAD_CERTIFICATE, "nine certificates");
            test_check(count_named(&d, "certificate") == 9, "all nine dissected");
        }
        tls_dissect_free(&d);
        tls_writer_free(&w);
    }
    tls_certificate_msg m;
    sample_certificate(&m);
    m.ncerts = TLS_MAX_CERTS + 1;
    tls_writer w;
    tls_writer_init(&w);
    expect_err(tls_certificate_write(&m, &w), TLS_ERR_INTERNAL, "writing nine certificates");
    tls_writer_free(&w);
}

static void test_ske_cases(void)
{
    tls_server_key_exchange m;
    sample_ske(&m);
    tls_writer w, p;
    tls_writer_init(&w);
    tls_writer_init(&p);
    tls_server_key_exchange_write(&m, &w);
    test_check(tls_server_kx_params_write(&m, &p) == TLS_OK, "params encode");
    test_check(p.len == 4 + 65 && p.data[0] == 3 && p.data[1] == 0 && p.data[2] == 23 &&
               p.data[3] == 65, "params: named_curve(3), secp256r1(23), point<65>");
    tls_dissect d = {0};
    test_check(parse_body(K_SKE, w.data, w.len, &d) == TLS_OK, "SKE decodes");
    test_check(dec.ske.params == w.data, "params point at the start of the body");
    test_bytes_eq(dec.ske.params, dec.ske.params_len, p.data, p.len,
                  "params bytes are what params_write gives");
    check_value_has(field_at(&d, "curve_type", 0), "named_curve", "curve_type annotated");
    check_value_has(field_at(&d, "named_curve", 1), "secp256r1", "named_curve annotated");
    const tls_field *f = field_at(&d, "point", 4);
    test_check(f && f->length == 65 && f->depth == 2, "point nested in params > public");
    check_value_has(field_at(&d, "algorithm", 69), "rsa_pkcs1_sha256", "sig algorithm");
    f = field_at(&d, "signature", 73);
    test_check(f && f->length == 256, "signature field");
    tls_dissect_free(&d);
    tls_writer_free(&w);
    tls_writer_free(&p);

    expect_err(parse_hex(K_SKE, "01" "0017" "0101" "0401" "0000"), TLS_ERR_ILLEGAL_PARAMETER,
               "explicit_prime curve_type");
    expect_err(parse_hex(K_SKE, "03" "0017" "00" "0401" "0000"), TLS_ERR_DECODE,
               "empty point");
    expect_err(parse_hex(K_SKE, "03" "001d" "01" "aa" "0401" "0000"), TLS_OK,
               "empty signature is well-formed");
    test_check(dec.ske.group == 29 && dec.ske.point_len == 1 && dec.ske.sig_len == 0 &&
               dec.ske.params_len == 5, "short SKE fields");
    expect_err(parse_hex(K_SKE, "03" "001d" "01" "aa" "0401"), TLS_ERR_DECODE,
               "missing signature length");
}

/* DHE_RSA's ServerDHParams (RFC 5246 §7.4.3): three opaque<1..2^16-1>
 * integers, what is signed, and the client's dh_Yc. */
static void test_ske_dhe(void)
{
    static const uint8_t p[] = {0xff, 0xfb}, g[] = {2}, ys[] = {0x12, 0x34};
    tls_server_key_exchange m = {.is_dhe = true, .dh_p = p, .dh_p_len = 2, .dh_g = g,
                                 .dh_g_len = 1, .dh_ys = ys, .dh_ys_len = 2,
                                 .sig_alg = 0x0401, .sig = sig256, .sig_len = 4};
    tls_writer w;
    tls_writer_init(&w);
    test_check(tls_server_key_exchange_write(&m, &w) == TLS_OK, "DHE SKE encodes");
    static const uint8_t want[] = {0, 2, 0xff, 0xfb, 0, 1, 2, 0, 2, 0x12, 0x34,
                                   0x04, 0x01, 0, 4};
    test_bytes_eq(w.data, sizeof want, want, sizeof want, "dh_p, dh_g, dh_Ys, algorithm");
    tls_dissect d = {0};
    tls_reader r;
    tls_reader_init(&r, w.data, w.len, &d, 0);
    tls_server_key_exchange got = {.is_dhe = true};
    test_check(tls_server_key_exchange_parse(&r, &got) == TLS_OK && got.is_dhe, "DHE SKE decodes");
    test_check(got.params == w.data && got.params_len == 11, "params: the three integers");
    test_bytes_eq(got.dh_p, got.dh_p_len, p, 2, "dh_p");
    test_bytes_eq(got.dh_g, got.dh_g_len, g, 1, "dh_g");
    test_bytes_eq(got.dh_ys, got.dh_ys_len, ys, 2, "dh_Ys");
    check_value_has(field_at(&d, "dh_p", 2), "16-bit prime", "dh_p annotated with its size");
    test_check(field_at(&d, "dh_Ys", 9) != NULL, "dh_Ys field");
    tls_dissect_free(&d);
    tls_writer_free(&w);

    static const uint8_t empty_g[] = {0, 2, 0xff, 0xfb, 0, 0, 0, 1, 5, 4, 1, 0, 0};
    tls_reader_init(&r, empty_g, sizeof empty_g, NULL, 0);
    got.is_dhe = true;
    expect_err(tls_server_key_exchange_parse(&r, &got), TLS_ERR_DECODE, "empty dh_g");
    static const uint8_t short_p[] = {0, 9, 0xff};
    tls_reader_init(&r, short_p, sizeof short_p, NULL, 0);
    got.is_dhe = true;
    expect_err(tls_server_key_exchange_parse(&r, &got), TLS_ERR_DECODE, "dh_p past the end");

    tls_client_key_exchange c = {.data = ys, .len = 2, .is_dhe = true};
    tls_writer_init(&w);
    test_check(tls_client_key_exchange_write(&c, &w) == TLS_OK && w.len == 4 &&
                   w.data[0] == 0 && w.data[1] == 2, "dh_Yc has a 2-byte length");
    tls_reader_init(&r, w.data, w.len, NULL, 0);
    tls_client_key_exchange cg = {.is_dhe = true};
    test_check(tls_client_key_exchange_parse(&r, &cg) == TLS_OK && cg.len == 2, "dh_Yc decodes");
    tls_writer_free(&w);
    test_check(tls_dh_int_bits((const uint8_t[]){0, 0, 1, 0}, 4) == 9 &&
                   tls_dh_int_bits((const uint8_t[]){0}, 1) == 0, "bits of an integer");
}

static void test_small_messages(void)
{
    /* ClientKeyExchange */
    expect_err(parse_hex(K_CKE_EC, "00"), TLS_ERR_DECODE, "empty ecdh_Yc");
    expect_err(parse_hex(K_CKE_EC, "0299"), TLS_ERR_DECODE, "ecdh_Yc shorter than its length");
    expect_err(parse_hex(K_CKE_EC, "01aa"), TLS_OK, "one-byte ecdh_Yc");
    expect_err(parse_hex(K_CKE_RSA, "0000"), TLS_OK, "empty RSA ciphertext is well-formed");
    test_check(dec.cke.len == 0, "RSA ciphertext length 0");
    expect_err(parse_hex(K_CKE_RSA, "aa"), TLS_ERR_DECODE, "RSA without a 2-byte length");
    {
        tls_client_key_exchange m = {false, point65, 256, false};
        tls_writer w;
        tls_writer_init(&w);
        expect_err(tls_client_key_exchange_write(&m, &w), TLS_ERR_INTERNAL,
                   "point longer than 255 bytes");
        tls_writer_free(&w);
    }

    /* ServerHelloDone */
    expect_err(parse_hex(K_SHD, ""), TLS_OK, "empty ServerHelloDone");
    expect_err(parse_hex(K_SHD, "00"), TLS_ERR_DECODE, "ServerHelloDone with a byte");

    /* ChangeCipherSpec */
    expect_err(parse_hex(K_CCS, "01"), TLS_OK, "CCS 01");
    expect_err(parse_hex(K_CCS, ""), TLS_ERR_DECODE, "empty CCS");
    expect_err(parse_hex(K_CCS, "0101"), TLS_ERR_DECODE, "two-byte CCS");
    expect_err(parse_hex(K_CCS, "02"), TLS_ERR_ILLEGAL_PARAMETER, "CCS value 2");

    /* Finished */
    expect_err(parse_hex(K_FIN, "000102030405060708090a0b"), TLS_OK, "Finished 12 bytes");
    expect_err(parse_hex(K_FIN, "000102030405060708090a"), TLS_ERR_DECODE, "Finished 11");
    expect_err(parse_hex(K_FIN, "000102030405060708090a0b0c"), TLS_ERR_DECODE, "Finished 13");

    /* Alert */
    tls_dissect d = {0};
    const uint8_t a[] = {2, 40};
    expect_err(parse_body(K_ALERT, a, 2, &d), TLS_OK, "fatal handshake_failure");
    check_value_has(field_at(&d, "level", 0), "fatal", "level annotated");
    check_value_has(field_at(&d, "description", 1), "handshake_failure",
                    "description annotated");
    tls_dissect_free(&d);
    expect_err(parse_hex(K_ALERT, "0100"), TLS_OK, "warning close_notify");
    test_check(dec.alert.level == 1 && dec.alert.description == 0, "close_notify fields");
    expect_err(parse_hex(K_ALERT, "0328"), TLS_ERR_ILLEGAL_PARAMETER, "alert level 3");
    expect_err(parse_hex(K_ALERT, "0028"), TLS_ERR_ILLEGAL_PARAMETER, "alert level 0");
    expect_err(parse_hex(K_ALERT, "02"), TLS_ERR_DECODE, "one-byte alert");
    expect_err(parse_hex(K_ALERT, "022800"), TLS_ERR_DECODE, "three-byte alert");
    expect_err(parse_hex(K_ALERT, "02fe"), TLS_OK, "unknown description accepted");
}

int main(void)
{
    fixtures();
    test_certificate_cases();
    test_ske_cases();
    test_ske_dhe();
    test_small_messages();
    return test_finish();
}
