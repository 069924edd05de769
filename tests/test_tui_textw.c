/* TUI text measuring: CJK characters are two columns wide, nothing is cut
 * inside a character, padding counts columns, ASCII stand-ins keep widths. */
#include <string.h>

#include "testutil.h"
#include "textw.h"

static void test_width_and_fit(void)
{
    const char *s = "中文abc";   /* 2 + 2 + 3 columns, 9 bytes */
    int used = -1;
    test_check(tui_text_width(s) == 7, "中文abc is 7 columns");
    test_check(tui_text_width("") == 0 && tui_text_width(NULL) == 0, "empty is 0 columns");
    test_check(tui_text_fit(s, strlen(s), 3, &used) == 3 && used == 2,
               "3 columns hold 中 only (never half of 文)");
    test_check(tui_text_fit(s, strlen(s), 4, &used) == 6 && used == 4, "4 columns hold 中文");
    test_check(tui_text_fit(s, strlen(s), 100, &used) == 9 && used == 7, "everything fits");
    test_check(tui_text_fit(s, strlen(s), 0, &used) == 0 && used == 0, "0 columns hold nothing");
    const char *words = "the server decides";
    test_check(tui_text_fit_words(words, strlen(words), 12, &used) == 11 && used == 11,
               "a line breaks after a space: 'the server '");
    test_check(tui_text_fit_words("abcdefghij", 10, 4, &used) == 4,
               "a word longer than the line is cut");
}

static void test_pad_and_ascii(void)
{
    char out[64];
    tui_text_pad(out, sizeof out, "→  n", 6);
    test_check(tui_text_width(out) == 6 && strncmp(out, "→  n", strlen("→  n")) == 0,
               "padding counts columns, not bytes ('→' is 3 bytes, 1 column)");
    tui_text_pad(out, sizeof out, "中文", 6);
    test_str_eq(out, "中文  ", "中文 padded to 6 columns");
    test_str_eq(tui_ascii_for(0x2192), ">", "ASCII stand-in for →");
    test_str_eq(tui_ascii_for(0x2026), "...", "ASCII stand-in for …");
    test_str_eq(tui_ascii_for(0x4E2D), "??", "a wide character (中) stays two columns");
}

int main(void)
{
    test_width_and_fit();
    test_pad_and_ascii();
    return test_finish();
}
