/*
 * From a captured frame down to its TCP segment.  Every length comes from
 * the file, so every step checks it against the bytes actually captured.
 * The IP header's own length bounds the payload (Ethernet pads short
 * frames); a payload the snapshot length cut is reported as cut, never
 * handed on half.
 */
#include <string.h>

#include "tlssim/capture.h"

#define ETH_IPV4 0x0800
#define ETH_IPV6 0x86DD
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88A8
#define VLAN_DEPTH_MAX 4

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool tls_cap_link_known(int link)
{
    switch (link) {
    case TLS_CAP_LINK_NULL: case TLS_CAP_LINK_ETHERNET: case TLS_CAP_LINK_RAW:
    case TLS_CAP_LINK_RAW_14: case TLS_CAP_LINK_LOOP: case TLS_CAP_LINK_SLL:
    case TLS_CAP_LINK_IPV4: case TLS_CAP_LINK_IPV6: case TLS_CAP_LINK_SLL2:
        return true;
    default:
        return false;
    }
}

/* The TCP header at p (n bytes of segment as the IP header counts them, of
 * which have were captured). */
static bool decode_tcp(const uint8_t *p, size_t n, size_t have, tls_cap_packet *out)
{
    if (n < 20 || have < 20)
        return false;
    size_t hlen = (size_t)(p[12] >> 4) * 4;
    if (hlen < 20 || hlen > n || hlen > have)
        return false;
    out->src.port = be16(p);
    out->dst.port = be16(p + 2);
    out->seq = be32(p + 4);
    out->flags = p[13];
    out->len = n - hlen;
    out->cut = have < n;
    out->payload = out->cut ? NULL : p + hlen;
    if (out->cut)
        out->len = 0;
    return true;
}

static bool decode_ipv4(const uint8_t *p, size_t have, tls_cap_packet *out)
{
    if (have < 20 || p[0] >> 4 != 4)
        return false;
    size_t hlen = (size_t)(p[0] & 0x0f) * 4;
    size_t total = be16(p + 2);
    if (hlen < 20 || total < hlen || have < hlen || p[9] != 6)
        return false;
    if ((be16(p + 6) & 0x3fff) != 0)        /* a fragment: MF set or an offset */
        return false;
    out->src.family = out->dst.family = 4;
    memcpy(out->src.ip, p + 12, 4);
    memcpy(out->dst.ip, p + 16, 4);
    return decode_tcp(p + hlen, total - hlen, have - hlen, out);
}

static bool decode_ipv6(const uint8_t *p, size_t have, tls_cap_packet *out)
{
    if (have < 40 || p[0] >> 4 != 6)
        return false;
    size_t n = be16(p + 4), at = 40;
    uint8_t next = p[6];
    out->src.family = out->dst.family = 6;
    memcpy(out->src.ip, p + 8, 16);
    memcpy(out->dst.ip, p + 24, 16);
    /* Hop-by-hop, routing and destination options: skip; a fragment: drop. */
    while (next == 0 || next == 43 || next == 60) {
        if (have < at + 8 || n < at - 40 + 8)
            return false;
        size_t ext = ((size_t)p[at + 1] + 1) * 8;
        next = p[at];
        at += ext;
    }
    if (next != 6 || n + 40 < at)
        return false;
    return decode_tcp(p + at, n + 40 - at, have > at ? have - at : 0, out);
}

static bool decode_ip(uint16_t ethertype, const uint8_t *p, size_t have, tls_cap_packet *out)
{
    if (ethertype == ETH_IPV4)
        return decode_ipv4(p, have, out);
    if (ethertype == ETH_IPV6)
        return decode_ipv6(p, have, out);
    return false;
}

/* An EtherType at p[-2..-1] already read; VLAN tags before the real one. */
static bool decode_ether_payload(uint16_t type, const uint8_t *p, size_t have,
                                 tls_cap_packet *out)
{
    for (int depth = 0; (type == ETH_VLAN || type == ETH_QINQ) && depth < VLAN_DEPTH_MAX; depth++) {
        if (have < 4)
            return false;
        type = be16(p + 2);
        p += 4;
        have -= 4;
    }
    return decode_ip(type, p, have, out);
}

/* BSD loopback: the address family, in the writer's byte order (NULL) or
 * network order (LOOP).  AF_INET is 2 everywhere; AF_INET6 is 24, 28 or 30. */
static bool decode_null(const uint8_t *p, size_t have, bool network_order, tls_cap_packet *out)
{
    if (have < 4)
        return false;
    uint32_t fam = network_order ? be32(p)
                 : (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if (!network_order && fam > 0xffff)
        fam = be32(p);                       /* written on a big-endian machine */
    if (fam == 2)
        return decode_ipv4(p + 4, have - 4, out);
    if (fam == 24 || fam == 28 || fam == 30)
        return decode_ipv6(p + 4, have - 4, out);
    return false;
}

static bool decode_raw(const uint8_t *p, size_t have, tls_cap_packet *out)
{
    if (have < 1)
        return false;
    return (p[0] >> 4) == 4 ? decode_ipv4(p, have, out) : decode_ipv6(p, have, out);
}

bool tls_cap_decode(int link, const uint8_t *p, size_t caplen, tls_cap_packet *out)
{
    memset(out, 0, sizeof(*out));
    switch (link) {
    case TLS_CAP_LINK_ETHERNET:
        return caplen >= 14 && decode_ether_payload(be16(p + 12), p + 14, caplen - 14, out);
    case TLS_CAP_LINK_SLL:      /* type, addr type, addr len, addr[8], protocol */
        return caplen >= 16 && decode_ether_payload(be16(p + 14), p + 16, caplen - 16, out);
    case TLS_CAP_LINK_SLL2:     /* protocol, reserved, ifindex, ..., addr[8] */
        return caplen >= 20 && decode_ether_payload(be16(p), p + 20, caplen - 20, out);
    case TLS_CAP_LINK_NULL:
        return decode_null(p, caplen, false, out);
    case TLS_CAP_LINK_LOOP:
        return decode_null(p, caplen, true, out);
    case TLS_CAP_LINK_RAW: case TLS_CAP_LINK_RAW_14:
        return decode_raw(p, caplen, out);
    case TLS_CAP_LINK_IPV4:
        return decode_ipv4(p, caplen, out);
    case TLS_CAP_LINK_IPV6:
        return decode_ipv6(p, caplen, out);
    default:
        return false;
    }
}
