/* Compare mode's text and JSON (tlssim/render.h): the runs aligned by
 * message, each row's events per run, and what differs — every fact from
 * tls_compare (tlssim/compare.h), which reads the traces and the value
 * catalogue. */
#include <stdlib.h>
#include <string.h>

#include "tlssim/render.h"
#include "tlssim/handshake.h"
#include "tlssim/i18n.h"
#include "tlssim_config.h"
#include "render_internal.h"

/* ------------------------------------------------------------- text */

/* The names of the values set in \p set, or "-" when none. */
static void value_list(FILE *out, const bool *set)
{
    bool any = false;
    for (int k = 0; k < TLS_VALUE_COUNT; k++)
        if (set[k]) {
            fprintf(out, "%s%s", any ? ", " : "", tls_value_name((tls_value_kind)k));
            any = true;
        }
    if (!any)
        fputc('-', out);
}

/* Where run \p i's pre-master came from, in one sentence. */
static void origin_text(FILE *out, const tls_compare *c, int i)
{
    tls_compare_origin o;
    tls_compare_origin_of(c, i, &o);
    if (o.derived)
        fputs(_("derived by each side from the key shares "), out);
    else if (o.step)
        fprintf(out, _("chosen by the %s, sent sealed to the server's key in "),
                _(tls_party_name(o.chosen_by)));
    else
        fputs(_("never known"), out);
    if (o.step)
        value_list(out, o.carried);
    fputc('\n', out);
}

/* The differences at a row: one line per fact that differs, a value per run. */
static void text_differences(FILE *out, const tls_compare *c, int row)
{
    unsigned d = tls_compare_differs(c, row);
    if (!d) {
        fprintf(out, "\n%s\n", _("Differences: none (same message, same bytes, same exposure)"));
        return;
    }
    fprintf(out, "\n%s\n", _("Differences:"));
    for (int i = 0; i < c->n; i++) {
        tls_compare_facts f;
        tls_compare_facts_of(c, row, i, &f);
        fprintf(out, "  * %-8s ", c->label[i]);
        if (d & TLS_COMPARE_DIFF_PRESENT)
            fputs(f.present && !f.skipped ? _("sent; ") : _("not sent; "), out);
        fprintf(out, _("%zu bytes crossed; the eavesdropper learns "), f.bytes);
        value_list(out, f.wire);
        if (d & TLS_COMPARE_DIFF_SIGNED) {
            fputs(_("; signed: "), out);
            value_list(out, f.signed_);
        }
        fputc('\n', out);
        if ((d & TLS_COMPARE_DIFF_PRE_MASTER) && f.pre_master) {
            fprintf(out, "             %s ", _("pre-master secret:"));
            origin_text(out, c, i);
        }
    }
}

/* Run \p i's part of a row: its step's events, or why it has none. */
static void text_run_block(FILE *out, const tls_compare *c, int row, int i)
{
    const tls_compare_run *cr = &c->runs[i];
    const tls_flow *flow = tls_sim_result_flow(&cr->res);
    tls_compare_facts f;
    tls_compare_facts_of(c, row, i, &f);
    fputc('\n', out);
    if (!f.present) {
        fprintf(out, _("--- %s: not in this handshake ---\n"), c->label[i]);
    } else if (!f.reached) {
        fprintf(out, _("--- %s: step %d/%d: not reached ---\n"), c->label[i],
                c->rows[row].step[i], flow->n);
    } else if (f.skipped) {
        char *why = f.skip_msg ? tls_i18n_text(f.skip_msg) : NULL;
        fprintf(out, _("--- %s: step %d/%d: skipped: %s ---\n"), c->label[i],
                c->rows[row].step[i], flow->n, why ? why : f.skip_text ? f.skip_text : "");
        free(why);
    } else {
        fprintf(out, _("--- %s: step %d/%d ---\n"), c->label[i], c->rows[row].step[i], flow->n);
        tls_render_text_events(out, &cr->trace, c->rows[row].step[i]);
    }
}

/* What a recording of each run gives whoever later steals the server's key. */
static void text_leaks(FILE *out, const tls_compare *c)
{
    fprintf(out, "\n%s\n", _("If the server's certificate key leaks later, a recording of each run reveals:"));
    for (int i = 0; i < c->n; i++) {
        tls_compare_leak l;
        tls_compare_leak_of(c, i, &l);
        fprintf(out, "  * %-8s ", c->label[i]);
        if (!l.reveals) {
            fputs(_("nothing: its pre-master came from key shares whose private halves were "
                    "never sent (forward secrecy)\n"), out);
            continue;
        }
        value_list(out, l.values);
        fputs(_(", opened from "), out);
        value_list(out, l.sealed);
        fputc('\n', out);
    }
}

/* The end: each run's verdict, the bytes, the pre-master, the leak. */
static void text_summary(FILE *out, const tls_compare *c)
{
    fprintf(out, "\n%s\n", _("=== Compared ==="));
    for (int i = 0; i < c->n; i++) {
        const tls_compare_run *cr = &c->runs[i];
        fprintf(out, _("  * %-8s %zu handshake bytes crossed; pre-master secret "),
                c->label[i], tls_compare_total_bytes(c, i));
        origin_text(out, c, i);
        if (!cr->res.ok)
            tls_render_text_failure(out, &cr->res);
    }
    text_leaks(out, c);
}

void tls_print_compare_text(FILE *out, const tls_compare *c, const tls_lessons *ls)
{
    fprintf(out, _("tlssim: %d TLS 1.2 handshakes side by side, with the same seed\n"), c->n);
    for (int i = 0; i < c->n; i++) {
        fprintf(out, "  [%s] ", c->label[i]);
        tls_render_text_sim_header(out, &c->runs[i].run);
    }
    for (int row = 0; row < c->nrows; row++) {
        const tls_msg_info *m = tls_msg_info_get(c->rows[row].kind);
        fprintf(out, _("\n=== %d. %s ===\n"), row + 1, tls_i18n_template(m->title));
        fprintf(out, "%s\n", tls_i18n_template(m->teaches));
        for (int i = 0; i < c->n; i++)
            text_run_block(out, c, row, i);
        text_differences(out, c, row);
    }
    text_summary(out, c);
    if (ls)
        tls_render_text_lesson(out, ls, "comparison", c->runs[0].run.lang, &c->runs[0].trace, NULL,
                               TLS_STEP_AFTER);
}

/* ------------------------------------------------------------- JSON */

static void json_values(FILE *out, const bool *set)
{
    fputc('[', out);
    bool any = false;
    for (int k = 0; k < TLS_VALUE_COUNT; k++)
        if (set[k]) {
            fprintf(out, "%s\"%s\"", any ? "," : "", tls_value_name((tls_value_kind)k));
            any = true;
        }
    fputc(']', out);
}

static void json_origin(FILE *out, const tls_compare *c, int i)
{
    tls_compare_origin o;
    tls_compare_origin_of(c, i, &o);
    fprintf(out, "{\"step\":%d,\"chosen_by\":", o.step);
    if (o.derived || !o.step)
        fputs(o.derived ? "\"both\"" : "null", out);
    else
        fprintf(out, "\"%s\"", tls_party_name(o.chosen_by));
    fprintf(out, ",\"derived\":%s,\"from\":", o.derived ? "true" : "false");
    json_values(out, o.carried);
    fputc('}', out);
}

static const char *const diff_names[] = {"sent", "bytes", "eavesdropper_learns", "signed",
                                         "pre_master"};

/* One run at one row; \p holds accumulates what the eavesdropper holds. */
static void json_row_run(FILE *out, const tls_compare *c, int row, int i, bool *holds)
{
    tls_compare_facts f;
    tls_compare_facts_of(c, row, i, &f);
    for (int k = 0; k < TLS_VALUE_COUNT; k++)
        holds[k] = holds[k] || f.wire[k];
    fprintf(out, "{\"run\":%d,\"label\":", i);
    tls_render_json_str(out, c->label[i]);
    fputs(",\"step\":", out);
    if (f.present)
        fprintf(out, "%d", c->rows[row].step[i]);
    else
        fputs("null", out);
    fprintf(out, ",\"sent\":%s,\"skip_reason\":", f.reached && !f.skipped ? "true" : "false");
    tls_render_json_str(out, f.present ? f.skip_text : "not in this handshake's flow");
    fprintf(out, ",\"bytes\":%zu,\"eavesdropper_learns\":", f.bytes);
    json_values(out, f.wire);
    fputs(",\"eavesdropper_holds\":", out);
    json_values(out, holds);
    fputs(",\"signed\":", out);
    json_values(out, f.signed_);
    fputs(",\"pre_master\":", out);
    if (f.pre_master)
        json_origin(out, c, i);
    else
        fputs("null", out);
    fputc('}', out);
}

static void json_rows(FILE *out, const tls_compare *c)
{
    bool holds[TLS_COMPARE_MAX][TLS_VALUE_COUNT];
    memset(holds, 0, sizeof holds);
    fputs(" \"differences\":[", out);
    for (int row = 0; row < c->nrows; row++) {
        const tls_msg_info *m = tls_msg_info_get(c->rows[row].kind);
        unsigned d = tls_compare_differs(c, row);
        fprintf(out, "%s\n  {\"row\":%d,\"message\":", row ? "," : "", row + 1);
        tls_render_json_str(out, m->message);
        fputs(",\"title\":", out);
        tls_render_json_str(out, tls_msg_title(m));
        fputs(",\"differs\":[", out);
        bool any = false;
        for (unsigned b = 0; b < sizeof diff_names / sizeof diff_names[0]; b++)
            if (d & (1u << b)) {
                fprintf(out, "%s\"%s\"", any ? "," : "", diff_names[b]);
                any = true;
            }
        fputs("],\"runs\":[", out);
        for (int i = 0; i < c->n; i++) {
            fputs(i ? ",\n   " : "\n   ", out);
            json_row_run(out, c, row, i, holds[i]);
        }
        fputs("]}", out);
    }
    fputs("\n ],\n", out);
}

static void json_leaks(FILE *out, const tls_compare *c)
{
    fputs(" \"leaked_server_key\":[", out);
    for (int i = 0; i < c->n; i++) {
        tls_compare_leak l;
        tls_compare_leak_of(c, i, &l);
        fprintf(out, "%s\n  {\"run\":%d,\"label\":", i ? "," : "", i);
        tls_render_json_str(out, c->label[i]);
        fprintf(out, ",\"handshake_bytes\":%zu,\"pre_master\":", tls_compare_total_bytes(c, i));
        json_origin(out, c, i);
        fprintf(out, ",\"recording_decryptable\":%s,\"reveals\":", l.reveals ? "true" : "false");
        json_values(out, l.values);
        fputs(",\"opened_from\":", out);
        json_values(out, l.sealed);
        fputc('}', out);
    }
    fputs("\n ]\n", out);
}

void tls_print_compare_json(FILE *out, const tls_compare *c)
{
    fprintf(out, "{\"tlssim_version\":\"%s\",\n \"compare\":[", TLSSIM_VERSION);
    for (int i = 0; i < c->n; i++) {
        fputs(i ? "," : "", out);
        tls_render_json_str(out, c->label[i]);
    }
    fprintf(out, "],\n \"seed\":%llu,\n \"runs\":[\n",
            (unsigned long long)c->runs[0].run.sim.seed);
    for (int i = 0; i < c->n; i++) {
        if (i)
            fputs(",\n", out);
        tls_print_json(out, &c->runs[i].run, &c->runs[i].trace, &c->runs[i].res);
    }
    fputs(" ],\n", out);
    json_rows(out, c);
    json_leaks(out, c);
    fputs("}\n", out);
}
