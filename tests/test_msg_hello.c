/* The hellos' edge cases: extension blocks, duplicates, unknown and GREASE
 * extensions, server_name, lists with bad bounds, more entries than tlssim
 * keeps, what the encoder refuses; ServerHello's. */
#include <stdio.h>
#include <string.h>

#include "msgutil.h"

/* ---------------------------------------------- ClientHello edge cases */

/* Fixed fields of a minimal ClientHello: version, random, empty session,
 * one suite, null compression.  Extensions hex is appended. */
static const char *const ch_prefix_hex =
    "0303" "0000000000000000000000000000000000000000000000000000000000000000"
    "00" "0002c02f" "0100";

static tls_err parse_ch_ext_hex(const char *exts_hex)
{
    char hex[2048];
    uint8_t in[1024];
    snprintf(hex, sizeof hex, "%s%s", ch_prefix_hex, exts_hex);
    size_t n = test_unhex(hex, in, sizeof in);
    if (n == (size_t)-1)
        return TLS_ERR_INTERNAL;
    return parse_ch_bytes(in, n);
}

/* No extensions block at all, and an empty one (which re-encodes as one). */
static void test_extensions_block(void)
{
    expect_err(parse_ch_ext_hex(""), TLS_OK, "no extensions block");
    test_check(!dec.ch.has_extensions && dec.ch.nexts == 0, "has_extensions false");
    expect_err(parse_ch_ext_hex("0000"), TLS_OK, "empty extensions block");
    test_check(dec.ch.has_extensions && dec.ch.nexts == 0, "has_extensions true, none");
    tls_writer w;
    tls_writer_init(&w);
    tls_client_hello_write(&dec.ch, &w);
    char want[512];
    snprintf(want, sizeof want, "%s0000", ch_prefix_hex);
    test_hex_eq(w.data, w.len, want, "empty extensions block re-encodes");
    tls_writer_free(&w);
}

/* An extensions block after ch_prefix_hex, what parsing it gives, and when
 * server_name is not NULL, the host_name decoded (checked as name_what). */
typedef struct ext_case {
    const char *what;
    const char *exts_hex;
    tls_err want;
    const char *server_name;
    const char *name_what;
} ext_case;

static const ext_case ext_cases[] = {
    {"one stray byte for extensions", "00", TLS_ERR_DECODE, NULL, NULL},
    /* Duplicates: "There MUST NOT be more than one extension of the same type." */
    {"duplicate extended_master_secret", "0008" "00170000" "00170000",
     TLS_ERR_ILLEGAL_PARAMETER, NULL, NULL},
    {"distinct ok", "000a" "1234000100" "ff01000100", TLS_OK, NULL, NULL},
    {"duplicate unknown extension", "000a" "123400010a" "123400010b",
     TLS_ERR_ILLEGAL_PARAMETER, NULL, NULL},
    /* server_name. */
    {"empty host_name", "0009" "0000" "0005" "0003" "000000", TLS_ERR_DECODE, NULL, NULL},
    {"empty server_name_list", "0006" "0000" "0002" "0000", TLS_ERR_DECODE, NULL, NULL},
    {"NUL inside host_name", "000b" "0000" "0007" "0005" "000002" "6100",
     TLS_ERR_ILLEGAL_PARAMETER, NULL, NULL},
    {"two host_names: the first is kept",
     "0012" "0000" "000e" "000c" "000003616161" "000003626262", TLS_OK,
     "aaa", "first host_name kept"},
    {"unknown name_type skipped",
     "0012" "0000" "000e" "000c" "070003787878" "000003626262", TLS_OK,
     "bbb", "host_name after an unknown name_type"},
    /* Lists with bad bounds. */
    {"odd supported_groups list", "0007" "000a" "0003" "0001" "17", TLS_ERR_DECODE, NULL, NULL},
    {"empty supported_groups list", "0006" "000a" "0002" "0000", TLS_ERR_DECODE, NULL, NULL},
    {"empty signature_algorithms list", "0006" "000d" "0002" "0000", TLS_ERR_DECODE,
     NULL, NULL},
    {"odd signature_algorithms list", "0007" "000d" "0003" "0001" "04", TLS_ERR_DECODE,
     NULL, NULL},
    {"empty ec_point_format_list", "0005" "000b" "0001" "00", TLS_ERR_DECODE, NULL, NULL},
    {"non-empty extended_master_secret", "0005" "0017" "0001" "00", TLS_ERR_DECODE,
     NULL, NULL},
    {"non-empty renegotiated_connection", "0006" "ff01" "0002" "01" "aa",
     TLS_ERR_HANDSHAKE_FAILURE, NULL, NULL},
    {"renegotiation_info without its length byte", "0004" "ff01" "0000", TLS_ERR_DECODE,
     NULL, NULL},
};

static void test_extension_cases(void)
{
    for (size_t i = 0; i < sizeof ext_cases / sizeof ext_cases[0]; i++) {
        const ext_case *c = &ext_cases[i];
        expect_err(parse_ch_ext_hex(c->exts_hex), c->want, c->what);
        if (c->server_name)
            test_str_eq(dec.ch.server_name, c->server_name, c->name_what);
    }
}

/* Unknown extensions are kept raw and dissected as type + data. */
static void test_unknown_extensions(void)
{
    uint8_t in[128];
    char hex[512];
    snprintf(hex, sizeof hex, "%s" "000e" "12340002abcd" "0a0a0000" "00150000",
             ch_prefix_hex);
    size_t n = test_unhex(hex, in, sizeof in);
    tls_dissect d = {0};
    test_check(parse_body(K_CH, in, n, &d) == TLS_OK, "unknown extensions decode");
    check_tiling(&d, 0, n, "ClientHello with unknown extensions");
    test_check(dec.ch.nexts == 3 && dec.ch.exts[0].type == 0x1234 &&
               bytes_same(dec.ch.exts[0].data, dec.ch.exts[0].len,
                          (const uint8_t *)"\xab\xcd", 2), "raw unknown extension kept");
    check_value_has(field_nth(&d, "extension_type", 0), "unknown", "unknown type");
    check_value_has(field_nth(&d, "extension_data", 0), "abcd", "raw data shown");
    check_value_has(field_nth(&d, "extension_type", 1), "GREASE", "GREASE type");
    check_value_has(field_nth(&d, "extension_type", 2), "padding", "padding named");
    tls_dissect_free(&d);
}

/* ch_prefix_hex and a server_name extension with one host_name of \p len
 * letters. */
static void write_host_name_hello(tls_writer *w, size_t len)
{
    uint8_t pre[64];
    size_t pn = test_unhex(ch_prefix_hex, pre, sizeof pre);
    tls_writer_bytes(w, pre, pn);
    size_t exts = tls_writer_reserve(w, 2);
    tls_writer_u16(w, 0);
    size_t data = tls_writer_reserve(w, 2);
    size_t list = tls_writer_reserve(w, 2);
    tls_writer_u8(w, 0);
    tls_writer_u16(w, (uint16_t)len);
    for (size_t i = 0; i < len; i++)
        tls_writer_u8(w, 'a' + i % 26);
    tls_writer_patch(w, list, 2);
    tls_writer_patch(w, data, 2);
    tls_writer_patch(w, exts, 2);
}

/* A 255-byte host_name is kept, a 256-byte one refused. */
static void test_host_name_lengths(void)
{
    tls_writer w;
    tls_writer_init(&w);
    write_host_name_hello(&w, 255);
    expect_err(parse_ch_bytes(w.data, w.len), TLS_OK, "255-byte host_name");
    test_check(strlen(dec.ch.server_name) == 255, "255-byte host_name kept");
    tls_writer_reset(&w);
    write_host_name_hello(&w, 256);
    expect_err(parse_ch_bytes(w.data, w.len), TLS_ERR_DECODE, "256-byte host_name");
    tls_writer_free(&w);
}

/* The fixed fields from session_id on (after version and a zero random),
 * without extensions: each refused. */
static const struct {
    const char *what;
    const char *tail_hex;
    tls_err want;
} fixed_cases[] = {
    {"empty cipher_suites", "00" "0000" "0100", TLS_ERR_DECODE},
    {"empty compression_methods", "00" "0002c02f" "00", TLS_ERR_DECODE},
    {"odd cipher_suites", "00" "0003c02f00" "0100", TLS_ERR_DECODE},
};

static void test_fixed_field_cases(void)
{
    for (size_t i = 0; i < sizeof fixed_cases / sizeof fixed_cases[0]; i++) {
        uint8_t in[64];
        char hex[256];
        snprintf(hex, sizeof hex, "0303%064x%s", 0, fixed_cases[i].tail_hex);
        size_t n = test_unhex(hex, in, sizeof in);
        expect_err(parse_ch_bytes(in, n), fixed_cases[i].want, fixed_cases[i].what);
    }
}

/* A ClientHello with 130 suites, 40 supported groups and 40 distinct
 * unknown extensions besides: more than tlssim keeps of each. */
static void write_long_lists_hello(tls_writer *w)
{
    tls_writer_u16(w, 0x0303);
    for (int i = 0; i < 32; i++)
        tls_writer_u8(w, 0);
    tls_writer_u8(w, 0);
    size_t m = tls_writer_reserve(w, 2);
    for (unsigned i = 0; i < 130; i++)
        tls_writer_u16(w, (uint16_t)(0x1000 + i));
    tls_writer_patch(w, m, 2);
    tls_writer_u8(w, 1);
    tls_writer_u8(w, 0);
    size_t exts = tls_writer_reserve(w, 2);
    tls_writer_u16(w, 10); /* supported_groups with 40 entries */
    size_t ext = tls_writer_reserve(w, 2);
    m = tls_writer_reserve(w, 2);
    for (unsigned i = 0; i < 40; i++)
        tls_writer_u16(w, (uint16_t)(0x0100 + i));
    tls_writer_patch(w, m, 2);
    tls_writer_patch(w, ext, 2);
    for (unsigned i = 0; i < 40; i++) { /* 40 distinct unknown extensions */
        tls_writer_u16(w, (uint16_t)(0x7000 + i));
        tls_writer_u16(w, 1);
        tls_writer_u8(w, (uint8_t)i);
    }
    tls_writer_patch(w, exts, 2);
}

/* More entries than we keep: parsed, dissected, not stored. */
static void test_long_lists(void)
{
    tls_writer w;
    tls_writer_init(&w);
    write_long_lists_hello(&w);
    tls_dissect d = {0};
    expect_err(parse_body(K_CH, w.data, w.len, &d), TLS_OK, "long lists decode");
    check_tiling(&d, 0, w.len, "ClientHello with long lists");
    test_check(dec.ch.nsuites == TLS_MAX_SUITES && dec.ch.suites[127] == 0x1000 + 127,
               "first %d suites kept", TLS_MAX_SUITES);
    test_check(count_named(&d, "cipher_suite") == 130, "all 130 suites dissected");
    test_check(dec.ch.ngroups == TLS_MAX_GROUPS, "first %d groups kept", TLS_MAX_GROUPS);
    test_check(count_named(&d, "named_group") == 40, "all 40 groups dissected");
    test_check(dec.ch.nexts == TLS_MAX_EXTENSIONS, "first %d extensions kept",
               TLS_MAX_EXTENSIONS);
    test_check(count_named(&d, "extension") == 41, "all 41 extensions dissected");
    tls_dissect_free(&d);
    tls_writer_free(&w);
}

/* The encoder refuses only what would overrun its own arrays. */
static void test_encoder_refusals(void)
{
    static tls_client_hello m;
    tls_writer w;
    tls_writer_init(&w);
    sample_client_hello(&m);
    m.nsuites = TLS_MAX_SUITES + 1;
    expect_err(tls_client_hello_write(&m, &w), TLS_ERR_INTERNAL, "too many suites to write");
    sample_client_hello(&m);
    m.session_id_len = 33;
    expect_err(tls_client_hello_write(&m, &w), TLS_ERR_INTERNAL, "session id too long");
    sample_client_hello(&m);
    memset(m.server_name, 'a', sizeof m.server_name);
    expect_err(tls_client_hello_write(&m, &w), TLS_ERR_INTERNAL, "unterminated name");
    tls_writer_free(&w);
}

static void test_client_hello_cases(void)
{
    test_extensions_block();
    test_extension_cases();
    test_unknown_extensions();
    test_host_name_lengths();
    test_fixed_field_cases();
    test_long_lists();
    test_encoder_refusals();
}

/* ---------------------------------------------- ServerHello edge cases */

static void test_server_hello_cases(void)
{
    expect_err(parse_hex(K_SH, "0303" "0000000000000000000000000000000000000000000000000000000000000000"
                                "00" "c02f" "00"), TLS_OK, "ServerHello without extensions");
    test_check(!dec.sh.has_extensions && dec.sh.suite == 0xc02f, "no extensions, suite");
    expect_err(parse_hex(K_SH, "0303" "0000000000000000000000000000000000000000000000000000000000000000"
                                "00" "c02f" "00" "000a" "ff01000100" "ff01000100"),
               TLS_ERR_ILLEGAL_PARAMETER, "ServerHello duplicate renegotiation_info");
    expect_err(parse_hex(K_SH, "0303" "0000000000000000000000000000000000000000000000000000000000000000"
                                "00" "c02f" "00" "0008" "0000" "0000" "00230000"),
               TLS_OK, "ServerHello other extensions recorded");
    test_check(dec.sh.nexts == 2 && dec.sh.exts[0].type == 0 && dec.sh.exts[1].type == 35,
               "server_name and session_ticket recorded raw");
    expect_err(parse_hex(K_SH, "0303" "0000000000000000000000000000000000000000000000000000000000000000"
                                "00" "c02f" "00" "0006" "ff01000201aa"),
               TLS_ERR_HANDSHAKE_FAILURE, "ServerHello non-empty renegotiation_info");
    expect_err(parse_hex(K_SH, "0303" "0000000000000000000000000000000000000000000000000000000000000000"
                                "21" "000000000000000000000000000000000000000000000000000000000000000000"
                                "c02f" "00"), TLS_ERR_DECODE, "ServerHello 33-byte session_id");
}

int main(void)
{
    fixtures();
    test_client_hello_cases();
    test_server_hello_cases();
    return test_finish();
}
