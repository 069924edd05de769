/* The glossary popup (G): the lessons' glossary.md in the lesson language,
 * each English term beside the Chinese one the lessons use, so a learner
 * switching languages (l) meets one translation per term. */
#include <stdio.h>
#include <string.h>

#include "panes.h"
#include "tlssim/i18n.h"

/* One rendered line, its runs joined; headings in the heading style. */
static void add_line(tui_lines *L, const tls_lline *ln)
{
    char text[1024];
    size_t n = (size_t)snprintf(text, sizeof text, "%*s", ln->indent, "");
    for (size_t i = 0; i < ln->n && n < sizeof text; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s", ln->runs[i].text);
    tui_lines_add(L, ln->heading ? tui_attr(TUI_S_HEADING) : A_NORMAL, "%s", text);
}

void tui_glossary_lines(tui_app *a, tui_lines *L, int width)
{
    bool fell_back = false;
    const tls_lesson *l =
        a->lessons ? tls_lessons_get(a->lessons, TLS_LESSON_ID_GLOSSARY, a->lang, &fell_back)
                   : NULL;
    if (!l) {
        tui_lines_wrap(L, A_NORMAL, _("no glossary: the lessons folder has no glossary.md"),
                       width, 0);
        return;
    }
    if (fell_back)
        tui_lines_wrap(L, tui_attr(TUI_S_NOTICE), tls_lesson_fallback_notice(a->lang), width, 0);
    tls_render_opts ro = {.width = width, .lang = a->lang, .no_title = true};
    tls_ldoc doc = {0};
    tls_lesson_render(&doc, l, &ro);
    for (size_t i = 0; i < doc.n; i++)
        add_line(L, &doc.lines[i]);
    tls_ldoc_free(&doc);
}
