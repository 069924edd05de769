/* A lesson's front matter: the '---' header with its step:, mode: and
 * title: lines, each checked (range, mode name, no step number in the
 * title) with a problem for each mistake.  Apart from the file reading
 * (file.c) because the header has its own small grammar and messages. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_internal.h"

/* Trim blanks (and a trailing '\r') from both ends of [s, s+*len). */
const char *lsn_text_trim(const char *s, size_t *len)
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

/* A header key seen before is a problem (\p twice says which); the later
 * value still counts. */
static void header_once(lsn_plist *pl, lsn_header *h, int line, bool *seen, const char *twice)
{
    if (*seen) {
        lsn_problem_add(pl, h->path, line, "%s", twice);
        h->ok = false;
    }
    *seen = true;
}

static void header_step(lsn_plist *pl, lsn_header *h, lsn_parsed *pr, int line, const char *val,
                        size_t vl)
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
        lsn_problem_add(pl, h->path, line,
                        _("bad step '%.*s' (expected 0 introduction, 1..10 handshake steps, "
                          "11 summary)"), (int)vl, val);
        h->ok = false;
    } else {
        h->step = (int)v;
    }
}

static void header_mode(lsn_plist *pl, lsn_header *h, int line, const char *val, size_t vl)
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
        lsn_problem_add(pl, h->path, line, _("bad mode '%.*s' (expected both, ecdhe, rsa or dhe)"),
                        (int)vl, val);
        h->ok = false;
    }
}

static void header_title(lsn_plist *pl, lsn_header *h, int line, const char *val, size_t vl)
{
    header_once(pl, h, line, &h->has_title, _("header key 'title' given twice"));
    if (vl == 0) {
        lsn_problem_add(pl, h->path, line, _("empty title"));
        h->ok = false;
        return;
    }
    free(h->title);
    h->title = malloc(vl + 1);
    if (h->title) {
        memcpy(h->title, val, vl);
        h->title[vl] = '\0';
    }
    lsn_placeholders_check(pl, h->path, line, val, vl);
    if (h->title && lsn_title_numbered(h->title))
        lsn_problem_add(pl, h->path, line, _("the title numbers its step: leave the number "
                                             "out, the run's flow gives it"));
}

/* One 'key: value' line of the header (\p t, \p ll bytes, trimmed). */
static void header_line(lsn_plist *pl, lsn_header *h, lsn_parsed *pr, int line, const char *t,
                        size_t ll)
{
    const char *colon = memchr(t, ':', ll);
    if (!colon) {
        lsn_problem_add(pl, h->path, line,
                        _("malformed header line '%.*s' (expected 'key: value')"),
                        (int)ll, t);
        h->ok = false;
        return;
    }
    size_t kl = (size_t)(colon - t);
    const char *key = lsn_text_trim(t, &kl);
    size_t vl = ll - (size_t)(colon + 1 - t);
    const char *val = lsn_text_trim(colon + 1, &vl);
    if (kl == 4 && strncasecmp(key, "step", 4) == 0) {
        header_step(pl, h, pr, line, val, vl);
    } else if (kl == 4 && strncasecmp(key, "mode", 4) == 0) {
        header_mode(pl, h, line, val, vl);
    } else if (kl == 5 && strncasecmp(key, "title", 5) == 0) {
        header_title(pl, h, line, val, vl);
    } else {
        lsn_problem_add(pl, h->path, line,
                        _("unknown header key '%.*s' (expected step, mode or title)"),
                        (int)kl, key);
        h->ok = false;
    }
}

/* The header is closed and has every key. */
static void header_complete(lsn_plist *pl, lsn_header *h)
{
    if (!h->closed) {
        lsn_problem_add(pl, h->path, 1, _("header never closed: no second '---' line"));
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
        lsn_problem_add(pl, h->path, h->body_line - 1, _("header lacks '%s:'"), missing[i]);
        h->ok = false;
    }
}

/* The header: a '---' line, 'key: value' lines (blank lines and # comments
 * between them), a closing '---'.  false when the first line is not '---'. */
bool lsn_header_parse(lsn_plist *pl, lsn_header *h, lsn_parsed *pr, const char *p, const char *end)
{
    int line = 1;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l0 = nl ? (size_t)(nl - p) : (size_t)(end - p);
    const char *t0 = lsn_text_trim(p, &l0);
    if (!(l0 == 3 && memcmp(t0, "---", 3) == 0)) {
        lsn_problem_add(pl, h->path, 1,
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
        const char *t = lsn_text_trim(p, &ll);
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
