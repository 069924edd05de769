/*
 * What each party knows at step N, derived from a recorded trace.  Pure:
 * no ncurses, no protocol logic, no crypto — it only sorts the core's
 * events by step and party, so "step back" is a replay, never a re-run.
 */
#ifndef TLSSIM_TUI_MODEL_H
#define TLSSIM_TUI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/event.h"
#include "tlssim/handshake.h"

/* The kinds of things a party column lists. */
typedef enum tui_item_kind {
    TUI_ITEM_VALUE,     /* a value the party knows */
    TUI_ITEM_CHECK,     /* a verification it made */
    TUI_ITEM_NOTE,      /* an explanation (only at the step it belongs to) */
    TUI_ITEM_ALERT      /* an alert it sent */
} tui_item_kind;

/* One line of knowledge in a party's column. */
typedef struct tui_item {
    tui_item_kind kind;
    size_t ev;          /* index of the event in the trace */
    int step;           /* step it was learned at */
    bool fresh;         /* learned at the step being shown */
    int agree;          /* secret values: +1 the other endpoint holds the same
                           bytes by now, -1 different bytes, 0 not (yet) */
} tui_item;

/* Which bytes a dissection row points into. */
typedef enum tui_buf {
    TUI_BUF_NONE,       /* not locatable (a message spread over records) */
    TUI_BUF_WIRE,       /* the record's bytes as they crossed the channel */
    TUI_BUF_PLAIN       /* the plaintext the receiver recovered */
} tui_buf;

/* One row of a record's dissection tree: record-layer fields, then each
 * message it carries (offsets moved into the record's buffer). */
typedef struct tui_row {
    tui_buf buf;
    size_t offset, length;
    int depth;
    const char *name;   /* points into the trace, or into label */
    const char *value;  /* points into the trace, or "" */
    const tls_field *field; /* the dissected field (its note translates), or NULL */
    char label[96];     /* storage for the rows the TUI adds (headings) */
} tui_row;

/* A row's value as shown: its field's note in the interface language. */
const char *tui_row_value(const tui_row *row, char *buf, size_t cap);

/* Steps go 1..n (the run's flow), then TLS_STEP_AFTER when the run goes on
 * to application data after the handshake. */
#define TUI_STEP_MAX TLS_STEP_AFTER

/* No event (tui_model.fatal_alert). */
#define TUI_NO_EVENT ((size_t)-1)

/* Per-step facts and the index built over a trace. */
typedef struct tui_model {
    const tls_trace *trace;
    const tls_flow *flow; /* the run's flow: its steps and their names */
    char **hex;         /* VALUE events: lowercase hex of the bytes */
    size_t *records;    /* indexes of the RECORD events, in channel order */
    size_t n_records;
    int last_step;      /* highest step that was reached (0 when none) */
    bool reached[TUI_STEP_MAX + 1];
    bool skipped[TUI_STEP_MAX + 1];
    const char *skip_reason[TUI_STEP_MAX + 1];     /* in English */
    const tls_text *skip_msg[TUI_STEP_MAX + 1];    /* the same, to translate */
    size_t fatal_alert[TUI_STEP_MAX + 1]; /* the first fatal alert sent at that
                                             step (trace index), or TUI_NO_EVENT */
} tui_model;

/*
 * Build the index.  Events are shown at the step they are tagged with
 * (1..10, TLS_STEP_AFTER), as the text and JSON front ends group them;
 * events before the first step (0) are not shown.
 * Returns false when out of memory (the model is then empty but valid).
 */
bool tui_model_init(tui_model *m, const tls_trace *t, const tls_flow *flow);

/* "ClientHello" ... "server Finished", "application data" for the step after. */
const char *tui_model_step_name(const tui_model *m, int step);

/* The step shown after / before `step`: 1..n, then TLS_STEP_AFTER (and past
 * it, TLS_STEP_AFTER + 1); before 1, 0. */
int tui_model_next(const tui_model *m, int step);
int tui_model_prev(const tui_model *m, int step);

/* The number a step is shown with: TLS_STEP_AFTER is n + 1. */
int tui_model_step_number(const tui_model *m, int step);
void tui_model_free(tui_model *m);

/* The lowercase hex of a VALUE event ("" for other events). */
const char *tui_model_hex(const tui_model *m, size_t ev);

/*
 * What `who` knows at `step`, in the order it was learned: every value
 * (the latest one of each name), every check and alert so far, and the
 * notes of this step.  Writes at most cap items; returns how many there are.
 */
size_t tui_model_items(const tui_model *m, tls_party who, int step, tui_item *out, size_t cap);

/* Number of records that have crossed the channel by the end of `step`. */
size_t tui_model_records_at(const tui_model *m, int step);

/* Step at which record k (channel order) crossed. */
int tui_model_record_step(const tui_model *m, size_t k);

/* The number front ends name record k by (tls_trace_record_number). */
size_t tui_model_record_number(const tui_model *m, size_t k);

/*
 * A short label for record k: the names of the messages it carries, joined
 * by ", " (e.g. "ClientHello"), else its content type name.
 */
void tui_model_record_label(const tui_model *m, size_t k, char *out, size_t cap);

/* The dissection rows of record k; at most cap written, total returned. */
size_t tui_model_tree(const tui_model *m, size_t k, tui_row *out, size_t cap);

/* The bytes a row points into (NULL for TUI_BUF_NONE). */
const uint8_t *tui_model_row_bytes(const tui_model *m, size_t k, const tui_row *row, size_t *len);

/* The party on the other end (client <-> server; the wire has none). */
tls_party tui_model_peer(tls_party p);

/* Whose view a RECORD or MESSAGE event shows: the receiver's (what it
 * decrypted and parsed), or in live mode, for records traced by the side
 * that sent them (by_sender), the sender's (what it encrypted and wrote).
 * Callers say it in whole sentences, one per case, for translators. */
typedef struct tui_view {
    tls_party who;
    bool wrote;         /* the sender's view (encrypted, wrote) */
    bool captured;      /* nobody's: tlssim read it from a capture (e->source) */
} tui_view;
tui_view tui_model_view(const tls_event *e);

#endif
