/* What every handshake message shares: the 4-byte header, names for the
 * numbers on the wire, and the pieces both hellos are built from (Random,
 * SessionID, the extensions block).  See include/tlssim/msg.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "msg_internal.h"
#include "tlssim/event.h"
#include "tlssim/suites.h"

/* ------------------------------------------------------------ header */

/*
 * RFC 5246 §7.4:
 *
 *   struct {
 *       HandshakeType msg_type;    -- handshake type
 *       uint24 length;             -- bytes in message
 *       select (HandshakeType) { ... } body;
 *   } Handshake;
 *
 * The length is known before the body is written only by the caller (the
 * engine encodes the body first, then wraps it), so it is a parameter.
 */
void tls_msg_header_write(tls_writer *w, uint8_t hs_type, size_t body_len)
{
    /* A body that does not fit in 24 bits cannot be framed: fail the writer
     * like an overlong length-prefixed block does, instead of truncating. */
    if (body_len > 0xffffffu) {
        if (w->err == TLS_OK)
            w->err = TLS_ERR_INTERNAL;
        return;
    }
    tls_writer_u8(w, hs_type);
    tls_writer_u24(w, (uint32_t)body_len);
}

tls_err tls_msg_header_parse(tls_reader *r, uint8_t *type, tls_reader *body)
{
    uint32_t len;
    tls_err e = tls_reader_u8(r, "msg_type", type);
    if (e != TLS_OK)
        return e;
    const char *name = tls_hs_type_name(*type);
    if (name)
        tls_reader_annotate(r, "%s", name);
    else
        tls_reader_annotate_text(r, TLS_TEXT_FIELD_UNKNOWN, NULL);
    if ((e = tls_reader_u24(r, "length", &len)) != TLS_OK)
        return e;
    /* The body is a parent field named after the message, so a dissection
     * reads "ClientHello > client_version ...", the way Wireshark shows it. */
    return tls_reader_open_fixed(r, name ? name : "body", len, body);
}

tls_read_result tls_msg_frame(const uint8_t *p, size_t n, size_t *msg_len)
{
    return tls_stream_frame(p, n, TLS_HANDSHAKE_HEADER, 3, TLS_MAX_HANDSHAKE_MESSAGE, msg_len);
}

tls_read_result tls_msg_each(tls_writer *hs, const uint8_t *p, size_t n, tls_msg_fn fn,
                             void *ctx)
{
    tls_writer_bytes(hs, p, n);
    if (tls_writer_error(hs) != TLS_OK)
        return TLS_READ_OVERSIZE;
    size_t at = 0, len;
    tls_read_result res;
    while ((res = tls_msg_frame(hs->data + at, hs->len - at, &len)) == TLS_READ_OK) {
        tls_reader r, body;
        uint8_t type;
        tls_reader_init(&r, hs->data + at, len, NULL, 0);
        if (tls_msg_header_parse(&r, &type, &body) == TLS_OK)
            fn(ctx, type, &body);
        at += len;
    }
    tls_writer_consume(hs, at);
    return res;
}

const char *tls_hs_type_name(uint8_t type)
{
    switch (type) {
    case TLS_HS_HELLO_REQUEST: return "HelloRequest";
    case TLS_HS_CLIENT_HELLO: return "ClientHello";
    case TLS_HS_SERVER_HELLO: return "ServerHello";
    case 4: return "NewSessionTicket";          /* RFC 5077 */
    case TLS_HS_CERTIFICATE: return "Certificate";
    case TLS_HS_SERVER_KEY_EXCHANGE: return "ServerKeyExchange";
    case TLS_HS_CERTIFICATE_REQUEST: return "CertificateRequest";
    case TLS_HS_SERVER_HELLO_DONE: return "ServerHelloDone";
    case TLS_HS_CERTIFICATE_VERIFY: return "CertificateVerify";
    case TLS_HS_CLIENT_KEY_EXCHANGE: return "ClientKeyExchange";
    case TLS_HS_FINISHED: return "Finished";
    case 22: return "CertificateStatus";        /* RFC 6066 §8 */
    }
    return NULL;
}

const char *tls_content_type_name(uint8_t type)
{
    switch (type) {
    case TLS_CT_CHANGE_CIPHER_SPEC: return "change_cipher_spec";
    case TLS_CT_ALERT: return "alert";
    case TLS_CT_HANDSHAKE: return "handshake";
    case TLS_CT_APPLICATION_DATA: return "application_data";
    }
    return NULL;
}

/* ------------------------------------------------------------- names */

const char *msg_version_name(uint16_t version)
{
    switch (version) {
    case 0x0300: return "SSL 3.0";
    case 0x0301: return "TLS 1.0";
    case 0x0302: return "TLS 1.1";
    case 0x0303: return "TLS 1.2";
    case 0x0304: return "TLS 1.3";
    }
    return "unknown";
}

bool tls_grease(uint16_t value)
{
    return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
}

bool tls_extension_implemented(uint16_t type)
{
    switch (type) {
    case TLS_EXT_SERVER_NAME:
    case TLS_EXT_SUPPORTED_GROUPS:
    case TLS_EXT_EC_POINT_FORMATS:
    case TLS_EXT_SIGNATURE_ALGORITHMS:
    case TLS_EXT_ENCRYPT_THEN_MAC:
    case TLS_EXT_EXTENDED_MASTER_SECRET:
    case TLS_EXT_SESSION_TICKET:
    case TLS_EXT_RENEGOTIATION_INFO:
        return true;
    }
    return false;
}

void msg_annotate_name(tls_reader *r, uint16_t value, const char *name)
{
    if (name)
        tls_reader_annotate(r, "%s", name);
    else if (tls_grease(value))
        tls_reader_annotate(r, "GREASE (RFC 8701)");
    else
        tls_reader_annotate_text(r, TLS_TEXT_FIELD_UNKNOWN, NULL);
}

/* ----------------------------------------------------------- reading */

tls_err msg_peek_block(const tls_reader *r, size_t skip, int prefix_len,
                       size_t *total)
{
    /* A copy that records nothing: the real reader is not moved. */
    tls_reader p = *r;
    p.dissect = NULL;
    const uint8_t *ignored;
    uint32_t n = 0;
    uint8_t n8;
    uint16_t n16;
    tls_err e = tls_reader_bytes(&p, NULL, skip, &ignored);
    if (e != TLS_OK)
        return e;
    switch (prefix_len) {
    case 1:
        e = tls_reader_u8(&p, NULL, &n8);
        n = n8;
        break;
    case 2:
        e = tls_reader_u16(&p, NULL, &n16);
        n = n16;
        break;
    case 3:
        e = tls_reader_u24(&p, NULL, &n);
        break;
    default:
        return TLS_ERR_INTERNAL;
    }
    if (e == TLS_OK)
        e = tls_reader_bytes(&p, NULL, n, &ignored);
    if (e == TLS_OK)
        *total = skip + (size_t)prefix_len + n;
    return e;
}

/*
 * RFC 5246 §7.4.1.2:
 *
 *   struct {
 *       uint32 gmt_unix_time;
 *       opaque random_bytes[28];
 *   } Random;
 *
 * The time was meant to keep randoms unique even with a weak generator; it
 * also fingerprints clocks, so modern stacks (and TLS 1.3) fill all 32 bytes
 * at random.  Shown split anyway, because that is the structure on paper.
 */
tls_err msg_read_random(tls_reader *r, uint8_t out[32])
{
    tls_reader sub;
    tls_err e = tls_reader_open_fixed(r, "random", 32, &sub);
    if (e != TLS_OK)
        return e;
    if ((e = tls_reader_copy(&sub, "gmt_unix_time", out, 4)) != TLS_OK)
        return e;
    if (sub.dissect) {
        time_t t = (time_t)(((uint32_t)out[0] << 24) | ((uint32_t)out[1] << 16) |
                            ((uint32_t)out[2] << 8) | out[3]);
        struct tm tm;
        char when[32] = "?";
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
        tls_reader_annotate_text(&sub, TLS_TEXT_FIELD_GMT_UNIX_TIME,
                                 TLS_ARGS(TLS_ARG_S("when", when)));
    }
    if ((e = tls_reader_copy(&sub, "random_bytes", out + 4, 28)) != TLS_OK)
        return e;
    return tls_reader_close(&sub);
}

/* opaque SessionID<0..32>; (RFC 5246 §7.4.1.2) */
tls_err msg_read_session_id(tls_reader *r, uint8_t out[32], size_t *len)
{
    uint8_t n;
    tls_err e = tls_reader_u8(r, "session_id.length", &n);
    if (e != TLS_OK)
        return e;
    /* The bound is part of the syntax: a 33-byte session id is malformed. */
    if (n > 32)
        return TLS_ERR_DECODE;
    if ((e = tls_reader_copy(r, "session_id", out, n)) != TLS_OK)
        return e;
    if (n == 0)
        tls_reader_annotate_text(r, TLS_TEXT_FIELD_SESSION_ID_EMPTY, NULL);
    *len = n;
    return TLS_OK;
}

/*
 * RFC 8422 §5.4:
 *
 *   struct {
 *       opaque point <1..2^8-1>;
 *   } ECPoint;
 */
tls_err msg_read_ec_point(tls_reader *r, const char *name,
                          const uint8_t **point, size_t *len)
{
    size_t total;
    tls_reader sub;
    uint8_t n;
    tls_err e = msg_peek_block(r, 0, 1, &total);
    if (e == TLS_OK)
        e = tls_reader_open_fixed(r, name, total, &sub);
    if (e == TLS_OK)
        e = tls_reader_u8(&sub, "point.length", &n);
    if (e != TLS_OK)
        return e;
    if (n == 0)
        return TLS_ERR_DECODE;
    if ((e = tls_reader_bytes(&sub, "point", n, point)) != TLS_OK)
        return e;
    /* Uncompressed NIST points are 0x04 || X || Y; X25519 keys are 32 raw
     * bytes (RFC 8422 §5.4.1). */
    *len = n;
    return tls_reader_close(&sub);
}

/* An extension's extension_data: parsed by \p h into a subtree when we
 * understand it (NULL: kept raw, one leaf of opaque bytes); \p data and
 * \p len are its bytes either way. */
static tls_err read_extension_data(tls_reader *ext, const msg_ext_handler *h, void *ctx,
                                   const uint8_t **data, size_t *len)
{
    tls_err e;
    if (!h) {
        uint16_t n;
        if ((e = tls_reader_u16(ext, "extension_data.length", &n)) != TLS_OK ||
            (e = tls_reader_bytes(ext, "extension_data", n, data)) != TLS_OK)
            return e;
        *len = n;
        return TLS_OK;
    }
    tls_reader body;
    if ((e = tls_reader_open(ext, "extension_data", 2, &body)) != TLS_OK)
        return e;
    *data = tls_reader_ptr(&body);
    *len = tls_reader_left(&body);
    if ((e = h->parse(ctx, &body)) != TLS_OK)
        return e;
    /* The inner list must end exactly where extension_data ends. */
    return tls_reader_close(&body);
}

/*
 * RFC 5246 §7.4.1.4:
 *
 *   struct {
 *       ExtensionType extension_type;
 *       opaque extension_data<0..2^16-1>;
 *   } Extension;
 *
 *   select (extensions_present) {
 *       case false: struct {};
 *       case true:  Extension extensions<0..2^16-1>;
 *   };
 *
 * "extensions_present" is not a flag on the wire: the block is there when
 * bytes follow the fixed fields (that is how SSL 3.0-era hellos stay valid).
 */
/* One bit per possible extension type, in 256 pages of 256 bits each zeroed
 * when first used: "There MUST NOT be more than one extension of the same
 * type" holds for every extension, stored or not, and zeroing all 8 KiB for
 * every hello cost more than reading a hello's few extensions. */
typedef struct ext_seen_set {
    uint8_t used[256 / 8];
    uint8_t bits[256][256 / 8];
} ext_seen_set;

/* Whether \p type was seen already; it is from now on. */
static bool ext_seen_before(ext_seen_set *s, uint16_t type)
{
    unsigned page = type >> 8, bit = type & 255;
    if (!(s->used[page / 8] & (1u << (page % 8)))) {
        memset(s->bits[page], 0, sizeof s->bits[page]);
        s->used[page / 8] |= (uint8_t)(1u << (page % 8));
    }
    bool seen = s->bits[page][bit / 8] & (1u << (bit % 8));
    s->bits[page][bit / 8] |= (uint8_t)(1u << (bit % 8));
    return seen;
}

tls_err msg_read_extensions(tls_reader *r, const msg_ext_handler *handlers,
                            size_t nhandlers, void *ctx, bool *has_extensions,
                            tls_ext_seen *exts, size_t *nexts, size_t *count)
{
    *has_extensions = false;
    *nexts = 0;
    *count = 0;
    if (tls_reader_left(r) == 0)
        return TLS_OK;
    *has_extensions = true;

    tls_reader list;
    tls_err e = tls_reader_open(r, "extensions", 2, &list);
    if (e != TLS_OK)
        return e;
    ext_seen_set seen;
    memset(seen.used, 0, sizeof seen.used);

    while (tls_reader_left(&list) > 0) {
        size_t total;
        if ((e = msg_peek_block(&list, 2, 2, &total)) != TLS_OK)
            return e;
        size_t idx = list.dissect ? list.dissect->n : 0;
        tls_reader ext;
        if ((e = tls_reader_open_fixed(&list, "extension", total, &ext)) != TLS_OK)
            return e;
        bool have_parent = list.dissect && list.dissect->n == idx + 1;

        uint16_t type;
        if ((e = tls_reader_u16(&ext, "extension_type", &type)) != TLS_OK)
            return e;
        const char *name = tls_extension_name(type);
        msg_annotate_name(&ext, type, name);
        if (have_parent) { /* name the parent ("N bytes") too, so a folded tree still says it */
            const char *shown = name ? name : "unknown";
            tls_dissect_append(list.dissect, idx, " [", shown, strlen(shown), "]");
        }

        const msg_ext_handler *h = NULL;
        for (size_t i = 0; i < nhandlers; i++)
            if (handlers[i].type == type)
                h = &handlers[i];

        const uint8_t *data_ptr;
        size_t data_len;
        if ((e = read_extension_data(&ext, h, ctx, &data_ptr, &data_len)) != TLS_OK ||
            (e = tls_reader_close(&ext)) != TLS_OK)
            return e;

        if (ext_seen_before(&seen, type))
            return TLS_ERR_ILLEGAL_PARAMETER;
        (*count)++;
        if (*nexts < TLS_MAX_EXTENSIONS) {
            exts[*nexts].type = type;
            exts[*nexts].data = data_ptr;
            exts[*nexts].len = data_len;
            (*nexts)++;
        }
    }
    return tls_reader_close(&list);
}

static const char *point_format_name(uint8_t f)
{
    switch (f) {
    case 0: return "uncompressed";
    case 1: return "ansiX962_compressed_prime";
    case 2: return "ansiX962_compressed_char2";
    }
    return NULL;
}

/*
 * RFC 8422 §5.1.2:
 *
 *   enum {
 *       uncompressed (0),
 *       deprecated (1..2),
 *       reserved (248..255)
 *   } ECPointFormat;
 *   struct {
 *       ECPointFormat ec_point_format_list<1..2^8-1>
 *   } ECPointFormatList;
 */
tls_err msg_read_point_formats(tls_reader *data, uint8_t *out, size_t max,
                               size_t *n)
{
    tls_reader list;
    tls_err e = tls_reader_open(data, "ec_point_format_list", 1, &list);
    if (e != TLS_OK)
        return e;
    if (tls_reader_left(&list) == 0)
        return TLS_ERR_DECODE;
    *n = 0;
    while (tls_reader_left(&list) > 0) {
        uint8_t f;
        if ((e = tls_reader_u8(&list, "ec_point_format", &f)) != TLS_OK)
            return e;
        msg_annotate_name(&list, f, point_format_name(f));
        if (*n < max)
            out[(*n)++] = f;
    }
    return tls_reader_close(&list);
}

tls_err msg_read_sigalg_items(tls_reader *list, uint16_t *out, size_t max, size_t *n)
{
    while (tls_reader_left(list) > 0) {
        uint16_t s;
        tls_err e = tls_reader_u16(list, "signature_algorithm", &s);
        if (e != TLS_OK)
            return e;
        msg_annotate_name(list, s, tls_sigscheme_name(s));
        if (*n < max)
            out[(*n)++] = s;
    }
    return tls_reader_close(list);
}

void msg_write_digitally_signed(tls_writer *w, uint16_t sig_alg, const uint8_t *sig,
                                size_t sig_len)
{
    tls_writer_u16(w, sig_alg);
    size_t at = tls_writer_reserve(w, 2);
    tls_writer_bytes(w, sig, sig_len);
    tls_writer_patch(w, at, 2);
}

tls_err msg_read_digitally_signed(tls_reader *r, tls_text_id note, uint16_t *sig_alg,
                                  const uint8_t **sig, size_t *sig_len)
{
    tls_err e = tls_reader_u16(r, "algorithm", sig_alg);
    if (e != TLS_OK)
        return e;
    msg_annotate_name(r, *sig_alg, tls_sigscheme_name(*sig_alg));
    uint16_t n;
    if ((e = tls_reader_u16(r, "signature.length", &n)) != TLS_OK)
        return e;
    *sig = tls_reader_ptr(r);
    *sig_len = n;
    /* ECDSA(3) signatures are DER: shown field by field. */
    if ((*sig_alg & 0xff) == 3)
        return msg_read_ecdsa_sig(r, n, note);
    if ((e = tls_reader_bytes(r, "signature", n, sig)) != TLS_OK)
        return e;
    /* A PSS signature is as opaque as a PKCS#1 v1.5 one, but its padding
     * hides a salt: say so, with the hash MGF1 uses and the salt length
     * (RFC 8446 §4.2.3: the hash's length). */
    const tls_sigalg_info *pss = tls_sigalg_by_id(*sig_alg);
    if (pss && pss->pss) {
        tls_reader_annotate_text(
            r, TLS_TEXT_FIELD_PSS_SIGNATURE,
            TLS_ARGS(TLS_ARG_T("over", tls_text_template(note)),
                     TLS_ARG_S("hash", tls_hash_name(pss->hash)),
                     TLS_ARG_U("salt", tls_hash_len(pss->hash))));
        return TLS_OK;
    }
    tls_reader_annotate_text(r, note, NULL);
    return TLS_OK;
}

/* RFC 7627 §5.1: 'The "extension_data" field of this extension SHALL be
 * empty.'  The flag alone says "derive the master secret from the session
 * hash". */
static tls_err read_empty_ext(tls_reader *data, tls_text_id note)
{
    if (tls_reader_left(data) == 0) {
        /* The last field recorded is this empty extension_data. */
        tls_reader_annotate_text(data, note, NULL);
        return TLS_OK;
    }
    /* Dissect the stray bytes before refusing them, so they can be seen. */
    const uint8_t *ignored;
    tls_reader_bytes(data, "unexpected_data", tls_reader_left(data), &ignored);
    return TLS_ERR_DECODE;
}

tls_err msg_read_ems(tls_reader *data)
{
    return read_empty_ext(data, TLS_TEXT_FIELD_EMS_EMPTY);
}

/* RFC 7366 §2: 'The "extension_data" field of this extension SHALL be
 * empty.'  Offered, it asks for encrypt-then-MAC; answered, it agrees (for
 * a CBC suite only). */
tls_err msg_read_etm(tls_reader *data)
{
    return read_empty_ext(data, TLS_TEXT_FIELD_ETM_EMPTY);
}

/*
 * RFC 5746 §3.2:
 *
 *   struct {
 *       opaque renegotiated_connection<0..255>;
 *   } RenegotiationInfo;
 *
 * tlssim never renegotiates, so only the initial-handshake form exists: an
 * empty renegotiated_connection.  The decoder enforces that (RFC 5746 §3.4
 * for the client, §3.6 for the server: anything else "MUST abort the
 * handshake" with handshake_failure), after dissecting it, so that the
 * engine only has to look at has_reneg_info.
 */
tls_err msg_read_reneg_info(tls_reader *data)
{
    uint8_t n;
    const uint8_t *ignored;
    tls_err e = tls_reader_u8(data, "renegotiated_connection.length", &n);
    if (e == TLS_OK)
        e = tls_reader_bytes(data, "renegotiated_connection", n, &ignored);
    if (e == TLS_OK)
        e = tls_reader_close(data);
    if (e != TLS_OK)
        return e;
    if (n == 0) {
        tls_reader_annotate_text(data, TLS_TEXT_FIELD_RENEG_EMPTY, NULL);
        return TLS_OK;
    }
    tls_reader_annotate_text(data, TLS_TEXT_FIELD_RENEG_NOT_EMPTY, NULL);
    return TLS_ERR_HANDSHAKE_FAILURE;
}

/* ----------------------------------------------------------- writing */

size_t msg_ext_begin(tls_writer *w, uint16_t type)
{
    tls_writer_u16(w, type);
    return tls_writer_reserve(w, 2);
}

void msg_ext_end(tls_writer *w, size_t mark) { tls_writer_patch(w, mark, 2); }

tls_err msg_write_session_id(tls_writer *w, const uint8_t *id, size_t len)
{
    if (len > 32)
        return TLS_ERR_INTERNAL;
    tls_writer_u8(w, (uint8_t)len);
    tls_writer_bytes(w, id, len);
    return tls_writer_error(w);
}

tls_err msg_write_point_formats_ext(tls_writer *w, const uint8_t *formats,
                                    size_t n)
{
    if (n > TLS_MAX_POINT_FORMATS)
        return TLS_ERR_INTERNAL;
    size_t ext = msg_ext_begin(w, TLS_EXT_EC_POINT_FORMATS);
    size_t list = tls_writer_reserve(w, 1);
    tls_writer_bytes(w, formats, n);
    tls_writer_patch(w, list, 1);
    msg_ext_end(w, ext);
    return tls_writer_error(w);
}

tls_err msg_write_ec_point(tls_writer *w, const uint8_t *point, size_t len)
{
    if (len > 255)
        return TLS_ERR_INTERNAL;
    tls_writer_u8(w, (uint8_t)len);
    tls_writer_bytes(w, point, len);
    return tls_writer_error(w);
}

tls_err msg_write_dh_int(tls_writer *w, const uint8_t *p, size_t len)
{
    if (len == 0 || len > 0xffff)
        return TLS_ERR_INTERNAL;
    tls_writer_u16(w, (uint16_t)len);
    tls_writer_bytes(w, p, len);
    return tls_writer_error(w);
}

tls_err msg_read_dh_int(tls_reader *r, const char *name, const char *len_name,
                        const uint8_t **p, size_t *len)
{
    uint16_t n;
    tls_err e = tls_reader_u16(r, len_name, &n);
    if (e == TLS_OK && n == 0)
        e = TLS_ERR_DECODE;
    if (e == TLS_OK)
        e = tls_reader_bytes(r, name, n, p);
    if (e == TLS_OK)
        *len = n;
    return e;
}

size_t tls_dh_int_bits(const uint8_t *p, size_t len)
{
    while (len && *p == 0)
        p++, len--;
    if (!len)
        return 0;
    size_t bits = 8 * (len - 1);
    for (uint8_t top = *p; top; top >>= 1)
        bits++;
    return bits;
}
