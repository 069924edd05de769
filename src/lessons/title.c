/* A lesson's title and its step references with the step numbers of the
 * run's flow.  Lesson files
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
#include "tlssim/handshake.h"

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

/* "step:" then a message's lesson id (without the key-exchange suffix). */
#define STEP_REF "step:"

bool lsn_is_step_ref(const char *inner, size_t len)
{
    while (len && *inner == ' ') {
        inner++;
        len--;
    }
    return len > strlen(STEP_REF) && strncmp(inner, STEP_REF, strlen(STEP_REF)) == 0;
}

static int step_in(const tls_flow *f, const char *id, size_t len)
{
    for (int n = 1; f && n <= f->n; n++) {
        const char *l = tls_flow_msg(f, n)->lesson;
        if (strlen(l) == len && strncmp(l, id, len) == 0)
            return n;
    }
    return 0;
}

int lsn_step_ref(const char *inner, size_t len, const tls_flow *flow)
{
    while (len && *inner == ' ') {
        inner++;
        len--;
    }
    while (len && inner[len - 1] == ' ')
        len--;
    if (len <= strlen(STEP_REF) || strncmp(inner, STEP_REF, strlen(STEP_REF)) != 0)
        return 0;
    const char *id = inner + strlen(STEP_REF);
    len -= strlen(STEP_REF);
    /* The run's flow first; a message it lacks is numbered as in the first
     * flow that has it (a lesson may mention what another flow sends). */
    int n = step_in(flow ? flow : tls_flow_default(), id, len);
    for (int fi = 0; !n && fi < TLS_FLOW_COUNT; fi++)
        n = step_in(tls_flow_get((tls_flow_id)fi), id, len);
    return n;
}
