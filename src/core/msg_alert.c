/* Alert.  See include/tlssim/msg.h. */
#include "msg_internal.h"

/*
 * RFC 5246 §7.2:
 *
 *   enum { warning(1), fatal(2), (255) } AlertLevel;
 *
 *   enum { close_notify(0), unexpected_message(10), ..., (255) }
 *       AlertDescription;
 *
 *   struct {
 *       AlertLevel level;
 *       AlertDescription description;
 *   } Alert;
 *
 * Two bytes exactly (decode_error otherwise).  A level other than 1 or 2
 * parses but is out of the enum's range: illegal_parameter.  An unknown
 * description is accepted (RFC 5246 §7.2.2 lets new ones appear) and shown
 * as "unknown_alert".
 */
tls_err tls_alert_write(const tls_alert *m, tls_writer *w)
{
    tls_writer_u8(w, m->level);
    tls_writer_u8(w, m->description);
    return tls_writer_error(w);
}

tls_err tls_alert_parse(tls_reader *r, tls_alert *m)
{
    tls_err e = tls_reader_u8(r, "level", &m->level);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate(r, "%s", m->level == TLS_ALERT_WARNING ? "warning"
                                 : m->level == TLS_ALERT_FATAL ? "fatal" : "unknown");
    if ((e = tls_reader_u8(r, "description", &m->description)) != TLS_OK)
        return e;
    tls_reader_annotate(r, "%s", tls_alert_name(m->description));
    if ((e = tls_reader_close(r)) != TLS_OK)
        return e;
    return m->level == TLS_ALERT_WARNING || m->level == TLS_ALERT_FATAL
               ? TLS_OK : TLS_ERR_ILLEGAL_PARAMETER;
}
