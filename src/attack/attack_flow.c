/* The attacks on the negotiation and on the end of the connection: strip
 * the strong suites from ClientHello (downgrade), cut the server's answer
 * short without close_notify (truncation); and False Start, where the
 * attacker watches a request sent before the server's Finished. */
#include <string.h>

#include "attack_internal.h"

/* The weak suite the downgraded server also accepts: RSA key exchange (no
 * forward secrecy) and CBC, as an old server configuration keeps "for
 * compatibility". */
#define WEAK_SUITE 0x002f

void attack_downgrade_setup(tls_sim_config *cfg)
{
    /* The weak suite needs the RSA certificate: so does the strong one. */
    if (cfg->suite && cfg->suite->auth != TLS_KEY_RSA)
        cfg->suite = NULL;
    cfg->server_cert = TLS_KEY_RSA;
    cfg->also_suite = tls_suite_by_id(WEAK_SUITE);
}

/* Weak: RSA key exchange with CBC; what tlssim does not implement (the
 * renegotiation SCSV) is left where it is. */
static bool weak(uint16_t id)
{
    const tls_suite *s = tls_suite_by_id(id);
    return !s || (s->kx == TLS_KX_RSA && s->cipher == TLS_CIPHER_AES_CBC);
}

/* ClientHello's body with only the weak suites: version(2) random(32)
 * session_id<0..32> cipher_suites<2..2^16-2> and the rest unchanged. */
static bool strip_suites(tls_attacker *a, int step, tls_reader *body, tls_writer *w)
{
    const uint8_t *p = tls_reader_ptr(body);
    size_t n = tls_reader_left(body);
    if (n < 35 || n < 35 + (size_t)p[34] + 2)
        return false;
    size_t at = 35 + p[34];
    size_t suites_len = (size_t)p[at] << 8 | p[at + 1];
    if (at + 2 + suites_len > n || suites_len % 2)
        return false;
    tls_writer_bytes(w, p, at);
    size_t mark = tls_writer_reserve(w, 2), kept = 0;
    for (size_t i = 0; i < suites_len; i += 2) {
        uint16_t id = (uint16_t)(p[at + 2 + i] << 8 | p[at + 3 + i]);
        if (weak(id)) {
            tls_writer_u16(w, id);
            kept++;
        }
    }
    tls_writer_patch(w, mark, 2);
    tls_writer_bytes(w, p + at + 2 + suites_len, n - at - 2 - suites_len);
    attacker_note(a, step, TLS_TEXT_ATTACK_STRIPPED_SUITES,
                  TLS_ARGS(TLS_ARG_U("offered", suites_len / 2), TLS_ARG_U("kept", kept)));
    return tls_writer_error(w) == TLS_OK;
}

void attack_downgrade(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                      size_t len, tls_writer *out)
{
    uint8_t type;
    tls_reader body;
    tls_writer msg;
    tls_writer_init(&msg);
    if (sender == TLS_PARTY_CLIENT && attacker_message(rec, len, &type, &body) && type == 1 &&
        strip_suites(a, step, &body, &msg))
        attacker_rewrite(rec, msg.data, msg.len, out);
    else
        tls_attacker_forward(rec, len, out);
    tls_writer_free(&msg);
    if (sender == TLS_PARTY_CLIENT && len > 0 && rec[0] == 20)
        attacker_note(a, step, TLS_TEXT_ATTACK_DOWNGRADE_FINISHED, NULL);
}

void attack_truncation_setup(tls_sim_config *cfg)
{
    cfg->app_data = true;
    cfg->split_response = true;
}

void attack_truncation(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                       size_t len, tls_writer *out)
{
    /* The server's page comes as its head, then its body: the attacker
     * lets the head through and cuts the connection there. */
    if (step == TLS_STEP_AFTER && sender == TLS_PARTY_SERVER && len > 0 && rec[0] == 23 &&
        a->server_records++ > 0) {
        a->cut = true;
        attacker_note(a, step, TLS_TEXT_ATTACK_CUT, TLS_ARGS(TLS_ARG_U("bytes", len)));
        return;
    }
    tls_attacker_forward(rec, len, out);
}

void attack_false_start_setup(tls_sim_config *cfg)
{
    cfg->app_data = true;
    cfg->false_start = true;
}

/* The attacker only watches: an early request is a record like the others. */
void attack_false_start(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                        size_t len, tls_writer *out)
{
    if (sender == TLS_PARTY_CLIENT && step != TLS_STEP_AFTER && len > 0 && rec[0] == 23)
        attacker_note(a, step, TLS_TEXT_ATTACK_FALSE_START_SEEN, NULL);
    tls_attacker_forward(rec, len, out);
}
