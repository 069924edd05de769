/* Crypto adapter, PRF and demo PKI: published known-answer vectors plus
 * round trips with the embedded demo keys. */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/crypto.h"
#include "tlssim/pki.h"
#include "tlssim/prf.h"
#include "tlssim/suites.h"

/* Decode a hex constant the test itself wrote; a typo is a failed check. */
static size_t unhex(const char *hex, uint8_t *out, size_t max)
{
    size_t n = test_unhex(hex, out, max);
    test_check(n != (size_t)-1, "test vector hex decodes: %.16s...", hex);
    return n == (size_t)-1 ? 0 : n;
}

/* ------------------------------------------------------- hash and HMAC */

static void test_hash_hmac(void)
{
    uint8_t out[TLS_HASH_MAX];
    const uint8_t abc[] = "abc";
    test_check(tls_hash_len(TLS_HASH_SHA256) == 32 && tls_hash_len(TLS_HASH_SHA384) == 48,
               "digest lengths");
    test_str_eq(tls_hash_name(TLS_HASH_SHA384), "SHA-384", "hash name");
    test_check(tls_hash(TLS_HASH_SHA256, abc, 3, out) == TLS_OK, "sha256 runs");
    test_hex_eq(out, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "SHA-256(\"abc\") (FIPS 180-2)");
    test_check(tls_hash(TLS_HASH_SHA384, abc, 3, out) == TLS_OK, "sha384 runs");
    test_hex_eq(out, 48,
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
                "SHA-384(\"abc\") (FIPS 180-2)");

    /* RFC 4231 test case 2, the data split over three spans. */
    const char *data = "what do ya want for nothing?";
    tls_span parts[3] = {{(const uint8_t *)data, 4},
                         {(const uint8_t *)data + 4, 0},
                         {(const uint8_t *)data + 4, strlen(data) - 4}};
    const uint8_t *key = (const uint8_t *)"Jefe";
    test_check(tls_hmac(TLS_HASH_SHA256, key, 4, parts, 3, out) == TLS_OK, "hmac runs");
    test_hex_eq(out, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "HMAC-SHA-256 RFC 4231 case 2");
    test_check(tls_hmac(TLS_HASH_SHA384, key, 4, parts, 3, out) == TLS_OK, "hmac384 runs");
    test_hex_eq(out, 48,
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
                "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                "HMAC-SHA-384 RFC 4231 case 2");
}

/* ------------------------------------------------------------------ PRF */

/* The TLS 1.2 PRF vectors posted to the IETF TLS list (msg03416) and used
 * by many libraries' test suites. */
static void test_prf_sha256(void)
{
    uint8_t secret[16], seed[16], out[100];
    unhex("9bbe436ba940f017b17652849a71db35", secret, sizeof secret);
    unhex("a0ba9f936cda311827a6f796ffd5198c", seed, sizeof seed);
    tls_span s = {seed, sizeof seed};
    tls_prf_trace trace;
    test_check(tls_prf(TLS_HASH_SHA256, secret, sizeof secret, "test label", &s, 1,
                       out, sizeof out, &trace) == TLS_OK, "prf sha256 runs");
    test_hex_eq(out, sizeof out,
                "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                "87347b66",
                "TLS 1.2 PRF SHA-256 vector");

    /* The trace: 100 bytes need 4 rounds; each out[i] is a slice of the
     * output and A(i+1) = HMAC(secret, A(i)). */
    test_check(trace.rounds == 4 && trace.hash_len == 32, "trace has 4 rounds of 32 bytes");
    test_bytes_eq(trace.out[0], 32, out, 32, "trace block 1 is output[0..32)");
    test_bytes_eq(trace.out[3], 4, out + 96, 4, "trace block 4 starts output[96..100)");
    uint8_t a2[TLS_HASH_MAX];
    tls_span a1 = {trace.a[0], 32};
    tls_hmac(TLS_HASH_SHA256, secret, sizeof secret, &a1, 1, a2);
    test_bytes_eq(trace.a[1], 32, a2, 32, "A(2) = HMAC(secret, A(1))");
}

static void test_prf_sha384(void)
{
    uint8_t secret[16], seed[16], out[148];
    unhex("b80b733d6ceefcdc71566ea48e5567df", secret, sizeof secret);
    unhex("cd665cf6a8447dd6ff8b27555edb7465", seed, sizeof seed);
    /* Seed in two spans: the PRF must see their concatenation. */
    tls_span s[2] = {{seed, 5}, {seed + 5, sizeof seed - 5}};
    test_check(tls_prf(TLS_HASH_SHA384, secret, sizeof secret, "test label", s, 2,
                       out, sizeof out, NULL) == TLS_OK, "prf sha384 runs");
    test_hex_eq(out, sizeof out,
                "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                "91c8f3a26854308d5eaa3be85e0990703d73e56f",
                "TLS 1.2 PRF SHA-384 vector");
}

/* The key block of suite \p id cut at RFC 5246 §6.3's places: MAC keys,
 * keys, IVs (GCM 4-byte salts, ChaCha20 12-byte IVs, CBC 16-byte IVs). */
static void check_key_block(uint16_t id, size_t mac_len, size_t key_len, size_t iv_len)
{
    const tls_suite *s = tls_suite_by_id(id);
    uint8_t master[48], cr[32], sr[32], raw[TLS_KEY_BLOCK_MAX], want[TLS_KEY_BLOCK_MAX];
    for (size_t i = 0; i < 48; i++)
        master[i] = (uint8_t)(0xa0 + i);
    for (size_t i = 0; i < 32; i++) {
        cr[i] = (uint8_t)i;
        sr[i] = (uint8_t)(0xff - i);
    }
    size_t n = 2 * (mac_len + key_len + iv_len);
    test_check(s && tls_key_block_len(s) == n, "suite %04x key block is %zu bytes", id, n);
    if (!s)
        return;
    tls_span seed[2] = {{sr, 32}, {cr, 32}}; /* server_random first */
    tls_prf(s->prf_hash, master, 48, "key expansion", seed, 2, want, n, NULL);

    tls_key_block kb;
    test_check(tls_key_block_derive(s, master, cr, sr, &kb, raw) == TLS_OK,
               "key block %04x derives", id);
    test_check(kb.mac_key_len == mac_len && kb.key_len == key_len && kb.iv_len == iv_len,
               "key block %04x lengths", id);
    test_bytes_eq(raw, n, want, n, "raw key block is PRF(master, key expansion, sr||cr)");
    const uint8_t *w = want;
    test_bytes_eq(kb.client_write_mac_key, mac_len, w, mac_len, "client_write_MAC_key first");
    test_bytes_eq(kb.server_write_mac_key, mac_len, w += mac_len, mac_len, "server_write_MAC_key");
    test_bytes_eq(kb.client_write_key, key_len, w += mac_len, key_len, "client_write_key slice");
    test_bytes_eq(kb.server_write_key, key_len, w += key_len, key_len, "server_write_key slice");
    test_bytes_eq(kb.client_write_iv, iv_len, w += key_len, iv_len, "client_write_IV slice");
    test_bytes_eq(kb.server_write_iv, iv_len, w += iv_len, iv_len, "server_write_IV slice");
    tls_suite odd = *s;
    odd.key_len = 24;
    test_check(tls_key_block_derive(&odd, master, cr, sr, &kb, NULL) == TLS_ERR_INTERNAL,
               "unsupported key length refused");
}

/* -------------------------------------------------------------- AES-GCM */

/* McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 4
 * (AES-128) and 16 (AES-256): 60-byte plaintext, 20-byte AAD. */
static const char gcm_pt[] =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
static const char gcm_aad[] = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
static const char gcm_iv[] = "cafebabefacedbaddecaf888";

static void check_gcm(const char *name, const char *key_hex, const char *ct_tag_hex)
{
    uint8_t key[32], iv[12], aad[20], pt[60], out[76], back[60];
    size_t key_len = unhex(key_hex, key, sizeof key);
    unhex(gcm_iv, iv, sizeof iv);
    unhex(gcm_aad, aad, sizeof aad);
    unhex(gcm_pt, pt, sizeof pt);
    test_check(tls_aead_seal(key, key_len, iv, aad, sizeof aad, pt, sizeof pt, out) == TLS_OK,
               "%s seals", name);
    test_hex_eq(out, sizeof out, ct_tag_hex, name);
    test_check(tls_aead_open(key, key_len, iv, aad, sizeof aad, out, sizeof out, back) == TLS_OK,
               "%s opens", name);
    test_bytes_eq(back, sizeof back, pt, sizeof pt, "GCM round trip");

    out[10] ^= 1;
    test_check(tls_aead_open(key, key_len, iv, aad, sizeof aad, out, sizeof out, back) ==
               TLS_ERR_BAD_RECORD_MAC, "%s: flipped ciphertext bit is bad_record_mac", name);
    out[10] ^= 1;
    aad[0] ^= 1;
    test_check(tls_aead_open(key, key_len, iv, aad, sizeof aad, out, sizeof out, back) ==
               TLS_ERR_BAD_RECORD_MAC, "%s: changed AAD is bad_record_mac", name);
    test_check(tls_aead_open(key, key_len, iv, aad, sizeof aad, out, 15, back) ==
               TLS_ERR_BAD_RECORD_MAC, "%s: input shorter than a tag", name);
}

static void test_gcm(void)
{
    check_gcm("AES-128-GCM test case 4", "feffe9928665731c6d6a8f9467308308",
              "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
              "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
              "5bc94fbc3221a5db94fae95ae7121a47");
    check_gcm("AES-256-GCM test case 16",
              "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
              "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
              "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
              "76fc6ece0f4e1768cddf8853bb2d551b");
}

/* ----------------------------------------------------------------- ECDH */

typedef struct ecdh_vector {
    const char *name;
    tls_group group;
    const char *a_priv, *a_pub, *b_priv, *b_pub, *shared;
} ecdh_vector;

static const ecdh_vector ecdh_vectors[] = {
    {"X25519 (RFC 7748 6.1)", TLS_GROUP_X25519,
     "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
     "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
     "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
     "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
     "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"},
    {"P-256 (RFC 5903 8.1)", TLS_GROUP_SECP256R1,
     "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433",
     "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
     "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3",
     "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53",
     "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
     "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab",
     "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de"},
    {"P-384 (RFC 5903 8.2)", TLS_GROUP_SECP384R1,
     "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655"
     "e35b538041e649ee3faef896783ab194",
     "04667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6"
     "de3ac808acb4bdb4c88732aee95f41aa9482ed1fc0eeb9cafc4984625ccfc23f"
     "65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c",
     "41cb0779b4bdb85d47846725fbec3c9430fab46cc8dc5060855cc9bda0aa2942"
     "e0308312916b8ed2960e4bd55a7448fc",
     "04e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d"
     "0d1ac43a0336def96fda41d0774a3571dcfbec7aacf3196472169e838430367f"
     "66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c",
     "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4"
     "d603135569b9e9d09cf5d4a270f59746"},
};

static void check_ecdh_vector(const ecdh_vector *v)
{
    uint8_t a[TLS_ECDH_PRIV_MAX], b[TLS_ECDH_PRIV_MAX];
    uint8_t a_pub[TLS_ECDH_PUB_MAX], b_pub[TLS_ECDH_PUB_MAX], pub[TLS_ECDH_PUB_MAX];
    uint8_t s[TLS_ECDH_SHARED_MAX];
    size_t a_len = unhex(v->a_priv, a, sizeof a), b_len = unhex(v->b_priv, b, sizeof b);
    size_t a_pub_len = unhex(v->a_pub, a_pub, sizeof a_pub);
    size_t b_pub_len = unhex(v->b_pub, b_pub, sizeof b_pub);
    size_t n = 0, s_len = 0;

    test_check(tls_ecdh_public(v->group, a, a_len, pub, &n) == TLS_OK, "%s: A public", v->name);
    test_bytes_eq(pub, n, a_pub, a_pub_len, v->name);
    test_check(tls_ecdh_public(v->group, b, b_len, pub, &n) == TLS_OK, "%s: B public", v->name);
    test_bytes_eq(pub, n, b_pub, b_pub_len, v->name);
    test_check(tls_ecdh_shared(v->group, NULL, a, a_len, b_pub, b_pub_len, s, &s_len) == TLS_OK,
               "%s: A computes the secret", v->name);
    test_hex_eq(s, s_len, v->shared, v->name);
    test_check(tls_ecdh_shared(v->group, NULL, b, b_len, a_pub, a_pub_len, s, &s_len) == TLS_OK,
               "%s: B computes the secret", v->name);
    test_hex_eq(s, s_len, v->shared, v->name);
}

/* Fresh key pairs agree with each other and with tls_ecdh_public. */
static void check_ecdh_keygen(tls_group group, tls_rng *rng)
{
    uint8_t a[TLS_ECDH_PRIV_MAX], b[TLS_ECDH_PRIV_MAX];
    uint8_t a_pub[TLS_ECDH_PUB_MAX], b_pub[TLS_ECDH_PUB_MAX], pub[TLS_ECDH_PUB_MAX];
    uint8_t s1[TLS_ECDH_SHARED_MAX], s2[TLS_ECDH_SHARED_MAX];
    size_t a_len, b_len, a_pub_len, b_pub_len, pub_len, s1_len, s2_len;
    test_check(tls_ecdh_keygen(group, rng, a, &a_len, a_pub, &a_pub_len) == TLS_OK &&
               tls_ecdh_keygen(group, rng, b, &b_len, b_pub, &b_pub_len) == TLS_OK,
               "group %d: keygen", (int)group);
    test_check(tls_ecdh_public(group, a, a_len, pub, &pub_len) == TLS_OK, "recompute public");
    test_bytes_eq(pub, pub_len, a_pub, a_pub_len, "keygen public = public(private)");
    test_check(tls_ecdh_shared(group, rng, a, a_len, b_pub, b_pub_len, s1, &s1_len) == TLS_OK &&
               tls_ecdh_shared(group, rng, b, b_len, a_pub, a_pub_len, s2, &s2_len) == TLS_OK,
               "group %d: both sides compute", (int)group);
    test_bytes_eq(s1, s1_len, s2, s2_len, "both sides agree");
}

static void test_ecdh_rejects(void)
{
    const ecdh_vector *p256 = &ecdh_vectors[1];
    uint8_t priv[32], pt[65], s[48];
    size_t s_len;
    unhex(p256->a_priv, priv, sizeof priv);
    unhex(p256->b_pub, pt, sizeof pt);
    pt[64] ^= 1; /* y changed: off the curve */
    test_check(tls_ecdh_shared(TLS_GROUP_SECP256R1, NULL, priv, 32, pt, 65, s, &s_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 point off the curve rejected");
    test_check(tls_ecdh_shared(TLS_GROUP_SECP256R1, NULL, priv, 32, pt, 33, s, &s_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 compressed/short point rejected");
    pt[0] = 0x05;
    pt[64] ^= 1;
    test_check(tls_ecdh_shared(TLS_GROUP_SECP256R1, NULL, priv, 32, pt, 65, s, &s_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 unknown point format rejected");

    /* u = 0 and u = 1 have small order: the X25519 output is all zero. */
    uint8_t xpriv[32], u[32] = {0};
    unhex(ecdh_vectors[0].a_priv, xpriv, sizeof xpriv);
    test_check(tls_ecdh_shared(TLS_GROUP_X25519, NULL, xpriv, 32, u, 32, s, &s_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "X25519 u=0 (all-zero secret) rejected");
    u[0] = 1;
    test_check(tls_ecdh_shared(TLS_GROUP_X25519, NULL, xpriv, 32, u, 32, s, &s_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "X25519 u=1 (all-zero secret) rejected");

    /* Private scalars outside [1, n-1]. */
    uint8_t zero[32] = {0}, n[32], pub[TLS_ECDH_PUB_MAX];
    size_t pub_len;
    unhex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", n, sizeof n);
    test_check(tls_ecdh_public(TLS_GROUP_SECP256R1, zero, 32, pub, &pub_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 scalar 0 rejected");
    test_check(tls_ecdh_public(TLS_GROUP_SECP256R1, n, 32, pub, &pub_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 scalar n rejected");
    test_check(tls_ecdh_public(TLS_GROUP_SECP256R1, n, 31, pub, &pub_len) ==
               TLS_ERR_ILLEGAL_PARAMETER, "P-256 scalar of the wrong length rejected");
}

static void test_ecdh(void)
{
    for (size_t i = 0; i < sizeof ecdh_vectors / sizeof ecdh_vectors[0]; i++)
        check_ecdh_vector(&ecdh_vectors[i]);
    test_ecdh_rejects();
    tls_rng *rng = tls_rng_new_seeded(7, "ecdh");
    check_ecdh_keygen(TLS_GROUP_SECP256R1, rng);
    check_ecdh_keygen(TLS_GROUP_SECP384R1, rng);
    check_ecdh_keygen(TLS_GROUP_X25519, rng);
    tls_rng_free(rng);
}

/* ------------------------------------------------------------------ RNG */

/* Finite-field DH: RFC 7919's ffdhe2048 as published (its first and last
 * 64 bits are ones), the range check a client applies to dh_Ys, and both
 * sides reaching the same Z. */
static void test_dh(void)
{
    tls_dh_params dh;
    tls_dh_ffdhe2048(&dh);
    static const uint8_t ones[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    test_check(dh.p_len == 256 && memcmp(dh.p, ones, 8) == 0 &&
                   memcmp(dh.p + 248, ones, 8) == 0 && dh.p[8] == 0xad && dh.p[9] == 0xf8 &&
                   dh.g_len == 1 && dh.g[0] == 2,
               "ffdhe2048: p = 2^2048 - 2^1984 + ... (FFFFFFFFFFFFFFFFADF8...), g = 2");
    uint8_t v[256], z1[256], z2[256], y1[256], y2[256];
    size_t n1, n2, l1, l2;
    memset(v, 0, sizeof v);
    test_check(!tls_dh_in_range(&dh, v, 256), "0 is out of range");
    v[255] = 1;
    test_check(!tls_dh_in_range(&dh, v, 256), "1 is out of range");
    v[255] = 2;
    test_check(tls_dh_in_range(&dh, v, 256), "2 is in range");
    memcpy(v, dh.p, 256);
    v[255] -= 1;
    test_check(!tls_dh_in_range(&dh, v, 256), "p - 1 is out of range");
    v[255] -= 1;
    test_check(tls_dh_in_range(&dh, v, 256), "p - 2 is in range");
    test_check(!tls_dh_in_range(&dh, dh.p, 256), "p is out of range");
    test_check(tls_dh_shared(&dh, (const uint8_t[]){7}, 1, dh.p, 256, z1, &n1) ==
                   TLS_ERR_ILLEGAL_PARAMETER, "no Z from a peer value of p");
    static const uint8_t a[] = {0x12, 0x34, 0x56}, b[] = {0x0a, 0xbc, 0xde, 0xf0};
    test_check(tls_dh_public(&dh, a, sizeof a, y1, &l1) == TLS_OK &&
                   tls_dh_public(&dh, b, sizeof b, y2, &l2) == TLS_OK &&
                   tls_dh_shared(&dh, a, sizeof a, y2, l2, z1, &n1) == TLS_OK &&
                   tls_dh_shared(&dh, b, sizeof b, y1, l1, z2, &n2) == TLS_OK &&
                   n1 == 256 && n2 == 256 && memcmp(z1, z2, 256) == 0,
               "(g^b)^a = (g^a)^b, left-padded to the size of p");
}

static void test_rng(void)
{
    uint8_t a[64], b[64], c[64], big[3000];
    tls_rng *r1 = tls_rng_new_seeded(42, "client");
    tls_rng *r2 = tls_rng_new_seeded(42, "client");
    tls_rng *r3 = tls_rng_new_seeded(42, "server");
    tls_rng *r4 = tls_rng_new_seeded(43, "client");
    test_check(r1 && r2 && r3 && r4, "seeded generators created");
    tls_rng_bytes(r1, a, sizeof a);
    tls_rng_bytes(r2, b, sizeof b);
    test_bytes_eq(a, sizeof a, b, sizeof b, "same seed and label: same bytes");
    tls_rng_bytes(r3, c, sizeof c);
    test_check(memcmp(a, c, sizeof a) != 0, "different label: different bytes");
    tls_rng_bytes(r4, c, sizeof c);
    test_check(memcmp(a, c, sizeof a) != 0, "different seed: different bytes");
    test_check(tls_rng_bytes(r1, big, sizeof big) == TLS_OK, "requests beyond one DRBG call");
    /* Unseeded: CTR_DRBG generators from one root, each its own stream. */
    tls_rng *e = tls_rng_new_entropy("test");
    tls_rng *e2 = tls_rng_new_entropy("test");
    test_check(e && tls_rng_bytes(e, c, sizeof c) == TLS_OK, "entropy generator works");
    test_check(e2 && tls_rng_bytes(e2, b, sizeof b) == TLS_OK && memcmp(b, c, sizeof b) != 0,
               "two entropy generators with the same label: different bytes");
    test_check(tls_rng_bytes(e, big, sizeof big) == TLS_OK,
               "entropy: requests beyond one CTR_DRBG call");
    tls_rng_free(e2);
    tls_rng_free(r1);
    tls_rng_free(r2);
    tls_rng_free(r3);
    tls_rng_free(r4);
    tls_rng_free(e);
    tls_rng_free(NULL);
}

/* ------------------------------------------------------ RSA and X.509 */

static void test_rsa(tls_x509 *leaf, tls_privkey *key, tls_rng *rng)
{
    test_check(tls_x509_rsa_len(leaf) == 256 && tls_privkey_len(key) == 256,
               "RSA-2048 modulus is 256 bytes");
    uint8_t digest[48], sig[256], ct[256], pms[48], back[256];
    size_t sig_len = 0, ct_len = 0, back_len = 0;
    const tls_hash_alg algs[2] = {TLS_HASH_SHA256, TLS_HASH_SHA384};
    for (int i = 0; i < 2; i++) {
        tls_hash(algs[i], (const uint8_t *)"signed params", 13, digest);
        test_check(tls_privkey_sign(key, rng, algs[i], digest, sig, &sig_len) == TLS_OK &&
                   sig_len == 256, "sign with %s", tls_hash_name(algs[i]));
        test_check(tls_x509_rsa_verify(leaf, algs[i], digest, sig, sig_len) == TLS_OK,
                   "leaf verifies the %s signature", tls_hash_name(algs[i]));
        digest[0] ^= 1;
        test_check(tls_x509_rsa_verify(leaf, algs[i], digest, sig, sig_len) ==
                   TLS_ERR_DECRYPT_ERROR, "changed digest is decrypt_error");
    }
    digest[0] ^= 1; /* the SHA-384 signature's own digest again */
    test_check(tls_x509_rsa_verify(leaf, TLS_HASH_SHA256, digest, sig, sig_len) ==
               TLS_ERR_DECRYPT_ERROR, "wrong hash algorithm is decrypt_error");

    tls_rng_bytes(rng, pms, sizeof pms);
    test_check(tls_x509_rsa_encrypt(leaf, rng, pms, sizeof pms, ct, &ct_len) == TLS_OK &&
               ct_len == 256, "encrypt a premaster secret");
    test_check(tls_privkey_decrypt(key, rng, ct, ct_len, back, sizeof back, &back_len) ==
               TLS_OK, "decrypt it");
    test_bytes_eq(back, back_len, pms, sizeof pms, "RSA round trip");
    ct[100] ^= 0x40;
    test_check(tls_privkey_decrypt(key, rng, ct, ct_len, back, sizeof back, &back_len) ==
               TLS_ERR_DECRYPT_ERROR && back_len == 0, "corrupted ciphertext is decrypt_error");
}

static void test_describe(const tls_x509 *leaf)
{
    tls_x509_info info;
    test_check(tls_x509_describe(leaf, 0, &info) == TLS_OK, "describe leaf");
    test_str_eq(info.subject, "CN=" TLS_DEMO_HOST, "leaf subject");
    test_str_eq(info.issuer, "CN=tlssim Demo Intermediate CA (DEMO ONLY - NOT FOR PRODUCTION)",
                "leaf issuer: the intermediate");
    test_str_eq(info.not_before, "2025-01-01 00:00:00", "not before");
    test_str_eq(info.not_after, "2045-12-31 23:59:59", "not after");
    test_str_eq(info.sig_alg, "RSA with SHA-256", "signature algorithm");
    test_str_eq(info.key_desc, "RSA 2048-bit", "key description");
    test_str_eq(info.san, TLS_DEMO_HOST, "DNS subjectAltName");
    test_check(strlen(info.serial) > 0, "serial printed");
    test_check(tls_x509_describe(leaf, 1, &info) == TLS_ERR_INTERNAL, "no certificate 1");
}

static tls_x509 *parse(const char *pem)
{
    tls_x509 *x = NULL;
    test_check(tls_x509_add_pem(&x, pem) == TLS_OK, "demo PEM parses (with its header)");
    return x;
}

/* The leaf with one byte of its signature changed, then the intermediate:
 * it still parses. */
static tls_x509 *forged_leaf(const tls_x509 *leaf)
{
    size_t len;
    const uint8_t *der = tls_x509_der(leaf, 0, &len);
    uint8_t copy[4096];
    if (!der || len > sizeof copy)
        return NULL;
    memcpy(copy, der, len);
    copy[len - 1] ^= 0x01;
    tls_x509 *x = NULL;
    test_check(tls_x509_add_der(&x, copy, len) == TLS_OK &&
                   tls_x509_add_pem(&x, tls_demo_intermediate_pem) == TLS_OK,
               "forged leaf parses");
    return x;
}

/* \p leaf alone, which a client cannot chain without the intermediate. */
static void test_verify(const tls_x509 *leaf, const tls_x509 *ca)
{
    tls_x509_verdict v;
    tls_err e = tls_x509_verify(leaf, ca, TLS_DEMO_HOST, &v);
    test_check(e == TLS_ERR_UNKNOWN_CA && !v.chain_ok,
               "leaf without its intermediate: unknown_ca (%s)", v.detail);
    tls_x509 *chain = parse(tls_demo_server_cert_pem);
    test_check(tls_x509_add_pem(&chain, tls_demo_intermediate_pem) == TLS_OK,
               "leaf + intermediate, as the server sends them");
    e = tls_x509_verify(chain, ca, TLS_DEMO_HOST, &v);
    test_check(e == TLS_OK && v.chain_ok && v.host_ok && v.dates_ok && v.key_ok,
               "demo chain verifies for %s (%s)", TLS_DEMO_HOST, v.detail);

    e = tls_x509_verify(chain, ca, "www.example.org", &v);
    test_check(e == TLS_ERR_BAD_CERTIFICATE && !v.host_ok && v.chain_ok && v.dates_ok,
               "wrong host: host_ok false, bad_certificate");
    test_check(strstr(v.detail, "CN") != NULL, "detail names the mismatch: %s", v.detail);

    e = tls_x509_verify(leaf, NULL, TLS_DEMO_HOST, &v);
    test_check(e == TLS_ERR_UNKNOWN_CA && !v.chain_ok, "no trust anchor: unknown_ca");
    e = tls_x509_verify(chain, leaf, TLS_DEMO_HOST, &v);
    test_check(e == TLS_ERR_UNKNOWN_CA && !v.chain_ok && v.host_ok,
               "other trust anchor: chain_ok false, unknown_ca");
    tls_x509_free(chain);

    tls_x509 *forged = forged_leaf(leaf);
    e = tls_x509_verify(forged, ca, TLS_DEMO_HOST, &v);
    test_check(e == TLS_ERR_BAD_CERTIFICATE && !v.chain_ok,
               "bad signature by a known CA: bad_certificate");
    tls_x509_free(forged);
}

static void test_x509_parse(const tls_x509 *leaf)
{
    size_t len;
    const uint8_t *der = tls_x509_der(leaf, 0, &len);
    tls_x509 *x = NULL;
    test_check(tls_x509_count(leaf) == 1, "one certificate");
    test_check(tls_x509_add_der(&x, der, len) == TLS_OK, "DER re-parses");
    test_check(tls_x509_add_pem(&x, tls_demo_ca_pem) == TLS_OK && tls_x509_count(x) == 2,
               "append CA: chain of two");
    size_t len1;
    const uint8_t *der1 = tls_x509_der(x, 0, &len1);
    test_bytes_eq(der1, len1, der, len, "leaf DER unchanged");
    test_check(tls_x509_der(x, 2, &len1) == NULL && len1 == 0, "no certificate 2");
    tls_x509_free(x);

    x = NULL;
    const uint8_t junk[] = {0x30, 0x03, 0x02, 0x01, 0x00};
    test_check(tls_x509_add_der(&x, junk, sizeof junk) == TLS_ERR_BAD_CERTIFICATE && !x,
               "junk DER: bad_certificate, nothing allocated");
    test_check(tls_x509_add_pem(&x, "no certificate here") == TLS_ERR_BAD_CERTIFICATE && !x,
               "text without a certificate");
    tls_x509_free(NULL);
}

/* RSASSA-PSS as rsa_pss_rsae_* makes it: a verifiable signature for each
 * hash, a fresh salt each time (two signatures of one digest differ), and
 * no confusion with PKCS#1 v1.5 either way.  Signing PSS leaves the key
 * as it was: a v1.5 signature after it still verifies. */
static void test_rsa_pss(tls_x509 *leaf, tls_privkey *key, tls_rng *rng)
{
    uint8_t digest[TLS_HASH_MAX], sig[256], again[256];
    size_t sig_len = 0, again_len = 0;
    const tls_hash_alg algs[3] = {TLS_HASH_SHA256, TLS_HASH_SHA384, TLS_HASH_SHA512};
    for (int i = 0; i < 3; i++) {
        const char *h = tls_hash_name(algs[i]);
        tls_hash(algs[i], (const uint8_t *)"signed params", 13, digest);
        test_check(tls_privkey_sign_pss(key, rng, algs[i], digest, sig, &sig_len) == TLS_OK &&
                       sig_len == 256, "PSS sign with %s", h);
        test_check(tls_x509_rsa_pss_verify(leaf, algs[i], digest, sig, sig_len) == TLS_OK,
                   "leaf verifies the PSS %s signature", h);
        test_check(tls_privkey_sign_pss(key, rng, algs[i], digest, again, &again_len) == TLS_OK &&
                       again_len == sig_len && memcmp(again, sig, sig_len) != 0 &&
                       tls_x509_rsa_pss_verify(leaf, algs[i], digest, again, again_len) == TLS_OK,
                   "PSS %s: a second signature differs (new salt) and verifies too", h);
        test_check(tls_x509_rsa_verify(leaf, algs[i], digest, sig, sig_len) ==
                       TLS_ERR_DECRYPT_ERROR,
                   "a PSS signature is not a PKCS#1 v1.5 one (%s)", h);
        sig[10] ^= 1;
        test_check(tls_x509_rsa_pss_verify(leaf, algs[i], digest, sig, sig_len) ==
                       TLS_ERR_DECRYPT_ERROR, "flipped PSS signature bit is decrypt_error");
    }
    test_check(tls_privkey_sign(key, rng, TLS_HASH_SHA256, digest, sig, &sig_len) == TLS_OK &&
                   tls_x509_rsa_verify(leaf, TLS_HASH_SHA256, digest, sig, sig_len) == TLS_OK,
               "PKCS#1 v1.5 still signs after PSS");
    test_check(tls_x509_rsa_pss_verify(leaf, TLS_HASH_SHA256, digest, sig, sig_len) ==
                   TLS_ERR_DECRYPT_ERROR, "a PKCS#1 v1.5 signature is not a PSS one");
}

static void test_pki(void)
{
    tls_x509 *leaf = parse(tls_demo_server_cert_pem);
    tls_x509 *ca = parse(tls_demo_ca_pem);
    tls_privkey *key = NULL;
    test_check(tls_privkey_parse_pem(&key, tls_demo_server_key_pem) == TLS_OK,
               "demo key parses (with its header)");
    tls_privkey *bad = NULL;
    test_check(tls_privkey_parse_pem(&bad, "not a key") != TLS_OK && !bad, "junk key refused");
    if (!leaf || !ca || !key)
        return;
    tls_rng *rng = tls_rng_new_seeded(1, "rsa");
    test_rsa(leaf, key, rng);
    test_rsa_pss(leaf, key, rng);
    test_describe(leaf);
    test_verify(leaf, ca);
    test_x509_parse(leaf);
    tls_rng_free(rng);
    tls_privkey_free(key);
    tls_x509_free(leaf);
    tls_x509_free(ca);
}

/* A trust bundle keeps what parses and counts what it skipped; a single
 * PEM stays strict. */
static void test_bundle(void)
{
    static const char broken[] = "-----BEGIN CERTIFICATE-----\n"
                                 "MIIBAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
                                 "-----END CERTIFICATE-----\n";
    char pem[8192];
    snprintf(pem, sizeof pem, "%s%s", tls_demo_ca_pem, broken);
    tls_x509 *bundle = NULL, *strict = NULL;
    size_t skipped = 99;
    test_check(tls_x509_add_pem_bundle(&bundle, pem, &skipped) == TLS_OK && skipped == 1 &&
                   tls_x509_count(bundle) == 1,
               "bundle: one good certificate kept, one broken skipped (%zu)", skipped);
    test_check(tls_x509_add_pem(&strict, pem) == TLS_ERR_BAD_CERTIFICATE && !strict,
               "single PEM: any broken certificate fails and adds nothing");
    test_check(tls_x509_add_pem_bundle(&strict, broken, &skipped) == TLS_ERR_BAD_CERTIFICATE,
               "bundle with nothing that parses fails");
    tls_x509_free(bundle);
    tls_x509_free(strict);
}

int main(void)
{
    test_bundle();
    test_hash_hmac();
    test_prf_sha256();
    test_prf_sha384();
    check_key_block(0xc02f, 0, 16, 4);
    check_key_block(0xc030, 0, 32, 4);
    check_key_block(0xcca8, 0, 32, 12);
    check_key_block(0xc013, 20, 16, 16);
    check_key_block(0x0035, 20, 32, 16);
    check_key_block(0x003c, 32, 16, 16);
    test_gcm();
    test_ecdh();
    test_rng();
    test_pki();
    test_dh();
    return test_finish();
}
