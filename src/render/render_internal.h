/* What the renderers share (text.c, json.c, html.c, compare.c). */
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

/* A capture run whose key material gave the master secret (its Finished
 * checked, its secrets computed): false for any other run. */
bool tls_render_capture_opened(const tls_app_run *r);

/* What a capture's summary says of its secrets, in the interface language
 * (lines ending in a newline): computed here once from the key material
 * when \p opened (tls_render_capture_opened), else that none can be. */
const char *tls_render_capture_secrets_said(bool opened);

/* A live run's summary: the peer's values are inferred from its verified
 * Finished, so the summary lists tlssim's own side's and says why. */
const char *tls_render_live_secrets_said(void);

/* Of a value's client and server events (either may be NULL), the one a
 * party computed itself (not inferred); NULL if neither did. */
const tls_event *tls_render_own_value(const tls_event *client, const tls_event *server);

/* A MESSAGE event's heading, whose view its fields are ("ClientHello, as
 * the server parsed it:", "..., read from the capture (sent by the
 * client):"), in the interface language, ending in a colon and a newline:
 * tls_i18n_message_heading's, as the TUI's tree shows it too. */
void tls_render_message_heading(const tls_event *e, char *out, size_t cap);

/* The same for the plaintext of a protected RECORD event. */
void tls_render_plaintext_heading(const tls_event *e, char *out, size_t cap);

/** \brief The events of one step of \p t (all but its STEP event), as the walkthrough shows them. */
void tls_render_text_events(FILE *out, const tls_trace *t, int step);

/** \brief The in-process run's settings in one sentence. */
void tls_render_text_sim_header(FILE *out, const tls_app_run *r);

/** \brief The verdict of a failed run, with the reason in the chosen language. */
void tls_render_text_failure(FILE *out, const tls_sim_result *res);

/**
 * \brief Lesson \p id in \p lang (or English, with the notice), with the
 *        values of \p t as known by the end of \p step and its step
 *        references numbered by \p flow (NULL: the full handshake); nothing
 *        when absent.
 */
void tls_render_text_lesson(FILE *out, const tls_lessons *ls, const char *id, tls_lang lang,
                            const tls_trace *t, const tls_flow *flow, int step);

/** \brief \p s as a JSON string (null for NULL). */
void tls_render_json_str(FILE *out, const char *s);

#endif
