/**
 * \file export.h
 * \brief Files that let other tools check a run: the NSS key log that
 *        browsers write when SSLKEYLOGFILE is set, and a pcap of the
 *        channel.  Wireshark (or tshark) opens the pcap, reads the key log
 *        and decrypts both Finished messages and the application data.
 *
 * Both are written from a finished tls_trace, so every front end (text,
 * JSON, TUI) and every mode (in-process or live) can save them at any time.
 *
 * The pcap shows one TCP connection from 127.0.0.1 to 127.0.0.2:443 (the
 * port Wireshark associates with TLS and HTTP): SYN, SYN-ACK and ACK, then
 * each record of the trace as one segment with correct sequence and
 * acknowledgment numbers, then FIN both ways.  Addresses, ports and times
 * are fixed (2025-01-01, one millisecond apart), so the same run always
 * gives the same file.
 */
#ifndef TLSSIM_EXPORT_H
#define TLSSIM_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "tlssim/err.h"
#include "tlssim/event.h"

/** \brief The port the pcap's server listens on. */
#define TLS_PCAP_SERVER_PORT 443

/**
 * \brief Write the run's key log line,
 *        "CLIENT_RANDOM <client_random hex> <master_secret hex>\n".
 * \param t    the trace (the client's master secret is preferred, else the server's)
 * \param out  where to write
 * \return TLS_OK; TLS_ERR_INTERNAL when the trace holds no master secret
 *         (the run stopped before the keys were derived); TLS_ERR_IO when
 *         writing failed
 */
tls_err tls_keylog_write(const tls_trace *t, FILE *out);

/**
 * \brief tls_keylog_write to a file created with mode 0600 (it holds a secret).
 * \param path     the file (replaced if it exists)
 * \param why   receives the reason on failure, a catalogue text (may be NULL)
 */
tls_err tls_keylog_save(const tls_trace *t, const char *path, tls_text *why);

/**
 * \brief Write the run's records as a pcap (link type Ethernet).
 * \return TLS_OK; TLS_ERR_INTERNAL when the trace holds no record;
 *         TLS_ERR_IO when writing failed
 */
tls_err tls_pcap_write(const tls_trace *t, FILE *out);

/**
 * \brief tls_pcap_write to a file.
 * \param why  receives the reason on failure, a catalogue text (may be NULL)
 */
tls_err tls_pcap_save(const tls_trace *t, const char *path, tls_text *why);

#endif
