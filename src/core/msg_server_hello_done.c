/* ServerHelloDone.  See include/tlssim/msg.h. */
#include "msg_internal.h"

/*
 * RFC 5246 §7.4.5:
 *
 *   struct { } ServerHelloDone;
 *
 * No content: the message itself is the signal "I have sent everything for
 * this round; your turn".  The client answers with its key exchange.
 */
tls_err tls_server_hello_done_write(tls_writer *w)
{
    return tls_writer_error(w);
}

tls_err tls_server_hello_done_parse(tls_reader *r)
{
    /* Any byte at all is malformed. */
    return tls_reader_close(r);
}
