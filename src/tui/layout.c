/* Pure layout math: see layout.h.  Integer percentages keep it exact. */
#include "layout.h"

#include <string.h>

/* Box widths of the hex view: 16 bytes a row with ASCII, or 8 with ASCII
 * (see hexview.h: 72 and 39 columns inside, plus two borders). */
#define HEX_BOX_16 74
#define HEX_BOX_8 41
/* Narrowest dissection tree worth putting beside the bytes. */
#define MIN_TREE_BESIDE 36

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static tui_rect rect(int y, int x, int h, int w)
{
    tui_rect r = {y, x, h > 0 ? h : 0, w > 0 ? w : 0};
    return r;
}

bool tui_rect_visible(tui_rect r) { return r.h > 0 && r.w > 0; }

tui_tab tui_layout_tab_of(tui_pane p)
{
    switch (p) {
    case TUI_PANE_CLIENT: return TUI_TAB_CLIENT;
    case TUI_PANE_RECORDS:
    case TUI_PANE_FIELDS: return TUI_TAB_CHANNEL;
    case TUI_PANE_SERVER: return TUI_TAB_SERVER;
    case TUI_PANE_WIRE:
    case TUI_PANE_ATTACKER: return TUI_TAB_WIRE;
    default: return TUI_TAB_LESSON;
    }
}

/* Dissection tree and hex view inside (y, x, h, w): side by side when both
 * fit, else the tree above the bytes. */
static void tree_and_hex(tui_layout *L, int y, int x, int h, int w, int hex_box)
{
    if (w - hex_box >= MIN_TREE_BESIDE) {
        L->pane[TUI_PANE_FIELDS] = rect(y, x, h, w - hex_box);
        L->hex = rect(y, x + w - hex_box, h, hex_box);
        return;
    }
    int fh = clamp(h * 55 / 100, 3, h - 3);
    L->pane[TUI_PANE_FIELDS] = rect(y, x, fh, w);
    L->hex = rect(y + fh, x, h - fh, w);
}

static void layout_compact(tui_layout *L, bool lesson, tui_pane focus)
{
    int y = 4, h = L->lines - 5, w = L->cols;
    L->tabs = rect(3, 0, 1, w);
    switch (tui_layout_tab_of(focus)) {
    case TUI_TAB_CHANNEL: {
        int rh = clamp(h * 2 / 5, 5, 12);
        L->pane[TUI_PANE_RECORDS] = rect(y, 0, rh, w);
        int hex_box = w - HEX_BOX_16 >= 40 ? HEX_BOX_16 : HEX_BOX_8;
        tree_and_hex(L, y + rh, 0, h - rh, w, hex_box);
        break;
    }
    case TUI_TAB_LESSON:
        if (lesson)
            L->pane[TUI_PANE_LESSON] = rect(y, 0, h, w);
        break;
    case TUI_TAB_CLIENT: L->pane[TUI_PANE_CLIENT] = rect(y, 0, h, w); break;
    case TUI_TAB_SERVER: L->pane[TUI_PANE_SERVER] = rect(y, 0, h, w); break;
    case TUI_TAB_WIRE: L->pane[TUI_PANE_WIRE] = rect(y, 0, h, w); break;
    default: break;
    }
}

static void layout_wide(tui_layout *L, bool lesson)
{
    int y = 3, mh = L->lines - 4;
    int lh = lesson ? clamp(mh * 28 / 100, 6, 16) : 0;
    int th = mh - lh;
    int pw = clamp(L->cols * 27 / 100, 34, 60);
    int cw = L->cols - 2 * pw;
    L->pane[TUI_PANE_CLIENT] = rect(y, 0, th, pw);
    L->pane[TUI_PANE_SERVER] = rect(y, L->cols - pw, th, pw);
    if (lesson)
        L->pane[TUI_PANE_LESSON] = rect(y + th, 0, lh, L->cols);
    int rh = clamp(th * 30 / 100, 5, 12);
    int wh = clamp(th * 22 / 100, 5, 12);
    L->pane[TUI_PANE_RECORDS] = rect(y, pw, rh, cw);
    L->pane[TUI_PANE_WIRE] = rect(y + th - wh, pw, wh, cw);
    tree_and_hex(L, y + rh, pw, th - rh - wh, cw, HEX_BOX_16);
}

void tui_layout_compute(tui_layout *L, int lines, int cols, bool lesson, tui_pane focus)
{
    memset(L, 0, sizeof *L);
    L->lines = lines;
    L->cols = cols;
    if (cols < TUI_MIN_COLS || lines < TUI_MIN_LINES) {
        L->mode = TUI_LAYOUT_TOO_SMALL;
        return;
    }
    L->title = rect(0, 0, 1, cols);
    L->stepbar = rect(1, 0, 1, cols);
    L->stepinfo = rect(2, 0, 1, cols);
    L->footer = rect(lines - 1, 0, 1, cols);
    if (cols >= TUI_WIDE_COLS && lines >= TUI_WIDE_LINES) {
        L->mode = TUI_LAYOUT_WIDE;
        layout_wide(L, lesson);
    } else {
        L->mode = TUI_LAYOUT_COMPACT;
        layout_compact(L, lesson, focus);
    }
}

void tui_layout_split_attacker(tui_layout *L)
{
    tui_rect w = L->pane[TUI_PANE_WIRE];
    if (!tui_rect_visible(w))
        return;
    if (L->mode == TUI_LAYOUT_WIDE) {
        L->pane[TUI_PANE_WIRE] = rect(w.y, w.x, w.h, w.w / 2);
        L->pane[TUI_PANE_ATTACKER] = rect(w.y, w.x + w.w / 2, w.h, w.w - w.w / 2);
    } else {
        L->pane[TUI_PANE_WIRE] = rect(w.y, w.x, w.h / 2, w.w);
        L->pane[TUI_PANE_ATTACKER] = rect(w.y + w.h / 2, w.x, w.h - w.h / 2, w.w);
    }
}

size_t tui_scroll_follow(size_t scroll, size_t first, size_t last, size_t visible, size_t total)
{
    if (visible == 0)
        return 0;
    if (last < first)
        last = first;
    if (first < scroll)
        scroll = first;
    else if (last >= scroll + visible) {
        scroll = last - visible + 1;
        if (scroll > first)
            scroll = first;
    }
    /* Never leave blank rows at the bottom when the list could fill them. */
    size_t max = total > visible ? total - visible : 0;
    return scroll > max ? max : scroll;
}
