/* Fuzz target: the lessons loader and checker.  The input is one lesson
 * file, en/client-hello.md of an otherwise empty folder: loaded
 * (tls_lessons_open), rendered to text if it loaded, and checked
 * (tls_lessons_check). */
#include <stdlib.h>

#include "fuzz.h"
#include "tlssim/lessons.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("en", NULL, 0);
    fuzz_write("zh", NULL, 0);
    fuzz_write("en/client-hello.md", data, size);
    tls_lessons *ls = tls_lessons_open(fuzz_scratch(), NULL, 0);
    const tls_lesson *l = ls ? tls_lessons_get(ls, "client-hello", TLS_LANG_EN, NULL) : NULL;
    if (l) {
        tls_ldoc doc = {0};
        tls_render_opts o = {.width = 60, .lang = TLS_LANG_EN, .title_step = 1};
        tls_lesson_render(&doc, l, &o);
        free(tls_ldoc_to_text(&doc));
        tls_ldoc_free(&doc);
    }
    tls_lessons_close(ls);
    tls_lessons_check(fuzz_scratch(), NULL);
    return 0;
}
