/* Document lines and wrapping: lines of styled runs (tls_ldoc), text cut
 * into unbreakable units (Latin words, CJK characters with their
 * punctuation) and laid out by display width, and plain-text flattening
 * (tls_ldoc_to_text, tls_wrap_text).  See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

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
size_t lsn_doc_line_start(tls_ldoc *doc, int indent, int heading)
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

void lsn_doc_blank_add(tls_ldoc *doc) { lsn_doc_line_start(doc, 0, 0); }

/* Append text to the current (last) line, merging with a run of the same style. */
void lsn_doc_put(tls_ldoc *doc, tls_lstyle st, const char *s, size_t len, int w)
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
    char *t = lsn_text_dup(s, len);
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
static void make_units(units *u, const lsn_spans *sp)
{
    bool pending_space = false, open_word = false, last_opening = false;
    for (size_t i = 0; i < sp->n; i++) {
        const char *t = sp->v[i].text;
        size_t len = strlen(t), j = 0;
        tls_lstyle st = sp->v[i].style;
        while (j < len && !u->oom) {
            uint32_t cp;
            size_t k = tls_utf8_decode(t + j, len - j, &cp);
            if (k == 0) {       /* cannot happen after lsn_spans_add; be safe */
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

static void put_item(lsn_layout *L, const units *u, const item *it)
{
    for (size_t s = it->first; s < it->first + it->count; s++)
        lsn_doc_put(L->doc, u->segs[s].style, u->segs[s].s, u->segs[s].len, u->segs[s].w);
}

/* Place an item code point by code point, wrapping anywhere. */
static void put_item_split(lsn_layout *L, const units *u, const item *it)
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
                lsn_doc_line_start(L->doc, L->indent_rest, L->heading);
            lsn_doc_put(L->doc, g->style, g->s + j, k, w);
            j += k;
        }
    }
}

/* Lay out spans as a wrapped block.  The first line is started by the
 * caller (with its indent and any list marker); \p content says whether it
 * already holds text that a space may follow. */
void lsn_spans_layout(lsn_layout *L, const lsn_spans *sp)
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
                lsn_doc_put(L->doc, sst, " ", 1, 1);
            put_item(L, &u, it);
        } else if (it->w <= L->width - L->indent_rest) {
            lsn_doc_line_start(L->doc, L->indent_rest, L->heading);
            put_item(L, &u, it);
        } else {
            if (sp1 && cur + 1 + 8 <= L->width)
                lsn_doc_put(L->doc, sst, " ", 1, 1);
            else if (content && L->width - cur < 8)
                lsn_doc_line_start(L->doc, L->indent_rest, L->heading);
            put_item_split(L, &u, it);
        }
        content = true;
    }
    units_free(&u);
}

/* A preformatted line: spaces kept, wrapped anywhere when too long. */
void lsn_spans_layout_pre(lsn_layout *L, const lsn_spans *sp)
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
                lsn_doc_line_start(L->doc, L->indent_rest, 0);
            lsn_doc_put(L->doc, sp->v[i].style, t + j, k, w);
            j += k;
        }
    }
}

char *tls_ldoc_to_text(const tls_ldoc *doc)
{
    lsn_sbuf b = {0};
    lsn_sbuf_add(&b, "", 0);
    int under = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const tls_lline *l = &doc->lines[i];
        if (l->n) {
            lsn_sbuf_spaces(&b, l->indent);
            for (size_t j = 0; j < l->n; j++) {
                if (l->runs[j].style == TLS_LS_BULLET && strcmp(l->runs[j].text, "•") == 0)
                    lsn_sbuf_str(&b, "-");
                else
                    lsn_sbuf_str(&b, l->runs[j].text);
            }
        }
        lsn_sbuf_add(&b, "\n", 1);
        if (l->heading == 1 || l->heading == 2) {
            if (l->width - l->indent > under)
                under = l->width - l->indent;
            bool last = i + 1 == doc->n || doc->lines[i + 1].heading != l->heading;
            if (last) {
                for (int k = 0; k < under; k++)
                    lsn_sbuf_add(&b, l->heading == 1 ? "=" : "-", 1);
                lsn_sbuf_add(&b, "\n", 1);
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
        lsn_spans sp = {0};
        lsn_spans_add(&sp, TLS_LS_NORMAL, p, len);
        if (sp.oom)
            doc.oom = true;
        lsn_doc_line_start(&doc, indent, 0);
        lsn_layout L = {&doc, width, indent, 0};
        lsn_spans_layout(&L, &sp);
        lsn_spans_free(&sp);
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
