/* CertificateRequest: the server asks for the client's certificate.  See
 * include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"
#include "tlssim/suites.h"

/*
 * RFC 5246 §7.4.4:
 *
 *   enum {
 *       rsa_sign(1), dss_sign(2), rsa_fixed_dh(3), dss_fixed_dh(4),
 *       rsa_ephemeral_dh_RESERVED(5), dss_ephemeral_dh_RESERVED(6),
 *       fortezza_dms_RESERVED(20), (255)
 *   } ClientCertificateType;
 *
 *   opaque DistinguishedName<1..2^16-1>;
 *
 *   struct {
 *       ClientCertificateType certificate_types<1..2^8-1>;
 *       SignatureAndHashAlgorithm
 *         supported_signature_algorithms<2^16-1>;
 *       DistinguishedName certificate_authorities<0..2^16-1>;
 *   } CertificateRequest;
 *
 * The three lists narrow what the client may present: a key type, the
 * signatures the server can verify in CertificateVerify, and the CAs whose
 * certificates it will accept (so a client holding several can choose).
 */
tls_err tls_certificate_request_write(const tls_certificate_request *m, tls_writer *w)
{
    if (m->ncert_types == 0 || m->nca_names > TLS_MAX_CA_NAMES)
        return TLS_ERR_INTERNAL;
    tls_writer_u8(w, (uint8_t)m->ncert_types);
    tls_writer_bytes(w, m->cert_types, m->ncert_types);
    tls_writer_u16(w, (uint16_t)(2 * m->nsigalgs));
    for (size_t i = 0; i < m->nsigalgs; i++)
        tls_writer_u16(w, m->sigalgs[i]);
    size_t list = tls_writer_reserve(w, 2);
    for (size_t i = 0; i < m->nca_names; i++) {
        size_t name = tls_writer_reserve(w, 2);
        tls_writer_bytes(w, m->ca_names[i], m->ca_name_lens[i]);
        tls_writer_patch(w, name, 2);
    }
    tls_writer_patch(w, list, 2);
    return tls_writer_error(w);
}

static tls_err parse_cert_types(tls_reader *r, tls_certificate_request *m)
{
    tls_reader list;
    tls_err e = tls_reader_open(r, "certificate_types", 1, &list);
    if (e != TLS_OK)
        return e;
    if (tls_reader_left(&list) == 0) /* <1..2^8-1> */
        return TLS_ERR_DECODE;
    while (tls_reader_left(&list) > 0) {
        uint8_t t;
        if ((e = tls_reader_u8(&list, "certificate_type", &t)) != TLS_OK)
            return e;
        if (t == TLS_CERT_TYPE_RSA_SIGN)
            tls_reader_annotate(&list, "rsa_sign");
        else if (t == TLS_CERT_TYPE_ECDSA_SIGN)
            tls_reader_annotate(&list, "ecdsa_sign");
        if (m->ncert_types < sizeof m->cert_types)
            m->cert_types[m->ncert_types++] = t;
    }
    return tls_reader_close(&list);
}

static tls_err parse_sigalgs(tls_reader *r, tls_certificate_request *m)
{
    tls_reader list;
    tls_err e = tls_reader_open(r, "supported_signature_algorithms", 2, &list);
    if (e != TLS_OK)
        return e;
    if (tls_reader_left(&list) % 2)
        return TLS_ERR_DECODE;
    return msg_read_sigalg_items(&list, m->sigalgs, TLS_MAX_SIGALGS, &m->nsigalgs);
}

static tls_err parse_ca_names(tls_reader *r, tls_certificate_request *m)
{
    tls_reader list;
    tls_err e = tls_reader_open(r, "certificate_authorities", 2, &list);
    if (e != TLS_OK)
        return e;
    while (tls_reader_left(&list) > 0) {
        uint16_t n;
        const uint8_t *der;
        if ((e = tls_reader_u16(&list, "distinguished_name.length", &n)) != TLS_OK)
            return e;
        if (n == 0) /* DistinguishedName<1..2^16-1> */
            return TLS_ERR_DECODE;
        if ((e = tls_reader_bytes(&list, "distinguished_name", n, &der)) != TLS_OK)
            return e;
        if (m->nca_names < TLS_MAX_CA_NAMES) {
            m->ca_names[m->nca_names] = der;
            m->ca_name_lens[m->nca_names++] = n;
        }
    }
    return tls_reader_close(&list);
}

tls_err tls_certificate_request_parse(tls_reader *r, tls_certificate_request *m)
{
    memset(m, 0, sizeof *m);
    tls_err e;
    if ((e = parse_cert_types(r, m)) != TLS_OK || (e = parse_sigalgs(r, m)) != TLS_OK ||
        (e = parse_ca_names(r, m)) != TLS_OK)
        return e;
    return tls_reader_close(r);
}
