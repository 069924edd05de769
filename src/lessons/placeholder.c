/* Placeholders and their values: parsing "{{name.form}}", what a placeholder
 * shows (a value looked up over the trace, a step number, or the unknown
 * marker), and the formatting of a value in each form.  Shared by the
 * renderer and the checker.  See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

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

void lsn_placeholder_emit(lsn_spans *out, const char *inner, size_t len,
                          const tls_render_opts *o)
{
    char name[64];
    tls_value_kind kind;
    tls_value_form form;
    int step = lsn_step_ref(inner, len, o->flow);
    if (step > 0) {
        snprintf(name, sizeof name, "%d", step);
        lsn_spans_add(out, TLS_LS_VALUE, name, strlen(name));
        return;
    }
    if (lsn_is_step_ref(inner, len) ||
        lsn_placeholder(inner, len, name, sizeof name, &kind, &form) != LSN_PH_OK) {
        lsn_spans_add(out, TLS_LS_MISSING, "{{", 2);
        lsn_spans_add(out, TLS_LS_MISSING, inner, len);
        lsn_spans_add(out, TLS_LS_MISSING, "}}", 2);
        return;
    }
    char *v = o->lookup ? o->lookup(o->ctx, kind, form) : NULL;
    if (v) {
        lsn_spans_add(out, TLS_LS_VALUE, v, strlen(v));
        free(v);
    } else {
        const char *m = tls_lesson_unknown_marker(o->lang);
        lsn_spans_add(out, TLS_LS_MISSING, m, strlen(m));
    }
}

char *tls_value_format(const tls_event *ev, tls_value_form form)
{
    char buf[32];
    switch (form) {
    case TLS_VF_LEN:
        snprintf(buf, sizeof buf, "%zu", ev->len);
        return lsn_text_dup(buf, strlen(buf));
    case TLS_VF_DEFAULT:
        if (ev->text && *ev->text)
            return lsn_text_dup(ev->text, strlen(ev->text));
        return tls_hex(ev->bytes, ev->len);
    case TLS_VF_HEX:
        return tls_hex(ev->bytes, ev->len);
    case TLS_VF_SHORT:
        if (ev->len == 0 && ev->text)
            return lsn_text_dup(ev->text, strlen(ev->text));
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
