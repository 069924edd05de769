/*
 * Draw functions of the main screen's parts (and the keys of the popups).
 * Each draws inside the rectangle the layout gave it, from the app state.
 */
#ifndef TLSSIM_TUI_PANES_H
#define TLSSIM_TUI_PANES_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "draw.h"
#include "layout.h"

/* chrome.c: the lines around the panes */
void tui_draw_title(tui_app *a, tui_rect r);
void tui_draw_stepbar(tui_app *a, tui_rect r);
void tui_draw_stepinfo(tui_app *a, tui_rect r);
void tui_draw_tabs(tui_app *a, tui_rect r);
void tui_draw_footer(tui_app *a, tui_rect r);
void tui_draw_too_small(int lines, int cols);
/* --auto's state for a title line: the countdown to the next step, or
 * paused; empty without --auto. */
void tui_auto_label(const tui_app *a, char *out, size_t cap);

/* panes.c: what a party (client, server, eavesdropper) knows */
void tui_draw_party(tui_app *a, tui_pane pane, tui_rect r);

/* channel.c: records as arrows, the selected record's tree and bytes */
void tui_draw_records(tui_app *a, tui_rect r);
void tui_draw_fields(tui_app *a, tui_rect r);
void tui_draw_hex(tui_app *a, tui_rect r);

/* lesson.c */
void tui_draw_lesson(tui_app *a, tui_rect r);
/* Make sure the lesson cache holds the current step at text width w. */
void tui_lesson_prepare(tui_app *a, int w);
/* Draw `rows` lines of a rendered lesson from line `first`, w columns wide. */
void tui_lesson_draw_lines(const tls_ldoc *doc, size_t first, int y, int x, int w, int rows);

/* Lines of a popup: text with one attribute per line. */
typedef struct tui_line {
    attr_t attr;
    char *text;
} tui_line;

typedef struct tui_lines {
    tui_line *v;
    size_t n, cap;
} tui_lines;

void tui_lines_add(tui_lines *L, attr_t a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add text wrapped to width columns (by display width, CJK aware). */
void tui_lines_wrap(tui_lines *L, attr_t a, const char *text, int width, int indent);
/* Add a hex string wrapped whole (lines without spaces). */
void tui_lines_hex(tui_lines *L, attr_t a, const char *hex, int width, int indent);
void tui_lines_free(tui_lines *L);

/* popup.c: the popup over the main screen (help or a value opened whole) */
void tui_draw_popup(tui_app *a);
/* Open the selected thing of the focused pane whole. */
void tui_popup_open_selected(tui_app *a);

/* detail.c: the content of a detail popup */
void tui_detail_lines(tui_app *a, tui_lines *out, int width, char *title, size_t title_cap);

/* help.c: the content of the help popup */
void tui_help_lines(tui_app *a, tui_lines *out, int width);

/* The glossary popup's lines: the lessons' glossary in the lesson language
 * (or why there is none), wrapped to width. */
void tui_glossary_lines(tui_app *a, tui_lines *out, int width);
/* Help lines the key table builds from the state: Space with --auto, and
 * what w writes where (buf holds the text when it is returned). */
const char *tui_help_next_step(const tui_app *a, char *buf, size_t cap);
const char *tui_help_save_what(const tui_app *a, char *buf, size_t cap);

#endif
