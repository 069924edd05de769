/*
 * Pure hex-view math: how many bytes fit on a row, the text of a row, where
 * a byte sits on it (so a selected field's bytes can be highlighted, as
 * Wireshark links its tree and its bytes), and how a long value wraps.
 *
 * A row looks like (16 bytes, with ASCII):
 *
 *     0040  00 00 10 77 77 77 2e 65  78 61 6d 70 6c 65 2e 74  ...www.example.t
 *
 * four hex digits of offset and two spaces, the bytes separated by one
 * space with one more after every eighth, then two spaces and the ASCII
 * column ('.' for anything unprintable).
 */
#ifndef TLSSIM_TUI_HEXVIEW_H
#define TLSSIM_TUI_HEXVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Columns before the first byte: "0040  ". */
#define TUI_HEX_OFFSET_COLS 6

/* Display columns of a row of bpr bytes. */
int tui_hex_row_width(int bpr, bool ascii);

/* The widest layout that fits in `cols`: the most bytes per row (32, 16, 8
 * or 4), with the ASCII column when it also fits at that width. */
void tui_hex_fit(int cols, int *bpr, bool *ascii);

/* Rows needed for len bytes (at least 1, so an empty buffer has a row). */
size_t tui_hex_rows(size_t len, int bpr);

/*
 * Write row `row` of the dump of p[0..len) into out (NUL-terminated; the
 * last row is padded so the ASCII column stays aligned).
 * Returns the number of characters written, 0 when cap is too small or the
 * row is past the end.
 */
size_t tui_hex_format_row(const uint8_t *p, size_t len, size_t row, int bpr, bool ascii,
                          char *out, size_t cap);

/* Column of the first hex digit of byte i (0..bpr-1) of a row. */
int tui_hex_byte_col(int i, int bpr);

/* Column of byte i's ASCII character (only meaningful with ascii). */
int tui_hex_ascii_col(int i, int bpr);

/* Row of byte `offset`. */
size_t tui_hex_row_of(size_t offset, int bpr);

/*
 * Hex digits per line when a value's hex string is wrapped whole into
 * `cols` columns: a multiple of 8 (four bytes) when at least 8 columns,
 * else an even number (at least 2).  Lines carry no spaces, so the wrapped
 * lines joined give back the value exactly.
 */
int tui_hex_wrap_chars(int cols);

#endif
