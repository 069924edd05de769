/*
 * The clear part of a captured connection, read the way the eavesdropper
 * reads the channel: records cut with tls_record_split, handshake messages
 * with tls_msg_frame, hellos with the engines' own parsers.  Only what a
 * listing needs is kept; after the hellos, records are only counted.
 */
#include <stdlib.h>
#include <string.h>

#include "cap_secrets.h"
#include "tlssim/capture.h"
#include "tlssim/record.h"
#include "tlssim/suites.h"

void tls_cap_tls_init(tls_cap_tls *t)
{
    memset(t, 0, sizeof(*t));
    for (int d = 0; d < 2; d++) {
        tls_writer_init(&t->rec[d]);
        tls_writer_init(&t->hs[d]);
    }
    tls_writer_init(&t->transcript);
}

void tls_cap_tls_free(tls_cap_tls *t)
{
    for (int d = 0; d < 2; d++) {
        tls_writer_free(&t->rec[d]);
        tls_writer_free(&t->hs[d]);
    }
    cap_secrets_free(t);
}

tls_cap_follow tls_cap_tls_follow(const tls_cap_tls *t)
{
    if (!t->server_hello)
        return TLS_CAP_FOLLOW_NO_HELLO;
    if (t->version != TLS_VERSION_1_2)
        return TLS_CAP_FOLLOW_VERSION;
    if (!tls_suite_by_id(t->suite))
        return TLS_CAP_FOLLOW_SUITE;
    return TLS_CAP_FOLLOW_OK;
}

/* The extensions of a hello that tlssim does not implement: named in the
 * listing, skipped by the parsers. */
static void learn_skipped(tls_cap_tls *t, int dir, const tls_ext_seen *exts, size_t n,
                          size_t total)
{
    for (size_t i = 0; i < n; i++)
        if (!tls_extension_implemented(exts[i].type))
            t->skipped[dir][t->nskipped[dir]++] = exts[i].type;
    t->skipped_more[dir] = total - n;
}

/* TLS 1.3 keeps 0x0303 in server_version and says 0x0304 in the
 * supported_versions extension (RFC 8446 §4.1.3, §4.2.1). */
static uint16_t chosen_version(const tls_server_hello *sh)
{
    for (size_t i = 0; i < sh->nexts; i++)
        if (sh->exts[i].type == TLS_EXT_SUPPORTED_VERSIONS && sh->exts[i].len == 2)
            return (uint16_t)(sh->exts[i].data[0] << 8 | sh->exts[i].data[1]);
    return sh->version;
}

static void learn_client_hello(tls_cap_tls *t, tls_reader *body)
{
    tls_client_hello *ch = calloc(1, sizeof(*ch));
    if (ch && tls_client_hello_parse(body, ch) == TLS_OK) {
        t->client_hello = true;
        t->client_version = ch->version;
        memcpy(t->client_random, ch->random, sizeof(t->client_random));
        if (ch->has_server_name)
            memcpy(t->server_name, ch->server_name, sizeof(t->server_name));
        memcpy(t->offered_id, ch->session_id, ch->session_id_len);
        t->offered_id_len = ch->session_id_len;
        t->offered_ticket_set = ch->has_ticket_ext && ch->ticket_len > 0 &&
                                tls_hash(TLS_HASH_SHA256, ch->ticket, ch->ticket_len,
                                         t->offered_ticket) == TLS_OK;
        learn_skipped(t, 0, ch->exts, ch->nexts, ch->nexts_total);
    }
    free(ch);
}

static void learn_server_hello(tls_cap_tls *t, tls_reader *body)
{
    tls_server_hello sh;
    memset(&sh, 0, sizeof(sh));
    if (tls_server_hello_parse(body, &sh) != TLS_OK)
        return;
    t->server_hello = true;
    memcpy(t->server_random, sh.random, sizeof(t->server_random));
    t->version = chosen_version(&sh);
    learn_skipped(t, 1, sh.exts, sh.nexts, sh.nexts_total);
    t->suite = sh.suite;
    t->ems = sh.has_ems;
    t->etm = sh.has_etm;
    memcpy(t->session_id, sh.session_id, sh.session_id_len);
    t->session_id_len = sh.session_id_len;
    /* As the flows tell it (tls_flow_of_server_hello): the echo says resumed.
     * A ticket offered with no echo (an empty session ID, RFC 5077 §3.4):
     * what the server sends next says it, as it tells the client. */
    t->resuming = t->offered_id_len > 0 && sh.session_id_len == t->offered_id_len &&
                  memcmp(sh.session_id, t->offered_id, t->offered_id_len) == 0;
    t->undecided = !t->resuming && t->offered_ticket_set;
}

/* The server's message after an undecided ServerHello: a Certificate is a
 * full handshake; NewSessionTicket or ChangeCipherSpec, the ticket's
 * session resumed (tls_flow_follow reads the flow so too). */
static void settle_resumption(tls_cap_tls *t, bool resumed)
{
    if (!t->undecided)
        return;
    t->undecided = false;
    t->resuming = resumed;
}

/* The ticket a NewSessionTicket issues: a later connection may resume with it. */
static void learn_ticket(tls_cap_tls *t, tls_reader *body)
{
    tls_new_session_ticket m;
    t->ticket = tls_new_session_ticket_parse(body, &m) == TLS_OK && m.ticket_len > 0 &&
                tls_hash(TLS_HASH_SHA256, m.ticket, m.ticket_len, t->ticket_hash) == TLS_OK;
}

static void learn_client_certificate(tls_cap_tls *t, tls_reader *body)
{
    tls_certificate_msg m;
    t->client_certificate = tls_certificate_parse(body, &m) == TLS_OK && m.total > 0;
}

typedef struct tls_dir_ctx {
    tls_cap_tls *t;
    int dir;
} tls_dir_ctx;

static void learn_message(void *ctx, uint8_t type, tls_reader *body)
{
    tls_dir_ctx *c = ctx;
    tls_cap_tls *t = c->t;
    cap_secrets_message(t, type, body);
    if (c->dir == 1 && type != TLS_HS_SERVER_HELLO && t->server_hello)
        settle_resumption(t, type == TLS_HS_NEW_SESSION_TICKET);
    if (c->dir == 0 && type == TLS_HS_CLIENT_HELLO && !t->client_hello)
        learn_client_hello(t, body);
    else if (c->dir == 1 && type == TLS_HS_SERVER_HELLO && !t->server_hello)
        learn_server_hello(t, body);
    else if (c->dir == 1 && type == TLS_HS_CERTIFICATE)
        cap_secrets_certificate(t, body);
    else if (c->dir == 1 && type == TLS_HS_CERTIFICATE_REQUEST)
        t->cert_request = true;
    else if (c->dir == 1 && type == TLS_HS_NEW_SESSION_TICKET)
        learn_ticket(t, body);
    else if (c->dir == 0 && type == TLS_HS_CERTIFICATE)
        learn_client_certificate(t, body);
    else if (c->dir == 0 && type == TLS_HS_CLIENT_KEY_EXCHANGE)
        cap_secrets_client_key_exchange(t, body);
    cap_secrets_hellos(t);
}

static void handshake_bytes(tls_cap_tls *t, int dir, const uint8_t *p, size_t n)
{
    tls_dir_ctx c = { t, dir };
    if (tls_msg_each(&t->hs[dir], p, n, learn_message, &c) == TLS_READ_OVERSIZE)
        t->stopped[dir] = true;
}

static void on_record(tls_cap_tls *t, int dir, const tls_record *rec)
{
    t->records[dir]++;
    if (rec->type == TLS_CT_CHANGE_CIPHER_SPEC && !t->ccs[dir]) {
        t->ccs[dir] = true;
        if (dir == 1 && !t->certificate && t->server_hello && t->version == TLS_VERSION_1_2)
            t->resumed = true;
        if (dir == 1 && t->server_hello) {
            settle_resumption(t, true);
            cap_secrets_hellos(t);  /* the resumed session's keys, before they are used */
        }
        cap_secrets_ccs(t, dir);
    } else if (t->ccs[dir]) {
        cap_secrets_encrypted(t, dir, rec);
    } else if (rec->type == TLS_CT_HANDSHAKE) {
        handshake_bytes(t, dir, rec->fragment, rec->fragment_len);
    }
}

/* A TLS record header: a known content type and a 3.x version. */
static bool looks_like_record(const uint8_t *p, size_t n)
{
    return n < 2 || (p[0] >= TLS_CT_CHANGE_CIPHER_SPEC && p[0] <= TLS_CT_APPLICATION_DATA &&
                     p[1] == 3);
}

void tls_cap_tls_feed(tls_cap_tls *t, int dir, const uint8_t *p, size_t n)
{
    tls_writer *buf = &t->rec[dir];
    if (t->stopped[dir])
        return;
    if (dir == 0 && t->records[0] == 0 && buf->len == 0)
        t->tls = n > 0 && p[0] == TLS_CT_HANDSHAKE && looks_like_record(p, n);
    tls_writer_bytes(buf, p, n);
    size_t at = 0;
    tls_record rec;
    size_t need;
    tls_read_result r = TLS_READ_OK;
    while (!t->stopped[dir] && looks_like_record(buf->data + at, buf->len - at) &&
           (r = tls_record_split(buf->data + at, buf->len - at, &rec, &need)) == TLS_READ_OK) {
        on_record(t, dir, &rec);
        at += rec.wire_len;
    }
    tls_writer_consume(buf, at);
    if (r == TLS_READ_OVERSIZE || !looks_like_record(buf->data, buf->len) ||
        tls_writer_error(buf) != TLS_OK)
        t->stopped[dir] = true;
}

typedef struct list_ctx {
    tls_cap_list_fn fn;
    void *ctx;
    const struct tls_keylog *keys;
    const tls_privkey *server_key;
    tls_cap_sessions *sessions;   /* kept as connections end, or NULL */
} list_ctx;

static void list_new(void *ctx, tls_cap_conn *c)
{
    list_ctx *l = ctx;
    tls_cap_tls *t = malloc(sizeof(*t));
    if (!t) {
        c->ignore = true;
        return;
    }
    tls_cap_tls_init(t);
    t->keys = l->keys;
    t->server_key = l->server_key;
    t->sessions = l->sessions;
    t->conn = c->id;
    c->user = t;
}

static void list_data(void *ctx, tls_cap_conn *c, int dir, const uint8_t *p, size_t n,
                      uint64_t off, uint64_t frame)
{
    (void)ctx;
    (void)off;
    (void)frame;
    tls_cap_tls *t = c->user;
    tls_cap_tls_feed(t, dir, p, n);
    if (!t->tls) {              /* not TLS: nothing more to keep */
        tls_cap_tls_free(t);
        free(t);
        c->user = NULL;
        c->ignore = true;
    }
}

static void list_end(void *ctx, tls_cap_conn *c)
{
    list_ctx *l = ctx;
    tls_cap_tls *t = c->user;
    if (!t)
        return;
    if (t->tls)
        l->fn(l->ctx, c, t);
    if (t->tls && l->sessions)
        cap_secrets_session_keep(l->sessions, t);
    tls_cap_tls_free(t);
    free(t);
    c->user = NULL;
}

tls_cap_status tls_cap_list(const char *path, const struct tls_keylog *keys,
                            const tls_privkey *server_key, tls_cap_list_fn fn, void *ctx,
                            tls_cap_stats *stats, char *detail, size_t detail_len)
{
    return tls_cap_list_sessions(path, keys, server_key, NULL, fn, ctx, stats, detail,
                                 detail_len);
}

tls_cap_status tls_cap_list_sessions(const char *path, const struct tls_keylog *keys,
                                     const tls_privkey *server_key, tls_cap_sessions *sessions,
                                     tls_cap_list_fn fn, void *ctx, tls_cap_stats *stats,
                                     char *detail, size_t detail_len)
{
    list_ctx l = { fn, ctx, keys, server_key, sessions };
    tls_cap_sink sink = { &l, list_new, list_data, NULL, list_end };
    return tls_cap_read(path, &sink, stats, detail, detail_len);
}
