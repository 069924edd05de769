/* ClientHello: the client's opening offer.  See include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"
#include "tlssim/suites.h"

/*
 * RFC 5246 §7.4.1.2:
 *
 *   struct {
 *       ProtocolVersion client_version;
 *       Random random;
 *       SessionID session_id;
 *       CipherSuite cipher_suites<2..2^16-2>;
 *       CompressionMethod compression_methods<1..2^8-1>;
 *       select (extensions_present) {
 *           case false:
 *               struct {};
 *           case true:
 *               Extension extensions<0..2^16-1>;
 *       };
 *   } ClientHello;
 *
 * Extensions we build and interpret (their structs are quoted at each
 * parser below): server_name (RFC 6066 §3), supported_groups and
 * ec_point_formats (RFC 8422 §5.1), signature_algorithms (RFC 5246
 * §7.4.1.4.1), encrypt_then_mac (RFC 7366), extended_master_secret (RFC
 * 7627), renegotiation_info (RFC 5746), SessionTicket (RFC 5077 §3.2).
 */

/* ------------------------------------------------------------ encoder */

/* The encoder writes exactly what the struct holds, in a fixed extension
 * order, so the same struct always gives the same bytes.  It does not
 * enforce the wire's lower bounds (an empty cipher_suites list is written
 * as such): a scenario may want to send a malformed hello on purpose, and
 * the receiver's decoder is where the RFC's bounds are checked.  Only what
 * would overrun our own arrays is refused, as an internal error. */
tls_err tls_client_hello_write(const tls_client_hello *m, tls_writer *w)
{
    if (m->nsuites > TLS_MAX_SUITES || m->ncompressions > TLS_MAX_COMPRESSIONS ||
        m->ngroups > TLS_MAX_GROUPS || m->nsigalgs > TLS_MAX_SIGALGS ||
        m->npoint_formats > TLS_MAX_POINT_FORMATS || m->session_id_len > 32)
        return TLS_ERR_INTERNAL;
    size_t host_len = 0;
    if (m->has_extensions && m->has_server_name) {
        host_len = strnlen(m->server_name, sizeof m->server_name);
        if (host_len > TLS_MAX_HOSTNAME)
            return TLS_ERR_INTERNAL; /* not NUL-terminated */
    }

    tls_writer_u16(w, m->version);
    tls_writer_bytes(w, m->random, 32);
    msg_write_session_id(w, m->session_id, m->session_id_len);

    size_t mark = tls_writer_reserve(w, 2);
    for (size_t i = 0; i < m->nsuites; i++)
        tls_writer_u16(w, m->suites[i]);
    tls_writer_patch(w, mark, 2);

    mark = tls_writer_reserve(w, 1);
    tls_writer_bytes(w, m->compressions, m->ncompressions);
    tls_writer_patch(w, mark, 1);

    if (!m->has_extensions)
        return tls_writer_error(w);

    size_t exts = tls_writer_reserve(w, 2);
    if (m->has_server_name) {
        /* One host_name entry: RFC 6066 allows only one name per type. */
        size_t ext = msg_ext_begin(w, TLS_EXT_SERVER_NAME);
        size_t list = tls_writer_reserve(w, 2);
        tls_writer_u8(w, 0); /* name_type host_name */
        size_t name = tls_writer_reserve(w, 2);
        tls_writer_bytes(w, (const uint8_t *)m->server_name, host_len);
        tls_writer_patch(w, name, 2);
        tls_writer_patch(w, list, 2);
        msg_ext_end(w, ext);
    }
    if (m->has_groups) {
        size_t ext = msg_ext_begin(w, TLS_EXT_SUPPORTED_GROUPS);
        size_t list = tls_writer_reserve(w, 2);
        for (size_t i = 0; i < m->ngroups; i++)
            tls_writer_u16(w, m->groups[i]);
        tls_writer_patch(w, list, 2);
        msg_ext_end(w, ext);
    }
    if (m->has_point_formats)
        msg_write_point_formats_ext(w, m->point_formats, m->npoint_formats);
    if (m->has_sigalgs) {
        size_t ext = msg_ext_begin(w, TLS_EXT_SIGNATURE_ALGORITHMS);
        size_t list = tls_writer_reserve(w, 2);
        for (size_t i = 0; i < m->nsigalgs; i++)
            tls_writer_u16(w, m->sigalgs[i]);
        tls_writer_patch(w, list, 2);
        msg_ext_end(w, ext);
    }
    if (m->has_ticket_ext) {
        /* The extension_data is the ticket itself, without a length of its
         * own (RFC 5077 §3.2): empty asks for one. */
        size_t ext = msg_ext_begin(w, TLS_EXT_SESSION_TICKET);
        tls_writer_bytes(w, m->ticket, m->ticket_len);
        msg_ext_end(w, ext);
    }
    if (m->has_etm)
        msg_ext_end(w, msg_ext_begin(w, TLS_EXT_ENCRYPT_THEN_MAC));
    if (m->has_ems)
        msg_ext_end(w, msg_ext_begin(w, TLS_EXT_EXTENDED_MASTER_SECRET));
    if (m->has_reneg_info) {
        /* Initial handshake: an empty renegotiated_connection. */
        size_t ext = msg_ext_begin(w, TLS_EXT_RENEGOTIATION_INFO);
        tls_writer_u8(w, 0);
        msg_ext_end(w, ext);
    }
    tls_writer_patch(w, exts, 2);
    return tls_writer_error(w);
}

/* ------------------------------------------------- extension decoders */

/* Show a host name as text, with anything unprintable escaped: the name
 * came from the network and is displayed in a terminal. */
static void annotate_host_name(tls_reader *r, const uint8_t *p, size_t n)
{
    char text[4 * TLS_MAX_HOSTNAME + 1];
    tls_text_escape((const char *)p, n < TLS_MAX_HOSTNAME ? n : TLS_MAX_HOSTNAME, text,
                    sizeof text);
    tls_reader_annotate(r, "\"%s\"", text);
}

/*
 * RFC 6066 §3:
 *
 *   struct {
 *       NameType name_type;
 *       select (name_type) {
 *           case host_name: HostName;
 *       } name;
 *   } ServerName;
 *
 *   enum {
 *       host_name(0), (255)
 *   } NameType;
 *
 *   opaque HostName<1..2^16-1>;
 *
 *   struct {
 *       ServerName server_name_list<1..2^16-1>
 *   } ServerNameList;
 *
 * SNI tells the server which site the client wants before any certificate
 * is chosen; it travels in clear, which is why an eavesdropper sees it.
 */
static tls_err parse_server_name(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    tls_reader list;
    tls_err e = tls_reader_open(data, "server_name_list", 2, &list);
    if (e != TLS_OK)
        return e;
    if (tls_reader_left(&list) == 0)
        return TLS_ERR_DECODE;
    while (tls_reader_left(&list) > 0) {
        /* Every name type defined so far is an opaque<1..2^16-1>, which is
         * how an entry's end can be found even for a type we do not know. */
        size_t total;
        tls_reader entry;
        uint8_t type;
        uint16_t n;
        const uint8_t *p;
        if ((e = msg_peek_block(&list, 1, 2, &total)) != TLS_OK ||
            (e = tls_reader_open_fixed(&list, "server_name", total, &entry)) != TLS_OK ||
            (e = tls_reader_u8(&entry, "name_type", &type)) != TLS_OK)
            return e;
        if (type == 0)
            tls_reader_annotate(&entry, "host_name");
        else
            tls_reader_annotate_text(&entry, TLS_TEXT_FIELD_UNKNOWN, NULL);
        if (type != 0) {
            if ((e = tls_reader_u16(&entry, "name.length", &n)) != TLS_OK ||
                (e = tls_reader_bytes(&entry, "name", n, &p)) != TLS_OK)
                return e;
            if (n == 0)
                return TLS_ERR_DECODE;
            if ((e = tls_reader_close(&entry)) != TLS_OK)
                return e;
            continue;
        }
        if ((e = tls_reader_u16(&entry, "host_name.length", &n)) != TLS_OK ||
            (e = tls_reader_bytes(&entry, "host_name", n, &p)) != TLS_OK)
            return e;
        annotate_host_name(&entry, p, n);
        /* HostName<1..2^16-1>; a DNS name is at most 253 characters, and
         * ours holds 255: anything longer cannot be a host name. */
        if (n == 0 || n > TLS_MAX_HOSTNAME)
            return TLS_ERR_DECODE;
        /* A NUL inside would make "good.example\0.evil" print as
         * "good.example": refuse it rather than store a misleading name. */
        if (memchr(p, 0, n))
            return TLS_ERR_ILLEGAL_PARAMETER;
        if (!m->has_server_name) { /* keep the first host_name */
            memcpy(m->server_name, p, n);
            m->server_name[n] = '\0';
            m->has_server_name = true;
        }
        if ((e = tls_reader_close(&entry)) != TLS_OK)
            return e;
    }
    return tls_reader_close(&list);
}

/* A list of 16-bit values with RFC bounds <2..2^16-x>: an odd or empty
 * length is malformed (decode_error) before a single entry is read. */
static tls_err open_u16_list(tls_reader *r, const char *name, tls_reader *list)
{
    tls_err e = tls_reader_open(r, name, 2, list);
    if (e != TLS_OK)
        return e;
    size_t n = tls_reader_left(list);
    return n == 0 || n % 2 ? TLS_ERR_DECODE : TLS_OK;
}

/*
 * RFC 8422 §5.1.1:
 *
 *   enum { ..., secp256r1 (23), secp384r1 (24), secp521r1 (25),
 *          x25519(29), x448(30), ... (0xFFFF) } NamedCurve;
 *
 *   struct {
 *       NamedCurve named_curve_list<2..2^16-1>
 *   } NamedCurveList;
 *
 * (RFC 8446 renamed it supported_groups / named_group_list.)
 */
static tls_err parse_groups(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    tls_reader list;
    tls_err e = open_u16_list(data, "named_group_list", &list);
    if (e != TLS_OK)
        return e;
    m->has_groups = true;
    while (tls_reader_left(&list) > 0) {
        uint16_t g;
        if ((e = tls_reader_u16(&list, "named_group", &g)) != TLS_OK)
            return e;
        msg_annotate_name(&list, g, tls_group_wire_name(g));
        if (m->ngroups < TLS_MAX_GROUPS)
            m->groups[m->ngroups++] = g;
    }
    return tls_reader_close(&list);
}

static tls_err parse_point_formats(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    m->has_point_formats = true;
    return msg_read_point_formats(data, m->point_formats, TLS_MAX_POINT_FORMATS,
                                  &m->npoint_formats);
}

/*
 * RFC 5246 §7.4.1.4.1:
 *
 *   struct {
 *         HashAlgorithm hash;
 *         SignatureAlgorithm signature;
 *   } SignatureAndHashAlgorithm;
 *
 *   SignatureAndHashAlgorithm
 *     supported_signature_algorithms<2..2^16-2>;
 *
 * Which signatures the client can verify, i.e. what the server may use to
 * sign its ServerKeyExchange.  Shown with TLS 1.3's SignatureScheme names,
 * whose values are the same {hash, signature} byte pairs.
 */
static tls_err parse_sigalgs(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    tls_reader list;
    tls_err e = open_u16_list(data, "supported_signature_algorithms", &list);
    if (e != TLS_OK)
        return e;
    m->has_sigalgs = true;
    return msg_read_sigalg_items(&list, m->sigalgs, TLS_MAX_SIGALGS, &m->nsigalgs);
}

static tls_err parse_etm(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    m->has_etm = true;
    return msg_read_etm(data);
}

static tls_err parse_ems(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    m->has_ems = true;
    return msg_read_ems(data);
}

static tls_err parse_reneg_info(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    m->has_reneg_info = true;
    return msg_read_reneg_info(data);
}

/*
 * RFC 5077 §3.2:
 *
 *   struct {
 *       ExtensionType extension_type;     (SessionTicket: 35)
 *       opaque extension_data<0..2^16-1>; (the ticket, or nothing)
 *   } Extension;
 *
 * The ticket is opaque to the client: only the server that sealed it can
 * open it.
 */
static tls_err parse_session_ticket(void *ctx, tls_reader *data)
{
    tls_client_hello *m = ctx;
    size_t n = tls_reader_left(data);
    m->has_ticket_ext = true;
    m->ticket_len = n;
    if (n == 0) {
        tls_reader_annotate_text(data, TLS_TEXT_FIELD_TICKET_EMPTY, NULL);
        return TLS_OK;
    }
    tls_err e = tls_reader_bytes(data, "ticket", n, &m->ticket);
    if (e == TLS_OK)
        tls_reader_annotate_text(data, TLS_TEXT_FIELD_TICKET_OPAQUE, NULL);
    return e;
}

static const msg_ext_handler client_hello_exts[] = {
    {TLS_EXT_SERVER_NAME, parse_server_name},
    {TLS_EXT_SUPPORTED_GROUPS, parse_groups},
    {TLS_EXT_EC_POINT_FORMATS, parse_point_formats},
    {TLS_EXT_SIGNATURE_ALGORITHMS, parse_sigalgs},
    {TLS_EXT_ENCRYPT_THEN_MAC, parse_etm},
    {TLS_EXT_EXTENDED_MASTER_SECRET, parse_ems},
    {TLS_EXT_RENEGOTIATION_INFO, parse_reneg_info},
    {TLS_EXT_SESSION_TICKET, parse_session_ticket},
};

/* ------------------------------------------------------------ decoder */

tls_err tls_client_hello_parse(tls_reader *r, tls_client_hello *m)
{
    memset(m, 0, sizeof *m);
    tls_reader list;
    tls_err e;

    if ((e = tls_reader_u16(r, "client_version", &m->version)) != TLS_OK)
        return e;
    /* The highest version the client speaks (RFC 5246 Appendix E.1). */
    tls_reader_annotate(r, "%s", msg_version_name(m->version));
    if ((e = msg_read_random(r, m->random)) != TLS_OK ||
        (e = msg_read_session_id(r, m->session_id, &m->session_id_len)) != TLS_OK)
        return e;

    /* The client's suites, most preferred first; the server picks one. */
    if ((e = open_u16_list(r, "cipher_suites", &list)) != TLS_OK)
        return e;
    while (tls_reader_left(&list) > 0) {
        uint16_t s;
        if ((e = tls_reader_u16(&list, "cipher_suite", &s)) != TLS_OK)
            return e;
        msg_annotate_name(&list, s, tls_suite_wire_name(s));
        if (m->nsuites < TLS_MAX_SUITES)
            m->suites[m->nsuites++] = s;
    }
    if ((e = tls_reader_close(&list)) != TLS_OK)
        return e;

    /* Always just null(0) today: TLS compression leaked secrets (CRIME). */
    if ((e = tls_reader_open(r, "compression_methods", 1, &list)) != TLS_OK)
        return e;
    if (tls_reader_left(&list) == 0)
        return TLS_ERR_DECODE;
    while (tls_reader_left(&list) > 0) {
        uint8_t c;
        if ((e = tls_reader_u8(&list, "compression_method", &c)) != TLS_OK)
            return e;
        msg_annotate_name(&list, c, c == 0 ? "null" : c == 1 ? "DEFLATE" : NULL);
        if (m->ncompressions < TLS_MAX_COMPRESSIONS)
            m->compressions[m->ncompressions++] = c;
    }
    if ((e = tls_reader_close(&list)) != TLS_OK)
        return e;

    if ((e = msg_read_extensions(r, client_hello_exts,
                                 sizeof client_hello_exts / sizeof client_hello_exts[0],
                                 m, &m->has_extensions, m->exts, &m->nexts,
                                 &m->nexts_total)) != TLS_OK)
        return e;
    return tls_reader_close(r);
}
