/**
 * \file app.h
 * \brief The app layer: run a run, whatever drives it, and describe it.
 *
 * A run is described once (tls_app_run): what the in-process simulation is
 * configured with, or which real peer live mode talks to, the lesson
 * language and folder, where --keylog/--pcap go.  tls_app_run_go() runs it
 * and returns the trace and the result; a live run also fills in what was
 * negotiated.  The renderers (text, JSON, TUI) take the description, the
 * trace and the result, never a front end's options; the TUI re-runs by
 * changing a copy of the description (tls_app_toggle_kx, ...).
 */
#ifndef TLSSIM_APP_H
#define TLSSIM_APP_H

#include <stdbool.h>

#include "tlssim/attack.h"
#include "tlssim/capwalk.h"
#include "tlssim/event.h"
#include "tlssim/lessons.h"
#include "tlssim/live.h"
#include "tlssim/sim.h"

/** \brief What drives the run. */
typedef enum tls_app_mode {
    TLS_APP_SIM,    /**< in-process client and server */
    TLS_APP_LIVE,   /**< one side here, a real peer over TCP */
    TLS_APP_CAPTURE /**< one connection of a capture, replayed (tlssim open FILE) */
} tls_app_mode;

/** \brief A run: what was asked for and, after a live run, what was settled. */
typedef struct tls_app_run {
    tls_app_mode mode;
    tls_sim_config sim;         /**< kx, suite, group, seed, scenario, tamper, ems (a
                                     live run: what the command line asked for) */
    const tls_attack_info *attack; /**< an attacker on the channel (--attack), or NULL */
    tls_lang lang;              /**< lesson language */
    const char *lessons_dir;    /**< a teacher's lessons folder, or NULL to find them */
    bool no_lessons;            /**< values only */
    const char *keylog_path;    /**< NSS key log to write, or NULL */
    const char *pcap_path;      /**< pcap to write, or NULL */
    const char *html_path;      /**< HTML handout to write (the HTML renderer does), or NULL */
    /* Live mode. */
    tls_live_config live;       /**< role, offer, timeouts (host and port: below) */
    char live_host[256];        /**< the endpoint's host ("" : any / 127.0.0.1) */
    char live_port[8];
    tls_live_info live_info;    /**< filled by a live run: addresses, server name,
                                     negotiated suite and ems */
    /* A capture (tlssim open FILE). */
    tls_cap_walk_config capture; /**< the file, the connection, the key material */
    tls_cap_walk_info capture_info; /**< filled by the run: the connection's endpoints,
                                     frames, suite and where the secrets came from */
} tls_app_run;

/** \brief An in-process run with the simulation's defaults, lessons in \p lang. */
void tls_app_run_init(tls_app_run *r, tls_lang lang);

/**
 * \brief Run it: the simulation, or a live session (which fills
 *        r->live_info).  The trace must be initialised.
 */
tls_err tls_app_run_go(tls_app_run *r, tls_trace *t, tls_sim_result *res);

/** \brief The suite the run negotiates: the configured one, else its kx's default. */
const tls_suite *tls_app_suite(const tls_app_run *r);

/** \brief "ecdhe" / "rsa", as --kx spells them. */
const char *tls_app_kx_arg(tls_kx kx);

/**
 * \brief Open the lessons the run asks for.
 * \param fatal  set when lessons_dir names a folder that cannot be used
 *               (a one-line error was printed on stderr)
 * \return the lessons, or NULL for values only (no_lessons, or none found:
 *         a one-line notice was printed)
 */
tls_lessons *tls_app_lessons_open(const tls_app_run *r, bool *fatal);

/**
 * \brief Save the key log and pcap files the run asks for, saying on
 *        stderr where each went (or why it could not be written).
 * \return false when a requested file could not be written
 */
bool tls_app_save_exports(const tls_app_run *r, const tls_trace *t);

/* Changing an in-process run before running it again. */

/** \brief Whether the run can be re-run with other settings (not a real peer's). */
bool tls_app_can_rerun(const tls_app_run *r);
/** \brief Fresh randoms: no seed, no scenario. */
void tls_app_fresh(tls_app_run *r);
/**
 * \brief Put an attacker on the channel (NULL: none): the run becomes one
 *        connection without --tamper, and an (EC)DHE one when the attack
 *        needs it.  The changes below drop an attack the run can no longer
 *        carry (RSA key exchange for an (EC)DHE attack, resumption).
 */
void tls_app_set_attack(tls_app_run *r, const tls_attack_info *attack);
/** \brief The next key exchange (RSA → ECDHE → DHE → RSA), with its default suite. */
void tls_app_toggle_kx(tls_app_run *r);

/** \brief Switch the demo server certificate RSA <-> ECDSA (the default suite
 *         follows; ECDSA brings ECDHE back).  \return the new kind */
tls_key_kind tls_app_toggle_server_cert(tls_app_run *r);
/** \brief The next ECDHE group a loaded scenario's scalars can use; returns
 *         it, or NULL (unchanged) for RSA and DHE. */
const tls_group_info *tls_app_next_group(tls_app_run *r);
/** \brief The next cipher suite (and its key exchange); returns it. */
const tls_suite *tls_app_next_suite(tls_app_run *r);
/**
 * \brief The server's next policy on client certificates: off, request,
 *        require, off again (the client presents the demo one when asked);
 *        returns its option name ("off", "request", "require").
 */
const char *tls_app_next_client_auth(tls_app_run *r);
/**
 * \brief The next resumption mode: off, id, ticket, off again (tlssim does
 *        not combine it with client certificates: it turns those off, and
 *        tls_app_next_client_auth turns resumption off); returns its option
 *        name ("off", "id", "ticket").
 */
const char *tls_app_next_resume(tls_app_run *r);

#endif
