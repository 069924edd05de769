/* Key log and pcap files from a trace: see include/tlssim/export.h. */
#include "tlssim/export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tlssim/crypto.h"

/* ------------------------------------------------------------ key log */

/* The last value of \p kind in connection \p conn, as the client knows it,
 * else the server, else (\p wire_too) the wire. */
static const tls_event *connection_value(const tls_trace *t, int conn, tls_value_kind kind,
                                         bool wire_too)
{
    const tls_event *by[TLS_PARTY_COUNT] = {NULL};
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind == TLS_EV_VALUE && e->value == kind && e->connection == conn)
            by[e->party] = e;
    }
    return by[TLS_PARTY_CLIENT] ? by[TLS_PARTY_CLIENT]
           : by[TLS_PARTY_SERVER] ? by[TLS_PARTY_SERVER]
           : wire_too ? by[TLS_PARTY_WIRE] : NULL;
}

/* The NSS key log line of connection \p conn: the label, the client random
 * that identifies the session, then the 48-byte master secret (a resumed
 * connection has its own random and the session's master secret).
 * \p line holds 13 + 64 + 1 + 96 + 2 bytes; TLS_ERR_INTERNAL when the
 * connection never derived a master secret. */
#define KEYLOG_LINE_MAX 180
static tls_err keylog_line(const tls_trace *t, int conn, char line[KEYLOG_LINE_MAX])
{
    const tls_event *cr = connection_value(t, conn, TLS_VALUE_CLIENT_RANDOM, true);
    const tls_event *ms = connection_value(t, conn, TLS_VALUE_MASTER_SECRET, false);
    if (!cr || !ms || cr->len != 32 || ms->len != 48)
        return TLS_ERR_INTERNAL;
    char *r = tls_hex(cr->bytes, cr->len);
    char *m = tls_hex(ms->bytes, ms->len);
    tls_err err = r && m ? TLS_OK : TLS_ERR_INTERNAL;
    if (err == TLS_OK)
        snprintf(line, KEYLOG_LINE_MAX, "CLIENT_RANDOM %s %s\n", r, m);
    if (m) {
        tls_wipe(m, strlen(m));
        free(m);
    }
    free(r);
    return err;
}

/* The number of connections the trace holds. */
static int trace_connections(const tls_trace *t)
{
    return t->n ? t->ev[t->n - 1].connection + 1 : 1;
}

tls_err tls_keylog_write(const tls_trace *t, FILE *out)
{
    char line[KEYLOG_LINE_MAX];
    tls_err err = TLS_OK;
    int written = 0;
    /* One line per connection that has a master secret (a resumed run: two). */
    for (int c = 0; c < trace_connections(t) && err == TLS_OK; c++) {
        if (keylog_line(t, c, line) != TLS_OK)
            continue;
        written++;
        if (fputs(line, out) < 0)
            err = TLS_ERR_IO;
    }
    tls_wipe(line, sizeof line);
    return err == TLS_OK && written == 0 ? TLS_ERR_INTERNAL : err;
}

/* "cannot write PATH: ERROR" into \p why, when the caller wants a reason. */
static void cannot_write(tls_text *why, const char *path, const char *error)
{
    if (why)
        tls_text_make(why, TLS_TEXT_CANNOT_WRITE,
                      TLS_ARGS(TLS_ARG_S("path", path), TLS_ARG_T("error", error)));
}

/* Open for writing with \p mode; fclose reports the final write error. */
static FILE *open_out(const char *path, mode_t mode, tls_text *why)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        cannot_write(why, path, tls_text_strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return f;
}

static tls_err close_out(FILE *f, tls_err err, const char *path, tls_text *why)
{
    bool bad = ferror(f) != 0;
    if (fclose(f) != 0)
        bad = true;
    if (err == TLS_OK && bad) {
        cannot_write(why, path, tls_text_strerror(errno));
        return TLS_ERR_IO;
    }
    return err;
}

tls_err tls_keylog_save(const tls_trace *t, const char *path, tls_text *why)
{
    /* Check there is a line before creating the file, so a failed run
     * leaves no empty log behind. */
    char line[KEYLOG_LINE_MAX];
    tls_err has = keylog_line(t, 0, line);
    tls_wipe(line, sizeof line);
    if (has != TLS_OK) {
        if (why)
            tls_text_make(why, TLS_TEXT_NO_KEYLOG, NULL);
        return TLS_ERR_INTERNAL;
    }
    FILE *f = open_out(path, 0600, why);
    tls_err err = f ? tls_keylog_write(t, f) : TLS_ERR_IO;
    return f ? close_out(f, err, path, why) : err;
}

/* --------------------------------------------------------------- pcap */

/* Fixed endpoints: 127.0.0.1:51443 (client) and 127.0.0.2:443 (server). */
static const uint8_t ip_client[4] = {127, 0, 0, 1};
static const uint8_t ip_server[4] = {127, 0, 0, 2};
static const uint8_t mac_client[6] = {0x02, 0, 0, 0, 0, 0x01};
static const uint8_t mac_server[6] = {0x02, 0, 0, 0, 0, 0x02};
#define CLIENT_PORT 51443
#define PCAP_T0 1735689600u /* 2025-01-01 00:00:00 UTC */

enum { TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_PSH = 0x08, TCP_ACK = 0x10 };

/* One direction of the connection: its next sequence number and IP id. */
typedef struct pcap_flow {
    uint32_t seq;
    uint16_t ip_id;
} pcap_flow;

typedef struct pcap_out {
    FILE *f;
    pcap_flow flow[2];      /* 0: client → server, 1: server → client */
    uint32_t packets;       /* for the timestamps */
    uint16_t port;          /* the client's port of the connection written now */
    bool bad;
} pcap_out;

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v >> 16);
    put16(p + 2, v);
}

/* pcap headers are in the writer's byte order; the magic tells readers which. */
static void out_le32(pcap_out *o, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    if (fwrite(b, 1, 4, o->f) != 4)
        o->bad = true;
}

/* RFC 1071: the ones' complement of the ones' complement sum of 16-bit words. */
static uint32_t sum16(uint32_t sum, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += (uint32_t)p[n - 1] << 8;
    return sum;
}

static uint16_t fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* One Ethernet + IPv4 + TCP frame carrying \p n bytes from direction \p dir. */
static void pcap_packet(pcap_out *o, int dir, uint8_t flags, const uint8_t *data, size_t n);

/* A TCP connection opens (the three-way handshake) or closes (FIN both
 * ways); each connection of the run has its own client port and sequence
 * numbers, so Wireshark sees two streams. */
static void pcap_open(pcap_out *o, int conn)
{
    o->port = (uint16_t)(CLIENT_PORT + conn);
    /* Fixed initial sequence numbers: Wireshark shows them relative anyway. */
    o->flow[0].seq = 0x10000000u + 0x01000000u * (uint32_t)conn;
    o->flow[1].seq = 0x20000000u + 0x01000000u * (uint32_t)conn;
    pcap_packet(o, 0, TCP_SYN, NULL, 0);
    pcap_packet(o, 1, TCP_SYN | TCP_ACK, NULL, 0);
    pcap_packet(o, 0, TCP_ACK, NULL, 0);
}

static void pcap_close(pcap_out *o)
{
    pcap_packet(o, 0, TCP_FIN | TCP_ACK, NULL, 0);
    pcap_packet(o, 1, TCP_FIN | TCP_ACK, NULL, 0);
    pcap_packet(o, 0, TCP_ACK, NULL, 0);
}

static void pcap_packet(pcap_out *o, int dir, uint8_t flags, const uint8_t *data, size_t n)
{
    pcap_flow *me = &o->flow[dir], *peer = &o->flow[1 - dir];
    uint8_t h[14 + 20 + 20];
    memset(h, 0, sizeof h);
    memcpy(h, dir ? mac_client : mac_server, 6);
    memcpy(h + 6, dir ? mac_server : mac_client, 6);
    put16(h + 12, 0x0800);

    uint8_t *ip = h + 14;
    ip[0] = 0x45;
    put16(ip + 2, (uint32_t)(20 + 20 + n));
    put16(ip + 4, me->ip_id++);
    put16(ip + 6, 0x4000); /* don't fragment */
    ip[8] = 64;
    ip[9] = 6;
    memcpy(ip + 12, dir ? ip_server : ip_client, 4);
    memcpy(ip + 16, dir ? ip_client : ip_server, 4);
    put16(ip + 10, fold(sum16(0, ip, 20)));

    uint8_t *tcp = ip + 20;
    put16(tcp, dir ? TLS_PCAP_SERVER_PORT : o->port);
    put16(tcp + 2, dir ? o->port : TLS_PCAP_SERVER_PORT);
    put32(tcp + 4, me->seq);
    put32(tcp + 8, flags & TCP_ACK ? peer->seq : 0);
    tcp[12] = 5 << 4;
    tcp[13] = flags;
    put16(tcp + 14, 65535);
    /* The checksum covers a pseudo-header (addresses, protocol, length). */
    uint8_t pseudo[12];
    memcpy(pseudo, ip + 12, 8);
    pseudo[8] = 0;
    pseudo[9] = 6;
    put16(pseudo + 10, (uint32_t)(20 + n));
    uint32_t sum = sum16(sum16(sum16(0, pseudo, 12), tcp, 20), data, n);
    put16(tcp + 16, fold(sum));

    /* SYN and FIN each take one sequence number, like a byte of data. */
    me->seq += (uint32_t)n + ((flags & (TCP_SYN | TCP_FIN)) ? 1 : 0);

    uint32_t ms = o->packets++;
    out_le32(o, PCAP_T0 + ms / 1000);
    out_le32(o, (ms % 1000) * 1000);
    out_le32(o, (uint32_t)(sizeof h + n));
    out_le32(o, (uint32_t)(sizeof h + n));
    if (fwrite(h, 1, sizeof h, o->f) != sizeof h || (n && fwrite(data, 1, n, o->f) != n))
        o->bad = true;
}

tls_err tls_pcap_write(const tls_trace *t, FILE *out)
{
    size_t records = 0;
    for (size_t i = 0; i < t->n; i++)
        records += t->ev[i].kind == TLS_EV_RECORD;
    if (records == 0)
        return TLS_ERR_INTERNAL;

    pcap_out o = {.f = out};
    o.flow[0].ip_id = 1;
    o.flow[1].ip_id = 1;
    out_le32(&o, 0xa1b2c3d4); /* microsecond timestamps */
    out_le32(&o, 2 | 4u << 16); /* version 2.4 */
    out_le32(&o, 0);          /* thiszone */
    out_le32(&o, 0);          /* sigfigs */
    out_le32(&o, 65535);      /* snaplen */
    out_le32(&o, 1);          /* LINKTYPE_ETHERNET */

    int conn = 0;
    pcap_open(&o, conn);
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_RECORD || !e->bytes)
            continue;
        if (e->connection != conn) {
            pcap_close(&o);
            pcap_open(&o, conn = e->connection);
        }
        int dir = e->party == TLS_PARTY_CLIENT ? 0 : 1;
        pcap_packet(&o, dir, TCP_PSH | TCP_ACK, e->bytes, e->len);
    }
    pcap_close(&o);
    return o.bad ? TLS_ERR_IO : TLS_OK;
}

tls_err tls_pcap_save(const tls_trace *t, const char *path, tls_text *why)
{
    bool any = false;
    for (size_t i = 0; i < t->n && !any; i++)
        any = t->ev[i].kind == TLS_EV_RECORD;
    if (!any) {
        if (why)
            tls_text_make(why, TLS_TEXT_NO_PCAP, NULL);
        return TLS_ERR_INTERNAL;
    }
    FILE *f = open_out(path, 0644, why);
    if (!f)
        return TLS_ERR_IO;
    tls_err err = tls_pcap_write(t, f);
    if (err != TLS_OK)
        cannot_write(why, path, TLS_TERM("write error"));
    return close_out(f, err, path, why);
}
