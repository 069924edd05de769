/* The capture driver's state, shared by cap_walk.c (the capture, the
 * connection, records and the frames that carried them) and
 * cap_walk_msg.c (messages, steps, values, secrets). */
#ifndef TLSSIM_CAP_WALK_INTERNAL_H
#define TLSSIM_CAP_WALK_INTERNAL_H

#include "tlssim/capwalk.h"
#include "tlssim/eavesdropper.h"
#include "tlssim/handshake.h"
#include "tlssim/record.h"

/* Where the bytes still buffered came from: a chunk starting at stream
 * offset off, delivered from frame.  A record names the frames of the
 * chunks it overlaps. */
typedef struct walk_span {
    uint64_t off, frame;
} walk_span;

#define WALK_SPANS 64
/* Records traced per direction before the handshake is over: a stream of
 * records that never gets anywhere is not followed for ever. */
#define WALK_HANDSHAKE_RECORDS 4096

typedef struct walk_dir {
    tls_writer rec;             /* bytes not yet a whole record */
    uint64_t rec_off;           /* stream offset of rec.data[0] */
    walk_span spans[WALK_SPANS];
    size_t nspans;
    tls_writer hs;              /* handshake bytes not yet a whole message */
    size_t hs_record;           /* trace index of the record where hs begins */
    bool hs_prot;
    bool ccs;                   /* ChangeCipherSpec went by: records are protected */
    tls_record_protect prot;    /* this driver's copy, opening every record */
    int at;                     /* step of its last message */
    bool finished;              /* its Finished went by */
    bool stopped;               /* not followed any more */
    uint64_t records;           /* traced */
    uint64_t app_shown;         /* application data bytes traced */
    uint64_t hidden_records, hidden_bytes; /* beyond the --keep bound: counted */
} walk_dir;

typedef struct walk {
    const tls_cap_walk_config *cfg;
    tls_cap_walk_info *info;
    tls_trace *trace;
    tls_cap_tls sec;            /* the capture library's reader: hellos, secrets, Finished */
    tls_cap_sessions sessions;  /* the sessions earlier connections made (first pass) */
    tls_eavesdropper eve;       /* what the wire reveals, fed the same bytes */
    walk_dir dir[2];            /* 0: client to server */
    const tls_flow *flow;       /* as far as the capture tells it */
    int announced;
    uint8_t offered_id[32];     /* the session ID the ClientHello offered */
    size_t offered_len;
    bool hellos_noted;          /* what the key material can do, said */
    bool keys_traced;           /* the key schedule's values traced */
    size_t gap_dir;             /* a direction stopped at a gap: 1 + dir, else 0 */
} walk;

/* The party that sent direction \p d's bytes, and the other. */
static inline tls_party walk_sender(int d) { return d == 0 ? TLS_PARTY_CLIENT : TLS_PARTY_SERVER; }
static inline tls_party walk_receiver(int d) { return d == 0 ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT; }

/* One whole record of direction \p d, carried by \p frames (a sentence for
 * its dissection): traced, its messages followed (cap_walk_msg.c). */
void walk_record(walk *w, int d, const tls_record *rec, const char *frames);

/* The capture is over: the result, and what was left unsaid. */
void walk_finish(walk *w, tls_sim_result *res);

#endif
