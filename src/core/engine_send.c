/*
 * One send function for every message an engine produces (handshake,
 * ChangeCipherSpec, alert, application data): it becomes records, and, when
 * the configuration asks for it (trace_sent), the records and the message
 * are traced as the sender knows them.  The in-process run leaves that off:
 * there the receiving engine traces each record and message on arrival.
 */
#include <string.h>

#include "engine_internal.h"

/* The record just appended to the output queue at \p start, as its sender
 * knows it (plaintext, nonce and AAD included when protected).
 * \return its trace index, or (size_t)-1 */
static size_t trace_sent_record(tls_engine *e, size_t start, const uint8_t *pt,
                                size_t pt_len, bool prot, const tls_record_crypto *info)
{
    tls_record rec;
    size_t need;
    if (tls_record_split(e->out.data + start, e->out.len - start, &rec, &need) != TLS_READ_OK)
        return (size_t)-1;
    tls_event ev = {.kind = TLS_EV_RECORD, .step = e->step, .party = e->role,
                    .bytes = (uint8_t *)rec.wire, .len = rec.wire_len,
                    .content_type = rec.type, .is_protected = prot, .by_sender = true,
                    .plaintext = prot ? (uint8_t *)pt : NULL,
                    .plaintext_len = prot ? pt_len : 0};
    if (prot) {
        ev.seq = info->seq;
        ev.crypto = *info;
    }
    tls_record_dissect(&rec, prot ? &e->wprot : NULL, &ev.dissect);
    return tls_trace_push(e->trace, &ev);
}

/* A MESSAGE event for a message this engine just sent, with its
 * dissection, pointing at the first of the \p records records it took. */
static void trace_sent_message(tls_engine *e, const char *name, uint8_t content_type,
                               const uint8_t *msg, size_t len, size_t first, size_t records)
{
    if (first >= e->trace->n)
        return;
    bool prot = e->trace->ev[first].is_protected;
    tls_dissect d = {0};
    tls_msg_dissect(content_type, msg, len, e->suite ? e->suite->kx : TLS_KX_ECDHE_RSA, &d);
    /* Offsets as for a received message: into the record's wire bytes when
     * in the clear, into its plaintext when protected. */
    size_t off = records > 1 ? (size_t)-1 : prot ? 0 : TLS_RECORD_HEADER;
    tls_event ev = {.kind = TLS_EV_MESSAGE, .step = e->step, .party = e->role,
                    .name = (char *)name, .bytes = (uint8_t *)msg, .len = len,
                    .content_type = content_type,
                    .hs_type = content_type == TLS_CT_HANDSHAKE && len ? msg[0] : 0,
                    .is_protected = prot, .record_index = first, .record_offset = off,
                    .dissect = d, .by_sender = true};
    tls_trace_push(e->trace, &ev);
}

tls_err engine_send(tls_engine *e, const char *name, uint8_t type, const uint8_t *p,
                    size_t n)
{
    const uint8_t *msg = p;
    size_t len = n, first = (size_t)-1, records = 0;
    e->flight_records = 0; /* the peer's next flight starts */
    do {
        size_t chunk = n > TLS_MAX_FRAGMENT ? TLS_MAX_FRAGMENT : n;
        size_t start = e->out.len;
        bool prot = e->wprot.active;
        tls_record_crypto info = {0};
        tls_err err = tls_record_write(&e->out, type, TLS_VERSION_1_2, p, chunk,
                                       &e->wprot, &info);
        if (err != TLS_OK)
            return err;
        if (e->cfg->trace_sent) {
            size_t idx = trace_sent_record(e, start, p, chunk, prot, &info);
            if (records++ == 0)
                first = idx;
        }
        p += chunk;
        n -= chunk;
    } while (n > 0);
    if (e->cfg->trace_sent)
        trace_sent_message(e, name, type, msg, len, first, records);
    return TLS_OK;
}
