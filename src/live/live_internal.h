/*
 * Live-mode internals shared by live.c (setup, sockets, the handshake) and
 * live_after.c (the HTTP exchange and close_notify).
 */
#ifndef TLSSIM_LIVE_INTERNAL_H
#define TLSSIM_LIVE_INTERNAL_H

#include "tlssim/eavesdropper.h"
#include "tlssim/engine.h"
#include "tlssim/handshake.h"
#include "tlssim/live.h"

/* One live run. */
typedef struct live {
    const tls_live_config *cfg;
    tls_trace *trace;
    tls_sim_result *res;
    tls_live_info *info;
    tls_party role, peer;
    int fd;
    int lfd;                    /* --listen: the listening socket, kept open for a
                                   second client (-1: none yet) */
    int timeout_ms;
    long long deadline;         /* CLOCK_MONOTONIC ms by which the run is over
                                   (--timeout from the connection on) */
    bool heard;                 /* the peer has sent something */
    bool eof;                   /* the peer closed its side of the TCP connection */
    bool failed;                /* a socket failure (stored in res) */
    bool after;                 /* the handshake is over: notes go after it */
    tls_rng *rng;
    tls_x509 *trust;            /* --ca's trust anchors (else the demo CA is used) */
    tls_x509 *client_chain;     /* --client-cert's certificates */
    tls_privkey *client_key;    /* --client-key's key */
    tls_engine_config ecfg;
    tls_engine *e;
    int announced;              /* the last step of the flow announced */
    tls_eavesdropper eve;
    int annotated;              /* last step live_annotate has looked at */
    /* Resumption (live_resume.c): what outlives the first connection. */
    const tls_flow *first;      /* the first connection's flow, once it is over */
    tls_session session;        /* --connect: the session the first connection left */
    tls_session_store store;    /* --listen: the session cache and ticket key */
} live;

/* Neither the engine nor the socket has failed. */
bool live_ok(const live *lv);

/* A note of this side's, filed under the step its engine is at (after
 * the handshake once lv->after is set). */
void live_note(live *lv, tls_text_id id, const tls_text_arg *args);

/* Record a socket-level failure (the first failure of any kind sticks),
 * and say it in the trace too. */
void live_fail(live *lv, tls_err err, tls_text_id id, const tls_text_arg *args);
/* The same with a reason already made (a socket's). */
void live_fail_text(live *lv, tls_err err, const tls_text *why);

/* Send what the engine queued (the eavesdropper sees it too); false with a
 * reason on failure, no policy about it. */
bool live_send(live *lv, tls_text *why);

/* Receive once into the engine (and the eavesdropper); sets eof.  Returns
 * bytes read, NET_EOF, NET_TIMEOUT or NET_ERROR, no policy about them. */
long live_pump(live *lv, int timeout_ms);

/* After a read: comment on the extensions in the peer's hello and record
 * what the peer provably holds, for each of its messages the engine has
 * accepted since the last call (live_infer.c). */
void live_annotate(live *lv);

/* Send everything the engine queued (the eavesdropper sees it on the way). */
bool live_flush(live *lv);

/* Wait up to \p timeout_ms for bytes and feed them to the engine.
 * \return bytes, NET_EOF (lv->eof set), NET_TIMEOUT (no failure recorded),
 *         or NET_ERROR (failure recorded) */
long live_read(live *lv, int timeout_ms);

/* \p idle_ms, or less when the run's deadline is nearer: what a wait may
 * take now (0 once the deadline has passed). */
int live_wait_ms(const live *lv, int idle_ms);

/* live_read within the deadline, where silence is a failure. */
long live_read_or_fail(live *lv, const char *waiting_for);

/* After the handshake: the client's GET and the answer, then close_notify. */
void live_client_after(live *lv);
/* After the handshake: the client's request and the demo page, then close_notify. */
void live_server_after(live *lv);

/* --resume: the server keeps a session cache and ticket key across the
 * clients it serves (live_resume.c); false with the failure recorded. */
bool live_resume_setup(live *lv);

/* The first connection is over: when a second is due (--resume, the first
 * succeeded), keep what it left to resume, forget everything else of it and
 * number the next connection's steps after its own.  True when a second
 * connection follows. */
bool live_resume_next(live *lv);

/* The opening note of a connection's side: the second one says what it
 * offers or keeps (nothing for the first). */
void live_resume_introduce(live *lv);

/* The flow of the run so far: the connection's, after the first's. */
const tls_flow *live_flow(const live *lv);

/* A step of the connection now running as the run numbers it. */
int live_run_step(const live *lv, int step);

/* The "listening on ..." line (both clients' commands with --resume), or,
 * for the second client, that it is awaited. */
void live_status_listening(const live *lv);

#endif
