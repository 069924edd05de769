/* Drawing primitives: see draw.h. */
#include "draw.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "textw.h"
#include "tlssim/i18n.h"
#include "tlssim/lessons.h"

/* Clip the width to the screen so no caller can wrap a line by mistake. */
static int screen_room(int y, int x, int maxw)
{
    if (y < 0 || y >= LINES || x < 0 || x >= COLS || maxw <= 0)
        return 0;
    return maxw < COLS - x ? maxw : COLS - x;
}

static void flush_run(int y, int x, const char *buf, size_t n, attr_t a)
{
    if (n == 0)
        return;
    attrset(a);
    mvaddnstr(y, x, buf, (int)n);
    attrset(A_NORMAL);
}

int tui_put_n(int y, int x, int maxw, const char *s, size_t len, attr_t a)
{
    maxw = screen_room(y, x, maxw);
    if (!s || maxw == 0)
        return 0;
    bool utf8 = tui_theme_utf8();
    char buf[512];
    size_t bn = 0;
    int used = 0, run_x = x;
    size_t i = 0;
    while (i < len && s[i]) {
        uint32_t cp;
        size_t n = tls_utf8_decode(s + i, len - i, &cp);
        const char *piece;
        size_t plen;
        int w;
        char one[2] = {'?', '\0'};
        if (n == 0 || cp < 0x20 || cp == 0x7f) {
            /* Invalid bytes and control characters would move the cursor. */
            piece = one;
            plen = 1;
            w = 1;
            n = n ? n : 1;
        } else if (cp < 0x80 || utf8) {
            piece = s + i;
            plen = n;
            w = tls_cp_width(cp);
        } else {
            piece = tui_ascii_for(cp);
            plen = strlen(piece);
            w = (int)plen;
        }
        if (used + w > maxw)
            break;
        if (bn + plen > sizeof buf) {
            flush_run(y, run_x, buf, bn, a);
            run_x = x + used;
            bn = 0;
        }
        memcpy(buf + bn, piece, plen);
        bn += plen;
        used += w;
        i += n;
    }
    flush_run(y, run_x, buf, bn, a);
    return used;
}

int tui_put(int y, int x, int maxw, const char *s, attr_t a)
{
    return s ? tui_put_n(y, x, maxw, s, strlen(s), a) : 0;
}

/* Width of s as drawn: folded text may be wider than the UTF-8 original. */
static int drawn_width(const char *s)
{
    if (tui_theme_utf8())
        return tui_text_width(s);
    int w = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = tls_utf8_decode(s + i, len - i, &cp);
        if (n == 0 || cp < 0x80) {
            w++;
            i += n ? n : 1;
            continue;
        }
        w += (int)strlen(tui_ascii_for(cp));
        i += n;
    }
    return w;
}

int tui_put_ell(int y, int x, int maxw, const char *s, attr_t a)
{
    if (!s)
        return 0;
    if (drawn_width(s) <= maxw)
        return tui_put(y, x, maxw, s, a);
    const char *ell = tui_glyph()->ellipsis;
    int ew = drawn_width(ell);
    if (maxw <= ew)
        return tui_put(y, x, maxw, s, a);
    int used = tui_put(y, x, maxw - ew, s, a);
    return used + tui_put(y, x + used, ew, ell, a);
}

void tui_fill(int y, int x, int w, attr_t a)
{
    w = screen_room(y, x, w);
    if (w == 0)
        return;
    attrset(a);
    mvhline(y, x, ' ', w);
    attrset(A_NORMAL);
}

int tui_put_right(int y, int x_end, int maxw, const char *s, attr_t a)
{
    int w = drawn_width(s);
    if (w > maxw)
        w = maxw;
    return tui_put(y, x_end - w, w, s, a);
}

int tui_put_wrapped(int y, int x, int w, int rows, const char *s, attr_t a)
{
    if (!s || w <= 0)
        return 0;
    size_t len = strlen(s);
    int used = 0;
    while (*s && used < rows) {
        if (used == rows - 1) {
            tui_put_ell(y + used, x, w, s, a);
            return used + 1;
        }
        size_t n = tui_text_fit_words(s, len, w, NULL);
        if (n == 0)
            n = 1;
        tui_put_n(y + used, x, w, s, n, a);
        used++;
        s += n;
        len -= n;
        while (*s == ' ') {
            s++;
            len--;
        }
    }
    return used;
}

void tui_box_more(tui_rect r, bool above, bool below)
{
    if ((!above && !below) || r.h < 2 || r.w < 14)
        return;
    bool u = tui_theme_utf8();
    char text[64];
    snprintf(text, sizeof text, _(" more %s%s "), above ? (u ? "\u2191" : "^") : "",
             below ? (u ? "\u2193" : "v") : "");
    tui_put_right(r.y + r.h - 1, r.x + r.w - 2, r.w - 4, text, tui_attr(TUI_S_DIM));
}

tui_rect tui_inner(tui_rect r)
{
    tui_rect in = {r.y + 1, r.x + 1, r.h - 2, r.w - 2};
    if (in.h < 0)
        in.h = 0;
    if (in.w < 0)
        in.w = 0;
    return in;
}

/* A line of one glyph, drawn in one call: a box drawn glyph by glyph costs
 * a third of a redraw at 200x60. */
static void line_of(int y, int x, int n, const char *glyph, attr_t a, bool vertical)
{
    if (n <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
        return;
    if (vertical && y + n > LINES)
        n = LINES - y;
    if (!vertical && x + n > COLS)
        n = COLS - x;
    uint32_t cp = 0;
    size_t len = strlen(glyph);
    if (tls_utf8_decode(glyph, len, &cp) != len || cp < 0x80) {
        chtype ch = (chtype)(unsigned char)glyph[0] | a;
        if (vertical)
            mvvline(y, x, ch, n);
        else
            mvhline(y, x, ch, n);
        return;
    }
    wchar_t wc[2] = {(wchar_t)cp, L'\0'};
    cchar_t cc;
    if (setcchar(&cc, wc, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) != OK)
        return;
    if (vertical)
        mvvline_set(y, x, &cc, n);
    else
        mvhline_set(y, x, &cc, n);
}

void tui_box(tui_rect r, const char *title, bool focus)
{
    if (r.h < 2 || r.w < 2)
        return;
    const tui_glyphs *g = tui_glyph();
    attr_t a = tui_attr(focus ? TUI_S_BORDER_FOCUS : TUI_S_BORDER);
    line_of(r.y, r.x + 1, r.w - 2, g->h, a, false);
    line_of(r.y + r.h - 1, r.x + 1, r.w - 2, g->h, a, false);
    line_of(r.y + 1, r.x, r.h - 2, g->v, a, true);
    line_of(r.y + 1, r.x + r.w - 1, r.h - 2, g->v, a, true);
    tui_put(r.y, r.x, 1, g->tl, a);
    tui_put(r.y, r.x + r.w - 1, 1, g->tr, a);
    tui_put(r.y + r.h - 1, r.x, 1, g->bl, a);
    tui_put(r.y + r.h - 1, r.x + r.w - 1, 1, g->br, a);
    if (title && r.w > 6) {
        int x = r.x + 2;
        x += tui_put(r.y, x, 1, " ", a);
        /* Reverse video marks the focused pane even without colour. */
        x += tui_put_ell(r.y, x, r.w - 6, title,
                         focus ? (attr_t)(A_REVERSE | A_BOLD) : tui_attr(TUI_S_PANE_TITLE));
        tui_put(r.y, x, 1, " ", a);
    }
}
