/* Bounded reader and growable writer: see include/tlssim/buf.h. */
#include "tlssim/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tlssim/crypto.h"
#include "tlssim/event.h"

void tls_reader_init(tls_reader *r, const uint8_t *data, size_t len,
                     struct tls_dissect *dissect, size_t base)
{
    r->data = data;
    r->len = data ? len : 0;
    r->pos = 0;
    r->base = base;
    r->depth = 0;
    r->dissect = dissect;
}

size_t tls_reader_left(const tls_reader *r) { return r->len - r->pos; }

const uint8_t *tls_reader_ptr(const tls_reader *r) { return r->data + r->pos; }

tls_read_result tls_stream_frame(const uint8_t *p, size_t n, size_t header_len,
                                 int prefix_len, size_t max_body, size_t *unit_len)
{
    *unit_len = header_len;
    if (n < header_len)
        return TLS_READ_NEED_MORE;
    size_t body = 0;
    for (size_t i = header_len - (size_t)prefix_len; i < header_len; i++)
        body = (body << 8) | p[i];
    *unit_len = header_len + body;
    if (body > max_body)
        return TLS_READ_OVERSIZE;
    return n < *unit_len ? TLS_READ_NEED_MORE : TLS_READ_OK;
}

/* Marks field \p i's value as starting with its byte count (front ends say
 * "N bytes" in their language: tls_field.sized). */
static void field_sized(tls_dissect *d, size_t i, size_t hex_digits)
{
    if (i < d->n && d->fields[i].value) {
        d->fields[i].sized = (unsigned short)strlen(d->fields[i].value);
        d->fields[i].sized_hex = (unsigned short)hex_digits;
    }
}

/* Dissection values are made by hand, not by printf: a handshake reads a
 * few hundred fields, and formatting them was most of what the protocol
 * code cost next to the cryptography.  Writes \p v in decimal at \p out
 * (room for 20 digits), returns the length. */
static size_t put_dec(char *out, size_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

static size_t put_str(char *out, const char *s)
{
    size_t n = strlen(s);
    memcpy(out, s, n);
    return n;
}

/* Short byte strings are shown whole; long ones (certificates, signatures)
 * are summarised: the tree links to the bytes, which the hex view shows. */
static void field_add_bytes(tls_reader *r, const char *name, size_t at, size_t n)
{
    if (!r->dissect || !name)
        return;
    if (n <= 48) {
        char hex[97];
        tls_hex_into(r->data + at, n, hex, sizeof hex);
        tls_dissect_add_text(r->dissect, r->base + at, n, r->depth, name, hex, 2 * n);
    } else {
        /* the first 16 bytes in hex, "… (892 bytes)" */
        char v[32 + 64];
        tls_hex_into(r->data + at, 16, v, 33);
        size_t len = 32 + put_str(v + 32, "… (");
        len += put_dec(v + len, n);
        len += put_str(v + len, " bytes)");
        field_sized(r->dissect,
                    tls_dissect_add_text(r->dissect, r->base + at, n, r->depth, name, v, len), 32);
    }
}

/* \p copy_name: a name made for this read, not one with static storage. */
static tls_err read_uint(tls_reader *r, const char *name, size_t n, uint32_t *out,
                         bool copy_name)
{
    if (tls_reader_left(r) < n)
        return TLS_ERR_DECODE;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | r->data[r->pos + i];
    if (r->dissect && name) {
        /* Width-matched hex, plus decimal for lengths and counts:
         * "0x0303 (771)". */
        char text[48] = "0x";
        tls_hex_into(r->data + r->pos, n, text + 2, 2 * n + 1);
        size_t len = 2 + 2 * n + put_str(text + 2 + 2 * n, " (");
        len += put_dec(text + len, v);
        text[len++] = ')';
        (copy_name ? tls_dissect_add_text_copy : tls_dissect_add_text)(
            r->dissect, r->base + r->pos, n, r->depth, name, text, len);
    }
    r->pos += n;
    *out = v;
    return TLS_OK;
}

tls_err tls_reader_u8(tls_reader *r, const char *name, uint8_t *out)
{
    uint32_t v;
    tls_err e = read_uint(r, name, 1, &v, false);
    if (e == TLS_OK)
        *out = (uint8_t)v;
    return e;
}

tls_err tls_reader_u16(tls_reader *r, const char *name, uint16_t *out)
{
    uint32_t v;
    tls_err e = read_uint(r, name, 2, &v, false);
    if (e == TLS_OK)
        *out = (uint16_t)v;
    return e;
}

tls_err tls_reader_u24(tls_reader *r, const char *name, uint32_t *out)
{
    return read_uint(r, name, 3, out, false);
}

tls_err tls_reader_u32(tls_reader *r, const char *name, uint32_t *out)
{
    return read_uint(r, name, 4, out, false);
}

tls_err tls_reader_bytes(tls_reader *r, const char *name, size_t n,
                         const uint8_t **out)
{
    if (tls_reader_left(r) < n)
        return TLS_ERR_DECODE;
    field_add_bytes(r, name, r->pos, n);
    *out = r->data + r->pos;
    r->pos += n;
    return TLS_OK;
}

tls_err tls_reader_copy(tls_reader *r, const char *name, uint8_t *out, size_t n)
{
    const uint8_t *p;
    tls_err e = tls_reader_bytes(r, name, n, &p);
    if (e == TLS_OK && n)
        memcpy(out, p, n);
    return e;
}

tls_err tls_reader_open_fixed(tls_reader *r, const char *name, size_t n,
                              tls_reader *sub)
{
    if (tls_reader_left(r) < n)
        return TLS_ERR_DECODE;
    int depth = r->depth;
    if (r->dissect && name) {
        char v[32]; /* "66 bytes" */
        size_t len = put_dec(v, n);
        len += put_str(v + len, " bytes");
        field_sized(r->dissect,
                    tls_dissect_add_text(r->dissect, r->base + r->pos, n, r->depth, name, v, len),
                    0);
        depth++;
    }
    tls_reader_init(sub, r->data + r->pos, n, r->dissect, r->base + r->pos);
    sub->depth = depth;
    r->pos += n;
    return TLS_OK;
}

tls_err tls_reader_open(tls_reader *r, const char *name, int prefix_len,
                        tls_reader *sub)
{
    char lname[96]; /* "NAME.length", cut to fit */
    uint32_t n;
    const char *pname = NULL;
    if (name) {
        static const char suffix[] = ".length";
        size_t k = strnlen(name, sizeof lname - 1);
        size_t m = sizeof lname - 1 - k < sizeof suffix - 1 ? sizeof lname - 1 - k
                                                             : sizeof suffix - 1;
        memcpy(lname, name, k);
        memcpy(lname + k, suffix, m);
        lname[k + m] = '\0';
        pname = lname;
    }
    tls_err e = read_uint(r, pname, (size_t)prefix_len, &n, true);
    if (e != TLS_OK)
        return e;
    return tls_reader_open_fixed(r, name, n, sub);
}

tls_err tls_reader_close(const tls_reader *sub)
{
    return sub->pos == sub->len ? TLS_OK : TLS_ERR_DECODE;
}

void tls_reader_annotate(tls_reader *r, const char *fmt, ...)
{
    if (!r->dissect || r->dissect->n == 0)
        return;
    char note[256];
    const char *text = note;
    size_t len;
    va_list ap;
    va_start(ap, fmt);
    if (strcmp(fmt, "%s") == 0 || !strchr(fmt, '%')) {
        /* The usual cases, a name or a fixed note: no formatting, the same
         * bound. */
        text = strchr(fmt, '%') ? va_arg(ap, const char *) : fmt;
        len = strnlen(text, sizeof note - 1);
    } else {
        int k = vsnprintf(note, sizeof note, fmt, ap);
        len = k < 0 ? 0 : (size_t)k < sizeof note ? (size_t)k : sizeof note - 1;
        if (k < 0)
            note[0] = '\0';
    }
    va_end(ap);
    tls_dissect_append(r->dissect, r->dissect->n - 1, " [", text, len, "]");
}

void tls_reader_annotate_text(tls_reader *r, tls_text_id id, const tls_text_arg *args)
{
    if (!r->dissect || r->dissect->n == 0)
        return;
    size_t i = r->dissect->n - 1;
    const char *value = r->dissect->fields[i].value;
    size_t at = value ? strlen(value) : 0;
    tls_text note;
    tls_text_make(&note, id, args);
    /* As long as tls_reader_annotate keeps a note. */
    char english[256];
    tls_text_english_into(&note, english, sizeof english);
    tls_reader_annotate(r, "%s", english);
    tls_dissect_set_note(r->dissect, i, &note, at);
}

/* ------------------------------------------------------------- writer */

void tls_writer_init(tls_writer *w)
{
    w->data = NULL;
    w->len = 0;
    w->cap = 0;
    w->err = TLS_OK;
}

void tls_writer_free(tls_writer *w)
{
    if (w->data) {
        tls_wipe(w->data, w->cap);
        free(w->data);
    }
    tls_writer_init(w);
}

void tls_writer_consume(tls_writer *w, size_t n)
{
    if (n >= w->len) {
        w->len = 0;
        return;
    }
    if (n == 0)
        return;
    memmove(w->data, w->data + n, w->len - n);
    w->len -= n;
}

void tls_writer_reset(tls_writer *w)
{
    w->len = 0;
    w->err = TLS_OK;
}

tls_err tls_writer_error(const tls_writer *w) { return w->err; }

/* Make room for n more bytes; on failure the error sticks and later writes
 * become no-ops, so encoders check once at the end. */
static bool writer_room(tls_writer *w, size_t n)
{
    if (w->err != TLS_OK)
        return false;
    if (n > SIZE_MAX / 2 - w->len) {
        w->err = TLS_ERR_INTERNAL;
        return false;
    }
    if (w->len + n <= w->cap)
        return true;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < w->len + n)
        cap *= 2;
    /* Not realloc: the old buffer may hold secrets and must be wiped. */
    uint8_t *p = malloc(cap);
    if (!p) {
        w->err = TLS_ERR_INTERNAL;
        return false;
    }
    if (w->data) {
        memcpy(p, w->data, w->len);
        tls_wipe(w->data, w->cap);
        free(w->data);
    }
    w->data = p;
    w->cap = cap;
    return true;
}

static void put_uint(tls_writer *w, uint64_t v, size_t n)
{
    if (!writer_room(w, n))
        return;
    for (size_t i = 0; i < n; i++)
        w->data[w->len + i] = (uint8_t)(v >> (8 * (n - 1 - i)));
    w->len += n;
}

void tls_writer_u8(tls_writer *w, uint8_t v) { put_uint(w, v, 1); }
void tls_writer_u16(tls_writer *w, uint16_t v) { put_uint(w, v, 2); }
void tls_writer_u24(tls_writer *w, uint32_t v) { put_uint(w, v, 3); }
void tls_writer_u32(tls_writer *w, uint32_t v) { put_uint(w, v, 4); }
void tls_writer_u64(tls_writer *w, uint64_t v) { put_uint(w, v, 8); }

void tls_writer_bytes(tls_writer *w, const uint8_t *p, size_t n)
{
    if (n == 0 || !writer_room(w, n))
        return;
    memcpy(w->data + w->len, p, n);
    w->len += n;
}

uint8_t *tls_writer_extend(tls_writer *w, size_t n)
{
    if (!writer_room(w, n))
        return NULL;
    uint8_t *p = w->data + w->len;
    memset(p, 0, n);
    w->len += n;
    return p;
}

size_t tls_writer_reserve(tls_writer *w, int prefix_len)
{
    size_t mark = w->len;
    put_uint(w, 0, (size_t)prefix_len);
    return mark;
}

void tls_writer_patch(tls_writer *w, size_t mark, int prefix_len)
{
    if (w->err != TLS_OK)
        return;
    size_t n = w->len - mark - (size_t)prefix_len;
    if (prefix_len < 4 && n >> (8 * prefix_len)) {
        w->err = TLS_ERR_INTERNAL;
        return;
    }
    for (int i = 0; i < prefix_len; i++)
        w->data[mark + (size_t)i] = (uint8_t)(n >> (8 * (prefix_len - 1 - i)));
}

/* ------------------------------------------------------------- files */

int tls_open_regular(const char *path)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer; fstat then refuses it (and any other file that is not regular)
     * before a read could wait forever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) != 0)
        err = errno;
    else if (S_ISDIR(st.st_mode))
        err = EISDIR;
    else if (!S_ISREG(st.st_mode))
        err = ENODEV;
    if (err) {
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

char *tls_read_file(const char *path, size_t max, size_t *len)
{
    int fd = tls_open_regular(path);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        errno = err;
        return NULL;
    }
    tls_writer w;
    tls_writer_init(&w);
    uint8_t chunk[4096];
    size_t got;
    int err = 0;
    while (!err && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (w.len + got > max)
            err = EFBIG;
        tls_writer_bytes(&w, chunk, got);
    }
    if (!err && ferror(f))
        err = errno ? errno : EIO;
    fclose(f);
    tls_writer_u8(&w, 0);
    if (!err && tls_writer_error(&w) != TLS_OK)
        err = ENOMEM;
    if (err) {
        tls_writer_free(&w);
        errno = err;
        return NULL;
    }
    if (len)
        *len = w.len - 1;
    return (char *)w.data;
}
