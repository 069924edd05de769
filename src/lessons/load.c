/* Loading lessons: finding the folder ($TLSSIM_LESSONS, next to the binary,
 * the source tree, the install prefix), scanning each language (folder.c)
 * and looking a lesson up, falling back to another language.  The rest of
 * the loader is in the files load_internal.h lists.
 * See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_internal.h"
#include "tlssim_config.h"

struct tls_lessons {
    char *dir;
    const char *origin;
    lsn_langset sets[TLS_LANG_COUNT];
    lsn_plist problems;
};

static bool has_lang_dir(const char *dir)
{
    bool ok = false;
    for (int li = 0; li < TLS_LANG_COUNT && !ok; li++) {
        char *sub = lsn_path_join(dir, tls_lang_code((tls_lang)li));
        ok = sub && lsn_path_is_dir(sub);
        free(sub);
    }
    return ok;
}

static void set_err(char *err, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t len, const char *fmt, ...)
{
    if (!err || !len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
}

/* Find the folder: see tls_lessons_open. */
static char *locate(const char **origin)
{
    const char *env = getenv("TLSSIM_LESSONS");
    if (env && *env && has_lang_dir(env)) {
        *origin = "$TLSSIM_LESSONS";
        return strdup(env);
    }
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k > 0) {
        exe[k] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const struct {
                const char *rel;
                const char *origin;
            } cand[] = {
                {"../share/tlssim/lessons", N_("installed")},
                {"lessons", N_("next to the binary")},
            };
            for (size_t i = 0; i < 2; i++) {
                char *p = lsn_path_join(exe, cand[i].rel);
                if (p && has_lang_dir(p)) {
                    char *r = realpath(p, NULL);
                    free(p);
                    *origin = cand[i].origin;
                    return r;
                }
                free(p);
            }
        }
    }
    if (has_lang_dir(TLSSIM_SOURCE_LESSONS)) {
        *origin = N_("source tree");
        return strdup(TLSSIM_SOURCE_LESSONS);
    }
    if (has_lang_dir(TLSSIM_INSTALL_LESSONS)) {
        *origin = N_("install prefix");
        return strdup(TLSSIM_INSTALL_LESSONS);
    }
    return NULL;
}

tls_lessons *tls_lessons_open(const char *dir, char *err, size_t err_len)
{
    const char *origin = "--lessons";
    char *path;
    if (dir) {
        if (!lsn_path_is_dir(dir)) {
            set_err(err, err_len, _("%s: no such lesson folder"), dir);
            return NULL;
        }
        if (!has_lang_dir(dir)) {
            set_err(err, err_len, _("%s: not a lesson folder (it has no en/ or zh/ inside)"), dir);
            return NULL;
        }
        path = strdup(dir);
    } else {
        path = locate(&origin);
        if (!path) {
            set_err(err, err_len,
                    _("no lesson folder found (tried $TLSSIM_LESSONS, next to the binary, "
                      "%s, %s); use --lessons DIR"), TLSSIM_SOURCE_LESSONS,
                    TLSSIM_INSTALL_LESSONS);
            return NULL;
        }
    }
    tls_lessons *ls = calloc(1, sizeof *ls);
    if (!ls || !path) {
        free(ls);
        free(path);
        set_err(err, err_len, _("out of memory"));
        return NULL;
    }
    ls->dir = path;
    ls->origin = origin;
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        lsn_langset_scan(&ls->problems, path, (tls_lang)li, &ls->sets[li]);
    return ls;
}

void tls_lessons_close(tls_lessons *ls)
{
    if (!ls)
        return;
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        lsn_langset_free(&ls->sets[li]);
    lsn_plist_free(&ls->problems);
    free(ls->dir);
    free(ls);
}

const char *tls_lessons_dir(const tls_lessons *ls) { return ls->dir; }

const char *tls_lessons_origin(const tls_lessons *ls) { return ls->origin; }

size_t tls_lessons_problem_count(const tls_lessons *ls) { return ls->problems.n; }

const char *tls_lessons_problem(const tls_lessons *ls, size_t i)
{
    return i < ls->problems.n ? ls->problems.msg[i] : NULL;
}

static const tls_lesson *find_id(const lsn_langset *set, const char *id)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i]->id, id) == 0)
            return set->v[i];
    return NULL;
}

const tls_lesson *tls_lessons_get(const tls_lessons *ls, const char *id, tls_lang lang,
                                  bool *fell_back)
{
    if (fell_back)
        *fell_back = false;
    if (!ls || !id)
        return NULL;
    const tls_lesson *l = find_id(&ls->sets[lang], id);
    if (l)
        return l;
    /* English first, then any other language. */
    tls_lang order[TLS_LANG_COUNT] = {TLS_LANG_EN, TLS_LANG_ZH};
    for (int i = 0; i < TLS_LANG_COUNT; i++) {
        if (order[i] == lang)
            continue;
        l = find_id(&ls->sets[order[i]], id);
        if (l) {
            if (fell_back)
                *fell_back = true;
            return l;
        }
    }
    return NULL;
}
