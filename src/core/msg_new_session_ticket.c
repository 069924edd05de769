/* NewSessionTicket: the server hands the client its session, sealed.  See
 * include/tlssim/msg.h. */
#include <string.h>

#include "msg_internal.h"

/*
 * RFC 5077 §3.3:
 *
 *   struct {
 *       uint32 ticket_lifetime_hint;
 *       opaque ticket<0..2^16-1>;
 *   } NewSessionTicket;
 *
 * The ticket is the session state (master secret, cipher suite, ...)
 * encrypted and authenticated under a key only the server knows, so the
 * server keeps nothing: the client stores the ticket and shows it back in
 * its next ClientHello.  To the client it is opaque bytes; the lifetime hint
 * only says how long it is worth keeping.  tlssim's own ticket format is
 * described in session.h.
 */
tls_err tls_new_session_ticket_write(const tls_new_session_ticket *m, tls_writer *w)
{
    if (m->ticket_len > 0xffff)
        return TLS_ERR_INTERNAL;
    tls_writer_u32(w, m->lifetime_hint);
    size_t mark = tls_writer_reserve(w, 2);
    tls_writer_bytes(w, m->ticket, m->ticket_len);
    tls_writer_patch(w, mark, 2);
    return tls_writer_error(w);
}

tls_err tls_new_session_ticket_parse(tls_reader *r, tls_new_session_ticket *m)
{
    memset(m, 0, sizeof *m);
    tls_reader t;
    tls_err e = tls_reader_u32(r, "ticket_lifetime_hint", &m->lifetime_hint);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate_text(r, TLS_TEXT_FIELD_TICKET_LIFETIME,
                             TLS_ARGS(TLS_ARG_U("seconds", m->lifetime_hint)));
    if ((e = tls_reader_open(r, "ticket", 2, &t)) != TLS_OK)
        return e;
    m->ticket_len = tls_reader_left(&t);
    if (m->ticket_len > 0 &&
        (e = tls_reader_bytes(&t, "opaque_ticket", m->ticket_len, &m->ticket)) != TLS_OK)
        return e;
    if (m->ticket_len > 0)
        tls_reader_annotate_text(&t, TLS_TEXT_FIELD_TICKET_OPAQUE, NULL);
    if ((e = tls_reader_close(&t)) != TLS_OK)
        return e;
    return tls_reader_close(r);
}
