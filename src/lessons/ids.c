/*
 * Which lessons a folder holds: one per lesson id of every message of every
 * flow (handshake.h), plus the introduction, the summary, the page after
 * the handshake, compare mode's comparison page, the glossary and one page
 * per attack of the attack lab.  The catalogue and the attack table name the
 * ids; nothing here lists messages or attacks.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "tlssim/attack.h"
#include "tlssim/handshake.h"

static size_t add(lsn_expect *out, size_t n, const char *id, int step, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(out[i].id, id) == 0)
            return n; /* the same lesson in another flow */
    if (n >= LSN_EXPECT_MAX)
        return n;
    snprintf(out[n].id, sizeof out[n].id, "%s", id);
    snprintf(out[n].what, sizeof out[n].what, "%s", what);
    out[n].step = step;
    return n + 1;
}

size_t lsn_expected(lsn_expect *out)
{
    size_t n = add(out, 0, "introduction", TLS_LESSON_INTRO, "the introduction");
    for (int fi = 0; fi < TLS_FLOW_COUNT; fi++) {
        const tls_flow *f = tls_flow_get((tls_flow_id)fi);
        for (int step = 1; step <= f->n; step++) {
            char id[LSN_ID_MAX], what[LSN_WHAT_MAX];
            if (!tls_flow_lesson_id(f, step, id, sizeof id))
                continue;
            snprintf(what, sizeof what, "%s (step %d of the %s handshake)",
                     tls_msg_title(tls_flow_msg(f, step)), step, f->name);
            n = add(out, n, id, step, what);
        }
    }
    n = add(out, n, TLS_LESSON_ID_SUMMARY, TLS_LESSON_SUMMARY, "the summary");
    /* The pages that are no message's: what follows the handshake, compare
     * mode's page (--compare) and the glossary; numbered like the summary. */
    n = add(out, n, TLS_LESSON_ID_AFTER, TLS_LESSON_SUMMARY,
            "the page after the handshake (application data, close_notify, Wireshark)");
    n = add(out, n, "comparison", TLS_LESSON_SUMMARY, "the comparison page (--compare)");
    for (size_t i = 0; i < tls_attack_count(); i++) {
        char what[LSN_WHAT_MAX];
        snprintf(what, sizeof what, "the attack lab's --attack %s", tls_attack_at(i)->name);
        n = add(out, n, tls_attack_at(i)->lesson, TLS_LESSON_SUMMARY, what);
    }
    return add(out, n, TLS_LESSON_ID_GLOSSARY, TLS_LESSON_SUMMARY,
               "the glossary (--glossary, G in the TUI)");
}

int lsn_expect_index(const lsn_expect *v, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].id, id) == 0)
            return (int)i;
    return -1;
}

bool tls_lessons_step_id(const struct tls_flow *f, int step, char *out, size_t cap)
{
    if (step == TLS_LESSON_INTRO || step == TLS_STEP_AFTER) {
        int k = snprintf(out, cap, "%s",
                         step == TLS_LESSON_INTRO ? "introduction" : TLS_LESSON_ID_AFTER);
        return k > 0 && (size_t)k < cap;
    }
    return tls_flow_lesson_id(f, step, out, cap);
}
