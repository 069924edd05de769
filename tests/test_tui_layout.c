/* TUI layout math: exact rectangles at the sizes that matter, no overlaps
 * anywhere from the minimum size up, and list scrolling. */
#include <stdio.h>

#include "layout.h"
#include "testutil.h"

static bool rect_is(tui_rect r, int y, int x, int h, int w, const char *what)
{
    return test_check(r.y == y && r.x == x && r.h == h && r.w == w,
                      "%s: got (y %d, x %d, h %d, w %d), want (%d, %d, %d, %d)", what, r.y, r.x,
                      r.h, r.w, y, x, h, w);
}

static void test_compact_80x24(void)
{
    tui_layout L;
    tui_layout_compute(&L, 24, 80, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_COMPACT, "80x24 is compact");
    rect_is(L.title, 0, 0, 1, 80, "80x24 title");
    rect_is(L.stepbar, 1, 0, 1, 80, "80x24 step bar");
    rect_is(L.stepinfo, 2, 0, 1, 80, "80x24 step info");
    rect_is(L.tabs, 3, 0, 1, 80, "80x24 tabs");
    rect_is(L.footer, 23, 0, 1, 80, "80x24 footer");
    /* Channel tab: records on top, tree and bytes side by side below. */
    rect_is(L.pane[TUI_PANE_RECORDS], 4, 0, 7, 80, "80x24 records");
    rect_is(L.pane[TUI_PANE_FIELDS], 11, 0, 12, 39, "80x24 fields");
    rect_is(L.hex, 11, 39, 12, 41, "80x24 hex (8 bytes a row with ASCII)");
    test_check(!tui_rect_visible(L.pane[TUI_PANE_CLIENT]), "80x24 channel tab hides the client");
    test_check(!tui_rect_visible(L.pane[TUI_PANE_LESSON]), "80x24 channel tab hides the lesson");

    tui_layout_compute(&L, 24, 80, true, TUI_PANE_CLIENT);
    rect_is(L.pane[TUI_PANE_CLIENT], 4, 0, 19, 80, "80x24 client tab");
    test_check(!tui_rect_visible(L.pane[TUI_PANE_RECORDS]), "80x24 client tab hides the records");
    tui_layout_compute(&L, 24, 80, true, TUI_PANE_LESSON);
    rect_is(L.pane[TUI_PANE_LESSON], 4, 0, 19, 80, "80x24 lesson tab");
    tui_layout_compute(&L, 24, 80, false, TUI_PANE_LESSON);
    test_check(!tui_rect_visible(L.pane[TUI_PANE_LESSON]), "no lesson pane with --no-lessons");
}

static void test_compact_narrow(void)
{
    tui_layout L;
    /* At the minimum width the tree goes above the bytes. */
    tui_layout_compute(&L, 16, 60, true, TUI_PANE_RECORDS);
    test_check(L.mode == TUI_LAYOUT_COMPACT, "60x16 is compact");
    rect_is(L.pane[TUI_PANE_RECORDS], 4, 0, 5, 60, "60x16 records");
    rect_is(L.pane[TUI_PANE_FIELDS], 9, 0, 3, 60, "60x16 fields");
    rect_is(L.hex, 12, 0, 3, 60, "60x16 hex");
}

static void test_wide_200x60(void)
{
    tui_layout L;
    tui_layout_compute(&L, 60, 200, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_WIDE, "200x60 is wide");
    test_check(!tui_rect_visible(L.tabs), "200x60 has no tabs");
    rect_is(L.pane[TUI_PANE_CLIENT], 3, 0, 41, 54, "200x60 client");
    rect_is(L.pane[TUI_PANE_SERVER], 3, 146, 41, 54, "200x60 server");
    rect_is(L.pane[TUI_PANE_RECORDS], 3, 54, 12, 92, "200x60 records");
    rect_is(L.pane[TUI_PANE_FIELDS], 15, 54, 11, 92, "200x60 fields");
    rect_is(L.hex, 26, 54, 9, 92, "200x60 hex");
    rect_is(L.pane[TUI_PANE_WIRE], 35, 54, 9, 92, "200x60 eavesdropper under the channel");
    rect_is(L.pane[TUI_PANE_LESSON], 44, 0, 15, 200, "200x60 lesson");
    rect_is(L.footer, 59, 0, 1, 200, "200x60 footer");

    tui_layout_compute(&L, 60, 200, false, TUI_PANE_FIELDS);
    rect_is(L.pane[TUI_PANE_CLIENT], 3, 0, 56, 54, "200x60 client without lessons");
    test_check(!tui_rect_visible(L.pane[TUI_PANE_LESSON]), "200x60 without lessons: no lesson");

    /* Very wide: the tree and the bytes side by side. */
    tui_layout_compute(&L, 60, 260, true, TUI_PANE_FIELDS);
    rect_is(L.pane[TUI_PANE_FIELDS], 15, 60, 20, 66, "260x60 fields beside the bytes");
    rect_is(L.hex, 15, 126, 20, 74, "260x60 hex (16 bytes a row with ASCII)");
}

static void test_thresholds(void)
{
    tui_layout L;
    tui_layout_compute(&L, 24, 59, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_TOO_SMALL, "59x24 is too small");
    tui_layout_compute(&L, 15, 80, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_TOO_SMALL, "80x15 is too small");
    tui_layout_compute(&L, 16, 60, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_COMPACT, "60x16 is the minimum");
    tui_layout_compute(&L, 34, 120, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_WIDE, "120x34 is wide");
    tui_layout_compute(&L, 33, 120, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_COMPACT, "120x33 is compact");
    tui_layout_compute(&L, 40, 119, true, TUI_PANE_FIELDS);
    test_check(L.mode == TUI_LAYOUT_COMPACT, "119x40 is compact");
}

static bool overlap(tui_rect a, tui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Every shown rectangle inside the screen, none over another; with and
 * without the attack lab's pane (focus is on it only in an attacked run). */
static void test_no_overlap_anywhere(void)
{
    int bad = 0;
    for (int lines = TUI_MIN_LINES; lines <= 80; lines++) {
        for (int cols = TUI_MIN_COLS; cols <= 260; cols += 1) {
            for (int v = 0; v < 2 * TUI_PANE_COUNT; v++) {
                int f = v % TUI_PANE_COUNT;
                bool attacked = v >= TUI_PANE_COUNT;
                if (f == TUI_PANE_ATTACKER && !attacked)
                    continue;
                tui_layout L;
                tui_layout_compute(&L, lines, cols, true, (tui_pane)f);
                if (attacked && L.mode != TUI_LAYOUT_TOO_SMALL)
                    tui_layout_split_attacker(&L);
                tui_rect r[TUI_PANE_COUNT + 6];
                int n = 0;
                for (int p = 0; p < TUI_PANE_COUNT; p++)
                    r[n++] = L.pane[p];
                r[n++] = L.hex;
                r[n++] = L.title;
                r[n++] = L.stepbar;
                r[n++] = L.stepinfo;
                r[n++] = L.tabs;
                r[n++] = L.footer;
                for (int i = 0; i < n; i++) {
                    if (!tui_rect_visible(r[i]))
                        continue;
                    if (r[i].y < 0 || r[i].x < 0 || r[i].y + r[i].h > lines ||
                        r[i].x + r[i].w > cols || (i < TUI_PANE_COUNT + 1 && (r[i].h < 3 || r[i].w < 20)))
                        bad++;
                    for (int j = i + 1; j < n; j++)
                        if (tui_rect_visible(r[j]) && overlap(r[i], r[j]))
                            bad++;
                }
                /* The focused pane is always on screen. */
                if (!tui_rect_visible(L.pane[f]))
                    bad++;
            }
        }
    }
    test_check(bad == 0, "no overlaps, nothing off screen, focus always shown (%d problems)", bad);
}

/* The attacker's pane beside the eavesdropper's (wide) or under it (compact). */
static void test_attacker_split(void)
{
    tui_layout L;
    tui_layout_compute(&L, 60, 200, true, TUI_PANE_FIELDS);
    tui_layout_split_attacker(&L);
    rect_is(L.pane[TUI_PANE_WIRE], 35, 54, 9, 46, "200x60 attacked: eavesdropper on the left");
    rect_is(L.pane[TUI_PANE_ATTACKER], 35, 100, 9, 46, "200x60 attacked: attacker beside it");
    tui_layout_compute(&L, 24, 80, true, TUI_PANE_ATTACKER);
    tui_layout_split_attacker(&L);
    rect_is(L.pane[TUI_PANE_WIRE], 4, 0, 9, 80, "80x24 attacked: eavesdropper on top");
    rect_is(L.pane[TUI_PANE_ATTACKER], 13, 0, 10, 80, "80x24 attacked: attacker under it");
}

static void test_scroll_follow(void)
{
    test_check(tui_scroll_follow(0, 3, 3, 10, 20) == 0, "row already visible: no scroll");
    test_check(tui_scroll_follow(0, 12, 12, 10, 20) == 3, "row below: scroll just enough");
    test_check(tui_scroll_follow(8, 2, 2, 10, 20) == 2, "row above: scroll up to it");
    test_check(tui_scroll_follow(0, 5, 25, 10, 40) == 5, "range taller than the window: its top");
    test_check(tui_scroll_follow(15, 16, 16, 10, 20) == 10, "never past the end");
    test_check(tui_scroll_follow(4, 0, 0, 0, 20) == 0, "empty window");
    test_check(tui_layout_tab_of(TUI_PANE_FIELDS) == TUI_TAB_CHANNEL, "fields live on the channel tab");
    test_check(tui_layout_tab_of(TUI_PANE_WIRE) == TUI_TAB_WIRE, "wire has its own tab");
}

int main(void)
{
    test_compact_80x24();
    test_compact_narrow();
    test_wide_200x60();
    test_thresholds();
    test_no_overlap_anywhere();
    test_attacker_split();
    test_scroll_follow();
    return test_finish();
}
