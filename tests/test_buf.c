/* Bounded reader/writer and dissection. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/buf.h"
#include "tlssim/event.h"

static void test_writer_prefixes(void)
{
    tls_writer w;
    tls_writer_init(&w);
    size_t outer = tls_writer_reserve(&w, 2);
    tls_writer_u8(&w, 0x01);
    size_t inner = tls_writer_reserve(&w, 3);
    tls_writer_u16(&w, 0xc02f);
    tls_writer_u24(&w, 0x010203);
    tls_writer_patch(&w, inner, 3);
    tls_writer_patch(&w, outer, 2);
    test_check(tls_writer_error(&w) == TLS_OK, "writer ok");
    test_hex_eq(w.data, w.len, "000901000005c02f010203", "nested prefixes patched");
    tls_writer_free(&w);

    /* A block longer than its 1-byte prefix can say is an error that sticks. */
    tls_writer_init(&w);
    size_t m = tls_writer_reserve(&w, 1);
    uint8_t big[300] = {0};
    tls_writer_bytes(&w, big, sizeof big);
    tls_writer_patch(&w, m, 1);
    test_check(tls_writer_error(&w) == TLS_ERR_INTERNAL, "overlong block fails");
    tls_writer_u8(&w, 1);
    test_check(tls_writer_error(&w) == TLS_ERR_INTERNAL, "failure sticks");
    tls_writer_free(&w);
}

static void test_reader_bounds(void)
{
    const uint8_t in[] = {0x00, 0x03, 0xaa, 0xbb, 0xcc, 0x01};
    tls_reader r, sub;
    uint8_t b;
    uint16_t v;
    tls_reader_init(&r, in, sizeof in, NULL, 0);
    test_check(tls_reader_open(&r, "list", 2, &sub) == TLS_OK, "open block");
    test_check(tls_reader_left(&sub) == 3, "block is 3 bytes");
    test_check(tls_reader_u16(&sub, NULL, &v) == TLS_OK && v == 0xaabb, "u16 in block");
    test_check(tls_reader_close(&sub) == TLS_ERR_DECODE, "unconsumed block is decode_error");
    test_check(tls_reader_u8(&sub, NULL, &b) == TLS_OK && b == 0xcc, "last byte");
    test_check(tls_reader_u8(&sub, NULL, &b) == TLS_ERR_DECODE, "no reading past the block");
    test_check(tls_reader_close(&sub) == TLS_OK, "exactly consumed block closes");
    test_check(tls_reader_u16(&r, NULL, &v) == TLS_ERR_DECODE, "u16 past the end fails");
    test_check(tls_reader_u8(&r, NULL, &b) == TLS_OK && b == 1, "u8 after failed u16");

    const uint8_t lie[] = {0x05, 0x01, 0x02};
    tls_reader_init(&r, lie, sizeof lie, NULL, 0);
    test_check(tls_reader_open(&r, NULL, 1, &sub) == TLS_ERR_DECODE,
               "a length prefix longer than the data is decode_error");
}

static void test_dissection(void)
{
    const uint8_t in[] = {0x16, 0x00, 0x02, 0xc0, 0x2f};
    tls_dissect d = {0};
    tls_reader r, sub;
    uint8_t t;
    uint16_t s;
    tls_reader_init(&r, in, sizeof in, &d, 5);
    tls_reader_u8(&r, "type", &t);
    tls_reader_annotate(&r, "handshake");
    tls_reader_open(&r, "suites", 2, &sub);
    tls_reader_u16(&sub, "suite", &s);
    test_check(d.n == 4, "four fields (type, length, block, suite): %zu", d.n);
    if (d.n == 4) {
        test_str_eq(d.fields[0].value, "0x16 (22) [handshake]", "annotated value");
        test_check(d.fields[0].offset == 5, "base offset applied");
        test_str_eq(d.fields[1].name, "suites.length", "prefix field name");
        test_check(d.fields[2].offset == 8 && d.fields[2].length == 2 &&
                   d.fields[2].depth == 0, "block field spans the block");
        test_check(d.fields[3].depth == 1 && d.fields[3].offset == 8, "child nested");
    }
    tls_dissect_free(&d);
}

static void test_consume(void)
{
    tls_writer w;
    tls_writer_init(&w);
    tls_writer_consume(&w, 3);
    test_check(w.len == 0, "consuming an empty writer is harmless");
    tls_writer_bytes(&w, (const uint8_t *)"abcdef", 6);
    tls_writer_consume(&w, 0);
    tls_writer_consume(&w, 2);
    test_hex_eq(w.data, w.len, "63646566", "front bytes dropped, rest kept in order");
    tls_writer_consume(&w, 99);
    test_check(w.len == 0, "consuming more than there is empties it");
    tls_writer_free(&w);
}

static void test_read_file(void)
{
    char path[] = "/tmp/tlssim-test-read-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!test_check(f != NULL, "temporary file"))
        return;
    for (int i = 0; i < 3000; i++)
        fputs("abc", f); /* 9000 bytes: more than one read chunk */
    fclose(f);
    size_t len = 0;
    char *s = tls_read_file(path, 1 << 20, &len);
    test_check(s && len == 9000 && s[9000] == '\0' && memcmp(s + 8997, "abc", 3) == 0,
               "whole file read and NUL-terminated");
    free(s);
    errno = 0;
    test_check(!tls_read_file(path, 8999, NULL) && errno == EFBIG, "a file over the limit: EFBIG");
    remove(path);
    errno = 0;
    test_check(!tls_read_file(path, 100, NULL) && errno == ENOENT, "a missing file: ENOENT");
}

int main(void)
{
    test_read_file();
    test_consume();
    test_writer_prefixes();
    test_reader_bounds();
    test_dissection();
    return test_finish();
}
