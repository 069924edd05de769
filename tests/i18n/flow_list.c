/*
 * The flow catalogue as the zh interface test reads it: one line a flow,
 *   name <TAB> key exchange (its lesson suffix) <TAB> client auth <TAB> steps
 * where steps are the English titles of its positions, '|'-separated, a
 * skipped one in parentheses -- what `tlssim --json` reports for a run of
 * that flow, so the test can confirm that the options it chose for a flow
 * really run it.  A flow added to handshake.c is listed here without edit.
 */
#include <stdio.h>

#include "tlssim/handshake.h"
#include "tlssim/text.h"

static const char *auth_name(tls_flow_auth a)
{
    switch (a) {
    case TLS_FLOW_AUTH_NONE: return "none";
    case TLS_FLOW_AUTH_CERT: return "cert";
    case TLS_FLOW_AUTH_EMPTY: return "empty";
    }
    return "unknown";
}

int main(void)
{
    for (int id = 0; id < TLS_FLOW_COUNT; id++) {
        const tls_flow *f = tls_flow_get((tls_flow_id)id);
        printf("%s\t%s\t%s\t", f->name, f->kx_lesson, auth_name(f->auth));
        for (int step = 1; step <= f->n; step++) {
            const char *title = tls_msg_title(tls_flow_msg(f, step));
            bool skipped = tls_flow_skipped(f, step) != TLS_TEXT_NONE;
            printf(skipped ? "%s(%s)" : "%s%s", step > 1 ? "|" : "", title);
        }
        putchar('\n');
    }
    return 0;
}
