/* The checker: placeholders and code blocks of a lesson's body (with "did
 * you mean" for a misspelt value name), a complete folder (every lesson of
 * every flow in every language), and tls_lessons_check/_main behind
 * `tlssim lessons check`.  See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_internal.h"

/* Language names inside (English) problem messages. */
static const char *lang_english_name(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "Chinese (zh)" : "English (en)";
}

/* Levenshtein distance, for "did you mean" (short strings only). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

static const char *closest_name(const char *name)
{
    const char *best = NULL;
    size_t bd = 4;
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        size_t d = edit_distance(name, tls_value_name((tls_value_kind)k));
        if (d < bd) {
            bd = d;
            best = tls_value_name((tls_value_kind)k);
        }
    }
    return best;
}

/* Every value name, comma-separated (for messages). */
static const char *known_names(void)
{
    static char buf[1024];
    if (!buf[0]) {
        size_t k = 0;
        for (int i = 0; i < TLS_VALUE_COUNT && k < sizeof buf; i++)
            k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? ", " : "",
                                  tls_value_name((tls_value_kind)i));
    }
    return buf;
}

/* Check the placeholders of one line of text. */
void lsn_placeholders_check(lsn_plist *pl, const char *file, int line, const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] != '{' || s[i + 1] != '{')
            continue;
        size_t j = i + 2;
        while (j + 1 < len && !(s[j] == '}' && s[j + 1] == '}'))
            j++;
        if (j + 1 >= len) {
            lsn_problem_add(pl, file, line,
                            _("unterminated placeholder: '{{' without '}}' on the same line"));
            return;
        }
        char name[64];
        tls_value_kind kind;
        tls_value_form form;
        const char *inner = s + i + 2;
        size_t ilen = j - i - 2;
        if (lsn_is_step_ref(inner, ilen)) {
            if (!lsn_step_ref(inner, ilen, NULL))
                lsn_problem_add(pl, file, line,
                                _("unknown step reference '{{%.*s}}' (expected step: and a "
                                  "message's lesson id, e.g. step:client-finished)"),
                                (int)ilen, inner);
            i = j + 1;
            continue;
        }
        switch (lsn_placeholder(inner, ilen, name, sizeof name, &kind, &form)) {
        case LSN_PH_OK:
            break;
        case LSN_PH_UNKNOWN_NAME: {
            const char *near = closest_name(name);
            if (near)
                lsn_problem_add(pl, file, line,
                                _("unknown placeholder '{{%.*s}}' (did you mean '%s'?)"),
                                (int)ilen, inner, near);
            else
                lsn_problem_add(pl, file, line, _("unknown placeholder '{{%.*s}}' (known: %s)"),
                                (int)ilen, inner, known_names());
            break;
        }
        case LSN_PH_UNKNOWN_FORM:
            lsn_problem_add(pl, file, line,
                            _("unknown form in placeholder '{{%.*s}}' (expected .hex, "
                              ".short or .len)"),
                            (int)ilen, inner);
            break;
        }
        i = j + 1;
    }
}

/* The body: placeholders on every line, code blocks closed, some text. */
void lsn_body_check(lsn_plist *pl, lsn_header *h, const char *end)
{
    bool any = false, in_code = false;
    int fence_line = 0;
    const char *q = h->body;
    int bl = h->body_line;
    while (q < end) {
        const char *nl = memchr(q, '\n', (size_t)(end - q));
        size_t ll = nl ? (size_t)(nl - q) : (size_t)(end - q);
        size_t tl = ll;
        const char *t = lsn_text_trim(q, &tl);
        if (tl)
            any = true;
        if (tl >= 3 && memcmp(t, "```", 3) == 0) {
            in_code = !in_code;
            fence_line = bl;
        }
        lsn_placeholders_check(pl, h->path, bl, q, ll);
        q = nl ? nl + 1 : end;
        bl++;
    }
    if (in_code)
        lsn_problem_add(pl, h->path, fence_line,
                        _("code block opened here is never closed with ```"));
    if (!any) {
        lsn_problem_add(pl, h->path, h->body_line - 1,
                        _("the lesson has no text after its header"));
        h->ok = false;
    }
}

/* Report missing folders and missing lessons: every message of every flow,
 * the introduction and the summary, in each language. */
static void check_complete(lsn_plist *pl, const char *dir, lsn_langset sets[TLS_LANG_COUNT])
{
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    for (int li = 0; li < TLS_LANG_COUNT; li++) {
        tls_lang lang = (tls_lang)li;
        const lsn_langset *me = &sets[li];
        char *sub = lsn_path_join(dir, tls_lang_code(lang));
        if (!sub)
            return;
        if (!me->present) {
            lsn_problem_add(pl, sub, 0,
                            _("missing folder: no %s lessons"), lang_english_name(lang));
            free(sub);
            continue;
        }
        for (size_t i = 0; i < ne; i++) {
            if (me->by_id[i] || me->broken[i])
                continue;
            char name[LSN_ID_MAX + 4];
            snprintf(name, sizeof name, "%s.md", exp[i].id);
            char *path = lsn_path_join(sub, name);
            lsn_problem_add(pl, path ? path : sub, 0, _("missing lesson: no %s lesson for %s"),
                            lang_english_name(lang), exp[i].what);
            free(path);
        }
        free(sub);
    }
}

int tls_lessons_check(const char *dir, FILE *out)
{
    if (!lsn_path_is_dir(dir)) {
        if (out)
            fprintf(out, _("%s: cannot read folder: %s\n"), dir,
                    access(dir, F_OK) == 0 ? _("not a folder") : _(tls_text_strerror(errno)));
        return -1;
    }
    lsn_plist pl = {.out = out};
    lsn_langset sets[TLS_LANG_COUNT];
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        lsn_langset_scan(&pl, dir, (tls_lang)li, &sets[li]);
    check_complete(&pl, dir, sets);
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        lsn_langset_free(&sets[li]);
    int n = (int)pl.n;
    lsn_plist_free(&pl);
    return n;
}

int tls_lessons_check_main(const char *dir)
{
    int n = tls_lessons_check(dir, stderr);
    if (n < 0)
        return 2;
    if (n > 0) {
        fprintf(stderr, dngettext("tlssim", "%s: %d problem\n", "%s: %d problems\n", (unsigned long)n),
                dir, n);
        return 1;
    }
    /* Count what was checked for the summary line. */
    size_t files = 0;
    for (int li = 0; li < TLS_LANG_COUNT; li++) {
        char *sub = lsn_path_join(dir, tls_lang_code((tls_lang)li));
        size_t k = 0;
        char **v = sub ? lsn_folder_list(sub, &k) : NULL;
        if (v)
            files += k;
        lsn_names_free(v, v ? k : 0);
        free(sub);
    }
    lsn_expect exp[LSN_EXPECT_MAX];
    printf(_("%s: OK — %zu lesson files; every message of every handshake flow (%zu lessons with "
             "the introduction and the summary) × language (en, zh) present, headers and "
             "placeholders valid\n"), dir, files, lsn_expected(exp));
    return 0;
}
