/* The ladder (sequence) diagram of a run, as inline SVG: the client's and
 * the server's lifelines, one arrow per message of the run's steps and per
 * record after the handshake, protected records drawn differently, where
 * both sides derive their keys, and where the run failed.  An attacked run
 * (the attack lab) has the attacker's lifeline between them, marked where
 * it changed what crossed. */
#include <string.h>

#include "html_internal.h"
#include "tlssim/handshake.h"
#include "tlssim/i18n.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"

enum { WIDTH = 640, X_CLIENT = 100, X_SERVER = 540, TOP = 64, ROW = 44, MAX_ROWS = 64 };

/* One row of the diagram: an arrow, a band (keys derived) or a failure. */
typedef enum row_kind { ROW_MESSAGE, ROW_KEYS, ROW_FAILED } row_kind;

typedef struct row {
    row_kind kind;
    int step;
    tls_party sender;
    const char *name;       /* message or record type name */
    size_t bytes;           /* on the wire, record headers included */
    bool is_protected, skipped;
    bool changed;           /* the attacker changed a record of it */
} row;

typedef struct rows {
    row r[MAX_ROWS];
    size_t n;
} rows;

static void rows_add(rows *rs, row r)
{
    if (rs->n < MAX_ROWS)
        rs->r[rs->n++] = r;
}

/* What the sender of step \p step put on the wire in that step. */
static void step_records(const tls_trace *t, int step, tls_party sender, row *r)
{
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_RECORD || e->step != step || e->party != sender)
            continue;
        r->bytes += e->len;
        r->is_protected |= e->is_protected;
        r->changed |= e->changed_len > 0;
    }
}

/* Whether the attack lab's attacker is in the run (it always notes that it
 * sits on the channel). */
static bool attacked(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].party == TLS_PARTY_ATTACKER)
            return true;
    return false;
}

static const tls_event *step_event(const tls_trace *t, int step)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_STEP && t->ev[i].step == step)
            return &t->ev[i];
    return NULL;
}

/* The rows, in the order the run went. */
static void collect(const tls_trace *t, const tls_sim_result *res, rows *rs)
{
    const tls_flow *flow = tls_sim_result_flow(res);
    bool failed = !res->ok;
    if (failed && res->failed_step == 0)
        rows_add(rs, (row){.kind = ROW_FAILED, .sender = res->failed_party});
    for (int step = 1; step <= flow->n; step++) {
        const tls_event *e = step_event(t, step);
        if (!e)
            continue;
        row r = {.kind = ROW_MESSAGE, .step = step, .sender = e->party, .name = e->name,
                 .skipped = e->skipped};
        step_records(t, step, e->party, &r);
        rows_add(rs, r);
        if (failed && res->failed_step == step)
            rows_add(rs, (row){.kind = ROW_FAILED, .step = step, .sender = res->failed_party});
        else if (!e->skipped && tls_flow_msg(flow, step)->keys_after)
            rows_add(rs, (row){.kind = ROW_KEYS, .step = step});
    }
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_RECORD || e->step != TLS_STEP_AFTER)
            continue;
        const char *ct = tls_content_type_name(e->content_type);
        rows_add(rs, (row){.kind = ROW_MESSAGE, .step = TLS_STEP_AFTER, .sender = e->party,
                           .name = ct ? ct : "?", .bytes = e->len,
                           .is_protected = e->is_protected, .changed = e->changed_len > 0});
    }
    if (failed && res->failed_step == TLS_STEP_AFTER)
        rows_add(rs, (row){.kind = ROW_FAILED, .step = TLS_STEP_AFTER,
                           .sender = res->failed_party});
}

static int party_x(tls_party p) { return p == TLS_PARTY_CLIENT ? X_CLIENT : X_SERVER; }

static void draw_message(FILE *out, const row *r, int y)
{
    int from = party_x(r->sender), to = r->sender == TLS_PARTY_CLIENT ? X_SERVER : X_CLIENT;
    const char *cls = r->skipped ? "msg skipped" : r->is_protected ? "msg prot" : "msg";
    fprintf(out, "<g class=\"%s\" data-step=\"%d\" data-message=\"", cls, r->step);
    html_esc(out, r->name);
    fprintf(out, "\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#%s)\"/>",
            from, y, to + (to > from ? -2 : 2), y, r->is_protected ? "arrow-prot" : "arrow");
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", WIDTH / 2, y - 7);
    if (r->skipped)
        html_escf(out, _("%s (skipped)"), r->name);
    else if (r->is_protected)
        html_escf(out, _("%s, %zu bytes, encrypted"), r->name, r->bytes);
    else
        html_escf(out, _("%s, %zu bytes"), r->name, r->bytes);
    fputs("</text>", out);
    /* Where the attacker changed it: a mark on its lifeline. */
    if (r->changed) {
        fprintf(out, "<circle class=\"changed\" cx=\"%d\" cy=\"%d\" r=\"6\"><title>", WIDTH / 2,
                y);
        html_esc(out, _("changed by the attacker"));
        fputs("</title></circle>", out);
    }
    fputs("</g>\n", out);
}

static void draw_keys(FILE *out, int y)
{
    fprintf(out, "<g class=\"keys\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" rx=\"4\"/>",
            X_CLIENT - 60, y - 14, X_SERVER - X_CLIENT + 120);
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", WIDTH / 2, y);
    html_esc(out, _("both sides derive the master secret and the keys"));
    fputs("</text></g>\n", out);
}

static void draw_failed(FILE *out, const row *r, const tls_sim_result *res, int y)
{
    int x = party_x(r->sender);
    char why[sizeof res->why_text.values + 512];
    const char *reason = res->why_text.id != TLS_TEXT_NONE
                             ? tls_i18n_text_into(&res->why_text, why, sizeof why)
                             : res->why;
    fprintf(out, "<g class=\"failed\"><path d=\"M%d %d l12 12 M%d %d l-12 12\"/>", x - 6,
            y - 12, x + 6, y - 12);
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", WIDTH / 2, y + 14);
    /* The reason can be long: the label names who stopped, the tooltip and
     * the failure section below say why. */
    html_escf(out, _("the %s stopped the handshake here"), _(tls_party_name(r->sender)));
    fprintf(out, "</text><title>");
    html_esc(out, reason);
    fputs("</title></g>\n", out);
}

static void draw_heads(FILE *out, int height, bool attacker)
{
    const char *names[3] = {_("Client"), _("Server"), _("Attacker")};
    const int xs[3] = {X_CLIENT, X_SERVER, WIDTH / 2};
    for (int i = 0; i < (attacker ? 3 : 2); i++) {
        fprintf(out, "<g class=\"party%s\"><rect x=\"%d\" y=\"8\" width=\"140\" height=\"28\" "
                     "rx=\"4\"/><text x=\"%d\" y=\"27\" text-anchor=\"middle\">",
                i == 2 ? " attacker" : "", xs[i] - 70, xs[i]);
        html_esc(out, names[i]);
        fprintf(out, "</text><line class=\"life\" x1=\"%d\" y1=\"36\" x2=\"%d\" y2=\"%d\"/></g>\n",
                xs[i], xs[i], height - 8);
    }
}

void html_ladder(FILE *out, const tls_trace *t, const tls_sim_result *res)
{
    rows rs = {.n = 0};
    collect(t, res, &rs);
    int height = TOP + (int)rs.n * ROW;
    fprintf(out, "<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"ladder-title\">\n",
            WIDTH, height);
    fputs("<title id=\"ladder-title\">", out);
    html_esc(out, _("The handshake as a ladder diagram"));
    /* Arrowheads in user units: a protected record's thicker line keeps the same head. */
    fputs("</title>\n<defs>", out);
    const char *ids[2] = {"arrow", "arrow-prot"};
    for (int i = 0; i < 2; i++)
        fprintf(out, "<marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                     "markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" "
                     "orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker>", ids[i]);
    fputs("</defs>\n", out);
    draw_heads(out, height, attacked(t));
    for (size_t i = 0; i < rs.n; i++) {
        int y = TOP + (int)i * ROW + ROW / 2;
        if (rs.r[i].kind == ROW_MESSAGE)
            draw_message(out, &rs.r[i], y);
        else if (rs.r[i].kind == ROW_KEYS)
            draw_keys(out, y);
        else
            draw_failed(out, &rs.r[i], res, y);
    }
    fputs("</svg>\n", out);
}
