/*
 * Signature schemes as the engines use them (RFC 5246 §7.4.1.4.1): the
 * list offered, which one to answer with, and signing or verifying a
 * digest with the kind of key a scheme names.
 */
#include "engine_internal.h"

size_t engine_sigalgs(uint16_t *out)
{
    size_t n;
    const tls_sigalg_info *all = tls_sigalgs_all(&n);
    for (size_t i = 0; i < n; i++)
        out[i] = all[i].id;
    return n;
}

bool engine_sig_hash(uint16_t sig_alg, tls_hash_alg *alg)
{
    const tls_sigalg_info *s = tls_sigalg_by_id(sig_alg);
    if (s)
        *alg = s->hash;
    return s != NULL;
}

tls_key_kind engine_sig_key(uint16_t sig_alg)
{
    const tls_sigalg_info *s = tls_sigalg_by_id(sig_alg);
    return s ? s->key : TLS_KEY_NONE;
}

bool engine_sig_is_pss(uint16_t sig_alg)
{
    const tls_sigalg_info *s = tls_sigalg_by_id(sig_alg);
    return s && s->pss;
}

/* In the peer's order, as OpenSSL and GnuTLS choose: a client that lists
 * rsa_pss_rsae_* before rsa_pkcs1_* gets a PSS signature from an RSA key. */
uint16_t engine_choose_sigalg(const uint16_t *offered, size_t n, tls_key_kind key)
{
    for (size_t i = 0; i < n; i++)
        if (engine_sig_key(offered[i]) == key)
            return offered[i];
    return 0;
}

tls_err engine_sign(const tls_privkey *key, tls_rng *rng, uint16_t sig_alg,
                    const uint8_t *digest, uint8_t *sig, size_t *sig_len)
{
    const tls_sigalg_info *s = tls_sigalg_by_id(sig_alg);
    if (!s || s->key != tls_privkey_kind(key))
        return TLS_ERR_INTERNAL;
    return s->pss ? tls_privkey_sign_pss(key, rng, s->hash, digest, sig, sig_len)
                  : tls_privkey_sign(key, rng, s->hash, digest, sig, sig_len);
}

tls_err engine_verify_sig(const tls_x509 *chain, uint16_t sig_alg, tls_hash_alg alg,
                          const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
    /* The signature must be of the kind the certificate's key makes. */
    tls_key_kind kind = engine_sig_key(sig_alg);
    if (kind != tls_x509_key_kind(chain, 0))
        return TLS_ERR_DECRYPT_ERROR;
    if (kind == TLS_KEY_ECDSA)
        return tls_x509_ecdsa_verify(chain, alg, digest, sig, sig_len);
    return engine_sig_is_pss(sig_alg) ? tls_x509_rsa_pss_verify(chain, alg, digest, sig, sig_len)
                                      : tls_x509_rsa_verify(chain, alg, digest, sig, sig_len);
}
