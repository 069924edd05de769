/* Shared by the lessons loader, checker and renderer (not installed). */
#ifndef TLSSIM_LESSONS_INTERNAL_H
#define TLSSIM_LESSONS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tlssim/lessons.h"

/** Conventional file stem of a lesson, e.g. "04-server-key-exchange". */
const char *lsn_step_stem(int step);
/** What a lesson is about: "introduction", "ClientHello", ..., "summary". */
const char *lsn_step_what(int step);

/** Outcome of parsing the inside of a {{...}} placeholder. */
typedef enum lsn_ph_status { LSN_PH_OK, LSN_PH_UNKNOWN_NAME, LSN_PH_UNKNOWN_FORM } lsn_ph_status;

/**
 * Parse the text between "{{" and "}}" (surrounding blanks allowed):
 * "name" or "name.form".  \p name receives the name (truncated to cap-1),
 * \p kind the value it names (when LSN_PH_OK or LSN_PH_UNKNOWN_FORM).
 */
lsn_ph_status lsn_placeholder(const char *inner, size_t len, char *name, size_t cap,
                              tls_value_kind *kind, tls_value_form *form);

/** The "}}" closing a placeholder whose text starts at \p p, on the same line, or NULL. */
const char *lsn_placeholder_end(const char *p);

#endif
