/* The demo's application data: one HTTP/1.1 exchange.  See include/tlssim/sim.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlssim/sim.h"
#include "tlssim_config.h"

static void write_text(tls_writer *w, const char *s)
{
    tls_writer_bytes(w, (const uint8_t *)s, strlen(s));
}

tls_err tls_demo_http_request(const char *host, tls_writer *w)
{
    char head[512];
    /* Connection: close, so a real server ends the connection after one
     * answer and the run has a clear end (close_notify, then FIN). */
    int n = snprintf(head, sizeof head,
                     "GET / HTTP/1.1\r\nHost: %s\r\nUser-Agent: tlssim/%s\r\n"
                     "Accept: */*\r\nConnection: close\r\n\r\n",
                     host, TLSSIM_VERSION);
    if (n < 0 || (size_t)n >= sizeof head)
        return TLS_ERR_INTERNAL;
    write_text(w, head);
    return tls_writer_error(w);
}

tls_err tls_demo_http_response(const char *host, tls_writer *w)
{
    char body[512], head[256];
    int nb = snprintf(body, sizeof body,
                      "<!DOCTYPE html>\n<html><head><title>tlssim</title></head>\n"
                      "<body><h1>Hello from %s</h1>\n"
                      "<p>This page crossed the wire in TLS 1.2 application_data records, "
                      "encrypted and authenticated with AES-GCM.</p>\n</body></html>\n",
                      host);
    if (nb < 0 || (size_t)nb >= sizeof body)
        return TLS_ERR_INTERNAL;
    int nh = snprintf(head, sizeof head,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                      "Content-Length: %d\r\nConnection: close\r\n\r\n",
                      nb);
    if (nh < 0 || (size_t)nh >= sizeof head)
        return TLS_ERR_INTERNAL;
    write_text(w, head);
    write_text(w, body);
    return tls_writer_error(w);
}

/* Search for the blank line that ends the head from where the last search
 * stopped (less the 3 bytes a split "\r\n\r\n" may have left): linear in
 * the head however it arrives. */
static void find_head_end(tls_http_scan *s, const uint8_t *p, size_t n)
{
    size_t end = n < TLS_HTTP_MAX_HEAD ? n : TLS_HTTP_MAX_HEAD;
    for (size_t i = s->scanned > 3 ? s->scanned - 3 : 0; i + 4 <= end; i++) {
        if (memcmp(p + i, "\r\n\r\n", 4) == 0) {
            s->head = i + 4;
            return;
        }
    }
    s->scanned = end;
}

/* The Content-Length header's value, or -1 when there is none (or it is
 * not a plain number).  Header names are case-insensitive (RFC 9110 §5.1). */
static long content_length(const uint8_t *p, size_t head)
{
    static const char name[] = "content-length:";
    size_t k = sizeof name - 1;
    for (size_t i = 0; i + k < head; i++) {
        if (i > 0 && p[i - 1] != '\n')
            continue;
        size_t j = 0;
        while (j < k && tolower(p[i + j]) == name[j])
            j++;
        if (j < k)
            continue;
        size_t at = i + k;
        while (at < head && (p[at] == ' ' || p[at] == '\t'))
            at++;
        long v = 0;
        size_t digits = 0;
        while (at < head && isdigit(p[at]) && v < 100000000) {
            v = v * 10 + (p[at++] - '0');
            digits++;
        }
        return digits ? v : -1;
    }
    return -1;
}

tls_http_state tls_http_scan_update(tls_http_scan *s, const uint8_t *p, size_t n,
                                    uint64_t total, bool response)
{
    if (s->head == 0) {
        find_head_end(s, p, n);
        if (s->head == 0)
            return s->scanned >= TLS_HTTP_MAX_HEAD ? TLS_HTTP_HEAD_TOO_LONG : TLS_HTTP_PARTIAL;
        s->length = response ? content_length(p, s->head) : 0;
    }
    if (!response)
        return TLS_HTTP_COMPLETE;
    return s->length >= 0 && total - s->head >= (uint64_t)s->length ? TLS_HTTP_COMPLETE
                                                                     : TLS_HTTP_PARTIAL;
}

bool tls_demo_http_request_complete(const uint8_t *p, size_t n)
{
    tls_http_scan s = {0};
    return tls_http_scan_update(&s, p, n, n, false) == TLS_HTTP_COMPLETE;
}

bool tls_demo_http_response_complete(const uint8_t *p, size_t n)
{
    tls_http_scan s = {0};
    return tls_http_scan_update(&s, p, n, n, true) == TLS_HTTP_COMPLETE;
}

int tls_demo_http_first_line(const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n && i < 80 && p[i] >= 0x20 && p[i] < 0x7f)
        i++;
    return (int)i;
}
