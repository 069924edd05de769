/* The text walkthrough: a finished trace, step by step, for pipes and printing. */
#include <stdlib.h>
#include <string.h>

#include "tlssim/render.h"
#include "render_internal.h"
#include "tlssim/i18n.h"
#include "tlssim/handshake.h"
#include "tlssim/lessons.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"

/* A party in a sentence, in the interface language: the core's own words
 * "client" and "server" are msgids (its {party} terms). */
static const char *party(tls_party p) { return _(tls_party_name(p)); }

/* The other end of a record or message: who receives what \p p sent. */
static const char *peer(tls_party p)
{
    return party(p == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT);
}

/* \p s left-aligned in \p cols columns of display width (a Chinese
 * character takes two), as printf's %-Ns does for ASCII. */
static void padded(FILE *out, const char *s, int cols)
{
    fputs(s, out);
    for (int w = tls_utf8_width(s); w < cols; w++)
        fputc(' ', out);
}

static const char *direction(tls_party sender)
{
    return sender == TLS_PARTY_CLIENT ? _("client → server") : _("server → client");
}

/* Classic hex dump: offset, 16 bytes, ASCII. */
static void hexdump(FILE *out, const uint8_t *p, size_t n, const char *indent)
{
    for (size_t i = 0; i < n; i += 16) {
        fprintf(out, "%s%04zx  ", indent, i);
        for (size_t j = 0; j < 16; j++) {
            if (i + j < n)
                fprintf(out, "%02x ", p[i + j]);
            else
                fputs("   ", out);
            if (j == 7)
                fputc(' ', out);
        }
        fputs(" |", out);
        for (size_t j = 0; j < 16 && i + j < n; j++)
            fputc(p[i + j] >= 0x20 && p[i + j] < 0x7f ? p[i + j] : '.', out);
        fputs("|\n", out);
    }
}

static void fields(FILE *out, const tls_dissect *d, const char *indent)
{
    for (size_t i = 0; i < d->n; i++) {
        const tls_field *f = &d->fields[i];
        char value[1024];
        fprintf(out, "%s@%-4zu +%-4zu %*s%-28s %s\n", indent, f->offset, f->length,
                2 * f->depth, "", f->name, tls_i18n_field_value(f, value, sizeof value));
    }
}

/* A value and its meaning on one line; a registry code's bytes beside its
 * name, any other value's hex under it in lines of 64 digits. */
static void value_line(FILE *out, const tls_event *e)
{
    char *hex = tls_hex(e->bytes, e->len);
    if (!hex)
        return;
    const tls_value_info *v = tls_value_info_of(e->value);
    fputs("  ", out);
    padded(out, party(e->party), 6);
    fprintf(out, " %-22s", v->name);
    if (v->secret)
        fprintf(out, " %s", _("(secret)"));
    if (e->inferred)
        fprintf(out, " %s", _("(inferred)"));
    if (e->text)
        fprintf(out, " %s", e->text);
    size_t n = strlen(hex);
    bool code = v->display == TLS_VALUE_SHOW_SUITE || v->display == TLS_VALUE_SHOW_GROUP;
    if (e->text && code) {
        fprintf(out, " [%s]\n", hex);
    } else {
        fputc('\n', out);
        for (size_t i = 0; i < n; i += 64)
            fprintf(out, "         %.64s\n", hex + i);
    }
    free(hex);
}

/* A check, an alert or a note: the core's sentence in the chosen language. */
static void render_said(FILE *out, const tls_event *e, bool capture)
{
    char *said = tls_i18n_event_text(e);
    const char *s = said ? said : "";
    if (e->kind == TLS_EV_CHECK) {
        fprintf(out, "  %s ", e->ok ? "[ok]  " : "[FAIL]");
        /* A capture's checks are tlssim's, made with the key material for the
         * side that made them in the connection. */
        fprintf(out, capture ? _("checked here, as the %s would check %s: %s\n")
                             : _("%s checks %s: %s\n"),
                party(e->party), tls_i18n_template(e->what), s);
    } else if (e->kind == TLS_EV_ALERT) {
        fputs("\n!! ", out);
        fprintf(out, _("The %s sends a fatal alert: %s (%d): %s\n"), party(e->party),
                tls_alert_name(e->alert_desc), e->alert_desc, s);
    } else
        fprintf(out, "  * %s: %s\n", party(e->party), s);
    free(said);
}

/* A record's heading line and its bytes (handshake and after alike). */
static void record_heading(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    const char *ct = tls_content_type_name(e->content_type);
    fputc('\n', out);
    fprintf(out, e->is_protected ? _("Record %zu (%s, %s, %zu bytes, encrypted)\n")
                                 : _("Record %zu (%s, %s, %zu bytes)\n"),
            tls_trace_record_number(t, i), direction(e->party), ct ? ct : _("unknown type"),
            e->len);
    hexdump(out, e->bytes, e->len, "  ");
    if (e->changed_len) {
        char *hex = tls_hex(e->bytes + e->changed_at, e->changed_len);
        fprintf(out, _("  Changed by the attacker: bytes %zu to %zu (%zu bytes: %.32s%s)\n"),
                e->changed_at, e->changed_at + e->changed_len - 1, e->changed_len,
                hex ? hex : "", hex && strlen(hex) > 32 ? "…" : "");
        free(hex);
    }
}

void tls_render_plaintext_heading(const tls_event *e, char *out, size_t cap)
{
    unsigned long long seq = (unsigned long long)e->seq;
    if (e->source != TLS_SOURCE_PARTY)
        snprintf(out, cap, _("Decrypted with the key material (sequence number %llu):\n"), seq);
    else if (e->by_sender)
        snprintf(out, cap, _("As the %s encrypted it (sequence number %llu):\n"), party(e->party),
                 seq);
    else
        snprintf(out, cap, _("Decrypted by the %s (sequence number %llu):\n"), peer(e->party), seq);
}

void tls_render_message_heading(const tls_event *e, char *out, size_t cap)
{
    char said[512];
    /* TRANSLATORS: a message's heading (whose view), its fields below. */
    snprintf(out, cap, _("%s:\n"), tls_i18n_message_heading(e, true, said, sizeof said));
}

static void render_event(FILE *out, const tls_trace *t, size_t i, bool capture)
{
    const tls_event *e = &t->ev[i];
    char heading[512];
    switch (e->kind) {
    case TLS_EV_STEP:
        break;
    case TLS_EV_RECORD: {
        record_heading(out, t, i);
        fprintf(out, " %s\n", _("Record layer:"));
        fields(out, &e->dissect, "  ");
        if (e->is_protected && e->plaintext) {
            tls_render_plaintext_heading(e, heading, sizeof heading);
            fprintf(out, " %s", heading);
            hexdump(out, e->plaintext, e->plaintext_len, "  ");
        }
        break;
    }
    case TLS_EV_MESSAGE:
        tls_render_message_heading(e, heading, sizeof heading);
        fprintf(out, " %s", heading);
        fields(out, &e->dissect, "  ");
        break;
    case TLS_EV_VALUE:
        value_line(out, e);
        break;
    case TLS_EV_CHECK:
    case TLS_EV_ALERT:
    case TLS_EV_NOTE:
        render_said(out, e, capture);
        break;
    }
}

static void step_header(FILE *out, const tls_flow *flow, const tls_event *e)
{
    const tls_msg_info *s = tls_flow_msg(flow, e->step);
    fputc('\n', out);
    fprintf(out, _("=== Step %d/%d: %s (%s) ===\n"), e->step, flow->n,
            tls_i18n_template(s->title), direction(s->sender));
    if (e->skipped) {
        char *why = tls_i18n_event_text(e);
        fprintf(out, _("Skipped in this key exchange. %s\n"), why ? why : "");
        free(why);
    } else {
        fprintf(out, "%s\n", tls_i18n_template(tls_flow_teaches(flow, e->step)));
    }
}

bool tls_render_agreed(const tls_trace *t, tls_value_kind k, const tls_event **client,
                       const tls_event **server)
{
    const tls_value_info *v = tls_value_info_of(k);
    if (!v->agreed || v->joined)
        return false;
    *client = tls_trace_find_value(t, k, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    *server = tls_trace_find_value(t, k, TLS_PARTY_SERVER, TLS_STEP_AFTER);
    return true;
}

/* The secrets both sides derive (the key block only as its parts): shown
 * agreeing (or not) byte for byte.  In live mode the peer's values are
 * inferred from its verified Finished, equal by construction: saying "=="
 * would prove nothing, so say what is known. */
static void summary_agreement(FILE *out, const tls_trace *t, bool live)
{
    fputc('\n', out);
    if (live)
        fputs(tls_render_live_secrets_said(), out);
    else
        fputs(_("Both sides computed on their own (never sent):\n"), out);
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        const tls_event *c, *s;
        if (!tls_render_agreed(t, (tls_value_kind)k, &c, &s))
            continue;
        const tls_event *own = tls_render_own_value(c, s);
        if (live && own) {
            char *hex = tls_hex(own->bytes, own->len);
            fprintf(out, "  %-18s %s\n", v->name, hex ? hex : "");
            free(hex);
            continue;
        }
        if (!c || !s)
            continue;
        bool same = c->len == s->len && memcmp(c->bytes, s->bytes, c->len) == 0;
        char *hex = tls_hex(c->bytes, c->len);
        fprintf(out, "  %-18s %s %s %s  %s\n", v->name, party(TLS_PARTY_CLIENT), same ? "==" : "!=",
                party(TLS_PARTY_SERVER), hex ? hex : "");
        free(hex);
    }
}

const char *tls_render_live_secrets_said(void)
{
    return _("The peer is a real TLS stack: its memory cannot be read, but its verified\n"
             "Finished proves it computed the same master secret and keys as tlssim's side:\n");
}

const tls_event *tls_render_own_value(const tls_event *client, const tls_event *server)
{
    return client && !client->inferred ? client : server && !server->inferred ? server : NULL;
}

const char *tls_render_capture_secrets_said(bool opened)
{
    return opened ? _("Computed here from the capture and the key material (never sent; the "
                      "verified\nFinished messages prove that both sides hold them):\n")
                  : _("Without key material none of the secrets can be computed from the "
                      "capture.\n");
}

/* A capture's secrets, computed here once from the key material: the same
 * bytes in both columns, so one line each. */
static void summary_capture(FILE *out, const tls_trace *t, bool opened)
{
    fputc('\n', out);
    fputs(tls_render_capture_secrets_said(opened), out);
    if (!opened)
        return;
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_event *c, *s;
        if (!tls_render_agreed(t, (tls_value_kind)k, &c, &s) || !c)
            continue;
        char *hex = tls_hex(c->bytes, c->len);
        fprintf(out, "  %-18s %s\n", tls_value_name((tls_value_kind)k), hex ? hex : "");
        free(hex);
    }
}

static void summary_eavesdropper(FILE *out, const tls_trace *t)
{
    fprintf(out, "\n%s", _("The eavesdropper saw:"));
    for (int k = 0; k < TLS_VALUE_COUNT; k++)
        if (tls_trace_find_value(t, (tls_value_kind)k, TLS_PARTY_WIRE, TLS_STEP_AFTER))
            fprintf(out, " %s", tls_value_name((tls_value_kind)k));
    fprintf(out, "\n%s\n", _("...and none of the secrets above."));
}

/* The lesson for a step of the run's flow (0 introduction, TLS_STEP_AFTER
 * the page after the handshake), with this run's values as known by the end of that step. */
static void lesson(FILE *out, const tls_app_run *r, const tls_lessons *ls,
                   const tls_trace *t, const tls_flow *flow, int step)
{
    char id[64];
    if (ls && tls_lessons_step_id(flow, step, id, sizeof id))
        tls_render_text_lesson(out, ls, id, r->lang, t, flow, step);
}

void tls_render_text_lesson(FILE *out, const tls_lessons *ls, const char *id, tls_lang lang,
                            const tls_trace *t, const tls_flow *flow, int step)
{
    bool fell_back = false;
    const tls_lesson *l = tls_lessons_get(ls, id, lang, &fell_back);
    if (!l)
        return;
    tls_trace_lookup_ctx ctx = {t, step};
    tls_render_opts ro = {.width = 78, .lang = lang, .lookup = tls_trace_lookup, .ctx = &ctx,
                          .title_step = tls_lesson_title_step(step), .flow = flow};
    char *text = tls_lesson_render_text(l, &ro);
    if (!text)
        return;
    fputs("\n", out);
    if (fell_back)
        fprintf(out, "%s\n", tls_lesson_fallback_notice(lang));
    fputs(text, out);
    free(text);
}

/* ------------------------------------------------ after the handshake */

/* Bytes as text, a line per line, escaping what is not printable ASCII:
 * application data came from the network and is shown in a terminal. */
static void text_lines(FILE *out, const uint8_t *p, size_t n, const char *indent)
{
    fputs(indent, out);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\n') {
            fputs("\\n\n", out);
            if (i + 1 < n)
                fputs(indent, out);
        } else if (c == '\r') {
            fputs("\\r", out);
        } else if (c >= 0x20 && c < 0x7f) {
            fputc(c, out);
        } else {
            fprintf(out, "\\x%02x", c);
        }
    }
    if (n == 0 || p[n - 1] != '\n')
        fputc('\n', out);
}

/* A labelled hex value, 64 digits a line. */
static void hex_wrapped(FILE *out, const char *label, const uint8_t *p, size_t n,
                        const char *note)
{
    char *hex = tls_hex(p, n);
    if (!hex)
        return;
    size_t len = strlen(hex);
    fputs("  ", out);
    padded(out, label, 18);
    for (size_t i = 0; i < len || i == 0; i += 64)
        fprintf(out, "%s%.64s\n", i ? "                    " : "", hex + i);
    if (note)
        fprintf(out, "                    %s\n", note);
    free(hex);
}

/* The AAD (AEAD) or MAC header (CBC) with its parts, when known. */
static void aad_line(FILE *out, const tls_event *e, const char *label)
{
    if (!e->plaintext)
        return;
    const uint8_t *a = e->crypto.aad;
    char note[256];
    if (e->crypto.kind == TLS_RECORD_CBC_ETM)
        snprintf(note, sizeof note, _("= seq (8) ‖ type %u ‖ version %02x%02x ‖ IV and ciphertext length %u"),
                 a[8], a[9], a[10], (unsigned)(a[11] << 8 | a[12]));
    else
        snprintf(note, sizeof note, _("= seq (8) ‖ type %u ‖ version %02x%02x ‖ plaintext length %u"),
                 a[8], a[9], a[10], (unsigned)(a[11] << 8 | a[12]));
    hex_wrapped(out, label, a, 13, note);
}

/* AES-GCM's parts: explicit nonce, nonce, AAD, ciphertext, tag. */
static void gcm_parts(FILE *out, const tls_event *e, const uint8_t *frag,
                      const tls_record_layout *l)
{
    hex_wrapped(out, _("explicit nonce"), frag, 8,
                _("sent in the clear; tlssim and OpenSSL use the sequence number"));
    if (e->plaintext) {
        char note[256];
        snprintf(note, sizeof note, _("= %s_write_iv (4, never sent) ‖ explicit nonce (8)"),
                 tls_party_name(e->party));
        hex_wrapped(out, "nonce", e->crypto.nonce, 12, note);
    }
    aad_line(out, e, "AAD");
    hex_wrapped(out, _("ciphertext"), frag + 8, l->body_len, NULL);
    hex_wrapped(out, _("GCM tag"), frag + 8 + l->body_len, 16, NULL);
}

/* ChaCha20-Poly1305's parts: no explicit nonce, the nonce computed. */
static void chacha_parts(FILE *out, const tls_event *e, const uint8_t *frag,
                         const tls_record_layout *l)
{
    if (e->plaintext) {
        char note[256];
        snprintf(note, sizeof note,
                 _("= %s_write_iv (12, never sent) XOR sequence number (padded to 12); "
                   "nothing of it on the wire"),
                 tls_party_name(e->party));
        hex_wrapped(out, "nonce", e->crypto.nonce, 12, note);
    }
    aad_line(out, e, "AAD");
    hex_wrapped(out, _("ciphertext"), frag, l->body_len, NULL);
    hex_wrapped(out, _("Poly1305 tag"), frag + l->body_len, 16, NULL);
}

/* CBC's parts: explicit IV, MAC input header, ciphertext, then the MAC and
 * padding: on the wire with encrypt-then-MAC, inside the encryption
 * (known from the plaintext side) without. */
static void cbc_parts(FILE *out, const tls_event *e, const uint8_t *frag,
                      const tls_record_layout *l)
{
    bool etm = e->crypto.kind == TLS_RECORD_CBC_ETM;
    hex_wrapped(out, _("explicit IV"), frag, 16,
                _("random, sent in the clear; the key block's IV is not used"));
    aad_line(out, e, _("MAC header"));
    hex_wrapped(out, _("ciphertext"), frag + 16, l->body_len,
                etm ? _("= AES-CBC(content ‖ padding)")
                    : _("= AES-CBC(content ‖ MAC ‖ padding)"));
    if (etm)
        hex_wrapped(out, "MAC", frag + 16 + l->body_len, l->tag_len,
                    _("HMAC over MAC header ‖ IV ‖ ciphertext, in the clear (encrypt-then-MAC)"));
    else if (e->plaintext)
        hex_wrapped(out, "MAC", e->crypto.mac, e->crypto.mac_len,
                    _("HMAC over MAC header ‖ content, encrypted with it (MAC-then-encrypt)"));
    if (!e->plaintext)
        return;
    fputs("  ", out);
    padded(out, _("padding"), 18);
    fprintf(out, _("%u bytes of value %02x\n"), e->crypto.pad_len + 1u, e->crypto.pad_len);
}

/* Why the receiver could not open the record, in its protection's words. */
static const char *unopened(const tls_event *e)
{
    if (e->source != TLS_SOURCE_PARTY)
        return _("No key material opens it: only this ciphertext is known.\n");
    switch (e->crypto.kind) {
    case TLS_RECORD_CHACHA20: return _("The %s could not decrypt it: the Poly1305 tag does not verify.\n");
    case TLS_RECORD_CBC:
    case TLS_RECORD_CBC_ETM: return _("The %s rejected it: bad padding or MAC (one answer for both).\n");
    default: return _("The %s could not decrypt it: the tag does not verify.\n");
    }
}

/* A protected record taken apart: everything its protection used and produced. */
static void after_record(FILE *out, const tls_trace *t, size_t i)
{
    const tls_event *e = &t->ev[i];
    record_heading(out, t, i);
    tls_record_layout l;
    if (!e->is_protected || e->len < TLS_RECORD_HEADER ||
        !tls_record_layout_of(e->crypto.kind, e->crypto.mac_len, e->len - TLS_RECORD_HEADER, &l)) {
        fields(out, &e->dissect, "  ");
        return;
    }
    const uint8_t *frag = e->bytes + TLS_RECORD_HEADER;
    fputs("  ", out);
    padded(out, _("sequence number"), 18);
    fprintf(out, _("%llu (the %s's records since its ChangeCipherSpec, from 0)\n"),
            (unsigned long long)e->seq, party(e->party));
    if (e->crypto.kind == TLS_RECORD_AES_GCM)
        gcm_parts(out, e, frag, &l);
    else if (e->crypto.kind == TLS_RECORD_CHACHA20)
        chacha_parts(out, e, frag, &l);
    else
        cbc_parts(out, e, frag, &l);
    if (!e->plaintext) {
        fputs("  ", out);
        fprintf(out, unopened(e), peer(e->party));
        return;
    }
    fputs("  ", out);
    fprintf(out, e->source != TLS_SOURCE_PARTY ? _("Plaintext decrypted with the key material (%zu bytes):\n")
                 : e->by_sender ? _("Plaintext the sender encrypted (%zu bytes):\n")
                 : e->party == TLS_PARTY_CLIENT ? _("Plaintext the server recovered (%zu bytes):\n")
                                                : _("Plaintext the client recovered (%zu bytes):\n"),
            e->plaintext_len);
    if (e->content_type == TLS_CT_APPLICATION_DATA)
        text_lines(out, e->plaintext, e->plaintext_len, "    | ");
    else
        hexdump(out, e->plaintext, e->plaintext_len, "    ");
}

/* What followed the handshake: the application data and the close_notify
 * alerts, each record with its sequence number, nonce, AAD and tag. */
static void render_after(FILE *out, const tls_trace *t, bool capture)
{
    bool any = false;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->step != TLS_STEP_AFTER)
            continue;
        if (!any)
            fprintf(out, "\n%s\n",
                    _("=== After the handshake: application data, then close_notify ==="));
        any = true;
        if (e->kind == TLS_EV_RECORD)
            after_record(out, t, i);
        else if (!(e->kind == TLS_EV_MESSAGE && e->content_type == TLS_CT_APPLICATION_DATA))
            render_event(out, t, i, capture); /* the plaintext above already shows the data */
    }
}


/* The in-process run's settings, one sentence per combination (translators
 * order the parts their own way). */
void tls_render_text_sim_header(FILE *out, const tls_app_run *r)
{
    const tls_suite *suite = tls_app_suite(r);
    const char *kx = tls_app_kx_arg(r->sim.kx);
    unsigned long long seed = (unsigned long long)r->sim.seed;
    if (r->sim.kx != TLS_KX_ECDHE_RSA) {
        if (r->sim.seeded)
            fprintf(out, _("Key exchange %s, server accepts %s, seed %llu\n"), kx, suite->name, seed);
        else
            fprintf(out, _("Key exchange %s, server accepts %s\n"), kx, suite->name);
        return;
    }
    const tls_group_info *g = tls_group_by_id((uint16_t)r->sim.group);
    const char *group = g ? g->name : "?";
    if (r->sim.seeded)
        fprintf(out, _("Key exchange %s, server accepts %s, prefers group %s, seed %llu\n"), kx,
                suite->name, group, seed);
    else
        fprintf(out, _("Key exchange %s, server accepts %s, prefers group %s\n"), kx,
                suite->name, group);
}

static void step_events(FILE *out, const tls_trace *t, int step, bool capture)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].step == step && t->ev[i].kind != TLS_EV_STEP)
            render_event(out, t, i, capture);
}

/* One step: the previous step's lesson and this step's header (its STEP
 * event: a driver may announce a step after reading what it carried), then
 * its events in the order they happened. */
static void render_step(FILE *out, const tls_app_run *r, const tls_lessons *ls,
                        const tls_trace *t, const tls_flow *flow, int step)
{
    for (size_t i = 0; i < t->n; i++) {
        if (t->ev[i].step != step || t->ev[i].kind != TLS_EV_STEP)
            continue;
        if (step > 1)
            lesson(out, r, ls, t, flow, step - 1);
        step_header(out, flow, &t->ev[i]);
        render_event(out, t, i, false);
    }
    step_events(out, t, step, r->mode == TLS_APP_CAPTURE);
}

void tls_render_text_events(FILE *out, const tls_trace *t, int step)
{
    step_events(out, t, step, false);
}

/* The first lines for a live run: who talked to whom, what was settled. */
static void live_header(FILE *out, const tls_app_run *r)
{
    const tls_live_info *li = &r->live_info;
    bool client = r->live.role == TLS_LIVE_CONNECT;
    const char *local = li->local[0] ? li->local : "-", *peer = li->peer[0] ? li->peer : "-";
    fprintf(out, "%s\n", _("tlssim: a live TLS 1.2 handshake, step by step"));
    /* Whole sentences for translators: who is simulated, with or without
     * the server name. */
    if (li->server_name[0])
        fprintf(out, client ? _("The simulated client (%s) and a real server at %s; server name %s\n")
                            : _("The simulated server (%s) and a real client at %s; server name %s\n"),
                local, peer, li->server_name);
    else
        fprintf(out, client ? _("The simulated client (%s) and a real server at %s\n")
                            : _("The simulated server (%s) and a real client at %s\n"),
                local, peer);
    if (li->suite)
        fprintf(out, li->ems ? _("Negotiated %s; master secret: extended (RFC 7627)\n")
                             : _("Negotiated %s; master secret: classic\n"),
                li->suite->name);
    fputs(client ? _("Only the client's secrets are known here: the server's side is what "
                     "crossed the wire.\n")
                 : _("Only the server's secrets are known here: the client's side is what "
                     "crossed the wire.\n"),
          out);
}

/* The first lines for a capture: which connection of which file, where
 * its secrets came from. */
static void capture_header(FILE *out, const tls_app_run *r)
{
    const tls_cap_walk_info *ci = &r->capture_info;
    char client[64], server[64], sni[4 * TLS_MAX_HOSTNAME + 1], file[1024];
    tls_text_escape(r->capture.path, strlen(r->capture.path), file, sizeof file);
    tls_cap_addr_str(&ci->client, client, sizeof client);
    tls_cap_addr_str(&ci->server, server, sizeof server);
    tls_text_escape(ci->server_name, strlen(ci->server_name), sni, sizeof sni);
    fprintf(out, "%s\n", _("tlssim: a captured TLS 1.2 connection, step by step"));
    fprintf(out, _("%s, connection #%u: client %s port %u, server %s port %u, frames %llu to %llu\n"),
            file, ci->conn, client, ci->client.port, server, ci->server.port,
            (unsigned long long)ci->first_frame, (unsigned long long)ci->last_frame);
    if (ci->suite)
        fprintf(out, ci->ems ? _("Negotiated %s; master secret: extended (RFC 7627)\n")
                             : _("Negotiated %s; master secret: classic\n"),
                ci->suite->name);
    else if (ci->suite_id) {
        const char *name = tls_suite_wire_name(ci->suite_id);
        fprintf(out, _("Negotiated 0x%04x (%s), a suite tlssim does not implement: its records "
                       "are shown, not decrypted.\n"),
                (unsigned)ci->suite_id, name ? name : _("unknown"));
    }
    if (sni[0])
        fprintf(out, _("Server name: %s\n"), sni);
    fputs(tls_render_capture_opened(r)
              ? _("The client and server columns hold what the capture proves each side sent "
                  "or knows, and what the key material lets us compute.\n")
              : _("No key material opens this connection: the eavesdropper's view.\n"),
          out);
}

bool tls_render_capture_opened(const tls_app_run *r)
{
    tls_cap_walk_secret s = r->capture_info.secret;
    return r->mode == TLS_APP_CAPTURE &&
           (s == TLS_CAP_SECRET_KEYLOG || s == TLS_CAP_SECRET_SERVER_KEY ||
            s == TLS_CAP_SECRET_SESSION);
}

void tls_render_run_header(FILE *out, const tls_app_run *r)
{
    if (r->mode == TLS_APP_CAPTURE) {
        capture_header(out, r);
    } else if (r->mode == TLS_APP_LIVE) {
        live_header(out, r);
    } else {
        fprintf(out, "%s\n", _("tlssim: a TLS 1.2 handshake, step by step"));
        tls_render_text_sim_header(out, r);
    }
}

void tls_print_text(FILE *out, const tls_app_run *r, const tls_trace *t,
                    const tls_sim_result *res, const tls_lessons *ls)
{
    tls_render_run_header(out, r);
    const tls_flow *flow = tls_sim_result_flow(res);
    lesson(out, r, ls, t, flow, 0);
    /* Step by step, as JSON and the TUI group them: an observer may file a
     * value under an earlier step after later events were recorded.  What
     * follows the handshake comes after the summary (render_after). */
    for (int step = 0; step <= flow->n; step++)
        render_step(out, r, ls, t, flow, step);
    int last = tls_trace_last_announced(t);
    if (last >= 1)
        lesson(out, r, ls, t, flow, last);
    /* What happened, in the order it happened: the handshake's end, what
     * followed it, then the verdict if something failed. */
    bool complete = res->ok || res->failed_step == TLS_STEP_AFTER;
    bool capture = r->mode == TLS_APP_CAPTURE, opened = tls_render_capture_opened(r);
    if (complete) {
        fprintf(out, "\n%s\n", !capture || opened
                                   ? _("=== Handshake complete: both Finished messages verified ===")
                                   : _("=== Handshake complete in the capture: without keys its "
                                       "Finished messages cannot be checked ==="));
        if (capture)
            summary_capture(out, t, opened);
        else
            summary_agreement(out, t, r->mode == TLS_APP_LIVE);
        summary_eavesdropper(out, t);
        if (ls)
            tls_render_text_lesson(out, ls, TLS_LESSON_ID_SUMMARY, r->lang, t, flow,
                                   TLS_STEP_AFTER);
    }
    render_after(out, t, capture);
    /* The page after the handshake teaches what render_after just showed. */
    if (complete)
        lesson(out, r, ls, t, flow, TLS_STEP_AFTER);
    if (!res->ok)
        tls_render_text_failure(out, res);
    /* The attack lab: the lesson of the attack, once its outcome is shown. */
    if (r->attack && ls)
        tls_render_text_lesson(out, ls, r->attack->lesson, r->lang, t, flow, TLS_STEP_AFTER);
}

/* The verdict, with the reason in the chosen language. */
void tls_render_text_failure(FILE *out, const tls_sim_result *res)
{
    char *why = res->why_text.id != TLS_TEXT_NONE ? tls_i18n_text(&res->why_text)
                                                  : strdup(res->why);
    fputc('\n', out);
    if (res->failed_step == TLS_STEP_AFTER || res->failed_step == 0) {
        fprintf(out, res->failed_step ? _("=== FAILED after the handshake: the %s stopped it: %s ===\n")
                                      : _("=== FAILED before the handshake: the %s stopped it: %s ===\n"),
                party(res->failed_party), why ? why : "");
    } else {
        const tls_msg_info *s = tls_flow_msg(tls_sim_result_flow(res), res->failed_step);
        fprintf(out, _("=== Handshake FAILED at step %d (%s): the %s stopped it: %s ===\n"),
                res->failed_step, s ? tls_i18n_template(s->title) : "?",
                party(res->failed_party), why ? why : "");
    }
    free(why);
}
