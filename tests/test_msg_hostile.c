/* Hostile handshake messages: every truncation of every kind, every byte
 * replaced (decoders never read out of bounds, and dissect completely what
 * they accept), and lengths that lie. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msgutil.h"

/* --------------------------------------------------------- truncations */

static void test_truncations(void)
{
    for (kind k = 0; k < K__N; k++) {
        tls_writer w;
        tls_writer_init(&w);
        encode_msg(k, &w);
        size_t bad = 0;
        for (size_t cut = 0; cut < w.len; cut++) {
            /* Half with a dissection, to exercise annotation paths too. */
            tls_dissect d = {0};
            tls_err e = parse_msg(k, w.data, cut, cut % 2 ? &d : NULL);
            tls_dissect_free(&d);
            if (e != TLS_ERR_DECODE) {
                if (!bad)
                    printf("  %s cut at %zu: %s\n", kind_names[k], cut, err_name(e));
                bad++;
            }
        }
        test_check(bad == 0, "%s: all %zu truncations are decode_error", kind_names[k], w.len);

        /* Appending a byte to the body (and saying so in the header). */
        tls_writer body;
        tls_writer_init(&body);
        encode_kind(k, &body);
        tls_writer_u8(&body, 0);
        expect_err(parse_body(k, body.data, body.len, NULL), TLS_ERR_DECODE,
                   "trailing byte after the body");
        if (kind_hs[k] >= 0) {
            tls_writer_reset(&w);
            tls_msg_header_write(&w, (uint8_t)kind_hs[k], body.len);
            tls_writer_bytes(&w, body.data, body.len);
            expect_err(parse_msg(k, w.data, w.len, NULL), TLS_ERR_DECODE,
                       "trailing byte inside the message");
            /* A byte after the message is left for the caller, who sees it. */
            tls_writer_reset(&w);
            encode_msg(k, &w);
            tls_writer_u8(&w, 0x16);
            expect_err(parse_msg(k, w.data, w.len, NULL), TLS_ERR_DECODE,
                       "byte after the message");
        }
        tls_writer_free(&body);
        tls_writer_free(&w);
    }

    /* Body-only truncations: the hellos' extensions block is optional, so
     * cutting exactly before it leaves a valid extension-less hello (that is
     * why the handshake header's length matters); every other cut fails. */
    const kind hellos[] = {K_CH, K_SH};
    const size_t ext_start[] = {49, 42};
    for (size_t h = 0; h < 2; h++) {
        kind k = hellos[h];
        tls_writer w;
        tls_writer_init(&w);
        encode_kind(k, &w);
        size_t bad = 0;
        for (size_t cut = 0; cut < w.len; cut++) {
            tls_err e = parse_body(k, w.data, cut, NULL);
            tls_err want = cut == ext_start[h] ? TLS_OK : TLS_ERR_DECODE;
            if (e != want) {
                printf("  %s body cut at %zu: %s\n", kind_names[k], cut, err_name(e));
                bad++;
            }
        }
        test_check(bad == 0, "%s: body truncations fail except before extensions",
                   kind_names[k]);
        tls_writer_free(&w);
    }
}

/* ----------------------------------------------------------- mutations */

/* Every byte of every message replaced by a few values: a decoder may accept
 * or refuse, but never read out of bounds (run this under ASan), and what it
 * accepts it must dissect completely. */
static void test_mutations(void)
{
    for (kind k = 0; k < K__N; k++) {
        tls_writer w;
        tls_writer_init(&w);
        encode_msg(k, &w);
        uint8_t *buf = malloc(w.len);
        size_t runs = 0, accepted = 0, bad_tiling = 0;
        char why[256];
        for (size_t i = 0; buf && i < w.len; i++) {
            const uint8_t vals[] = {0x00, 0xff, (uint8_t)(w.data[i] ^ 1),
                                    (uint8_t)(w.data[i] + 1), 0x80};
            for (size_t v = 0; v < sizeof vals; v++) {
                memcpy(buf, w.data, w.len);
                buf[i] = vals[v];
                tls_dissect d = {0};
                tls_err e = parse_msg(k, buf, w.len, &d);
                runs++;
                if (e == TLS_OK) {
                    accepted++;
                    if (!tiles(&d, 0, w.len, why, sizeof why) && bad_tiling++ == 0)
                        printf("  %s byte %zu = %02x: %s\n", kind_names[k], i, vals[v], why);
                }
                tls_dissect_free(&d);
            }
        }
        test_check(runs == 5 * w.len, "%s: %zu mutants parsed (%zu accepted)",
                   kind_names[k], runs, accepted);
        test_check(bad_tiling == 0, "%s: accepted mutants dissect completely", kind_names[k]);
        free(buf);
        tls_writer_free(&w);
    }
}

/* ------------------------------------------------------- lying lengths */

static void test_lying_lengths(void)
{
    uint8_t base[256], in[256];
    size_t n = test_unhex(client_hello_hex, base, sizeof base);
    static const struct {
        size_t at;
        uint8_t hi, lo;     /* new 2-byte value at `at` (or 1 byte: hi) */
        int width;
        const char *what;
    } lies[] = {
        {34, 33, 0, 1, "session_id.length 33 (max 32)"},
        {34, 0xff, 0, 1, "session_id.length past the end"},
        {35, 0xff, 0xfe, 2, "cipher_suites.length past the end"},
        {35, 0x00, 0x0c, 2, "cipher_suites.length one suite too long"},
        {35, 0x00, 0x08, 2, "cipher_suites.length one suite too short"},
        {35, 0x00, 0x09, 2, "cipher_suites.length odd"},
        {47, 0x02, 0, 1, "compression_methods.length 2"},
        {49, 0x00, 0x3c, 2, "extensions.length one too long"},
        {49, 0x00, 0x3a, 2, "extensions.length one too short"},
        {53, 0x00, 0x11, 2, "server_name extension_data.length one too long"},
        {55, 0x00, 0x0d, 2, "server_name_list.length one too short"},
        {58, 0x00, 0x0c, 2, "host_name.length one too long"},
        {75, 0x00, 0x04, 2, "named_group_list shorter than extension_data"},
        {75, 0x00, 0x07, 2, "named_group_list.length odd"},
        {87, 0x02, 0, 1, "ec_point_format_list.length past extension_data"},
        {93, 0x00, 0x08, 2, "signature algorithms list too long"},
        {103, 0x00, 0x01, 2, "extended_master_secret claims a byte"},
        {109, 0x01, 0, 1, "renegotiated_connection.length past the end"},
    };
    for (size_t i = 0; i < sizeof lies / sizeof lies[0]; i++) {
        memcpy(in, base, n);
        in[lies[i].at] = lies[i].hi;
        if (lies[i].width == 2)
            in[lies[i].at + 1] = lies[i].lo;
        expect_err(parse_ch_bytes(in, n), TLS_ERR_DECODE, lies[i].what);
    }

    /* The handshake header's length, one too many and one too few. */
    tls_writer w;
    tls_writer_init(&w);
    tls_msg_header_write(&w, TLS_HS_CLIENT_HELLO, n + 1);
    tls_writer_bytes(&w, base, n);
    expect_err(parse_msg(K_CH, w.data, w.len, NULL), TLS_ERR_DECODE, "header length too long");
    tls_writer_reset(&w);
    tls_msg_header_write(&w, TLS_HS_CLIENT_HELLO, n - 1);
    tls_writer_bytes(&w, base, n);
    expect_err(parse_msg(K_CH, w.data, w.len, NULL), TLS_ERR_DECODE, "header length too short");
    tls_writer_free(&w);

    /* Certificate: the list or one certificate claiming too much or too little. */
    tls_writer_init(&w);
    encode_kind(K_CERT, &w);
    uint8_t c[512];
    size_t cn = w.len;
    memcpy(c, w.data, cn);
    c[2]++;
    expect_err(parse_body(K_CERT, c, cn, NULL), TLS_ERR_DECODE, "certificate_list.length +1");
    c[2] -= 2;
    expect_err(parse_body(K_CERT, c, cn, NULL), TLS_ERR_DECODE, "certificate_list.length -1");
    memcpy(c, w.data, cn);
    c[5]++;
    expect_err(parse_body(K_CERT, c, cn, NULL), TLS_ERR_DECODE, "certificate.length +1");
    tls_writer_free(&w);

    /* ServerKeyExchange: point and signature lengths. */
    tls_writer_init(&w);
    encode_kind(K_SKE, &w);
    uint8_t s[512];
    memcpy(s, w.data, w.len);
    s[3] = 66;
    expect_err(parse_body(K_SKE, s, w.len, NULL), TLS_ERR_DECODE, "point.length +1");
    memcpy(s, w.data, w.len);
    s[4 + 65 + 2] = 0x00; /* signature.length 0x0100 -> 0x00ff */
    s[4 + 65 + 3] = 0xff;
    expect_err(parse_body(K_SKE, s, w.len, NULL), TLS_ERR_DECODE, "signature.length -1");
    tls_writer_free(&w);
}

int main(void)
{
    fixtures();
    test_truncations();
    test_mutations();
    test_lying_lengths();
    return test_finish();
}
