/* Pure hex-view math: see hexview.h. */
#include "hexview.h"

#include <stdio.h>

static const char hexdig[] = "0123456789abcdef";

/* One extra space after every eighth byte, except after the last. */
static int gaps_before(int i) { return i / 8; }

int tui_hex_row_width(int bpr, bool ascii)
{
    if (bpr <= 0)
        return TUI_HEX_OFFSET_COLS;
    int w = TUI_HEX_OFFSET_COLS + bpr * 3 - 1 + gaps_before(bpr - 1);
    if (ascii)
        w += 2 + bpr;
    return w;
}

void tui_hex_fit(int cols, int *bpr, bool *ascii)
{
    static const int choices[] = {32, 16, 8, 4};
    for (size_t k = 0; k < sizeof choices / sizeof choices[0]; k++) {
        if (tui_hex_row_width(choices[k], false) <= cols) {
            *bpr = choices[k];
            *ascii = tui_hex_row_width(choices[k], true) <= cols;
            return;
        }
    }
    /* Narrower than one 4-byte row: still show something rather than nothing. */
    *bpr = 4;
    *ascii = false;
}

size_t tui_hex_rows(size_t len, int bpr)
{
    if (bpr <= 0 || len == 0)
        return 1;
    return (len + (size_t)bpr - 1) / (size_t)bpr;
}

int tui_hex_byte_col(int i, int bpr)
{
    (void)bpr;
    return TUI_HEX_OFFSET_COLS + i * 3 + gaps_before(i);
}

int tui_hex_ascii_col(int i, int bpr)
{
    return tui_hex_row_width(bpr, false) + 2 + i;
}

size_t tui_hex_row_of(size_t offset, int bpr)
{
    return bpr > 0 ? offset / (size_t)bpr : 0;
}

size_t tui_hex_format_row(const uint8_t *p, size_t len, size_t row, int bpr, bool ascii,
                          char *out, size_t cap)
{
    if (bpr <= 0 || row >= tui_hex_rows(len, bpr))
        return 0;
    size_t need = (size_t)tui_hex_row_width(bpr, ascii) + 1;
    if (cap < need)
        return 0;
    size_t start = row * (size_t)bpr;
    int n = snprintf(out, cap, "%04zx  ", start & 0xffff);
    if (n != TUI_HEX_OFFSET_COLS)
        return 0;
    size_t at = (size_t)n;
    for (int i = 0; i < bpr; i++) {
        if (i > 0) {
            out[at++] = ' ';
            if (i % 8 == 0)
                out[at++] = ' ';
        }
        if (start + (size_t)i < len) {
            uint8_t b = p[start + (size_t)i];
            out[at++] = hexdig[b >> 4];
            out[at++] = hexdig[b & 15];
        } else {
            out[at++] = ' ';
            out[at++] = ' ';
        }
    }
    if (ascii) {
        out[at++] = ' ';
        out[at++] = ' ';
        for (int i = 0; i < bpr; i++) {
            size_t k = start + (size_t)i;
            out[at++] = k >= len ? ' ' : (p[k] >= 0x20 && p[k] < 0x7f) ? (char)p[k] : '.';
        }
    }
    out[at] = '\0';
    return at;
}

int tui_hex_wrap_chars(int cols)
{
    if (cols >= 8)
        return cols / 8 * 8;
    return cols >= 2 ? cols / 2 * 2 : 2;
}
