/*
 * Private helpers shared by the msg_*.c codecs (not part of the public API).
 *
 * They exist so that each message file reads like its RFC struct: the
 * fiddly parts that several messages share (the Random, the extensions
 * block, a few extension bodies, names for annotations) are written once.
 */
#ifndef TLSSIM_MSG_INTERNAL_H
#define TLSSIM_MSG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/msg.h"

/* ------------------------------------------------------------ names */

/** "TLS 1.2", "TLS 1.0", ... or "unknown". */
const char *msg_version_name(uint16_t version);

/**
 * Annotate the field just read with a registry name, or "GREASE (RFC 8701)"
 * for the reserved values browsers sprinkle in to keep peers tolerant, or
 * "unknown".  \p name is what a tls_*_name lookup returned (may be NULL).
 */
void msg_annotate_name(tls_reader *r, uint16_t value, const char *name);

/* ----------------------------------------------------------- reading */

/**
 * Look ahead without consuming or recording anything: the total size of a
 * block made of \p skip fixed bytes, a \p prefix_len length prefix and the
 * bytes that prefix announces.  Lets a decoder open a named parent field
 * ("extension", "server_name") around children it has not read yet.
 * \return TLS_OK, or TLS_ERR_DECODE when the block does not fit
 */
tls_err msg_peek_block(const tls_reader *r, size_t skip, int prefix_len,
                       size_t *total);

/** Random: `random` with children gmt_unix_time (4) and random_bytes (28). */
tls_err msg_read_random(tls_reader *r, uint8_t out[32]);

/** SessionID session_id<0..32>: `session_id.length` then `session_id`. */
tls_err msg_read_session_id(tls_reader *r, uint8_t out[32], size_t *len);

/**
 * ECPoint (RFC 8422 §5.4) as a parent field \p name with children
 * `point.length` and `point`; the point must be 1..255 bytes.
 */
tls_err msg_read_ec_point(tls_reader *r, const char *name,
                          const uint8_t **point, size_t *len);

/**
 * A DH integer opaque \p name<1..2^16-1> (RFC 5246 §7.4.3): fields
 * `\p name.length` and `\p name`; empty is a decode error.
 */
tls_err msg_read_dh_int(tls_reader *r, const char *name, const char *len_name,
                        const uint8_t **p, size_t *len);

/** One extension parser: consumes the extension_data block \p data. */
typedef tls_err (*msg_ext_parse_fn)(void *ctx, tls_reader *data);

/** Extension types a message interprets, and how. */
typedef struct msg_ext_handler {
    uint16_t type;
    msg_ext_parse_fn parse;
} msg_ext_handler;

/**
 * The optional `extensions` block that ends both hellos.  Absent (no bytes
 * left) sets *has_extensions false.  Each extension is dissected as
 * `extension` { extension_type, extension_data }, recorded in \p exts (up to
 * TLS_MAX_EXTENSIONS, *nexts of them), counted in *count (all of them), and
 * handed to its handler when there is one; a type seen twice is
 * TLS_ERR_ILLEGAL_PARAMETER.
 */
tls_err msg_read_extensions(tls_reader *r, const msg_ext_handler *handlers,
                            size_t nhandlers, void *ctx, bool *has_extensions,
                            tls_ext_seen *exts, size_t *nexts, size_t *count);

/** ec_point_formats body: ec_point_format_list<1..2^8-1>. */
tls_err msg_read_point_formats(tls_reader *data, uint8_t *out, size_t max,
                               size_t *n);

/**
 * The items of an opened SignatureAndHashAlgorithm list (ClientHello's
 * signature_algorithms, CertificateRequest's supported_signature_algorithms),
 * each named; at most \p max are kept in \p out, \p n counts them.  The
 * caller opens the list: the two messages differ on whether it may be empty.
 */
tls_err msg_read_sigalg_items(tls_reader *list, uint16_t *out, size_t max, size_t *n);

/**
 * RFC 5246 §4.7, a digitally-signed struct as TLS 1.2 sends it:
 *     SignatureAndHashAlgorithm algorithm;  opaque signature<0..2^16-1>;
 * (ServerKeyExchange's signed_params, CertificateVerify).  The reader names
 * the signature field with \p note, which says what this signature covers.
 */
void msg_write_digitally_signed(tls_writer *w, uint16_t sig_alg, const uint8_t *sig,
                                size_t sig_len);
tls_err msg_read_digitally_signed(tls_reader *r, tls_text_id note, uint16_t *sig_alg,
                                  const uint8_t **sig, size_t *sig_len);

/**
 * An ECDSA signature of \p n bytes (RFC 8422 §5.4: DER SEQUENCE { r, s })
 * as the field `signature` annotated with \p note, its SEQUENCE header and
 * the two INTEGERs as children.  A signature that is not such DER is shown
 * whole and flagged, and still read: it is the verifier that refuses it.
 */
tls_err msg_read_ecdsa_sig(tls_reader *r, size_t n, tls_text_id note);

/** Whether \p p is a strict DER Ecdsa-Sig-Value (two positive, minimal INTEGERs). */
bool msg_ecdsa_sig_is_der(const uint8_t *p, size_t n);

/** extended_master_secret body: must be empty (RFC 7627 §5.1). */
tls_err msg_read_ems(tls_reader *data);
/* encrypt_then_mac: empty too (RFC 7366 §2). */
tls_err msg_read_etm(tls_reader *data);

/** renegotiation_info body: renegotiated_connection<0..255>, empty here. */
tls_err msg_read_reneg_info(tls_reader *data);

/* ----------------------------------------------------------- writing */

/** Start an extension: extension_type and a reserved extension_data length. */
size_t msg_ext_begin(tls_writer *w, uint16_t type);
/** Finish the extension started at \p mark. */
void msg_ext_end(tls_writer *w, size_t mark);

/** SessionID: length byte then the bytes (at most 32, else internal error). */
tls_err msg_write_session_id(tls_writer *w, const uint8_t *id, size_t len);

/** The ec_point_formats extension, complete. */
tls_err msg_write_point_formats_ext(tls_writer *w, const uint8_t *formats,
                                    size_t n);

/** An ECPoint: opaque point<1..2^8-1>. */
tls_err msg_write_ec_point(tls_writer *w, const uint8_t *point, size_t len);

/** A DH integer: opaque <1..2^16-1>. */
tls_err msg_write_dh_int(tls_writer *w, const uint8_t *p, size_t len);

#endif
