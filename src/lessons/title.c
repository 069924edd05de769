/* A lesson's title with the step number of the run's flow.  Lesson files
 * do not number themselves: the same message is step 8 of the full
 * handshake and step 11 when the client authenticates, so the number comes
 * from the flow the run follows (tls_render_opts.title_step), in the
 * lesson's own language, like the "not yet known" marker. */
#include "tlssim/lessons.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

char *tls_lesson_step_title(tls_lang lang, int step, const char *title)
{
    const char *fmt = lang == TLS_LANG_ZH ? "第 %d 步：%s" : "Step %d: %s";
    int k = snprintf(NULL, 0, fmt, step, title);
    char *s = k >= 0 ? malloc((size_t)k + 1) : NULL;
    if (s)
        snprintf(s, (size_t)k + 1, fmt, step, title);
    return s;
}

int tls_lesson_title_step(int step)
{
    return step >= 1 && step <= TLS_FLOW_MAX ? step : 0;
}

/* "Step 3", "step 3", "第 3 步", "第3步" at the start (blanks allowed). */
bool lsn_title_numbered(const char *t)
{
    while (*t == ' ')
        t++;
    if (strncasecmp(t, "step", 4) == 0) {
        t += 4;
        while (*t == ' ')
            t++;
        return isdigit((unsigned char)*t);
    }
    if (strncmp(t, "第", strlen("第")) != 0)
        return false;
    t += strlen("第");
    while (*t == ' ')
        t++;
    return isdigit((unsigned char)*t);
}

void tls_lesson_render(tls_ldoc *doc, const tls_lesson *l, const tls_render_opts *o)
{
    tls_render_opts o2 = *o;
    o2.lang = l->lang;
    const char *title = o->no_title ? NULL : l->title;
    char *numbered = title && o->title_step > 0
                         ? tls_lesson_step_title(l->lang, o->title_step, title)
                         : NULL;
    tls_markdown_render(doc, numbered ? numbered : title, l->body, &o2);
    free(numbered);
}

char *tls_lesson_render_text(const tls_lesson *l, const tls_render_opts *o)
{
    tls_ldoc doc = {0};
    tls_lesson_render(&doc, l, o);
    char *s = doc.oom ? NULL : tls_ldoc_to_text(&doc);
    tls_ldoc_free(&doc);
    return s;
}
