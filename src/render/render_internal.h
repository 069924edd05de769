/* What the renderers share (text.c, html.c). */
#ifndef TLSSIM_RENDER_INTERNAL_H
#define TLSSIM_RENDER_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "tlssim/app.h"

/* The run's title line and settings lines, in the interface language, as
 * the text walkthrough starts (the HTML page escapes them line by line). */
void tls_render_run_header(FILE *out, const tls_app_run *r);

/* Whether value \p k is a secret both sides derive on their own (the key
 * block only as its parts); if so, each side's last copy (NULL if none). */
bool tls_render_agreed(const tls_trace *t, tls_value_kind k, const tls_event **client,
                       const tls_event **server);

#endif
