/*
 * record-then-leak: see attack_leak.h.  The attacker does nothing during the
 * session but keep its bytes.  Afterwards the server's private key leaks
 * (a stolen backup, a breach, an order to hand it over), and the recording
 * goes through the same reader as `tlssim open FILE --server-key KEY`
 * (tls_cap_tls, src/capture/cap_secrets.c): with RSA key exchange the key
 * opens the pre-master the client sealed to it, and from there the PRF
 * gives everything; with ECDHE or DHE the key only ever signed, and the
 * secret came from ephemeral keys that no longer exist.
 */
#include "attack_leak.h"

#include <stdlib.h>
#include <string.h>

#include "attack_internal.h"
#include "tlssim/pki.h"
#include "tlssim/capture.h"
#include "tlssim/record.h"
#include "tlssim/suites.h"
#include "tlssim/text.h"

void attack_recording_init(attack_recording *r)
{
    tls_writer_init(&r->bytes);
    r->records = 0;
}

void attack_recording_free(attack_recording *r)
{
    tls_writer_free(&r->bytes);
    r->records = 0;
}

void attack_recording_add(attack_recording *r, tls_party sender, const uint8_t *rec, size_t len)
{
    if (len > UINT16_MAX)
        return; /* no record is: tls_record_split refuses them first */
    tls_writer_u8(&r->bytes, sender == TLS_PARTY_CLIENT ? 0 : 1);
    tls_writer_u16(&r->bytes, (uint16_t)len);
    tls_writer_bytes(&r->bytes, rec, len);
    r->records++;
}

/* One recorded record at r->bytes[*at]: its direction and bytes. */
static bool recording_next(const attack_recording *r, size_t *at, int *dir, const uint8_t **p,
                           size_t *n)
{
    const uint8_t *b = r->bytes.data;
    if (*at + 3 > r->bytes.len)
        return false;
    *dir = b[*at];
    *n = (size_t)b[*at + 1] << 8 | b[*at + 2];
    *p = b + *at + 3;
    if (*at + 3 + *n > r->bytes.len)
        return false;
    *at += 3 + *n;
    return true;
}

/* An application data record the replay's keys protect: decrypted with
 * the direction's state (so sequence numbers follow the session's), shown
 * as the value the attacker now reads. */
static void open_app_data(tls_cap_tls *cap, int dir, const uint8_t *p, size_t n, tls_trace *t,
                          int step, tls_party who)
{
    tls_record rec;
    size_t need;
    uint8_t plain[TLS_MAX_CIPHERTEXT];
    size_t len = 0;
    if (!cap->prot[dir].active || tls_record_split(p, n, &rec, &need) != TLS_READ_OK ||
        rec.type != TLS_CT_APPLICATION_DATA ||
        tls_record_open(&rec, &cap->prot[dir], plain, &len, NULL) != TLS_OK)
        return;
    char text[TLS_VALUE_TEXT_MAX];
    tls_text_escape((const char *)plain, len, text, sizeof text);
    tls_trace_value(t, step, who, dir == 0 ? TLS_VALUE_CLIENT_APP_DATA : TLS_VALUE_SERVER_APP_DATA,
                    plain, len, text);
    tls_wipe(plain, len);
}

/* RSA: what the leaked key opened, as values, and whether the recovered
 * keys really are the session's (both Finished decrypt and verify). */
static void trace_opened(tls_cap_tls *cap, tls_trace *t, int step, tls_party who)
{
    const tls_suite *s = tls_suite_by_id(cap->suite);
    uint8_t raw[TLS_KEY_BLOCK_MAX];
    tls_trace_note(t, step, who, TLS_TEXT_LEAK_RSA_OPENED, NULL);
    tls_trace_value(t, step, who, TLS_VALUE_PRE_MASTER_SECRET, cap->pre_master, 48, NULL);
    tls_trace_value(t, step, who, TLS_VALUE_MASTER_SECRET, cap->master, 48, NULL);
    /* The raw block to show: derived again (the reader keeps only its parts). */
    tls_key_block kb;
    if (s && tls_key_block_derive(s, cap->master, cap->client_random, cap->server_random, &kb,
                                  raw) == TLS_OK)
        tls_trace_key_block(t, step, who, &kb, raw, tls_key_block_len(s));
    tls_wipe(raw, sizeof raw);
    tls_wipe(&kb, sizeof kb);
    bool ok = cap->finished[0] == TLS_CAP_FINISHED_OK && cap->finished[1] == TLS_CAP_FINISHED_OK;
    tls_trace_check(t, step, who, TLS_TEXT_CHECK_LEAK_KEYS, ok,
                    ok ? TLS_TEXT_LEAK_FINISHED_OK : TLS_TEXT_LEAK_FINISHED_BAD, NULL);
}

/* ECDHE or DHE: nothing to open; what it would have needed. */
static void trace_forward_secret(const tls_cap_tls *cap, tls_trace *t, int step, tls_party who)
{
    const tls_suite *s = tls_suite_by_id(cap->suite);
    bool dhe = s && s->kx == TLS_KX_DHE_RSA;
    tls_trace_note(t, step, who, TLS_TEXT_LEAK_FORWARD_SECRET,
                   TLS_ARGS(TLS_ARG_S("suite", s ? s->name : "?"),
                            TLS_ARG_S("server_private", tls_value_name(
                                dhe ? TLS_VALUE_SERVER_DHE_PRIVATE
                                    : TLS_VALUE_SERVER_ECDHE_PRIVATE)),
                            TLS_ARG_S("client_private", tls_value_name(
                                dhe ? TLS_VALUE_CLIENT_DHE_PRIVATE
                                    : TLS_VALUE_CLIENT_ECDHE_PRIVATE))));
}

attack_leak_result attack_leak_replay(const attack_recording *r, const tls_privkey *leaked,
                                      tls_trace *t, int step, tls_party who)
{
    tls_trace_note(t, step, who, TLS_TEXT_LEAK_RECORDED,
                   TLS_ARGS(TLS_ARG_U("records", r->records),
                            TLS_ARG_U("bytes", r->bytes.len - 3 * r->records)));
    tls_cap_tls cap;
    tls_cap_tls_init(&cap);
    cap.server_key = leaked;
    /* First the handshake: the reader finds the master secret and switches
     * each direction's protection on at its ChangeCipherSpec; application
     * data records it leaves alone, so they are opened here, in order. */
    size_t at = 0, n;
    int dir;
    const uint8_t *p;
    bool opened = false;
    while (recording_next(r, &at, &dir, &p, &n)) {
        tls_cap_tls_feed(&cap, dir, p, n);
        if (!opened && cap.by_key == TLS_CAP_KEY_DECRYPTED && cap.finished[1] != TLS_CAP_FINISHED_UNSEEN) {
            trace_opened(&cap, t, step, who);
            opened = true;
        }
        if (opened)
            open_app_data(&cap, dir, p, n, t, step, who);
    }
    attack_leak_result res = opened ? ATTACK_LEAK_DECRYPTED : ATTACK_LEAK_NOTHING;
    if (cap.by_key == TLS_CAP_KEY_FORWARD_SECRET) {
        trace_forward_secret(&cap, t, step, who);
        res = ATTACK_LEAK_FORWARD_SECRET;
    } else if (!opened) {
        tls_trace_note(t, step, who, TLS_TEXT_LEAK_NOTHING, NULL);
    }
    tls_cap_tls_free(&cap);
    return res;
}

/* ------------------------------------------------------------ the hooks */

/* The session carries a page: something worth decrypting later. */
void attack_record_then_leak_setup(tls_sim_config *cfg)
{
    cfg->app_data = true;
}

bool attack_record_then_leak_prepare(tls_attacker *a)
{
    a->recording = calloc(1, sizeof *a->recording);
    if (!a->recording)
        return false;
    attack_recording_init(a->recording);
    return true;
}

void attack_record_then_leak(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                             size_t len, tls_writer *out)
{
    (void)step;
    attack_recording_add(a->recording, sender, rec, len);
    tls_attacker_forward(rec, len, out);
}

/* After the session, the server's key leaks: the key of the certificate
 * the run's server presented. */
void attack_record_then_leak_end(tls_attacker *a, const tls_sim_result *res)
{
    (void)res;
    tls_key_kind kind = a->cfg.suite ? a->cfg.suite->auth : a->cfg.server_cert;
    const tls_demo_identity *server = tls_demo_server(kind);
    if (server)
        attack_leak_replay(a->recording, server->key, a->trace, TLS_STEP_AFTER,
                           TLS_PARTY_ATTACKER);
    attack_recording_free(a->recording);
    free(a->recording);
    a->recording = NULL;
}
