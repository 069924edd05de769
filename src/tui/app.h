/*
 * The TUI's state: the recorded run, the step being shown, focus and
 * selections, lessons and the open popup.  The actions here change state
 * only; screen.c draws it and turns keys into actions.
 */
#ifndef TLSSIM_TUI_APP_H
#define TLSSIM_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"
#include "tlssim/app.h"
#include "tlssim/compare.h"
#include "tlssim/lessons.h"
#include "tlssim/sim.h"
#include "tui.h"

typedef enum tui_popup_kind {
    TUI_POPUP_NONE,
    TUI_POPUP_HELP,
    TUI_POPUP_GLOSSARY,
    TUI_POPUP_DETAIL,
    TUI_POPUP_ATTACKS   /* the attack lab's menu (attack_menu.c) */
} tui_popup_kind;

/* What a detail popup shows whole. */
typedef enum tui_detail_kind {
    TUI_DETAIL_ITEM,    /* a value, check, note or alert of a party */
    TUI_DETAIL_FIELD,   /* a dissection row and its bytes */
    TUI_DETAIL_RECORD   /* a record's whole hex dump */
} tui_detail_kind;

typedef struct tui_popup {
    tui_popup_kind kind;
    tui_detail_kind what;
    size_t ev;          /* ITEM: event index */
    size_t record;      /* FIELD, RECORD: the record's index in the model's list */
    size_t row;         /* FIELD: row of the tree; ATTACKS: the chosen row
                           (0: no attacker, i + 1: tls_attack_at(i)) */
    size_t scroll;
    size_t total;       /* lines at the last draw, to bound scrolling */
    size_t page;        /* rows visible at the last draw */
} tui_popup;

/* The lesson pane's rendered text, kept until step, language or width change. */
typedef struct tui_lesson_cache {
    unsigned generation;        /* the run it was rendered for (0: none) */
    int step, width;
    tls_lang lang;
    tls_ldoc doc;
    bool fell_back;
    bool from_file;     /* a lesson file (else the step's one-line summary) */
} tui_lesson_cache;

/* Parties: client, server, the wire and the attacker (tls_party is 0..3). */
#define TUI_PARTY_COUNT TLS_PARTY_COUNT

typedef struct tui_app {
    tls_app_run run;            /* the current run's description: re-runs
                                   change it and ask the app layer again */
    tls_trace trace;
    tls_sim_result res;
    tui_model model;
    unsigned generation;        /* bumped by every re-run */
    int step;                   /* 1..model.last_step */

    tui_pane focus;
    tui_item *items[TUI_PARTY_COUNT]; /* per party, indexed by tls_party, at `step` */
    size_t n_items[TUI_PARTY_COUNT];
    size_t items_cap;
    size_t n_records;           /* records on the channel at `step` */
    tui_row *rows;              /* dissection of the selected record */
    size_t n_rows, rows_cap;
    size_t sel[TUI_PANE_COUNT];     /* selected item/record/row per pane (the
                                       record's index in the model's list) */
    size_t scroll[TUI_PANE_COUNT];  /* first row shown, per pane */
    size_t page[TUI_PANE_COUNT];    /* rows visible at the last draw */
    bool reveal[TUI_PANE_COUNT];    /* next draw scrolls to this step's news */
    size_t hex_scroll;

    bool lessons_on;            /* false with --no-lessons: no lesson pane */
    tls_lessons *lessons;       /* NULL when no folder was found */
    tls_lang lang;
    tui_lesson_cache lesson;

    double auto_seconds;        /* 0: off */
    tui_html_writer write_html; /* w's HTML handout, or NULL (tui.h) */
    bool auto_paused;
    double auto_due;            /* --auto: when the next step is due (monotonic
                                   seconds, set by the loop; 0: not counting) */

    bool live;                  /* the trace came from a real peer (--connect,
                                   --listen): shown as recorded, never re-run */
    tls_party live_peer;        /* live: the real peer, whose column holds only
                                   what tlssim's side could infer */
    const char *live_group;     /* live: the group's name, from the trace
                                   (NULL for RSA or an unknown group) */

    bool projector;             /* --projector: the projector pane (projector.h) */
    bool full_panes;            /* projector: the full panes shown instead (v) */
    bool quiz;                  /* --quiz: new values hidden until revealed */
    int quiz_step;              /* the step quiz_shown counts for */
    int quiz_shown;             /* values of quiz_step revealed so far */

    const tls_compare *cmp;     /* --compare: the comparison screen shows these
                                   runs (compare_screen.h); NULL otherwise */
    int cmp_row;                /* its current message (0..cmp->nrows-1) */

    tui_popup popup;
    char status[1024];          /* one-line message until the next key (long
                                   enough for two full paths) */
    char fatal[320];            /* why the TUI must stop (printed after the
                                   terminal is restored) */
    bool quit;
} tui_app;

/*
 * Run the handshake the description gives and open at --step.
 * Returns false (with a one-line reason in err) when the run cannot be made;
 * err is left empty when --lessons DIR named a folder that cannot be used
 * (the one-line error is printed already: a usage error, exit status 2).
 */
bool tui_app_init(tui_app *a, const tls_app_run *run, const tui_options *to, char *err,
                  size_t err_len);
/*
 * Open on a run recorded elsewhere (a live session): the app takes the
 * trace's events (`trace` is left empty) and keeps `res`.  The run's
 * live_info says who the peer was.  Returns false (with a one-line reason)
 * when no step was reached, e.g. the TCP connection was never made, and
 * like tui_app_init (err empty) for a bad --lessons DIR.
 */
bool tui_app_init_trace(tui_app *a, const tls_app_run *run, const tui_options *to,
                        tls_trace *trace, const tls_sim_result *res, char *err,
                        size_t err_len);
void tui_app_free(tui_app *a);

/* Show step n (clamped to the steps reached); resets selections to its news. */
void tui_app_goto(tui_app *a, int n);

/* Select record k on the channel and rebuild its dissection. */
void tui_app_select_record(tui_app *a, size_t k);

/* Re-run a->run (after a change of mode, suite, group or seed). */
bool tui_app_rerun(tui_app *a, int keep_step);

/* The key actions that change the run. */
void tui_app_restart_fresh(tui_app *a);
void tui_app_toggle_kx(tui_app *a);
void tui_app_cycle_group(tui_app *a);
void tui_app_cycle_suite(tui_app *a);
void tui_app_cycle_client_auth(tui_app *a);
void tui_app_cycle_resume(tui_app *a);
/** \brief e: the demo server certificate RSA <-> ECDSA, and re-run. */
void tui_app_toggle_server_cert(tui_app *a);
void tui_app_toggle_lang(tui_app *a);

/* Write the run's key log and pcap (--keylog/--pcap, else tlssim-<seed or
 * time>.keylog/.pcap here) and say where in the status line, fitted to
 * `width` columns. */
void tui_app_save(tui_app *a, int width);

/* Move focus by +1/-1 over the panes that exist. */
void tui_app_focus_next(tui_app *a, int dir);

/* Set the status line (printf-style). */
void tui_app_status(tui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A language's name as the terminal can show it ("中文", or "Chinese"). */
const char *tui_app_lang_name(tls_lang lang);

/* Whether a pane is a party's column (client, server, eavesdropper). */
bool tui_pane_is_party(tui_pane pane);

/* The party whose column a pane is (meaningful for those three panes). */
tls_party tui_pane_party(tui_pane pane);

/* The suite of the run: the configured one, else the default of its key
 * exchange (a live run's configuration holds the negotiated suite). */
const tls_suite *tui_app_suite(const tui_app *a);

#endif
