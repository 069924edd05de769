/* The record layer: framing, AES-GCM nonce and AAD construction, splitting. */
#include <string.h>

#include "testutil.h"
#include "tlssim/crypto.h"
#include "tlssim/msg.h"
#include "tlssim/record.h"

static void setup(tls_record_protect *p, uint64_t seq)
{
    memset(p, 0, sizeof *p);
    p->active = true;
    p->kind = TLS_RECORD_AES_GCM;
    p->key_len = 16;
    test_unhex("feffe9928665731c6d6a8f9467308308", p->key, 16);
    test_unhex("cafebabe", p->iv, 4);
    p->iv_len = 4;
    p->seq = seq;
}

/* The record must be header ‖ explicit nonce ‖ AES-GCM(key, salt ‖ explicit,
 * aad = seq ‖ type ‖ version ‖ length) built independently here. */
static void test_protected_layout(void)
{
    tls_record_protect p;
    setup(&p, 0x0102030405060708ull);
    const uint8_t pt[] = "\x14\x00\x00\x0c" "0123456789ab";
    size_t pt_len = 16;
    tls_writer w;
    tls_writer_init(&w);
    tls_record_crypto info;
    test_check(tls_record_write(&w, TLS_CT_HANDSHAKE, 0x0303, pt, pt_len, &p, &info) == TLS_OK,
               "protected write");
    test_check(w.len == 5 + 8 + pt_len + 16, "length: header + nonce + ct + tag");
    test_hex_eq(w.data, 5, "160303" "0028", "header announces 40 bytes");
    test_hex_eq(w.data + 5, 8, "0102030405060708", "explicit nonce = sequence number");
    test_hex_eq(info.nonce, 12, "cafebabe0102030405060708", "nonce = salt ‖ explicit");
    test_hex_eq(info.aad, 13, "0102030405060708" "16" "0303" "0010", "aad = seq ‖ type ‖ version ‖ length");
    uint8_t want[64];
    tls_aead_seal(p.key, 16, info.nonce, info.aad, 13, pt, pt_len, want);
    test_bytes_eq(w.data + 13, pt_len + 16, want, pt_len + 16, "ciphertext and tag");
    /* The whole record, as computed independently with OpenSSL's AES-GCM
     * (Python cryptography's AESGCM) from the same key, salt, sequence
     * number and plaintext: a known answer for the record layer. */
    test_hex_eq(w.data, w.len,
                "1603030028" "0102030405060708"
                "2ac92b4be0344af9031210ad7945f4dc" "536335ac344191456b0b5cefb3a940d5",
                "protected record equals the independently computed one");
    test_check(p.seq == 0x0102030405060709ull, "sequence number advanced");

    /* The reading side, from the same starting sequence number, recovers it. */
    tls_record_protect r;
    setup(&r, 0x0102030405060708ull);
    tls_record rec;
    size_t need;
    test_check(tls_record_split(w.data, w.len, &rec, &need) == TLS_READ_OK, "split");
    uint8_t out[64];
    size_t out_len = 0;
    test_check(tls_record_open(&rec, &r, out, &out_len, NULL) == TLS_OK, "open");
    test_bytes_eq(out, out_len, pt, pt_len, "plaintext recovered");

    /* Wrong sequence number = wrong AAD and nonce: bad_record_mac. */
    setup(&r, 0);
    test_check(tls_record_open(&rec, &r, out, &out_len, NULL) == TLS_ERR_BAD_RECORD_MAC,
               "replayed/reordered record rejected");
    /* Every single-bit change of the protected part is caught. */
    for (size_t i = 0; i < w.len; i++) {
        w.data[i] ^= 0x01;
        /* A flip in the length field frames the record differently. */
        tls_err err = TLS_ERR_DECODE;
        if (tls_record_split(w.data, w.len, &rec, &need) == TLS_READ_OK) {
            setup(&r, 0x0102030405060708ull);
            err = tls_record_open(&rec, &r, out, &out_len, NULL);
        }
        test_check(err != TLS_OK, "flip of byte %zu detected", i);
        w.data[i] ^= 0x01;
    }
    tls_writer_free(&w);
}

static void test_plain_and_split(void)
{
    tls_writer w;
    tls_writer_init(&w);
    const uint8_t ccs = 1;
    tls_record_write(&w, TLS_CT_CHANGE_CIPHER_SPEC, 0x0303, &ccs, 1, NULL, NULL);
    test_hex_eq(w.data, w.len, "140303000101", "ChangeCipherSpec record");
    tls_record rec;
    size_t need;
    /* Before the header is complete only the header's remainder is known. */
    for (size_t n = 0; n < w.len; n++) {
        size_t want = n < 5 ? 5 - n : w.len - n;
        test_check(tls_record_split(w.data, n, &rec, &need) == TLS_READ_NEED_MORE &&
                       need == want,
                   "incomplete record of %zu bytes needs %zu more", n, want);
    }
    test_check(tls_record_split(w.data, w.len, &rec, &need) == TLS_READ_OK && need == 0 &&
                   rec.wire_len == w.len && rec.fragment_len == 1 && rec.fragment[0] == 1,
               "a whole record is framed");
    /* The limit is 2^14 + 2048: one byte more is oversize even before the
     * body arrives (waiting for it would only let a peer make us buffer). */
    const uint8_t edge[] = {0x17, 0x03, 0x03, 0x48, 0x00};
    test_check(tls_record_split(edge, sizeof edge, &rec, &need) == TLS_READ_NEED_MORE &&
                   need == TLS_MAX_CIPHERTEXT,
               "a length of exactly 2^14+2048 is waited for");
    const uint8_t huge[] = {0x17, 0x03, 0x03, 0x48, 0x01};
    test_check(tls_record_split(huge, sizeof huge, &rec, &need) == TLS_READ_OVERSIZE &&
                   need == 0,
               "length over 2^14+2048 is oversize (record_overflow), not need-more");
    uint8_t big[TLS_MAX_FRAGMENT + 1] = {0};
    test_check(tls_record_write(&w, TLS_CT_APPLICATION_DATA, 0x0303, big, sizeof big, NULL, NULL) ==
                   TLS_ERR_INTERNAL, "a fragment over 2^14 is refused");
    tls_writer_free(&w);
}

/* A protection of \p kind with fixed keys (CBC writers draw IVs from rng). */
static void setup_kind(tls_record_protect *p, tls_record_kind kind, size_t mac_len, tls_rng *rng)
{
    memset(p, 0, sizeof *p);
    p->active = true;
    p->kind = kind;
    p->key_len = kind == TLS_RECORD_CHACHA20 ? 32 : 16;
    for (size_t i = 0; i < 32; i++)
        p->key[i] = (uint8_t)(0x10 + i);
    p->iv_len = kind == TLS_RECORD_CHACHA20 ? 12 : 16;
    for (size_t i = 0; i < p->iv_len; i++)
        p->iv[i] = (uint8_t)(0xa0 + i);
    p->mac_key_len = mac_len;
    p->mac_hash = mac_len == 20 ? TLS_HASH_SHA1 : TLS_HASH_SHA256;
    for (size_t i = 0; i < mac_len; i++)
        p->mac_key[i] = (uint8_t)(0x40 + i);
    p->seq = 7;
    p->rng = rng;
}

/* Every kind: a record opens on the other side, and every single-bit
 * change anywhere in it (header, IV, ciphertext, tag or MAC) is refused. */
static void test_kinds_roundtrip_and_flips(void)
{
    static const struct {
        tls_record_kind kind;
        size_t mac_len;
        const char *name;
    } kinds[] = {{TLS_RECORD_CHACHA20, 0, "ChaCha20-Poly1305"},
                 {TLS_RECORD_CBC, 20, "CBC HMAC-SHA1 MAC-then-encrypt"},
                 {TLS_RECORD_CBC_ETM, 20, "CBC HMAC-SHA1 encrypt-then-MAC"},
                 {TLS_RECORD_CBC, 32, "CBC HMAC-SHA256 MAC-then-encrypt"},
                 {TLS_RECORD_CBC_ETM, 32, "CBC HMAC-SHA256 encrypt-then-MAC"}};
    tls_rng *rng = tls_rng_new_seeded(3, "record test");
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        for (size_t len = 0; len < 40; len += 13) {
            tls_record_protect w, r;
            setup_kind(&w, kinds[k].kind, kinds[k].mac_len, rng);
            uint8_t pt[64];
            for (size_t i = 0; i < len; i++)
                pt[i] = (uint8_t)(i * 7);
            tls_writer out;
            tls_writer_init(&out);
            tls_record_crypto info;
            test_check(tls_record_write(&out, TLS_CT_APPLICATION_DATA, 0x0303, pt, len, &w,
                                        &info) == TLS_OK && info.kind == kinds[k].kind,
                       "%s: %zu bytes written", kinds[k].name, len);
            tls_record rec;
            size_t need, n = 0;
            uint8_t back[256];
            setup_kind(&r, kinds[k].kind, kinds[k].mac_len, NULL);
            test_check(tls_record_split(out.data, out.len, &rec, &need) == TLS_READ_OK &&
                           tls_record_open(&rec, &r, back, &n, NULL) == TLS_OK && n == len &&
                           memcmp(back, pt, len) == 0,
                       "%s: %zu bytes read back", kinds[k].name, len);
            size_t undetected = 0;
            for (size_t i = 0; i < out.len; i++) {
                out.data[i] ^= 0x01;
                tls_err err = TLS_ERR_DECODE;
                if (tls_record_split(out.data, out.len, &rec, &need) == TLS_READ_OK) {
                    setup_kind(&r, kinds[k].kind, kinds[k].mac_len, NULL);
                    err = tls_record_open(&rec, &r, back, &n, NULL);
                }
                undetected += err == TLS_OK;
                out.data[i] ^= 0x01;
            }
            test_check(undetected == 0, "%s, %zu bytes: every bit flip of %zu bytes refused",
                       kinds[k].name, len, out.len);
            tls_writer_free(&out);
        }
    }
    tls_rng_free(rng);
}

/* MAC-then-encrypt made by hand: content ‖ mac ‖ padding under AES-CBC,
 * so that padding and MAC can be broken one at a time. */
static void forge_mte(const tls_record_protect *p, const uint8_t *content, size_t len,
                      bool bad_mac, bool bad_pad, tls_writer *out)
{
    uint8_t hdr[13] = {0, 0, 0, 0, 0, 0, 0, 7, 23, 3, 3, 0, (uint8_t)len};
    uint8_t plain[128], iv[16] = {9};
    memcpy(plain, content, len);
    tls_span parts[2] = {{hdr, 13}, {content, len}};
    tls_hmac(p->mac_hash, p->mac_key, p->mac_key_len, parts, 2, plain + len);
    if (bad_mac)
        plain[len] ^= 0x80;
    size_t n = len + p->mac_key_len;
    size_t pad = 15 - n % 16;
    memset(plain + n, (int)pad, pad + 1);
    if (bad_pad)
        plain[n] ^= 0x01; /* the first padding byte disagrees with the last */
    n += pad + 1;
    tls_writer_u8(out, 23);
    tls_writer_u16(out, 0x0303);
    tls_writer_u16(out, (uint16_t)(16 + n));
    tls_writer_bytes(out, iv, 16);
    uint8_t *ct = tls_writer_extend(out, n);
    tls_aes_cbc(true, p->key, p->key_len, iv, plain, n, ct);
}

/* Hostile: a record with a bad padding and one with a bad MAC get the very
 * same answer (bad_record_mac); record_cbc.c reaches it on one path, the
 * padding verdict folded into the MAC verdict with masks (see its top
 * comment).  The forged good record opens, so the forgery itself is right. */
static void test_padding_oracle_closed(void)
{
    const uint8_t content[] = "attack at dawn!";
    tls_err got[4];
    for (int c = 0; c < 4; c++) {
        tls_record_protect p;
        setup_kind(&p, TLS_RECORD_CBC, 20, NULL);
        tls_writer out;
        tls_writer_init(&out);
        forge_mte(&p, content, 15, c & 1, c & 2, &out);
        tls_record rec;
        size_t need, n;
        uint8_t back[128];
        tls_record_split(out.data, out.len, &rec, &need);
        got[c] = tls_record_open(&rec, &p, back, &n, NULL);
        tls_writer_free(&out);
    }
    test_check(got[0] == TLS_OK, "the hand-made MAC-then-encrypt record opens");
    test_check(got[1] == TLS_ERR_BAD_RECORD_MAC, "bad MAC: bad_record_mac");
    test_check(got[2] == TLS_ERR_BAD_RECORD_MAC, "bad padding: bad_record_mac");
    test_check(got[3] == TLS_ERR_BAD_RECORD_MAC, "both bad: bad_record_mac");
}

int main(void)
{
    test_kinds_roundtrip_and_flips();
    test_padding_oracle_closed();
    test_protected_layout();
    test_plain_and_split();
    return test_finish();
}
