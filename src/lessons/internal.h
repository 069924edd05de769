/* Shared by the lessons loader, checker and renderer (not installed). */
#ifndef TLSSIM_LESSONS_INTERNAL_H
#define TLSSIM_LESSONS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tlssim/lessons.h"

/*
 * The checker's and loader's messages are sentences with arguments, so they
 * are translated here, before the arguments go in.  As gettext libraries
 * do, through the domain by name (dgettext): the lessons library sits below
 * src/i18n, which binds the domain and chooses the language for the
 * program.  "tlssim" is TLSSIM_TEXT_DOMAIN (tlssim/i18n.h).
 */
#include <libintl.h>
#define _(s) dgettext("tlssim", s)
#define N_(s) s

/** Longest lesson id and description kept. */
#define LSN_ID_MAX 64
#define LSN_WHAT_MAX 128
/** Most lessons a complete folder has per language. */
#define LSN_EXPECT_MAX (2 + TLS_FLOW_MAX * 4 + 16) /* 16: the attack lab's pages */

/** A lesson a complete folder has: its id (the file stem), the step its
 *  header gives (0 introduction, its step in the full handshake, 11 summary)
 *  and what it is about, for problem messages. */
typedef struct lsn_expect {
    char id[LSN_ID_MAX];
    int step;
    char what[LSN_WHAT_MAX];
} lsn_expect;

/** Every lesson id of every message of every flow, the introduction first
 *  and the summary last, each once; \p out has room for LSN_EXPECT_MAX. */
size_t lsn_expected(lsn_expect *out);

/** Whether a title starts with a step number ("Step 3", "第 3 步"), which
 *  only the run's flow can know. */
bool lsn_title_numbered(const char *title);

/** Whether a placeholder's text is a step reference, "step:client-finished". */
bool lsn_is_step_ref(const char *inner, size_t len);

struct tls_flow;

/** The step a reference names in \p flow (NULL: the full handshake), else
 *  in the first flow that has the message; 0 when no flow has it. */
int lsn_step_ref(const char *inner, size_t len, const struct tls_flow *flow);

/** Index of \p id in \p v, or -1. */
int lsn_expect_index(const lsn_expect *v, size_t n, const char *id);

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
