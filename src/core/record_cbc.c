/*
 * CBC records: AES-CBC with HMAC (RFC 5246 §6.2.3.2), in the original
 * MAC-then-encrypt order and in RFC 7366's encrypt-then-MAC.
 *
 *   MAC-then-encrypt:  IV(16) ‖ AES-CBC(content ‖ MAC ‖ padding)
 *       MAC = HMAC(write_MAC_key, seq_num ‖ type ‖ version ‖ length ‖ content)
 *   encrypt-then-MAC:  IV(16) ‖ AES-CBC(content ‖ padding) ‖ MAC
 *       MAC = HMAC(write_MAC_key, seq_num ‖ type ‖ version ‖ length ‖ IV ‖
 *                  ciphertext), length = that of IV ‖ ciphertext
 *
 * padding = pad_len + 1 bytes, each equal to pad_len, so that the encrypted
 * part fills whole 16-byte blocks.  Each record carries its own random IV
 * (TLS 1.0's chained IV gave BEAST); the key block's IVs go unused.
 *
 * Receiving MAC-then-encrypt is where padding oracles live (Vaudenay 2002,
 * Lucky Thirteen 2013): the receiver must decrypt before it can check
 * anything, and if a bad padding were answered differently from a bad MAC
 * — another alert, or just sooner — an attacker who replays altered
 * records could read plaintext byte by byte.  So open_mte() has one path:
 * the padding is checked with masks (no branch on its value), a bad one is
 * treated as no padding, the MAC is always computed, over a fixed number of
 * hash blocks (tls_hmac_fixed_time), the received MAC is read out without
 * an address that depends on the padding, and both verdicts are combined
 * into one bit before the one early-out: bad_record_mac either way.  The
 * only branches before that are on the record's length, which is public.
 * Encrypt-then-MAC needs none of this: the MAC covers the ciphertext and is
 * checked before anything is decrypted.
 */
#include <stdlib.h>
#include <string.h>

#include "record_internal.h"
#include "tlssim/crypto.h"

#define IV_LEN TLS_AES_BLOCK

/* ------------------------------------------------- constant-time masks */

/* All ones when a >= b, else zero (a, b < 2^31). */
static uint32_t ct_ge(uint32_t a, uint32_t b)
{
    return (uint32_t)0 - (((a - b) >> 31) ^ 1u);
}

/* All ones when a == b, else zero. */
static uint32_t ct_eq(uint32_t a, uint32_t b)
{
    uint32_t x = a ^ b;
    return (uint32_t)0 - (((x | (0u - x)) >> 31) ^ 1u);
}

/* All ones when the n bytes are equal, else zero; reads them all. */
static uint32_t ct_memeq(const uint8_t *a, const uint8_t *b, size_t n)
{
    uint32_t diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (uint32_t)(a[i] ^ b[i]);
    return ct_eq(diff, 0);
}

/* Checks the padding at the end of plain[0..n) with room for \p reserved
 * bytes (the MAC) in front of it.  Reads the last 256 bytes (or all n)
 * whatever the padding says.
 * \return all ones when it is well formed; *pad gets the padding length byte */
static uint32_t padding_good(const uint8_t *plain, size_t n, size_t reserved, uint8_t *pad)
{
    uint32_t p = plain[n - 1];
    uint32_t good = ct_ge((uint32_t)n, (uint32_t)reserved + p + 1);
    uint32_t diff = 0;
    size_t span = n < 256 ? n : 256;
    for (uint32_t i = 1; i < span; i++) {
        uint32_t in_pad = ct_ge(p, i); /* byte n-1-i is padding when i <= p */
        diff |= in_pad & (plain[n - 1 - i] ^ p);
    }
    good &= ct_eq(diff, 0);
    *pad = (uint8_t)p;
    return good;
}

/* out[k] = plain[at + k] for k < mac_len, reading every byte that could be
 * the MAC so that the addresses read do not depend on \p at. */
static void mac_extract(const uint8_t *plain, size_t n, size_t at, size_t mac_len, uint8_t *out)
{
    size_t lo = n > mac_len + 256 ? n - mac_len - 256 : 0;
    memset(out, 0, mac_len);
    for (size_t i = lo; i < n; i++)
        for (size_t k = 0; k < mac_len; k++)
            out[k] |= (uint8_t)(plain[i] & ct_eq((uint32_t)i, (uint32_t)(at + k)));
}

/* --------------------------------------------------------------- write */

/* IV ‖ AES-CBC(body ‖ padding): appends the IV and the ciphertext to out,
 * from a plaintext buffer of body_len bytes plus room for the padding. */
static tls_err cbc_encrypt_into(const tls_record_protect *p, uint8_t *plain, size_t body_len,
                                tls_writer *out, tls_record_crypto *c)
{
    size_t pad = TLS_AES_BLOCK - 1 - body_len % TLS_AES_BLOCK;
    memset(plain + body_len, (int)pad, pad + 1);
    c->pad_len = (uint16_t)pad;
    if (!p->rng || tls_rng_bytes(p->rng, c->iv, IV_LEN) != TLS_OK)
        return TLS_ERR_INTERNAL;
    tls_writer_bytes(out, c->iv, IV_LEN);
    size_t n = body_len + pad + 1;
    uint8_t *ct = tls_writer_extend(out, n);
    if (!ct)
        return tls_writer_error(out);
    return tls_aes_cbc(true, p->key, p->key_len, c->iv, plain, n, ct);
}

/* The two orders, as the table rows' data. */
static const bool mac_then_encrypt = false, encrypt_then_mac = true;

static tls_err seal(const void *data, const tls_record_protect *p, uint8_t type,
                    uint16_t version, const uint8_t *frag, size_t len, tls_writer *out,
                    tls_record_crypto *c)
{
    bool etm = *(const bool *)data;
    size_t mac_len = p->mac_key_len;
    size_t body_len = etm ? len : len + mac_len;
    size_t enc_len = body_len + TLS_AES_BLOCK - body_len % TLS_AES_BLOCK;
    uint8_t *plain = malloc(enc_len);
    if (!plain)
        return TLS_ERR_INTERNAL;
    if (len)
        memcpy(plain, frag, len);
    tls_err e = TLS_OK;
    if (!etm) {
        record_header13(c->aad, p->seq, type, version, len);
        tls_span parts[2] = {{c->aad, 13}, {frag, len}};
        e = tls_hmac(p->mac_hash, p->mac_key, mac_len, parts, 2, c->mac);
        memcpy(plain + len, c->mac, mac_len);
    }
    tls_writer_u16(out, (uint16_t)(IV_LEN + enc_len + (etm ? mac_len : 0)));
    size_t start = out->len;
    if (e == TLS_OK)
        e = cbc_encrypt_into(p, plain, body_len, out, c);
    if (e == TLS_OK && etm) {
        record_header13(c->aad, p->seq, type, version, IV_LEN + enc_len);
        tls_span parts[2] = {{c->aad, 13}, {out->data + start, IV_LEN + enc_len}};
        e = tls_hmac(p->mac_hash, p->mac_key, mac_len, parts, 2, c->mac);
        tls_writer_bytes(out, c->mac, mac_len);
    }
    tls_wipe(plain, enc_len);
    free(plain);
    return e;
}

/* ---------------------------------------------------------------- read */

/* The smallest fragment: the IV and one block holding at least the MAC and
 * one padding byte (MAC-then-encrypt), or plus the MAC (encrypt-then-MAC). */
static bool cbc_layout(const void *data, size_t mac_len, size_t fragment_len,
                       tls_record_layout *l)
{
    bool etm = *(const bool *)data;
    size_t tail = etm ? mac_len : 0;
    size_t min_enc = etm ? TLS_AES_BLOCK : (mac_len + 1 + TLS_AES_BLOCK - 1) / TLS_AES_BLOCK *
                                               TLS_AES_BLOCK;
    if (fragment_len < IV_LEN + min_enc + tail ||
        (fragment_len - IV_LEN - tail) % TLS_AES_BLOCK != 0)
        return false;
    *l = (tls_record_layout){IV_LEN, fragment_len - IV_LEN - tail, tail};
    return true;
}

/* MAC-then-encrypt: decrypt, then padding and MAC in one constant-time
 * verdict (see the comment at the top). */
static tls_err open_mte(const void *data, const tls_record_protect *p, const tls_record *rec,
                        uint8_t *out, size_t *out_len, tls_record_crypto *c)
{
    size_t mac_len = p->mac_key_len;
    tls_record_layout l;
    if (!cbc_layout(data, mac_len, rec->fragment_len, &l))
        return TLS_ERR_BAD_RECORD_MAC;
    size_t n = l.body_len;
    memcpy(c->iv, rec->fragment, IV_LEN);
    if (tls_aes_cbc(false, p->key, p->key_len, c->iv, rec->fragment + IV_LEN, n, out) != TLS_OK)
        return TLS_ERR_INTERNAL;
    uint8_t pad;
    uint32_t good = padding_good(out, n, mac_len, &pad);
    /* A bad padding counts as none: the MAC is still computed and fails. */
    size_t data_len = n - mac_len - (good & ((uint32_t)pad + 1));
    record_header13(c->aad, p->seq, rec->type, rec->version, data_len);
    uint8_t want[TLS_HASH_MAX], got[TLS_HASH_MAX];
    tls_err e = tls_hmac_fixed_time(p->mac_hash, p->mac_key, mac_len, c->aad, 13, out,
                                    data_len, n - mac_len, want);
    mac_extract(out, n, data_len, mac_len, got);
    good &= ct_memeq(want, got, mac_len);
    if (e != TLS_OK || !good) {
        tls_wipe(out, n);
        return e != TLS_OK ? e : TLS_ERR_BAD_RECORD_MAC;
    }
    memcpy(c->mac, want, mac_len);
    c->pad_len = pad;
    *out_len = data_len;
    return data_len > TLS_MAX_FRAGMENT ? TLS_ERR_RECORD_OVERFLOW : TLS_OK;
}

/* Encrypt-then-MAC: the MAC over IV ‖ ciphertext first; only an authentic
 * record is decrypted, so its padding tells an attacker nothing. */
static tls_err open_etm(const void *data, const tls_record_protect *p, const tls_record *rec,
                        uint8_t *out, size_t *out_len, tls_record_crypto *c)
{
    size_t mac_len = p->mac_key_len;
    tls_record_layout l;
    if (!cbc_layout(data, mac_len, rec->fragment_len, &l))
        return TLS_ERR_BAD_RECORD_MAC;
    size_t signed_len = IV_LEN + l.body_len;
    record_header13(c->aad, p->seq, rec->type, rec->version, signed_len);
    tls_span parts[2] = {{c->aad, 13}, {rec->fragment, signed_len}};
    uint8_t want[TLS_HASH_MAX];
    tls_err e = tls_hmac(p->mac_hash, p->mac_key, mac_len, parts, 2, want);
    if (e != TLS_OK)
        return e;
    if (!ct_memeq(want, rec->fragment + signed_len, mac_len))
        return TLS_ERR_BAD_RECORD_MAC;
    memcpy(c->iv, rec->fragment, IV_LEN);
    if (tls_aes_cbc(false, p->key, p->key_len, c->iv, rec->fragment + IV_LEN, l.body_len,
                    out) != TLS_OK)
        return TLS_ERR_INTERNAL;
    uint8_t pad;
    if (!padding_good(out, l.body_len, 0, &pad)) {
        tls_wipe(out, l.body_len);
        return TLS_ERR_BAD_RECORD_MAC;
    }
    memcpy(c->mac, want, mac_len);
    c->pad_len = pad;
    *out_len = l.body_len - pad - 1;
    return *out_len > TLS_MAX_FRAGMENT ? TLS_ERR_RECORD_OVERFLOW : TLS_OK;
}

/* ------------------------------------------------- the two table rows */

const record_ops record_cbc_ops = {seal, open_mte, cbc_layout, &mac_then_encrypt,
                                   "explicit_iv", "encrypted_fragment", NULL};
const record_ops record_cbc_etm_ops = {seal, open_etm, cbc_layout, &encrypt_then_mac,
                                       "explicit_iv", "encrypted_fragment", "mac"};
