/*
 * The capture, streamed: libpcap reads pcap and pcapng (no home-made file
 * parser), each TCP segment finds its connection in a hash table, and its
 * direction is reassembled.  A connection is let go (its memory freed) as
 * soon as it closes; the rest are finished when the file ends.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>

#include "tlssim/capture.h"
#include "tlssim/text.h"

#define BUCKETS 4096u

typedef struct conn_node {
    struct conn_node *next;       /* same bucket */
    tls_cap_conn c;
} conn_node;

typedef struct reader {
    const tls_cap_sink *sink;
    conn_node *bucket[BUCKETS];
    tls_cap_stats *stats;
    bool oom;
} reader;

typedef struct deliver_ctx {
    reader *r;
    tls_cap_conn *c;
    int dir;
} deliver_ctx;

static bool addr_eq(const tls_cap_addr *a, const tls_cap_addr *b)
{
    size_t n = a->family == 4 ? 4 : 16;
    return a->family == b->family && a->port == b->port && memcmp(a->ip, b->ip, n) == 0;
}

/* The same for both directions: the two ends hashed in either order. */
static unsigned bucket_of(const tls_cap_addr *a, const tls_cap_addr *b)
{
    uint32_t h[2] = { 2166136261u, 2166136261u };
    const tls_cap_addr *e[2] = { a, b };
    for (int i = 0; i < 2; i++) {
        for (size_t k = 0; k < 16; k++)
            h[i] = (h[i] ^ e[i]->ip[k]) * 16777619u;
        h[i] = (h[i] ^ e[i]->port) * 16777619u;
    }
    return (h[0] ^ h[1]) % BUCKETS;
}

/* The newest connection between these ends (closed ones too: the last
 * ACK after both FINs is not a new connection), and the direction of src. */
static conn_node *find(reader *r, const tls_cap_packet *pk, int *dir)
{
    for (conn_node *n = r->bucket[bucket_of(&pk->src, &pk->dst)]; n; n = n->next) {
        for (int d = 0; d < 2; d++)
            if (addr_eq(&n->c.end[d], &pk->src) && addr_eq(&n->c.end[!d], &pk->dst)) {
                *dir = d;
                return n;
            }
    }
    return NULL;
}

static conn_node *create(reader *r, const tls_cap_packet *pk, uint64_t frame, int *dir)
{
    if (r->stats->conns >= TLS_CAP_CONN_MAX) {
        r->stats->conns_dropped++;
        return NULL;
    }
    conn_node *n = calloc(1, sizeof(*n));
    if (!n) {
        r->oom = true;
        return NULL;
    }
    /* The SYN's sender is the client; a SYN-ACK's receiver; else the first sender. */
    bool synack = (pk->flags & (TLS_CAP_SYN | TLS_CAP_ACK)) == (TLS_CAP_SYN | TLS_CAP_ACK);
    *dir = synack ? 1 : 0;
    n->c.end[*dir] = pk->src;
    n->c.end[!*dir] = pk->dst;
    n->c.id = ++r->stats->conns;
    n->c.first_frame = frame;
    unsigned b = bucket_of(&pk->src, &pk->dst);
    n->next = r->bucket[b];
    r->bucket[b] = n;
    if (r->sink->conn_new)
        r->sink->conn_new(r->sink->ctx, &n->c);
    return n;
}

static void on_bytes(void *ctx, const uint8_t *p, size_t n, uint64_t off, uint64_t frame)
{
    deliver_ctx *d = ctx;
    d->r->sink->data(d->r->sink->ctx, d->c, d->dir, p, n, off, frame);
}

/* Finish both directions and tell the reader; frees what the connection holds. */
static void end_conn(reader *r, tls_cap_conn *c)
{
    for (int d = 0; d < 2; d++) {
        bool was = c->dir[d].stopped;
        if (!c->ignore && tls_cap_dir_finish(&c->dir[d]) && !was && r->sink->gap)
            r->sink->gap(r->sink->ctx, c, d);
        tls_cap_dir_free(&c->dir[d]);
    }
    c->closed = true;
    if (!c->ignore && r->sink->conn_end)
        r->sink->conn_end(r->sink->ctx, c);
}

static void on_segment(reader *r, const tls_cap_packet *pk, uint64_t frame)
{
    int dir = 0;
    conn_node *n = find(r, pk, &dir);
    bool syn = (pk->flags & (TLS_CAP_SYN | TLS_CAP_ACK)) == TLS_CAP_SYN;
    if (!n || (n->c.closed && syn))     /* a SYN after the close: the ports reused */
        n = create(r, pk, frame, &dir);
    if (!n)
        return;
    tls_cap_conn *c = &n->c;
    c->last_frame = frame;
    if (c->ignore || c->closed)
        return;
    tls_cap_dir *d = &c->dir[dir];
    bool was = d->stopped;
    deliver_ctx dc = { r, c, dir };
    tls_cap_dir_segment(d, pk, frame, on_bytes, &dc);
    if (d->stopped && !was && r->sink->gap)
        r->sink->gap(r->sink->ctx, c, dir);
    if (c->ignore) {            /* the reader let it go just now: keep nothing */
        tls_cap_dir_free(&c->dir[0]);
        tls_cap_dir_free(&c->dir[1]);
        return;
    }
    bool fins = c->dir[0].fin && c->dir[1].fin;
    if ((pk->flags & TLS_CAP_RST) || (fins && !c->dir[0].pending && !c->dir[1].pending))
        end_conn(r, c);
}

static void free_all(reader *r)
{
    for (unsigned b = 0; b < BUCKETS; b++) {
        while (r->bucket[b]) {
            conn_node *n = r->bucket[b];
            r->bucket[b] = n->next;
            if (!n->c.closed)
                end_conn(r, &n->c);
            free(n);
        }
    }
}

/* The connections still open at the end, in the order they started. */
static void end_open_in_order(reader *r)
{
    for (unsigned id = 1; id <= r->stats->conns; id++)
        for (unsigned b = 0; b < BUCKETS; b++)
            for (conn_node *n = r->bucket[b]; n; n = n->next)
                if (n->c.id == id && !n->c.closed)
                    end_conn(r, &n->c);
}

static void end_open(reader *r)
{
    /* In order when few are left open (the usual case); else bucket order. */
    unsigned open = 0;
    for (unsigned b = 0; b < BUCKETS; b++)
        for (conn_node *n = r->bucket[b]; n; n = n->next)
            open += !n->c.closed;
    if (open <= 256)
        end_open_in_order(r);
    free_all(r);
}

static tls_cap_status read_loop(pcap_t *pc, reader *r, char *detail, size_t detail_len)
{
    struct pcap_pkthdr *h;
    const u_char *data;
    int rc;
    while ((rc = pcap_next_ex(pc, &h, &data)) == 1) {
        r->stats->frames++;
        tls_cap_packet pk;
        if (!tls_cap_decode(r->stats->link, data, h->caplen, &pk))
            continue;
        r->stats->tcp++;
        on_segment(r, &pk, r->stats->frames);
        if (r->oom)
            return TLS_CAP_NO_MEMORY;
    }
    if (rc == PCAP_ERROR) {
        snprintf(detail, detail_len, "%s", pcap_geterr(pc));
        return TLS_CAP_TRUNCATED;
    }
    return TLS_CAP_OK;
}

tls_cap_status tls_cap_read(const char *path, const tls_cap_sink *sink,
                            tls_cap_stats *stats, char *detail, size_t detail_len)
{
    char err[PCAP_ERRBUF_SIZE] = "";
    memset(stats, 0, sizeof(*stats));
    if (detail_len)
        detail[0] = '\0';
    /* Opened here, not by libpcap: its message for a file that cannot be
     * opened comes from strerror in whatever language LANGUAGE says. */
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(detail, detail_len, "%s", tls_text_strerror(errno));
        return TLS_CAP_UNREADABLE;
    }
    pcap_t *pc = pcap_fopen_offline(f, err);
    if (!pc) {
        fclose(f); /* pcap_close closes it once opened, not on failure */
        snprintf(detail, detail_len, "%s", err);
        return TLS_CAP_UNREADABLE;
    }
    stats->link = pcap_datalink(pc);
    if (!tls_cap_link_known(stats->link)) {
        const char *name = pcap_datalink_val_to_name(stats->link);
        snprintf(detail, detail_len, "%s (%d)", name ? name : "?", stats->link);
        pcap_close(pc);
        return TLS_CAP_LINK_UNKNOWN;
    }
    reader *r = calloc(1, sizeof(*r));
    if (!r) {
        pcap_close(pc);
        return TLS_CAP_NO_MEMORY;
    }
    r->sink = sink;
    r->stats = stats;
    tls_cap_status st = read_loop(pc, r, detail, detail_len);
    end_open(r);
    free(r);
    pcap_close(pc);
    return st;
}

void tls_cap_addr_str(const tls_cap_addr *a, char *out, size_t len)
{
    if (!inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->ip, out, (socklen_t)len))
        snprintf(out, len, "?");
}
