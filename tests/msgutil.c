/* What the message tests share (msgutil.h): the dissection checks, the
 * sample messages and their bytes built by hand, and one interface to encode
 * and parse every kind. */
#include "msgutil.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

/*
 * A dissection is complete and nested when:
 *  - the leaves (fields without children) of non-zero length tile
 *    [base, base + len) in order, without gap or overlap;
 *  - the direct children of every parent tile that parent exactly;
 *  - depth grows by at most one from a field to the next.
 * Returns false and explains in \p why (quietly: the caller reports).
 */
bool tiles(const tls_dissect *d, size_t base, size_t len, char *why, size_t whylen)
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

bool check_tiling(const tls_dissect *d, size_t base, size_t len,
                         const char *what)
{
    char why[256] = "";
    bool ok = tiles(d, base, len, why, sizeof why);
    return test_check(ok, "%s: leaves tile the bytes%s%s", what, ok ? "" : ": ", why);
}

/* The first field named \p name at \p offset, or NULL. */
const tls_field *field_at(const tls_dissect *d, const char *name, size_t offset)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->fields[i].name, name) == 0 && d->fields[i].offset == offset)
            return &d->fields[i];
    return NULL;
}

/* The \p k-th field named \p name (0-based), or NULL. */
const tls_field *field_nth(const tls_dissect *d, const char *name, size_t k)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->fields[i].name, name) == 0 && k-- == 0)
            return &d->fields[i];
    return NULL;
}

size_t count_named(const tls_dissect *d, const char *name)
{
    size_t c = 0;
    for (size_t i = 0; i < d->n; i++)
        c += strcmp(d->fields[i].name, name) == 0;
    return c;
}

void check_value_has(const tls_field *f, const char *needle, const char *what)
{
    if (!test_check(f != NULL, "%s: field present", what))
        return;
    if (!test_check(f->value && strstr(f->value, needle), "%s: value contains \"%s\"",
                    what, needle))
        printf("  value: %s\n", f->value ? f->value : "(null)");
}

const char *err_name(tls_err e) { return tls_err_name(e); }

bool expect_err(tls_err got, tls_err want, const char *what)
{
    return test_check(got == want, "%s: got %s, want %s", what, err_name(got), err_name(want));
}

/* ----------------------------------------------------------- fixtures */

uint8_t cert_a[300], cert_b[5], point65[65], sig256[256], rsa_ct[256];

void fill(uint8_t *p, size_t n, uint8_t start)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(start + i);
}

void fixtures(void)
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
void sample_client_hello(tls_client_hello *m)
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
const char *const client_hello_hex =
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

void sample_server_hello(tls_server_hello *m)
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
const char *const server_hello_hex =
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

void sample_certificate(tls_certificate_msg *m)
{
    memset(m, 0, sizeof *m);
    m->certs[0] = cert_a;
    m->cert_lens[0] = sizeof cert_a;
    m->certs[1] = cert_b;
    m->cert_lens[1] = sizeof cert_b;
    m->ncerts = 2;
}

void sample_ske(tls_server_key_exchange *m)
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

const char *const kind_names[K__N] = {
    "ClientHello", "ServerHello", "Certificate", "ServerKeyExchange",
    "ServerHelloDone", "ClientKeyExchange(ECDHE)", "ClientKeyExchange(RSA)",
    "ChangeCipherSpec", "Finished", "Alert"};

const int kind_hs[K__N] = {1, 2, 11, 12, 14, 16, 16, -1, 20, -1};

msg_decoded dec;

tls_err encode_kind(kind k, tls_writer *w)
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
tls_err parse_body(kind k, const uint8_t *p, size_t n, tls_dissect *d)
{
    tls_reader r;
    tls_reader_init(&r, p, n, d, 0);
    return parse_kind(k, &r);
}

/* Parse a whole message: header + body for handshake messages, the body
 * for ChangeCipherSpec and Alert (they are records of their own type). */
tls_err parse_msg(kind k, const uint8_t *p, size_t n, tls_dissect *d)
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
void encode_msg(kind k, tls_writer *w)
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

bool ch_equal(const tls_client_hello *a, const tls_client_hello *b)
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

bool sh_equal(const tls_server_hello *a, const tls_server_hello *b)
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

bool bytes_same(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

/* ------------------------------------------------------- parsing variants */

tls_err parse_ch_bytes(const uint8_t *p, size_t n)
{
    tls_dissect d = {0};
    tls_err e = parse_body(K_CH, p, n, &d);
    if (e == TLS_OK)
        check_tiling(&d, 0, n, "ClientHello variant");
    tls_dissect_free(&d);
    return e;
}

tls_err parse_hex(kind k, const char *hex)
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
