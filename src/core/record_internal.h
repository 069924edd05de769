/*
 * What record.c shares with the files that implement one kind of record
 * protection each (record_aead.c: AES-GCM and ChaCha20-Poly1305;
 * record_cbc.c: AES-CBC + HMAC, MAC-then-encrypt and encrypt-then-MAC).
 * record.c frames records and dispatches on the kind through this table,
 * so a new kind is a row, not another branch in every function.
 */
#ifndef TLSSIM_RECORD_INTERNAL_H
#define TLSSIM_RECORD_INTERNAL_H

#include "tlssim/record.h"

/* One kind of record protection: a family's three functions and the
 * data that sets this kind apart within the family (passed back to them). */
typedef struct record_ops {
    /* After the type and version: write length ‖ protected fragment of the
     * plaintext frag[0..len), filling what it used into *c. */
    tls_err (*seal)(const void *data, const tls_record_protect *p, uint8_t type,
                    uint16_t version, const uint8_t *frag, size_t len, tls_writer *out,
                    tls_record_crypto *c);
    /* rec's fragment back to plaintext in out (at least fragment_len
     * bytes); every failure of authenticity is TLS_ERR_BAD_RECORD_MAC. */
    tls_err (*open)(const void *data, const tls_record_protect *p, const tls_record *rec,
                    uint8_t *out, size_t *out_len, tls_record_crypto *c);
    /* The parts of a fragment from its length (false: too short). */
    bool (*layout)(const void *data, size_t mac_len, size_t fragment_len, tls_record_layout *l);
    const void *data;
    /* Field names of the explicit part, the body and the tag. */
    const char *explicit_name, *body_name, *tag_name;
} record_ops;

extern const record_ops record_gcm_ops;
extern const record_ops record_chacha_ops;
extern const record_ops record_cbc_ops;
extern const record_ops record_cbc_etm_ops;

/* Big-endian v in n bytes. */
void record_put_be(uint8_t *p, uint64_t v, size_t n);

/* The AEADs' additional data and the HMAC's header alike:
 * seq_num(8) ‖ type(1) ‖ version(2) ‖ length(2). */
void record_header13(uint8_t out[13], uint64_t seq, uint8_t type, uint16_t version, size_t len);

#endif
