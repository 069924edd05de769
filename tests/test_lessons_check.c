/* The lesson checker and loader: the shipped lessons are complete and
 * valid; each fixture folder (the base set with one broken file) yields
 * exactly its expected "file:line: message"; a missing Chinese lesson falls
 * back to English; the folder is located without any flag.
 *
 * argv[1]: tests/lessons-fixtures.  A fixture case folder holds the files
 * that replace or add to base/, an optional remove.txt (paths to delete
 * from the copy) and expected.txt (the checker's output, with DIR standing
 * for the assembled folder). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tlssim/handshake.h"
#include "tlssim/lessons.h"
#include "tlssim_config.h"

static const char *fixtures;

/* ------------------------------------------------------- file helpers */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (n + 2 > cap) {
            cap = cap ? 2 * cap : 256;
            buf = realloc(buf, cap);
            if (!buf) {
                fclose(f);
                return NULL;
            }
        }
        buf[n++] = (char)c;
    }
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    else
        buf[n] = '\0';
    return buf;
}

static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    bool ok = in && out;
    char buf[4096];
    size_t k;
    while (ok && (k = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, k, out) == k;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    return ok;
}

/* Copy the .md files of from/{en,zh} into to/{en,zh}. */
static bool copy_lang_dirs(const char *from, const char *to)
{
    static const char *const langs[] = {"en", "zh"};
    for (int i = 0; i < 2; i++) {
        char src[1024], dst[1024];
        snprintf(src, sizeof src, "%s/%s", from, langs[i]);
        snprintf(dst, sizeof dst, "%s/%s", to, langs[i]);
        DIR *d = opendir(src);
        if (!d)
            continue;
        mkdir(dst, 0755);
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.')
                continue;
            char a[2048], b[2048];
            snprintf(a, sizeof a, "%s/%s", src, de->d_name);
            snprintf(b, sizeof b, "%s/%s", dst, de->d_name);
            if (!copy_file(a, b)) {
                closedir(d);
                return false;
            }
        }
        closedir(d);
    }
    return true;
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char p[2048];
            snprintf(p, sizeof p, "%s/%s", path, de->d_name);
            remove_tree(p);
        }
        closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Assemble base + case into a fresh temporary folder; returns its path. */
static char *assemble(const char *name)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[1024];
    snprintf(tmpl, sizeof tmpl, "%s/tlssim-lessons-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *dir = mkdtemp(tmpl);
    if (!dir)
        return NULL;
    dir = strdup(dir);
    char base[1024], cas[1024];
    snprintf(base, sizeof base, "%s/base", fixtures);
    snprintf(cas, sizeof cas, "%s/%s", fixtures, name);
    bool ok = copy_lang_dirs(base, dir);
    if (name && strcmp(name, "base") != 0) {
        ok = ok && copy_lang_dirs(cas, dir);
        char rm[1200];
        snprintf(rm, sizeof rm, "%s/remove.txt", cas);
        char *list = read_file(rm);
        for (char *line = list ? strtok(list, "\n") : NULL; line; line = strtok(NULL, "\n")) {
            char p[2048];
            snprintf(p, sizeof p, "%s/%s", dir, line);
            ok = ok && unlink(p) == 0;
        }
        free(list);
    }
    test_check(ok, "assemble fixture %s", name);
    return dir;
}

/* The checker's output for a folder, and its count. */
static char *check_output(const char *dir, int *count)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *count = tls_lessons_check(dir, f);
    fclose(f);
    return buf;
}

/* Replace every "DIR" in \p text with \p dir. */
static char *subst_dir(const char *text, const char *dir)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, "DIR")); p += 3)
        n++;
    char *out = malloc(strlen(text) + n * strlen(dir) + 1), *o = out;
    for (const char *p = text; *p;) {
        if (strncmp(p, "DIR", 3) == 0) {
            o += sprintf(o, "%s", dir);
            p += 3;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

/* ------------------------------------------------------------- tests */

/* The shipped lesson for step \p step of flow \p f in \p lang: present,
 * served as itself, its header agreeing with the name; a message's lesson
 * asks 2-4 questions.  Returns whether it is there. */
/* The step a lesson's header names: where its message first appears, in
 * the first flow that has it (the full handshakes come first). */
static int header_step(const char *id, int step)
{
    if (step == TLS_STEP_AFTER)
        return TLS_LESSON_SUMMARY;
    for (int fi = 0; fi < TLS_FLOW_COUNT; fi++) {
        const tls_flow *g = tls_flow_get((tls_flow_id)fi);
        for (int n = 1; n <= g->n; n++) {
            char other[64];
            if (tls_lessons_step_id(g, n, other, sizeof other) && strcmp(other, id) == 0)
                return n;
        }
    }
    return step;
}

static bool check_shipped(const tls_lessons *ls, const tls_flow *f, int step, tls_lang lang)
{
    char id[64];
    if (!test_check(tls_lessons_step_id(f, step, id, sizeof id), "%s step %d has a lesson id",
                    f->name, step))
        return false;
    bool fb = true;
    const tls_lesson *l = tls_lessons_get(ls, id, lang, &fb);
    if (!test_check(l != NULL, "%s step %d: lesson %s in language %d", f->name, step, id, lang))
        return false;
    test_check(!fb && l->lang == lang && strcmp(l->id, id) == 0,
               "%s lang %d served as itself", id, lang);
    test_check(l->step == header_step(id, step), "%s: header step %d", id, l->step);
    const tls_msg_info *m = tls_flow_msg(f, step);
    if (m && m->lesson_per_kx)
        test_check(l->mode == (f->kx == TLS_KX_RSA       ? TLS_LMODE_RSA
                               : f->kx == TLS_KX_DHE_RSA ? TLS_LMODE_DHE
                                                         : TLS_LMODE_ECDHE),
                   "%s: the %s flow's variant", id, f->name);
    if (m) {
        int q = 0;
        for (const char *p = l->body; (p = strstr(p, "\n### ")); p++)
            q++;
        test_check(q >= 2 && q <= 4, "%s: %d questions (want 2-4)", l->path, q);
    }
    return true;
}

static void test_shipped(void)
{
    int count;
    char *out = check_output(TLSSIM_SOURCE_LESSONS, &count);
    test_check(count == 0, "shipped lessons pass the checker (%d problems)", count);
    if (count)
        printf("%s", out);
    free(out);

    char err[512] = "";
    tls_lessons *ls = tls_lessons_open(TLSSIM_SOURCE_LESSONS, err, sizeof err);
    if (!test_check(ls != NULL, "open shipped lessons: %s", err))
        return;
    test_check(tls_lessons_problem_count(ls) == 0, "no load problems");
    test_str_eq(tls_lessons_origin(ls), "--lessons", "explicit folder origin");
    /* Every lesson a run of any flow asks for: its introduction, each of
     * its steps (skipped ones too) and its summary, in each language. */
    int present = 0, wanted = 0, positions = 0;
    for (int fi = 0; fi < TLS_FLOW_COUNT; fi++) {
        const tls_flow *f = tls_flow_get((tls_flow_id)fi);
        positions += f->n + 2;
        for (int n = 0; n <= f->n + 1; n++) {
            int step = n > f->n ? TLS_STEP_AFTER : n;
            for (int li = 0; li < TLS_LANG_COUNT; li++) {
                wanted++;
                if (check_shipped(ls, f, step, (tls_lang)li))
                    present++;
            }
        }
    }
    /* The full handshakes have 10 steps, the client-auth ones 13, those
     * that issue a ticket 11, those that do both 14; the abbreviated ones 6
     * and 7. */
    test_check(present == wanted &&
                   positions == 3 * 12 + 6 * 15 + 3 * 13 + 6 * 16 + 8 + 9 &&
                   wanted == positions * TLS_LANG_COUNT,
               "all %d lessons of every flow present (%d)", wanted, present);
    tls_lessons_close(ls);
}

static void test_fixtures(void)
{
    static const char *const cases[] = {
        "missing-zh", "missing-rsa-variant", "bad-header-key", "bad-header-step",
        "bad-header-mode", "no-header", "header-lacks-title", "unknown-placeholder",
        "unknown-form", "unterminated-placeholder", "invalid-utf8", "unknown-id",
        "unclosed-fence", "name-mismatch", "numbered-title", "missing-after", "unknown-step-ref",
    };
    /* The base set alone is clean. */
    char *dir = assemble("base");
    int count;
    char *out = check_output(dir, &count);
    test_check(count == 0, "base fixture is clean (%d)", count);
    if (count)
        printf("%s", out);
    free(out);
    test_check(tls_lessons_check_main(dir) == 0, "check_main: 0 for a clean folder");
    remove_tree(dir);
    free(dir);

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dir = assemble(cases[i]);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/expected.txt", fixtures, cases[i]);
        char *exp = read_file(path);
        if (!test_check(exp != NULL, "%s: expected.txt", cases[i])) {
            free(dir);
            continue;
        }
        char *want = subst_dir(exp, dir);
        out = check_output(dir, &count);
        test_check(count == 1, "%s: exactly one problem (got %d)", cases[i], count);
        char what[256];
        snprintf(what, sizeof what, "%s: checker output", cases[i]);
        test_str_eq(out, want, what);
        test_check(tls_lessons_check_main(dir) == 1, "%s: check_main exits 1", cases[i]);

        /* Loading the broken folder never fails and keeps the problem. */
        char err[256];
        tls_lessons *ls = tls_lessons_open(dir, err, sizeof err);
        if (test_check(ls != NULL, "%s: loads despite the problem", cases[i])) {
            const tls_flow *f = tls_flow_default();
            for (int s = 0; s <= f->n + 1; s++)
                for (int li = 0; li < TLS_LANG_COUNT; li++) {
                    bool fb;
                    char id[64];
                    tls_lessons_step_id(f, s > f->n ? TLS_STEP_AFTER : s, id, sizeof id);
                    const tls_lesson *l = tls_lessons_get(ls, id, (tls_lang)li, &fb);
                    if (l) {
                        tls_render_opts o = {.width = 40};
                        char *txt = tls_lesson_render_text(l, &o);
                        test_check(txt != NULL, "%s: renders step %d", cases[i], s);
                        free(txt);
                    }
                }
        }
        tls_lessons_close(ls);
        free(out);
        free(want);
        free(exp);
        remove_tree(dir);
        free(dir);
    }
    test_check(tls_lessons_check_main("/nonexistent/lessons") == 2,
               "check_main: 2 for a missing folder");
    int n = tls_lessons_check("/nonexistent/lessons", NULL);
    test_check(n == -1, "check: -1 for a missing folder");
}

static void test_fallback(void)
{
    char *dir = assemble("missing-zh");
    char err[256];
    tls_lessons *ls = tls_lessons_open(dir, err, sizeof err);
    if (test_check(ls != NULL, "open missing-zh: %s", err)) {
        bool fb = false;
        const tls_lesson *l = tls_lessons_get(ls, "server-hello-done", TLS_LANG_ZH, &fb);
        test_check(l && fb && l->lang == TLS_LANG_EN && l->step == 5,
                   "missing zh server-hello-done falls back to English with the flag");
        l = tls_lessons_get(ls, "server-key-exchange.rsa", TLS_LANG_ZH, &fb);
        test_check(l && !fb && l->lang == TLS_LANG_ZH && l->mode == TLS_LMODE_RSA,
                   "present zh lesson is not a fallback");
        l = tls_lessons_get(ls, "server-hello-done", TLS_LANG_EN, &fb);
        test_check(l && !fb, "English asked, English given");
        test_check(tls_lessons_get(ls, "server-hello-dne", TLS_LANG_EN, &fb) == NULL,
                   "no lesson under a misspelt id");
        const char *notice = tls_lesson_fallback_notice(TLS_LANG_ZH);
        test_check(notice && strstr(notice, "英文") != NULL, "Chinese fallback notice");
    }
    tls_lessons_close(ls);
    remove_tree(dir);
    free(dir);

    /* A broken Chinese file falls back too, and the problem is kept. */
    dir = assemble("invalid-utf8");
    ls = tls_lessons_open(dir, err, sizeof err);
    if (test_check(ls != NULL, "open invalid-utf8")) {
        bool fb = false;
        const tls_lesson *l = tls_lessons_get(ls, "client-hello", TLS_LANG_ZH, &fb);
        test_check(l && fb && l->lang == TLS_LANG_EN, "broken zh falls back to English");
        test_check(tls_lessons_problem_count(ls) == 1, "one load problem");
        const char *p = tls_lessons_problem(ls, 0);
        test_check(p && strstr(p, "/zh/client-hello.md:6: invalid UTF-8") != NULL,
                   "load problem names file:line (%s)", p ? p : "");
        test_check(tls_lessons_problem(ls, 1) == NULL, "no second problem");
    }
    tls_lessons_close(ls);
    remove_tree(dir);
    free(dir);
}

static void test_locate(void)
{
    char err[512];
    char base[1024];
    snprintf(base, sizeof base, "%s/base", fixtures);
    setenv("TLSSIM_LESSONS", base, 1);
    tls_lessons *ls = tls_lessons_open(NULL, err, sizeof err);
    if (test_check(ls != NULL, "locate via $TLSSIM_LESSONS: %s", err)) {
        test_str_eq(tls_lessons_origin(ls), "$TLSSIM_LESSONS", "origin is the variable");
        test_str_eq(tls_lessons_dir(ls), base, "dir is the variable's");
    }
    tls_lessons_close(ls);
    unsetenv("TLSSIM_LESSONS");
    ls = tls_lessons_open(NULL, err, sizeof err);
    if (test_check(ls != NULL, "locate without any flag: %s", err)) {
        /* The test binary sits in the build tree: the source tree is found. */
        test_str_eq(tls_lessons_origin(ls), "source tree", "origin is the source tree");
        test_str_eq(tls_lessons_dir(ls), TLSSIM_SOURCE_LESSONS, "source lessons");
    }
    tls_lessons_close(ls);
    ls = tls_lessons_open("/nonexistent/lessons", err, sizeof err);
    test_check(ls == NULL && strstr(err, "/nonexistent/lessons") != NULL,
               "a missing --lessons folder is an error naming it");
    ls = tls_lessons_open(fixtures, err, sizeof err);
    test_check(ls == NULL && strstr(err, "not a lesson folder") != NULL,
               "a folder without en/ or zh/ is refused");
}

static void test_lang(void)
{
    tls_lang l = TLS_LANG_EN;
    test_check(tls_lang_parse("zh", &l) && l == TLS_LANG_ZH, "parse zh");
    test_check(tls_lang_parse("zh_CN.UTF-8", &l) && l == TLS_LANG_ZH, "parse zh_CN.UTF-8");
    test_check(tls_lang_parse("中文", &l) && l == TLS_LANG_ZH, "parse 中文");
    test_check(tls_lang_parse("EN", &l) && l == TLS_LANG_EN, "parse EN");
    test_check(tls_lang_parse("en_US", &l) && l == TLS_LANG_EN, "parse en_US");
    test_check(!tls_lang_parse("fr", &l), "fr unknown");
    test_check(!tls_lang_parse("zhx", &l), "zhx unknown");
    test_str_eq(tls_lang_code(TLS_LANG_ZH), "zh", "code zh");

    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_CN.UTF-8", 1);
    test_check(tls_lang_from_env() == TLS_LANG_ZH, "LANG=zh_CN → Chinese");
    setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
    test_check(tls_lang_from_env() == TLS_LANG_EN, "LC_MESSAGES beats LANG");
    setenv("LC_ALL", "zh_TW.UTF-8", 1);
    test_check(tls_lang_from_env() == TLS_LANG_ZH, "LC_ALL beats everything");
    setenv("LC_ALL", "", 1);
    test_check(tls_lang_from_env() == TLS_LANG_EN, "empty LC_ALL is skipped");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    test_check(tls_lang_from_env() == TLS_LANG_EN, "no variables → English");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
        return 2;
    }
    fixtures = argv[1];
    unsetenv("TLSSIM_LESSONS");
    test_shipped();
    test_fixtures();
    test_fallback();
    test_locate();
    test_lang();
    return test_finish();
}
