/* "HOST:PORT" as typed on the command line: see tls_live_parse_endpoint. */
#include <stdio.h>
#include <string.h>

#include "tlssim/live.h"

/* A decimal port 0..65535, nothing else. */
static bool parse_port(const char *s, char *out, size_t out_len)
{
    size_t n = strlen(s);
    if (n == 0 || n > 5 || n >= out_len)
        return false;
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v > 65535)
        return false;
    snprintf(out, out_len, "%u", v);
    return true;
}

static bool copy_host(const char *s, size_t n, char *out, size_t out_len)
{
    if (n >= out_len)
        return false;
    memcpy(out, s, n);
    out[n] = '\0';
    return true;
}

bool tls_live_parse_endpoint(const char *text, bool port_only, char *host, size_t host_len,
                             char *port, size_t port_len)
{
    if (!text || !host_len || !port_len)
        return false;
    host[0] = '\0';
    if (text[0] == '[') {
        /* [IPv6]:PORT: the brackets keep the address's colons apart. */
        const char *end = strchr(text, ']');
        if (!end || end[1] != ':' || end == text + 1)
            return false;
        return copy_host(text + 1, (size_t)(end - text - 1), host, host_len) &&
               parse_port(end + 2, port, port_len);
    }
    const char *colon = strrchr(text, ':');
    if (!colon)
        return port_only && parse_port(text, port, port_len);
    /* More than one colon without brackets is an IPv6 address with no port. */
    if (memchr(text, ':', (size_t)(colon - text)))
        return false;
    if (colon == text && !port_only)
        return false;
    return copy_host(text, (size_t)(colon - text), host, host_len) &&
           parse_port(colon + 1, port, port_len);
}
