#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static unsigned passed, failed;

bool test_check(bool ok, const char *what, ...)
{
    if (ok) {
        passed++;
        return true;
    }
    failed++;
    va_list ap;
    va_start(ap, what);
    fputs("FAIL: ", stdout);
    vprintf(what, ap);
    fputc('\n', stdout);
    va_end(ap);
    return false;
}

static void print_hex(const char *label, const uint8_t *p, size_t n)
{
    printf("  %s (%zu): ", label, n);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
    putchar('\n');
}

bool test_bytes_eq(const uint8_t *got, size_t got_len, const uint8_t *want,
                   size_t want_len, const char *what)
{
    bool ok = got_len == want_len && (want_len == 0 || memcmp(got, want, want_len) == 0);
    if (!test_check(ok, "%s", what)) {
        print_hex("got ", got, got_len);
        print_hex("want", want, want_len);
    }
    return ok;
}

size_t test_unhex(const char *hex, uint8_t *out, size_t max)
{
    size_t n = strlen(hex);
    if (n % 2 || n / 2 > max)
        return (size_t)-1;
    for (size_t i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1)
            return (size_t)-1;
        out[i] = (uint8_t)v;
    }
    return n / 2;
}

bool test_hex_eq(const uint8_t *got, size_t got_len, const char *want_hex,
                 const char *what)
{
    uint8_t want[4096];
    size_t n = test_unhex(want_hex, want, sizeof want);
    if (n == (size_t)-1)
        return test_check(false, "%s: bad expected hex", what);
    return test_bytes_eq(got, got_len, want, n, what);
}

bool test_str_eq(const char *got, const char *want, const char *what)
{
    bool ok = got && want ? strcmp(got, want) == 0 : got == want;
    if (!test_check(ok, "%s", what))
        printf("  got:  %s\n  want: %s\n", got ? got : "(null)", want ? want : "(null)");
    return ok;
}

int test_finish(void)
{
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
