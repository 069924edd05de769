/* Client authentication, both sides: CertificateRequest (the server asks),
 * the client's Certificate (possibly empty) and CertificateVerify (the
 * client proves it holds the key), RFC 5246 §7.4.4, §7.4.6, §7.4.8. */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

/* The server: the key type, signature algorithms and CA names it accepts. */
tls_err certificate_request_write(tls_engine *e, tls_writer *w)
{
    tls_certificate_request cr;
    memset(&cr, 0, sizeof cr);
    cr.cert_types[cr.ncert_types++] = TLS_CERT_TYPE_RSA_SIGN;
    cr.cert_types[cr.ncert_types++] = TLS_CERT_TYPE_ECDSA_SIGN;
    cr.nsigalgs = engine_sigalgs(cr.sigalgs);
    size_t cas = tls_x509_count(e->cfg->client_trust);
    for (size_t i = 0; i < cas && cr.nca_names < TLS_MAX_CA_NAMES; i++) {
        cr.ca_names[cr.nca_names] = tls_x509_subject_der(e->cfg->client_trust, i,
                                                         &cr.ca_name_lens[cr.nca_names]);
        cr.nca_names++;
    }
    tls_err err = tls_certificate_request_write(&cr, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "CertificateRequest")));
    bool require = e->cfg->client_auth == TLS_CLIENT_AUTH_REQUIRE;
    engine_note(e, TLS_TEXT_SERVER_ASKS_CERTIFICATE,
                TLS_ARGS(TLS_ARG_S("policy", require ? "require" : "request"),
                         TLS_ARG_U("sigalgs", cr.nsigalgs), TLS_ARG_U("cas", cr.nca_names)));
    return TLS_OK;
}

/* The client: the first of its signature algorithms the server accepts
 * that its key can make, for its CertificateVerify; 0 when none fits. */
static uint16_t choose_cv_sig_alg(const tls_certificate_request *cr, tls_key_kind key)
{
    uint8_t type = key == TLS_KEY_ECDSA ? TLS_CERT_TYPE_ECDSA_SIGN : TLS_CERT_TYPE_RSA_SIGN;
    if (!memchr(cr->cert_types, type, cr->ncert_types))
        return 0;
    return engine_choose_sigalg(cr->sigalgs, cr->nsigalgs, key);
}

tls_err certificate_request_read(tls_engine *e, tls_reader *r)
{
    tls_certificate_request cr;
    tls_err err = tls_certificate_request_parse(r, &cr);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "CertificateRequest")));
    e->cv_sig_alg = choose_cv_sig_alg(&cr, tls_privkey_kind(e->cfg->client_key));
    return TLS_OK;
}

/* The client answers with its chain; with none to present (or none the
 * server can verify), with an empty list, and the flow loses its
 * CertificateVerify. */
tls_err client_certificate_write(tls_engine *e, tls_writer *w)
{
    tls_certificate_msg cm;
    memset(&cm, 0, sizeof cm);
    bool have = e->cfg->client_chain && e->cfg->client_key;
    if (have && e->cv_sig_alg) {
        size_t n = tls_x509_count(e->cfg->client_chain);
        for (size_t i = 0; i < n && i < TLS_MAX_CERTS; i++) {
            cm.certs[i] = tls_x509_der(e->cfg->client_chain, i, &cm.cert_lens[i]);
            cm.ncerts = i + 1;
        }
    }
    tls_err err = tls_certificate_write(&cm, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "Certificate")));
    if (cm.ncerts == 0) {
        engine_note(e,
                    have ? TLS_TEXT_CLIENT_NO_SUITABLE_SIGALG : TLS_TEXT_CLIENT_HAS_NO_CERTIFICATE,
                    NULL);
        e->flow = tls_flow_select(e->suite->kx, TLS_FLOW_AUTH_EMPTY, e->flow->shape);
        return TLS_OK;
    }
    char subject[256];
    bool named = tls_x509_subject(e->cfg->client_chain, 0, subject, sizeof subject) == TLS_OK;
    engine_value(e, TLS_VALUE_CLIENT_CERTIFICATE, cm.certs[0], cm.cert_lens[0],
                 named ? subject : NULL);
    engine_note(e, TLS_TEXT_CLIENT_PRESENTS_CERTIFICATE,
                TLS_ARGS(TLS_ARG_S("subject", named ? subject : "?")));
    return TLS_OK;
}

/* The server: an empty list is refused when it requires a certificate
 * (handshake_failure, as OpenSSL sends: certificate_required is TLS 1.3's),
 * else the handshake goes on unauthenticated; a chain must lead to a CA
 * the server named. */
tls_err client_certificate_read(tls_engine *e, tls_reader *r)
{
    tls_certificate_msg cm;
    tls_err err = tls_certificate_parse(r, &cm);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_CERTIFICATE, NULL);
    if (cm.ncerts == 0) {
        if (e->cfg->client_auth == TLS_CLIENT_AUTH_REQUIRE)
            return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_CLIENT_CERT_REQUIRED, NULL);
        engine_note(e, TLS_TEXT_CLIENT_CERT_NONE_ACCEPTED, NULL);
        e->flow = tls_flow_select(e->suite->kx, TLS_FLOW_AUTH_EMPTY, e->flow->shape);
        return TLS_OK;
    }
    if (engine_take_chain(e, &cm, TLS_VALUE_CLIENT_CERTIFICATE) != TLS_OK)
        return e->err;
    return engine_check_chain(e, e->cfg->client_trust, NULL, TLS_KEY_NONE);
}

/* The names of the handshake messages in the transcript so far (the steps
 * before this one that were sent), "ClientHello, ServerHello, …". */
static size_t transcript_names(const tls_engine *e, char *out, size_t len)
{
    size_t count = 0, o = 0;
    out[0] = '\0';
    for (int n = 1; n <= (int)e->cursor; n++) {
        const tls_msg_info *m = tls_flow_msg(e->flow, n);
        if (tls_flow_skipped(e->flow, n) != TLS_TEXT_NONE || m->content_type != TLS_CT_HANDSHAKE)
            continue;
        int k = snprintf(out + o, len - o, "%s%s", count ? ", " : "", m->message);
        if (k < 0 || (size_t)k >= len - o)
            break;
        o += (size_t)k;
        count++;
    }
    return count;
}

/* Hash(handshake_messages) with the signature's hash: what CertificateVerify
 * signs.  Both sides compute it from their own transcript. */
static tls_err transcript_digest(tls_engine *e, uint16_t sig_alg, tls_hash_alg *alg,
                                 uint8_t digest[TLS_HASH_MAX])
{
    if (!engine_sig_hash(sig_alg, alg))
        return TLS_ERR_ILLEGAL_PARAMETER;
    tls_err err = tls_hash(*alg, e->transcript.data, e->transcript.len, digest);
    if (err == TLS_OK)
        engine_value(e, TLS_VALUE_CERTIFICATE_VERIFY_HASH, digest, tls_hash_len(*alg), NULL);
    return err;
}

tls_err certificate_verify_write(tls_engine *e, tls_writer *w)
{
    char names[256];
    size_t count = transcript_names(e, names, sizeof names);
    tls_hash_alg alg;
    uint8_t digest[TLS_HASH_MAX], sig[1024];
    size_t sig_len = 0;
    tls_err err = transcript_digest(e, e->cv_sig_alg, &alg, digest);
    if (err == TLS_OK && tls_privkey_len(e->cfg->client_key) > sizeof sig)
        err = TLS_ERR_INTERNAL;
    if (err == TLS_OK)
        err = engine_sign(e->cfg->client_key, e->rng, e->cv_sig_alg, digest, sig, &sig_len);
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_CLIENT_SIGN_FAILED, NULL);
    engine_note(e, TLS_TEXT_CLIENT_SIGNS_TRANSCRIPT,
                TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)), TLS_ARG_U("count", count),
                         TLS_ARG_S("messages", names), TLS_ARG_U("bytes", e->transcript.len)));
    engine_value(e, TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE, sig, sig_len, NULL);
    tls_certificate_verify cv = {e->cv_sig_alg, sig, sig_len};
    err = tls_certificate_verify_write(&cv, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "CertificateVerify")));
    return TLS_OK;
}

/* The server hashes its own transcript: a signature over any other one
 * (another connection's, or a tampered message) does not verify. */
tls_err certificate_verify_read(tls_engine *e, tls_reader *r)
{
    tls_certificate_verify cv;
    tls_err err = tls_certificate_verify_parse(r, &cv);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "CertificateVerify")));
    engine_value(e, TLS_VALUE_CERTIFICATE_VERIFY_SIGNATURE, cv.sig, cv.sig_len, NULL);
    tls_hash_alg alg;
    uint8_t digest[TLS_HASH_MAX];
    if (transcript_digest(e, cv.sig_alg, &alg, digest) != TLS_OK)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_CLIENT_SIG_ALG,
                           TLS_ARGS(TLS_ARG_X("sig_alg", cv.sig_alg, 4)));
    err = engine_verify_sig(e->peer_chain, cv.sig_alg, alg, digest, cv.sig, cv.sig_len);
    const tls_text_arg *args = TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)),
                                        TLS_ARG_U("bytes", e->transcript.len));
    tls_text_id ok = engine_sig_key(cv.sig_alg) == TLS_KEY_ECDSA
                         ? TLS_TEXT_CERTIFICATE_VERIFY_OK_ECDSA
                         : TLS_TEXT_CERTIFICATE_VERIFY_OK;
    engine_check(e, TLS_TEXT_CHECK_CERTIFICATE_VERIFY, err == TLS_OK,
                 err == TLS_OK ? ok : TLS_TEXT_CERTIFICATE_VERIFY_BAD, args);
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_DECRYPT_ERROR, TLS_TEXT_CERTIFICATE_VERIFY_FAILED, NULL);
    return TLS_OK;
}
