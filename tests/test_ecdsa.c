/* ECDSA and the certification path: signatures made and checked, malformed
 * DER refused as a bad signature, the DER dissected field by field, and the
 * path a client builds from what a server sends (issue 10). */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/crypto.h"
#include "tlssim/event.h"
#include "tlssim/msg.h"
#include "tlssim/pki.h"

static tls_x509 *chain_of(const char *leaf, const char *intermediate, const char *extra)
{
    tls_x509 *x = NULL;
    const char *pems[] = {leaf, intermediate, extra};
    for (size_t i = 0; i < 3; i++)
        if (pems[i] && tls_x509_add_pem(&x, pems[i]) != TLS_OK)
            test_check(false, "PEM %zu parses", i);
    return x;
}

/* A DER signature with one change, verified against \p digest. */
static tls_err verify_changed(const tls_x509 *leaf, const uint8_t *digest, const uint8_t *sig,
                              size_t len, size_t at, uint8_t value, size_t new_len)
{
    uint8_t copy[TLS_ECDSA_SIG_MAX + 8];
    memcpy(copy, sig, len);
    if (at < len)
        copy[at] = value;
    return tls_x509_ecdsa_verify(leaf, TLS_HASH_SHA256, digest, copy, new_len);
}

static void test_sign_verify(void)
{
    tls_x509 *leaf = chain_of(tls_demo_server_ecdsa_cert_pem, NULL, NULL);
    tls_x509 *rsa = chain_of(tls_demo_server_cert_pem, NULL, NULL);
    tls_privkey *key = NULL;
    tls_rng *rng = tls_rng_new_seeded(7, "ecdsa");
    test_check(tls_privkey_parse_pem(&key, tls_demo_server_ecdsa_key_pem) == TLS_OK &&
                   tls_privkey_kind(key) == TLS_KEY_ECDSA && tls_privkey_len(key) == 32,
               "the demo ECDSA key parses: P-256, 32-byte order");
    test_check(tls_x509_key_kind(leaf, 0) == TLS_KEY_ECDSA && tls_x509_key_bits(leaf, 0) == 256 &&
                   tls_x509_key_kind(rsa, 0) == TLS_KEY_RSA && tls_x509_key_bits(rsa, 0) == 2048,
               "certificate key kinds and sizes");
    uint8_t digest[32], sig[TLS_ECDSA_SIG_MAX], again[TLS_ECDSA_SIG_MAX];
    size_t len = 0, len2 = 0;
    tls_hash(TLS_HASH_SHA256, (const uint8_t *)"signed params", 13, digest);
    test_check(tls_privkey_sign(key, rng, TLS_HASH_SHA256, digest, sig, &len) == TLS_OK &&
                   len >= 70 && len <= 72 && sig[0] == 0x30 && sig[1] == len - 2,
               "an ECDSA P-256 signature is a DER SEQUENCE of 70-72 bytes (%zu)", len);
    test_check(tls_x509_ecdsa_verify(leaf, TLS_HASH_SHA256, digest, sig, len) == TLS_OK,
               "the certificate's key verifies it");
    test_check(tls_privkey_sign(key, rng, TLS_HASH_SHA256, digest, again, &len2) == TLS_OK &&
                   len2 == len && memcmp(sig, again, len) == 0,
               "the same digest signs the same way: the nonce comes from key and digest (RFC 6979)");
    digest[0] ^= 1;
    test_check(tls_privkey_sign(key, rng, TLS_HASH_SHA256, digest, again, &len2) == TLS_OK &&
                   memcmp(sig + 4, again + 4, 32) != 0,
               "another digest, another nonce: r differs");
    test_check(tls_x509_ecdsa_verify(leaf, TLS_HASH_SHA256, digest, sig, len) ==
                   TLS_ERR_DECRYPT_ERROR, "another digest: decrypt_error");
    digest[0] ^= 1;
    /* Malformed DER is a signature that does not verify: decrypt_error. */
    test_check(verify_changed(leaf, digest, sig, len, 0, 0x31, len) == TLS_ERR_DECRYPT_ERROR,
               "SET instead of SEQUENCE: decrypt_error");
    test_check(verify_changed(leaf, digest, sig, len, 1, (uint8_t)(len - 1), len) ==
                   TLS_ERR_DECRYPT_ERROR, "SEQUENCE length past the end: decrypt_error");
    test_check(verify_changed(leaf, digest, sig, len, len, 0, len + 1) == TLS_ERR_DECRYPT_ERROR,
               "a byte after the SEQUENCE: decrypt_error");
    test_check(verify_changed(leaf, digest, sig, len, 2, 0x04, len) == TLS_ERR_DECRYPT_ERROR,
               "OCTET STRING instead of INTEGER r: decrypt_error");
    test_check(tls_x509_ecdsa_verify(leaf, TLS_HASH_SHA256, digest, sig, 0) ==
                   TLS_ERR_DECRYPT_ERROR, "an empty signature: decrypt_error");
    test_check(tls_x509_ecdsa_verify(rsa, TLS_HASH_SHA256, digest, sig, len) ==
                   TLS_ERR_DECRYPT_ERROR && tls_x509_rsa_len(leaf) == 0,
               "an RSA certificate verifies no ECDSA signature, an ECDSA one encrypts nothing");
    tls_privkey_free(key);
    tls_x509_free(leaf);
    tls_x509_free(rsa);
    tls_rng_free(rng);
}

static void check_link(const tls_x509_link *l, bool found, bool anchor, bool verified,
                       const char *issuer_cn, const char *what)
{
    char want[256];
    snprintf(want, sizeof want, "CN=%s (DEMO ONLY - NOT FOR PRODUCTION)", issuer_cn);
    test_check(l->issuer_found == found && l->anchor == anchor && l->verified == verified,
               "%s: found %d anchor %d verified %d", what, l->issuer_found, l->anchor,
               l->verified);
    test_str_eq(l->issuer, want, what);
}

static void test_path(void)
{
    tls_x509 *trust = chain_of(tls_demo_ca_pem, NULL, NULL);
    tls_x509_link l[TLS_X509_MAX_LINKS];
    const char *inter = "tlssim Demo Intermediate CA", *root = "tlssim Demo Root CA";

    tls_x509 *c = chain_of(tls_demo_server_ecdsa_cert_pem, tls_demo_intermediate_pem, NULL);
    test_check(tls_x509_path(c, trust, l, TLS_X509_MAX_LINKS) == 2, "leaf + intermediate: two links");
    check_link(&l[0], true, false, true, inter, "link 1: leaf signed by the intermediate sent");
    test_str_eq(l[0].subject, "CN=" TLS_DEMO_HOST, "link 1 subject");
    test_str_eq(l[0].sig_alg, "RSA with SHA-256", "the RSA intermediate signed the ECDSA leaf");
    check_link(&l[1], true, true, true, root, "link 2: intermediate signed by the trusted root");
    tls_x509_free(c);

    c = chain_of(tls_demo_server_cert_pem, tls_demo_intermediate_pem, tls_demo_ca_pem);
    test_check(tls_x509_path(c, trust, l, TLS_X509_MAX_LINKS) == 2 && l[1].anchor,
               "a server that also sends the root: still two links, ending at the trusted copy");
    tls_x509_free(c);

    c = chain_of(tls_demo_server_cert_pem, NULL, NULL);
    test_check(tls_x509_path(c, trust, l, TLS_X509_MAX_LINKS) == 1, "leaf alone: one link");
    check_link(&l[0], false, false, false, inter, "the intermediate is missing");
    tls_x509_verdict v;
    test_check(tls_x509_verify(c, trust, TLS_DEMO_HOST, &v) == TLS_ERR_UNKNOWN_CA && !v.chain_ok,
               "a chain missing its intermediate: unknown_ca");
    tls_x509_free(c);

    c = chain_of(tls_demo_intermediate_pem, NULL, NULL);
    tls_x509 *other = chain_of(tls_demo_server_cert_pem, NULL, NULL);
    test_check(tls_x509_path(trust, other, l, TLS_X509_MAX_LINKS) == 1 && !l[0].issuer_found &&
                   strcmp(l[0].subject, l[0].issuer) == 0,
               "a self-signed root nobody trusts: one link, its own issuer, not found");
    tls_x509_free(c);
    tls_x509_free(other);
    tls_x509_free(trust);
}

/* A forged leaf: one byte of its signature changed, sent with the real
 * intermediate: the link is found but does not verify: bad_certificate. */
static void test_forged_link(void)
{
    tls_x509 *trust = chain_of(tls_demo_ca_pem, NULL, NULL);
    tls_x509 *good = chain_of(tls_demo_server_ecdsa_cert_pem, NULL, NULL);
    size_t len;
    const uint8_t *der = tls_x509_der(good, 0, &len);
    uint8_t copy[4096];
    tls_x509 *c = NULL;
    if (der && len <= sizeof copy) {
        memcpy(copy, der, len);
        copy[len - 1] ^= 1;
        tls_x509_add_der(&c, copy, len);
        tls_x509_add_pem(&c, tls_demo_intermediate_pem);
    }
    tls_x509_link l[TLS_X509_MAX_LINKS];
    tls_x509_verdict v;
    test_check(tls_x509_path(c, trust, l, TLS_X509_MAX_LINKS) == 1 && l[0].issuer_found &&
                   !l[0].verified,
               "forged leaf: its issuer is there, the signature does not verify");
    test_check(tls_x509_verify(c, trust, TLS_DEMO_HOST, &v) == TLS_ERR_BAD_CERTIFICATE,
               "forged leaf: bad_certificate");
    tls_x509_free(c);
    tls_x509_free(good);
    tls_x509_free(trust);
}

static const tls_field *field(const tls_dissect *d, const char *name, size_t nth)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->fields[i].name, name) == 0 && nth-- == 0)
            return &d->fields[i];
    return NULL;
}

/* ServerKeyExchange with \p sig as an ecdsa_secp256r1_sha256 signature,
 * parsed with its dissection. */
static tls_err parse_ske(const uint8_t *sig, size_t len, tls_dissect *d)
{
    uint8_t point[65] = {4};
    tls_server_key_exchange m = {.curve_type = 3, .group = TLS_GROUP_SECP256R1, .point = point,
                                 .point_len = sizeof point, .sig_alg = 0x0403, .sig = sig,
                                 .sig_len = len};
    tls_writer w;
    tls_writer_init(&w);
    tls_err e = tls_server_key_exchange_write(&m, &w);
    tls_reader r;
    tls_reader_init(&r, w.data, w.len, d, 0);
    tls_server_key_exchange back = {.is_dhe = false}; /* an input: ECDHE params */
    if (e == TLS_OK)
        e = tls_server_key_exchange_parse(&r, &back);
    if (e == TLS_OK && (back.sig_len != len || memcmp(back.sig, sig, len) != 0))
        e = TLS_ERR_INTERNAL;
    tls_writer_free(&w);
    return e;
}

static void test_dissection(void)
{
    /* r has its top bit set, so DER puts a 00 before it; s does not. */
    uint8_t sig[71] = {0x30, 69, 0x02, 33, 0x00, 0x80};
    sig[37] = 0x02;
    sig[38] = 32;
    sig[39] = 0x11;
    tls_dissect d;
    memset(&d, 0, sizeof d);
    test_check(parse_ske(sig, sizeof sig, &d) == TLS_OK, "a DER signature parses");
    const tls_field *seq = field(&d, "SEQUENCE.tag", 0), *r = field(&d, "r", 0),
                    *s = field(&d, "s", 0), *rv = field(&d, "value", 0), *sv = field(&d, "value", 1),
                    *rl = field(&d, "length", 0);
    test_check(seq && r && s && rv && sv && rl, "SEQUENCE, r and s are fields");
    if (seq && r && s && rv && sv && rl) {
        test_check(r->length == 35 && rv->length == 33 && s->length == 34 && sv->length == 32 &&
                       r->depth == seq->depth && rv->depth == r->depth + 1,
                   "r: tag, length, 33-byte value; s: 32 bytes; nested under the signature");
        test_check(strstr(rl->value, "leading 00") != NULL, "the 00 before r is explained: %s",
                   rl->value);
        test_check(strstr(rv->value, "nonce") != NULL && strstr(sv->value, "k⁻¹") != NULL,
                   "r and s say what they are");
    }
    tls_dissect_free(&d);

    sig[0] = 0x31; /* a SET: not the SEQUENCE RFC 8422 specifies */
    memset(&d, 0, sizeof d);
    test_check(parse_ske(sig, sizeof sig, &d) == TLS_OK,
               "malformed DER still parses as TLS (the verifier refuses it)");
    const tls_field *whole = field(&d, "signature", 0);
    test_check(whole && !field(&d, "r", 0) && strstr(whole->value, "not a DER SEQUENCE"),
               "malformed DER: shown whole and flagged");
    tls_dissect_free(&d);

    sig[0] = 0x30;
    sig[5] = 0x01; /* 00 01...: a needless leading zero is not DER */
    memset(&d, 0, sizeof d);
    parse_ske(sig, sizeof sig, &d);
    test_check(field(&d, "r", 0) == NULL, "a non-minimal INTEGER is not DER");
    tls_dissect_free(&d);
}

int main(void)
{
    test_sign_verify();
    test_path();
    test_forged_link();
    test_dissection();
    return test_finish();
}
