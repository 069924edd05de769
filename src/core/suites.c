/* Cipher suites, named groups and signature schemes as data: see
 * include/tlssim/suites.h.
 *
 * Two kinds of tables live here.  The small ones (tls_suites_all,
 * tls_groups_all, tls_sigalgs_all) list what tlssim *implements*; the engine negotiates from
 * them.  The larger "wire name" tables only give names to values a learner
 * may meet on the wire (a browser's ClientHello offers dozens of suites we
 * never implement), so that a dissection can say what each number means. */
#include "tlssim/suites.h"
#include "tlssim/msg.h"

#include <ctype.h>
#include <string.h>

/* The suites we implement, in the client's order of preference, the order
 * a current browser offers them in: forward secrecy (ECDHE) with an AEAD
 * first, then ECDHE with CBC, then DHE (AEADs), then the static-RSA suites
 * (kept to show why forward secrecy matters), AEAD before CBC.  Columns: id, name, OpenSSL's
 * name (tls_suite_parse accepts it: it is what `openssl s_client -cipher`
 * speaks), kx, cipher, key, fixed IV, MAC key, MAC hash, PRF hash, and the
 * certificate key the suite needs (ECDSA before RSA at each strength, as
 * browsers order them). */
static const tls_suite suites[] = {
    {0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256, TLS_HASH_SHA256,
     TLS_KEY_ECDSA},
    {0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384, TLS_HASH_SHA384,
     TLS_KEY_ECDSA},
    {0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384, TLS_HASH_SHA384, TLS_KEY_RSA},
    {0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0, TLS_HASH_SHA256,
     TLS_HASH_SHA256, TLS_KEY_ECDSA},
    {0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0, TLS_HASH_SHA256,
     TLS_HASH_SHA256, TLS_KEY_RSA},
    {0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256,
     TLS_KEY_ECDSA},
    {0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256,
     TLS_KEY_ECDSA},
    {0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA",
     TLS_KX_ECDHE_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DHE-RSA-AES128-GCM-SHA256",
     TLS_KX_DHE_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "DHE-RSA-AES256-GCM-SHA384",
     TLS_KX_DHE_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384, TLS_HASH_SHA384, TLS_KEY_RSA},
    {0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "DHE-RSA-CHACHA20-POLY1305",
     TLS_KX_DHE_RSA, TLS_CIPHER_CHACHA20_POLY1305, 32, 12, 0, TLS_HASH_SHA256,
     TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256",
     TLS_KX_RSA, TLS_CIPHER_AES_GCM, 16, 4, 0, TLS_HASH_SHA256, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384",
     TLS_KX_RSA, TLS_CIPHER_AES_GCM, 32, 4, 0, TLS_HASH_SHA384, TLS_HASH_SHA384, TLS_KEY_RSA},
    {0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA",
     TLS_KX_RSA, TLS_CIPHER_AES_CBC, 16, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA",
     TLS_KX_RSA, TLS_CIPHER_AES_CBC, 32, 16, 20, TLS_HASH_SHA1, TLS_HASH_SHA256, TLS_KEY_RSA},
    {0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256",
     TLS_KX_RSA, TLS_CIPHER_AES_CBC, 16, 16, 32, TLS_HASH_SHA256, TLS_HASH_SHA256, TLS_KEY_RSA},
};

#define NSUITES (sizeof suites / sizeof suites[0])

/* The groups we implement, in the client's order of preference. */
static const tls_group_info groups[] = {
    {TLS_GROUP_SECP256R1, "secp256r1"},
    {TLS_GROUP_X25519, "x25519"},
    {TLS_GROUP_SECP384R1, "secp384r1"},
};

/* The signature schemes we make and verify, in the client's order of
 * preference: Firefox's and OpenSSL 3's, ECDSA first, then RSA-PSS before
 * RSA PKCS#1 v1.5, SHA-256 first within each (without what we do not
 * implement: ecdsa_secp521r1_sha512, Ed25519, rsa_pss_pss_*, SHA-1).  A
 * server follows the client's order, so a client that lists PSS first
 * gets PSS from an RSA key. */
static const tls_sigalg_info sigalgs[] = {
    {TLS_SIG_ECDSA_SECP256R1_SHA256, TLS_KEY_ECDSA, TLS_HASH_SHA256, false},
    {TLS_SIG_ECDSA_SECP384R1_SHA384, TLS_KEY_ECDSA, TLS_HASH_SHA384, false},
    {TLS_SIG_RSA_PSS_RSAE_SHA256, TLS_KEY_RSA, TLS_HASH_SHA256, true},
    {TLS_SIG_RSA_PSS_RSAE_SHA384, TLS_KEY_RSA, TLS_HASH_SHA384, true},
    {TLS_SIG_RSA_PSS_RSAE_SHA512, TLS_KEY_RSA, TLS_HASH_SHA512, true},
    {TLS_SIG_RSA_PKCS1_SHA256, TLS_KEY_RSA, TLS_HASH_SHA256, false},
    {TLS_SIG_RSA_PKCS1_SHA384, TLS_KEY_RSA, TLS_HASH_SHA384, false},
    {TLS_SIG_RSA_PKCS1_SHA512, TLS_KEY_RSA, TLS_HASH_SHA512, false},
};

_Static_assert(sizeof suites / sizeof suites[0] == TLS_SUITE_COUNT, "TLS_SUITE_COUNT matches the table");
_Static_assert(sizeof sigalgs / sizeof sigalgs[0] == TLS_SIGALG_COUNT,
               "TLS_SIGALG_COUNT matches the table");
_Static_assert(sizeof groups / sizeof groups[0] == TLS_GROUP_COUNT, "TLS_GROUP_COUNT matches the table");

#define NGROUPS (sizeof groups / sizeof groups[0])

/* Other spellings people use for the same groups (OpenSSL, NIST, RFC 7748). */
static const struct {
    const char *alias;
    tls_group id;
} group_aliases[] = {
    {"p256", TLS_GROUP_SECP256R1},      {"p-256", TLS_GROUP_SECP256R1},
    {"prime256v1", TLS_GROUP_SECP256R1}, {"nistp256", TLS_GROUP_SECP256R1},
    {"p384", TLS_GROUP_SECP384R1},      {"p-384", TLS_GROUP_SECP384R1},
    {"nistp384", TLS_GROUP_SECP384R1},  {"x25519", TLS_GROUP_X25519},
    {"curve25519", TLS_GROUP_X25519},
};

const tls_suite *tls_suites_all(size_t *n)
{
    *n = NSUITES;
    return suites;
}

const tls_group_info *tls_groups_all(size_t *n)
{
    *n = NGROUPS;
    return groups;
}

const tls_sigalg_info *tls_sigalgs_all(size_t *n)
{
    *n = TLS_SIGALG_COUNT;
    return sigalgs;
}

const tls_sigalg_info *tls_sigalg_by_id(uint16_t id)
{
    for (size_t i = 0; i < TLS_SIGALG_COUNT; i++)
        if (sigalgs[i].id == id)
            return &sigalgs[i];
    return NULL;
}

const tls_suite *tls_suite_by_id(uint16_t id)
{
    for (size_t i = 0; i < NSUITES; i++)
        if (suites[i].id == id)
            return &suites[i];
    return NULL;
}

const tls_group_info *tls_group_by_id(uint16_t id)
{
    for (size_t i = 0; i < NGROUPS; i++)
        if ((uint16_t)groups[i].id == id)
            return &groups[i];
    return NULL;
}

/* ASCII case-insensitive equality (strcasecmp would depend on the locale). */
static bool name_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
    return *a == *b;
}

/* "0xc02f", "0XC02F" or "c02f": one to four hex digits and nothing else.
 * Without the "0x" the text must be all hex digits, which no suite name is. */
static bool parse_hex16(const char *s, uint16_t *out)
{
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    size_t n = strlen(s);
    if (n == 0 || n > 4)
        return false;
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        int c = tolower((unsigned char)s[i]);
        if (c >= '0' && c <= '9')
            v = v * 16 + (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v = v * 16 + (unsigned)(c - 'a' + 10);
        else
            return false;
    }
    *out = (uint16_t)v;
    return true;
}

const tls_suite *tls_suite_parse(const char *text)
{
    if (!text || !*text)
        return NULL;
    uint16_t id;
    if (parse_hex16(text, &id))
        return tls_suite_by_id(id);
    for (size_t i = 0; i < NSUITES; i++) {
        /* Every table name starts with "TLS_": compare with and without it. */
        if (name_eq(text, suites[i].name) || name_eq(text, suites[i].name + 4) ||
            name_eq(text, suites[i].openssl_name))
            return &suites[i];
    }
    return NULL;
}

const tls_group_info *tls_group_parse(const char *text)
{
    if (!text || !*text)
        return NULL;
    /* Only "0x.." for groups: a bare "23" would be ambiguous (hex or decimal). */
    uint16_t id;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && parse_hex16(text, &id))
        return tls_group_by_id(id);
    for (size_t i = 0; i < NGROUPS; i++)
        if (name_eq(text, groups[i].name))
            return &groups[i];
    for (size_t i = 0; i < sizeof group_aliases / sizeof group_aliases[0]; i++)
        if (name_eq(text, group_aliases[i].alias))
            return tls_group_by_id((uint16_t)group_aliases[i].id);
    return NULL;
}

const char *tls_suite_cipher_name(const tls_suite *s)
{
    switch (s->cipher) {
    case TLS_CIPHER_AES_GCM: return s->key_len == 16 ? "AES-128-GCM" : "AES-256-GCM";
    case TLS_CIPHER_CHACHA20_POLY1305: return "ChaCha20-Poly1305";
    case TLS_CIPHER_AES_CBC: return s->key_len == 16 ? "AES-128-CBC" : "AES-256-CBC";
    }
    return "?";
}

const char *tls_kx_name(tls_kx kx)
{
    switch (kx) {
    case TLS_KX_ECDHE_RSA: return "ECDHE_RSA";
    case TLS_KX_RSA: return "RSA";
    case TLS_KX_DHE_RSA: return "DHE_RSA";
    }
    return "?";
}

/* ------------------------------------------------ names seen on the wire */

typedef struct wire_name {
    uint16_t id;
    const char *name;
} wire_name;

static const char *wire_lookup(const wire_name *t, size_t n, uint16_t id)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].id == id)
            return t[i].name;
    return NULL;
}

#define LOOKUP(table, id) wire_lookup(table, sizeof table / sizeof table[0], id)

/* IANA TLS Cipher Suites registry: the ones browsers, curl and OpenSSL
 * commonly offer, TLS 1.3's five (offered in a 1.2-capable ClientHello too),
 * the historical ones a lesson may mention, and the two signalling values. */
static const wire_name suite_names[] = {
    {0x0000, "TLS_NULL_WITH_NULL_NULL"},
    {0x0004, "TLS_RSA_WITH_RC4_128_MD5"},
    {0x0005, "TLS_RSA_WITH_RC4_128_SHA"},
    {0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
    {0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"},
    {0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"},
    {0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"},
    {0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"},
    {0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"},
    {0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"},
    {0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256"},
    {0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"},
    {0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"},
    {0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"},
    {0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"},
    {0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"},
    {0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"},
    {0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"},
    {0x1301, "TLS_AES_128_GCM_SHA256"},
    {0x1302, "TLS_AES_256_GCM_SHA384"},
    {0x1303, "TLS_CHACHA20_POLY1305_SHA256"},
    {0x1304, "TLS_AES_128_CCM_SHA256"},
    {0x1305, "TLS_AES_128_CCM_8_SHA256"},
    {0x5600, "TLS_FALLBACK_SCSV"},
    {0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"},
    {0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"},
    {0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"},
    {0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"},
    {0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"},
    {0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"},
    {0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"},
    {0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"},
    {0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"},
    {0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"},
    {0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
    {0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
    {0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
    {0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
    {0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"},
    {0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
};

const char *tls_suite_wire_name(uint16_t id) { return LOOKUP(suite_names, id); }

/* IANA TLS Supported Groups registry (RFC 8422 §5.1.1, RFC 7919, the
 * post-quantum hybrids modern browsers send). */
static const wire_name group_names[] = {
    {19, "secp192r1"},
    {21, "secp224r1"},
    {22, "secp256k1"},
    {23, "secp256r1"},
    {24, "secp384r1"},
    {25, "secp521r1"},
    {26, "brainpoolP256r1"},
    {27, "brainpoolP384r1"},
    {28, "brainpoolP512r1"},
    {29, "x25519"},
    {30, "x448"},
    {256, "ffdhe2048"},
    {257, "ffdhe3072"},
    {258, "ffdhe4096"},
    {259, "ffdhe6144"},
    {260, "ffdhe8192"},
    {0x0200, "MLKEM512"},
    {0x0201, "MLKEM768"},
    {0x0202, "MLKEM1024"},
    {0x11eb, "SecP256r1MLKEM768"},
    {0x11ec, "X25519MLKEM768"},
    {0x11ed, "SecP384r1MLKEM1024"},
    {0x6399, "X25519Kyber768Draft00"},
};

const char *tls_group_wire_name(uint16_t id) { return LOOKUP(group_names, id); }

/* SignatureScheme (RFC 8446 §4.2.3), whose values are TLS 1.2's
 * SignatureAndHashAlgorithm pairs {hash, signature} (RFC 5246 §7.4.1.4.1):
 * 0x0401 is hash sha256(4) with signature rsa(1).  The legacy pairs that
 * TLS 1.3 did not name get descriptive names in the same style. */
static const wire_name sigscheme_names[] = {
    {0x0101, "rsa_pkcs1_md5"},
    {0x0201, "rsa_pkcs1_sha1"},
    {0x0202, "dsa_sha1"},
    {0x0203, "ecdsa_sha1"},
    {0x0301, "rsa_pkcs1_sha224"},
    {0x0302, "dsa_sha224"},
    {0x0303, "ecdsa_sha224"},
    {0x0401, "rsa_pkcs1_sha256"},
    {0x0402, "dsa_sha256"},
    {0x0403, "ecdsa_secp256r1_sha256"},
    {0x0501, "rsa_pkcs1_sha384"},
    {0x0502, "dsa_sha384"},
    {0x0503, "ecdsa_secp384r1_sha384"},
    {0x0601, "rsa_pkcs1_sha512"},
    {0x0602, "dsa_sha512"},
    {0x0603, "ecdsa_secp521r1_sha512"},
    {0x0804, "rsa_pss_rsae_sha256"},
    {0x0805, "rsa_pss_rsae_sha384"},
    {0x0806, "rsa_pss_rsae_sha512"},
    {0x0807, "ed25519"},
    {0x0808, "ed448"},
    {0x0809, "rsa_pss_pss_sha256"},
    {0x080a, "rsa_pss_pss_sha384"},
    {0x080b, "rsa_pss_pss_sha512"},
    {0x081a, "ecdsa_brainpoolP256r1tls13_sha256"},
    {0x081b, "ecdsa_brainpoolP384r1tls13_sha384"},
    {0x081c, "ecdsa_brainpoolP512r1tls13_sha512"},
};

const char *tls_sigscheme_name(uint16_t id) { return LOOKUP(sigscheme_names, id); }

/* IANA TLS ExtensionType Values: what real ClientHellos carry. */
static const wire_name extension_names[] = {
    {0, "server_name"},
    {1, "max_fragment_length"},
    {2, "client_certificate_url"},
    {3, "trusted_ca_keys"},
    {4, "truncated_hmac"},
    {5, "status_request"},
    {10, "supported_groups"},
    {11, "ec_point_formats"},
    {13, "signature_algorithms"},
    {14, "use_srtp"},
    {15, "heartbeat"},
    {16, "application_layer_protocol_negotiation"},
    {17, "status_request_v2"},
    {18, "signed_certificate_timestamp"},
    {19, "client_certificate_type"},
    {20, "server_certificate_type"},
    {21, "padding"},
    {22, "encrypt_then_mac"},
    {23, "extended_master_secret"},
    {27, "compress_certificate"},
    {28, "record_size_limit"},
    {34, "delegated_credentials"},
    {35, "session_ticket"},
    {41, "pre_shared_key"},
    {42, "early_data"},
    {43, "supported_versions"},
    {44, "cookie"},
    {45, "psk_key_exchange_modes"},
    {47, "certificate_authorities"},
    {48, "oid_filters"},
    {49, "post_handshake_auth"},
    {50, "signature_algorithms_cert"},
    {51, "key_share"},
    {57, "quic_transport_parameters"},
    {0x3374, "next_protocol_negotiation"},
    {0x4469, "application_settings"},
    {0x44cd, "application_settings"},
    {0xfe0d, "encrypted_client_hello"},
    {0xff01, "renegotiation_info"},
};

const char *tls_extension_name(uint16_t type) { return LOOKUP(extension_names, type); }

const tls_suite *tls_suite_default(tls_kx kx)
{
    return tls_suite_default_auth(kx, TLS_KEY_RSA);
}

const tls_suite *tls_suite_default_auth(tls_kx kx, tls_key_kind auth)
{
    /* The first AES-GCM suite with that key exchange and certificate: the
     * AES-128 one. */
    for (size_t i = 0; i < NSUITES; i++)
        if (suites[i].kx == kx && suites[i].auth == auth && suites[i].cipher == TLS_CIPHER_AES_GCM)
            return &suites[i];
    return NULL;
}

const char *tls_key_kind_name(tls_key_kind kind)
{
    switch (kind) {
    case TLS_KEY_RSA: return "rsa";
    case TLS_KEY_ECDSA: return "ecdsa";
    case TLS_KEY_NONE: break;
    }
    return "none";
}

size_t tls_groups_preferring(tls_group first, tls_group *out)
{
    size_t n, k = 0;
    const tls_group_info *all = tls_groups_all(&n);
    out[k++] = first;
    for (size_t i = 0; i < n; i++)
        if (all[i].id != first)
            out[k++] = all[i].id;
    return k;
}
