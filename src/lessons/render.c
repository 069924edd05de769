/* Rendering a lesson's Markdown subset: blocks (paragraphs, list items,
 * headings, code blocks) each parsed inline (spans.c) and wrapped
 * (wrap.c), CJK-aware joining of source lines.  See
 * include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

typedef enum bkind { B_NONE, B_PARA, B_ITEM, B_HEADING, B_CODE } bkind;

typedef struct blocks {
    tls_ldoc *doc;
    const tls_render_opts *o;
    int width;
    bkind cur, last;
    lsn_sbuf text;
    int item_level;
    char marker[16];
} blocks;

static void block_gap(blocks *B, bkind next)
{
    if (B->doc->n > 0 && !(next == B_ITEM && B->last == B_ITEM))
        lsn_doc_blank_add(B->doc);
}

static int clamp_indent(int indent, int width)
{
    return indent > width - 6 ? (width - 6 > 0 ? width - 6 : 0) : indent;
}

static void flush(blocks *B)
{
    if (B->cur == B_NONE)
        return;
    lsn_spans sp = {0};
    lsn_inline_parse(&sp, B->text.p ? B->text.p : "", TLS_LS_NORMAL, B->o);
    if (sp.oom || B->text.oom)
        B->doc->oom = true;
    block_gap(B, B->cur);
    lsn_layout L = {B->doc, B->width, 0, 0};
    if (B->cur == B_ITEM) {
        int ind = clamp_indent(2 * B->item_level, B->width);
        int mw = tls_utf8_width(B->marker);
        L.indent_rest = clamp_indent(ind + mw + 1, B->width);
        lsn_doc_line_start(B->doc, ind, 0);
        lsn_doc_put(B->doc, TLS_LS_BULLET, B->marker, strlen(B->marker), mw);
        lsn_doc_put(B->doc, TLS_LS_NORMAL, " ", 1, 1);
    } else {
        lsn_doc_line_start(B->doc, 0, 0);
    }
    lsn_spans_layout(&L, &sp);
    lsn_spans_free(&sp);
    B->last = B->cur;
    B->cur = B_NONE;
    B->text.n = 0;
    if (B->text.p)
        B->text.p[0] = '\0';
}

static void heading(blocks *B, int level, const char *text)
{
    lsn_spans sp = {0};
    lsn_inline_parse(&sp, text, TLS_LS_HEADING, B->o);
    if (sp.oom)
        B->doc->oom = true;
    block_gap(B, B_HEADING);
    lsn_layout L = {B->doc, B->width, 0, level};
    lsn_doc_line_start(B->doc, 0, level);
    lsn_spans_layout(&L, &sp);
    lsn_spans_free(&sp);
    B->last = B_HEADING;
}

/* Fullwidth and ideographic punctuation. */
static bool is_cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65);
}

/* Join a source line to the current paragraph: nothing between two CJK
 * characters or next to CJK punctuation, else a space (so "ECDHE" at the
 * end of a line stays apart from the Chinese word that follows, as
 * written mid-line). */
static void join_line(lsn_sbuf *b, const char *s, size_t len)
{
    if (b->n && len) {
        /* last code point of b */
        size_t k = b->n;
        while (k > 0 && ((unsigned char)b->p[k - 1] & 0xC0) == 0x80)
            k--;
        uint32_t a = 0, c = 0;
        if (k > 0)
            tls_utf8_decode(b->p + k - 1, b->n - (k - 1), &a);
        tls_utf8_decode(s, len, &c);
        bool wa = tls_cp_width(a) == 2, wc = tls_cp_width(c) == 2;
        if (!(wa && wc) && !is_cjk_punct(a) && !is_cjk_punct(c))
            lsn_sbuf_add(b, " ", 1);
    }
    lsn_sbuf_add(b, s, len);
}

/* A list item marker: "- ", "* ", "+ ", "12. ", "3) "; returns the bytes
 * to skip (marker and blanks) or 0. */
static size_t item_marker(const char *s, size_t len, char *marker, size_t cap)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
        snprintf(marker, cap, "%s", "•");
        size_t k = 1;
        while (k < len && s[k] == ' ')
            k++;
        return k;
    }
    size_t d = 0;
    while (d < len && d < 3 && isdigit((unsigned char)s[d]))
        d++;
    if (d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
        snprintf(marker, cap, "%.*s.", (int)d, s);
        size_t k = d + 1;
        while (k < len && s[k] == ' ')
            k++;
        return k;
    }
    return 0;
}

/* One line inside a code block (\p len bytes at \p p): tabs expanded, its
 * own indentation kept, set 4 columns in (lsn_spans_layout_pre). */
static void render_code_line(blocks *B, const char *p, size_t len)
{
    lsn_spans sp = {0};
    lsn_sbuf line = {0};
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\t')
            lsn_sbuf_add(&line, "    ", 4);
        else
            lsn_sbuf_add(&line, p + i, 1);
    }
    if (line.n) {
        lsn_code_parse(&sp, line.p, line.n, TLS_LS_CODE, B->o);
        lsn_doc_line_start(B->doc, clamp_indent(4, B->width), 0);
        lsn_layout L = {B->doc, B->width, clamp_indent(4, B->width), 0};
        lsn_spans_layout_pre(&L, &sp);
    } else {
        lsn_doc_blank_add(B->doc);
    }
    if (sp.oom || line.oom)
        B->doc->oom = true;
    lsn_spans_free(&sp);
    free(line.p);
}

static void render_body(blocks *B, const char *body)
{
    const char *p = body;
    bool in_code = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *next = nl ? nl + 1 : p + len;
        if (len && p[len - 1] == '\r')
            len--;
        /* trimmed view */
        size_t ind = 0;
        while (ind < len && (p[ind] == ' ' || p[ind] == '\t'))
            ind++;
        const char *t = p + ind;
        size_t tlen = len - ind;
        while (tlen && (t[tlen - 1] == ' ' || t[tlen - 1] == '\t'))
            tlen--;

        if (in_code) {
            if (tlen >= 3 && memcmp(t, "```", 3) == 0) {
                in_code = false;
                B->last = B_CODE;
            } else {
                render_code_line(B, p, len);
            }
        } else if (tlen == 0) {
            flush(B);
        } else if (tlen >= 3 && memcmp(t, "```", 3) == 0) {
            flush(B);
            block_gap(B, B_CODE);
            in_code = true;
        } else if (ind == 0 && t[0] == '#') {
            size_t h = 0;
            while (h < tlen && t[h] == '#')
                h++;
            if (h <= 6 && h < tlen && t[h] == ' ') {
                flush(B);
                size_t k = h;
                while (k < tlen && t[k] == ' ')
                    k++;
                char *text = lsn_text_dup(t + k, tlen - k);
                if (text)
                    heading(B, h > 3 ? 3 : (int)h, text);
                else
                    B->doc->oom = true;
                free(text);
            } else {
                if (B->cur == B_NONE)
                    B->cur = B_PARA;
                join_line(&B->text, t, tlen);
            }
        } else {
            char marker[16];
            size_t skip = item_marker(t, tlen, marker, sizeof marker);
            if (skip) {
                flush(B);
                B->cur = B_ITEM;
                B->item_level = (int)(ind / 2) > 3 ? 3 : (int)(ind / 2);
                memcpy(B->marker, marker, sizeof marker);
                join_line(&B->text, t + skip, tlen - skip);
            } else {
                if (B->cur == B_NONE)
                    B->cur = B_PARA;
                join_line(&B->text, t, tlen);
            }
        }
        p = next;
    }
    flush(B);
}

static int clamp_width(int w)
{
    return w < 12 ? 12 : w > 1000 ? 1000 : w;
}

void tls_markdown_render(tls_ldoc *doc, const char *title, const char *body,
                         const tls_render_opts *o)
{
    blocks B = {.doc = doc, .o = o, .width = clamp_width(o->width)};
    B.last = doc->n ? B_PARA : B_NONE;
    if (title && *title)
        heading(&B, 1, title);
    if (body)
        render_body(&B, body);
    if (B.text.oom)
        doc->oom = true;
    free(B.text.p);
}
