/* ChangeCipherSpec.  See include/tlssim/msg.h. */
#include "msg_internal.h"

/*
 * RFC 5246 §7.1:
 *
 *   struct {
 *       enum { change_cipher_spec(1), (255) } type;
 *   } ChangeCipherSpec;
 *
 * Not a handshake message but a record type of its own (20): from the next
 * record on, this sender encrypts with the keys just negotiated.
 *
 * Errors, chosen so that each says what is wrong:
 *  - not exactly one byte: decode_error (the struct has one field of one
 *    byte; anything else does not parse);
 *  - one byte that is not 1: illegal_parameter (it parses, but the only
 *    value the enum defines is 1: "a field ... was out of range").
 */
tls_err tls_change_cipher_spec_write(tls_writer *w)
{
    tls_writer_u8(w, 1);
    return tls_writer_error(w);
}

tls_err tls_change_cipher_spec_parse(tls_reader *r)
{
    uint8_t type;
    tls_err e = tls_reader_u8(r, "type", &type);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate(r, "%s", type == 1 ? "change_cipher_spec" : "unknown");
    if ((e = tls_reader_close(r)) != TLS_OK)
        return e;
    return type == 1 ? TLS_OK : TLS_ERR_ILLEGAL_PARAMETER;
}
