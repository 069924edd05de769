/**
 * \file testutil.h
 * \brief Minimal test helpers: each check prints what failed and counts it;
 *        a test program returns test_finish() (0 when everything passed).
 *        Plain functions, no macros that hide control flow.
 */
#ifndef TLSSIM_TESTUTIL_H
#define TLSSIM_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** \brief Record a check; prints "FAIL: <what>" when \p ok is false. */
bool test_check(bool ok, const char *what, ...)
    __attribute__((format(printf, 2, 3)));

/** \brief Byte equality with a hex diff on failure. */
bool test_bytes_eq(const uint8_t *got, size_t got_len, const uint8_t *want,
                   size_t want_len, const char *what);

/** \brief Compare bytes with a hex string ("0a0b..."). */
bool test_hex_eq(const uint8_t *got, size_t got_len, const char *want_hex,
                 const char *what);

/** \brief String equality (NULL-safe). */
bool test_str_eq(const char *got, const char *want, const char *what);

/** \brief Decode hex into \p out (at most \p max bytes); returns the length, or (size_t)-1. */
size_t test_unhex(const char *hex, uint8_t *out, size_t max);

/** \brief Print "N passed, M failed" and return the exit status. */
int test_finish(void);

#endif
