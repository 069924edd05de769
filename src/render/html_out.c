/* Escaping, hex and lessons for the HTML handout: see html_internal.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "tlssim/lessons.h"

static const char HEX[] = "0123456789abcdef";

static void esc_ascii(FILE *out, unsigned char c)
{
    switch (c) {
    case '&': fputs("&amp;", out); return;
    case '<': fputs("&lt;", out); return;
    case '>': fputs("&gt;", out); return;
    case '"': fputs("&quot;", out); return;
    case '\'': fputs("&#39;", out); return;
    default: break;
    }
    if ((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t')
        fputc(c, out);
}

void html_esc_n(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            esc_ascii(out, c);
            i++;
            continue;
        }
        uint32_t cp = 0;
        size_t k = tls_utf8_decode(s + i, n - i, &cp);
        /* C1 controls and noncharacters are not allowed in an HTML document. */
        bool bad = k == 0 || cp < 0xa0 || (cp >= 0xfdd0 && cp <= 0xfdef) ||
                   (cp & 0xfffe) == 0xfffe;
        if (bad) {
            fputs("\xef\xbf\xbd", out);
            i += k ? k : 1;
            continue;
        }
        fwrite(s + i, 1, k, out);
        i += k;
    }
}

void html_esc(FILE *out, const char *s)
{
    if (s)
        html_esc_n(out, s, strlen(s));
}

void html_escf(FILE *out, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    html_esc(out, buf);
}

void html_hex(FILE *out, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputc(HEX[p[i] >> 4], out);
        fputc(HEX[p[i] & 15], out);
    }
}

void html_hexdump(FILE *out, const uint8_t *p, size_t n)
{
    fputs("<pre class=\"dump\">", out);
    for (size_t i = 0; i < n; i += 16) {
        fprintf(out, "%04zx  ", i);
        for (size_t j = 0; j < 16; j++) {
            if (i + j < n)
                fprintf(out, "%c%c ", HEX[p[i + j] >> 4], HEX[p[i + j] & 15]);
            else
                fputs("   ", out);
            if (j == 7)
                fputc(' ', out);
        }
        fputs(" |", out);
        for (size_t j = 0; j < 16 && i + j < n; j++) {
            uint8_t c = p[i + j];
            esc_ascii(out, c >= 0x20 && c < 0x7f ? c : '.');
        }
        fputs("|\n", out);
    }
    fputs("</pre>\n", out);
}

/* ------------------------------------------------------------- lessons */

static const char *style_tag(tls_lstyle s)
{
    switch (s) {
    case TLS_LS_EMPHASIS: return "em";
    case TLS_LS_STRONG: return "strong";
    case TLS_LS_CODE: return "code";
    default: return NULL;
    }
}

static const char *style_class(tls_lstyle s)
{
    switch (s) {
    case TLS_LS_VALUE: return "v";
    case TLS_LS_MISSING: return "missing";
    case TLS_LS_BULLET: return "bullet";
    default: return NULL;
    }
}

static void lesson_run(FILE *out, const tls_lrun *run)
{
    const char *tag = style_tag(run->style), *cls = style_class(run->style);
    if (tag)
        fprintf(out, "<%s>", tag);
    else if (cls)
        fprintf(out, "<span class=\"%s\">", cls);
    html_esc(out, run->text);
    if (tag)
        fprintf(out, "</%s>", tag);
    else if (cls)
        fputs("</span>", out);
}

/* One rendered line: a heading (h3..h5 below the step's h2), else a
 * paragraph indented as the lesson indents it (lists, code). */
static void lesson_line(FILE *out, const tls_lline *l)
{
    int h = l->heading ? 2 + l->heading : 0;
    if (h)
        fprintf(out, "<h%d>", h);
    else if (l->indent)
        fprintf(out, "<p style=\"margin-left:%dch\">", l->indent);
    else
        fputs("<p>", out);
    for (size_t j = 0; j < l->n; j++)
        lesson_run(out, &l->runs[j]);
    if (h)
        fprintf(out, "</h%d>\n", h);
    else
        fputs("</p>\n", out);
}

void html_lesson(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                 const tls_flow *flow, int step)
{
    char id[64];
    if (ls && tls_lessons_step_id(flow, step, id, sizeof id))
        html_lesson_id(out, r, ls, t, flow, id, step);
}

void html_lesson_id(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                    const tls_flow *flow, const char *id, int step)
{
    if (!ls)
        return;
    bool fell_back = false;
    const tls_lesson *l = tls_lessons_get(ls, id, r->lang, &fell_back);
    if (!l)
        return;
    /* Wide lines: the browser wraps paragraphs, the renderer keeps the
     * lesson's structure (headings, lists, code, values). */
    tls_trace_lookup_ctx ctx = {t, step};
    tls_render_opts ro = {.width = 1000, .lang = r->lang, .lookup = tls_trace_lookup,
                          .ctx = &ctx, .title_step = tls_lesson_title_step(step),
                          .flow = flow};
    tls_ldoc doc = {0};
    tls_lesson_render(&doc, l, &ro);
    fputs("<div class=\"lesson\">\n", out);
    if (fell_back) {
        fputs("<p class=\"note\">", out);
        html_esc(out, tls_lesson_fallback_notice(r->lang));
        fputs("</p>\n", out);
    }
    for (size_t i = 0; i < doc.n; i++)
        if (doc.lines[i].n)
            lesson_line(out, &doc.lines[i]);
    fputs("</div>\n", out);
    tls_ldoc_free(&doc);
}
