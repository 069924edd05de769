/* Shared by the pieces of the lesson renderer (not installed): spans.c
 * (growing strings, styled spans, inline Markdown), placeholder.c
 * (placeholders and the values they show), wrap.c (document lines and
 * wrapping by display width) and render.c (Markdown blocks).  Split out of
 * one render.c so that each part stays a few hundred lines. */
#ifndef TLSSIM_LESSONS_RENDER_INTERNAL_H
#define TLSSIM_LESSONS_RENDER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* -------------------------------------------------------------- spans.c */

/** A growing NUL-terminated string; oom sticks after a failed allocation. */
typedef struct lsn_sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} lsn_sbuf;

void lsn_sbuf_add(lsn_sbuf *b, const char *s, size_t n);
void lsn_sbuf_str(lsn_sbuf *b, const char *s);
void lsn_sbuf_spaces(lsn_sbuf *b, int n);

/** The \p n bytes at \p s as a malloc'd string. */
char *lsn_text_dup(const char *s, size_t n);

/* Inline text after parsing: runs of one style, before wrapping. */
typedef struct lsn_span {
    tls_lstyle style;
    char *text;
} lsn_span;

typedef struct lsn_spans {
    lsn_span *v;
    size_t n, cap;
    bool oom;
} lsn_spans;

void lsn_spans_free(lsn_spans *s);

/** Append text in a style; invalid UTF-8 becomes '?', controls become spaces. */
void lsn_spans_add(lsn_spans *s, tls_lstyle st, const char *text, size_t len);

/** Text of a code span or fenced line: only placeholders are special. */
void lsn_code_parse(lsn_spans *out, const char *p, size_t len, tls_lstyle st,
                    const tls_render_opts *o);

/** A paragraph, list item or heading text: emphasis, strong, code, escapes,
 *  placeholders.  \p base is TLS_LS_NORMAL or TLS_LS_HEADING. */
void lsn_inline_parse(lsn_spans *out, const char *text, tls_lstyle base,
                      const tls_render_opts *o);

/* -------------------------------------------------------- placeholder.c */

/** The value a placeholder's text names (or the step a reference names),
 *  looked up through \p o, else the placeholder or the unknown marker. */
void lsn_placeholder_emit(lsn_spans *out, const char *inner, size_t len,
                          const tls_render_opts *o);

/* --------------------------------------------------------------- wrap.c */

/** Start a new line; returns its index or (size_t)-1. */
size_t lsn_doc_line_start(tls_ldoc *doc, int indent, int heading);

void lsn_doc_blank_add(tls_ldoc *doc);

/** Append text to the current (last) line, merging with a run of the same style. */
void lsn_doc_put(tls_ldoc *doc, tls_lstyle st, const char *s, size_t len, int w);

/** Where wrapped text goes: the document, its width, the indent of lines
 *  after the first, and their heading level. */
typedef struct lsn_layout {
    tls_ldoc *doc;
    int width;
    int indent_rest;
    int heading;
} lsn_layout;

/** Lay out spans as a wrapped block.  The first line is started by the
 *  caller (with its indent and any list marker). */
void lsn_spans_layout(lsn_layout *L, const lsn_spans *sp);

/** A preformatted line: spaces kept, wrapped anywhere when too long. */
void lsn_spans_layout_pre(lsn_layout *L, const lsn_spans *sp);

#endif
