/**
 * \file record.h
 * \brief The TLS 1.2 record layer (RFC 5246 §6.2): framing, and AES-GCM
 *        protection after ChangeCipherSpec (RFC 5288).
 *
 * A protected record carries explicit_nonce(8) ‖ ciphertext ‖ tag(16).  The
 * GCM nonce is the 4-byte implicit salt from the key block ‖ the explicit
 * nonce, and the additional data is seq_num(8) ‖ type(1) ‖ version(2) ‖
 * length(2) of the plaintext.  tlssim uses the sequence number as the
 * explicit nonce, as OpenSSL does: unique per key, and easy to teach.
 */
#ifndef TLSSIM_RECORD_H
#define TLSSIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/prf.h"

/** \brief Largest plaintext fragment (2^14). */
#define TLS_MAX_FRAGMENT 16384
/** \brief Record header bytes. */
#define TLS_RECORD_HEADER 5
/** \brief Explicit nonce + tag added by AES-GCM protection. */
#define TLS_GCM_OVERHEAD (8 + 16)

/** \brief One direction's protection state. */
typedef struct tls_record_protect {
    bool active;            /**< false: records travel in the clear */
    uint8_t key[32];
    size_t key_len;         /**< 16 or 32 */
    uint8_t salt[4];        /**< client_write_IV / server_write_IV */
    uint64_t seq;           /**< next sequence number (reset to 0 at CCS) */
} tls_record_protect;

/**
 * \brief Switch one direction on with its half of the key block: the
 *        client's write key and IV when \p client_writes, else the server's;
 *        sequence number 0.  The one place a key block becomes protection
 *        (engines and the capture reader alike).
 */
void tls_record_protect_start(tls_record_protect *p, const tls_key_block *kb, bool client_writes);

/** \brief What protecting one record involved, for showing it. */
typedef struct tls_record_crypto {
    uint64_t seq;
    uint8_t nonce[12];      /**< salt ‖ explicit nonce */
    uint8_t aad[13];        /**< seq ‖ type ‖ version ‖ plaintext length */
} tls_record_crypto;

/**
 * \brief Append one record carrying \p len bytes of \p type.
 * \param p     protection for this direction (seq advances when active)
 * \param info  optional: receives the nonce and AAD used
 * \return TLS_OK, or TLS_ERR_INTERNAL for a fragment over 2^14 bytes
 */
tls_err tls_record_write(tls_writer *out, uint8_t type, uint16_t version,
                         const uint8_t *frag, size_t len,
                         tls_record_protect *p, tls_record_crypto *info);

/** \brief A record found in a byte stream (points into that stream). */
typedef struct tls_record {
    uint8_t type;
    uint16_t version;
    const uint8_t *wire;    /**< header + fragment */
    size_t wire_len;
    const uint8_t *fragment;/**< after the header (ciphertext when protected) */
    size_t fragment_len;
} tls_record;

/** \brief The largest record fragment accepted: 2^14 + 2048 (RFC 5246 §6.2.3). */
#define TLS_MAX_CIPHERTEXT (TLS_MAX_FRAGMENT + 2048)

/**
 * \brief Find the first complete record in \p buf.
 * \param need  set to how many more bytes are needed (0 unless NEED_MORE)
 * \return TLS_READ_OK with \p rec set; TLS_READ_NEED_MORE when the record
 *         is not complete yet (not an error until the stream ends); or
 *         TLS_READ_OVERSIZE when its length field is over TLS_MAX_CIPHERTEXT
 *         (record_overflow)
 */
tls_read_result tls_record_split(const uint8_t *buf, size_t len, tls_record *rec,
                                 size_t *need);

/**
 * \brief Dissect the record layer of \p rec: header fields, then either the
 *        fragment or explicit_nonce / encrypted_fragment / tag.
 */
void tls_record_dissect(const tls_record *rec, bool is_protected, tls_dissect *d);

/**
 * \brief Decrypt a protected record's fragment (advances p->seq).
 * \param out    at least rec->fragment_len bytes; *out_len set
 * \param info   optional: receives the nonce and AAD used
 * \return TLS_OK, TLS_ERR_BAD_RECORD_MAC, or TLS_ERR_RECORD_OVERFLOW when the
 *         plaintext would exceed 2^14
 */
tls_err tls_record_open(const tls_record *rec, tls_record_protect *p,
                        uint8_t *out, size_t *out_len, tls_record_crypto *info);

#endif
