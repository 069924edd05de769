/* Reading one lesson file: its bytes checked to be UTF-8 text, the hints its
 * name gives (lesson id, step, mode), its header (front.c) and body
 * (check.c) parsed and checked, and the tls_lesson it makes.  Apart from
 * the folder walk (folder.c) so that each stays small. */
#include "tlssim/lessons.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "tlssim/buf.h"

void lsn_lesson_free(tls_lesson *l)
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

static int line_of(const char *buf, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

/* The lesson id of a file: its name without ".md" (cut to LSN_ID_MAX). */
void lsn_file_id(const char *path, char id[LSN_ID_MAX])
{
    const char *b = base_name(path);
    size_t n = strlen(b);
    n = n > 3 ? n - 3 : 0;
    snprintf(id, LSN_ID_MAX, "%.*s", (int)n, b);
}

static void name_hints(const char *path, lsn_parsed *pr)
{
    const char *b = base_name(path);
    lsn_expect exp[LSN_EXPECT_MAX];
    size_t ne = lsn_expected(exp);
    char id[LSN_ID_MAX];
    lsn_file_id(path, id);
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

/* The file's bytes, checked to be text: UTF-8 without a NUL byte, after a
 * byte-order mark (skipped: \p start).  NULL after a problem. */
static char *lesson_file_read(lsn_plist *pl, const char *path, size_t *len, size_t *start)
{
    char *buf = tls_read_file(path, 1u << 20, len); /* a lesson is a few KiB */
    if (!buf) {
        /* A FIFO or device named *.md is refused unread (tls_read_file):
         * reading it could wait for ever. */
        if (errno == ENODEV)
            lsn_problem_add(pl, path, 0,
                            "%s", _("not a regular file (a FIFO, socket or device): skipped"));
        else
            lsn_problem_add(pl, path, 0, _("cannot read: %s"), _(tls_text_strerror(errno)));
        return NULL;
    }
    *start = 0;
    if (*len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        *start = 3;  /* a byte-order mark, as some editors write */
    if (memchr(buf, '\0', *len)) {
        size_t at = (size_t)((char *)memchr(buf, '\0', *len) - buf);
        lsn_problem_add(pl, path, line_of(buf, at), _("contains a NUL byte: not a text file"));
        free(buf);
        return NULL;
    }
    size_t bad;
    if (!tls_utf8_valid(buf + *start, *len - *start, &bad)) {
        size_t at = *start + bad, col = 1;    /* in characters */
        for (size_t i = at; i > 0 && buf[i - 1] != '\n'; i--)
            if (((unsigned char)buf[i - 1] & 0xC0) != 0x80)
                col++;
        lsn_problem_add(pl, path, line_of(buf, at),
                        _("invalid UTF-8 (byte 0x%02x at column %zu): save the file as UTF-8"),
                        (unsigned char)buf[at], col);
        free(buf);
        return NULL;
    }
    return buf;
}

/* The lesson a valid file makes; it takes the header's title. */
static tls_lesson *lesson_make(lsn_header *h, tls_lang lang)
{
    tls_lesson *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    char id[LSN_ID_MAX];
    lsn_file_id(h->path, id);
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
        lsn_lesson_free(l);
        l = NULL;
    }
    return l;
}

/* Parse one lesson file; problems go to \p pl. */
lsn_parsed lsn_file_parse(lsn_plist *pl, const char *path, tls_lang lang)
{
    lsn_parsed pr = {0};
    name_hints(path, &pr);
    size_t len, start;
    char *buf = lesson_file_read(pl, path, &len, &start);
    if (!buf)
        return pr;
    const char *end = buf + len;
    lsn_header h = {.path = path, .ok = true, .step = -1, .mode = TLS_LMODE_BOTH};
    if (!lsn_header_parse(pl, &h, &pr, buf + start, end)) {
        free(buf);
        return pr;
    }
    if (h.ok && pr.name_step >= 0 && pr.name_step != h.step)
        lsn_problem_add(pl, path, pr.step_line,
                        _("file name says step %d but the header says step %d"),
                        pr.name_step, h.step);
    if (h.closed)
        lsn_body_check(pl, &h, end);
    if (h.ok && h.title)
        pr.lesson = lesson_make(&h, lang);
    free(h.title);
    free(buf);
    return pr;
}
