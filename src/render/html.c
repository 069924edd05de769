/*
 * The HTML handout: one self-contained page of a finished run (inline CSS
 * and SVG, no scripts, nothing fetched) that a teacher can print on A4 or
 * put on a learning-management system.  A ladder diagram of the run's flow,
 * then step by step what each side knows, what an eavesdropper sees, the
 * dissection with its hex, and the lesson.  Steps are iterated over the
 * run's flow, as the text walkthrough does.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "render_internal.h"
#include "tlssim/handshake.h"
#include "tlssim/i18n.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"
#include "tlssim/render.h"

static const char CSS[] =
    ":root{color-scheme:light}"
    "body{font-family:system-ui,'Noto Sans CJK SC','Noto Sans',sans-serif;line-height:1.45;"
    "color:#111;background:#fff;max-width:60rem;margin:0 auto;padding:0 1rem 2rem}"
    "h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #246;margin-top:2rem}"
    "h3{font-size:1.05rem;margin-bottom:.3rem}h4{font-size:1rem}"
    "code,pre,.hex{font-family:'DejaVu Sans Mono',monospace}"
    ".hex{word-break:break-all;overflow-wrap:anywhere;font-size:.85rem}"
    "pre{overflow-x:auto;font-size:.8rem;background:#f6f6f4;padding:.4rem;border:1px solid #ddd}"
    "table{border-collapse:collapse;width:100%;margin:.3rem 0}"
    "th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:left;vertical-align:top}"
    "th{background:#eef}.secret{color:#a00}.badge{font-size:.75rem;border:1px solid;"
    "border-radius:3px;padding:0 .2rem;margin-left:.3rem}"
    ".ok{color:#060}.fail,.failure{color:#a00;font-weight:bold}.skipped{color:#777}"
    ".lesson{border-left:4px solid #8ab;padding-left:.8rem;margin-top:1rem}"
    ".lesson .v{font-family:monospace;word-break:break-all}.lesson .missing{color:#777}"
    "figure.ladder{margin:1rem 0;overflow-x:auto}"
    "svg.ladder{width:100%;min-width:30rem;max-width:48rem;height:auto;display:block;"
    "margin:0 auto}"
    "h1,h2,h3,h4,p,li,td{overflow-wrap:anywhere}"
    "svg.ladder text{font-size:13px;fill:#111}"
    "svg.ladder .party rect{fill:#eef;stroke:#246}svg.ladder .life{stroke:#246;"
    "stroke-dasharray:4 3}svg.ladder .msg line{stroke:#111;stroke-width:1.5}"
    "svg.ladder .prot line{stroke:#075;stroke-width:3}svg.ladder .prot text{fill:#075}"
    "svg.ladder .skipped line{stroke:#999;stroke-dasharray:2 4}"
    "svg.ladder .skipped text{fill:#777}svg.ladder #arrow path{fill:#111}svg.ladder #arrow-prot path{fill:#075}"
    "svg.ladder .keys rect{fill:#ffe9a8;stroke:#b80}"
    "svg.ladder .attacker rect{fill:#fee;stroke:#a00}svg.ladder .attacker .life{stroke:#a00}"
    "svg.ladder .changed{fill:#c00}"
    "svg.ladder .failed path{stroke:#a00;stroke-width:3}svg.ladder .failed text{fill:#a00}"
    ".scroll{overflow-x:auto}"
    "@media (max-width:40rem){body{padding:0 .4rem}th,td{font-size:.85rem}}"
    "@media print{@page{size:A4;margin:14mm 12mm}body{max-width:none;font-size:10pt;padding:0}"
    "section.step{break-before:page}h2,h3,h4{break-after:avoid}"
    "tr,figure,svg,.lesson p{break-inside:avoid}"
    "pre{white-space:pre-wrap;word-break:break-all;overflow:visible;font-size:7.5pt}"
    ".scroll,figure.ladder{overflow:visible}svg.ladder{min-width:0}th{background:none}}";

/* A translated sentence, formatted and escaped, in an element; a trailing
 * newline (the text walkthrough's msgids end in one) is dropped and the
 * lines the walkthrough wraps are joined (a space after a Latin word,
 * nothing after a Chinese character, as the sentence reads unwrapped). */
static void tagf(FILE *out, const char *tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void tagf(FILE *out, const char *tag, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '\n')
        buf[--n] = '\0';
    for (char *nl = buf; (nl = strchr(nl, '\n'));)
        if (nl > buf && (unsigned char)nl[-1] >= 0x80)
            memmove(nl, nl + 1, strlen(nl + 1) + 1);
        else
            *nl++ = ' ';
    fprintf(out, "<%s>", tag);
    html_esc(out, buf);
    fprintf(out, "</%.*s>\n", (int)strcspn(tag, " "), tag); /* the name, not the attributes */
}

static const char *party(tls_party p) { return _(tls_party_name(p)); }

static const char *direction(tls_party sender)
{
    return sender == TLS_PARTY_CLIENT ? _("client → server") : _("server → client");
}

/* ------------------------------------------------------------ values */

static void mark(FILE *out, bool known)
{
    fputs(known ? "<td class=\"ok\">✓</td>" : "<td>–</td>", out);
}

/* Whether the attack lab's attacker is in the run (it has a column then). */
static bool has_attacker(const tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].party == TLS_PARTY_ATTACKER)
            return true;
    return false;
}

/* Who knows which value by the end of \p step: the client, the server,
 * an eavesdropper on the wire (and in the attack lab, the attacker). */
static void knows_table(FILE *out, const tls_trace *t, int step, bool capture)
{
    bool any = false, att = has_attacker(t);
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_event *c = tls_trace_find_value(t, (tls_value_kind)k, TLS_PARTY_CLIENT, step);
        const tls_event *s = tls_trace_find_value(t, (tls_value_kind)k, TLS_PARTY_SERVER, step);
        const tls_event *w = tls_trace_find_value(t, (tls_value_kind)k, TLS_PARTY_WIRE, step);
        const tls_event *a = tls_trace_find_value(t, (tls_value_kind)k, TLS_PARTY_ATTACKER, step);
        if (!c && !s && !w && !a)
            continue;
        if (!any) {
            tagf(out, "h3", "%s", capture ? _("What the capture proves each side sent or knows, "
                                              "and what the key material lets us compute, by now")
                                          : _("Who knows what by now"));
            fprintf(out, "<div class=\"scroll\"><table class=\"knows\"><tr><th>%s</th>",
                    _("Value"));
            tagf(out, "th", "%s", party(TLS_PARTY_CLIENT));
            tagf(out, "th", "%s", party(TLS_PARTY_SERVER));
            tagf(out, "th", "%s", _("eavesdropper"));
            if (att)
                tagf(out, "th", "%s", party(TLS_PARTY_ATTACKER));
            fputs("</tr>\n", out);
            any = true;
        }
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        fprintf(out, "<tr%s><td><code>%s</code>", v->secret ? " class=\"secret\"" : "", v->name);
        if (v->secret)
            tagf(out, "span class=\"badge\"", "%s", _("secret"));
        fputs("</td>", out);
        mark(out, c);
        mark(out, s);
        mark(out, w);
        if (att)
            mark(out, a);
        fputs("</tr>\n", out);
    }
    if (any)
        fputs("</table></div>\n", out);
}

/* One value a party learned: who, its name (secret marked), hex, meaning. */
static void value_row(FILE *out, const tls_event *e)
{
    const tls_value_info *v = tls_value_info_of(e->value);
    fprintf(out, "<tr class=\"value%s\" data-party=\"%s\" data-value=\"%s\"><td>",
            v->secret ? " secret" : "", tls_party_name(e->party), v->name);
    html_esc(out, party(e->party));
    fprintf(out, "</td><td><code>%s</code>", v->name);
    if (v->secret)
        tagf(out, "span class=\"badge\"", "%s", _("secret"));
    if (e->inferred)
        tagf(out, "span class=\"badge\"", "%s", _("inferred"));
    fputs("</td><td><span class=\"hex\">", out);
    html_hex(out, e->bytes, e->len);
    fputs("</span>", out);
    if (e->text) {
        fputs("<br>", out);
        html_esc(out, e->text);
    }
    fputs("</td></tr>\n", out);
}

/* The values of \p step known to the parties in \p wire_only's sense:
 * the endpoints' (false) or the eavesdropper's (true). */
static void values_table(FILE *out, const tls_trace *t, int step, bool wire, const char *title)
{
    bool any = false;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_VALUE || e->step != step || (e->party == TLS_PARTY_WIRE) != wire)
            continue;
        if (!any) {
            tagf(out, "h3", "%s", title);
            fputs("<div class=\"scroll\"><table class=\"values\">\n", out);
            any = true;
        }
        value_row(out, e);
    }
    if (any)
        fputs("</table></div>\n", out);
}

/* ------------------------------------------------------ dissection */

static void fields_table(FILE *out, const tls_dissect *d)
{
    fprintf(out, "<div class=\"scroll\"><table class=\"fields\"><tr><th>@</th><th>+</th>"
                 "<th>%s</th><th>%s</th></tr>\n", _("Field"), _("Value"));
    for (size_t i = 0; i < d->n; i++) {
        const tls_field *f = &d->fields[i];
        char value[1024];
        fprintf(out, "<tr><td>%zu</td><td>%zu</td><td style=\"padding-left:%.1fem\"><code>",
                f->offset, f->length, 0.4 + 1.2 * f->depth);
        html_esc(out, f->name);
        fputs("</code></td><td class=\"hex\">", out);
        html_esc(out, tls_i18n_field_value(f, value, sizeof value));
        fputs("</td></tr>\n", out);
    }
    fputs("</table></div>\n", out);
}

static void record_heading(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    const char *ct = tls_content_type_name(e->content_type);
    tagf(out, "h4", e->is_protected ? _("Record %zu (%s, %s, %zu bytes, encrypted)\n")
                                    : _("Record %zu (%s, %s, %zu bytes)\n"),
         tls_trace_record_number(t, i), direction(e->party), ct ? ct : _("unknown type"), e->len);
}

static void dissect_record(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    record_heading(out, t, i);
    fields_table(out, &e->dissect);
    html_hexdump(out, e->bytes, e->len);
    if (e->is_protected && e->plaintext) {
        char heading[512];
        tls_render_plaintext_heading(e, heading, sizeof heading);
        tagf(out, "p", "%s", heading);
        html_hexdump(out, e->plaintext, e->plaintext_len);
    }
}

static void dissect_message(FILE *out, const tls_event *e)
{
    char heading[512];
    tls_render_message_heading(e, heading, sizeof heading);
    tagf(out, "h4", "%s", heading);
    fields_table(out, &e->dissect);
    html_hexdump(out, e->bytes, e->len);
}

/* Checks, alerts and notes: the core's sentences in the chosen language. */
static void said(FILE *out, const tls_event *e, bool capture)
{
    char buf[2048];
    const char *s = tls_i18n_event_into(e, buf, sizeof buf);
    if (e->kind == TLS_EV_CHECK) {
        fprintf(out, "<li class=\"%s\">%s ", e->ok ? "ok" : "fail", e->ok ? "✓" : "✗");
        html_escf(out, capture ? _("checked here, as the %s would check %s: %s\n")
                               : _("%s checks %s: %s\n"),
                  party(e->party), tls_i18n_template(e->what), s);
    } else if (e->kind == TLS_EV_ALERT) {
        fputs("<li class=\"fail\">", out);
        html_escf(out, _("The %s sends a fatal alert: %s (%d): %s\n"), party(e->party),
                  tls_alert_name(e->alert_desc), e->alert_desc, s);
    } else {
        fputs("<li>", out);
        html_escf(out, "%s: %s", party(e->party), s);
    }
    fputs("</li>\n", out);
}

/* The step's records, messages and sentences, in the order they happened. */
static void step_events(FILE *out, const tls_trace *t, int step, bool capture)
{
    bool list = false;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->step != step)
            continue;
        bool sentence = e->kind == TLS_EV_CHECK || e->kind == TLS_EV_ALERT ||
                        e->kind == TLS_EV_NOTE;
        if (list && !sentence) {
            fputs("</ul>\n", out);
            list = false;
        }
        if (sentence && !list) {
            fputs("<ul class=\"said\">\n", out);
            list = true;
        }
        if (sentence)
            said(out, e, capture);
        else if (e->kind == TLS_EV_RECORD)
            dissect_record(out, t, i);
        else if (e->kind == TLS_EV_MESSAGE)
            dissect_message(out, e);
    }
    if (list)
        fputs("</ul>\n", out);
}

/* ------------------------------------------------------------ steps */

/* What crossed the wire in \p step, as an eavesdropper sees it: the
 * records (ciphertext only when protected) and the values it can read. */
static void eavesdropper(FILE *out, const tls_trace *t, int step)
{
    tagf(out, "h3", "%s", _("What an eavesdropper sees"));
    fputs("<ul class=\"wire\">\n", out);
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_RECORD || e->step != step)
            continue;
        const char *ct = tls_content_type_name(e->content_type);
        tagf(out, "li", e->is_protected ? _("Record %zu (%s, %s, %zu bytes, encrypted)\n")
                                        : _("Record %zu (%s, %s, %zu bytes)\n"),
             tls_trace_record_number(t, i), direction(e->party), ct ? ct : _("unknown type"),
             e->len);
    }
    fputs("</ul>\n", out);
    values_table(out, t, step, true, _("Values readable on the wire"));
}

static void step_section(FILE *out, const tls_app_run *r, const tls_lessons *ls,
                         const tls_trace *t, const tls_flow *flow, const tls_event *st)
{
    const tls_msg_info *m = tls_flow_msg(flow, st->step);
    fprintf(out, "<section class=\"step%s\" id=\"step-%d\" data-message=\"", st->skipped ?
            " skipped" : "", st->step);
    html_esc(out, m->message);
    fputs("\">\n", out);
    char h[512];
    snprintf(h, sizeof h, _("Step %d of %d: %s (%s)"), st->step, flow->n,
             tls_i18n_template(m->title), direction(m->sender));
    tagf(out, "h2", "%s", h);
    if (st->skipped) {
        char why[1024];
        tagf(out, "p", _("Skipped in this key exchange. %s\n"),
             tls_i18n_event_into(st, why, sizeof why));
    } else {
        tagf(out, "p", "%s", tls_i18n_template(m->teaches));
    }
    bool capture = r->mode == TLS_APP_CAPTURE;
    knows_table(out, t, st->step, capture);
    values_table(out, t, st->step, false, _("Values learned in this step"));
    eavesdropper(out, t, st->step);
    tagf(out, "h3", "%s", _("Dissection"));
    step_events(out, t, st->step, capture);
    html_lesson(out, r, ls, t, flow, st->step);
    fputs("</section>\n", out);
}

static void steps(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                  const tls_flow *flow)
{
    for (int step = 1; step <= flow->n; step++)
        for (size_t i = 0; i < t->n; i++)
            if (t->ev[i].kind == TLS_EV_STEP && t->ev[i].step == step) {
                step_section(out, r, ls, t, flow, &t->ev[i]);
                break;
            }
}

/* --------------------------------------------------- the end of the run */

/* The secrets both sides derived on their own, agreeing byte for byte (or not). */
static void agreement(FILE *out, const tls_trace *t)
{
    fputs("<div class=\"scroll\"><table class=\"agreed\">\n", out);
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        const tls_event *c, *s;
        if (!tls_render_agreed(t, (tls_value_kind)k, &c, &s) || !c || !s)
            continue;
        bool same = c->len == s->len && memcmp(c->bytes, s->bytes, c->len) == 0;
        fprintf(out, "<tr class=\"secret\"><td><code>%s</code></td><td class=\"%s\">", v->name,
                same ? "ok" : "fail");
        html_esc(out, party(TLS_PARTY_CLIENT));
        fputs(same ? " = " : " ≠ ", out);
        html_esc(out, party(TLS_PARTY_SERVER));
        fputs("</td><td><span class=\"hex\">", out);
        html_hex(out, c->bytes, c->len);
        fputs("</span></td></tr>\n", out);
    }
    fputs("</table></div>\n", out);
}

/* One secret per row, name and bytes: a capture's, computed here once
 * (the client's column holds it), or a live run's own side's. */
static void one_column_secrets(FILE *out, const tls_trace *t, bool live)
{
    fputs("<div class=\"scroll\"><table class=\"computed\">\n", out);
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_event *c, *s;
        if (!tls_render_agreed(t, (tls_value_kind)k, &c, &s))
            continue;
        const tls_event *v = live ? tls_render_own_value(c, s) : c;
        if (!v)
            continue;
        fprintf(out, "<tr class=\"secret\"><td><code>%s</code></td><td><span class=\"hex\">",
                tls_value_name((tls_value_kind)k));
        html_hex(out, v->bytes, v->len);
        fputs("</span></td></tr>\n", out);
    }
    fputs("</table></div>\n", out);
}

/* A capture's secrets, computed here once from the capture and the key
 * material, as the text summary lists them: no side computed them on its
 * own, so no "client = server" (their agreeing would prove nothing). */
static void capture_secrets(FILE *out, const tls_trace *t, bool opened)
{
    tagf(out, "p", "%s", tls_render_capture_secrets_said(opened));
    if (opened)
        one_column_secrets(out, t, false);
}

/* A live run's: the peer's memory cannot be read, its values are inferred
 * from its verified Finished (equal by construction), so tlssim's own
 * side's values, as the text summary lists them. */
static void live_secrets(FILE *out, const tls_trace *t)
{
    tagf(out, "p", "%s", tls_render_live_secrets_said());
    one_column_secrets(out, t, true);
}

/* What followed the handshake, then the page that teaches it. */
static void after(FILE *out, const tls_app_run *r, const tls_lessons *ls, const tls_trace *t,
                  const tls_flow *flow)
{
    bool any = false;
    for (size_t i = 0; i < t->n && !any; i++)
        any = t->ev[i].step == TLS_STEP_AFTER;
    if (!any)
        return;
    fputs("<section class=\"after\" id=\"after\">\n", out);
    tagf(out, "h2", "%s", _("After the handshake: application data, then close_notify"));
    eavesdropper(out, t, TLS_STEP_AFTER);
    tagf(out, "h3", "%s", _("Dissection"));
    step_events(out, t, TLS_STEP_AFTER, r->mode == TLS_APP_CAPTURE);
    html_lesson(out, r, ls, t, flow, TLS_STEP_AFTER);
    fputs("</section>\n", out);
}

static void failure(FILE *out, const tls_sim_result *res)
{
    char why[sizeof res->why_text.values + 512];
    const char *reason = res->why_text.id != TLS_TEXT_NONE
                             ? tls_i18n_text_into(&res->why_text, why, sizeof why)
                             : res->why;
    const tls_msg_info *m = res->failed_step > 0 && res->failed_step < TLS_STEP_AFTER
                                ? tls_flow_msg(tls_sim_result_flow(res), res->failed_step)
                                : NULL;
    fputs("<section class=\"failure\" id=\"failure\">\n", out);
    if (m)
        tagf(out, "h2", _("Failed at step %d (%s): the %s stopped it: %s"), res->failed_step,
             tls_i18n_template(m->title), party(res->failed_party), reason);
    else
        tagf(out, "h2", _("Failed: the %s stopped it: %s"), party(res->failed_party), reason);
    fputs("</section>\n", out);
}

/* The run's title and settings, as the text walkthrough says them. */
static void page_header(FILE *out, const tls_app_run *r, char *title, size_t cap)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return;
    tls_render_run_header(mem, r);
    fclose(mem);
    char *line = buf, *nl;
    bool first = true;
    snprintf(title, cap, "tlssim");
    fputs("<header>\n", out);
    for (; (nl = strchr(line, '\n')); line = nl + 1, first = false) {
        *nl = '\0';
        if (first)
            snprintf(title, cap, "%s", line);
        tagf(out, first ? "h1" : "p", "%s", line);
    }
    fputs("</header>\n", out);
    free(buf);
}

static void page(FILE *out, const tls_app_run *r, const tls_trace *t, const tls_sim_result *res,
                 const tls_lessons *ls)
{
    const tls_flow *flow = tls_sim_result_flow(res);
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"tlssim\">\n",
            r->lang == TLS_LANG_ZH ? "zh-CN" : "en");
    char *body = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&body, &len);
    if (!mem)
        return;
    char title[512];
    page_header(mem, r, title, sizeof title);
    /* The title comes from the header: write the head after building it. */
    tagf(out, "title", "%s", title);
    fprintf(out, "<style>%s</style>\n</head>\n<body>\n", CSS);
    fclose(mem);
    fputs(body, out);
    free(body);
    fputs("<figure class=\"ladder\">\n", out);
    html_ladder(out, t, res);
    tagf(out, "figcaption", "%s", _("The handshake as a ladder diagram"));
    fputs("</figure>\n", out);
    html_lesson(out, r, ls, t, flow, 0);
    steps(out, r, ls, t, flow);
    if (res->ok || res->failed_step == TLS_STEP_AFTER) {
        fputs("<section class=\"summary\" id=\"summary\">\n", out);
        bool unchecked = r->mode == TLS_APP_CAPTURE && !tls_render_capture_opened(r);
        tagf(out, "h2", "%s", unchecked ? _("Handshake complete in the capture: without keys its "
                                            "Finished messages cannot be checked")
                                        : _("Handshake complete: both Finished messages verified"));
        if (r->mode == TLS_APP_CAPTURE)
            capture_secrets(out, t, tls_render_capture_opened(r));
        else if (r->mode == TLS_APP_LIVE)
            live_secrets(out, t);
        else
            agreement(out, t);
        html_lesson_id(out, r, ls, t, flow, TLS_LESSON_ID_SUMMARY, TLS_STEP_AFTER);
        fputs("</section>\n", out);
    }
    after(out, r, ls, t, flow);
    if (!res->ok)
        failure(out, res);
    fputs("</body>\n</html>\n", out);
}

void tls_print_html(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res, const tls_lessons *ls)
{
    page(out, r, t, res, ls);
}

bool tls_save_html(const char *path, const tls_app_run *r, const tls_trace *t,
                   const tls_sim_result *res, const tls_lessons *ls)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    page(f, r, t, res, ls);
    bool ok = !ferror(f);
    int saved = errno;
    if (fclose(f) != 0)
        ok = false;
    else if (!ok)
        errno = saved ? saved : EIO;
    return ok;
}
