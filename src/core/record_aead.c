/*
 * AEAD records: AES-GCM (RFC 5288) and ChaCha20-Poly1305 (RFC 7905).  They
 * differ only in where the nonce comes from and which primitive seals:
 *
 *   GCM:      nonce = salt(4, key block) ‖ explicit(8, on the wire)
 *             fragment = explicit_nonce ‖ ciphertext ‖ tag(16)
 *   ChaCha20: nonce = iv(12, key block) XOR (0^4 ‖ seq_num(8))
 *             fragment = ciphertext ‖ tag(16): nothing explicit on the wire,
 *             the sequence number both sides count already makes it unique
 *
 * additional_data = seq_num ‖ type ‖ version ‖ plaintext length for both.
 */
#include <string.h>

#include "record_internal.h"
#include "tlssim/crypto.h"

#define AEAD_TAG 16

typedef tls_err (*aead_fn)(const uint8_t *key, size_t key_len, const uint8_t nonce[12],
                           const uint8_t *aad, size_t aad_len,
                           const uint8_t *in, size_t in_len, uint8_t *out);

/* What sets one AEAD apart from the other. */
typedef struct aead_kind {
    size_t explicit_len;    /* bytes of nonce on the wire: 8 or 0 */
    aead_fn seal, open;
} aead_kind;

static const aead_kind gcm = {8, tls_aead_seal, tls_aead_open};
static const aead_kind chacha = {0, tls_chachapoly_seal, tls_chachapoly_open};

/* The nonce for sequence number seq; for GCM \p explicit_nonce is what the
 * record carries. */
static void aead_nonce(const aead_kind *k, const tls_record_protect *p,
                       const uint8_t *explicit_nonce, uint8_t nonce[12])
{
    if (k->explicit_len) {
        memcpy(nonce, p->iv, 4);
        memcpy(nonce + 4, explicit_nonce, 8);
        return;
    }
    uint8_t padded[12] = {0};
    record_put_be(padded + 4, p->seq, 8);
    for (size_t i = 0; i < 12; i++)
        nonce[i] = (uint8_t)(p->iv[i] ^ padded[i]);
}

static tls_err aead_seal(const void *data, const tls_record_protect *p, uint8_t type,
                         uint16_t version, const uint8_t *frag, size_t len, tls_writer *out,
                         tls_record_crypto *c)
{
    const aead_kind *k = data;
    uint8_t explicit_nonce[8];
    record_put_be(explicit_nonce, p->seq, 8); /* GCM: the sequence number, as OpenSSL */
    aead_nonce(k, p, explicit_nonce, c->nonce);
    record_header13(c->aad, p->seq, type, version, len);
    tls_writer_u16(out, (uint16_t)(k->explicit_len + len + AEAD_TAG));
    tls_writer_bytes(out, explicit_nonce, k->explicit_len);
    uint8_t *ct = tls_writer_extend(out, len + AEAD_TAG);
    if (!ct)
        return tls_writer_error(out);
    return k->seal(p->key, p->key_len, c->nonce, c->aad, sizeof c->aad, frag, len, ct);
}

static tls_err aead_open(const void *data, const tls_record_protect *p,
                         const tls_record *rec, uint8_t *out, size_t *out_len,
                         tls_record_crypto *c)
{
    const aead_kind *k = data;
    if (rec->fragment_len < k->explicit_len + AEAD_TAG)
        return TLS_ERR_BAD_RECORD_MAC;
    size_t ct_len = rec->fragment_len - k->explicit_len;
    size_t pt_len = ct_len - AEAD_TAG;
    if (pt_len > TLS_MAX_FRAGMENT)
        return TLS_ERR_RECORD_OVERFLOW;
    aead_nonce(k, p, rec->fragment, c->nonce);
    record_header13(c->aad, p->seq, rec->type, rec->version, pt_len);
    tls_err e = k->open(p->key, p->key_len, c->nonce, c->aad, sizeof c->aad,
                        rec->fragment + k->explicit_len, ct_len, out);
    if (e == TLS_OK)
        *out_len = pt_len;
    return e;
}

static bool aead_layout(const void *data, size_t mac_len, size_t fragment_len,
                        tls_record_layout *l)
{
    const aead_kind *k = data;
    (void)mac_len;
    if (fragment_len < k->explicit_len + AEAD_TAG)
        return false;
    *l = (tls_record_layout){k->explicit_len, fragment_len - k->explicit_len - AEAD_TAG,
                             AEAD_TAG};
    return true;
}

/* ------------------------------------------------- the two table rows */

const record_ops record_gcm_ops = {aead_seal, aead_open, aead_layout, &gcm,
                                   "explicit_nonce", "encrypted_fragment", "gcm_tag"};
const record_ops record_chacha_ops = {aead_seal, aead_open, aead_layout, &chacha,
                                      NULL, "encrypted_fragment", "poly1305_tag"};
