/* Following a captured connection's secrets (cap_secrets.c), called by the
 * passive reader (cap_tls.c) as messages and records go by. */
#ifndef TLSSIM_CAP_SECRETS_H
#define TLSSIM_CAP_SECRETS_H

#include "tlssim/capture.h"

/** \brief A handshake message in the clear: into the transcript. */
void cap_secrets_message(tls_cap_tls *t, uint8_t type, const tls_reader *body);
/** \brief Both hellos parsed: find the master secret, derive the key block. */
void cap_secrets_hellos(tls_cap_tls *t);
/** \brief The server's Certificate: with a server key, whether the key is
 *         the leaf certificate's (a key that is not is said so, not tried). */
void cap_secrets_certificate(tls_cap_tls *t, tls_reader *body);
/** \brief The client's ClientKeyExchange (in the transcript already). */
void cap_secrets_client_key_exchange(tls_cap_tls *t, tls_reader *body);
/** \brief \p dir sent ChangeCipherSpec: its protection on. */
void cap_secrets_ccs(tls_cap_tls *t, int dir);
/** \brief A protected record of \p dir: its first handshake record is Finished. */
void cap_secrets_encrypted(tls_cap_tls *t, int dir, const tls_record *rec);
/** \brief The connection is over: its session, when its master secret is
 *         known and it has a session ID or issued a ticket, into \p ss. */
void cap_secrets_session_keep(tls_cap_sessions *ss, const tls_cap_tls *t);
/** \brief Wipe and free. */
void cap_secrets_free(tls_cap_tls *t);

#endif
