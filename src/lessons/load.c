/* Lesson folders: languages, locating, loading, parsing headers, and the
 * checker.  See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "tlssim/handshake.h"
#include "tlssim_config.h"

/* ----------------------------------------------------------- languages */

const char *tls_lang_code(tls_lang lang) { return lang == TLS_LANG_ZH ? "zh" : "en"; }

const char *tls_lang_display_name(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "中文" : "English";
}

bool tls_lang_parse(const char *text, tls_lang *out)
{
    if (!text)
        return false;
    if (strcmp(text, "中文") == 0 || strcmp(text, "汉语") == 0 || strcmp(text, "简体中文") == 0) {
        *out = TLS_LANG_ZH;
        return true;
    }
    if (strcasecmp(text, "cn") == 0 || strcasecmp(text, "chinese") == 0 ||
        (strncasecmp(text, "zh", 2) == 0 &&
         (text[2] == '\0' || text[2] == '_' || text[2] == '-' || text[2] == '.'))) {
        *out = TLS_LANG_ZH;
        return true;
    }
    if (strcasecmp(text, "english") == 0 ||
        (strncasecmp(text, "en", 2) == 0 &&
         (text[2] == '\0' || text[2] == '_' || text[2] == '-' || text[2] == '.'))) {
        *out = TLS_LANG_EN;
        return true;
    }
    return false;
}

tls_lang tls_lang_from_env(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncasecmp(v, "zh", 2) == 0 ? TLS_LANG_ZH : TLS_LANG_EN;
    }
    return TLS_LANG_EN;
}

const char *tls_lesson_fallback_notice(tls_lang wanted)
{
    return wanted == TLS_LANG_ZH ? "（此课暂无中文版，以下为英文原文。）"
                                 : "(This lesson is not available in English; "
                                   "showing another language.)";
}

const char *tls_lesson_mode_name(tls_lesson_mode m)
{
    switch (m) {
    case TLS_LMODE_BOTH: return "both";
    case TLS_LMODE_ECDHE: return "ecdhe";
    case TLS_LMODE_RSA: return "rsa";
    case TLS_LMODE_DHE: return "dhe";
    }
    return "?";
}

/* Language names inside (English) problem messages. */
static const char *lang_english_name(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "Chinese (zh)" : "English (en)";
}

/* ------------------------------------------------------------ problems */

typedef struct plist {
    char **msg;
    size_t n, cap;
    FILE *out;          /* also print each problem here when set */
} plist;

static void problem(plist *pl, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(plist *pl, const char *file, int line, const char *fmt, ...)
{
    char msg[1024], raw[2048], full[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(raw, sizeof raw, "%s:%d: %s", file, line, msg);
    else
        snprintf(raw, sizeof raw, "%s: %s", file, msg);
    /* File names and quoted header lines come from the folder: escaped
     * before they reach a terminal. */
    tls_text_escape(raw, strlen(raw), full, sizeof full);
    if (pl->out)
        fprintf(pl->out, "%s\n", full);
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? 2 * pl->cap : 8;
        char **m = realloc(pl->msg, cap * sizeof *m);
        if (!m)
            return;
        pl->msg = m;
        pl->cap = cap;
    }
    char *d = strdup(full);
    if (d)
        pl->msg[pl->n++] = d;
}

static void plist_free(plist *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->msg[i]);
    free(pl->msg);
    memset(pl, 0, sizeof *pl);
}

/* ------------------------------------------------------- file parsing */

static char *path_join(const char *a, const char *b)
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

static bool is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A lesson as parsed from one file, with what the checker needs. */
typedef struct parsed {
    tls_lesson *lesson;     /* NULL when the file is unusable */
    int step_line;          /* line of "step:" */
    int name_step;          /* the step the file name's lesson id has, or -1 */
    int name_mode;          /* mode from ".ecdhe.md"/".rsa.md"/".dhe.md", else BOTH */
} parsed;

static void lesson_free(tls_lesson *l)
{
    if (!l)
        return;
    free(l->id);
    free(l->title);
    free(l->path);
    free(l->body);
    free(l);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
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
static void check_placeholders(plist *pl, const char *file, int line, const char *s, size_t len)
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
            problem(pl, file, line,
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
                problem(pl, file, line,
                        _("unknown step reference '{{%.*s}}' (expected step: and a message's "
                          "lesson id, e.g. step:client-finished)"), (int)ilen, inner);
            i = j + 1;
            continue;
        }
        switch (lsn_placeholder(inner, ilen, name, sizeof name, &kind, &form)) {
        case LSN_PH_OK:
            break;
        case LSN_PH_UNKNOWN_NAME: {
            const char *near = closest_name(name);
            if (near)
                problem(pl, file, line, _("unknown placeholder '{{%.*s}}' (did you mean '%s'?)"),
                        (int)ilen, inner, near);
            else
                problem(pl, file, line, _("unknown placeholder '{{%.*s}}' (known: %s)"),
                        (int)ilen, inner, known_names());
            break;
        }
        case LSN_PH_UNKNOWN_FORM:
            problem(pl, file, line,
                    _("unknown form in placeholder '{{%.*s}}' (expected .hex, .short or .len)"),
                    (int)ilen, inner);
            break;
        }
        i = j + 1;
    }
}

static int line_of(const char *buf, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

/* Trim blanks (and a trailing '\r') from both ends of [s, s+*len). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    *len = n;
    return s;
}

/* The lesson id of a file: its name without ".md" (cut to LSN_ID_MAX). */
static void file_id(const char *path, char id[LSN_ID_MAX])
{
    const char *b = base_name(path);
    size_t n = strlen(b);
    n = n > 3 ? n - 3 : 0;
    snprintf(id, LSN_ID_MAX, "%.*s", (int)n, b);
}

static void name_hints(const char *path, parsed *pr)
{
    const char *b = base_name(path);
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    char id[LSN_ID_MAX];
    file_id(path, id);
    int i = lsn_expect_index(exp, ne, id);
    pr->name_step = i >= 0 ? exp[i].step : -1;
    pr->name_mode = TLS_LMODE_BOTH;
    size_t n = strlen(b);
    if (n > 9 && strcmp(b + n - 9, ".ecdhe.md") == 0)
        pr->name_mode = TLS_LMODE_ECDHE;
    else if (n > 7 && strcmp(b + n - 7, ".rsa.md") == 0)
        pr->name_mode = TLS_LMODE_RSA;
    else if (n > 7 && strcmp(b + n - 7, ".dhe.md") == 0)
        pr->name_mode = TLS_LMODE_DHE;
}

/* A lesson file's header as read so far (header_parse). */
typedef struct header {
    const char *path;
    bool ok, closed;
    bool has_step, has_mode, has_title;
    int step;
    tls_lesson_mode mode;
    char *title;
    const char *body;       /* the text after the closing '---' */
    int body_line;
} header;

/* The file's bytes, checked to be text: UTF-8 without a NUL byte, after a
 * byte-order mark (skipped: \p start).  NULL after a problem. */
static char *lesson_file_read(plist *pl, const char *path, size_t *len, size_t *start)
{
    char *buf = tls_read_file(path, 1u << 20, len); /* a lesson is a few KiB */
    if (!buf) {
        /* A FIFO or device named *.md is refused unread (tls_read_file):
         * reading it could wait for ever. */
        if (errno == ENODEV)
            problem(pl, path, 0, "%s", _("not a regular file (a FIFO, socket or device): skipped"));
        else
            problem(pl, path, 0, _("cannot read: %s"), _(tls_text_strerror(errno)));
        return NULL;
    }
    *start = 0;
    if (*len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        *start = 3;  /* a byte-order mark, as some editors write */
    if (memchr(buf, '\0', *len)) {
        size_t at = (size_t)((char *)memchr(buf, '\0', *len) - buf);
        problem(pl, path, line_of(buf, at), _("contains a NUL byte: not a text file"));
        free(buf);
        return NULL;
    }
    size_t bad;
    if (!tls_utf8_valid(buf + *start, *len - *start, &bad)) {
        size_t at = *start + bad, col = 1;    /* in characters */
        for (size_t i = at; i > 0 && buf[i - 1] != '\n'; i--)
            if (((unsigned char)buf[i - 1] & 0xC0) != 0x80)
                col++;
        problem(pl, path, line_of(buf, at),
                _("invalid UTF-8 (byte 0x%02x at column %zu): save the file as UTF-8"),
                (unsigned char)buf[at], col);
        free(buf);
        return NULL;
    }
    return buf;
}

/* A header key seen before is a problem (\p twice says which); the later
 * value still counts. */
static void header_once(plist *pl, header *h, int line, bool *seen, const char *twice)
{
    if (*seen) {
        problem(pl, h->path, line, "%s", twice);
        h->ok = false;
    }
    *seen = true;
}

static void header_step(plist *pl, header *h, parsed *pr, int line, const char *val, size_t vl)
{
    header_once(pl, h, line, &h->has_step, _("header key 'step' given twice"));
    pr->step_line = line;
    char *endp;
    char tmp[16];
    long v = -1;
    if (vl > 0 && vl < sizeof tmp) {
        memcpy(tmp, val, vl);
        tmp[vl] = '\0';
        errno = 0;
        v = strtol(tmp, &endp, 10);
        if (*endp || errno || !isdigit((unsigned char)tmp[0]))
            v = -1;
    }
    if (v < 0 || v >= TLS_LESSON_COUNT) {
        problem(pl, h->path, line,
                _("bad step '%.*s' (expected 0 introduction, 1..10 handshake steps, "
                  "11 summary)"), (int)vl, val);
        h->ok = false;
    } else {
        h->step = (int)v;
    }
}

static void header_mode(plist *pl, header *h, int line, const char *val, size_t vl)
{
    header_once(pl, h, line, &h->has_mode, _("header key 'mode' given twice"));
    if (vl == 4 && strncasecmp(val, "both", 4) == 0)
        h->mode = TLS_LMODE_BOTH;
    else if (vl == 5 && strncasecmp(val, "ecdhe", 5) == 0)
        h->mode = TLS_LMODE_ECDHE;
    else if (vl == 3 && strncasecmp(val, "rsa", 3) == 0)
        h->mode = TLS_LMODE_RSA;
    else if (vl == 3 && strncasecmp(val, "dhe", 3) == 0)
        h->mode = TLS_LMODE_DHE;
    else {
        problem(pl, h->path, line, _("bad mode '%.*s' (expected both, ecdhe, rsa or dhe)"),
                (int)vl, val);
        h->ok = false;
    }
}

static void header_title(plist *pl, header *h, int line, const char *val, size_t vl)
{
    header_once(pl, h, line, &h->has_title, _("header key 'title' given twice"));
    if (vl == 0) {
        problem(pl, h->path, line, _("empty title"));
        h->ok = false;
        return;
    }
    free(h->title);
    h->title = malloc(vl + 1);
    if (h->title) {
        memcpy(h->title, val, vl);
        h->title[vl] = '\0';
    }
    check_placeholders(pl, h->path, line, val, vl);
    if (h->title && lsn_title_numbered(h->title))
        problem(pl, h->path, line, _("the title numbers its step: leave the number "
                                     "out, the run's flow gives it"));
}

/* One 'key: value' line of the header (\p t, \p ll bytes, trimmed). */
static void header_line(plist *pl, header *h, parsed *pr, int line, const char *t, size_t ll)
{
    const char *colon = memchr(t, ':', ll);
    if (!colon) {
        problem(pl, h->path, line, _("malformed header line '%.*s' (expected 'key: value')"),
                (int)ll, t);
        h->ok = false;
        return;
    }
    size_t kl = (size_t)(colon - t);
    const char *key = trim(t, &kl);
    size_t vl = ll - (size_t)(colon + 1 - t);
    const char *val = trim(colon + 1, &vl);
    if (kl == 4 && strncasecmp(key, "step", 4) == 0) {
        header_step(pl, h, pr, line, val, vl);
    } else if (kl == 4 && strncasecmp(key, "mode", 4) == 0) {
        header_mode(pl, h, line, val, vl);
    } else if (kl == 5 && strncasecmp(key, "title", 5) == 0) {
        header_title(pl, h, line, val, vl);
    } else {
        problem(pl, h->path, line, _("unknown header key '%.*s' (expected step, mode or title)"),
                (int)kl, key);
        h->ok = false;
    }
}

/* The header is closed and has every key. */
static void header_complete(plist *pl, header *h)
{
    if (!h->closed) {
        problem(pl, h->path, 1, _("header never closed: no second '---' line"));
        h->ok = false;
        return;
    }
    const char *missing[3];
    size_t nm = 0;
    if (!h->has_step)
        missing[nm++] = "step";
    if (!h->has_mode)
        missing[nm++] = "mode";
    if (!h->has_title)
        missing[nm++] = "title";
    for (size_t i = 0; i < nm; i++) {
        problem(pl, h->path, h->body_line - 1, _("header lacks '%s:'"), missing[i]);
        h->ok = false;
    }
}

/* The header: a '---' line, 'key: value' lines (blank lines and # comments
 * between them), a closing '---'.  false when the first line is not '---'. */
static bool header_parse(plist *pl, header *h, parsed *pr, const char *p, const char *end)
{
    int line = 1;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l0 = nl ? (size_t)(nl - p) : (size_t)(end - p);
    const char *t0 = trim(p, &l0);
    if (!(l0 == 3 && memcmp(t0, "---", 3) == 0)) {
        problem(pl, h->path, 1,
                _("missing header: a lesson starts with a '---' line, then 'step:', "
                  "'mode:' and 'title:' lines, then '---'"));
        return false;
    }
    p = nl ? nl + 1 : end;
    while (p < end) {
        line++;
        nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *next = nl ? nl + 1 : end;
        const char *t = trim(p, &ll);
        if (ll == 3 && memcmp(t, "---", 3) == 0) {
            h->closed = true;
            h->body = next;
            h->body_line = line + 1;
            break;
        }
        if (ll > 0 && t[0] != '#')   /* blank lines and comments are skipped */
            header_line(pl, h, pr, line, t, ll);
        p = next;
    }
    header_complete(pl, h);
    return true;
}

/* The body: placeholders on every line, code blocks closed, some text. */
static void body_check(plist *pl, header *h, const char *end)
{
    bool any = false, in_code = false;
    int fence_line = 0;
    const char *q = h->body;
    int bl = h->body_line;
    while (q < end) {
        const char *nl = memchr(q, '\n', (size_t)(end - q));
        size_t ll = nl ? (size_t)(nl - q) : (size_t)(end - q);
        size_t tl = ll;
        const char *t = trim(q, &tl);
        if (tl)
            any = true;
        if (tl >= 3 && memcmp(t, "```", 3) == 0) {
            in_code = !in_code;
            fence_line = bl;
        }
        check_placeholders(pl, h->path, bl, q, ll);
        q = nl ? nl + 1 : end;
        bl++;
    }
    if (in_code)
        problem(pl, h->path, fence_line, _("code block opened here is never closed with ```"));
    if (!any) {
        problem(pl, h->path, h->body_line - 1, _("the lesson has no text after its header"));
        h->ok = false;
    }
}

/* The lesson a valid file makes; it takes the header's title. */
static tls_lesson *lesson_make(header *h, tls_lang lang)
{
    tls_lesson *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    char id[LSN_ID_MAX];
    file_id(h->path, id);
    l->id = strdup(id);
    l->step = h->step;
    l->mode = h->mode;
    l->lang = lang;
    l->title = h->title;
    h->title = NULL;
    l->path = strdup(h->path);
    l->body = strdup(h->body);
    l->body_line = h->body_line;
    if (!l->id || !l->path || !l->body) {
        lesson_free(l);
        l = NULL;
    }
    return l;
}

/* Parse one lesson file; problems go to \p pl. */
static parsed parse_file(plist *pl, const char *path, tls_lang lang)
{
    parsed pr = {0};
    name_hints(path, &pr);
    size_t len, start;
    char *buf = lesson_file_read(pl, path, &len, &start);
    if (!buf)
        return pr;
    const char *end = buf + len;
    header h = {.path = path, .ok = true, .step = -1, .mode = TLS_LMODE_BOTH};
    if (!header_parse(pl, &h, &pr, buf + start, end)) {
        free(buf);
        return pr;
    }
    if (h.ok && pr.name_step >= 0 && pr.name_step != h.step)
        problem(pl, path, pr.step_line, _("file name says step %d but the header says step %d"),
                pr.name_step, h.step);
    if (h.closed)
        body_check(pl, &h, end);
    if (h.ok && h.title)
        pr.lesson = lesson_make(&h, lang);
    free(h.title);
    free(buf);
    return pr;
}

/* ------------------------------------------------------ folder scanning */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted "*.md" file names of a folder; NULL when it cannot be opened. */
static char **list_md(const char *dir, size_t *n)
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

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* One language folder scanned: the usable lessons, and for each expected
 * lesson (lsn_expected) the one given or whether a broken file meant to. */
typedef struct langset {
    bool present;
    tls_lesson **v;
    size_t n;
    const tls_lesson *by_id[LSN_EXPECT_MAX];
    bool broken[LSN_EXPECT_MAX];
} langset;

/* File a parsed lesson under its id, or refuse a name no message has. */
static void file_lesson(plist *pl, langset *ls, const lsn_expect *exp, size_t ne,
                        const char *path, parsed *pr)
{
    char id[LSN_ID_MAX];
    file_id(path, id);
    int i = lsn_expect_index(exp, ne, id);
    if (i < 0) {
        problem(pl, path, 0, _("unknown lesson '%s': no message of any handshake has this "
                  "lesson id (expected introduction, summary or a message's id, e.g. %s)"),
                id, ne > 1 ? exp[1].id : "client-hello");
        lesson_free(pr->lesson);
        return;
    }
    if (!pr->lesson) {
        ls->broken[i] = true;
        return;
    }
    ls->by_id[i] = pr->lesson;
    ls->v[ls->n++] = pr->lesson;
}

static void scan_lang(plist *pl, const char *dir, tls_lang lang, langset *ls)
{
    memset(ls, 0, sizeof *ls);
    char *sub = path_join(dir, tls_lang_code(lang));
    if (!sub)
        return;
    size_t n;
    char **names = is_dir(sub) ? list_md(sub, &n) : NULL;
    if (!names) {
        free(sub);
        return;
    }
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    ls->present = true;
    ls->v = calloc(n ? n : 1, sizeof *ls->v);
    for (size_t i = 0; i < n && ls->v; i++) {
        char *path = path_join(sub, names[i]);
        if (!path)
            continue;
        parsed pr = parse_file(pl, path, lang);
        file_lesson(pl, ls, exp, ne, path, &pr);
        free(path);
    }
    free_list(names, n);
    free(sub);
}

static void free_langset(langset *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        lesson_free(ls->v[i]);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

/* Report missing folders and missing lessons: every message of every flow,
 * the introduction and the summary, in each language. */
static void check_complete(plist *pl, const char *dir, langset sets[TLS_LANG_COUNT])
{
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    for (int li = 0; li < TLS_LANG_COUNT; li++) {
        tls_lang lang = (tls_lang)li;
        const langset *me = &sets[li];
        char *sub = path_join(dir, tls_lang_code(lang));
        if (!sub)
            return;
        if (!me->present) {
            problem(pl, sub, 0, _("missing folder: no %s lessons"), lang_english_name(lang));
            free(sub);
            continue;
        }
        for (size_t i = 0; i < ne; i++) {
            if (me->by_id[i] || me->broken[i])
                continue;
            char name[LSN_ID_MAX + 4];
            snprintf(name, sizeof name, "%s.md", exp[i].id);
            char *path = path_join(sub, name);
            problem(pl, path ? path : sub, 0, _("missing lesson: no %s lesson for %s"),
                    lang_english_name(lang), exp[i].what);
            free(path);
        }
        free(sub);
    }
}

int tls_lessons_check(const char *dir, FILE *out)
{
    if (!is_dir(dir)) {
        if (out)
            fprintf(out, _("%s: cannot read folder: %s\n"), dir,
                    access(dir, F_OK) == 0 ? _("not a folder") : _(tls_text_strerror(errno)));
        return -1;
    }
    plist pl = {.out = out};
    langset sets[TLS_LANG_COUNT];
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        scan_lang(&pl, dir, (tls_lang)li, &sets[li]);
    check_complete(&pl, dir, sets);
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        free_langset(&sets[li]);
    int n = (int)pl.n;
    plist_free(&pl);
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
        char *sub = path_join(dir, tls_lang_code((tls_lang)li));
        size_t k = 0;
        char **v = sub ? list_md(sub, &k) : NULL;
        if (v)
            files += k;
        free_list(v, v ? k : 0);
        free(sub);
    }
    lsn_expect exp[LSN_EXPECT_MAX];
    printf(_("%s: OK — %zu lesson files; every message of every handshake flow (%zu lessons with "
             "the introduction and the summary) × language (en, zh) present, headers and "
             "placeholders valid\n"), dir, files, lsn_expected(exp));
    return 0;
}

/* ------------------------------------------------------------- loading */

struct tls_lessons {
    char *dir;
    const char *origin;
    langset sets[TLS_LANG_COUNT];
    plist problems;
};

static bool has_lang_dir(const char *dir)
{
    bool ok = false;
    for (int li = 0; li < TLS_LANG_COUNT && !ok; li++) {
        char *sub = path_join(dir, tls_lang_code((tls_lang)li));
        ok = sub && is_dir(sub);
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
                char *p = path_join(exe, cand[i].rel);
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
        if (!is_dir(dir)) {
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
        scan_lang(&ls->problems, path, (tls_lang)li, &ls->sets[li]);
    return ls;
}

void tls_lessons_close(tls_lessons *ls)
{
    if (!ls)
        return;
    for (int li = 0; li < TLS_LANG_COUNT; li++)
        free_langset(&ls->sets[li]);
    plist_free(&ls->problems);
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

static const tls_lesson *find_id(const langset *set, const char *id)
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
