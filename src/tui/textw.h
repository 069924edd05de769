/*
 * UTF-8 text measured in display columns (CJK characters take two), built
 * on the lessons module's width function so the whole program agrees on
 * what a column is.  Pure: no ncurses.
 */
#ifndef TLSSIM_TUI_TEXTW_H
#define TLSSIM_TUI_TEXTW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Display columns of a NUL-terminated UTF-8 string. */
int tui_text_width(const char *s);

/*
 * The longest prefix of s[0..len) that fits in `cols` columns, never
 * splitting a character.  Returns its length in bytes; *used (may be NULL)
 * receives its width.
 */
size_t tui_text_fit(const char *s, size_t len, int cols, int *used);

/*
 * Like tui_text_fit, but prefers to break after a space so a wrapped line
 * ends between words.  A single word longer than the line is cut.
 */
size_t tui_text_fit_words(const char *s, size_t len, int cols, int *used);

/*
 * Copy s into out followed by spaces up to `cols` display columns (printf's
 * %-20s counts bytes, which misaligns anything beyond ASCII).
 */
void tui_text_pad(char *out, size_t cap, const char *s, int cols);

/*
 * The ASCII stand-in for a code point when the terminal's locale cannot show
 * UTF-8: "->" for an arrow, "..." for an ellipsis, "?" (or "??" for a wide
 * character, so columns still line up) for anything else.
 */
const char *tui_ascii_for(uint32_t cp);

#endif
