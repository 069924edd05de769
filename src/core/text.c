/* The catalogue of the core's sentences and their rendering: see
 * include/tlssim/text.h.  The templates, English msgids, are kept by
 * subject in text_engine.c, text_io.c, text_variants.c and text_attack.c. */
#include "tlssim/text.h"
#include "text_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The catalogue's parts, each a table by id (text_internal.h); an id none
 * of them has is the attack lab's. */
static const char *const *const parts[] = {
    text_engine_templates,
    text_io_templates,
    text_variants_templates,
};

const char *tls_text_template(tls_text_id id)
{
    if ((unsigned)id >= TLS_TEXT_COUNT)
        return "";
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i][id])
            return parts[i][id];
    return text_attack_template(id);
}

/* Length of the valid UTF-8 character at p (at most n bytes), 0 if none:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_char(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
               : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
        (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
        return 0;
    return len;
}

size_t tls_text_escape(const char *s, size_t n, char *out, size_t out_len)
{
    static const char digits[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n && out_len > 0;) {
        if (p[i] >= 0x20 && p[i] < 0x7f) {
            /* Printable ASCII, nearly every byte: the whole run as is, in
             * one copy, as far as the room goes. */
            size_t run = 1;
            while (i + run < n && p[i + run] >= 0x20 && p[i + run] < 0x7f)
                run++;
            if (o + run >= out_len)
                run = out_len - 1 > o ? out_len - 1 - o : 0;
            if (run == 0)
                break;
            memcpy(out + o, p + i, run);
            o += run;
            i += run;
            continue;
        }
        size_t k = utf8_char(p + i, n - i);
        bool control = k == 1 ? p[i] < 0x20 || p[i] == 0x7f : k == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0;
        if (k > 0 && !control) {
            if (o + k >= out_len)
                break;
            memcpy(out + o, p + i, k);
            o += k;
            i += k;
            continue;
        }
        /* A control character or a byte outside valid UTF-8: each byte shown. */
        size_t bytes = control ? k : 1;
        if (o + 4 * bytes >= out_len)
            break;
        for (size_t j = 0; j < bytes; j++, i++) {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = digits[p[i] >> 4];
            out[o++] = digits[p[i] & 15];
        }
    }
    if (out_len > 0)
        out[o < out_len ? o : out_len - 1] = '\0';
    return o;
}

/* Append one value, cut at the room left (whole UTF-8 characters only). */
static void put_value(tls_text *t, const tls_text_arg *a, size_t *used)
{
    char num[32];
    const char *src = num;
    size_t len;
    switch (a->kind) {
    case TLS_TEXT_ARG_STRN:
        src = a->s ? a->s : "";
        len = strnlen(src, (size_t)a->u);
        break;
    case TLS_TEXT_ARG_UINT: {
        /* In decimal, by hand: snprintf cost more than the rest. */
        unsigned long long v = a->u;
        char *end = num + sizeof num - 1;
        *end = '\0';
        len = 0;
        do {
            end[-(ptrdiff_t)++len] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        src = end - len;
        break;
    }
    case TLS_TEXT_ARG_HEX:
        len = (size_t)snprintf(num, sizeof num, "%0*llx", a->width > 16 ? 16 : a->width, a->u);
        break;
    default: /* STR, TERM */
        src = a->s ? a->s : "";
        len = strlen(src);
        break;
    }
    size_t room = sizeof t->values - *used - 1;
    /* Strings may come from the peer: stored escaped (tls_text_escape). */
    if (a->kind == TLS_TEXT_ARG_STR || a->kind == TLS_TEXT_ARG_STRN) {
        *used += tls_text_escape(src, len, t->values + *used, room + 1) + 1;
        return;
    }
    if (len > room) {
        len = room;
        while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
            len--;
    }
    memcpy(t->values + *used, src, len);
    t->values[*used + len] = '\0';
    *used += len + 1;
}

void tls_text_make(tls_text *out, tls_text_id id, const tls_text_arg *args)
{
    out->id = id;
    out->nargs = 0;
    out->terms = 0;
    out->lists = 0;
    out->values[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; args && args[i].kind != TLS_TEXT_ARG_END; i++) {
        if (out->nargs == TLS_TEXT_MAX_ARGS || used >= sizeof out->values - 1)
            break;
        out->names[out->nargs] = args[i].name;
        out->value_at[out->nargs] = (unsigned short)used;
        if (args[i].kind == TLS_TEXT_ARG_TERM)
            out->terms |= 1u << out->nargs;
        if (args[i].kind == TLS_TEXT_ARG_LIST)
            out->lists |= 1u << out->nargs;
        out->nargs++;
        put_value(out, &args[i], &used);
    }
}

void tls_text_free_form(tls_text *out, const char *s)
{
    tls_text_make(out, TLS_TEXT_FREE, TLS_ARGS(TLS_ARG_S("text", s)));
}

const char *tls_text_arg_value(const tls_text *t, const char *name)
{
    for (size_t i = 0; i < t->nargs; i++)
        if (strcmp(t->names[i], name) == 0)
            return t->values + t->value_at[i];
    return NULL;
}

/* The argument a placeholder at p ("{name}...") stands for, and the
 * placeholder's length in the template; -1 when p does not start a known
 * placeholder. */
static int placeholder(const tls_text *t, const char *p, size_t *len)
{
    for (size_t i = 0; i < t->nargs; i++) {
        /* The name, then the closing brace: compared as we go, no search
         * for the brace and no length of each name first. */
        const char *a = t->names[i], *b = p + 1;
        while (*a && *a == *b)
            a++, b++;
        if (!*a && *b == '}') {
            *len = (size_t)(b - p) + 1;
            return (int)i;
        }
    }
    return -1;
}

/* List items are separated by RS, an item's name from its term by US. */
#define LIST_ITEM_SEP '\x1e'
#define LIST_TERM_SEP '\x1f'

static size_t render_into(char *out, size_t cap, const char *tmpl, const tls_text *t,
                          tls_text_term_fn term);

/* Copy s (n bytes) to out + at, as far as cap leaves room before the final
 * NUL (nothing when out is NULL); returns n. */
static size_t put(char *out, size_t cap, size_t at, const char *s, size_t n)
{
    if (out && at + 1 < cap)
        memcpy(out + at, s, n < cap - 1 - at ? n : cap - 1 - at);
    return n;
}

/* A list argument: each item through the (translated) item template. */
static size_t render_list(char *out, size_t cap, const char *v, tls_text_term_fn term)
{
    const char *item_tmpl = tls_text_template(TLS_TEXT_LIST_ITEM);
    const char *sep = tls_text_template(TLS_TEXT_LIST_SEPARATOR);
    if (term) {
        item_tmpl = term(item_tmpl);
        sep = term(sep);
    }
    size_t n = 0;
    for (bool first = true; *v; first = false) {
        size_t len = strcspn(v, (const char[]){LIST_ITEM_SEP, '\0'});
        size_t name_len = strcspn(v, (const char[]){LIST_TERM_SEP, LIST_ITEM_SEP, '\0'});
        /* "name US term", or a bare term. */
        bool bare = name_len == len;
        char word[512];
        snprintf(word, sizeof word, "%.*s", bare ? (int)len : (int)(len - name_len - 1),
                 bare ? v : v + name_len + 1);
        tls_text item;
        tls_text_make(&item, TLS_TEXT_LIST_ITEM,
                      TLS_ARGS(TLS_ARG_SN("item", v, name_len), TLS_ARG_T("term", word)));
        if (!first)
            n += put(out, cap, n, sep, strlen(sep));
        n += render_into(n < cap ? out + n : NULL, n < cap ? cap - n : 0,
                         bare ? "{term}" : item_tmpl, &item, term);
        v += len + (v[len] != '\0');
    }
    return n;
}

/* Render into out, cut to cap bytes with its NUL (out NULL: nowhere);
 * returns the length of the whole rendering. */
static size_t render_into(char *out, size_t cap, const char *tmpl, const tls_text *t,
                          tls_text_term_fn term)
{
    size_t n = 0;
    for (const char *p = tmpl; *p;) {
        size_t len = 1;
        if (*p != '{') {
            /* The text up to the next placeholder, in one copy. */
            const char *brace = strchr(p, '{');
            len = brace ? (size_t)(brace - p) : strlen(p);
            n += put(out, cap, n, p, len);
            p += len;
            continue;
        }
        int i = placeholder(t, p, &len);
        if (i < 0) {
            n += put(out, cap, n, p, 1);
            p++;
            continue;
        }
        const char *v = t->values + t->value_at[i];
        if (t->lists & (1u << i)) {
            n += render_list(n < cap ? out + n : NULL, n < cap ? cap - n : 0, v, term);
        } else {
            if (term && (t->terms & (1u << i)))
                v = term(v);
            n += put(out, cap, n, v, strlen(v));
        }
        p += len;
    }
    if (out && cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

void tls_text_list_add(char *buf, size_t cap, const char *item, const char *term)
{
    size_t used = strnlen(buf, cap);
    if (used + 1 >= cap)
        return;
    const char rs[2] = {used ? LIST_ITEM_SEP : '\0', '\0'}, us[2] = {LIST_TERM_SEP, '\0'};
    snprintf(buf + used, cap - used, "%s%s%s%s", rs, item ? item : "", item ? us : "", term);
}

char *tls_text_render(const char *tmpl, const tls_text *t, tls_text_term_fn term)
{
    if (!tmpl)
        tmpl = "";
    /* Once into a stack buffer, which nearly every text fits: a longer one
     * is rendered a second time, into its own. */
    char buf[1024];
    size_t n = render_into(buf, sizeof buf, tmpl, t, term);
    char *s = malloc(n + 1);
    if (s && n < sizeof buf)
        memcpy(s, buf, n + 1);
    else if (s)
        render_into(s, n + 1, tmpl, t, term);
    return s;
}

char *tls_text_english(const tls_text *t)
{
    return tls_text_render(tls_text_template(t->id), t, NULL);
}

size_t tls_text_english_into(const tls_text *t, char *buf, size_t cap)
{
    const char *tmpl = tls_text_template(t->id);
    return render_into(buf, cap, tmpl ? tmpl : "", t, NULL);
}
