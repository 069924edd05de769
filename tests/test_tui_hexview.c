/* TUI hex view: row widths, the fit for a width, exact row text, where a
 * byte sits (for highlighting), and how a value's hex wraps. */
#include <string.h>

#include "hexview.h"
#include "testutil.h"

static void test_widths(void)
{
    test_check(tui_hex_row_width(16, true) == 72, "16 bytes with ASCII: 72 columns");
    test_check(tui_hex_row_width(16, false) == 54, "16 bytes: 54 columns");
    test_check(tui_hex_row_width(8, true) == 39, "8 bytes with ASCII: 39 columns");
    test_check(tui_hex_row_width(8, false) == 29, "8 bytes: 29 columns");
    test_check(tui_hex_row_width(4, false) == 17, "4 bytes: 17 columns");
    test_check(tui_hex_row_width(32, false) == 104, "32 bytes: 104 columns");
    test_check(tui_hex_row_width(32, true) == 138, "32 bytes with ASCII: 138 columns");
}

static void fit_is(int cols, int bpr, bool ascii)
{
    int b;
    bool a;
    tui_hex_fit(cols, &b, &a);
    test_check(b == bpr && a == ascii, "fit %d columns: got %d%s, want %d%s", cols, b,
               a ? "+ascii" : "", bpr, ascii ? "+ascii" : "");
}

static void test_fit(void)
{
    fit_is(200, 32, true);
    fit_is(137, 32, false);
    fit_is(104, 32, false);
    fit_is(103, 16, true);
    fit_is(72, 16, true);
    fit_is(71, 16, false);
    fit_is(54, 16, false);
    fit_is(53, 8, true);
    fit_is(39, 8, true);
    fit_is(38, 8, false);
    fit_is(29, 8, false);
    fit_is(28, 4, true);
    fit_is(17, 4, false);
    fit_is(10, 4, false);
}

static void test_rows(void)
{
    const uint8_t *p = (const uint8_t *)"ABCDEFGHIJKLMNOPQRST\x01";
    size_t len = 21;
    char out[256];
    test_check(tui_hex_rows(len, 16) == 2, "21 bytes: 2 rows of 16");
    test_check(tui_hex_rows(32, 16) == 2, "32 bytes: 2 rows of 16");
    test_check(tui_hex_rows(0, 16) == 1, "empty: one row");
    size_t n = tui_hex_format_row(p, len, 0, 16, true, out, sizeof out);
    test_str_eq(out, "0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP",
                "row 0, 16 bytes with ASCII");
    test_check(n == 72, "row 0 is 72 characters (%zu)", n);
    tui_hex_format_row(p, len, 1, 16, true, out, sizeof out);
    test_str_eq(out, "0010  51 52 53 54 01                                    QRST.           ",
                "last row padded, unprintable as '.'");
    tui_hex_format_row(p, len, 2, 8, false, out, sizeof out);
    test_str_eq(out, "0010  51 52 53 54 01         ", "8 bytes a row, no ASCII");
    test_check(tui_hex_format_row(p, len, 3, 8, false, out, sizeof out) == 0, "past the end: nothing");
    test_check(tui_hex_format_row(p, len, 0, 16, true, out, 72) == 0, "too small a buffer: nothing");
}

static void test_columns(void)
{
    test_check(tui_hex_byte_col(0, 16) == 6, "byte 0 at column 6");
    test_check(tui_hex_byte_col(1, 16) == 9, "byte 1 at column 9");
    test_check(tui_hex_byte_col(7, 16) == 27, "byte 7 at column 27");
    test_check(tui_hex_byte_col(8, 16) == 31, "byte 8 after the extra space, column 31");
    test_check(tui_hex_byte_col(15, 16) == 52, "byte 15 at column 52");
    test_check(tui_hex_ascii_col(0, 16) == 56, "ASCII of byte 0 at column 56");
    test_check(tui_hex_ascii_col(15, 16) == 71, "ASCII of byte 15 at column 71");
    test_check(tui_hex_ascii_col(0, 8) == 31, "ASCII of byte 0 at column 31 with 8 a row");
    test_check(tui_hex_row_of(17, 16) == 1, "offset 17 is on row 1");
    test_check(tui_hex_row_of(15, 16) == 0, "offset 15 is on row 0");
    /* The highlight of bytes 2..5 covers exactly their hex digits. */
    const uint8_t b[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    char out[128];
    tui_hex_format_row(b, 16, 0, 16, false, out, sizeof out);
    int c0 = tui_hex_byte_col(2, 16), c1 = tui_hex_byte_col(5, 16) + 2;
    char lit[32];
    memcpy(lit, out + c0, (size_t)(c1 - c0));
    lit[c1 - c0] = '\0';
    test_str_eq(lit, "02 03 04 05", "the lit columns of bytes 2..5");
}

static void test_wrap(void)
{
    test_check(tui_hex_wrap_chars(80) == 80, "80 columns: 80 digits a line");
    test_check(tui_hex_wrap_chars(79) == 72, "79 columns: 72 (whole groups of 4 bytes)");
    test_check(tui_hex_wrap_chars(8) == 8, "8 columns: 8");
    test_check(tui_hex_wrap_chars(7) == 6, "7 columns: 6 (whole bytes)");
    test_check(tui_hex_wrap_chars(1) == 2, "1 column: still one byte");
}

int main(void)
{
    test_widths();
    test_fit();
    test_rows();
    test_columns();
    test_wrap();
    return test_finish();
}
