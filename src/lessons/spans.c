/* The renderer's text pieces: growing strings (lsn_sbuf), runs of one style
 * (lsn_spans) and inline Markdown parsed into them (emphasis, strong, code,
 * escapes, placeholders).  Shared by the block renderer (render.c) and the
 * wrapper (wrap.c) through render_internal.h. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

void lsn_sbuf_add(lsn_sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void lsn_sbuf_str(lsn_sbuf *b, const char *s) { lsn_sbuf_add(b, s, strlen(s)); }

void lsn_sbuf_spaces(lsn_sbuf *b, int n)
{
    for (int i = 0; i < n; i++)
        lsn_sbuf_add(b, " ", 1);
}

char *lsn_text_dup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void lsn_spans_free(lsn_spans *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].text);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Append text in a style; invalid UTF-8 becomes '?', controls become spaces. */
void lsn_spans_add(lsn_spans *s, tls_lstyle st, const char *text, size_t len)
{
    if (len == 0 || s->oom)
        return;
    lsn_sbuf b = {0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = tls_utf8_decode(text + i, len - i, &cp);
        if (k == 0) {
            lsn_sbuf_add(&b, "?", 1);
            i++;
        } else if (cp < 0x20 || cp == 0x7F) {
            lsn_sbuf_add(&b, " ", 1);
            i += k;
        } else {
            lsn_sbuf_add(&b, text + i, k);
            i += k;
        }
    }
    if (b.oom) {
        free(b.p);
        s->oom = true;
        return;
    }
    if (s->n && s->v[s->n - 1].style == st && st != TLS_LS_VALUE && st != TLS_LS_MISSING) {
        lsn_span *last = &s->v[s->n - 1];
        size_t ln = strlen(last->text);
        char *t = realloc(last->text, ln + b.n + 1);
        if (!t) {
            free(b.p);
            s->oom = true;
            return;
        }
        memcpy(t + ln, b.p, b.n + 1);
        last->text = t;
        free(b.p);
        return;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        lsn_span *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            free(b.p);
            s->oom = true;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].style = st;
    s->v[s->n].text = b.p;
    s->n++;
}

/* Text of a code span or fenced line: only placeholders are special. */
void lsn_code_parse(lsn_spans *out, const char *p, size_t len, tls_lstyle st,
                    const tls_render_opts *o)
{
    const char *end = p + len, *start = p;
    while (p < end) {
        if (p + 1 < end && p[0] == '{' && p[1] == '{') {
            const char *close = NULL;
            for (const char *q = p + 2; q + 1 < end; q++)
                if (q[0] == '}' && q[1] == '}') {
                    close = q;
                    break;
                }
            if (close) {
                lsn_spans_add(out, st, start, (size_t)(p - start));
                lsn_placeholder_emit(out, p + 2, (size_t)(close - p - 2), o);
                p = start = close + 2;
                continue;
            }
        }
        p++;
    }
    lsn_spans_add(out, st, start, (size_t)(end - start));
}

/* A paragraph, list item or heading text: emphasis, strong, code, escapes,
 * placeholders.  \p base is TLS_LS_NORMAL or TLS_LS_HEADING. */
void lsn_inline_parse(lsn_spans *out, const char *text, tls_lstyle base,
                      const tls_render_opts *o)
{
    lsn_sbuf cur = {0};
    bool em = false, strong = false;
    const char *p = text;
#define CUR_STYLE (base == TLS_LS_HEADING ? TLS_LS_HEADING \
                   : strong ? TLS_LS_STRONG : em ? TLS_LS_EMPHASIS : base)
#define FLUSH() do { if (cur.n) lsn_spans_add(out, CUR_STYLE, cur.p, cur.n); \
                     cur.n = 0; } while (0)
    while (*p) {
        char c = *p;
        if (c == '\\' && p[1] && ispunct((unsigned char)p[1])) {
            lsn_sbuf_add(&cur, p + 1, 1);
            p += 2;
        } else if (c == '{' && p[1] == '{') {
            const char *close = lsn_placeholder_end(p + 2);
            if (close) {
                FLUSH();
                lsn_placeholder_emit(out, p + 2, (size_t)(close - p - 2), o);
                p = close + 2;
            } else {
                lsn_sbuf_add(&cur, p, 2);
                p += 2;
            }
        } else if (c == '`') {
            const char *close = strchr(p + 1, '`');
            if (close) {
                FLUSH();
                lsn_code_parse(out, p + 1, (size_t)(close - p - 1), TLS_LS_CODE, o);
                p = close + 1;
            } else {
                lsn_sbuf_add(&cur, p, 1);
                p++;
            }
        } else if (c == '*' && p[1] == '*') {
            if (strong) {
                FLUSH();
                strong = false;
            } else if (p[2] && p[2] != ' ' && strstr(p + 2, "**")) {
                FLUSH();
                strong = true;
            } else {
                lsn_sbuf_add(&cur, p, 2);
            }
            p += 2;
        } else if (c == '*') {
            if (em) {
                FLUSH();
                em = false;
            } else if (p[1] && p[1] != ' ' && strchr(p + 1, '*')) {
                FLUSH();
                em = true;
            } else {
                lsn_sbuf_add(&cur, p, 1);
            }
            p++;
        } else {
            lsn_sbuf_add(&cur, p, 1);
            p++;
        }
    }
    FLUSH();
#undef FLUSH
#undef CUR_STYLE
    if (cur.oom)
        out->oom = true;
    free(cur.p);
}
