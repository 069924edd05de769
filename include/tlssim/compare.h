/**
 * \file compare.h
 * \brief Compare mode: two or three in-process runs with the same seed,
 *        aligned by message, and what differs between them.
 *
 * Nothing here is typed in per key exchange: the rows come from the runs'
 * flows (handshake.h), the facts from each run's trace and the value
 * catalogue (value.h: which values are on the wire, secret, agreed, and
 * their role in the key exchange).  Front ends (text, JSON, TUI) render a
 * tls_compare.
 */
#ifndef TLSSIM_COMPARE_H
#define TLSSIM_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "tlssim/app.h"
#include "tlssim/handshake.h"

/** \brief Most runs a comparison holds. */
#define TLS_COMPARE_MAX 3
/** \brief Most aligned rows: every step of every run, none shared. */
#define TLS_COMPARE_ROWS (TLS_COMPARE_MAX * TLS_FLOW_MAX)

/** \brief One run of the comparison: its description, trace and result. */
typedef struct tls_compare_run {
    tls_app_run run;
    tls_trace trace;
    tls_sim_result res;
} tls_compare_run;

/** \brief A row: one message kind, at its step in each run (0: not in that flow). */
typedef struct tls_compare_row {
    tls_msg_kind kind;
    int step[TLS_COMPARE_MAX];
} tls_compare_row;

/** \brief What one run's step shows, for the comparison. */
typedef struct tls_compare_facts {
    bool present;       /**< the run's flow has this message */
    bool reached;       /**< the run announced the step */
    bool skipped;       /**< announced as absent (the reason: skip_text) */
    const char *skip_text;  /**< English reason, or NULL */
    const tls_text *skip_msg; /**< the reason as a catalogue text, or NULL */
    size_t bytes;       /**< record bytes that crossed the channel in this step */
    bool wire[TLS_VALUE_COUNT];   /**< values the eavesdropper learns in this step */
    bool signed_[TLS_VALUE_COUNT];/**< signatures sent in this step */
    bool pre_master;    /**< the pre-master secret is first known in this step */
} tls_compare_facts;

/** \brief Where a run's pre-master secret came from. */
typedef struct tls_compare_origin {
    int step;                   /**< first step where a party knows it (0: never) */
    bool derived;               /**< each side derives it from both key shares */
    tls_party chosen_by;        /**< else: the side that chose it and sent it sealed */
    bool carried[TLS_VALUE_COUNT]; /**< the wire values it came from (sealed, or the
                                        key shares) */
} tls_compare_origin;

/** \brief What the server's leaked certificate key reveals of a recorded run. */
typedef struct tls_compare_leak {
    bool reveals;                   /**< the recorded session can be decrypted */
    bool values[TLS_VALUE_COUNT];   /**< the secrets it opens (the agreed ones) */
    bool sealed[TLS_VALUE_COUNT];   /**< the recorded values it opens them from */
} tls_compare_leak;

/** \brief Two or three runs with the same seed, run and aligned. */
typedef struct tls_compare {
    int n;
    tls_compare_run runs[TLS_COMPARE_MAX];
    char label[TLS_COMPARE_MAX][64]; /**< what tells the runs apart: "rsa", a suite,
                                          a group, as --compare named it */
    tls_compare_row rows[TLS_COMPARE_ROWS];
    int nrows;
} tls_compare;

/**
 * \brief Start from \p n descriptions and their labels (copied); traces
 *        initialised, nothing run.
 */
void tls_compare_init(tls_compare *c, const tls_app_run *runs, const char *const *labels, int n);

/** \brief Run every run and align their flows. */
void tls_compare_go(tls_compare *c);

/** \brief Free the traces. */
void tls_compare_free(tls_compare *c);

/** \brief Whether any trace ran out of memory. */
bool tls_compare_oom(const tls_compare *c);

/** \brief What run \p i shows at row \p row. */
void tls_compare_facts_of(const tls_compare *c, int row, int i, tls_compare_facts *f);

/**
 * \brief Which facts differ between the runs at \p row: bit 0 presence,
 *        1 bytes, 2 eavesdropper's values, 3 signatures, 4 pre-master.
 */
unsigned tls_compare_differs(const tls_compare *c, int row);

/** \brief Bits of tls_compare_differs. */
enum {
    TLS_COMPARE_DIFF_PRESENT = 1u << 0,
    TLS_COMPARE_DIFF_BYTES = 1u << 1,
    TLS_COMPARE_DIFF_WIRE = 1u << 2,
    TLS_COMPARE_DIFF_SIGNED = 1u << 3,
    TLS_COMPARE_DIFF_PRE_MASTER = 1u << 4
};

/** \brief Where run \p i's pre-master came from. */
void tls_compare_origin_of(const tls_compare *c, int i, tls_compare_origin *o);

/** \brief What a leaked server key reveals of run \p i's recording. */
void tls_compare_leak_of(const tls_compare *c, int i, tls_compare_leak *l);

/** \brief Record bytes run \p i sent over the whole handshake (steps 1..n). */
size_t tls_compare_total_bytes(const tls_compare *c, int i);

#endif
