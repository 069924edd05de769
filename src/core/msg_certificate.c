/* Certificate: the server's chain, leaf first.  See include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"

/*
 * RFC 5246 §7.4.2:
 *
 *   opaque ASN.1Cert<1..2^24-1>;
 *
 *   struct {
 *       ASN.1Cert certificate_list<0..2^24-1>;
 *   } Certificate;
 *
 * "The sender's certificate MUST come first in the list.  Each following
 * certificate MUST directly certify the one preceding it."  The codec only
 * frames DER blobs; what is inside them is X.509's business (crypto.h).
 */
tls_err tls_certificate_write(const tls_certificate_msg *m, tls_writer *w)
{
    if (m->ncerts > TLS_MAX_CERTS)
        return TLS_ERR_INTERNAL;
    size_t list = tls_writer_reserve(w, 3);
    for (size_t i = 0; i < m->ncerts; i++) {
        size_t cert = tls_writer_reserve(w, 3);
        tls_writer_bytes(w, m->certs[i], m->cert_lens[i]);
        tls_writer_patch(w, cert, 3);
    }
    tls_writer_patch(w, list, 3);
    return tls_writer_error(w);
}

tls_err tls_certificate_parse(tls_reader *r, tls_certificate_msg *m)
{
    memset(m, 0, sizeof *m);
    tls_reader list;
    tls_err e = tls_reader_open(r, "certificate_list", 3, &list);
    if (e != TLS_OK)
        return e;
    /* A chain longer than we keep is still read to its end, so that a
     * malformed message says decode_error and a well-formed one is shown
     * whole before it is refused as bad_certificate. */
    size_t count = 0;
    while (tls_reader_left(&list) > 0) {
        uint32_t n;
        const uint8_t *der;
        if ((e = tls_reader_u24(&list, "certificate.length", &n)) != TLS_OK)
            return e;
        if (n == 0) /* ASN.1Cert<1..2^24-1> */
            return TLS_ERR_DECODE;
        if ((e = tls_reader_bytes(&list, "certificate", n, &der)) != TLS_OK)
            return e;
        tls_reader_annotate_text(&list, count == 0 ? TLS_TEXT_FIELD_LEAF_CERTIFICATE
                                                   : TLS_TEXT_FIELD_CERTIFICATE,
                                 TLS_ARGS(TLS_ARG_U("index", count), TLS_ARG_U("bytes", n)));
        if (count < TLS_MAX_CERTS) {
            m->certs[count] = der;
            m->cert_lens[count] = n;
            m->ncerts = count + 1;
        }
        count++;
    }
    if ((e = tls_reader_close(&list)) != TLS_OK ||
        (e = tls_reader_close(r)) != TLS_OK)
        return e;
    m->total = count;
    return count > TLS_MAX_CERTS ? TLS_ERR_BAD_CERTIFICATE : TLS_OK;
}
