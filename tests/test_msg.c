/* Handshake message codecs: round trips, known bytes built by hand from the
 * RFC structs, every truncation, lying lengths, and complete dissections. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/msg.h"

/* ------------------------------------------------------------ helpers */

/*
 * A dissection is complete and nested when:
 *  - the leaves (fields without children) of non-zero length tile
 *    [base, base + len) in order, without gap or overlap;
 *  - the direct children of every parent tile that parent exactly;
 *  - depth grows by at most one from a field to the next.
 * Returns false and explains in \p why (quietly: the caller reports).
 */
static bool tiles(const tls_dissect *d, size_t base, size_t len, char *why, size_t whylen)
{
    if (d->oom) {
        snprintf(why, whylen, "dissection incomplete (oom)");
        return false;
    }
    size_t pos = base;
    for (size_t i = 0; i < d->n; i++) {
        const tls_field *f = &d->fields[i];
        bool leaf = i + 1 == d->n || d->fields[i + 1].depth <= f->depth;
        if (i + 1 < d->n && d->fields[i + 1].depth > f->depth + 1) {
            snprintf(why, whylen, "depth jumps after field %zu (%s)", i, f->name);
            return false;
        }
        if (!leaf) {
            size_t cpos = f->offset;
            for (size_t j = i + 1; j < d->n && d->fields[j].depth > f->depth; j++) {
                if (d->fields[j].depth != f->depth + 1)
                    continue;
                if (d->fields[j].offset != cpos) {
                    snprintf(why, whylen, "child %s at %zu, expected %zu in %s",
                             d->fields[j].name, d->fields[j].offset, cpos, f->name);
                    return false;
                }
                cpos += d->fields[j].length;
            }
            if (cpos != f->offset + f->length) {
                snprintf(why, whylen, "children of %s end at %zu, parent at %zu",
                         f->name, cpos, f->offset + f->length);
                return false;
            }
            continue;
        }
        if (f->length == 0)
            continue;
        if (f->offset != pos) {
            snprintf(why, whylen, "leaf %s at %zu, expected %zu (%s)", f->name,
                     f->offset, pos, f->offset > pos ? "gap" : "overlap");
            return false;
        }
        pos = f->offset + f->length;
    }
    if (pos != base + len) {
        snprintf(why, whylen, "leaves end at %zu, expected %zu", pos, base + len);
        return false;
    }
    return true;
}

static bool check_tiling(const tls_dissect *d, size_t base, size_t len,
                         const char *what)
{
    char why[256] = "";
    bool ok = tiles(d, base, len, why, sizeof why);
    return test_check(ok, "%s: leaves tile the bytes%s%s", what, ok ? "" : ": ", why);
}

/* The first field named \p name at \p offset, or NULL. */
static const tls_field *field_at(const tls_dissect *d, const char *name, size_t offset)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->fields[i].name, name) == 0 && d->fields[i].offset == offset)
            return &d->fields[i];
    return NULL;
}

/* The \p k-th field named \p name (0-based), or NULL. */
static const tls_field *field_nth(const tls_dissect *d, const char *name, size_t k)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->fields[i].name, name) == 0 && k-- == 0)
            return &d->fields[i];
    return NULL;
}

static size_t count_named(const tls_dissect *d, const char *name)
{
    size_t c = 0;
    for (size_t i = 0; i < d->n; i++)
        c += strcmp(d->fields[i].name, name) == 0;
    return c;
}

static void check_value_has(const tls_field *f, const char *needle, const char *what)
{
    if (!test_check(f != NULL, "%s: field present", what))
        return;
    if (!test_check(f->value && strstr(f->value, needle), "%s: value contains \"%s\"",
                    what, needle))
        printf("  value: %s\n", f->value ? f->value : "(null)");
}

static const char *err_name(tls_err e) { return tls_err_name(e); }

static bool expect_err(tls_err got, tls_err want, const char *what)
{
    return test_check(got == want, "%s: got %s, want %s", what, err_name(got), err_name(want));
}

/* ----------------------------------------------------------- fixtures */

static uint8_t cert_a[300], cert_b[5], point65[65], sig256[256], rsa_ct[256];

static void fill(uint8_t *p, size_t n, uint8_t start)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(start + i);
}

static void fixtures(void)
{
    fill(cert_a, sizeof cert_a, 0x30);
    fill(cert_b, sizeof cert_b, 0xa0);
    fill(point65, sizeof point65, 0x10);
    point65[0] = 0x04;
    fill(sig256, sizeof sig256, 0x77);
    fill(rsa_ct, sizeof rsa_ct, 0x99);
}

/* The client hello tlssim sends: our suites plus the SCSV, SNI, our groups,
 * uncompressed points, RSA PKCS#1 signatures, EMS and renegotiation_info. */
static void sample_client_hello(tls_client_hello *m)
{
    static const uint16_t suites[] = {0xc02f, 0xc030, 0x009c, 0x009d, 0x00ff};
    memset(m, 0, sizeof *m);
    m->version = TLS_VERSION_1_2;
    fill(m->random, 32, 0x00);
    m->session_id_len = 0;
    memcpy(m->suites, suites, sizeof suites);
    m->nsuites = 5;
    m->compressions[0] = 0;
    m->ncompressions = 1;
    m->has_extensions = true;
    m->has_server_name = true;
    strcpy(m->server_name, "example.com");
    m->has_groups = true;
    m->groups[0] = 23;
    m->groups[1] = 29;
    m->groups[2] = 24;
    m->ngroups = 3;
    m->has_point_formats = true;
    m->point_formats[0] = 0;
    m->npoint_formats = 1;
    m->has_sigalgs = true;
    m->sigalgs[0] = 0x0401;
    m->sigalgs[1] = 0x0501;
    m->sigalgs[2] = 0x0601;
    m->nsigalgs = 3;
    m->has_ems = true;
    m->has_reneg_info = true;
}

/*
 * The same ClientHello, byte by byte from RFC 5246 §7.4.1.2 and the
 * extension structs (offsets are within the body).
 */
static const char *const client_hello_hex =
    "0303"                                  /*   0 client_version = TLS 1.2 */
    "000102030405060708090a0b0c0d0e0f"      /*   2 random: gmt_unix_time 00010203 */
    "101112131415161718191a1b1c1d1e1f"      /*     + random_bytes[28] */
    "00"                                    /*  34 session_id<0..32>: empty */
    "000a" "c02f" "c030" "009c" "009d" "00ff" /* 35 cipher_suites<2..2^16-2>: 5 x 2 */
    "01" "00"                               /*  47 compression_methods<1..2^8-1>: null */
    "003b"                                  /*  49 extensions<0..2^16-1>: 59 bytes */
    "0000" "0010"                           /*  51 server_name, extension_data 16 */
    "000e"                                  /*     server_name_list 14 */
    "00" "000b" "6578616d706c652e636f6d"    /*     host_name(0) "example.com" (11) */
    "000a" "0008" "0006" "0017" "001d" "0018" /* 71 supported_groups: 23, 29, 24 */
    "000b" "0002" "01" "00"                 /*  83 ec_point_formats: uncompressed */
    "000d" "0008" "0006" "0401" "0501" "0601" /* 89 signature_algorithms */
    "0017" "0000"                           /* 101 extended_master_secret: empty */
    "ff01" "0001" "00";                     /* 105 renegotiation_info: empty conn. */

static void sample_server_hello(tls_server_hello *m)
{
    memset(m, 0, sizeof *m);
    m->version = TLS_VERSION_1_2;
    fill(m->random, 32, 0x40);
    m->session_id[0] = 0xaa;
    m->session_id[1] = 0xbb;
    m->session_id[2] = 0xcc;
    m->session_id[3] = 0xdd;
    m->session_id_len = 4;
    m->suite = 0xc02f;
    m->compression = 0;
    m->has_extensions = true;
    m->has_point_formats = true;
    m->point_formats[0] = 0;
    m->npoint_formats = 1;
    m->has_ems = true;
    m->has_reneg_info = true;
}

/* RFC 5246 §7.4.1.3, by hand. */
static const char *const server_hello_hex =
    "0303"                                  /*  0 server_version */
    "404142434445464748494a4b4c4d4e4f"      /*  2 random */
    "505152535455565758595a5b5c5d5e5f"
    "04" "aabbccdd"                         /* 34 session_id (4) */
    "c02f"                                  /* 39 cipher_suite */
    "00"                                    /* 41 compression_method: null */
    "000f"                                  /* 42 extensions: 15 bytes */
    "000b" "0002" "01" "00"                 /* 44 ec_point_formats */
    "0017" "0000"                           /* 50 extended_master_secret */
    "ff01" "0001" "00";                     /* 54 renegotiation_info */

static void sample_certificate(tls_certificate_msg *m)
{
    memset(m, 0, sizeof *m);
    m->certs[0] = cert_a;
    m->cert_lens[0] = sizeof cert_a;
    m->certs[1] = cert_b;
    m->cert_lens[1] = sizeof cert_b;
    m->ncerts = 2;
}

static void sample_ske(tls_server_key_exchange *m)
{
    memset(m, 0, sizeof *m);
    m->curve_type = 3;
    m->group = 23;
    m->point = point65;
    m->point_len = sizeof point65;
    m->sig_alg = 0x0401;
    m->sig = sig256;
    m->sig_len = sizeof sig256;
}

/* ----------------------------------------- one interface for all kinds */

typedef enum kind {
    K_CH, K_SH, K_CERT, K_SKE, K_SHD, K_CKE_EC, K_CKE_RSA, K_CCS, K_FIN, K_ALERT, K__N
} kind;

static const char *const kind_names[K__N] = {
    "ClientHello", "ServerHello", "Certificate", "ServerKeyExchange",
    "ServerHelloDone", "ClientKeyExchange(ECDHE)", "ClientKeyExchange(RSA)",
    "ChangeCipherSpec", "Finished", "Alert"};

static const int kind_hs[K__N] = {1, 2, 11, 12, 14, 16, 16, -1, 20, -1};

/* Decoded messages of every kind (static: the hellos are large). */
static union {
    tls_client_hello ch;
    tls_server_hello sh;
    tls_certificate_msg cert;
    tls_server_key_exchange ske;
    tls_client_key_exchange cke;
    tls_finished fin;
    tls_alert alert;
} dec;

static tls_err encode_kind(kind k, tls_writer *w)
{
    static tls_client_hello ch;
    static tls_server_hello sh;
    tls_certificate_msg cert;
    tls_server_key_exchange ske;
    tls_client_key_exchange cke;
    tls_finished fin;
    tls_alert alert = {TLS_ALERT_FATAL, 40};
    switch (k) {
    case K_CH: sample_client_hello(&ch); return tls_client_hello_write(&ch, w);
    case K_SH: sample_server_hello(&sh); return tls_server_hello_write(&sh, w);
    case K_CERT: sample_certificate(&cert); return tls_certificate_write(&cert, w);
    case K_SKE: sample_ske(&ske); return tls_server_key_exchange_write(&ske, w);
    case K_SHD: return tls_server_hello_done_write(w);
    case K_CKE_EC:
        cke = (tls_client_key_exchange){false, point65, sizeof point65, false};
        return tls_client_key_exchange_write(&cke, w);
    case K_CKE_RSA:
        cke = (tls_client_key_exchange){true, rsa_ct, sizeof rsa_ct, false};
        return tls_client_key_exchange_write(&cke, w);
    case K_CCS: return tls_change_cipher_spec_write(w);
    case K_FIN: fill(fin.verify_data, 12, 0xf0); return tls_finished_write(&fin, w);
    case K_ALERT: return tls_alert_write(&alert, w);
    case K__N: break;
    }
    return TLS_ERR_INTERNAL;
}

static tls_err parse_kind(kind k, tls_reader *r)
{
    switch (k) {
    case K_CH: return tls_client_hello_parse(r, &dec.ch);
    case K_SH: return tls_server_hello_parse(r, &dec.sh);
    case K_CERT: return tls_certificate_parse(r, &dec.cert);
    case K_SKE:
        dec.ske.is_dhe = false;
        return tls_server_key_exchange_parse(r, &dec.ske);
    case K_SHD: return tls_server_hello_done_parse(r);
    case K_CKE_EC:
    case K_CKE_RSA:
        dec.cke.is_rsa = k == K_CKE_RSA;
        dec.cke.is_dhe = false;
        return tls_client_key_exchange_parse(r, &dec.cke);
    case K_CCS: return tls_change_cipher_spec_parse(r);
    case K_FIN: return tls_finished_parse(r, &dec.fin);
    case K_ALERT: return tls_alert_parse(r, &dec.alert);
    case K__N: break;
    }
    return TLS_ERR_INTERNAL;
}

/* Parse a body alone. */
static tls_err parse_body(kind k, const uint8_t *p, size_t n, tls_dissect *d)
{
    tls_reader r;
    tls_reader_init(&r, p, n, d, 0);
    return parse_kind(k, &r);
}

/* Parse a whole message: header + body for handshake messages, the body
 * for ChangeCipherSpec and Alert (they are records of their own type). */
static tls_err parse_msg(kind k, const uint8_t *p, size_t n, tls_dissect *d)
{
    tls_reader r, body;
    tls_reader_init(&r, p, n, d, 0);
    if (kind_hs[k] < 0)
        return parse_kind(k, &r);
    uint8_t type;
    tls_err e = tls_msg_header_parse(&r, &type, &body);
    if (e != TLS_OK)
        return e;
    if (type != kind_hs[k])
        return TLS_ERR_UNEXPECTED_MESSAGE;
    if ((e = parse_kind(k, &body)) != TLS_OK)
        return e;
    return tls_reader_close(&r);
}

/* Encode kind k as a whole message into w. */
static void encode_msg(kind k, tls_writer *w)
{
    tls_writer body;
    tls_writer_init(&body);
    test_check(encode_kind(k, &body) == TLS_OK, "%s: encodes", kind_names[k]);
    if (kind_hs[k] >= 0)
        tls_msg_header_write(w, (uint8_t)kind_hs[k], body.len);
    tls_writer_bytes(w, body.data, body.len);
    tls_writer_free(&body);
}

/* ------------------------------------------------- field-by-field equality */

static bool ch_equal(const tls_client_hello *a, const tls_client_hello *b)
{
    return a->version == b->version && !memcmp(a->random, b->random, 32) &&
           a->session_id_len == b->session_id_len &&
           !memcmp(a->session_id, b->session_id, a->session_id_len) &&
           a->nsuites == b->nsuites &&
           !memcmp(a->suites, b->suites, a->nsuites * sizeof a->suites[0]) &&
           a->ncompressions == b->ncompressions &&
           !memcmp(a->compressions, b->compressions, a->ncompressions) &&
           a->has_extensions == b->has_extensions &&
           a->has_server_name == b->has_server_name &&
           (!a->has_server_name || !strcmp(a->server_name, b->server_name)) &&
           a->has_groups == b->has_groups && a->ngroups == b->ngroups &&
           !memcmp(a->groups, b->groups, a->ngroups * sizeof a->groups[0]) &&
           a->has_point_formats == b->has_point_formats &&
           a->npoint_formats == b->npoint_formats &&
           !memcmp(a->point_formats, b->point_formats, a->npoint_formats) &&
           a->has_sigalgs == b->has_sigalgs && a->nsigalgs == b->nsigalgs &&
           !memcmp(a->sigalgs, b->sigalgs, a->nsigalgs * sizeof a->sigalgs[0]) &&
           a->has_ems == b->has_ems && a->has_reneg_info == b->has_reneg_info;
}

static bool sh_equal(const tls_server_hello *a, const tls_server_hello *b)
{
    return a->version == b->version && !memcmp(a->random, b->random, 32) &&
           a->session_id_len == b->session_id_len &&
           !memcmp(a->session_id, b->session_id, a->session_id_len) &&
           a->suite == b->suite && a->compression == b->compression &&
           a->has_extensions == b->has_extensions &&
           a->has_point_formats == b->has_point_formats &&
           a->npoint_formats == b->npoint_formats &&
           !memcmp(a->point_formats, b->point_formats, a->npoint_formats) &&
           a->has_ems == b->has_ems && a->has_reneg_info == b->has_reneg_info;
}

static bool bytes_same(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

/* ---------------------------------------------------------- round trips */

/* Encode the sample, decode it (with a dissection), compare field by field,
 * re-encode the decoded struct and compare bytes. */
static void test_round_trips(void)
{
    for (kind k = 0; k < K__N; k++) {
        const char *name = kind_names[k];
        tls_writer w, w2;
        tls_writer_init(&w);
        tls_writer_init(&w2);
        test_check(encode_kind(k, &w) == TLS_OK, "%s: encode", name);
        tls_dissect d = {0};
        tls_err e = parse_body(k, w.data, w.len, &d);
        char what[96];
        snprintf(what, sizeof what, "%s body", name);
        if (expect_err(e, TLS_OK, what)) {
            if (w.len)
                check_tiling(&d, 0, w.len, what);
            bool eq = false;
            tls_err re = TLS_ERR_INTERNAL;
            switch (k) {
            case K_CH: {
                static tls_client_hello want;
                sample_client_hello(&want);
                eq = ch_equal(&want, &dec.ch);
                re = tls_client_hello_write(&dec.ch, &w2);
                break;
            }
            case K_SH: {
                static tls_server_hello want;
                sample_server_hello(&want);
                eq = sh_equal(&want, &dec.sh);
                re = tls_server_hello_write(&dec.sh, &w2);
                break;
            }
            case K_CERT: {
                tls_certificate_msg want;
                sample_certificate(&want);
                eq = dec.cert.ncerts == want.ncerts;
                for (size_t i = 0; eq && i < want.ncerts; i++)
                    eq = bytes_same(dec.cert.certs[i], dec.cert.cert_lens[i],
                                    want.certs[i], want.cert_lens[i]);
                re = tls_certificate_write(&dec.cert, &w2);
                break;
            }
            case K_SKE: {
                tls_server_key_exchange want;
                sample_ske(&want);
                const tls_server_key_exchange *g = &dec.ske;
                eq = g->curve_type == 3 && g->group == want.group &&
                     bytes_same(g->point, g->point_len, want.point, want.point_len) &&
                     g->sig_alg == want.sig_alg &&
                     bytes_same(g->sig, g->sig_len, want.sig, want.sig_len) &&
                     g->params == w.data && g->params_len == 4 + sizeof point65;
                re = tls_server_key_exchange_write(g, &w2);
                break;
            }
            case K_SHD:
                eq = true;
                re = tls_server_hello_done_write(&w2);
                break;
            case K_CKE_EC:
                eq = !dec.cke.is_rsa && bytes_same(dec.cke.data, dec.cke.len, point65,
                                                   sizeof point65);
                re = tls_client_key_exchange_write(&dec.cke, &w2);
                break;
            case K_CKE_RSA:
                eq = dec.cke.is_rsa && bytes_same(dec.cke.data, dec.cke.len, rsa_ct,
                                                  sizeof rsa_ct);
                re = tls_client_key_exchange_write(&dec.cke, &w2);
                break;
            case K_CCS:
                eq = true;
                re = tls_change_cipher_spec_write(&w2);
                break;
            case K_FIN: {
                uint8_t want[12];
                fill(want, 12, 0xf0);
                eq = !memcmp(dec.fin.verify_data, want, 12);
                re = tls_finished_write(&dec.fin, &w2);
                break;
            }
            case K_ALERT:
                eq = dec.alert.level == 2 && dec.alert.description == 40;
                re = tls_alert_write(&dec.alert, &w2);
                break;
            case K__N:
                break;
            }
            test_check(eq, "%s: decoded fields equal the encoded ones", name);
            test_check(re == TLS_OK, "%s: re-encode", name);
            test_bytes_eq(w2.data, w2.len, w.data, w.len, "re-encoding gives the same bytes");
        }
        tls_dissect_free(&d);

        /* The whole message too, header included, and its dissection. */
        tls_writer_reset(&w);
        encode_msg(k, &w);
        snprintf(what, sizeof what, "%s message", name);
        if (expect_err(parse_msg(k, w.data, w.len, &d), TLS_OK, what))
            check_tiling(&d, 0, w.len, what);
        tls_dissect_free(&d);
        tls_writer_free(&w);
        tls_writer_free(&w2);
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

static tls_err parse_ch_bytes(const uint8_t *p, size_t n)
{
    tls_dissect d = {0};
    tls_err e = parse_body(K_CH, p, n, &d);
    if (e == TLS_OK)
        check_tiling(&d, 0, n, "ClientHello variant");
    tls_dissect_free(&d);
    return e;
}

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

static void test_client_hello_cases(void)
{
    /* No extensions block at all, and an empty one. */
    expect_err(parse_ch_ext_hex(""), TLS_OK, "no extensions block");
    test_check(!dec.ch.has_extensions && dec.ch.nexts == 0, "has_extensions false");
    expect_err(parse_ch_ext_hex("0000"), TLS_OK, "empty extensions block");
    test_check(dec.ch.has_extensions && dec.ch.nexts == 0, "has_extensions true, none");
    {
        tls_writer w;
        tls_writer_init(&w);
        tls_client_hello_write(&dec.ch, &w);
        char want[512];
        snprintf(want, sizeof want, "%s0000", ch_prefix_hex);
        test_hex_eq(w.data, w.len, want, "empty extensions block re-encodes");
        tls_writer_free(&w);
    }
    expect_err(parse_ch_ext_hex("00"), TLS_ERR_DECODE, "one stray byte for extensions");

    /* Duplicates: "There MUST NOT be more than one extension of the same type." */
    expect_err(parse_ch_ext_hex("0008" "00170000" "00170000"), TLS_ERR_ILLEGAL_PARAMETER,
               "duplicate extended_master_secret");
    expect_err(parse_ch_ext_hex("000a" "1234000100" "ff01000100"), TLS_OK, "distinct ok");
    expect_err(parse_ch_ext_hex("000a" "123400010a" "123400010b"), TLS_ERR_ILLEGAL_PARAMETER,
               "duplicate unknown extension");

    /* Unknown extensions are kept raw and dissected as type + data. */
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

    /* server_name. */
    expect_err(parse_ch_ext_hex("0009" "0000" "0005" "0003" "000000"), TLS_ERR_DECODE,
               "empty host_name");
    expect_err(parse_ch_ext_hex("0006" "0000" "0002" "0000"), TLS_ERR_DECODE,
               "empty server_name_list");
    expect_err(parse_ch_ext_hex("000b" "0000" "0007" "0005" "000002" "6100"),
               TLS_ERR_ILLEGAL_PARAMETER, "NUL inside host_name");
    expect_err(parse_ch_ext_hex("0012" "0000" "000e" "000c" "000003616161" "000003626262"),
               TLS_OK, "two host_names: the first is kept");
    test_str_eq(dec.ch.server_name, "aaa", "first host_name kept");
    expect_err(parse_ch_ext_hex("0012" "0000" "000e" "000c" "070003787878" "000003626262"),
               TLS_OK, "unknown name_type skipped");
    test_str_eq(dec.ch.server_name, "bbb", "host_name after an unknown name_type");
    for (size_t len = 255; len <= 256; len++) {
        tls_writer w;
        tls_writer_init(&w);
        uint8_t pre[64];
        size_t pn = test_unhex(ch_prefix_hex, pre, sizeof pre);
        tls_writer_bytes(&w, pre, pn);
        size_t exts = tls_writer_reserve(&w, 2);
        tls_writer_u16(&w, 0);
        size_t data = tls_writer_reserve(&w, 2);
        size_t list = tls_writer_reserve(&w, 2);
        tls_writer_u8(&w, 0);
        tls_writer_u16(&w, (uint16_t)len);
        for (size_t i = 0; i < len; i++)
            tls_writer_u8(&w, 'a' + i % 26);
        tls_writer_patch(&w, list, 2);
        tls_writer_patch(&w, data, 2);
        tls_writer_patch(&w, exts, 2);
        tls_err e = parse_ch_bytes(w.data, w.len);
        if (len == 255) {
            expect_err(e, TLS_OK, "255-byte host_name");
            test_check(strlen(dec.ch.server_name) == 255, "255-byte host_name kept");
        } else {
            expect_err(e, TLS_ERR_DECODE, "256-byte host_name");
        }
        tls_writer_free(&w);
    }

    /* Lists with bad bounds. */
    expect_err(parse_ch_ext_hex("0007" "000a" "0003" "0001" "17"), TLS_ERR_DECODE,
               "odd supported_groups list");
    expect_err(parse_ch_ext_hex("0006" "000a" "0002" "0000"), TLS_ERR_DECODE,
               "empty supported_groups list");
    expect_err(parse_ch_ext_hex("0006" "000d" "0002" "0000"), TLS_ERR_DECODE,
               "empty signature_algorithms list");
    expect_err(parse_ch_ext_hex("0007" "000d" "0003" "0001" "04"), TLS_ERR_DECODE,
               "odd signature_algorithms list");
    expect_err(parse_ch_ext_hex("0005" "000b" "0001" "00"), TLS_ERR_DECODE,
               "empty ec_point_format_list");
    expect_err(parse_ch_ext_hex("0005" "0017" "0001" "00"), TLS_ERR_DECODE,
               "non-empty extended_master_secret");
    expect_err(parse_ch_ext_hex("0006" "ff01" "0002" "01" "aa"), TLS_ERR_HANDSHAKE_FAILURE,
               "non-empty renegotiated_connection");
    expect_err(parse_ch_ext_hex("0004" "ff01" "0000"), TLS_ERR_DECODE,
               "renegotiation_info without its length byte");
    {
        uint8_t in[64];
        char hex[256];
        size_t n;
        snprintf(hex, sizeof hex, "0303%064x" "00" "0000" "0100", 0);
        n = test_unhex(hex, in, sizeof in);
        expect_err(parse_ch_bytes(in, n), TLS_ERR_DECODE, "empty cipher_suites");
        snprintf(hex, sizeof hex, "0303%064x" "00" "0002c02f" "00", 0);
        n = test_unhex(hex, in, sizeof in);
        expect_err(parse_ch_bytes(in, n), TLS_ERR_DECODE, "empty compression_methods");
        snprintf(hex, sizeof hex, "0303%064x" "00" "0003c02f00" "0100", 0);
        n = test_unhex(hex, in, sizeof in);
        expect_err(parse_ch_bytes(in, n), TLS_ERR_DECODE, "odd cipher_suites");
    }

    /* More entries than we keep: parsed, dissected, not stored. */
    {
        tls_writer w;
        tls_writer_init(&w);
        tls_writer_u16(&w, 0x0303);
        for (int i = 0; i < 32; i++)
            tls_writer_u8(&w, 0);
        tls_writer_u8(&w, 0);
        size_t m = tls_writer_reserve(&w, 2);
        for (unsigned i = 0; i < 130; i++)
            tls_writer_u16(&w, (uint16_t)(0x1000 + i));
        tls_writer_patch(&w, m, 2);
        tls_writer_u8(&w, 1);
        tls_writer_u8(&w, 0);
        size_t exts = tls_writer_reserve(&w, 2);
        tls_writer_u16(&w, 10); /* supported_groups with 40 entries */
        size_t ext = tls_writer_reserve(&w, 2);
        m = tls_writer_reserve(&w, 2);
        for (unsigned i = 0; i < 40; i++)
            tls_writer_u16(&w, (uint16_t)(0x0100 + i));
        tls_writer_patch(&w, m, 2);
        tls_writer_patch(&w, ext, 2);
        for (unsigned i = 0; i < 40; i++) { /* 40 distinct unknown extensions */
            tls_writer_u16(&w, (uint16_t)(0x7000 + i));
            tls_writer_u16(&w, 1);
            tls_writer_u8(&w, (uint8_t)i);
        }
        tls_writer_patch(&w, exts, 2);
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
}

/* ------------------------------------------------- other messages' cases */

static tls_err parse_hex(kind k, const char *hex)
{
    uint8_t in[1024];
    size_t n = test_unhex(hex, in, sizeof in);
    if (n == (size_t)-1)
        return TLS_ERR_INTERNAL;
    tls_dissect d = {0};
    tls_err e = parse_body(k, in, n, &d);
    if (e == TLS_OK && n)
        check_tiling(&d, 0, n, kind_names[k]);
    tls_dissect_free(&d);
    return e;
}

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
    test_truncations();
    test_mutations();
    test_lying_lengths();
    test_client_hello_cases();
    test_server_hello_cases();
    test_certificate_cases();
    test_ske_cases();
    test_ske_dhe();
    test_small_messages();
    test_header_and_names();
    return test_finish();
}
