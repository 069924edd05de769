/* UTF-8 display width helpers: see textw.h. */
#include "textw.h"

#include <string.h>

#include "tlssim/lessons.h"

int tui_text_width(const char *s)
{
    return s ? tls_utf8_width(s) : 0;
}

/* Width of one character at s (1 for an invalid byte, which then counts as
 * one byte); returns bytes used. */
static size_t next_char(const char *s, size_t len, int *w)
{
    uint32_t cp;
    size_t n = tls_utf8_decode(s, len, &cp);
    if (n == 0) {
        *w = 1;
        return 1;
    }
    *w = tls_cp_width(cp);
    return n;
}

size_t tui_text_fit(const char *s, size_t len, int cols, int *used)
{
    size_t at = 0;
    int width = 0;
    while (at < len && s[at]) {
        int w;
        size_t n = next_char(s + at, len - at, &w);
        if (width + w > cols)
            break;
        width += w;
        at += n;
    }
    if (used)
        *used = width;
    return at;
}

size_t tui_text_fit_words(const char *s, size_t len, int cols, int *used)
{
    int width;
    size_t fit = tui_text_fit(s, len, cols, &width);
    if (fit >= len || !s[fit] || s[fit] == ' ') {
        if (used)
            *used = width;
        return fit;
    }
    /* Back up to just after the last space, if the line has one. */
    size_t cut = fit;
    while (cut > 0 && s[cut - 1] != ' ')
        cut--;
    if (cut == 0) {
        if (used)
            *used = width;
        return fit;
    }
    return tui_text_fit(s, cut, cols, used);
}

void tui_text_pad(char *out, size_t cap, const char *s, int cols)
{
    if (cap == 0)
        return;
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    int w = tui_text_width(out);
    while (w < cols && n + 1 < cap) {
        out[n++] = ' ';
        out[n] = '\0';
        w++;
    }
}

const char *tui_ascii_for(uint32_t cp)
{
    switch (cp) {
    case 0x2192: case 0x25B6: case 0x25B8: return ">";   /* → ▶ ▸ */
    case 0x2190: case 0x25C0: case 0x25C2: return "<";   /* ← ◀ ◂ */
    case 0x2191: return "^";
    case 0x2193: return "v";
    case 0x2016: return "||";                            /* ‖ */
    case 0x00B7: case 0x2022: return ".";                /* · • */
    case 0x2026: return "...";                           /* … */
    case 0x2018: case 0x2019: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x2013: case 0x2014: case 0x2500: return "-";  /* – — ─ */
    case 0x2502: return "|";
    case 0x2261: return "=";                             /* ≡ */
    case 0x2260: return "!=";                            /* ≠ */
    case 0x2713: case 0x2714: return "+";                /* ✓ */
    case 0x2717: case 0x2718: case 0x00D7: return "x";   /* ✗ × */
    case 0x00A0: return " ";
    default: break;
    }
    return tls_cp_width(cp) == 2 ? "??" : "?";
}
