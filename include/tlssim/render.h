/**
 * \file render.h
 * \brief The text and JSON renderers of a finished run.
 *
 * Both take the run's description (tlssim/app.h), its trace and its result,
 * whatever drove the run: the text walkthrough for pipes and printing, one
 * JSON document (schema in the README).
 */
#ifndef TLSSIM_RENDER_H
#define TLSSIM_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "tlssim/app.h"
#include "tlssim/compare.h"

/**
 * \brief Print a finished run as a step-by-step text walkthrough.
 * \param lessons  the lessons to print with each step, or NULL for values only
 */
void tls_print_text(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res, const tls_lessons *lessons);

/** \brief Print a finished run as one JSON document. */
void tls_print_json(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res);

/**
 * \brief Print a finished run as one self-contained HTML page (inline CSS
 *        and SVG, no scripts): a ladder diagram of its flow, then per step
 *        who knows what, what an eavesdropper sees, the dissection with its
 *        hex and the lesson; prints on A4.
 * \param lessons  the lessons to include, or NULL for values only
 */
void tls_print_html(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res, const tls_lessons *lessons);

/**
 * \brief Write the HTML page of a run to \p path.
 * \return false when it could not be written (errno says why)
 */
bool tls_save_html(const char *path, const tls_app_run *r, const tls_trace *t,
                   const tls_sim_result *res, const tls_lessons *lessons);

/**
 * \brief Print a comparison as text: per message, one block per run, then
 *        what differs; at the end the verdicts, the bytes, the pre-master's
 *        origin, what a leaked server key reveals, and the comparison lesson.
 * \param lessons  for the comparison lesson, or NULL
 */
void tls_print_compare_text(FILE *out, const tls_compare *c, const tls_lessons *lessons);

/**
 * \brief Print a comparison as one JSON document: "runs", each exactly the
 *        document tls_print_json prints; "differences" per aligned message;
 *        "leaked_server_key" per run.
 */
void tls_print_compare_json(FILE *out, const tls_compare *c);

#endif
