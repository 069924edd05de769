/* Rendering lessons: the Markdown subset, placeholders, wrapping by display
 * width, plain-text flattening, and the value lookup over a trace.
 * See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------ strings */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
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

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_spaces(sbuf *b, int n)
{
    for (int i = 0; i < n; i++)
        sb_add(b, " ", 1);
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ------------------------------------------------------------- spans */

/* Inline text after parsing: runs of one style, before wrapping. */
typedef struct span {
    tls_lstyle style;
    char *text;
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
    bool oom;
} spans;

static void spans_free(spans *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].text);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Append text in a style; invalid UTF-8 becomes '?', controls become spaces. */
static void spans_add(spans *s, tls_lstyle st, const char *text, size_t len)
{
    if (len == 0 || s->oom)
        return;
    sbuf b = {0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = tls_utf8_decode(text + i, len - i, &cp);
        if (k == 0) {
            sb_add(&b, "?", 1);
            i++;
        } else if (cp < 0x20 || cp == 0x7F) {
            sb_add(&b, " ", 1);
            i += k;
        } else {
            sb_add(&b, text + i, k);
            i += k;
        }
    }
    if (b.oom) {
        free(b.p);
        s->oom = true;
        return;
    }
    if (s->n && s->v[s->n - 1].style == st && st != TLS_LS_VALUE && st != TLS_LS_MISSING) {
        span *last = &s->v[s->n - 1];
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
        span *v = realloc(s->v, cap * sizeof *v);
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

/* ------------------------------------------------------- placeholders */

const char *lsn_placeholder_end(const char *p)
{
    for (; *p && *p != '\n'; p++)
        if (p[0] == '}' && p[1] == '}')
            return p;
    return NULL;
}

lsn_ph_status lsn_placeholder(const char *inner, size_t len, char *name, size_t cap,
                              tls_value_kind *kind, tls_value_form *form)
{
    while (len && (*inner == ' ' || *inner == '\t')) {
        inner++;
        len--;
    }
    while (len && (inner[len - 1] == ' ' || inner[len - 1] == '\t'))
        len--;
    const char *dot = memchr(inner, '.', len);
    size_t nlen = dot ? (size_t)(dot - inner) : len;
    size_t copy = nlen < cap - 1 ? nlen : cap - 1;
    memcpy(name, inner, copy);
    name[copy] = '\0';
    *form = TLS_VF_DEFAULT;
    if (nlen != copy || !tls_value_kind_of(name, nlen, kind))
        return LSN_PH_UNKNOWN_NAME;
    if (dot) {
        const char *f = dot + 1;
        size_t flen = len - nlen - 1;
        if (flen == 3 && memcmp(f, "hex", 3) == 0)
            *form = TLS_VF_HEX;
        else if (flen == 5 && memcmp(f, "short", 5) == 0)
            *form = TLS_VF_SHORT;
        else if (flen == 3 && memcmp(f, "len", 3) == 0)
            *form = TLS_VF_LEN;
        else
            return LSN_PH_UNKNOWN_FORM;
    }
    return LSN_PH_OK;
}

const char *tls_lesson_unknown_marker(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "（尚未得知）" : "(not yet known)";
}

static void emit_placeholder(spans *out, const char *inner, size_t len,
                             const tls_render_opts *o)
{
    char name[64];
    tls_value_kind kind;
    tls_value_form form;
    int step = lsn_step_ref(inner, len, o->flow);
    if (step > 0) {
        snprintf(name, sizeof name, "%d", step);
        spans_add(out, TLS_LS_VALUE, name, strlen(name));
        return;
    }
    if (lsn_is_step_ref(inner, len) ||
        lsn_placeholder(inner, len, name, sizeof name, &kind, &form) != LSN_PH_OK) {
        spans_add(out, TLS_LS_MISSING, "{{", 2);
        spans_add(out, TLS_LS_MISSING, inner, len);
        spans_add(out, TLS_LS_MISSING, "}}", 2);
        return;
    }
    char *v = o->lookup ? o->lookup(o->ctx, kind, form) : NULL;
    if (v) {
        spans_add(out, TLS_LS_VALUE, v, strlen(v));
        free(v);
    } else {
        const char *m = tls_lesson_unknown_marker(o->lang);
        spans_add(out, TLS_LS_MISSING, m, strlen(m));
    }
}

/* ------------------------------------------------------ inline parsing */

/* Text of a code span or fenced line: only placeholders are special. */
static void parse_code(spans *out, const char *p, size_t len, tls_lstyle st,
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
                spans_add(out, st, start, (size_t)(p - start));
                emit_placeholder(out, p + 2, (size_t)(close - p - 2), o);
                p = start = close + 2;
                continue;
            }
        }
        p++;
    }
    spans_add(out, st, start, (size_t)(end - start));
}

/* A paragraph, list item or heading text: emphasis, strong, code, escapes,
 * placeholders.  \p base is TLS_LS_NORMAL or TLS_LS_HEADING. */
static void parse_inline(spans *out, const char *text, tls_lstyle base,
                         const tls_render_opts *o)
{
    sbuf cur = {0};
    bool em = false, strong = false;
    const char *p = text;
#define CUR_STYLE (base == TLS_LS_HEADING ? TLS_LS_HEADING \
                   : strong ? TLS_LS_STRONG : em ? TLS_LS_EMPHASIS : base)
#define FLUSH() do { if (cur.n) spans_add(out, CUR_STYLE, cur.p, cur.n); \
                     cur.n = 0; } while (0)
    while (*p) {
        char c = *p;
        if (c == '\\' && p[1] && ispunct((unsigned char)p[1])) {
            sb_add(&cur, p + 1, 1);
            p += 2;
        } else if (c == '{' && p[1] == '{') {
            const char *close = lsn_placeholder_end(p + 2);
            if (close) {
                FLUSH();
                emit_placeholder(out, p + 2, (size_t)(close - p - 2), o);
                p = close + 2;
            } else {
                sb_add(&cur, p, 2);
                p += 2;
            }
        } else if (c == '`') {
            const char *close = strchr(p + 1, '`');
            if (close) {
                FLUSH();
                parse_code(out, p + 1, (size_t)(close - p - 1), TLS_LS_CODE, o);
                p = close + 1;
            } else {
                sb_add(&cur, p, 1);
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
                sb_add(&cur, p, 2);
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
                sb_add(&cur, p, 1);
            }
            p++;
        } else {
            sb_add(&cur, p, 1);
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

/* ------------------------------------------------------------- doc */

void tls_ldoc_free(tls_ldoc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        for (size_t j = 0; j < doc->lines[i].n; j++)
            free(doc->lines[i].runs[j].text);
        free(doc->lines[i].runs);
    }
    free(doc->lines);
    memset(doc, 0, sizeof *doc);
}

/* Start a new line; returns its index or (size_t)-1. */
static size_t doc_line(tls_ldoc *doc, int indent, int heading)
{
    if (doc->oom)
        return (size_t)-1;
    if (doc->n == doc->cap) {
        size_t cap = doc->cap ? 2 * doc->cap : 64;
        tls_lline *l = realloc(doc->lines, cap * sizeof *l);
        if (!l) {
            doc->oom = true;
            return (size_t)-1;
        }
        doc->lines = l;
        doc->cap = cap;
    }
    tls_lline *l = &doc->lines[doc->n];
    memset(l, 0, sizeof *l);
    l->indent = indent;
    l->width = indent;
    l->heading = heading;
    return doc->n++;
}

static void doc_blank(tls_ldoc *doc) { doc_line(doc, 0, 0); }

/* Append text to the current (last) line, merging with a run of the same style. */
static void doc_put(tls_ldoc *doc, tls_lstyle st, const char *s, size_t len, int w)
{
    if (doc->oom || doc->n == 0 || len == 0)
        return;
    tls_lline *l = &doc->lines[doc->n - 1];
    if (l->n && l->runs[l->n - 1].style == st) {
        tls_lrun *r = &l->runs[l->n - 1];
        size_t ln = strlen(r->text);
        char *t = realloc(r->text, ln + len + 1);
        if (!t) {
            doc->oom = true;
            return;
        }
        memcpy(t + ln, s, len);
        t[ln + len] = '\0';
        r->text = t;
        r->width += w;
        l->width += w;
        return;
    }
    tls_lrun *runs = realloc(l->runs, (l->n + 1) * sizeof *runs);
    if (!runs) {
        doc->oom = true;
        return;
    }
    l->runs = runs;
    char *t = dup_n(s, len);
    if (!t) {
        doc->oom = true;
        return;
    }
    runs[l->n].style = st;
    runs[l->n].text = t;
    runs[l->n].width = w;
    l->n++;
    l->width += w;
}

/* ------------------------------------------------------------ wrapping */

/* A piece of one span: one or more code points of one style. */
typedef struct seg {
    tls_lstyle style;
    const char *s;
    size_t len;
    int w;
} seg;

/* An unbreakable unit: a Latin word, or a CJK character with any
 * punctuation glued to it. */
typedef struct item {
    size_t first, count;    /* into the seg array */
    int w;
    bool space_before;
} item;

typedef struct units {
    seg *segs;
    size_t nseg, segcap;
    item *items;
    size_t nitem, itemcap;
    bool oom;
} units;

static void units_free(units *u)
{
    free(u->segs);
    free(u->items);
    memset(u, 0, sizeof *u);
}

/* No line may start with these (they glue to what precedes them). */
static bool is_closing(uint32_t cp)
{
    static const uint32_t set[] = {
        ',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01,
        0xFF09, 0xFF3D, 0xFF5D, 0x3011, 0x300B, 0x300D, 0x300F, 0x3015,
        0x3009, 0x3017, 0x3019, 0x301B, 0x201D, 0x2019, 0x2026, 0x2014,
        0xFF5E, 0x30FC, 0x00B7, 0x30FB,
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return true;
    return false;
}

/* No line may end with these (they glue to what follows them). */
static bool is_opening(uint32_t cp)
{
    static const uint32_t set[] = {
        '(', '[', '{', 0xFF08, 0xFF3B, 0xFF5B, 0x3010, 0x300A, 0x300C,
        0x300E, 0x3014, 0x3008, 0x3016, 0x3018, 0x301A, 0x201C, 0x2018,
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return true;
    return false;
}

static void units_seg(units *u, tls_lstyle st, const char *s, size_t len, int w)
{
    if (u->oom)
        return;
    item *it = &u->items[u->nitem - 1];
    if (it->count) {
        seg *last = &u->segs[u->nseg - 1];
        if (last->style == st && last->s + last->len == s) {
            last->len += len;
            last->w += w;
            it->w += w;
            return;
        }
    }
    if (u->nseg == u->segcap) {
        size_t cap = u->segcap ? 2 * u->segcap : 64;
        seg *v = realloc(u->segs, cap * sizeof *v);
        if (!v) {
            u->oom = true;
            return;
        }
        u->segs = v;
        u->segcap = cap;
    }
    u->segs[u->nseg++] = (seg){st, s, len, w};
    it->count++;
    it->w += w;
}

static void units_item(units *u, bool space_before)
{
    if (u->oom)
        return;
    if (u->nitem == u->itemcap) {
        size_t cap = u->itemcap ? 2 * u->itemcap : 32;
        item *v = realloc(u->items, cap * sizeof *v);
        if (!v) {
            u->oom = true;
            return;
        }
        u->items = v;
        u->itemcap = cap;
    }
    u->items[u->nitem++] = (item){u->nseg, 0, 0, space_before};
}

/* Cut spans into unbreakable units.  Breaks are allowed at spaces, and
 * between a wide (CJK) character and its neighbours, except before closing
 * and after opening punctuation. */
static void make_units(units *u, const spans *sp)
{
    bool pending_space = false, open_word = false, last_opening = false;
    for (size_t i = 0; i < sp->n; i++) {
        const char *t = sp->v[i].text;
        size_t len = strlen(t), j = 0;
        tls_lstyle st = sp->v[i].style;
        while (j < len && !u->oom) {
            uint32_t cp;
            size_t k = tls_utf8_decode(t + j, len - j, &cp);
            if (k == 0) {       /* cannot happen after spans_add; be safe */
                k = 1;
                cp = '?';
            }
            if (cp == ' ' || cp == '\t' || cp == '\n') {
                pending_space = u->nitem > 0;
                open_word = last_opening = false;
                j += k;
                continue;
            }
            int w = tls_cp_width(cp);
            bool attach = u->nitem > 0 && !pending_space &&
                          (w == 0 || is_closing(cp) || last_opening ||
                           (w == 1 && open_word));
            if (!attach) {
                units_item(u, pending_space);
                pending_space = false;
            }
            units_seg(u, st, t + j, k, w);
            if (w > 0) {
                open_word = w == 1;
                last_opening = is_opening(cp);
            }
            j += k;
        }
    }
}

typedef struct layout {
    tls_ldoc *doc;
    int width;
    int indent_rest;
    int heading;
} layout;

static int line_width(const tls_ldoc *doc)
{
    return doc->n ? doc->lines[doc->n - 1].width : 0;
}

static tls_lstyle last_style(const tls_ldoc *doc)
{
    if (!doc->n || !doc->lines[doc->n - 1].n)
        return TLS_LS_NORMAL;
    const tls_lline *l = &doc->lines[doc->n - 1];
    return l->runs[l->n - 1].style;
}

static void put_item(layout *L, const units *u, const item *it)
{
    for (size_t s = it->first; s < it->first + it->count; s++)
        doc_put(L->doc, u->segs[s].style, u->segs[s].s, u->segs[s].len, u->segs[s].w);
}

/* Place an item code point by code point, wrapping anywhere. */
static void put_item_split(layout *L, const units *u, const item *it)
{
    for (size_t s = it->first; s < it->first + it->count; s++) {
        const seg *g = &u->segs[s];
        size_t j = 0;
        while (j < g->len) {
            uint32_t cp;
            size_t k = tls_utf8_decode(g->s + j, g->len - j, &cp);
            if (k == 0) {
                k = 1;
                cp = '?';
            }
            int w = tls_cp_width(cp);
            if (w > 0 && line_width(L->doc) + w > L->width)
                doc_line(L->doc, L->indent_rest, L->heading);
            doc_put(L->doc, g->style, g->s + j, k, w);
            j += k;
        }
    }
}

/* Lay out spans as a wrapped block.  The first line is started by the
 * caller (with its indent and any list marker); \p content says whether it
 * already holds text that a space may follow. */
static void layout_spans(layout *L, const spans *sp)
{
    units u = {0};
    make_units(&u, sp);
    if (u.oom)
        L->doc->oom = true;
    bool content = false;
    for (size_t i = 0; i < u.nitem && !u.oom; i++) {
        const item *it = &u.items[i];
        int cur = line_width(L->doc);
        int sp1 = it->space_before && content ? 1 : 0;
        tls_lstyle sst = TLS_LS_NORMAL;
        if (sp1 && it->count && last_style(L->doc) == u.segs[it->first].style)
            sst = u.segs[it->first].style;
        if (cur + sp1 + it->w <= L->width) {
            if (sp1)
                doc_put(L->doc, sst, " ", 1, 1);
            put_item(L, &u, it);
        } else if (it->w <= L->width - L->indent_rest) {
            doc_line(L->doc, L->indent_rest, L->heading);
            put_item(L, &u, it);
        } else {
            if (sp1 && cur + 1 + 8 <= L->width)
                doc_put(L->doc, sst, " ", 1, 1);
            else if (content && L->width - cur < 8)
                doc_line(L->doc, L->indent_rest, L->heading);
            put_item_split(L, &u, it);
        }
        content = true;
    }
    units_free(&u);
}

/* A preformatted line: spaces kept, wrapped anywhere when too long. */
static void layout_pre(layout *L, const spans *sp)
{
    for (size_t i = 0; i < sp->n; i++) {
        const char *t = sp->v[i].text;
        size_t len = strlen(t), j = 0;
        while (j < len) {
            uint32_t cp;
            size_t k = tls_utf8_decode(t + j, len - j, &cp);
            if (k == 0) {
                k = 1;
                cp = '?';
            }
            int w = tls_cp_width(cp);
            if (w > 0 && line_width(L->doc) + w > L->width)
                doc_line(L->doc, L->indent_rest, 0);
            doc_put(L->doc, sp->v[i].style, t + j, k, w);
            j += k;
        }
    }
}

/* ------------------------------------------------------------- blocks */

typedef enum bkind { B_NONE, B_PARA, B_ITEM, B_HEADING, B_CODE } bkind;

typedef struct blocks {
    tls_ldoc *doc;
    const tls_render_opts *o;
    int width;
    bkind cur, last;
    sbuf text;
    int item_level;
    char marker[16];
} blocks;

static void block_gap(blocks *B, bkind next)
{
    if (B->doc->n > 0 && !(next == B_ITEM && B->last == B_ITEM))
        doc_blank(B->doc);
}

static int clamp_indent(int indent, int width)
{
    return indent > width - 6 ? (width - 6 > 0 ? width - 6 : 0) : indent;
}

static void flush(blocks *B)
{
    if (B->cur == B_NONE)
        return;
    spans sp = {0};
    parse_inline(&sp, B->text.p ? B->text.p : "", TLS_LS_NORMAL, B->o);
    if (sp.oom || B->text.oom)
        B->doc->oom = true;
    block_gap(B, B->cur);
    layout L = {B->doc, B->width, 0, 0};
    if (B->cur == B_ITEM) {
        int ind = clamp_indent(2 * B->item_level, B->width);
        int mw = tls_utf8_width(B->marker);
        L.indent_rest = clamp_indent(ind + mw + 1, B->width);
        doc_line(B->doc, ind, 0);
        doc_put(B->doc, TLS_LS_BULLET, B->marker, strlen(B->marker), mw);
        doc_put(B->doc, TLS_LS_NORMAL, " ", 1, 1);
    } else {
        doc_line(B->doc, 0, 0);
    }
    layout_spans(&L, &sp);
    spans_free(&sp);
    B->last = B->cur;
    B->cur = B_NONE;
    B->text.n = 0;
    if (B->text.p)
        B->text.p[0] = '\0';
}

static void heading(blocks *B, int level, const char *text)
{
    spans sp = {0};
    parse_inline(&sp, text, TLS_LS_HEADING, B->o);
    if (sp.oom)
        B->doc->oom = true;
    block_gap(B, B_HEADING);
    layout L = {B->doc, B->width, 0, level};
    doc_line(B->doc, 0, level);
    layout_spans(&L, &sp);
    spans_free(&sp);
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
static void join_line(sbuf *b, const char *s, size_t len)
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
            sb_add(b, " ", 1);
    }
    sb_add(b, s, len);
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
 * own indentation kept, set 4 columns in (layout_pre). */
static void render_code_line(blocks *B, const char *p, size_t len)
{
    spans sp = {0};
    sbuf line = {0};
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\t')
            sb_add(&line, "    ", 4);
        else
            sb_add(&line, p + i, 1);
    }
    if (line.n) {
        parse_code(&sp, line.p, line.n, TLS_LS_CODE, B->o);
        doc_line(B->doc, clamp_indent(4, B->width), 0);
        layout L = {B->doc, B->width, clamp_indent(4, B->width), 0};
        layout_pre(&L, &sp);
    } else {
        doc_blank(B->doc);
    }
    if (sp.oom || line.oom)
        B->doc->oom = true;
    spans_free(&sp);
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
                char *text = dup_n(t + k, tlen - k);
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

char *tls_ldoc_to_text(const tls_ldoc *doc)
{
    sbuf b = {0};
    sb_add(&b, "", 0);
    int under = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const tls_lline *l = &doc->lines[i];
        if (l->n) {
            sb_spaces(&b, l->indent);
            for (size_t j = 0; j < l->n; j++) {
                if (l->runs[j].style == TLS_LS_BULLET && strcmp(l->runs[j].text, "•") == 0)
                    sb_str(&b, "-");
                else
                    sb_str(&b, l->runs[j].text);
            }
        }
        sb_add(&b, "\n", 1);
        if (l->heading == 1 || l->heading == 2) {
            if (l->width - l->indent > under)
                under = l->width - l->indent;
            bool last = i + 1 == doc->n || doc->lines[i + 1].heading != l->heading;
            if (last) {
                for (int k = 0; k < under; k++)
                    sb_add(&b, l->heading == 1 ? "=" : "-", 1);
                sb_add(&b, "\n", 1);
                under = 0;
            }
        }
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

char *tls_wrap_text(const char *text, int width, int indent)
{
    if (width < 2)
        width = 2;
    if (indent > width - 2)
        indent = width - 2;
    if (indent < 0)
        indent = 0;
    tls_ldoc doc = {0};
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        spans sp = {0};
        spans_add(&sp, TLS_LS_NORMAL, p, len);
        if (sp.oom)
            doc.oom = true;
        doc_line(&doc, indent, 0);
        layout L = {&doc, width, indent, 0};
        layout_spans(&L, &sp);
        spans_free(&sp);
        if (!nl)
            break;
        p = nl + 1;
    }
    char *s = NULL;
    if (!doc.oom) {
        /* blank lines carry no indent */
        for (size_t i = 0; i < doc.n; i++)
            if (doc.lines[i].n == 0)
                doc.lines[i].indent = 0;
        s = tls_ldoc_to_text(&doc);
    }
    tls_ldoc_free(&doc);
    return s;
}

/* --------------------------------------------------------------- values */

char *tls_value_format(const tls_event *ev, tls_value_form form)
{
    char buf[32];
    switch (form) {
    case TLS_VF_LEN:
        snprintf(buf, sizeof buf, "%zu", ev->len);
        return dup_n(buf, strlen(buf));
    case TLS_VF_DEFAULT:
        if (ev->text && *ev->text)
            return dup_n(ev->text, strlen(ev->text));
        return tls_hex(ev->bytes, ev->len);
    case TLS_VF_HEX:
        return tls_hex(ev->bytes, ev->len);
    case TLS_VF_SHORT:
        if (ev->len == 0 && ev->text)
            return dup_n(ev->text, strlen(ev->text));
        if (ev->len <= 8)
            return tls_hex(ev->bytes, ev->len);
        char *h = tls_hex(ev->bytes, 8);
        if (!h)
            return NULL;
        char *s = malloc(16 + sizeof "…");
        if (s)
            snprintf(s, 16 + sizeof "…", "%s…", h);
        free(h);
        return s;
    }
    return NULL;
}

char *tls_trace_lookup(void *ctx, tls_value_kind kind, tls_value_form form)
{
    const tls_trace_lookup_ctx *c = ctx;
    if (!c || !c->trace)
        return NULL;
    const tls_event *best = tls_trace_find_known(c->trace, kind, c->step, true);
    return best ? tls_value_format(best, form) : NULL;
}
