/* The JSON document: every step with its records, messages, values, checks,
 * alerts and notes.  The schema is documented in the README. */
#include <stdlib.h>
#include <string.h>

#include "tlssim/render.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"
#include "render_internal.h"
#include "tlssim_config.h"

void tls_render_json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void json_hex(FILE *out, const uint8_t *p, size_t n)
{
    if (!p) {
        fputs("null", out);
        return;
    }
    char *hex = tls_hex(p, n);
    tls_render_json_str(out, hex ? hex : "");
    free(hex);
}

static void json_fields(FILE *out, const tls_dissect *d)
{
    fputs("[", out);
    for (size_t i = 0; i < d->n; i++) {
        const tls_field *f = &d->fields[i];
        fprintf(out, "%s{\"offset\":%zu,\"length\":%zu,\"depth\":%d,\"name\":", i ? "," : "",
                f->offset, f->length, f->depth);
        tls_render_json_str(out, f->name);
        fputs(",\"value\":", out);
        tls_render_json_str(out, f->value);
        fputs("}", out);
    }
    fputs("]", out);
}

/* The live run's endpoints and what was negotiated (null for an in-process
 * run); an address never learned is null. */
static void json_live_config(FILE *out, const tls_app_run *r)
{
    const tls_live_info *li = &r->live_info;
    if (r->mode != TLS_APP_LIVE) {
        fputs("null", out);
        return;
    }
    fprintf(out, "{\"role\":\"%s\",\"local\":",
            r->live.role == TLS_LIVE_CONNECT ? "connect" : "listen");
    tls_render_json_str(out, li->local[0] ? li->local : NULL);
    fputs(",\"peer\":", out);
    tls_render_json_str(out, li->peer[0] ? li->peer : NULL);
    fputs(",\"server_name\":", out);
    tls_render_json_str(out, li->server_name[0] ? li->server_name : NULL);
    fputs(",\"negotiated_suite\":", out);
    if (li->suite) {
        tls_render_json_str(out, li->suite->name);
        fprintf(out, ",\"negotiated_suite_id\":\"%04x\"", li->suite->id);
    } else {
        fputs("null,\"negotiated_suite_id\":null", out);
    }
    fprintf(out, ",\"extended_master_secret\":%s,\"encrypt_then_mac\":%s,"
                 "\"app_bytes_sent\":%zu,\"app_bytes_received\":%zu}",
            li->ems ? "true" : "false", li->etm ? "true" : "false", li->app_sent,
            li->app_received);
}

/* A capture's connection (only in a capture's document): the file, the
 * connection followed, its endpoints and frames, where its secrets came from. */
static void json_capture(FILE *out, const tls_app_run *r)
{
    static const char *const secrets[] = {"none", "key_log", "server_key", "no_key_log_line",
                                          "forward_secrecy", "wrong_server_key",
                                          "suite_not_implemented", "earlier_connection",
                                          "session_outside_capture"};
    const tls_cap_walk_info *ci = &r->capture_info;
    char client[64], server[64];
    tls_cap_addr_str(&ci->client, client, sizeof client);
    tls_cap_addr_str(&ci->server, server, sizeof server);
    fputs(",\"capture\":{\"file\":", out);
    tls_render_json_str(out, r->capture.path);
    fprintf(out, ",\"connection\":%u,\"client\":", ci->conn);
    tls_render_json_str(out, client);
    fprintf(out, ",\"client_port\":%u,\"server\":", ci->client.port);
    tls_render_json_str(out, server);
    fprintf(out, ",\"server_port\":%u,\"first_frame\":%llu,\"last_frame\":%llu,"
                 "\"server_name\":",
            ci->server.port, (unsigned long long)ci->first_frame,
            (unsigned long long)ci->last_frame);
    tls_render_json_str(out, ci->server_name[0] ? ci->server_name : NULL);
    fprintf(out, ",\"suite_id\":\"%04x\",\"resumed\":%s,\"secrets\":\"%s\","
                 "\"session_from\":",
            ci->suite_id, ci->resumed ? "true" : "false", secrets[ci->secret]);
    if (ci->session_conn)
        fprintf(out, "%u", ci->session_conn);
    else
        fputs("null", out);
    fprintf(out, ",\"records\":[%llu,%llu],\"app_bytes\":[%llu,%llu]}",
            (unsigned long long)ci->records[0], (unsigned long long)ci->records[1],
            (unsigned long long)ci->app_bytes[0], (unsigned long long)ci->app_bytes[1]);
}

static const char *direction(tls_party sender)
{
    return sender == TLS_PARTY_CLIENT ? "client_to_server" : "server_to_client";
}

/* What every record object starts with: its number, direction, type,
 * protection, sequence number and bytes. */
static void json_record_head(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    fprintf(out, "{\"index\":%zu,\"direction\":\"%s\",\"content_type\":%u,\"content_type_name\":",
            tls_trace_record_number(t, i), direction(e->party), e->content_type);
    tls_render_json_str(out, tls_content_type_name(e->content_type));
    fprintf(out, ",\"protected\":%s,\"seq\":", e->is_protected ? "true" : "false");
    if (e->is_protected)
        fprintf(out, "%llu", (unsigned long long)e->seq);
    else
        fputs("null", out);
    fputs(",\"hex\":", out);
    json_hex(out, e->bytes, e->len);
    /* Only a record an attacker changed carries this: other documents stay
     * as they were. */
    if (e->changed_len)
        fprintf(out, ",\"changed_by_attacker\":{\"offset\":%zu,\"length\":%zu}",
                e->changed_at, e->changed_len);
}

/* A link of the certification path, field by field (the detail says the
 * same in a sentence): "link": {"index", "subject", "issuer", "sig_alg",
 * "verified"}. */
static void json_chain_link(FILE *out, const tls_event *e)
{
    static const char *const names[] = {"subject", "issuer", "sig_alg"};
    const char *index = tls_text_arg_value(e->msg, "index");
    fprintf(out, ",\"link\":{\"index\":%s", index ? index : "null");
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        fprintf(out, ",\"%s\":", names[k]);
        tls_render_json_str(out, tls_text_arg_value(e->msg, names[k]));
    }
    fprintf(out, ",\"verified\":%s}", e->ok ? "true" : "false");
}

/* A capture's key material, by name: what opened a protected record. */
static const char *json_source(tls_event_source s)
{
    switch (s) {
    case TLS_SOURCE_CAPTURE_KEYLOG: return "key_log";
    case TLS_SOURCE_CAPTURE_SERVER_KEY: return "server_key";
    case TLS_SOURCE_CAPTURE_SESSION: return "earlier_connection";
    default: return "capture";
    }
}

/* Whose parse a message's fields are: the receiver's, or tlssim's reading
 * of a capture ("capture"). */
static const char *json_parsed_by(const tls_event *e)
{
    if (e->source != TLS_SOURCE_PARTY)
        return "capture";
    return e->party == TLS_PARTY_CLIENT ? "server" : "client";
}

static void json_event(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    switch (e->kind) {
    case TLS_EV_RECORD:
        json_record_head(out, t, i);
        fputs(",\"plaintext_hex\":", out);
        json_hex(out, e->plaintext, e->plaintext_len);
        fputs(",\"fields\":", out);
        json_fields(out, &e->dissect);
        fputs("}", out);
        break;
    case TLS_EV_MESSAGE:
        fputs("{\"name\":", out);
        tls_render_json_str(out, e->name);
        fprintf(out, ",\"sender\":\"%s\",\"parsed_by\":\"%s\",\"content_type\":%u,\"hs_type\":%u,"
                     "\"protected\":%s,\"record\":%zu,\"record_offset\":",
                tls_party_name(e->party), json_parsed_by(e), e->content_type,
                e->hs_type, e->is_protected ? "true" : "false",
                tls_trace_record_number(t, e->record_index));
        if (e->record_offset == (size_t)-1)
            fputs("null", out);
        else
            fprintf(out, "%zu", e->record_offset);
        fputs(",\"hex\":", out);
        json_hex(out, e->bytes, e->len);
        fputs(",\"fields\":", out);
        json_fields(out, &e->dissect);
        fputs("}", out);
        break;
    case TLS_EV_VALUE:
        fputs("{\"name\":", out);
        tls_render_json_str(out, tls_value_name(e->value));
        fprintf(out, ",\"party\":\"%s\",\"secret\":%s,\"inferred\":%s,\"hex\":",
                tls_party_name(e->party),
                tls_value_info_of(e->value)->secret ? "true" : "false",
                e->inferred ? "true" : "false");
        json_hex(out, e->bytes ? e->bytes : (const uint8_t *)"", e->len);
        fputs(",\"text\":", out);
        tls_render_json_str(out, e->text);
        fputs("}", out);
        break;
    case TLS_EV_CHECK:
        fprintf(out, "{\"party\":\"%s\",\"name\":", tls_party_name(e->party));
        tls_render_json_str(out, e->name);
        fprintf(out, ",\"ok\":%s,\"detail\":", e->ok ? "true" : "false");
        tls_render_json_str(out, e->text);
        if (e->what == TLS_TEXT_CHECK_CHAIN_LINK && e->msg)
            json_chain_link(out, e);
        fputs("}", out);
        break;
    case TLS_EV_ALERT:
        fprintf(out, "{\"sender\":\"%s\",\"level\":\"%s\",\"code\":%d,\"description\":",
                tls_party_name(e->party), e->alert_level == 2 ? "fatal" : "warning",
                e->alert_desc);
        tls_render_json_str(out, tls_alert_name(e->alert_desc));
        fputs(",\"reason\":", out);
        tls_render_json_str(out, e->text);
        fputs("}", out);
        break;
    case TLS_EV_NOTE:
        fprintf(out, "{\"party\":\"%s\",\"text\":", tls_party_name(e->party));
        tls_render_json_str(out, e->text);
        fputs("}", out);
        break;
    case TLS_EV_STEP:
        break;
    }
}

/* One array of the step's events of one kind. */
static void json_kind(FILE *out, const tls_trace *t, int step, tls_event_kind kind,
                      const char *key)
{
    fprintf(out, ",\n   \"%s\":[", key);
    bool first = true;
    for (size_t i = 0; i < t->n; i++) {
        if (t->ev[i].step != step || t->ev[i].kind != kind)
            continue;
        fputs(first ? "\n    " : ",\n    ", out);
        first = false;
        json_event(out, t, i);
    }
    fputs("]", out);
}

/* A step's (or after the handshake's) events but its records, kind by kind. */
static void json_events(FILE *out, const tls_trace *t, int step)
{
    json_kind(out, t, step, TLS_EV_MESSAGE, "messages");
    json_kind(out, t, step, TLS_EV_VALUE, "values");
    json_kind(out, t, step, TLS_EV_CHECK, "checks");
    json_kind(out, t, step, TLS_EV_ALERT, "alerts");
    json_kind(out, t, step, TLS_EV_NOTE, "notes");
}

/* ------------------------------------------------ after the handshake */

/* Bytes as a JSON string of text: printable ASCII as is, every other byte
 * as \u00XX (so invalid UTF-8 from the network cannot break the document). */
static void json_bytes_text(FILE *out, const uint8_t *p, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c >= 0x20 && c < 0x7f)
            fputc(c, out);
        else
            fprintf(out, "\\u%04x", c);
    }
    fputc('"', out);
}

/* The JSON name of a record protection. */
static const char *protection_name(tls_record_kind kind)
{
    switch (kind) {
    case TLS_RECORD_AES_GCM: return "aes_gcm";
    case TLS_RECORD_CHACHA20: return "chacha20_poly1305";
    case TLS_RECORD_CBC: return "cbc_mac_then_encrypt";
    case TLS_RECORD_CBC_ETM: return "cbc_encrypt_then_mac";
    case TLS_RECORD_CLEAR: break;
    }
    return NULL;
}

/* The protection's parts of a record after the handshake: each key present
 * for every kind, null where that kind has no such part (or it is not
 * known: a record the receiver could not open). */
static void json_protection(FILE *out, const tls_event *e, const tls_record_layout *l, bool ok)
{
    tls_record_kind k = ok ? e->crypto.kind : TLS_RECORD_CLEAR;
    bool aead = k == TLS_RECORD_AES_GCM || k == TLS_RECORD_CHACHA20;
    bool cbc = k == TLS_RECORD_CBC || k == TLS_RECORD_CBC_ETM;
    bool etm = k == TLS_RECORD_CBC_ETM;
    const uint8_t *frag = e->bytes + TLS_RECORD_HEADER;
    const uint8_t *body = ok ? frag + l->explicit_len : NULL;
    const char *name = protection_name(k);
    fprintf(out, ",\"protection\":");
    fprintf(out, name ? "\"%s\"" : "null", name);
    fputs(",\"explicit_nonce\":", out);
    json_hex(out, k == TLS_RECORD_AES_GCM ? frag : NULL, 8);
    fputs(",\"explicit_iv\":", out);
    json_hex(out, cbc ? frag : NULL, 16);
    fputs(",\"nonce\":", out);
    json_hex(out, aead && e->plaintext ? e->crypto.nonce : NULL, sizeof e->crypto.nonce);
    fputs(",\"aad\":", out);
    json_hex(out, (aead || cbc) && e->plaintext ? e->crypto.aad : NULL, sizeof e->crypto.aad);
    fputs(",\"ciphertext\":", out);
    json_hex(out, body, ok ? l->body_len : 0);
    fputs(",\"tag\":", out);
    json_hex(out, aead ? body + l->body_len : NULL, 16);
    fputs(",\"mac\":", out);
    json_hex(out, etm ? body + l->body_len : cbc && e->plaintext ? e->crypto.mac : NULL,
             e->crypto.mac_len);
    fputs(",\"padding_length\":", out);
    if (cbc && e->plaintext)
        fprintf(out, "%u", e->crypto.pad_len);
    else
        fputs("null", out);
}

/* A record after the handshake, with what its protection used and produced. */
static void json_after_record(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    json_record_head(out, t, i);
    tls_record_layout l = {0};
    bool ok = e->is_protected && e->len >= TLS_RECORD_HEADER &&
              tls_record_layout_of(e->crypto.kind, e->crypto.mac_len,
                                   e->len - TLS_RECORD_HEADER, &l);
    json_protection(out, e, &l, ok);
    fputs(",\"plaintext_hex\":", out);
    json_hex(out, e->plaintext, e->plaintext_len);
    fputs(",\"plaintext_text\":", out);
    if (e->plaintext)
        json_bytes_text(out, e->plaintext, e->plaintext_len);
    else
        fputs("null", out);
    fprintf(out, ",\"plaintext_from\":\"%s\",\"fields\":",
            !e->plaintext ? "none" : e->source != TLS_SOURCE_PARTY ? json_source(e->source)
                                   : e->by_sender ? "sender" : "receiver");
    json_fields(out, &e->dissect);
    fputs("}", out);
}

/* "after_handshake": the application data and close_notify (issue 5), or
 * null when the run ended with the handshake. */
static void json_after(FILE *out, const tls_trace *t)
{
    bool any = false;
    for (size_t i = 0; i < t->n && !any; i++)
        any = t->ev[i].step == TLS_STEP_AFTER;
    if (!any) {
        fputs("null", out);
        return;
    }
    fputs("{\"records\":[", out);
    bool first = true;
    for (size_t i = 0; i < t->n; i++) {
        if (t->ev[i].step != TLS_STEP_AFTER || t->ev[i].kind != TLS_EV_RECORD)
            continue;
        fputs(first ? "\n    " : ",\n    ", out);
        first = false;
        json_after_record(out, t, i);
    }
    fputs("]", out);
    json_events(out, t, TLS_STEP_AFTER);
    fputs("}", out);
}

static const tls_event *step_event(const tls_trace *t, int step)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_STEP && t->ev[i].step == step)
            return &t->ev[i];
    return NULL;
}

/* "config"'s kx, suite, suite_id, server_cert and group.  A captured
 * connection's suite that tlssim does not implement is named as on the wire
 * (its IANA name, or null) with its id, and what it implies is not guessed
 * (null): the defaults of a simulated run would be wrong. */
static void config_suite(FILE *out, const tls_app_run *r)
{
    const tls_cap_walk_info *ci = &r->capture_info;
    if (r->mode == TLS_APP_CAPTURE && !ci->suite && ci->suite_id) {
        fputs("\"kx\":null,\"suite\":", out);
        tls_render_json_str(out, tls_suite_wire_name(ci->suite_id));
        fprintf(out, ",\"suite_id\":\"%04x\",\"server_cert\":null,\"group\":null",
                (unsigned)ci->suite_id);
        return;
    }
    const tls_suite *suite = tls_app_suite(r);
    const tls_group_info *g = tls_group_by_id((uint16_t)r->sim.group);
    fprintf(out, "\"kx\":\"%s\",\"suite\":", tls_app_kx_arg(r->sim.kx));
    tls_render_json_str(out, suite->name);
    fprintf(out, ",\"suite_id\":\"%04x\",\"server_cert\":\"%s\",\"group\":", suite->id,
            tls_key_kind_name(suite->auth));
    tls_render_json_str(out, r->sim.kx == TLS_KX_ECDHE_RSA && g ? g->name : NULL);
}

/* "config": what the run was asked to be (and, for a capture, what it is). */
static void json_config(FILE *out, const tls_app_run *r, const tls_flow *flow)
{
    fputs(" \"config\":{", out);
    config_suite(out, r);
    fputs(",\"seed\":", out);
    if (r->sim.seeded)
        fprintf(out, "%llu", (unsigned long long)r->sim.seed);
    else
        fputs("null", out);
    fprintf(out, ",\"ems\":%s,\"etm\":%s,\"scenario\":%s,\"tamper\":",
            r->sim.ems ? "true" : "false", r->sim.no_etm ? "false" : "true",
            r->sim.scenario ? "true" : "false");
    if (r->sim.tamper.enabled)
        fprintf(out, "{\"record\":%zu,\"offset\":%zu,\"xor\":%u}", r->sim.tamper.record,
                r->sim.tamper.offset, r->sim.tamper.xor_mask);
    else
        fputs("null", out);
    if (r->attack) {
        /* Only attacked runs carry this (the attack lab, tlssim/attack.h). */
        fputs(",\"attack\":{\"name\":", out);
        tls_render_json_str(out, r->attack->name);
        fputs(",\"does\":", out);
        tls_render_json_str(out, tls_text_template(r->attack->does));
        fputs(",\"lesson\":", out);
        tls_render_json_str(out, r->attack->lesson);
        fputc('}', out);
    }
    if (r->sim.resume != TLS_RESUME_OFF) {
        /* Only resumed runs carry these: other documents stay as they were. */
        fprintf(out, ",\"resume\":\"%s\",\"flow\":", tls_resume_mode_name(r->sim.resume));
        tls_render_json_str(out, flow->name);
        fprintf(out, ",\"second_connection_step\":");
        if (flow->second)
            fprintf(out, "%d", flow->second);
        else
            fputs("null", out);
    }
    fputs(",\"live\":", out);
    json_live_config(out, r);
    if (r->mode == TLS_APP_CAPTURE)
        json_capture(out, r);
    fputs("},\n", out);
}

/* "result": how the run ended. */
static void json_result(FILE *out, const tls_sim_result *res, const tls_flow *flow)
{
    fprintf(out, " \"result\":{\"ok\":%s,\"failed_step\":", res->ok ? "true" : "false");
    if (res->ok) {
        fputs("null,\"failed_by\":null,\"error\":null,\"reason\":null},\n", out);
        return;
    }
    int failed = res->failed_step == TLS_STEP_AFTER ? tls_flow_after_number(flow)
                                                    : res->failed_step;
    fprintf(out, "%d,\"failed_by\":\"%s\",\"error\":", failed,
            tls_party_name(res->failed_party));
    tls_render_json_str(out, tls_err_name(res->err));
    fputs(",\"reason\":", out);
    tls_render_json_str(out, res->why);
    fputs("},\n", out);
}

/* One entry of "steps": the flow's message and what the trace holds for it. */
static void json_step(FILE *out, const tls_trace *t, const tls_flow *flow, int n)
{
    const tls_msg_info *s = tls_flow_msg(flow, n);
    const tls_event *se = step_event(t, n);
    fprintf(out, "%s\n  {\"step\":%d,\"message\":", n > 1 ? "," : "", n);
    tls_render_json_str(out, s->message);
    fprintf(out, ",\"title\":");
    tls_render_json_str(out, tls_msg_title(s));
    fprintf(out, ",\"sender\":\"%s\",\"reached\":%s,\"skipped\":%s,\"skip_reason\":",
            tls_party_name(s->sender), se ? "true" : "false",
            se && se->skipped ? "true" : "false");
    tls_render_json_str(out, se && se->skipped ? se->text : NULL);
    fputs(",\"teaches\":", out);
    tls_render_json_str(out, tls_text_template(tls_flow_teaches(flow, n))); /* JSON stays English: see tlssim/text.h */
    json_kind(out, t, n, TLS_EV_RECORD, "records");
    json_events(out, t, n);
    fputs("}", out);
}

void tls_print_json(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res)
{
    const tls_flow *flow = tls_sim_result_flow(res);
    fprintf(out, "{\"tlssim_version\":\"%s\",\n", TLSSIM_VERSION);
    json_config(out, r, flow);
    json_result(out, res, flow);
    fputs(" \"steps\":[", out);
    for (int n = 1; n <= flow->n; n++)
        json_step(out, t, flow, n);
    fputs("\n ],\n \"after_handshake\":", out);
    json_after(out, t);
    fputs("\n}\n", out);
}
