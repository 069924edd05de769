/* Walking a lesson folder: paths, the sorted "*.md" names of a language
 * folder, and scanning it into a lsn_langset (each file parsed by file.c,
 * filed under the lesson id it names).  Shared by loading (load.c) and
 * checking (check.c) through load_internal.h. */
#include "tlssim/lessons.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load_internal.h"

char *lsn_path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    bool slash = la && a[la - 1] == '/';
    char *p = malloc(la + lb + 2);
    if (p) {
        memcpy(p, a, la);
        size_t k = la;
        if (!slash)
            p[k++] = '/';
        memcpy(p + k, b, lb + 1);
    }
    return p;
}

bool lsn_path_is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted "*.md" file names of a folder; NULL when it cannot be opened. */
char **lsn_folder_list(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cnt = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 4 || strcmp(de->d_name + l - 3, ".md") != 0)
            continue;
        if (cnt == cap) {
            cap = cap ? 2 * cap : 32;
            char **nv = realloc(v, cap * sizeof *nv);
            if (!nv)
                break;
            v = nv;
        }
        v[cnt] = strdup(de->d_name);
        if (v[cnt])
            cnt++;
    }
    closedir(d);
    if (!v)
        v = calloc(1, sizeof *v);
    if (v)
        qsort(v, cnt, sizeof *v, cmp_str);
    *n = cnt;
    return v;
}

void lsn_names_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* File a parsed lesson under its id, or refuse a name no message has. */
static void file_lesson(lsn_plist *pl, lsn_langset *ls, const lsn_expect *exp, size_t ne,
                        const char *path, lsn_parsed *pr)
{
    char id[LSN_ID_MAX];
    lsn_file_id(path, id);
    int i = lsn_expect_index(exp, ne, id);
    if (i < 0) {
        lsn_problem_add(pl, path, 0,
                        _("unknown lesson '%s': no message of any handshake has this lesson id "
                          "(expected introduction, summary or a message's id, e.g. %s)"),
                        id, ne > 1 ? exp[1].id : "client-hello");
        lsn_lesson_free(pr->lesson);
        return;
    }
    if (!pr->lesson) {
        ls->broken[i] = true;
        return;
    }
    ls->by_id[i] = pr->lesson;
    ls->v[ls->n++] = pr->lesson;
}

void lsn_langset_scan(lsn_plist *pl, const char *dir, tls_lang lang, lsn_langset *ls)
{
    memset(ls, 0, sizeof *ls);
    char *sub = lsn_path_join(dir, tls_lang_code(lang));
    if (!sub)
        return;
    size_t n;
    char **names = lsn_path_is_dir(sub) ? lsn_folder_list(sub, &n) : NULL;
    if (!names) {
        free(sub);
        return;
    }
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    ls->present = true;
    ls->v = calloc(n ? n : 1, sizeof *ls->v);
    for (size_t i = 0; i < n && ls->v; i++) {
        char *path = lsn_path_join(sub, names[i]);
        if (!path)
            continue;
        lsn_parsed pr = lsn_file_parse(pl, path, lang);
        file_lesson(pl, ls, exp, ne, path, &pr);
        free(path);
    }
    lsn_names_free(names, n);
    free(sub);
}

void lsn_langset_free(lsn_langset *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        lsn_lesson_free(ls->v[i]);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}
