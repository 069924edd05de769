/**
 * \file attack.h
 * \brief The attack lab (tlssim-attack): the in-process run with an active
 *        attacker on the channel between the client and the server.
 *
 * The attacker is a third party of the event stream (TLS_PARTY_ATTACKER):
 * every record passes through it; it may forward it, change it (the
 * receiver's RECORD event then marks the changed bytes, changed_at and
 * changed_len), drop it or add others; it has its own random numbers (from
 * the run's --seed, so its keys are reproducible); and it records as
 * VALUE events, under its own party, what it can compute, and as NOTE
 * events what it does and why it cannot do more.  The engines are the
 * usual ones: where the attack is caught, and with which alert, is what a
 * TLS 1.2 stack does, not something the attack decides.
 *
 * Each attack is a row of one table (tls_attack_at): its name, a sentence
 * saying what the attacker does, the lesson explaining it, and its hooks.
 * Adding an attack is a row, its hooks in a src/attack/ file, a lesson per
 * language (lessons/LANG/attack-NAME.md) and a test.
 */
#ifndef TLSSIM_ATTACK_H
#define TLSSIM_ATTACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/sim.h"
#include "tlssim/text.h"

/** \brief The attacker's state during a run (src/attack/attack_internal.h). */
typedef struct tls_attacker tls_attacker;

/** \brief One attack: a row of the table. */
typedef struct tls_attack_info {
    const char *name;       /**< as --attack spells it, e.g. "swap-server-key" */
    tls_text_id does;       /**< what the attacker does, one line (--attack list) */
    const char *lesson;     /**< its lesson's id: lessons/LANG/<lesson>.md */
    bool ephemeral;         /**< it works on an (EC)DHE key exchange only (the
                                 command line refuses --kx rsa) */
    /** \brief Shape the run for the attack (a weaker suite the server also
     *         accepts, application data...), or NULL. */
    void (*setup)(tls_sim_config *cfg);
    /** \brief Before the run: what the attacker prepares (an earlier session
     *         it records...), or NULL.  \return false when it cannot */
    bool (*prepare)(tls_attacker *a);
    /** \brief A record from \p sender at \p step: write what goes on in its
     *         place to \p out (tls_attacker_forward: unchanged), or NULL to
     *         forward every record. */
    void (*record)(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                   size_t len, tls_writer *out);
    /** \brief The run is over: what the attacker computes from what it
     *         holds, or NULL. */
    void (*end)(tls_attacker *a, const tls_sim_result *res);
    /** \brief The run itself, for an attacker that is more than a tap on
     *         the channel (one that ends the client's TLS connection and
     *         opens its own to the server), or NULL: tls_sim_run with the
     *         tap (record) on the run's configuration as setup shaped it. */
    tls_err (*run)(tls_attacker *a, tls_trace *trace, tls_sim_result *res);
} tls_attack_info;

/** \brief Number of attacks in the table. */
size_t tls_attack_count(void);

/** \brief The attack at \p i (0 .. tls_attack_count() - 1), or NULL. */
const tls_attack_info *tls_attack_at(size_t i);

/** \brief The attack named \p name, or NULL. */
const tls_attack_info *tls_attack_find(const char *name);

/**
 * \brief Run \p cfg with the attacker of \p attack on the channel: like
 *        tls_sim_run (the attack's setup applied to a copy of \p cfg).
 * \param res  filled as tls_sim_run does (may be NULL)
 * \return the result's error
 */
tls_err tls_attack_run(const tls_attack_info *attack, const tls_sim_config *cfg,
                       tls_trace *trace, tls_sim_result *res);

/** \brief The run's configuration as the attack shaped it (setup applied). */
void tls_attack_config(const tls_attack_info *attack, tls_sim_config *cfg);

/** \brief Forward \p rec unchanged (what a record hook does by default). */
void tls_attacker_forward(const uint8_t *rec, size_t len, tls_writer *out);

#endif
