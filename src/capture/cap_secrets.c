/*
 * Following a captured connection's secrets with a key log: the master
 * secret found by ClientHello.random, the key block derived for the suite
 * the ServerHello chose, each direction's protection switched on at its
 * ChangeCipherSpec the way the engines do (tls_record_protect_start), and
 * each Finished decrypted and checked against the transcript the capture
 * shows.  With the master secret from the key log, the extended master
 * secret makes no difference here: it only changes how the master is made.
 */
#include <stdlib.h>
#include <string.h>

#include "cap_secrets.h"
#include "tlssim/crypto.h"
#include "tlssim/suites.h"

void cap_secrets_message(tls_cap_tls *t, uint8_t type, const tls_reader *body)
{
    if (!t->keys && !t->server_key)
        return;
    tls_writer_u8(&t->transcript, type);
    tls_writer_u24(&t->transcript, (uint32_t)body->len);
    tls_writer_bytes(&t->transcript, body->data, body->len);
}

/* The key block from t->master, for the suite the ServerHello chose. */
static void derive(tls_cap_tls *t)
{
    const tls_suite *s = tls_suite_by_id(t->suite);
    if (s)
        t->derived = tls_key_block_derive(s, t->master, t->client_random, t->server_random,
                                          &t->kb, NULL) == TLS_OK;
}

/* An abbreviated handshake: the master secret of the session it resumes,
 * when an earlier connection of the capture made it and the key material
 * opened that one (RFC 5246 §7.3: the same master, new randoms; RFC 5077
 * §3.4: a ticket names its session, else the echoed session ID does). */
static void resume(tls_cap_tls *t)
{
    const tls_cap_session *found = NULL;
    for (size_t i = t->sessions ? t->sessions->n : 0; i-- > 0 && !found;) {
        const tls_cap_session *ss = &t->sessions->s[i];
        if (ss->conn >= t->conn)
            continue;
        if (t->offered_ticket_set ? ss->ticket && !memcmp(ss->ticket_hash, t->offered_ticket, 32)
                                  : ss->id_len == t->session_id_len &&
                                        !memcmp(ss->id, t->session_id, ss->id_len))
            found = ss;
    }
    if (!found)
        return;
    memcpy(t->master, found->master, sizeof t->master);
    t->session_conn = found->conn;
    derive(t);
}

void cap_secrets_hellos(tls_cap_tls *t)
{
    if (!t->client_hello || t->keyed || t->session_conn || t->by_key != TLS_CAP_KEY_UNUSED ||
        tls_cap_tls_follow(t) != TLS_CAP_FOLLOW_OK)
        return;
    if (t->keys)
        t->keyed = tls_keylog_find(t->keys, t->client_random, t->master);
    const tls_suite *s = tls_suite_by_id(t->suite);
    if (t->keyed)
        derive(t);
    else if (t->resuming)
        resume(t);
    else if (t->server_key && s && s->kx != TLS_KX_RSA && !t->undecided)
        t->by_key = TLS_CAP_KEY_FORWARD_SECRET;
}

void cap_secrets_session_keep(tls_cap_sessions *ss, const tls_cap_tls *t)
{
    /* Only a master secret a Finished proved. */
    bool proved = t->finished[0] == TLS_CAP_FINISHED_OK || t->finished[1] == TLS_CAP_FINISHED_OK;
    if (!t->derived || !proved || (!t->session_id_len && !t->ticket) ||
        ss->n >= TLS_CAP_SESSIONS_MAX)
        return;
    if (ss->n == ss->cap) {
        size_t cap = ss->cap ? 2 * ss->cap : 16;
        tls_cap_session *p = realloc(ss->s, cap * sizeof *p);
        if (!p)
            return;
        ss->s = p;
        ss->cap = cap;
    }
    tls_cap_session *n = &ss->s[ss->n++];
    memset(n, 0, sizeof *n);
    n->conn = t->conn;
    memcpy(n->id, t->session_id, t->session_id_len);
    n->id_len = t->session_id_len;
    memcpy(n->ticket_hash, t->ticket_hash, sizeof n->ticket_hash);
    n->ticket = t->ticket;
    memcpy(n->master, t->master, sizeof n->master);
}

void tls_cap_sessions_free(tls_cap_sessions *ss)
{
    if (ss->s)
        tls_wipe(ss->s, ss->cap * sizeof *ss->s);
    free(ss->s);
    memset(ss, 0, sizeof *ss);
}

void cap_secrets_certificate(tls_cap_tls *t, tls_reader *body)
{
    t->certificate = true;
    tls_certificate_msg m;
    if (!t->server_key || tls_certificate_parse(body, &m) != TLS_OK || m.ncerts == 0)
        return;
    tls_x509 *leaf = NULL;
    if (tls_x509_add_der(&leaf, m.certs[0], m.cert_lens[0]) == TLS_OK &&
        !tls_privkey_matches_x509(t->server_key, leaf, 0))
        t->by_key = TLS_CAP_KEY_MISMATCH;
    tls_x509_free(leaf);
}

/* The RSA-encrypted pre-master, opened with the server's key; the master
 * secret as the server made it (extended when the hellos agreed on it:
 * the transcript already ends with this ClientKeyExchange). */
static void open_pre_master(tls_cap_tls *t, const tls_suite *s, const tls_client_key_exchange *cke)
{
    uint8_t pm[512], h[TLS_HASH_MAX];
    size_t len = 0;
    tls_rng *rng = tls_rng_new_entropy("capture");
    bool ok = rng && tls_privkey_decrypt(t->server_key, rng, cke->data, cke->len, pm, sizeof pm,
                                         &len) == TLS_OK && len == 48;
    tls_rng_free(rng);
    if (ok && t->ems)
        ok = tls_hash(s->prf_hash, t->transcript.data, t->transcript.len, h) == TLS_OK;
    if (ok)
        ok = tls_master_secret_derive(s->prf_hash, pm, 48, t->ems ? h : NULL, t->client_random,
                                      t->server_random, t->master, NULL) == TLS_OK;
    if (ok)
        memcpy(t->pre_master, pm, 48);
    tls_wipe(pm, sizeof pm);
    t->by_key = ok ? TLS_CAP_KEY_DECRYPTED : TLS_CAP_KEY_NO_DECRYPT;
    if (ok)
        derive(t);
}

void cap_secrets_client_key_exchange(tls_cap_tls *t, tls_reader *body)
{
    const tls_suite *s = tls_suite_by_id(t->suite);
    if (t->keyed || !t->server_key || !s || s->kx != TLS_KX_RSA || t->by_key != TLS_CAP_KEY_UNUSED)
        return;
    tls_client_key_exchange cke = {.is_rsa = true};
    if (tls_client_key_exchange_parse(body, &cke) == TLS_OK)
        open_pre_master(t, s, &cke);
    else
        t->by_key = TLS_CAP_KEY_NO_DECRYPT;
}

void cap_secrets_ccs(tls_cap_tls *t, int dir)
{
    const tls_suite *s = tls_suite_by_id(t->suite);
    if (t->derived && s)
        tls_record_protect_start(&t->prot[dir], s, t->etm, &t->kb, dir == 0, NULL);
}

/* verify_data of \p dir's Finished over the transcript so far. */
static bool finished_matches(tls_cap_tls *t, int dir, const tls_finished *fin)
{
    const tls_suite *s = tls_suite_by_id(t->suite);
    uint8_t h[TLS_HASH_MAX], want[12];
    if (!s || tls_writer_error(&t->transcript) != TLS_OK ||
        tls_hash(s->prf_hash, t->transcript.data, t->transcript.len, h) != TLS_OK ||
        tls_verify_data(s->prf_hash, t->master, dir == 0 ? "client finished" : "server finished",
                        h, want) != TLS_OK)
        return false;
    uint8_t diff = 0;
    for (size_t i = 0; i < 12; i++)
        diff |= (uint8_t)(want[i] ^ fin->verify_data[i]);
    return diff == 0;
}

void cap_secrets_encrypted(tls_cap_tls *t, int dir, const tls_record *rec)
{
    if (!t->prot[dir].active || rec->type != TLS_CT_HANDSHAKE ||
        t->finished[dir] != TLS_CAP_FINISHED_UNSEEN)
        return;
    uint8_t plain[TLS_MAX_CIPHERTEXT];
    size_t n = 0;
    t->finished[dir] = TLS_CAP_FINISHED_UNREADABLE;
    if (tls_record_open(rec, &t->prot[dir], plain, &n, NULL) != TLS_OK)
        return;
    tls_reader r, body;
    uint8_t type;
    tls_finished fin;
    tls_reader_init(&r, plain, n, NULL, 0);
    if (tls_msg_header_parse(&r, &type, &body) != TLS_OK || type != TLS_HS_FINISHED ||
        tls_finished_parse(&body, &fin) != TLS_OK)
        return;
    t->finished[dir] = finished_matches(t, dir, &fin) ? TLS_CAP_FINISHED_OK : TLS_CAP_FINISHED_BAD;
    tls_reader_init(&r, plain, n, NULL, 0);
    tls_msg_header_parse(&r, &type, &body);
    cap_secrets_message(t, type, &body);
    tls_wipe(plain, n);
}

void cap_secrets_free(tls_cap_tls *t)
{
    tls_wipe(t->master, sizeof(t->master));
    tls_wipe(t->pre_master, sizeof(t->pre_master));
    tls_wipe(&t->kb, sizeof(t->kb));
    tls_wipe(t->prot, sizeof(t->prot));
    tls_writer_free(&t->transcript);
}
