/* Finished.  See include/tlssim/msg.h. */
#include "msg_internal.h"

/*
 * RFC 5246 §7.4.9:
 *
 *   struct {
 *       opaque verify_data[verify_data_length];
 *   } Finished;
 *
 *   verify_data
 *      PRF(master_secret, finished_label, Hash(handshake_messages))
 *         [0..verify_data_length-1];
 *
 * verify_data_length is 12 for every TLS 1.2 suite we implement.  It is a
 * fixed-size array, so there is no length prefix: exactly 12 bytes or the
 * message is malformed.  The first message under the new keys, it proves
 * both sides saw the same handshake and hold the same master secret.
 */
tls_err tls_finished_write(const tls_finished *m, tls_writer *w)
{
    tls_writer_bytes(w, m->verify_data, sizeof m->verify_data);
    return tls_writer_error(w);
}

tls_err tls_finished_parse(tls_reader *r, tls_finished *m)
{
    tls_err e = tls_reader_copy(r, "verify_data", m->verify_data,
                                sizeof m->verify_data);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate_text(r, TLS_TEXT_FIELD_VERIFY_DATA, NULL);
    return tls_reader_close(r);
}
