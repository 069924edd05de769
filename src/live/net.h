/*
 * Sockets for live mode: TCP connect/listen/accept and reads and writes,
 * every wait bounded by poll().  Errors come back in \p why, a catalogue text.
 */
#ifndef TLSSIM_LIVE_NET_H
#define TLSSIM_LIVE_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/text.h"

/** \brief net_recv results besides a byte count. */
enum { NET_EOF = 0, NET_TIMEOUT = -1, NET_ERROR = -2 };

/**
 * \brief Connect to host:port within \p timeout_ms (each address tried in turn).
 * \param peer  receives "ADDR:PORT" of the server
 * \return the socket (non-blocking), or NET_TIMEOUT / NET_ERROR with \p why set
 */
int net_connect(const char *host, const char *port, int timeout_ms,
                char *peer, size_t peer_len, tls_text *why);

/**
 * \brief Listen on host:port (host NULL or "": 127.0.0.1).
 * \param local  receives "ADDR:PORT" actually bound (port 0 becomes the real one)
 * \return the listening socket, or -1 with \p why set
 */
int net_listen(const char *host, const char *port, char *local, size_t local_len,
               tls_text *why);

/**
 * \brief Accept one connection within \p timeout_ms.
 * \param peer  receives "ADDR:PORT" of the client
 * \return the connection (non-blocking), or NET_TIMEOUT / NET_ERROR with \p why set
 */
int net_accept(int lfd, int timeout_ms, char *peer, size_t peer_len, tls_text *why);

/**
 * \brief Read what has arrived (at most \p n bytes), waiting up to \p timeout_ms.
 * \return bytes read, NET_EOF when the peer closed, NET_TIMEOUT, or NET_ERROR
 *         (errno set)
 */
long net_recv(int fd, uint8_t *buf, size_t n, int timeout_ms);

/**
 * \brief Write all \p n bytes, each wait bounded by \p timeout_ms.
 * \return true, or false with \p why set
 */
bool net_send_all(int fd, const uint8_t *p, size_t n, int timeout_ms, tls_text *why);

/** \brief "ADDR:PORT" of a socket's own end (local) or the other (peer). */
void net_describe(int fd, bool peer, char *out, size_t out_len);

#endif
