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
    p->key_len = 16;
    test_unhex("feffe9928665731c6d6a8f9467308308", p->key, 16);
    test_unhex("cafebabe", p->salt, 4);
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

int main(void)
{
    test_protected_layout();
    test_plain_and_split();
    return test_finish();
}
