/* Dissections and the event trace: see include/tlssim/event.h. */
#include "tlssim/event.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlssim/crypto.h"
#include "tlssim/handshake.h"
#include "tlssim/prf.h"

const char *tls_party_name(tls_party p)
{
    switch (p) {
    /* Also words of sentences (TLS_ARG_T): translatable. */
    case TLS_PARTY_CLIENT: return TLS_TERM("client");
    case TLS_PARTY_SERVER: return TLS_TERM("server");
    case TLS_PARTY_WIRE: return TLS_TERM("wire");
    case TLS_PARTY_ATTACKER: return TLS_TERM("attacker");
    }
    return "?";
}

const char *tls_event_kind_name(tls_event_kind k)
{
    static const char *const names[] = {"step", "record", "message", "value",
                                        "check", "alert", "note"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

/* "000102...ff": a byte's two digits in one copy. */
#define HEX_ROW(h)                                                                       \
    h "0" h "1" h "2" h "3" h "4" h "5" h "6" h "7" h "8" h "9" h "a" h "b" h "c" h "d" \
    h "e" h "f"
static const char hex_pairs[] = HEX_ROW("0") HEX_ROW("1") HEX_ROW("2") HEX_ROW("3")
    HEX_ROW("4") HEX_ROW("5") HEX_ROW("6") HEX_ROW("7") HEX_ROW("8") HEX_ROW("9")
    HEX_ROW("a") HEX_ROW("b") HEX_ROW("c") HEX_ROW("d") HEX_ROW("e") HEX_ROW("f");

void tls_hex_into(const uint8_t *p, size_t len, char *out, size_t cap)
{
    if (!cap)
        return;
    /* As many bytes as fit before the NUL, decided once. */
    size_t n = len < (cap - 1) / 2 ? len : (cap - 1) / 2;
    for (size_t i = 0; i < n; i++)
        memcpy(out + 2 * i, hex_pairs + 2 * p[i], 2);
    out[2 * n] = '\0';
}

char *tls_hex(const uint8_t *p, size_t len)
{
    char *s = malloc(2 * len + 1);
    if (s)
        tls_hex_into(p, len, s, 2 * len + 1);
    return s;
}

/* How much of a catalogue text matters: up to the end of its last value
 * (the rest of the values array, 2 KiB, is never read). */
static size_t text_size(const tls_text *m)
{
    size_t used = 1; /* values[0], set even with no argument */
    if (m->nargs > 0) {
        size_t last = m->value_at[m->nargs - 1];
        used = last + strlen(m->values + last) + 1;
    }
    return offsetof(tls_text, values) + used;
}

/* ------------------------------------------------------------ dissect */

/* The fields' values and notes (and names made at run time) live in
 * chunks owned by their dissection, freed with it: a handshake makes a few
 * hundred of them, and a malloc and a free for each was most of what the
 * bookkeeping cost.  Chunks never move (pointers into them stay valid);
 * each is twice its predecessor, the first 512 bytes, which a record's
 * dissection fits and a message's fills in a few.  A trace copies a
 * record's dissection into its store (store_dissect), exactly as big as it
 * is, and frees these chunks and its field list. */
struct tls_strpool {
    struct tls_strpool *next;
    size_t used, cap;
    char data[];
};

#define POOL_FIRST 512
#define POOL_MAX_CHUNK 16384

/* Every piece starts aligned for a note (tls_text), the one that needs it. */
#define POOL_ALIGN 8
_Static_assert(_Alignof(tls_text) <= POOL_ALIGN, "a note in a pool is aligned");
_Static_assert(offsetof(struct tls_strpool, data) % POOL_ALIGN == 0, "a chunk is aligned");

static size_t pool_round(size_t n) { return (n + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1); }

static char *pool_alloc(tls_dissect *d, size_t n)
{
    tls_strpool *p = d->pool;
    n = pool_round(n);
    if (!p || p->cap - p->used < n) {
        size_t cap = p ? 2 * p->cap : POOL_FIRST;
        if (cap > POOL_MAX_CHUNK)
            cap = POOL_MAX_CHUNK;
        if (cap < n)
            cap = n;
        tls_strpool *q = malloc(sizeof *q + cap);
        if (!q)
            return NULL;
        q->next = p;
        q->used = 0;
        q->cap = cap;
        d->pool = p = q;
    }
    char *s = p->data + p->used;
    p->used += n;
    return s;
}

/* The first \p n bytes of \p s as a string in \p d's pool. */
static char *pool_strn(tls_dissect *d, const char *s, size_t n)
{
    char *c = pool_alloc(d, n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* Formatted once into a stack buffer, which nearly every value fits; only
 * a longer one is formatted a second time, into the pool. */
static char *pool_vformat(tls_dissect *d, const char *fmt, va_list ap)
{
    char buf[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    if ((size_t)n < sizeof buf)
        return pool_strn(d, buf, (size_t)n);
    char *s = pool_alloc(d, (size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void tls_dissect_free(tls_dissect *d)
{
    /* A stored dissection's memory is its trace's. */
    if (!d->stored)
        free(d->fields);
    for (tls_strpool *p = d->pool, *next; p; p = next) {
        next = p->next;
        free(p);
    }
    memset(d, 0, sizeof *d);
}

/* Appends a field whose value is already in the pool (NULL: out of memory). */
/* A field's name is the protocol's (a literal or a table's, kept as a
 * pointer) unless \p copy_name: a handshake has a few hundred fields, and
 * copying each name cost as much as making its value. */
static size_t dissect_push(tls_dissect *d, size_t offset, size_t length, int depth,
                           const char *name, char *value, bool copy_name)
{
    if (d->stored) {
        d->oom = true;
        return (size_t)-1;
    }
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 16; /* 1 KiB: a record's fields, at once */
        tls_field *f = realloc(d->fields, cap * sizeof *f);
        if (!f) {
            d->oom = true;
            return (size_t)-1;
        }
        d->fields = f;
        d->cap = cap;
    }
    tls_field *f = &d->fields[d->n];
    f->offset = offset;
    f->length = length;
    f->depth = depth;
    f->note = NULL;
    f->note_at = 0;
    f->sized = 0;
    f->sized_hex = 0;
    f->own_name = copy_name;
    f->name = copy_name && name ? pool_strn(d, name, strlen(name)) : (char *)name;
    f->value = value;
    if (!f->name || !f->value) {
        d->oom = true;
        return (size_t)-1;
    }
    return d->n++;
}

size_t tls_dissect_add(tls_dissect *d, size_t offset, size_t length, int depth,
                       const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *value = pool_vformat(d, fmt, ap);
    va_end(ap);
    return dissect_push(d, offset, length, depth, name, value, false);
}

size_t tls_dissect_add_text(tls_dissect *d, size_t offset, size_t length, int depth,
                            const char *name, const char *value, size_t value_len)
{
    return dissect_push(d, offset, length, depth, name, pool_strn(d, value, value_len), false);
}

size_t tls_dissect_add_text_copy(tls_dissect *d, size_t offset, size_t length, int depth,
                                 const char *name, const char *value, size_t value_len)
{
    return dissect_push(d, offset, length, depth, name, pool_strn(d, value, value_len), true);
}

/* Field \p i's value becomes \p v (in the pool; the old one stays there). */
static void dissect_replace(tls_dissect *d, size_t i, char *v)
{
    if (!v) {
        d->oom = true;
        return;
    }
    d->fields[i].value = v;
}

void tls_dissect_set_value(tls_dissect *d, size_t i, const char *fmt, ...)
{
    if (i >= d->n)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *v = pool_vformat(d, fmt, ap);
    va_end(ap);
    dissect_replace(d, i, v);
}

void tls_dissect_append(tls_dissect *d, size_t i, const char *before, const char *text,
                        size_t text_len, const char *after)
{
    if (i >= d->n)
        return;
    char *old = d->fields[i].value ? d->fields[i].value : "";
    size_t n0 = strlen(old), n1 = strlen(before), n3 = strlen(after);
    size_t had = pool_round(n0 + 1), need = pool_round(n0 + n1 + text_len + n3 + 1);
    tls_strpool *p = d->pool;
    char *v;
    if (p && d->fields[i].value && old + had == p->data + p->used &&
        p->cap - p->used >= need - had) {
        /* The value is the pool's last piece (it was just read): it grows
         * where it is.  (Every value is a piece of had bytes.) */
        p->used += need - had;
        v = old;
    } else if ((v = pool_alloc(d, need)) != NULL) {
        memcpy(v, old, n0);
    }
    if (v) {
        memcpy(v + n0, before, n1);
        memcpy(v + n0 + n1, text, text_len);
        memcpy(v + n0 + n1 + text_len, after, n3 + 1);
    }
    dissect_replace(d, i, v);
}

void tls_dissect_set_note(tls_dissect *d, size_t i, const tls_text *note, size_t at)
{
    if (i >= d->n || d->stored)
        return;
    size_t n = text_size(note);
    tls_text *c = (tls_text *)(void *)pool_alloc(d, n);
    if (!c) {
        d->oom = true;
        return;
    }
    memcpy(c, note, n);
    d->fields[i].note = c;
    d->fields[i].note_at = at;
}

/* -------------------------------------------------------------- trace */

/* What a trace's events own (names, texts, catalogue texts, bytes,
 * plaintexts) is copied into chunks the trace owns and frees with it:
 * events are never freed one by one, and a malloc and a free for each of
 * them was most of what tracing cost.  Chunks never move; each is twice its
 * predecessor, up to STORE_MAX_CHUNK; a piece bigger than a quarter of that
 * gets a chunk of its own, behind the current one, whose room stays in use. */
struct tls_trace_store {
    struct tls_trace_store *next;
    size_t used, cap;
    unsigned char data[];
};

#define STORE_FIRST 4096
#define STORE_MAX_CHUNK 65536
/* Every piece starts aligned for tls_text (the one that needs it). */
#define STORE_ALIGN 8
_Static_assert(_Alignof(tls_text) <= STORE_ALIGN, "a tls_text in the store is aligned");
_Static_assert(offsetof(struct tls_trace_store, data) % STORE_ALIGN == 0,
               "a chunk's data is aligned");

static size_t store_round(size_t n) { return (n + STORE_ALIGN - 1) & ~(size_t)(STORE_ALIGN - 1); }

static tls_trace_store *store_chunk(size_t cap, tls_trace_store *next)
{
    tls_trace_store *c = malloc(sizeof *c + cap);
    if (c) {
        c->next = next;
        c->used = 0;
        c->cap = cap;
    }
    return c;
}

/* \p n bytes in \p t's store (NULL: out of memory). */
static void *store_alloc(tls_trace *t, size_t n)
{
    tls_trace_store *s = t->store;
    n = store_round(n);
    if (n > STORE_MAX_CHUNK / 4) {
        tls_trace_store *c = store_chunk(n, s ? s->next : NULL);
        if (!c)
            return NULL;
        c->used = n;
        if (s)
            s->next = c;
        else
            t->store = c;
        return c->data;
    }
    if (!s || s->cap - s->used < n) {
        size_t cap = s ? 2 * s->cap : STORE_FIRST;
        tls_trace_store *c = store_chunk(cap < STORE_MAX_CHUNK ? cap : STORE_MAX_CHUNK, s);
        if (!c)
            return NULL;
        t->store = s = c;
    }
    void *p = s->data + s->used;
    s->used += n;
    return p;
}

/* The last piece taken, \p p of \p had bytes, needs only \p n: the rest
 * goes back to the chunk. */
static void store_trim(tls_trace *t, void *p, size_t had, size_t n)
{
    tls_trace_store *s = t->store;
    if (s && (unsigned char *)p + store_round(had) == s->data + s->used)
        s->used -= store_round(had) - store_round(n);
}

static void store_free(tls_trace *t)
{
    for (tls_trace_store *s = t->store, *next; s; s = next) {
        next = s->next;
        free(s);
    }
    t->store = NULL;
}

/* Copies of an event's pieces in the store; NULL for no piece (or out of
 * memory, which the caller tells apart). */
static char *store_str(tls_trace *t, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = store_alloc(t, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static uint8_t *store_bytes(tls_trace *t, const uint8_t *p, size_t n)
{
    uint8_t *d = p && n ? store_alloc(t, n) : NULL;
    if (d)
        memcpy(d, p, n);
    return d;
}

/* A copy made safe for a terminal and JSON (tls_text_escape): a value's
 * text may be the peer's (its server name, its certificate's subject). */
static char *store_escaped(tls_trace *t, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = store_alloc(t, 4 * n + 1);
    if (d)
        store_trim(t, d, 4 * n + 1, tls_text_escape(s, n, d, 4 * n + 1) + 1);
    return d;
}

/* A catalogue text as far as its values go (text_size). */
static tls_text *store_text(tls_trace *t, const tls_text *m)
{
    size_t n = text_size(m);
    tls_text *d = store_alloc(t, n);
    if (d)
        memcpy(d, m, n);
    return d;
}

/* ...and its English rendering, which JSON shows: rendered once, into
 * room that nearly every sentence fits, the rest given back. */
static char *store_english(tls_trace *t, const tls_text *m)
{
    enum { ROOM = 1024 };
    char *d = store_alloc(t, ROOM);
    if (!d)
        return NULL;
    size_t n = tls_text_english_into(m, d, ROOM);
    store_trim(t, d, ROOM, n < ROOM ? n + 1 : 0);
    if (n < ROOM)
        return d;
    char *s = tls_text_english(m);
    d = store_str(t, s);
    free(s);
    return d;
}

/* \p d moved into the store: its fields, names, values and notes copied,
 * its own memory freed (one stored elsewhere is copied too: it is not this
 * trace's).  False when out of memory (\p d unchanged: it keeps its own
 * memory, which tls_dissect_free frees). */
static bool store_dissect(tls_trace *t, tls_dissect *d)
{
    if (d->n == 0)
        return true;
    tls_dissect s = {.n = d->n, .cap = d->n, .oom = d->oom, .stored = true};
    s.fields = store_alloc(t, d->n * sizeof *s.fields);
    for (size_t i = 0; s.fields && i < d->n; i++) {
        const tls_field *from = &d->fields[i];
        tls_field *f = &s.fields[i];
        *f = *from;
        f->name = from->own_name ? store_str(t, from->name) : from->name;
        f->value = store_str(t, from->value);
        f->note = from->note ? store_text(t, from->note) : NULL;
        if (!f->name || !f->value || (from->note && !f->note))
            return false;
    }
    if (!s.fields)
        return false;
    tls_dissect_free(d);
    *d = s;
    return true;
}

void tls_trace_init(tls_trace *t) { memset(t, 0, sizeof *t); }

/* What an event owns outside the store: its dissection.  Its secret bytes
 * are wiped; the store's chunks are freed with the trace. */
static void event_free(tls_event *e)
{
    if (e->bytes)
        tls_wipe(e->bytes, e->len);
    if (e->plaintext)
        tls_wipe(e->plaintext, e->plaintext_len);
    tls_dissect_free(&e->dissect);
}

void tls_trace_free(tls_trace *t)
{
    for (size_t i = 0; i < t->n; i++)
        event_free(&t->ev[i]);
    free(t->ev);
    store_free(t);
    tls_trace_init(t);
}

/* A step of the connection now traced, as the trace numbers it. */
static int trace_step(const tls_trace *t, int step)
{
    return step > 0 && step < TLS_STEP_AFTER ? t->step_base + step : step;
}

void tls_trace_begin_connection(tls_trace *t, int base)
{
    t->connection++;
    t->step_base = base;
}

void tls_trace_end_connections(tls_trace *t) { t->step_base = 0; }

size_t tls_trace_push(tls_trace *t, tls_event *ev)
{
    /* Room first, so the event is made in its place (one copy of it).  It
     * may come from this very trace, which growing moves: then it is
     * copied first (its strings and bytes, in the store, do not move). */
    tls_event moved;
    if (t->n == t->cap) {
        moved = *ev;
        memset(&ev->dissect, 0, sizeof ev->dissect);
        ev = &moved;
        /* Room for a whole handshake at once, then growing by half, which
         * keeps the spare room of a long trace small. */
        size_t cap = t->cap ? t->cap + t->cap / 2 : 256;
        tls_event *p = realloc(t->ev, cap * sizeof *p);
        if (!p) {
            tls_dissect_free(&moved.dissect);
            t->oom = true;
            return (size_t)-1;
        }
        t->ev = p;
        t->cap = cap;
    }
    tls_event *e = &t->ev[t->n];
    *e = *ev;
    memset(&ev->dissect, 0, sizeof ev->dissect);
    e->step = trace_step(t, ev->step);
    e->connection = t->connection;
    e->name = store_str(t, ev->name);
    e->msg = ev->msg ? store_text(t, ev->msg) : NULL;
    /* A catalogue text is also kept in English, as JSON shows it. */
    e->text = ev->msg ? store_english(t, ev->msg) : store_escaped(t, ev->text);
    e->bytes = store_bytes(t, ev->bytes, ev->len);
    e->plaintext = store_bytes(t, ev->plaintext, ev->plaintext_len);
    /* The dissection is final now.  A record's moves into the store,
     * exactly as big as it is: records are what a peer can send without
     * end (a hello in one-byte records keeps a dissection for each), and
     * their own chunk and field list would be most of that memory.  A
     * message's keeps its own, at most twice what it holds, rather than
     * being copied: the flow and the engines' limits bound how many come. */
    if (e->kind == TLS_EV_RECORD)
        store_dissect(t, &e->dissect);
    bool ok = !(ev->name && !e->name) && !((ev->text || ev->msg) && !e->text) &&
              !(ev->msg && !e->msg) &&
              !(ev->bytes && ev->len && !e->bytes) &&
              !(ev->plaintext && ev->plaintext_len && !e->plaintext);
    if (!ok) {
        event_free(e);
        t->oom = true;
        return (size_t)-1;
    }
    if (!e->bytes)
        e->len = 0;
    if (!e->plaintext)
        e->plaintext_len = 0;
    e->records_before = t->records;
    t->records += e->kind == TLS_EV_RECORD;
    return t->n++;
}

void tls_trace_set_dissect(tls_trace *t, size_t i, tls_dissect *d)
{
    if (i >= t->n) {
        tls_dissect_free(d);
        return;
    }
    tls_dissect_free(&t->ev[i].dissect);
    t->ev[i].dissect = *d;
    memset(d, 0, sizeof *d);
}

void tls_trace_announce(tls_trace *t, int number, const tls_msg_info *m,
                        tls_text_id skipped)
{
    tls_text why;
    tls_text_make(&why, skipped, NULL);
    tls_event ev = {.kind = TLS_EV_STEP, .step = number, .party = m->sender,
                    .name = (char *)m->message, .skipped = skipped != TLS_TEXT_NONE,
                    .msg = skipped != TLS_TEXT_NONE ? &why : NULL};
    tls_trace_push(t, &ev);
}

void tls_trace_record_changed(tls_trace *t, size_t from, size_t at, size_t len)
{
    for (size_t i = from; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_RECORD) {
            t->ev[i].changed_at = at;
            t->ev[i].changed_len = len;
        }
}

int tls_trace_last_announced(const tls_trace *t)
{
    int last = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].kind == TLS_EV_STEP && t->ev[i].step > last)
            last = t->ev[i].step;
    return last;
}

void tls_trace_value(tls_trace *t, int step, tls_party who, tls_value_kind kind,
                     const uint8_t *bytes, size_t len, const char *text)
{
    char buf[TLS_VALUE_TEXT_MAX];
    if (!text)
        text = tls_value_describe(kind, bytes, len, buf);
    tls_event ev = {.kind = TLS_EV_VALUE, .step = step, .party = who, .value = kind,
                    .bytes = (uint8_t *)bytes, .len = len, .text = (char *)text};
    tls_trace_push(t, &ev);
}

void tls_trace_check(tls_trace *t, int step, tls_party who, tls_text_id what, bool ok,
                     tls_text_id detail, const tls_text_arg *args)
{
    tls_text msg;
    tls_text_make(&msg, detail, args);
    tls_event ev = {.kind = TLS_EV_CHECK, .step = step, .party = who,
                    .name = (char *)tls_text_template(what), .what = what, .ok = ok,
                    .msg = &msg};
    tls_trace_push(t, &ev);
}

void tls_trace_note(tls_trace *t, int step, tls_party who, tls_text_id id,
                    const tls_text_arg *args)
{
    tls_text msg;
    tls_text_make(&msg, id, args);
    tls_trace_note_text(t, step, who, &msg);
}

void tls_trace_note_text(tls_trace *t, int step, tls_party who, const tls_text *text)
{
    tls_event ev = {.kind = TLS_EV_NOTE, .step = step, .party = who, .msg = (tls_text *)text};
    tls_trace_push(t, &ev);
}

const tls_event *tls_trace_find_known(const tls_trace *t, tls_value_kind kind, int step,
                                      bool wire_too)
{
    const tls_event *e = tls_trace_find_value(t, kind, TLS_PARTY_CLIENT, step);
    if (!e)
        e = tls_trace_find_value(t, kind, TLS_PARTY_SERVER, step);
    if (!e && wire_too)
        e = tls_trace_find_value(t, kind, TLS_PARTY_WIRE, step);
    return e;
}

size_t tls_trace_record_number(const tls_trace *t, size_t index)
{
    return index < t->n ? t->ev[index].records_before : t->records;
}

const tls_event *tls_trace_find_value(const tls_trace *t, tls_value_kind kind,
                                      tls_party who, int step)
{
    const tls_event *found = NULL;
    step = trace_step(t, step);
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        /* Not a break: in live mode an observer may file a value under an
         * earlier step after later events were recorded. */
        if (e->step > step)
            continue;
        if (e->kind == TLS_EV_VALUE && e->party == who && e->value == kind)
            found = e;
    }
    return found;
}

void tls_trace_key_block(tls_trace *t, int step, tls_party who, const tls_key_block *kb,
                         const uint8_t *raw, size_t raw_len)
{
    tls_trace_value(t, step, who, TLS_VALUE_KEY_BLOCK, raw, raw_len, NULL);
    if (kb->mac_key_len) {
        tls_trace_value(t, step, who, TLS_VALUE_CLIENT_WRITE_MAC_KEY, kb->client_write_mac_key,
                        kb->mac_key_len, NULL);
        tls_trace_value(t, step, who, TLS_VALUE_SERVER_WRITE_MAC_KEY, kb->server_write_mac_key,
                        kb->mac_key_len, NULL);
    }
    tls_trace_value(t, step, who, TLS_VALUE_CLIENT_WRITE_KEY, kb->client_write_key, kb->key_len,
                    NULL);
    tls_trace_value(t, step, who, TLS_VALUE_SERVER_WRITE_KEY, kb->server_write_key, kb->key_len,
                    NULL);
    tls_trace_value(t, step, who, TLS_VALUE_CLIENT_WRITE_IV, kb->client_write_iv, kb->iv_len, NULL);
    tls_trace_value(t, step, who, TLS_VALUE_SERVER_WRITE_IV, kb->server_write_iv, kb->iv_len, NULL);
}
