/* ServerKeyExchange for ECDHE_RSA and DHE_RSA.  See include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"
#include "tlssim/suites.h"

/*
 * RFC 8422 §5.4:
 *
 *   enum {
 *       deprecated (1..2),
 *       named_curve (3),
 *       reserved(248..255)
 *   } ECCurveType;
 *
 *   struct {
 *       ECCurveType    curve_type;
 *       select (curve_type) {
 *           case named_curve:
 *               NamedCurve namedcurve;
 *       };
 *   } ECParameters;
 *
 *   struct {
 *       opaque point <1..2^8-1>;
 *   } ECPoint;
 *
 *   struct {
 *       ECParameters    curve_params;
 *       ECPoint         public;
 *   } ServerECDHParams;
 *
 *   select (KeyExchangeAlgorithm) {
 *       case ec_diffie_hellman:
 *           ServerECDHParams    params;
 *           Signature           signed_params;
 *   } ServerKeyExchange;
 *
 * RFC 5246 §7.4.3, for DHE_RSA:
 *
 *   struct {
 *       opaque dh_p<1..2^16-1>;
 *       opaque dh_g<1..2^16-1>;
 *       opaque dh_Ys<1..2^16-1>;
 *   } ServerDHParams;     (Ephemeral DH parameters)
 *
 * and in TLS 1.2 the Signature is a digitally-signed struct (RFC 5246 §4.7):
 *
 *   struct {
 *       SignatureAndHashAlgorithm algorithm;
 *       opaque signature<0..2^16-1>;
 *   } DigitallySigned;
 *
 * over client_random ‖ server_random ‖ params: the server's certificate key
 * vouches for this ephemeral key, so a man in the middle cannot swap it.
 */

static tls_err ecdh_params_write(const tls_server_key_exchange *m, tls_writer *w)
{
    tls_writer_u8(w, m->curve_type);
    tls_writer_u16(w, m->group);
    return msg_write_ec_point(w, m->point, m->point_len);
}

static tls_err dh_params_write(const tls_server_key_exchange *m, tls_writer *w)
{
    tls_err e = msg_write_dh_int(w, m->dh_p, m->dh_p_len);
    if (e == TLS_OK)
        e = msg_write_dh_int(w, m->dh_g, m->dh_g_len);
    if (e == TLS_OK)
        e = msg_write_dh_int(w, m->dh_ys, m->dh_ys_len);
    return e;
}

tls_err tls_server_kx_params_write(const tls_server_key_exchange *m, tls_writer *w)
{
    return m->is_dhe ? dh_params_write(m, w) : ecdh_params_write(m, w);
}

tls_err tls_server_key_exchange_write(const tls_server_key_exchange *m, tls_writer *w)
{
    tls_err e = tls_server_kx_params_write(m, w);
    if (e != TLS_OK)
        return e;
    msg_write_digitally_signed(w, m->sig_alg, m->sig, m->sig_len);
    return tls_writer_error(w);
}

static tls_err ecdh_params_parse(tls_reader *r, tls_server_key_exchange *m)
{
    tls_reader params;
    size_t params_len;
    uint8_t curve_type;
    tls_err e;

    /* Look at curve_type first: only named_curve says how long the
     * parameters are.  The explicit curves (1, 2) were deprecated by RFC
     * 8422 and are never offered (we send supported_groups), so a server
     * that uses them sent a value out of the negotiated range:
     * illegal_parameter, after showing the byte that is wrong. */
    tls_reader peek = *r;
    peek.dissect = NULL;
    if ((e = tls_reader_u8(&peek, NULL, &curve_type)) != TLS_OK)
        return e;
    if (curve_type != 3) {
        tls_reader_u8(r, "curve_type", &m->curve_type);
        tls_reader_annotate(r, "%s", curve_type == 1 || curve_type == 2
                                         ? "explicit curve (deprecated)" : "unknown");
        return TLS_ERR_ILLEGAL_PARAMETER;
    }
    /* curve_type(1) + namedcurve(2) + ECPoint (1-byte length prefix). */
    if ((e = msg_peek_block(r, 3, 1, &params_len)) != TLS_OK)
        return e;
    m->params = tls_reader_ptr(r);
    m->params_len = params_len;

    if ((e = tls_reader_open_fixed(r, "params", params_len, &params)) != TLS_OK ||
        (e = tls_reader_u8(&params, "curve_type", &m->curve_type)) != TLS_OK)
        return e;
    tls_reader_annotate(&params, "named_curve");
    if ((e = tls_reader_u16(&params, "named_curve", &m->group)) != TLS_OK)
        return e;
    msg_annotate_name(&params, m->group, tls_group_wire_name(m->group));
    if ((e = msg_read_ec_point(&params, "public", &m->point, &m->point_len)) != TLS_OK)
        return e;
    return tls_reader_close(&params);
}

/* The three integers, each with a 2-byte length: p's length is found by
 * peeking block after block, so "params" can be opened around them. */
static tls_err dh_params_parse(tls_reader *r, tls_server_key_exchange *m)
{
    size_t to_g, to_ys, total;  /* each peek counts from the start */
    tls_reader params;
    tls_err e;
    if ((e = msg_peek_block(r, 0, 2, &to_g)) != TLS_OK ||
        (e = msg_peek_block(r, to_g, 2, &to_ys)) != TLS_OK ||
        (e = msg_peek_block(r, to_ys, 2, &total)) != TLS_OK)
        return e;
    m->params = tls_reader_ptr(r);
    m->params_len = total;
    if ((e = tls_reader_open_fixed(r, "params", m->params_len, &params)) != TLS_OK ||
        (e = msg_read_dh_int(&params, "dh_p", "dh_p.length", &m->dh_p, &m->dh_p_len)) != TLS_OK)
        return e;
    tls_reader_annotate(&params, "%zu-bit prime", tls_dh_int_bits(m->dh_p, m->dh_p_len));
    if ((e = msg_read_dh_int(&params, "dh_g", "dh_g.length", &m->dh_g, &m->dh_g_len)) != TLS_OK ||
        (e = msg_read_dh_int(&params, "dh_Ys", "dh_Ys.length", &m->dh_ys, &m->dh_ys_len)) != TLS_OK)
        return e;
    return tls_reader_close(&params);
}

tls_err tls_server_key_exchange_parse(tls_reader *r, tls_server_key_exchange *m)
{
    bool is_dhe = m->is_dhe;
    memset(m, 0, sizeof *m);
    m->is_dhe = is_dhe;
    tls_reader sig;
    tls_err e = is_dhe ? dh_params_parse(r, m) : ecdh_params_parse(r, m);
    if (e != TLS_OK)
        return e;

    /* signed_params has no length of its own: it is the rest of the body. */
    if ((e = tls_reader_open_fixed(r, "signed_params", tls_reader_left(r), &sig)) != TLS_OK ||
        (e = msg_read_digitally_signed(&sig, TLS_TEXT_FIELD_SKE_SIGNATURE, &m->sig_alg,
                                       &m->sig, &m->sig_len)) != TLS_OK ||
        (e = tls_reader_close(&sig)) != TLS_OK)
        return e;
    return tls_reader_close(r);
}
