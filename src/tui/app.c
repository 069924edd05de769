/* TUI state and the actions keys trigger: see app.h. */
#include "app.h"
#include "save.h"
#include "theme.h"
#include "tlssim/i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool tui_pane_is_party(tui_pane pane)
{
    return pane == TUI_PANE_CLIENT || pane == TUI_PANE_SERVER || pane == TUI_PANE_WIRE ||
           pane == TUI_PANE_ATTACKER;
}

tls_party tui_pane_party(tui_pane pane)
{
    return pane == TUI_PANE_CLIENT ? TLS_PARTY_CLIENT
         : pane == TUI_PANE_SERVER ? TLS_PARTY_SERVER
         : pane == TUI_PANE_ATTACKER ? TLS_PARTY_ATTACKER : TLS_PARTY_WIRE;
}

void tui_app_status(tui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
}

static void free_run(tui_app *a)
{
    tui_model_free(&a->model);
    tls_trace_free(&a->trace);
    for (int p = 0; p < TUI_PARTY_COUNT; p++) {
        free(a->items[p]);
        a->items[p] = NULL;
        a->n_items[p] = 0;
    }
    free(a->rows);
    a->rows = NULL;
    a->n_rows = a->rows_cap = a->items_cap = 0;
    a->n_records = a->sel[TUI_PANE_RECORDS] = 0;
}

/* Build the per-step index and the buffers over a->trace, however it was
 * recorded. */
static bool index_run(tui_app *a, char *err, size_t err_len)
{
    if (a->trace.oom || !tui_model_init(&a->model, &a->trace, tls_sim_result_flow(&a->res))) {
        snprintf(err, err_len, "%s", _("out of memory"));
        return false;
    }
    if (a->model.last_step == 0) {
        char why[sizeof a->res.why_text.values + 512];
        snprintf(err, err_len, _("the handshake did not start: %s"),
                 tls_i18n_text_into(&a->res.why_text, why, sizeof why));
        return false;
    }
    a->items_cap = a->trace.n ? a->trace.n : 1;
    a->rows_cap = 64;
    bool oom = false;
    for (int p = 0; p < TUI_PARTY_COUNT; p++)
        oom |= !(a->items[p] = calloc(a->items_cap, sizeof *a->items[p]));
    a->rows = calloc(a->rows_cap, sizeof *a->rows);
    if (oom || !a->rows) {
        snprintf(err, err_len, "%s", _("out of memory"));
        return false;
    }
    a->generation++;
    return true;
}

/* Run the whole handshake once; stepping is then a replay of this trace. */
static bool run(tui_app *a, char *err, size_t err_len)
{
    free_run(a);
    tls_trace_init(&a->trace);
    tls_app_run_go(&a->run, &a->trace, &a->res);
    return index_run(a, err, err_len);
}

/* What every run shares: the description, focus, --auto and the lessons,
 * opened as the text walkthrough opens them.  Returns false when --lessons
 * DIR named a folder that cannot be used (tls_app_lessons_open said why). */
static bool init_common(tui_app *a, const tls_app_run *run, const tui_options *to, char *err,
                        size_t err_len)
{
    memset(a, 0, sizeof *a);
    a->run = *run;
    a->focus = TUI_PANE_FIELDS;
    a->auto_seconds = to->auto_seconds;
    a->write_html = to->write_html;
    a->projector = to->projector || to->quiz;
    a->quiz = to->quiz;
    a->lessons_on = !run->no_lessons;
    a->lang = run->lang;
    bool fatal = false;
    a->lessons = tls_app_lessons_open(run, &fatal);
    if (fatal) {
        snprintf(err, err_len, "%s", "");
        return false;
    }
    if (a->lessons_on && !a->lessons)
        tui_app_status(a, "%s", _("no lessons found (showing one-line summaries): "
                                  "set --lessons DIR or $TLSSIM_LESSONS"));
    return true;
}

bool tui_app_init(tui_app *a, const tls_app_run *r, const tui_options *to, char *err,
                  size_t err_len)
{
    if (!init_common(a, r, to, err, err_len))
        return false;
    if (!run(a, err, err_len))
        return false;
    tui_app_goto(a, to->start_step ? to->start_step : 1);
    return true;
}

/* A live run's configuration is what was negotiated, not what the options
 * defaulted to: the title and the lessons (RSA or ECDHE) follow it. */
static void adopt_live_config(tui_app *a)
{
    const tls_live_info *li = &a->run.live_info;
    a->live = true;
    a->live_peer = a->run.live.role == TLS_LIVE_LISTEN ? TLS_PARTY_CLIENT : TLS_PARTY_SERVER;
    a->run.sim.seeded = false;
    a->run.sim.scenario = NULL;
    if (li->suite) {
        a->run.sim.suite = li->suite;
        a->run.sim.kx = li->suite->kx;
        a->run.sim.ems = li->ems;
    }
    /* The group's name, as the core wrote it beside the named_group value
     * on the wire (NULL for RSA, or a group it does not know). */
    const tls_event *g = tls_trace_find_value(&a->trace, TLS_VALUE_NAMED_GROUP, TLS_PARTY_WIRE,
                                              TLS_STEP_AFTER);
    a->live_group = g && g->text && g->text[0] ? g->text : NULL;
}

bool tui_app_init_trace(tui_app *a, const tls_app_run *r, const tui_options *to,
                        tls_trace *trace, const tls_sim_result *res, char *err,
                        size_t err_len)
{
    if (!init_common(a, r, to, err, err_len))
        return false;
    a->trace = *trace;
    tls_trace_init(trace);
    a->res = *res;
    /* A capture's configuration was adopted by the app layer already. */
    if (r->mode == TLS_APP_LIVE)
        adopt_live_config(a);
    if (!index_run(a, err, err_len))
        return false;
    tui_app_goto(a, to->start_step ? to->start_step : 1);
    return true;
}

void tui_app_free(tui_app *a)
{
    free_run(a);
    tls_ldoc_free(&a->lesson.doc);
    if (a->lessons)
        tls_lessons_close(a->lessons);
    a->lessons = NULL;
}

static void grow_rows(tui_app *a, size_t need)
{
    if (need <= a->rows_cap)
        return;
    tui_row *r = realloc(a->rows, need * sizeof *r);
    if (!r)
        return;
    a->rows = r;
    a->rows_cap = need;
}

void tui_app_select_record(tui_app *a, size_t k)
{
    a->sel[TUI_PANE_RECORDS] = k;
    size_t n = tui_model_tree(&a->model, k, a->rows, a->rows_cap);
    if (n > a->rows_cap) {
        grow_rows(a, n);
        n = tui_model_tree(&a->model, k, a->rows, a->rows_cap);
    }
    a->n_rows = n < a->rows_cap ? n : a->rows_cap;
    a->sel[TUI_PANE_FIELDS] = 0;
    a->scroll[TUI_PANE_FIELDS] = 0;
    a->hex_scroll = 0;
}

void tui_app_goto(tui_app *a, int n)
{
    if (n < 1)
        n = 1;
    if (n > a->model.last_step)
        n = a->model.last_step;
    a->step = n;
    for (int pane = 0; pane < TUI_PANE_COUNT; pane++) {
        if (!tui_pane_is_party((tui_pane)pane))
            continue;
        tls_party p = tui_pane_party((tui_pane)pane);
        size_t cnt = tui_model_items(&a->model, p, n, a->items[p], a->items_cap);
        a->n_items[p] = cnt < a->items_cap ? cnt : a->items_cap;
        /* Open each column on what it learned at this step. */
        size_t sel = a->n_items[p] ? a->n_items[p] - 1 : 0;
        for (size_t i = 0; i < a->n_items[p]; i++)
            if (a->items[p][i].fresh) {
                sel = i;
                break;
            }
        a->sel[pane] = sel;
        a->reveal[pane] = true;
    }
    a->n_records = tui_model_records_at(&a->model, n);
    size_t k = a->n_records ? a->n_records - 1 : 0;
    for (size_t i = 0; i < a->n_records; i++)
        if (tui_model_record_step(&a->model, i) == n) {
            k = i;
            break;
        }
    tui_app_select_record(a, k);
    a->reveal[TUI_PANE_RECORDS] = true;
    a->scroll[TUI_PANE_LESSON] = 0;
}

bool tui_app_rerun(tui_app *a, int keep_step)
{
    char err[256];
    if (!run(a, err, sizeof err)) {
        /* The old run is gone and there is no new one: nothing left to show. */
        snprintf(a->fatal, sizeof a->fatal, _("re-running the handshake failed: %s"), err);
        a->quit = true;
        return false;
    }
    tui_app_goto(a, keep_step);
    return true;
}

/* r, m, g and s re-run the in-process handshake: a real peer cannot be
 * asked to do its handshake again from here. */
static bool refuse_live(tui_app *a)
{
    bool refuse = !tls_app_can_rerun(&a->run);
    if (refuse)
        tui_app_status(a, "%s", a->run.mode == TLS_APP_CAPTURE
                                    ? _("a capture cannot be replayed with other settings")
                                    : _("a live run cannot be replayed with other settings: run tlssim again"));
    return refuse;
}

void tui_app_restart_fresh(tui_app *a)
{
    if (refuse_live(a))
        return;
    tls_app_fresh(&a->run);
    if (tui_app_rerun(a, 1))
        tui_app_status(a, "%s", _("restarted with fresh randoms (no seed): every value is new"));
}

void tui_app_toggle_kx(tui_app *a)
{
    if (refuse_live(a))
        return;
    tls_app_toggle_kx(&a->run);
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with %s key exchange"), tls_kx_name(a->run.sim.kx));
}

void tui_app_cycle_group(tui_app *a)
{
    if (refuse_live(a))
        return;
    const tls_group_info *g = tls_app_next_group(&a->run);
    if (!g) {
        tui_app_status(a, "%s", _("groups apply to ECDHE only: press m to switch to ECDHE"));
        return;
    }
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with group %s"), g->name);
}

const tls_suite *tui_app_suite(const tui_app *a)
{
    return tls_app_suite(&a->run);
}

void tui_app_cycle_suite(tui_app *a)
{
    if (refuse_live(a))
        return;
    const tls_suite *next = tls_app_next_suite(&a->run);
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with %s"), next->name);
}

void tui_app_cycle_client_auth(tui_app *a)
{
    if (refuse_live(a))
        return;
    const char *policy = tls_app_next_client_auth(&a->run);
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with --client-auth %s"), policy);
}

void tui_app_cycle_resume(tui_app *a)
{
    if (refuse_live(a))
        return;
    const char *mode = tls_app_next_resume(&a->run);
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with --resume %s"), mode);
}

void tui_app_toggle_server_cert(tui_app *a)
{
    if (refuse_live(a))
        return;
    tls_key_kind kind = tls_app_toggle_server_cert(&a->run);
    if (tui_app_rerun(a, a->step))
        tui_app_status(a, _("re-ran the handshake with the %s server certificate"),
                       kind == TLS_KEY_ECDSA ? "ECDSA" : "RSA");
}

void tui_app_toggle_lang(tui_app *a)
{
    if (!a->lessons_on || !a->lessons) {
        tui_app_status(a, "%s", a->lessons_on ? _("no lessons were found, so there is no language to switch")
                                              : _("lessons are off (--no-lessons)"));
        return;
    }
    a->lang = a->lang == TLS_LANG_ZH ? TLS_LANG_EN : TLS_LANG_ZH;
    tls_i18n_set_lang(a->lang);
    a->scroll[TUI_PANE_LESSON] = 0;
    if (a->lang == TLS_LANG_ZH && !tui_theme_utf8())
        tui_app_status(a, "%s", _("lesson language: Chinese (this terminal's locale is not UTF-8, "
                                  "so its characters show as ?)"));
    else
        tui_app_status(a, _("lesson language: %s"), tui_app_lang_name(a->lang));
}

const char *tui_app_lang_name(tls_lang lang)
{
    if (tui_theme_utf8())
        return tls_lang_display_name(lang);
    return lang == TLS_LANG_ZH ? _("Chinese") : _("English");
}

void tui_app_focus_next(tui_app *a, int dir)
{
    int p = (int)a->focus;
    for (int tries = 0; tries < TUI_PANE_COUNT; tries++) {
        p = (p + dir + TUI_PANE_COUNT) % TUI_PANE_COUNT;
        if ((p == TUI_PANE_LESSON && !a->lessons_on) ||
            (p == TUI_PANE_ATTACKER && !a->run.attack))
            continue;
        break;
    }
    a->focus = (tui_pane)p;
}

/* The HTML handout beside the key log and pcap, in the language on
 * screen; said after their status. */
static void save_html(tui_app *a, const char *stem)
{
    char buf[80];
    const char *path = tui_save_path(a->run.html_path, stem, ".html", buf, sizeof buf);
    tls_app_run run = a->run;
    run.lang = a->lang;
    size_t n = strlen(a->status);
    if (!a->write_html(path, &run, &a->trace, &a->res, a->lessons_on ? a->lessons : NULL)) {
        snprintf(a->status + n, sizeof a->status - n, _("; cannot write %s: %s"), path,
                 tls_i18n_strerror(errno));
        return;
    }
    char *full = realpath(path, NULL);
    snprintf(a->status + n, sizeof a->status - n, _("; the HTML handout %s"), full ? full : path);
    free(full);
}

void tui_app_save(tui_app *a, int width)
{
    char stem[64], keylog[80], pcap[80];
    tui_save_stem(a->run.sim.seeded, a->run.sim.seed, time(NULL), stem, sizeof stem);
    tui_save_files(&a->trace,
                   tui_save_path(a->run.keylog_path, stem, ".keylog", keylog, sizeof keylog),
                   tui_save_path(a->run.pcap_path, stem, ".pcap", pcap, sizeof pcap),
                   width, a->status, sizeof a->status);
    if (a->write_html)
        save_html(a, stem);
}
