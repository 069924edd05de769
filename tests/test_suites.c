/* Suite and group tables, parsers and wire names. */
#include <string.h>

#include "testutil.h"
#include "tlssim/suites.h"

/* One row of the table, as RFC 5246 / 5288 / 7905 define the suite. */
static void expect_row(const tls_suite *s, uint16_t id, tls_kx kx, tls_cipher cipher,
                       size_t key_len, size_t iv_len, size_t mac_key_len, tls_hash_alg prf)
{
    test_check(s->id == id && s->kx == kx && s->cipher == cipher && s->key_len == key_len &&
                   s->iv_len == iv_len && s->mac_key_len == mac_key_len && s->prf_hash == prf,
               "suite %04x: kx, cipher, key %zu, IV %zu, MAC key %zu, PRF", id, key_len, iv_len,
               mac_key_len);
    test_str_eq(tls_suite_wire_name(s->id), s->name, "wire name = table name");
}

static void test_tables(void)
{
    size_t n;
    const tls_suite *s = tls_suites_all(&n);
    test_check(n == 18, "eighteen suites");
    if (n == 18) {
        /* A browser's order: ECDHE AEADs (ECDSA before RSA at each strength),
         * ECDHE CBC, DHE AEADs, RSA AEADs, RSA CBC. */
        expect_row(&s[0], 0xc02b, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256);
        expect_row(&s[1], 0xc02f, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256);
        expect_row(&s[2], 0xc02c, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384);
        expect_row(&s[3], 0xc030, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384);
        expect_row(&s[4], 0xcca9, TLS_KX_ECDHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0,
                   TLS_HASH_SHA256);
        expect_row(&s[5], 0xcca8, TLS_KX_ECDHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0,
                   TLS_HASH_SHA256);
        expect_row(&s[6], 0xc009, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[7], 0xc013, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[8], 0xc00a, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[9], 0xc014, TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[10], 0x009e, TLS_KX_DHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256);
        expect_row(&s[11], 0x009f, TLS_KX_DHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384);
        expect_row(&s[12], 0xccaa, TLS_KX_DHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0,
                   TLS_HASH_SHA256);
        expect_row(&s[13], 0x009c, TLS_KX_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256);
        expect_row(&s[14], 0x009d, TLS_KX_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384);
        expect_row(&s[15], 0x002f, TLS_KX_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[16], 0x0035, TLS_KX_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA256);
        expect_row(&s[17], 0x003c, TLS_KX_RSA, TLS_CIPHER_AES_CBC, 16, 16, 32, TLS_HASH_SHA256);
        /* The certificate each needs: ECDSA for the ECDHE_ECDSA rows only. */
        for (size_t i = 0; i < n; i++)
            test_check(s[i].auth == (strstr(s[i].name, "_ECDSA_") ? TLS_KEY_ECDSA : TLS_KEY_RSA),
                       "%s needs the certificate its name says", s[i].name);
        test_check(s[6].mac_hash == TLS_HASH_SHA1 && s[8].mac_hash == TLS_HASH_SHA1 &&
                       s[17].mac_hash == TLS_HASH_SHA256,
                   "..._CBC_SHA: HMAC-SHA1; ..._CBC_SHA256: HMAC-SHA256");
        test_str_eq(tls_suite_cipher_name(&s[4]), "ChaCha20-Poly1305", "cipher name chacha");
        test_str_eq(tls_suite_cipher_name(&s[8]), "AES-256-CBC", "cipher name cbc");
        test_str_eq(tls_suite_cipher_name(&s[1]), "AES-128-GCM", "cipher name gcm");
    }
    const tls_group_info *g = tls_groups_all(&n);
    test_check(n == 3 && g[0].id == TLS_GROUP_SECP256R1 && g[1].id == TLS_GROUP_X25519 &&
               g[2].id == TLS_GROUP_SECP384R1, "groups: secp256r1, x25519, secp384r1");
    s = tls_suites_all(&n);
    test_check(tls_suite_by_id(0xc030) == &s[3], "suite by id");
    test_check(tls_suite_default_auth(TLS_KX_ECDHE_RSA, TLS_KEY_ECDSA)->id == 0xc02b &&
                   tls_suite_default_auth(TLS_KX_ECDHE_RSA, TLS_KEY_RSA)->id == 0xc02f &&
                   tls_suite_default_auth(TLS_KX_RSA, TLS_KEY_RSA)->id == 0x009c &&
                   tls_suite_default_auth(TLS_KX_RSA, TLS_KEY_ECDSA) == NULL,
               "default suite per key exchange and certificate (none for RSA kx + ECDSA)");
    test_check(tls_suite_by_id(0x1301) == NULL, "TLS 1.3 suite is not implemented");
    test_check(tls_group_by_id(29) == &g[1], "group by id");
    test_check(tls_group_by_id(25) == NULL, "secp521r1 not implemented");
    test_str_eq(tls_kx_name(TLS_KX_ECDHE_RSA), "ECDHE_RSA", "kx name ECDHE_RSA");
    test_str_eq(tls_kx_name(TLS_KX_RSA), "RSA", "kx name RSA");
    test_str_eq(tls_kx_name(TLS_KX_DHE_RSA), "DHE_RSA", "kx name DHE_RSA");
    test_check(tls_suite_default(TLS_KX_DHE_RSA)->id == 0x009e, "DHE's default suite");
}

/* The signature schemes, in the order current clients offer them. */
static void test_sigalgs(void)
{
    size_t n;
    const tls_sigalg_info *s = tls_sigalgs_all(&n);
    static const uint16_t want[] = {0x0403, 0x0503, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601};
    test_check(n == 8, "eight signature schemes");
    for (size_t i = 0; i < n && i < 8; i++) {
        test_check(s[i].id == want[i], "scheme %zu is 0x%04x", i, want[i]);
        const char *name = tls_sigscheme_name(s[i].id);
        test_check(name && s[i].pss == (strncmp(name, "rsa_pss_rsae_", 13) == 0) &&
                       s[i].key == (strncmp(name, "ecdsa_", 6) == 0 ? TLS_KEY_ECDSA : TLS_KEY_RSA),
                   "%s: key and padding as its name says", name ? name : "?");
    }
    test_check(tls_sigalg_by_id(0x0806) && tls_sigalg_by_id(0x0806)->hash == TLS_HASH_SHA512 &&
                   tls_sigalg_by_id(0x0805)->hash == TLS_HASH_SHA384,
               "rsa_pss_rsae_sha512 hashes with SHA-512, _sha384 with SHA-384");
    test_check(!tls_sigalg_by_id(0x0809) && !tls_sigalg_by_id(0x0201) && !tls_sigalg_by_id(0x0807),
               "rsa_pss_pss_*, SHA-1 and Ed25519 are not implemented");
}

static void expect_suite(const char *text, uint16_t id)
{
    const tls_suite *s = tls_suite_parse(text);
    test_check(s && s->id == id, "suite parse \"%s\" -> 0x%04x", text, id);
}

static void test_suite_parse(void)
{
    expect_suite("DHE-RSA-AES256-GCM-SHA384", 0x009f);
    expect_suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xc02f);
    expect_suite("tls_ecdhe_rsa_with_aes_256_gcm_sha384", 0xc030);
    expect_suite("ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xc02f);
    expect_suite("rsa_with_aes_128_gcm_sha256", 0x009c);
    expect_suite("TLS_RSA_WITH_AES_256_GCM_SHA384", 0x009d);
    expect_suite("0xc02f", 0xc02f);
    expect_suite("0XC030", 0xc030);
    expect_suite("c02f", 0xc02f);
    expect_suite("0x009c", 0x009c);
    expect_suite("9d", 0x009d);
    expect_suite("ECDHE-RSA-AES128-GCM-SHA256", 0xc02f);
    expect_suite("aes256-gcm-sha384", 0x009d);
    expect_suite("ECDHE-RSA-CHACHA20-POLY1305", 0xcca8);
    expect_suite("ECDHE-RSA-AES128-SHA", 0xc013);
    expect_suite("ECDHE-ECDSA-CHACHA20-POLY1305", 0xcca9);
    expect_suite("DHE-RSA-CHACHA20-POLY1305", 0xccaa);
    expect_suite("ECDHE-ECDSA-AES128-SHA", 0xc009);
    expect_suite("ECDHE-ECDSA-AES256-SHA", 0xc00a);
    expect_suite("ecdhe-rsa-aes256-sha", 0xc014);
    expect_suite("AES128-SHA", 0x002f);
    expect_suite("AES256-SHA", 0x0035);
    expect_suite("AES128-SHA256", 0x003c);
    expect_suite("TLS_RSA_WITH_AES_128_CBC_SHA256", 0x003c);

    const char *junk[] = {"", "0x", "0xc02f0", "c02g", "TLS_", "0x1301",
                          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA2566",
                          "TLS_ECDHE_RSA_WITH_AES_128_GCM", " c02f", "tls_tls_rsa_with_aes_128_gcm_sha256"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        test_check(tls_suite_parse(junk[i]) == NULL, "suite parse junk \"%s\" -> NULL", junk[i]);
    test_check(tls_suite_parse(NULL) == NULL, "suite parse NULL -> NULL");
}

static void expect_group(const char *text, tls_group id)
{
    const tls_group_info *g = tls_group_parse(text);
    test_check(g && g->id == id, "group parse \"%s\" -> %d", text, (int)id);
}

static void test_group_parse(void)
{
    expect_group("secp256r1", TLS_GROUP_SECP256R1);
    expect_group("SECP256R1", TLS_GROUP_SECP256R1);
    expect_group("p256", TLS_GROUP_SECP256R1);
    expect_group("prime256v1", TLS_GROUP_SECP256R1);
    expect_group("P-256", TLS_GROUP_SECP256R1);
    expect_group("p384", TLS_GROUP_SECP384R1);
    expect_group("secp384r1", TLS_GROUP_SECP384R1);
    expect_group("P-384", TLS_GROUP_SECP384R1);
    expect_group("x25519", TLS_GROUP_X25519);
    expect_group("X25519", TLS_GROUP_X25519);
    expect_group("0x001d", TLS_GROUP_X25519);
    const tls_group_info *g = tls_group_parse("x25519");
    test_str_eq(g ? g->name : NULL, "x25519", "group name");
    const char *junk[] = {"", "p521", "secp521r1", "25519x", "0x0019", "23", "p-25"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        test_check(tls_group_parse(junk[i]) == NULL, "group parse junk \"%s\" -> NULL", junk[i]);
    test_check(tls_group_parse(NULL) == NULL, "group parse NULL -> NULL");
}

static void test_wire_names(void)
{
    test_str_eq(tls_suite_wire_name(0x00ff), "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "SCSV");
    test_str_eq(tls_suite_wire_name(0x1301), "TLS_AES_128_GCM_SHA256", "TLS 1.3 suite");
    test_str_eq(tls_suite_wire_name(0xc02b), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDSA GCM");
    test_str_eq(tls_suite_wire_name(0xcca8), "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "chacha");
    test_str_eq(tls_suite_wire_name(0x002f), "TLS_RSA_WITH_AES_128_CBC_SHA", "RSA CBC");
    test_check(tls_suite_wire_name(0x1234) == NULL, "unknown suite -> NULL");
    test_check(tls_suite_wire_name(0x0a0a) == NULL, "GREASE suite -> NULL");

    test_str_eq(tls_group_wire_name(23), "secp256r1", "group 23");
    test_str_eq(tls_group_wire_name(29), "x25519", "group 29");
    test_str_eq(tls_group_wire_name(24), "secp384r1", "group 24");
    test_str_eq(tls_group_wire_name(0x11ec), "X25519MLKEM768", "hybrid group");
    test_check(tls_group_wire_name(0x7777) == NULL, "unknown group -> NULL");

    test_str_eq(tls_sigscheme_name(0x0401), "rsa_pkcs1_sha256", "0x0401");
    test_str_eq(tls_sigscheme_name(0x0804), "rsa_pss_rsae_sha256", "0x0804");
    test_str_eq(tls_sigscheme_name(0x0403), "ecdsa_secp256r1_sha256", "0x0403");
    test_str_eq(tls_sigscheme_name(0x0807), "ed25519", "0x0807");
    test_check(tls_sigscheme_name(0x0000) == NULL, "unknown sigscheme -> NULL");

    test_str_eq(tls_extension_name(0), "server_name", "ext 0");
    test_str_eq(tls_extension_name(5), "status_request", "ext 5");
    test_str_eq(tls_extension_name(16), "application_layer_protocol_negotiation", "ext 16");
    test_str_eq(tls_extension_name(21), "padding", "ext 21");
    test_str_eq(tls_extension_name(23), "extended_master_secret", "ext 23");
    test_str_eq(tls_extension_name(43), "supported_versions", "ext 43");
    test_str_eq(tls_extension_name(51), "key_share", "ext 51");
    test_str_eq(tls_extension_name(0xff01), "renegotiation_info", "ext ff01");
    test_check(tls_extension_name(0x1234) == NULL, "unknown extension -> NULL");
}

int main(void)
{
    test_tables();
    test_sigalgs();
    test_suite_parse();
    test_group_parse();
    test_wire_names();
    return test_finish();
}
