/* End to end: a lesson rendered for a run with a fixed --seed shows exactly
 * the values that `tlssim --json --seed N` reports.
 *
 * For each key exchange and seed: run the real binary for its JSON; run
 * the same configuration in-process and render every lesson at its step
 * (wide, so no value is wrapped); for every placeholder in the lesson's
 * source, work out from the JSON alone what it must show (as the client
 * knows it by that step, else the server, else the wire; text if any, else
 * hex; .hex, .short, .len) and find it in the rendered text.
 *
 * argv[1]: the tlssim executable; argv[2]: the lessons folder. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/handshake.h"
#include "tlssim/lessons.h"
#include "tlssim/sim.h"

/* ------------------------------------------------ a minimal JSON reader */

typedef enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;

typedef struct jval {
    jtype type;
    double num;
    bool b;
    char *str;              /* J_STR */
    struct jval *items;     /* J_ARR, J_OBJ (values) */
    char **keys;            /* J_OBJ */
    size_t n;
} jval;

static void jfree(jval *v)
{
    free(v->str);
    for (size_t i = 0; i < v->n; i++) {
        jfree(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
}

static void skip_ws(const char **p)
{
    while (**p && isspace((unsigned char)**p))
        (*p)++;
}

static char *parse_string(const char **p)
{
    if (**p != '"')
        return NULL;
    (*p)++;
    size_t cap = 64, n = 0;
    char *s = malloc(cap);
    while (s && **p && **p != '"') {
        if (n + 8 > cap)
            s = realloc(s, cap *= 2);
        if (!s)
            return NULL;
        char c = *(*p)++;
        if (c != '\\') {
            s[n++] = c;
            continue;
        }
        c = *(*p)++;
        switch (c) {
        case 'n': s[n++] = '\n'; break;
        case 't': s[n++] = '\t'; break;
        case 'r': s[n++] = '\r'; break;
        case 'b': s[n++] = '\b'; break;
        case 'f': s[n++] = '\f'; break;
        case 'u': {
            unsigned cp = 0;
            if (sscanf(*p, "%4x", &cp) != 1) {
                free(s);
                return NULL;
            }
            *p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && (*p)[0] == '\\' && (*p)[1] == 'u') {
                unsigned lo = 0;
                if (sscanf(*p + 2, "%4x", &lo) == 1) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    *p += 6;
                }
            }
            if (cp < 0x80) {
                s[n++] = (char)cp;
            } else if (cp < 0x800) {
                s[n++] = (char)(0xC0 | (cp >> 6));
                s[n++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                s[n++] = (char)(0xE0 | (cp >> 12));
                s[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                s[n++] = (char)(0x80 | (cp & 0x3F));
            } else {
                s[n++] = (char)(0xF0 | (cp >> 18));
                s[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                s[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                s[n++] = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: s[n++] = c; break;
        }
    }
    if (!s || **p != '"') {
        free(s);
        return NULL;
    }
    (*p)++;
    s[n] = '\0';
    return s;
}

static bool parse_value(const char **p, jval *v);

static bool parse_items(const char **p, jval *v, bool obj)
{
    char close = obj ? '}' : ']';
    (*p)++;
    skip_ws(p);
    size_t cap = 0;
    if (**p == close) {
        (*p)++;
        return true;
    }
    for (;;) {
        if (v->n == cap) {
            cap = cap ? 2 * cap : 8;
            v->items = realloc(v->items, cap * sizeof *v->items);
            if (obj)
                v->keys = realloc(v->keys, cap * sizeof *v->keys);
            if (!v->items || (obj && !v->keys))
                return false;
        }
        skip_ws(p);
        if (obj) {
            v->keys[v->n] = parse_string(p);
            if (!v->keys[v->n])
                return false;
            skip_ws(p);
            if (**p != ':') {
                free(v->keys[v->n]);
                return false;
            }
            (*p)++;
        }
        memset(&v->items[v->n], 0, sizeof v->items[v->n]);
        if (!parse_value(p, &v->items[v->n])) {
            if (obj)
                free(v->keys[v->n]);
            return false;
        }
        v->n++;
        skip_ws(p);
        if (**p == ',') {
            (*p)++;
            continue;
        }
        if (**p == close) {
            (*p)++;
            return true;
        }
        return false;
    }
}

static bool parse_value(const char **p, jval *v)
{
    skip_ws(p);
    memset(v, 0, sizeof *v);
    if (**p == '{') {
        v->type = J_OBJ;
        return parse_items(p, v, true);
    }
    if (**p == '[') {
        v->type = J_ARR;
        return parse_items(p, v, false);
    }
    if (**p == '"') {
        v->type = J_STR;
        v->str = parse_string(p);
        return v->str != NULL;
    }
    if (strncmp(*p, "null", 4) == 0) {
        *p += 4;
        return true;
    }
    if (strncmp(*p, "true", 4) == 0 || strncmp(*p, "false", 5) == 0) {
        v->type = J_BOOL;
        v->b = **p == 't';
        *p += v->b ? 4 : 5;
        return true;
    }
    char *end;
    v->type = J_NUM;
    v->num = strtod(*p, &end);
    if (end == *p)
        return false;
    *p = end;
    return true;
}

static const jval *jget(const jval *o, const char *key)
{
    if (!o || o->type != J_OBJ)
        return NULL;
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->keys[i], key) == 0)
            return &o->items[i];
    return NULL;
}

/* -------------------------------------------------------------- helpers */

static char *run_capture(const char *cmd)
{
    FILE *f = popen(cmd, "r");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    int rc = pclose(f);
    if (!buf || rc != 0) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* What {{step:ID}} must show: the step of message ID in flow \p f, "%d". */
static char *step_of(const tls_flow *f, const char *id)
{
    for (int n = 1; n <= f->n; n++)
        if (strcmp(tls_flow_msg(f, n)->lesson, id) == 0) {
            char *s = malloc(16);
            if (s)
                snprintf(s, 16, "%d", n);
            return s;
        }
    return NULL;
}

/* What {{name[.form]}} must show at \p step, computed from the JSON alone. */
static char *expected_from_json(const jval *root, const char *name, const char *form, int step)
{
    static const char *const parties[] = {"client", "server", "wire"};
    const jval *steps = jget(root, "steps");
    const jval *best = NULL;
    int best_step = -1, best_rank = 9;
    for (size_t i = 0; steps && i < steps->n; i++) {
        const jval *st = &steps->items[i];
        const jval *num = jget(st, "step");
        const jval *vals = jget(st, "values");
        if (!num || !vals || (int)num->num > step)
            continue;
        for (size_t j = 0; j < vals->n; j++) {
            const jval *nm = jget(&vals->items[j], "name");
            const jval *pt = jget(&vals->items[j], "party");
            if (!nm || !pt || strcmp(nm->str, name) != 0)
                continue;
            int rank = 9;
            for (int r = 0; r < 3; r++)
                if (strcmp(pt->str, parties[r]) == 0)
                    rank = r;
            int s = (int)num->num;
            /* the client's view first, then the server's, then the wire's;
             * for one party, its last value */
            if (rank < best_rank || (rank == best_rank && s >= best_step)) {
                best = &vals->items[j];
                best_step = s;
                best_rank = rank;
            }
        }
    }
    if (!best)
        return NULL;
    const jval *hex = jget(best, "hex"), *text = jget(best, "text");
    const char *h = hex && hex->type == J_STR ? hex->str : "";
    char buf[4096];
    if (strcmp(form, "len") == 0)
        snprintf(buf, sizeof buf, "%zu", strlen(h) / 2);
    else if (strcmp(form, "hex") == 0)
        snprintf(buf, sizeof buf, "%s", h);
    else if (strcmp(form, "short") == 0)
        snprintf(buf, sizeof buf, strlen(h) > 16 ? "%.16s…" : "%s", h);
    else if (text && text->type == J_STR && text->str[0])
        snprintf(buf, sizeof buf, "%s", text->str);
    else
        snprintf(buf, sizeof buf, "%s", h);
    return strdup(buf);
}

/* --------------------------------------------------------------- test */

/* One run whose lessons are checked: the JSON the values must come from,
 * the run's flow, what names it in messages, and the counts so far. */
typedef struct seed_check {
    const jval *root;
    const tls_flow *f;
    const char *kxname;
    uint64_t seed;
    int checked, wrong;
} seed_check;

/* Every placeholder of \p src (a title or body of lesson \p l) must show, in
 * \p text rendered at \p step, the value --json gives. */
static void check_placeholders(seed_check *sc, const tls_lesson *l, const char *src,
                               const char *text, int step)
{
    for (const char *q = src; (q = strstr(q, "{{")); q += 2) {
        const char *end = strstr(q + 2, "}}");
        if (!end)
            break;
        char inner[80];
        snprintf(inner, sizeof inner, "%.*s", (int)(end - q - 2), q + 2);
        char *dot = strchr(inner, '.');
        const char *form = "";
        if (dot) {
            *dot = '\0';
            form = dot + 1;
        }
        /* a step reference: the message's step in this run's flow */
        char *want = strncmp(inner, "step:", 5) == 0
                         ? step_of(sc->f, inner + 5)
                         : expected_from_json(sc->root, inner, form, step);
        sc->checked++;
        if (!want || !strstr(text, want)) {
            if (sc->wrong++ < 5)
                printf("  %s (%s, seed %llu): {{%s%s%s}} should show '%s'\n", l->path,
                       sc->kxname, (unsigned long long)sc->seed, inner, *form ? "." : "", form,
                       want ? want : "(absent in JSON)");
        }
        free(want);
    }
}

/* Each step's lesson in each language, rendered against the run's trace. */
static void check_lessons(seed_check *sc, const tls_lessons *ls, tls_trace *t)
{
    for (int n = 0; n <= sc->f->n + 1; n++)
        for (int li = 0; li < TLS_LANG_COUNT; li++) {
            int step = n > sc->f->n ? TLS_STEP_AFTER : n;
            bool fb;
            char id[64];
            const tls_lesson *l = tls_lessons_step_id(sc->f, step, id, sizeof id)
                                      ? tls_lessons_get(ls, id, (tls_lang)li, &fb)
                                      : NULL;
            if (!l)
                continue;
            tls_trace_lookup_ctx c = {t, step};
            tls_render_opts o = {.width = 1000, .lookup = tls_trace_lookup, .ctx = &c,
                                 .flow = sc->f};
            char *text = tls_lesson_render_text(l, &o);
            if (!text)
                continue;
            /* every placeholder of the title and body */
            check_placeholders(sc, l, l->title, text, step);
            check_placeholders(sc, l, l->body, text, step);
            free(text);
        }
}

static void check_run(const char *exe, const tls_lessons *ls, tls_kx kx, uint64_t seed)
{
    const char *kxname = kx == TLS_KX_RSA ? "rsa" : "ecdhe";
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' --json --seed %llu --kx %s", exe,
             (unsigned long long)seed, kxname);
    char *json = run_capture(cmd);
    if (!test_check(json != NULL, "%s ran", cmd))
        return;
    jval root;
    const char *p = json;
    bool parsed = parse_value(&p, &root);
    if (!test_check(parsed, "JSON of %s parses", cmd)) {
        free(json);
        return;
    }

    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.seeded = true;
    cfg.seed = seed;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    test_check(res.ok, "in-process run %s seed %llu ok", kxname, (unsigned long long)seed);

    seed_check sc = {&root, tls_sim_result_flow(&res), kxname, seed, 0, 0};
    check_lessons(&sc, ls, &t);
    test_check(sc.checked > 40, "%s seed %llu: %d placeholders checked", kxname,
               (unsigned long long)seed, sc.checked);
    test_check(sc.wrong == 0, "%s seed %llu: every placeholder shows the --json value (%d wrong)",
               kxname, (unsigned long long)seed, sc.wrong);
    tls_trace_free(&t);
    jfree(&root);
    free(json);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s TLSSIM LESSONS_DIR\n", argv[0]);
        return 2;
    }
    char err[256];
    tls_lessons *ls = tls_lessons_open(argv[2], err, sizeof err);
    if (!test_check(ls != NULL, "open lessons: %s", err))
        return test_finish();
    static const uint64_t seeds[] = {7, 2024};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < 2; i++)
            check_run(argv[1], ls, k ? TLS_KX_RSA : TLS_KX_ECDHE_RSA, seeds[i]);
    tls_lessons_close(ls);
    return test_finish();
}
