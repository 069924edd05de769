/*
 * The mbedTLS adapter, X.509 certificates: see include/tlssim/crypto.h.
 *
 * Only the crypto_*.c files include mbedTLS headers, and they use only
 * libmbedcrypto and libmbedx509: tlssim implements the TLS protocol itself,
 * so nothing from mbedtls/ssl*.h belongs here.  Every buffer or context that
 * held a secret is wiped before it is released, on error paths too.
 */
#include "crypto_internal.h"

#include "tlssim/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/asn1.h>
#include <mbedtls/x509.h>

/* ---------------------------------------------------------------- X.509 */

/* The i-th certificate, or NULL.  An initialised but empty list head has
 * version 0. */
const mbedtls_x509_crt *crypto_crt_at(const tls_x509 *chain, size_t i)
{
    if (!chain)
        return NULL;
    const mbedtls_x509_crt *c = &chain->crt;
    for (; c && c->version != 0; c = c->next, i--) {
        if (i == 0)
            return c;
    }
    return NULL;
}

tls_err tls_x509_add_der(tls_x509 **chain, const uint8_t *der, size_t len)
{
    if (!chain || !der)
        return TLS_ERR_INTERNAL;
    bool created = false;
    if (!*chain) {
        *chain = calloc(1, sizeof **chain);
        if (!*chain)
            return TLS_ERR_INTERNAL;
        mbedtls_x509_crt_init(&(*chain)->crt);
        created = true;
    }
    if (mbedtls_x509_crt_parse_der(&(*chain)->crt, der, len) == 0)
        return TLS_OK;
    /* mbedTLS drops the half-parsed entry itself; drop a list we made. */
    if (created) {
        tls_x509_free(*chain);
        *chain = NULL;
    }
    return TLS_ERR_BAD_CERTIFICATE;
}

tls_err tls_x509_add_pem_bundle(tls_x509 **chain, const char *pem, size_t *skipped)
{
    if (!chain || !pem || !skipped)
        return TLS_ERR_INTERNAL;
    mbedtls_x509_crt tmp;
    mbedtls_x509_crt_init(&tmp);
    /* A positive result counts the certificates that failed to parse. */
    int ret = mbedtls_x509_crt_parse(&tmp, (const unsigned char *)pem, strlen(pem) + 1);
    *skipped = ret > 0 ? (size_t)ret : 0;
    tls_err e = ret >= 0 && tmp.version != 0 ? TLS_OK : TLS_ERR_BAD_CERTIFICATE;
    for (const mbedtls_x509_crt *c = &tmp; e == TLS_OK && c; c = c->next)
        e = tls_x509_add_der(chain, c->raw.p, c->raw.len);
    mbedtls_x509_crt_free(&tmp);
    return e;
}

tls_err tls_x509_add_pem(tls_x509 **chain, const char *pem)
{
    if (!chain || !pem)
        return TLS_ERR_INTERNAL;
    /* Parse into a scratch list first so that a bundle with one bad
     * certificate leaves *chain untouched, then append the DER of each. */
    mbedtls_x509_crt tmp;
    mbedtls_x509_crt_init(&tmp);
    int ret = mbedtls_x509_crt_parse(&tmp, (const unsigned char *)pem, strlen(pem) + 1);
    tls_err e = ret == 0 && tmp.version != 0 ? TLS_OK : TLS_ERR_BAD_CERTIFICATE;
    for (const mbedtls_x509_crt *c = &tmp; e == TLS_OK && c; c = c->next)
        e = tls_x509_add_der(chain, c->raw.p, c->raw.len);
    mbedtls_x509_crt_free(&tmp);
    return e;
}

size_t tls_x509_count(const tls_x509 *chain)
{
    size_t n = 0;
    while (crypto_crt_at(chain, n))
        n++;
    return n;
}

const uint8_t *tls_x509_der(const tls_x509 *chain, size_t i, size_t *len)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    *len = c ? c->raw.len : 0;
    return c ? c->raw.p : NULL;
}

const uint8_t *tls_x509_subject_der(const tls_x509 *chain, size_t i, size_t *len)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    *len = c ? c->subject_raw.len : 0;
    return c ? c->subject_raw.p : NULL;
}

void tls_x509_free(tls_x509 *chain)
{
    if (!chain)
        return;
    mbedtls_x509_crt_free(&chain->crt);
    free(chain);
}

/* ---------------------------------------------------- X.509: describe */

/* mbedTLS's "print into a buffer" helpers fail outright when the buffer is
 * short; print into a roomy one and truncate for display instead. */
static void copy_truncated(char *out, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(out, src, n);
    out[n] = '\0';
}

static void dn_text(char *out, size_t size, const mbedtls_x509_name *dn)
{
    char tmp[1024];
    if (mbedtls_x509_dn_gets(tmp, sizeof tmp, dn) < 0)
        copy_truncated(out, size, "(unprintable name)");
    else
        copy_truncated(out, size, tmp);
}

static void time_text(char *out, size_t size, const mbedtls_x509_time *t)
{
    snprintf(out, size, "%04d-%02d-%02d %02d:%02d:%02d",
             t->year, t->mon, t->day, t->hour, t->min, t->sec);
}

static void sig_alg_text(char *out, size_t size, const mbedtls_x509_crt *c)
{
    char tmp[128];
    if (mbedtls_x509_sig_alg_gets(tmp, sizeof tmp, &c->sig_oid, c->sig_pk,
                                  c->sig_md, c->sig_opts) < 0)
        copy_truncated(out, size, "(unknown)");
    else
        copy_truncated(out, size, tmp);
}

/* Append text to a comma-separated list, stopping cleanly when full. */
static void list_append(char *out, size_t size, const uint8_t *p, size_t n)
{
    size_t used = strlen(out);
    int w = snprintf(out + used, size - used, "%s%.*s", used ? ", " : "",
                     (int)n, (const char *)p);
    if (w < 0 || (size_t)w >= size - used)
        out[used] = '\0'; /* drop a name that does not fit whole */
}

static void san_text(char *out, size_t size, const mbedtls_x509_crt *c)
{
    out[0] = '\0';
    const int dns_tag = MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_X509_SAN_DNS_NAME;
    for (const mbedtls_x509_sequence *s = &c->subject_alt_names; s; s = s->next) {
        if (s->buf.p && s->buf.tag == dns_tag)
            list_append(out, size, s->buf.p, s->buf.len);
    }
}

tls_err tls_x509_describe(const tls_x509 *chain, size_t i, tls_x509_info *info)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    if (!c || !info)
        return TLS_ERR_INTERNAL;
    memset(info, 0, sizeof *info);
    dn_text(info->subject, sizeof info->subject, &c->subject);
    dn_text(info->issuer, sizeof info->issuer, &c->issuer);
    time_text(info->not_before, sizeof info->not_before, &c->valid_from);
    time_text(info->not_after, sizeof info->not_after, &c->valid_to);
    if (mbedtls_x509_serial_gets(info->serial, sizeof info->serial, &c->serial) < 0)
        snprintf(info->serial, sizeof info->serial, "(too long)");
    sig_alg_text(info->sig_alg, sizeof info->sig_alg, c);
    snprintf(info->key_desc, sizeof info->key_desc, "%s %zu-bit",
             mbedtls_pk_get_name(&c->pk), mbedtls_pk_get_bitlen(&c->pk));
    san_text(info->san, sizeof info->san, c);
    return TLS_OK;
}

tls_err tls_x509_subject(const tls_x509 *chain, size_t i, char *out, size_t size)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, i);
    if (!c || !out || !size)
        return TLS_ERR_INTERNAL;
    dn_text(out, size, &c->subject);
    return TLS_OK;
}

/* ------------------------------------------------------ X.509: verify */

/* Does \p parent's key verify \p child's signature?  Used only to tell a
 * forged or corrupted signature (bad_certificate) from an issuer we have
 * never heard of (unknown_ca): mbedTLS reports both as NOT_TRUSTED. */
static bool signed_by(const mbedtls_x509_crt *child, const mbedtls_x509_crt *parent)
{
    const mbedtls_md_info_t *md = mbedtls_md_info_from_type(child->sig_md);
    uint8_t hash[MBEDTLS_MD_MAX_SIZE];
    if (!md || mbedtls_md(md, child->tbs.p, child->tbs.len, hash) != 0)
        return false;
    return mbedtls_pk_verify_ext(child->sig_pk, child->sig_opts,
                                 (mbedtls_pk_context *)&parent->pk, child->sig_md,
                                 hash, mbedtls_md_get_size(md),
                                 child->sig.p, child->sig.len) == 0;
}

static bool names_issuer(const mbedtls_x509_crt *parent, const mbedtls_x509_crt *child)
{
    return parent->version != 0 && parent->subject_raw.len == child->issuer_raw.len &&
           memcmp(parent->subject_raw.p, child->issuer_raw.p, child->issuer_raw.len) == 0;
}

/* signed_by, unless the verification behind \p v already found it so. */
static bool signed_by_known(const mbedtls_x509_crt *child, const mbedtls_x509_crt *parent,
                            const tls_x509_verdict *v)
{
    for (size_t i = 0; v && i < v->nproved; i++)
        if (v->proved[i][0] == child && v->proved[i][1] == parent)
            return true;
    return signed_by(child, parent);
}

/* The issuer of \p c among \p pool: one that names it and verifies its
 * signature if there is one, else one that only names it, else NULL. */
static const mbedtls_x509_crt *find_issuer(const mbedtls_x509_crt *c,
                                           const mbedtls_x509_crt *pool,
                                           const tls_x509_verdict *v, bool *verified)
{
    const mbedtls_x509_crt *named = NULL;
    for (const mbedtls_x509_crt *p = pool; p && p->version; p = p->next) {
        if (p == c || !names_issuer(p, c))
            continue;
        if (signed_by_known(c, p, v)) {
            *verified = true;
            return p;
        }
        named = named ? named : p;
    }
    *verified = false;
    return named;
}

static bool self_issued(const mbedtls_x509_crt *c)
{
    return c->subject_raw.len == c->issuer_raw.len &&
           memcmp(c->subject_raw.p, c->issuer_raw.p, c->issuer_raw.len) == 0;
}

size_t tls_x509_path(const tls_x509 *chain, const tls_x509 *trusted,
                     tls_x509_link *links, size_t max)
{
    return tls_x509_path_known(chain, trusted, NULL, links, max);
}

size_t tls_x509_path_known(const tls_x509 *chain, const tls_x509 *trusted,
                           const tls_x509_verdict *verdict, tls_x509_link *links, size_t max)
{
    const mbedtls_x509_crt *c = crypto_crt_at(chain, 0);
    const mbedtls_x509_crt *anchors = crypto_crt_at(trusted, 0);
    size_t n = 0;
    while (c && n < max) {
        tls_x509_link *l = &links[n++];
        memset(l, 0, sizeof *l);
        dn_text(l->subject, sizeof l->subject, &c->subject);
        dn_text(l->issuer, sizeof l->issuer, &c->issuer);
        sig_alg_text(l->sig_alg, sizeof l->sig_alg, c);
        const mbedtls_x509_crt *p = find_issuer(c, anchors, verdict, &l->verified);
        l->anchor = p != NULL;
        if (!p && !self_issued(c))
            p = find_issuer(c, &chain->crt, verdict, &l->verified);
        l->issuer_found = p != NULL;
        if (!p || l->anchor || !l->verified || p == c)
            break;
        c = p;
    }
    return n;
}

/* Some certificate names an issuer we hold (in the chain or among the
 * trust anchors) whose key does not verify its signature. */
static bool has_bad_signature(const mbedtls_x509_crt *chain,
                              const mbedtls_x509_crt *trusted)
{
    for (const mbedtls_x509_crt *c = chain; c && c->version; c = c->next) {
        const mbedtls_x509_crt *pools[2] = {c->next, trusted};
        for (int k = 0; k < 2; k++) {
            for (const mbedtls_x509_crt *p = pools[k]; p; p = p->next) {
                if (names_issuer(p, c) && !signed_by(c, p))
                    return true;
            }
        }
    }
    return false;
}

/* The library's reasons for verify flag bits 0..19, in its order and words
 * (mbedtls_x509_crt_verify_info), as phrases the front ends translate. */
static const char *const verify_reasons[] = {
    TLS_TERM("The certificate validity has expired"),
    TLS_TERM("The certificate has been revoked (is on a CRL)"),
    TLS_TERM("The certificate Common Name (CN) does not match with the expected CN"),
    TLS_TERM("The certificate is not correctly signed by the trusted CA"),
    TLS_TERM("The CRL is not correctly signed by the trusted CA"),
    TLS_TERM("The CRL is expired"),
    TLS_TERM("Certificate was missing"),
    TLS_TERM("Certificate verification was skipped"),
    TLS_TERM("Other reason (can be used by verify callback)"),
    TLS_TERM("The certificate validity starts in the future"),
    TLS_TERM("The CRL is from the future"),
    TLS_TERM("Usage does not match the keyUsage extension"),
    TLS_TERM("Usage does not match the extendedKeyUsage extension"),
    TLS_TERM("Usage does not match the nsCertType extension"),
    TLS_TERM("The certificate is signed with an unacceptable hash."),
    TLS_TERM("The certificate is signed with an unacceptable PK alg (eg RSA vs ECDSA)."),
    TLS_TERM("The certificate is signed with an unacceptable key (eg bad curve, RSA too short)."),
    TLS_TERM("The CRL is signed with an unacceptable hash."),
    TLS_TERM("The CRL is signed with an unacceptable PK alg (eg RSA vs ECDSA)."),
    TLS_TERM("The CRL is signed with an unacceptable key (eg bad curve, RSA too short)."),
};

/* The reasons as a list argument (tls_text_list_add): shown joined by "; ". */
static void verify_detail(char *out, size_t size, uint32_t flags, bool key_ok)
{
    const size_t n = sizeof verify_reasons / sizeof verify_reasons[0];
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (flags & (UINT32_C(1) << i))
            tls_text_list_add(out, size, NULL, verify_reasons[i]);
    if (flags >> n)
        tls_text_list_add(out, size, NULL, TLS_TERM("Unknown reason (this should not happen)"));
    if (!key_ok)
        tls_text_list_add(out, size, NULL, TLS_TERM("The leaf certificate's key is neither RSA nor ECDSA on P-256/P-384"));
}

#define CHAIN_FLAGS                                                                  \
    (MBEDTLS_X509_BADCERT_NOT_TRUSTED | MBEDTLS_X509_BADCERT_REVOKED |               \
     MBEDTLS_X509_BADCERT_MISSING | MBEDTLS_X509_BADCERT_SKIP_VERIFY |               \
     MBEDTLS_X509_BADCERT_OTHER | MBEDTLS_X509_BADCERT_KEY_USAGE |                   \
     MBEDTLS_X509_BADCERT_EXT_KEY_USAGE | MBEDTLS_X509_BADCERT_NS_CERT_TYPE |        \
     MBEDTLS_X509_BADCERT_BAD_MD | MBEDTLS_X509_BADCERT_BAD_PK |                     \
     MBEDTLS_X509_BADCERT_BAD_KEY)
/* Signatures made with a hash, algorithm or key size the profile forbids. */
#define WEAK_SIG_FLAGS                                                               \
    (MBEDTLS_X509_BADCERT_BAD_MD | MBEDTLS_X509_BADCERT_BAD_PK | MBEDTLS_X509_BADCERT_BAD_KEY)

/* Which alert the first failed check calls for, in order of importance:
 * who signed it, then when, then for whom, then what key. */
static tls_err verdict_error(const tls_x509_verdict *v, bool bad_signature)
{
    if (!v->chain_ok)
        return bad_signature ? TLS_ERR_BAD_CERTIFICATE : TLS_ERR_UNKNOWN_CA;
    if (!v->dates_ok)
        return TLS_ERR_CERTIFICATE_EXPIRED;
    if (!v->host_ok)
        return TLS_ERR_BAD_CERTIFICATE;
    if (!v->key_ok)
        return TLS_ERR_UNSUPPORTED_CERTIFICATE;
    return TLS_OK;
}

/* mbedTLS's verify callback, once per certificate of the path it built,
 * from the top (depth len-1) down to the leaf (depth 0): the certificate
 * at depth d + 1 is the issuer whose signature it checked on depth d, and
 * depth d is flagged NOT_TRUSTED when that signature was bad (or when
 * nothing issued it).  Keeps the good links for tls_x509_path_known. */
typedef struct path_record {
    const mbedtls_x509_crt *crt[TLS_X509_MAX_LINKS + 1];
    uint32_t flags[TLS_X509_MAX_LINKS + 1];
    int len;
} path_record;

static int record_path(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    path_record *r = ctx;
    if (depth >= 0 && depth <= TLS_X509_MAX_LINKS) {
        r->crt[depth] = crt;
        r->flags[depth] = *flags;
        if (depth + 1 > r->len)
            r->len = depth + 1;
    }
    return 0;
}

static void keep_proved(tls_x509_verdict *v, const path_record *r)
{
    const size_t max = sizeof v->proved / sizeof v->proved[0];
    for (int d = 0; d + 1 < r->len && v->nproved < max; d++) {
        if (!r->crt[d] || !r->crt[d + 1] || (r->flags[d] & MBEDTLS_X509_BADCERT_NOT_TRUSTED))
            continue;
        v->proved[v->nproved][0] = r->crt[d];
        v->proved[v->nproved][1] = r->crt[d + 1];
        v->nproved++;
    }
}

tls_err tls_x509_verify(const tls_x509 *chain, const tls_x509 *trusted,
                        const char *host, tls_x509_verdict *verdict)
{
    memset(verdict, 0, sizeof *verdict);
    const mbedtls_x509_crt *leaf = crypto_crt_at(chain, 0);
    if (!leaf) {
        tls_text_list_add(verdict->detail, sizeof verdict->detail, NULL,
                          TLS_TERM("no certificate"));
        return TLS_ERR_BAD_CERTIFICATE;
    }
    /* mbedTLS takes non-const lists; verification only reads them. */
    mbedtls_x509_crt *anchors = crypto_crt_at(trusted, 0) ? (mbedtls_x509_crt *)&trusted->crt : NULL;
    uint32_t flags = 0;
    path_record path = {{NULL}, {0}, 0};
    int ret = mbedtls_x509_crt_verify((mbedtls_x509_crt *)leaf, anchors, NULL, host,
                                      &flags, record_path, &path);
    keep_proved(verdict, &path);
    if (ret != 0 && flags == 0)
        flags = MBEDTLS_X509_BADCERT_OTHER; /* a fatal error, not a verdict */
    verdict->chain_ok = !(flags & CHAIN_FLAGS);
    verdict->host_ok = !(flags & MBEDTLS_X509_BADCERT_CN_MISMATCH);
    verdict->dates_ok = !(flags & (MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE));
    verdict->key_ok = crypto_pk_kind(&leaf->pk) != TLS_KEY_NONE;
    verify_detail(verdict->detail, sizeof verdict->detail, flags, verdict->key_ok);
    bool bad_signature = !verdict->chain_ok &&
                         ((flags & WEAK_SIG_FLAGS) || has_bad_signature(leaf, anchors));
    return verdict_error(verdict, bad_signature);
}
