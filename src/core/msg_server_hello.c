/* ServerHello: the server's choices.  See include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"
#include "tlssim/suites.h"

/*
 * RFC 5246 §7.4.1.3:
 *
 *   struct {
 *       ProtocolVersion server_version;
 *       Random random;
 *       SessionID session_id;
 *       CipherSuite cipher_suite;
 *       CompressionMethod compression_method;
 *       select (extensions_present) {
 *           case false:
 *               struct {};
 *           case true:
 *               Extension extensions<0..2^16-1>;
 *       };
 *   } ServerHello;
 *
 * Where the ClientHello offers lists, the ServerHello answers with single
 * values, and may only carry extensions the client offered (RFC 5246
 * §7.4.1.4; checking that is the engine's job).
 */

/* Extensions are written in a fixed order: ec_point_formats (RFC 8422
 * §5.2), encrypt_then_mac (RFC 7366 §2), extended_master_secret (RFC 7627
 * §5.1), renegotiation_info (RFC 5746 §3.6, empty on an initial handshake),
 * SessionTicket (RFC 5077 §3.2, always empty here: the server will send a
 * NewSessionTicket). */
tls_err tls_server_hello_write(const tls_server_hello *m, tls_writer *w)
{
    if (m->session_id_len > 32 || m->npoint_formats > TLS_MAX_POINT_FORMATS)
        return TLS_ERR_INTERNAL;
    tls_writer_u16(w, m->version);
    tls_writer_bytes(w, m->random, 32);
    msg_write_session_id(w, m->session_id, m->session_id_len);
    tls_writer_u16(w, m->suite);
    tls_writer_u8(w, m->compression);
    if (!m->has_extensions)
        return tls_writer_error(w);

    size_t exts = tls_writer_reserve(w, 2);
    if (m->has_point_formats)
        msg_write_point_formats_ext(w, m->point_formats, m->npoint_formats);
    if (m->has_etm)
        msg_ext_end(w, msg_ext_begin(w, TLS_EXT_ENCRYPT_THEN_MAC));
    if (m->has_ems)
        msg_ext_end(w, msg_ext_begin(w, TLS_EXT_EXTENDED_MASTER_SECRET));
    if (m->has_reneg_info) {
        size_t ext = msg_ext_begin(w, TLS_EXT_RENEGOTIATION_INFO);
        tls_writer_u8(w, 0); /* renegotiated_connection<0..255>: empty */
        msg_ext_end(w, ext);
    }
    if (m->has_ticket_ext)
        msg_ext_end(w, msg_ext_begin(w, TLS_EXT_SESSION_TICKET));
    tls_writer_patch(w, exts, 2);
    return tls_writer_error(w);
}

static tls_err parse_point_formats(void *ctx, tls_reader *data)
{
    tls_server_hello *m = ctx;
    m->has_point_formats = true;
    return msg_read_point_formats(data, m->point_formats, TLS_MAX_POINT_FORMATS,
                                  &m->npoint_formats);
}

static tls_err parse_etm(void *ctx, tls_reader *data)
{
    tls_server_hello *m = ctx;
    m->has_etm = true;
    return msg_read_etm(data);
}

static tls_err parse_ems(void *ctx, tls_reader *data)
{
    tls_server_hello *m = ctx;
    m->has_ems = true;
    return msg_read_ems(data);
}

static tls_err parse_reneg_info(void *ctx, tls_reader *data)
{
    tls_server_hello *m = ctx;
    m->has_reneg_info = true;
    return msg_read_reneg_info(data);
}

/* RFC 5077 §3.2: the server's SessionTicket extension "MUST be empty". */
static tls_err parse_session_ticket(void *ctx, tls_reader *data)
{
    tls_server_hello *m = ctx;
    m->has_ticket_ext = true;
    if (tls_reader_left(data) != 0)
        return TLS_ERR_DECODE;
    tls_reader_annotate_text(data, TLS_TEXT_FIELD_TICKET_WILL_FOLLOW, NULL);
    return TLS_OK;
}

static const msg_ext_handler server_hello_exts[] = {
    {TLS_EXT_EC_POINT_FORMATS, parse_point_formats},
    {TLS_EXT_ENCRYPT_THEN_MAC, parse_etm},
    {TLS_EXT_EXTENDED_MASTER_SECRET, parse_ems},
    {TLS_EXT_RENEGOTIATION_INFO, parse_reneg_info},
    {TLS_EXT_SESSION_TICKET, parse_session_ticket},
};

tls_err tls_server_hello_parse(tls_reader *r, tls_server_hello *m)
{
    memset(m, 0, sizeof *m);
    tls_err e;

    /* The version the server chose: min(client_version, its highest). */
    if ((e = tls_reader_u16(r, "server_version", &m->version)) != TLS_OK)
        return e;
    tls_reader_annotate(r, "%s", msg_version_name(m->version));
    if ((e = msg_read_random(r, m->random)) != TLS_OK ||
        (e = msg_read_session_id(r, m->session_id, &m->session_id_len)) != TLS_OK)
        return e;

    if ((e = tls_reader_u16(r, "cipher_suite", &m->suite)) != TLS_OK)
        return e;
    msg_annotate_name(r, m->suite, tls_suite_wire_name(m->suite));
    if ((e = tls_reader_u8(r, "compression_method", &m->compression)) != TLS_OK)
        return e;
    msg_annotate_name(r, m->compression, m->compression == 0 ? "null"
                                         : m->compression == 1 ? "DEFLATE" : NULL);

    /* Any extension is decoded and recorded; the four above are also
     * interpreted.  Whether the client asked for them is the engine's
     * question (an unsolicited one is unsupported_extension). */
    if ((e = msg_read_extensions(r, server_hello_exts,
                                 sizeof server_hello_exts / sizeof server_hello_exts[0],
                                 m, &m->has_extensions, m->exts, &m->nexts,
                                 &m->nexts_total)) != TLS_OK)
        return e;
    return tls_reader_close(r);
}
