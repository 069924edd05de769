/* CertificateVerify: the client proves it holds its certificate's key.  See
 * include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"
#include "tlssim/suites.h"

/*
 * RFC 5246 §7.4.8:
 *
 *   struct {
 *       digitally-signed struct {
 *           opaque handshake_messages[handshake_messages_length];
 *       }
 *   } CertificateVerify;
 *
 * handshake_messages is every handshake message from ClientHello up to, not
 * including, this one: both randoms and both key-exchange messages are in
 * it, so the signature is good for this connection only and cannot be
 * replayed into another.  On the wire, a digitally-signed struct (§4.7) is
 * the algorithm and the signature; the signed bytes are not sent, each side
 * hashes its own transcript.
 */
tls_err tls_certificate_verify_write(const tls_certificate_verify *m, tls_writer *w)
{
    msg_write_digitally_signed(w, m->sig_alg, m->sig, m->sig_len);
    return tls_writer_error(w);
}

tls_err tls_certificate_verify_parse(tls_reader *r, tls_certificate_verify *m)
{
    memset(m, 0, sizeof *m);
    tls_err e = msg_read_digitally_signed(r, TLS_TEXT_FIELD_CERTIFICATE_VERIFY_SIGNATURE,
                                          &m->sig_alg, &m->sig, &m->sig_len);
    if (e != TLS_OK)
        return e;
    return tls_reader_close(r);
}
