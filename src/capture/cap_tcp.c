/*
 * One direction of a TCP connection, put back in order.  Offsets are 64-bit
 * stream offsets from the initial sequence number, so sequence numbers may
 * wrap.  The first copy of a byte to come in order wins: a retransmission
 * or an overlap that disagrees with what was already delivered cannot
 * change it, and a segment that fills a hole beats what waited beyond it
 * (what Linux's receiving TCP keeps, too).
 */
#include <stdlib.h>
#include <string.h>

#include "tlssim/capture.h"

void tls_cap_dir_init(tls_cap_dir *d)
{
    memset(d, 0, sizeof(*d));
}

static void drop_pending(tls_cap_dir *d)
{
    while (d->pending) {
        tls_cap_pending *n = d->pending->next;
        free(d->pending);
        d->pending = n;
    }
    d->pending_bytes = 0;
}

void tls_cap_dir_free(tls_cap_dir *d)
{
    drop_pending(d);
}

/* Stop at a gap: the bytes from d->next on are missing. */
static void stop(tls_cap_dir *d)
{
    d->stopped = true;
    d->gap_off = d->next;
    d->gap_end = d->pending ? d->pending->off : d->next;
    d->gap_frame = d->pending ? d->pending->frame : 0;
    drop_pending(d);
}

/* Stream offset of \p seq, or -1 for bytes before the stream's start. */
static int64_t offset_of(const tls_cap_dir *d, uint32_t seq)
{
    int32_t delta = (int32_t)(seq - (uint32_t)(d->isn + (uint32_t)d->next));
    int64_t off = (int64_t)d->next + delta;
    return off;
}

/* Deliver the part of [off, off+n) beyond d->next (caller: off <= next). */
static void deliver_from(tls_cap_dir *d, const uint8_t *p, size_t n, uint64_t off,
                         uint64_t frame, tls_cap_deliver_fn deliver, void *ctx)
{
    if (off + n <= d->next)
        return;
    size_t skip = (size_t)(d->next - off);
    deliver(ctx, p + skip, n - skip, d->next, frame);
    d->next = off + n;
}

static void drain(tls_cap_dir *d, tls_cap_deliver_fn deliver, void *ctx)
{
    while (d->pending && d->pending->off <= d->next) {
        tls_cap_pending *h = d->pending;
        d->pending = h->next;
        d->pending_bytes -= h->len;
        deliver_from(d, h->data, h->len, h->off, h->frame, deliver, ctx);
        free(h);
    }
}

/* Keep bytes beyond the hole, sorted by offset (equal offsets: first kept first). */
static void keep(tls_cap_dir *d, const uint8_t *p, size_t n, uint64_t off, uint64_t frame)
{
    if (d->pending_bytes + n > TLS_CAP_PENDING_MAX) {
        stop(d);
        return;
    }
    tls_cap_pending *s = malloc(sizeof(*s) + n);
    if (!s) {
        stop(d);
        return;
    }
    s->off = off;
    s->frame = frame;
    s->len = n;
    memcpy(s->data, p, n);
    tls_cap_pending **at = &d->pending;
    while (*at && (*at)->off <= off)
        at = &(*at)->next;
    s->next = *at;
    *at = s;
    d->pending_bytes += n;
}

static void start(tls_cap_dir *d, const tls_cap_packet *seg)
{
    d->started = true;
    d->syn = (seg->flags & TLS_CAP_SYN) != 0;
    d->isn = d->syn ? seg->seq + 1 : seg->seq;
}

static void note_fin(tls_cap_dir *d, const tls_cap_packet *seg, int64_t off)
{
    if ((seg->flags & TLS_CAP_FIN) && !d->fin && off >= 0) {
        d->fin = true;
        d->fin_off = (uint64_t)off + seg->len;
    }
}

void tls_cap_dir_segment(tls_cap_dir *d, const tls_cap_packet *seg, uint64_t frame,
                         tls_cap_deliver_fn deliver, void *ctx)
{
    if (d->stopped)
        return;
    if (!d->started)
        start(d, seg);
    if (seg->flags & TLS_CAP_SYN)
        return;                 /* SYN carries no data we follow (nor does its retransmission) */
    int64_t off = offset_of(d, seg->seq);
    note_fin(d, seg, off);
    if (seg->len == 0 || off < 0)
        return;
    d->segments++;
    uint64_t uoff = (uint64_t)off;
    if (uoff + seg->len <= d->next) {
        d->repeated++;
        return;
    }
    if (uoff > d->next) {
        keep(d, seg->payload, seg->len, uoff, frame);
        return;
    }
    deliver_from(d, seg->payload, seg->len, uoff, frame, deliver, ctx);
    drain(d, deliver, ctx);
}

bool tls_cap_dir_finish(tls_cap_dir *d)
{
    if (d->stopped)
        return true;
    if (d->pending || (d->fin && d->fin_off > d->next))
        stop(d);
    if (d->stopped && d->gap_end == d->gap_off && d->fin)
        d->gap_end = d->fin_off;
    return d->stopped;
}
