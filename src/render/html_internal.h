/*
 * Pieces of the HTML handout (html.c): escaping, hex, lessons (html_out.c)
 * and the SVG ladder diagram (html_ladder.c).  Everything a peer, a file or
 * a translator controls goes through html_esc before it reaches the page.
 */
#ifndef TLSSIM_RENDER_HTML_INTERNAL_H
#define TLSSIM_RENDER_HTML_INTERNAL_H

#include <stdint.h>
#include <stdio.h>

#include "tlssim/app.h"
#include "tlssim/handshake.h"

/*
 * Text as HTML character data or a quoted attribute value: & < > " ' as
 * references, control characters (but newline and tab) dropped, invalid
 * UTF-8, C1 controls and noncharacters as U+FFFD, so the page stays valid
 * whatever bytes came from the network or a lesson file.
 */
void html_esc_n(FILE *out, const char *s, size_t n);
void html_esc(FILE *out, const char *s);
/* printf, then escaped (up to 1 KB). */
void html_escf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Lowercase hex of the bytes, one unbroken word (CSS wraps it). */
void html_hex(FILE *out, const uint8_t *p, size_t n);

/* A classic dump in a <pre>: offset, 16 bytes in hex, the printable ASCII. */
void html_hexdump(FILE *out, const uint8_t *p, size_t n);

/*
 * The lesson for a step of the flow (0 introduction, TLS_STEP_AFTER the page
 * after the handshake) as HTML, with this run's values as known by the end
 * of that step; nothing without lessons or a lesson for it.
 */
void html_lesson(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                 const tls_flow *flow, int step);

/* Lesson \p id (e.g. TLS_LESSON_ID_SUMMARY) with the values known by \p step,
 * its step references numbered by \p flow. */
void html_lesson_id(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                    const tls_flow *flow, const char *id, int step);

/* The ladder (sequence) diagram of the run as an inline <svg>. */
void html_ladder(FILE *out, const tls_trace *t, const tls_sim_result *res);

#endif
