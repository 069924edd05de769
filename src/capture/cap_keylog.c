/*
 * The NSS key log format: one secret a line, "LABEL <client random hex>
 * <secret hex>", '#' for comments.  TLS 1.2 needs CLIENT_RANDOM only (the
 * master secret); other labels (TLS 1.3's, RSA's pre-master by encrypted
 * prefix) are counted and skipped.  The file is read a character at a time
 * into a fixed line buffer, so a line of any length costs nothing more.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlssim/capture.h"
#include "tlssim/crypto.h"

struct tls_keylog_entry {
    uint8_t random[32];
    uint8_t master[48];
};

#define LINE_MAX_KEPT 256         /* a CLIENT_RANDOM line is 176 characters */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Exactly 2*n hex digits at p, into out. */
static bool unhex(const char *p, size_t digits, uint8_t *out)
{
    for (size_t i = 0; i < digits / 2; i++) {
        int hi = hexval(p[2 * i]), lo = hexval(p[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

/* "CLIENT_RANDOM " 64 hex, a space, 96 hex, then only blanks. */
static bool parse_line(const char *line, size_t len, struct tls_keylog_entry *e)
{
    static const char label[] = "CLIENT_RANDOM ";
    const size_t l = sizeof(label) - 1;
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    return len == l + 64 + 1 + 96 && memcmp(line, label, l) == 0 && line[l + 64] == ' ' &&
           unhex(line + l, 64, e->random) && unhex(line + l + 65, 96, e->master);
}

static int by_random(const void *a, const void *b)
{
    return memcmp(((const struct tls_keylog_entry *)a)->random,
                  ((const struct tls_keylog_entry *)b)->random, 32);
}

/* One more entry; false when over the bound or out of memory (*st says). */
static bool add(tls_keylog *kl, size_t *cap, const struct tls_keylog_entry *e,
                tls_keylog_status *st)
{
    if (kl->n == TLS_KEYLOG_MAX) {
        *st = TLS_KEYLOG_TOO_MANY;
        return false;
    }
    if (kl->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        struct tls_keylog_entry *ne = malloc(ncap * sizeof(*ne));
        if (!ne) {
            *st = TLS_KEYLOG_NO_MEMORY;
            return false;
        }
        if (kl->n) {
            memcpy(ne, kl->entries, kl->n * sizeof(*ne));
            tls_wipe(kl->entries, kl->n * sizeof(*ne));
        }
        free(kl->entries);
        kl->entries = ne;
        *cap = ncap;
    }
    kl->entries[kl->n++] = *e;
    return true;
}

static tls_keylog_status read_lines(FILE *f, tls_keylog *kl)
{
    char line[LINE_MAX_KEPT];
    size_t len = 0, cap = 0;
    bool too_long = false;
    tls_keylog_status st = TLS_KEYLOG_OK;
    struct tls_keylog_entry e;
    for (int c = 0; c != EOF;) {
        c = getc(f);
        if (c != '\n' && c != EOF) {
            if (len < sizeof(line))
                line[len++] = (char)c;
            else
                too_long = true;
            continue;
        }
        if (len > 0 && (too_long || !parse_line(line, len, &e)))
            kl->other_lines++;
        else if (len > 0 && !add(kl, &cap, &e, &st))
            break;
        len = 0;
        too_long = false;
    }
    tls_wipe(line, sizeof(line));
    tls_wipe(&e, sizeof(e));
    if (st == TLS_KEYLOG_OK && ferror(f))
        st = TLS_KEYLOG_UNREADABLE;
    return st;
}

tls_keylog_status tls_keylog_load(const char *path, tls_keylog *kl)
{
    memset(kl, 0, sizeof(*kl));
    FILE *f = fopen(path, "r");
    if (!f)
        return TLS_KEYLOG_UNREADABLE;
    tls_keylog_status st = read_lines(f, kl);
    int saved = errno;
    fclose(f);
    errno = saved;
    if (st == TLS_KEYLOG_OK && kl->n == 0)
        st = TLS_KEYLOG_NO_ENTRY;
    if (st != TLS_KEYLOG_OK) {
        tls_keylog_free(kl);
        return st;
    }
    qsort(kl->entries, kl->n, sizeof(*kl->entries), by_random);
    return TLS_KEYLOG_OK;
}

bool tls_keylog_find(const tls_keylog *kl, const uint8_t client_random[32], uint8_t master[48])
{
    struct tls_keylog_entry key;
    memcpy(key.random, client_random, 32);
    const struct tls_keylog_entry *e =
        kl->n ? bsearch(&key, kl->entries, kl->n, sizeof(*kl->entries), by_random) : NULL;
    if (e)
        memcpy(master, e->master, 48);
    return e != NULL;
}

void tls_keylog_free(tls_keylog *kl)
{
    if (kl->entries)
        tls_wipe(kl->entries, kl->n * sizeof(*kl->entries));
    free(kl->entries);
    memset(kl, 0, sizeof(*kl));
}
