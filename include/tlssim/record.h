/**
 * \file record.h
 * \brief The TLS 1.2 record layer (RFC 5246 §6.2): framing, and the
 *        protection after ChangeCipherSpec, one implementation per
 *        tls_record_kind (event.h) behind one interface:
 *
 * - AES-GCM (RFC 5288): explicit_nonce(8) ‖ ciphertext ‖ tag(16); nonce =
 *   the 4-byte salt from the key block ‖ the explicit nonce (tlssim uses the
 *   sequence number, as OpenSSL does: unique per key, and easy to teach).
 * - ChaCha20-Poly1305 (RFC 7905): ciphertext ‖ tag(16); nonce = the 12-byte
 *   write IV XOR the sequence number left-padded to 12 bytes: nothing
 *   explicit on the wire.
 * - AES-CBC + HMAC, MAC-then-encrypt (RFC 5246 §6.2.3.2): IV(16) ‖
 *   AES-CBC(content ‖ MAC ‖ padding); the receiver checks padding and MAC
 *   together, in constant time, and answers bad_record_mac for either.
 * - AES-CBC + HMAC, encrypt-then-MAC (RFC 7366): IV(16) ‖ AES-CBC(content ‖
 *   padding) ‖ MAC, the MAC over the IV and ciphertext: checked before
 *   anything is decrypted.
 *
 * The AEADs' additional data and the MAC's header are both seq_num(8) ‖
 * type(1) ‖ version(2) ‖ length(2).
 */
#ifndef TLSSIM_RECORD_H
#define TLSSIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/buf.h"
#include "tlssim/event.h"
#include "tlssim/crypto.h"
#include "tlssim/prf.h"
#include "tlssim/suites.h"

/** \brief Largest plaintext fragment (2^14). */
#define TLS_MAX_FRAGMENT 16384
/** \brief Record header bytes. */
#define TLS_RECORD_HEADER 5
/** \brief Explicit nonce + tag added by AES-GCM protection. */
#define TLS_GCM_OVERHEAD (8 + 16)

/** \brief One direction's protection state. */
typedef struct tls_record_protect {
    bool active;            /**< false: records travel in the clear */
    tls_record_kind kind;   /**< how, once active */
    uint8_t key[32];
    size_t key_len;         /**< 16 or 32 */
    uint8_t iv[16];         /**< client_write_IV / server_write_IV */
    size_t iv_len;          /**< 4, 12 or 16 */
    uint8_t mac_key[TLS_HASH_MAX]; /**< CBC: client/server_write_MAC_key */
    size_t mac_key_len;     /**< 0 (AEAD), 20 or 32 */
    tls_hash_alg mac_hash;  /**< CBC: SHA-1 or SHA-256 */
    uint64_t seq;           /**< next sequence number (reset to 0 at CCS) */
    tls_rng *rng;           /**< CBC writers: where explicit IVs come from
                                 (not owned; NULL for a reader) */
} tls_record_protect;

/** \brief The record protection \p s uses, with encrypt-then-MAC (RFC 7366)
 *         when \p etm was negotiated (it changes CBC suites only). */
tls_record_kind tls_record_kind_of(const tls_suite *s, bool etm);

/**
 * \brief Switch one direction on with its half of the key block: the
 *        client's write keys and IV when \p client_writes, else the
 *        server's; sequence number 0.  The one place a key block becomes
 *        protection (engines and the capture reader alike).
 * \param rng  CBC writers: the explicit IVs' source (NULL for a reader)
 */
void tls_record_protect_start(tls_record_protect *p, const tls_suite *s, bool etm,
                              const tls_key_block *kb, bool client_writes, tls_rng *rng);

/** \brief Where a protected fragment's parts lie, from its kind and size. */
typedef struct tls_record_layout {
    size_t explicit_len;    /**< explicit nonce (GCM 8) or IV (CBC 16) in front */
    size_t body_len;        /**< the ciphertext after it */
    size_t tag_len;         /**< after the body: GCM/Poly1305 tag (16), EtM's MAC */
} tls_record_layout;

/**
 * \brief Cut a protected fragment of \p fragment_len bytes into its parts.
 * \param mac_len  the MAC length (CBC kinds)
 * \return false when it is too short to hold them
 */
bool tls_record_layout_of(tls_record_kind kind, size_t mac_len, size_t fragment_len,
                          tls_record_layout *l);

/**
 * \brief Append one record carrying \p len bytes of \p type.
 * \param p     protection for this direction (seq advances when active)
 * \param info  optional: receives what the protection used
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
 *        fragment (\p p NULL or inactive) or its protected parts as \p p's
 *        kind lays them out (explicit nonce or IV, encrypted fragment, tag
 *        or MAC).
 */
void tls_record_dissect(const tls_record *rec, const tls_record_protect *p, tls_dissect *d);

/**
 * \brief Decrypt a protected record's fragment (advances p->seq).
 * \param out    at least rec->fragment_len bytes; *out_len set
 * \param info   optional: receives what the protection used (its kind,
 *               sequence number and MAC length even on failure)
 * \return TLS_OK, TLS_ERR_BAD_RECORD_MAC (a tag, padding or MAC that does
 *         not verify: one answer for all), or TLS_ERR_RECORD_OVERFLOW when
 *         the plaintext would exceed 2^14
 */
tls_err tls_record_open(const tls_record *rec, tls_record_protect *p,
                        uint8_t *out, size_t *out_len, tls_record_crypto *info);

#endif
