/*
 * The capture driver: one connection of a capture replayed as a run (see
 * tlssim/capwalk.h).  This file finds the connection (a first pass with
 * the listing reader), streams it a second time, cuts each direction into
 * records and says which frames carried each; cap_walk_msg.c follows what
 * the records hold.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap_walk_internal.h"

typedef struct find_ctx {
    const tls_cap_walk_config *cfg;
    tls_cap_walk_info *info;
    bool found, conn_seen;
} find_ctx;

/* The connection's description from the listing reader's summary. */
static void take(tls_cap_walk_info *info, const tls_cap_conn *c, const tls_cap_tls *t)
{
    info->conn = c->id;
    info->client = c->end[0];
    info->server = c->end[1];
    info->first_frame = c->first_frame;
    info->last_frame = c->last_frame;
    memcpy(info->server_name, t->server_name, sizeof info->server_name);
    info->version = t->server_hello ? t->version : 0;
    info->suite_id = t->suite;
    info->suite = t->server_hello ? tls_suite_by_id(t->suite) : NULL;
    info->ems = t->ems;
    info->etm = t->etm && info->suite && info->suite->cipher == TLS_CIPHER_AES_CBC;
    info->resumed = t->resumed;
}

static void find_one(void *ctx, const tls_cap_conn *c, const tls_cap_tls *t)
{
    find_ctx *f = ctx;
    f->info->tls_conns++;
    /* Connections are reported as they end: the first by number wins. */
    bool wanted = f->cfg->conn ? c->id == f->cfg->conn : !f->found || c->id < f->info->conn;
    if (wanted) {
        take(f->info, c, t);
        f->found = true;
    }
}

/* The first pass.  With a server key, each connection's secrets are
 * followed too, and the sessions they made kept in \p sessions: the
 * connection followed may resume one of them. */
static tls_cap_walk_status walk_find(const tls_cap_walk_config *cfg, tls_cap_walk_info *info,
                                     tls_cap_sessions *sessions)
{
    memset(info, 0, sizeof *info);
    find_ctx f = {cfg, info, false, false};
    bool follow = sessions && cfg->server_key;
    info->read_status = tls_cap_list_sessions(cfg->path, follow ? cfg->keys : NULL,
                                              follow ? cfg->server_key : NULL,
                                              follow ? sessions : NULL, find_one, &f,
                                              &info->stats, info->detail, sizeof info->detail);
    /* A capture cut short still has its earlier connections. */
    if (info->read_status != TLS_CAP_OK && !(info->read_status == TLS_CAP_TRUNCATED && f.found))
        return TLS_CAP_WALK_UNREADABLE;
    if (!f.found && cfg->conn)
        return cfg->conn <= info->stats.conns ? TLS_CAP_WALK_CONN_NOT_TLS : TLS_CAP_WALK_NO_CONN;
    if (!f.found)
        return TLS_CAP_WALK_NO_TLS;
    if (info->version && info->version != TLS_VERSION_1_2)
        return TLS_CAP_WALK_NOT_TLS12;
    return TLS_CAP_WALK_OK;
}

tls_cap_walk_status tls_cap_walk_find(const tls_cap_walk_config *cfg, tls_cap_walk_info *info)
{
    return walk_find(cfg, info, NULL);
}

/* ------------------------------------------------------------ frames */

/* "frame 7", "frames 7-9", "frames 4, 7, 9" (the frames whose bytes the
 * record at stream offsets [from, to) holds). */
static void frames_of(const walk_dir *wd, uint64_t from, uint64_t to, char *out, size_t len)
{
    size_t o = 0, count = 0;
    uint64_t first = 0, last = 0;
    bool consecutive = true;
    char list[200];
    list[0] = '\0';
    for (size_t i = 0; i < wd->nspans; i++) {
        uint64_t end = i + 1 < wd->nspans ? wd->spans[i + 1].off : UINT64_MAX;
        if (wd->spans[i].off >= to || end <= from)
            continue;
        uint64_t fr = wd->spans[i].frame;
        if (count && fr == last)
            continue;
        consecutive &= count == 0 || fr == last + 1;
        if (!count)
            first = fr;
        last = fr;
        count++;
        if (o < sizeof list)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%" PRIu64, count > 1 ? ", " : "", fr);
    }
    if (count <= 1)
        snprintf(out, len, "frame %" PRIu64, first);
    else if (consecutive)
        snprintf(out, len, "frames %" PRIu64 "-%" PRIu64 " (%zu TCP segments)", first, last, count);
    else
        snprintf(out, len, "frames %s (%zu TCP segments)", list, count);
}

/* Forget the chunks wholly before stream offset \p off. */
static void spans_drop(walk_dir *wd, uint64_t off)
{
    size_t keep = 0;
    while (keep + 1 < wd->nspans && wd->spans[keep + 1].off <= off)
        keep++;
    memmove(wd->spans, wd->spans + keep, (wd->nspans - keep) * sizeof wd->spans[0]);
    wd->nspans -= keep;
}

/* A TLS record header: a known content type and a 3.x version. */
static bool looks_like_record(const uint8_t *p, size_t n)
{
    return n < 2 || (p[0] >= TLS_CT_CHANGE_CIPHER_SPEC && p[0] <= TLS_CT_APPLICATION_DATA &&
                     p[1] == 3);
}

/* Bytes of direction \p d, in stream order: each whole record goes on. */
static void walk_bytes(walk *w, int d, const uint8_t *p, size_t n, uint64_t off, uint64_t frame)
{
    walk_dir *wd = &w->dir[d];
    if (wd->stopped)
        return;
    if (wd->rec.len == 0)
        wd->rec_off = off;
    if (wd->nspans == WALK_SPANS) /* many tiny segments: the last one stands for the rest */
        wd->nspans--;
    wd->spans[wd->nspans++] = (walk_span){off, frame};
    tls_writer_bytes(&wd->rec, p, n);
    size_t at = 0, need;
    tls_record rec;
    tls_read_result r = TLS_READ_OK;
    while (!wd->stopped && looks_like_record(wd->rec.data + at, wd->rec.len - at) &&
           (r = tls_record_split(wd->rec.data + at, wd->rec.len - at, &rec, &need)) ==
               TLS_READ_OK) {
        char frames[256];
        frames_of(wd, wd->rec_off + at, wd->rec_off + at + rec.wire_len, frames, sizeof frames);
        walk_record(w, d, &rec, frames);
        at += rec.wire_len;
    }
    tls_writer_consume(&wd->rec, at);
    wd->rec_off += at;
    spans_drop(wd, wd->rec_off);
    if (r == TLS_READ_OVERSIZE || !looks_like_record(wd->rec.data, wd->rec.len) ||
        tls_writer_error(&wd->rec) != TLS_OK)
        wd->stopped = true;
}

/* ------------------------------------------------------------ the pass */

static void on_new(void *ctx, tls_cap_conn *c)
{
    walk *w = ctx;
    c->ignore = c->id != w->info->conn;
}

static void on_data(void *ctx, tls_cap_conn *c, int dir, const uint8_t *p, size_t n,
                    uint64_t off, uint64_t frame)
{
    walk *w = ctx;
    if (c->id == w->info->conn)
        walk_bytes(w, dir, p, n, off, frame);
}

static void on_gap(void *ctx, tls_cap_conn *c, int dir)
{
    walk *w = ctx;
    if (c->id != w->info->conn || w->dir[dir].stopped)
        return;
    const tls_cap_dir *cd = &c->dir[dir];
    int step = w->dir[dir].at + 1;
    tls_trace_note(w->trace, tls_flow_msg(w->flow, step) ? step : TLS_STEP_AFTER,
                   TLS_PARTY_WIRE, TLS_TEXT_CAP_GAP,
                   TLS_ARGS(TLS_ARG_T("party", tls_party_name(walk_sender(dir))),
                            TLS_ARG_U("offset", cd->gap_off), TLS_ARG_U("frame", cd->gap_frame)));
    w->dir[dir].stopped = true;
    w->gap_dir = (size_t)dir + 1;
}

static void walk_init(walk *w, const tls_cap_walk_config *cfg, tls_trace *trace,
                      tls_cap_walk_info *info)
{
    memset(w, 0, sizeof *w);
    w->cfg = cfg;
    w->info = info;
    w->trace = trace;
    w->flow = tls_flow_default();
    tls_cap_tls_init(&w->sec);
    w->sec.keys = cfg->keys;
    w->sec.server_key = cfg->server_key;
    w->sec.sessions = &w->sessions;
    w->sec.conn = info->conn;
    tls_eavesdropper_init(&w->eve, trace);
    for (int d = 0; d < 2; d++) {
        tls_writer_init(&w->dir[d].rec);
        tls_writer_init(&w->dir[d].hs);
    }
}

static void walk_free(walk *w)
{
    tls_cap_tls_free(&w->sec);
    tls_cap_sessions_free(&w->sessions);
    tls_eavesdropper_free(&w->eve);
    for (int d = 0; d < 2; d++) {
        tls_writer_free(&w->dir[d].rec);
        tls_writer_free(&w->dir[d].hs);
        tls_wipe(&w->dir[d].prot, sizeof w->dir[d].prot);
    }
}

/* The result when the connection could not even be found. */
static tls_err not_found(tls_sim_result *res, tls_err err, tls_text_id id, const tls_text_arg *args)
{
    res->done = true;
    res->err = err;
    tls_text_make(&res->why_text, id, args);
    tls_text_english_into(&res->why_text, res->why, sizeof res->why);
    return err;
}

tls_err tls_cap_walk(const tls_cap_walk_config *cfg, tls_trace *trace, tls_sim_result *res,
                     tls_cap_walk_info *info)
{
    memset(res, 0, sizeof *res);
    tls_cap_sessions sessions = {0};
    if (walk_find(cfg, info, &sessions) != TLS_CAP_WALK_OK) {
        tls_cap_sessions_free(&sessions);
        return not_found(res, TLS_ERR_DECODE, TLS_TEXT_FREE,
                         TLS_ARGS(TLS_ARG_S("text", cfg->path)));
    }
    walk *w = malloc(sizeof *w);
    if (!w) {
        tls_cap_sessions_free(&sessions);
        return not_found(res, TLS_ERR_INTERNAL, TLS_TEXT_OUT_OF_MEMORY, NULL);
    }
    walk_init(w, cfg, trace, info);
    w->sessions = sessions;
    tls_cap_sink sink = {w, on_new, on_data, on_gap, NULL};
    tls_cap_stats stats;
    char detail[256];
    tls_cap_read(cfg->path, &sink, &stats, detail, sizeof detail);
    walk_finish(w, res);
    walk_free(w);
    free(w);
    return res->err;
}
