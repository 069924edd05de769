/* What the client does at each step of the table (its writes and reads). */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

/* Step 1. */
tls_err client_hello_write(tls_engine *e, tls_writer *w)
{
    const tls_scenario *sc = e->cfg->scenario;
    tls_client_hello ch;
    memset(&ch, 0, sizeof ch);
    ch.version = TLS_VERSION_1_2;
    tls_err err = engine_random(e, sc ? sc->client_random : NULL,
                                sc && sc->has_client_random, e->client_random, 32);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_NO_RANDOM_CLIENT_RANDOM, NULL);
    memcpy(ch.random, e->client_random, 32);

    ch.nsuites = engine_suites(e, ch.suites);
    ch.compressions[ch.ncompressions++] = 0;
    ch.has_extensions = true;
    if (e->cfg->server_name) {
        ch.has_server_name = true;
        snprintf(ch.server_name, sizeof ch.server_name, "%s", e->cfg->server_name);
    }
    ch.has_groups = true;
    ch.ngroups = engine_groups(e, ch.groups);
    ch.has_point_formats = true;
    ch.point_formats[ch.npoint_formats++] = 0; /* uncompressed: the only one RFC 8422 keeps */
    ch.has_sigalgs = true;
    ch.nsigalgs = engine_sigalgs(ch.sigalgs);
    ch.has_etm = !e->cfg->no_etm;
    ch.has_ems = e->cfg->ems;
    ch.has_reneg_info = e->cfg->offer_renegotiation_info;
    engine_client_offer_session(e, &ch);
    err = tls_client_hello_write(&ch, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "ClientHello")));

    engine_value(e, TLS_VALUE_CLIENT_RANDOM, e->client_random, 32, NULL);
    if (ch.has_server_name)
        engine_value(e, TLS_VALUE_SERVER_NAME, (const uint8_t *)ch.server_name,
                     strlen(ch.server_name), NULL);
    engine_note(e, TLS_TEXT_CLIENT_OFFERS,
                TLS_ARGS(TLS_ARG_U("suites", ch.nsuites), TLS_ARG_U("groups", ch.ngroups),
                         TLS_ARG_U("sigalgs", ch.nsigalgs)));
    return TLS_OK;
}

static bool client_offered_suite(const tls_engine *e, uint16_t id)
{
    uint16_t offer[TLS_MAX_SUITES];
    return engine_list_has(offer, engine_suites(e, offer), id);
}

/* RFC 7366 §3: an answer to encrypt_then_mac only with a CBC suite. */
static tls_err client_take_etm(tls_engine *e, bool answered)
{
    if (e->suite->cipher != TLS_CIPHER_AES_CBC) {
        if (answered)
            return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_ETM_UNASKED,
                               TLS_ARGS(TLS_ARG_S("suite", e->suite->name)));
        return TLS_OK;
    }
    e->etm = answered;
    engine_note(e, answered ? TLS_TEXT_ETM_ACCEPTED
                   : e->cfg->no_etm ? TLS_TEXT_ETM_NOT_OFFERED : TLS_TEXT_ETM_DECLINED, NULL);
    return TLS_OK;
}

/* Step 2. */
tls_err server_hello_read(tls_engine *e, tls_reader *r)
{
    tls_server_hello sh;
    memset(&sh, 0, sizeof sh);
    tls_err err = tls_server_hello_parse(r, &sh);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "ServerHello")));
    if (sh.version != TLS_VERSION_1_2)
        return engine_fail(e, TLS_ERR_PROTOCOL_VERSION, TLS_TEXT_SERVER_CHOSE_VERSION,
                           TLS_ARGS(TLS_ARG_X("version", sh.version, 4)));
    if (!client_offered_suite(e, sh.suite))
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_CHOSE_SUITE,
                           TLS_ARGS(TLS_ARG_X("suite", sh.suite, 4)));
    if (sh.compression != 0)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_CHOSE_COMPRESSION,
                           TLS_ARGS(TLS_ARG_U("method", sh.compression)));
    for (size_t i = 0; i < sh.nexts; i++) {
        uint16_t t = sh.exts[i].type;
        bool offered = t == TLS_EXT_EC_POINT_FORMATS ||
                       (t == TLS_EXT_ENCRYPT_THEN_MAC && !e->cfg->no_etm) ||
                       (t == TLS_EXT_EXTENDED_MASTER_SECRET && e->cfg->ems) ||
                       (t == TLS_EXT_RENEGOTIATION_INFO && e->cfg->offer_renegotiation_info) ||
                       (t == TLS_EXT_SESSION_TICKET && e->cfg->resume == TLS_RESUME_TICKET);
        if (!offered)
            return engine_fail(e, TLS_ERR_UNSUPPORTED_EXTENSION, TLS_TEXT_SERVER_UNOFFERED_EXTENSION,
                               TLS_ARGS(TLS_ARG_U("type", t)));
    }
    memcpy(e->server_random, sh.random, 32);
    e->suite = tls_suite_by_id(sh.suite);
    e->ems = sh.has_ems;
    if (client_take_etm(e, sh.has_etm) != TLS_OK)
        return e->err;
    engine_value(e, TLS_VALUE_SERVER_RANDOM, e->server_random, 32, NULL);
    uint8_t id[2] = {(uint8_t)(sh.suite >> 8), (uint8_t)sh.suite};
    engine_value(e, TLS_VALUE_CIPHER_SUITE, id, 2, NULL);
    return engine_client_check_resumed(e, &sh);
}

/* Step 3: the chain, checked against the trust anchors for the host name. */
tls_err certificate_read(tls_engine *e, tls_reader *r)
{
    tls_certificate_msg cm;
    memset(&cm, 0, sizeof cm);
    tls_err err = tls_certificate_parse(r, &cm);
    if (err != TLS_OK && cm.total > TLS_MAX_CERTS)
        return engine_fail(e, err, TLS_TEXT_CHAIN_TOO_LONG,
                           TLS_ARGS(TLS_ARG_U("count", cm.total), TLS_ARG_U("max", TLS_MAX_CERTS)));
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_CERTIFICATE, NULL);
    if (cm.ncerts == 0)
        return engine_fail(e, TLS_ERR_BAD_CERTIFICATE, TLS_TEXT_EMPTY_CHAIN, NULL);
    if (engine_take_chain(e, &cm, TLS_VALUE_SERVER_CERTIFICATE) != TLS_OK)
        return e->err;
    if (engine_check_chain(e, e->cfg->trust, e->cfg->server_name ? e->cfg->server_name : "",
                           e->suite->auth) != TLS_OK)
        return e->err;
    /* RFC 8422 §5.1: supported_groups also bounds the certificate's curve. */
    uint16_t offer[TLS_MAX_GROUPS];
    tls_group curve = tls_x509_key_group(e->peer_chain, 0);
    if (e->suite->auth == TLS_KEY_ECDSA &&
        !engine_list_has(offer, engine_groups(e, offer), (uint16_t)curve)) {
        const tls_group_info *g = tls_group_by_id((uint16_t)curve);
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_CERT_CURVE,
                           TLS_ARGS(TLS_ARG_S("group", g ? g->name : "?")));
    }
    return TLS_OK;
}

tls_err engine_take_chain(tls_engine *e, const tls_certificate_msg *cm, tls_value_kind kind)
{
    for (size_t i = 0; i < cm->ncerts; i++) {
        tls_err err = tls_x509_add_der(&e->peer_chain, cm->certs[i], cm->cert_lens[i]);
        if (err != TLS_OK)
            return engine_fail(e, TLS_ERR_BAD_CERTIFICATE, TLS_TEXT_CERT_NOT_DER,
                               TLS_ARGS(TLS_ARG_U("index", i)));
    }
    char subject[256];
    bool named = tls_x509_subject(e->peer_chain, 0, subject, sizeof subject) == TLS_OK;
    engine_value(e, kind, cm->certs[0], cm->cert_lens[0], named ? subject : NULL);
    return TLS_OK;
}

/* One check per link of the path, as the client builds it: who signed
 * each certificate, with what, and whether the signature verifies (the
 * links \p v's verification checked are not verified a second time). */
static void check_path(tls_engine *e, const tls_x509 *trust, const tls_x509_verdict *v)
{
    tls_x509_link links[TLS_X509_MAX_LINKS];
    size_t n = tls_x509_path_known(e->peer_chain, trust, v, links, TLS_X509_MAX_LINKS);
    for (size_t i = 0; i < n; i++) {
        const tls_x509_link *l = &links[i];
        tls_text_id why = TLS_TEXT_CHAIN_LINK_SENT;
        if (!l->issuer_found)
            why = strcmp(l->subject, l->issuer) == 0 ? TLS_TEXT_CHAIN_LINK_UNTRUSTED_ROOT
                                                     : TLS_TEXT_CHAIN_LINK_MISSING;
        else if (!l->verified)
            why = TLS_TEXT_CHAIN_LINK_BAD_SIG;
        else if (l->anchor)
            why = TLS_TEXT_CHAIN_LINK_ANCHOR;
        engine_check(e, TLS_TEXT_CHECK_CHAIN_LINK, l->issuer_found && l->verified, why,
                     TLS_ARGS(TLS_ARG_U("index", i + 1), TLS_ARG_S("subject", l->subject),
                              TLS_ARG_S("issuer", l->issuer), TLS_ARG_S("sig_alg", l->sig_alg)));
    }
}

/* The leaf's key against what the suite needs (any usable kind for a
 * client certificate).  Sets v->key_ok; a key the library accepts but the
 * suite cannot use fails the handshake here (unsupported_certificate). */
static tls_err check_leaf_key(tls_engine *e, tls_x509_verdict *v, tls_key_kind want)
{
    bool usable = v->key_ok;
    tls_key_kind kind = tls_x509_key_kind(e->peer_chain, 0);
    v->key_ok = v->key_ok && (want == TLS_KEY_NONE || kind == want);
    tls_key_kind shown = want == TLS_KEY_NONE ? kind : want;
    tls_text_id id = shown == TLS_KEY_ECDSA ? (v->key_ok ? TLS_TEXT_KEY_OK_ECDSA : TLS_TEXT_KEY_BAD_ECDSA)
                                            : (v->key_ok ? TLS_TEXT_KEY_OK : TLS_TEXT_KEY_BAD);
    const tls_text_arg *bits = TLS_ARGS(TLS_ARG_U("bits", tls_x509_key_bits(e->peer_chain, 0)));
    engine_check(e, TLS_TEXT_CHECK_KEY, v->key_ok, id, bits);
    if (usable && !v->key_ok)
        return engine_fail(e, TLS_ERR_UNSUPPORTED_CERTIFICATE, id, bits);
    return TLS_OK;
}

tls_err engine_check_chain(tls_engine *e, const tls_x509 *trust, const char *host,
                           tls_key_kind key)
{
    tls_x509_verdict v;
    tls_err err = tls_x509_verify(e->peer_chain, trust, host, &v);
    check_path(e, trust, &v);
    const tls_text_arg *detail = TLS_ARGS(TLS_ARG_L("detail", v.detail));
    engine_check(e, TLS_TEXT_CHECK_CHAIN, v.chain_ok,
                 v.chain_ok ? TLS_TEXT_CHAIN_OK : TLS_TEXT_CHAIN_BAD, detail);
    if (host)
        engine_check(e, TLS_TEXT_CHECK_HOST, v.host_ok,
                     v.host_ok ? TLS_TEXT_HOST_OK : TLS_TEXT_HOST_BAD,
                     TLS_ARGS(TLS_ARG_S("host", host)));
    engine_check(e, TLS_TEXT_CHECK_DATES, v.dates_ok,
                 v.dates_ok ? TLS_TEXT_DATES_OK : TLS_TEXT_DATES_BAD, detail);
    tls_err key_err = check_leaf_key(e, &v, key);
    if (err == TLS_OK && key_err != TLS_OK)
        return key_err;
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_CERT_VERIFY_FAILED, detail);
    return TLS_OK;
}

/* ECDHE: the group must be one the client offered. */
static tls_err client_check_group(tls_engine *e, const tls_server_key_exchange *ske)
{
    uint16_t offer[TLS_MAX_GROUPS];
    bool offered = engine_list_has(offer, engine_groups(e, offer), ske->group);
    const tls_group_info *g = tls_group_by_id(ske->group);
    if (!offered || !g)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_CHOSE_GROUP,
                           TLS_ARGS(TLS_ARG_U("group", ske->group)));
    e->group = g->id;
    return TLS_OK;
}

/* ECDHE: keep the server's point for ClientKeyExchange. */
static tls_err client_keep_point(tls_engine *e, const tls_server_key_exchange *ske)
{
    if (ske->point_len > TLS_ECDH_PUB_MAX)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_POINT_TOO_LONG, NULL);
    memcpy(e->peer_pub, ske->point, ske->point_len);
    e->peer_pub_len = ske->point_len;
    uint8_t gid[2] = {(uint8_t)(ske->group >> 8), (uint8_t)ske->group};
    engine_value(e, TLS_VALUE_NAMED_GROUP, gid, 2, NULL);
    engine_value(e, TLS_VALUE_SERVER_ECDHE_PUBLIC, ske->point, ske->point_len, NULL);
    return TLS_OK;
}

/* DHE: the group and Ys pass the client's checks, then are kept. */
static tls_err client_keep_dh(tls_engine *e, const tls_server_key_exchange *ske)
{
    if (engine_dhe_accept_server(e, ske) != TLS_OK)
        return e->err;
    engine_value(e, TLS_VALUE_SERVER_DHE_PUBLIC, ske->dh_ys, ske->dh_ys_len, NULL);
    return TLS_OK;
}

/* Step 4: the server's ephemeral share, and its signature by the certificate key. */
tls_err server_key_exchange_read(tls_engine *e, tls_reader *r)
{
    tls_server_key_exchange ske = {.is_dhe = e->suite->kx == TLS_KX_DHE_RSA};
    tls_err err = tls_server_key_exchange_parse(r, &ske);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "ServerKeyExchange")));
    if (!ske.is_dhe && client_check_group(e, &ske) != TLS_OK)
        return e->err;
    tls_hash_alg alg;
    if (!engine_sig_hash(ske.sig_alg, &alg) || engine_sig_key(ske.sig_alg) != e->suite->auth)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_SIG_ALG,
                           TLS_ARGS(TLS_ARG_X("sig_alg", ske.sig_alg, 4)));
    err = ske.is_dhe ? client_keep_dh(e, &ske) : client_keep_point(e, &ske);
    if (err != TLS_OK)
        return err;
    engine_value(e, TLS_VALUE_SKE_SIGNATURE, ske.sig, ske.sig_len, NULL);

    uint8_t digest[TLS_HASH_MAX];
    err = engine_ske_digest(e, alg, ske.params, ske.params_len, digest);
    if (err == TLS_OK)
        err = engine_verify_sig(e->peer_chain, ske.sig_alg, alg, digest, ske.sig, ske.sig_len);
    tls_text_id ok = e->suite->auth == TLS_KEY_ECDSA ? TLS_TEXT_SKE_SIGNATURE_OK_ECDSA
                     : ske.is_dhe                     ? TLS_TEXT_SKE_SIGNATURE_OK_DHE
                                                      : TLS_TEXT_SKE_SIGNATURE_OK;
    engine_check(e, TLS_TEXT_CHECK_SKE_SIGNATURE, err == TLS_OK,
                 err == TLS_OK ? ok : TLS_TEXT_SKE_SIGNATURE_BAD,
                 TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg))));
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_DECRYPT_ERROR, TLS_TEXT_SKE_SIGNATURE_FAILED, NULL);
    return TLS_OK;
}

/* Step 5. */
tls_err server_hello_done_read(tls_engine *e, tls_reader *r)
{
    tls_err err = tls_server_hello_done_parse(r);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_SERVER_HELLO_DONE_NOT_EMPTY, NULL);
    return TLS_OK;
}

static tls_err client_kx_ecdhe(tls_engine *e, tls_client_key_exchange *cke)
{
    const tls_scenario *sc = e->cfg->scenario;
    tls_err err = engine_ecdhe_keypair(e, sc ? sc->client_ecdhe_private : NULL,
                                       sc ? sc->client_ecdhe_private_len : 0,
                                       sc && sc->has_client_ecdhe_private);
    if (err != TLS_OK)
        return err;
    err = tls_ecdh_shared(e->group, e->rng, e->ecdhe_priv, e->ecdhe_priv_len,
                          e->peer_pub, e->peer_pub_len, e->pre_master, &e->pre_master_len);
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_SERVER_POINT_INVALID, NULL);
    engine_note(e, TLS_TEXT_PRE_MASTER_ECDHE_CLIENT, NULL);
    cke->data = e->ecdhe_pub;
    cke->len = e->ecdhe_pub_len;
    return TLS_OK;
}

static tls_err client_kx_dhe(tls_engine *e, tls_client_key_exchange *cke)
{
    if (engine_dhe_keypair(e) != TLS_OK)
        return e->err;
    if (engine_dhe_pre_master(e, e->peer_pub, e->peer_pub_len) != TLS_OK)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_DH_PUBLIC_BAD, NULL);
    cke->data = e->dh->pub;
    cke->len = e->dh->pub_len;
    return TLS_OK;
}

static tls_err client_kx_rsa(tls_engine *e, tls_client_key_exchange *cke,
                             uint8_t *enc, size_t enc_max)
{
    const tls_scenario *sc = e->cfg->scenario;
    /* RFC 5246 §7.4.7.1: client_version first, so a rollback is detected. */
    e->pre_master[0] = TLS_VERSION_1_2 >> 8;
    e->pre_master[1] = TLS_VERSION_1_2 & 0xff;
    tls_err err = engine_random(e, sc ? sc->pre_master_random : NULL,
                                sc && sc->has_pre_master_random, e->pre_master + 2, 46);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_NO_RANDOM_PRE_MASTER, NULL);
    e->pre_master_len = 48;
    size_t len = tls_x509_rsa_len(e->peer_chain);
    if (len == 0 || len > enc_max)
        return engine_fail(e, TLS_ERR_UNSUPPORTED_CERTIFICATE, TLS_TEXT_NO_RSA_KEY, NULL);
    err = tls_x509_rsa_encrypt(e->peer_chain, e->rng, e->pre_master, 48, enc, &len);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_RSA_ENCRYPT_FAILED, NULL);
    engine_note(e, TLS_TEXT_PRE_MASTER_RSA_CLIENT, NULL);
    cke->data = enc;
    cke->len = len;
    return TLS_OK;
}

/* Step 6: the client's half of the key exchange. */
tls_err client_key_exchange_write(tls_engine *e, tls_writer *w)
{
    tls_client_key_exchange cke = {.is_rsa = e->suite->kx == TLS_KX_RSA,
                                   .is_dhe = e->suite->kx == TLS_KX_DHE_RSA};
    uint8_t enc[1024];
    tls_err err = cke.is_rsa   ? client_kx_rsa(e, &cke, enc, sizeof enc)
                  : cke.is_dhe ? client_kx_dhe(e, &cke)
                               : client_kx_ecdhe(e, &cke);
    if (err != TLS_OK)
        return err;
    if (cke.is_rsa)
        engine_value(e, TLS_VALUE_ENCRYPTED_PRE_MASTER, cke.data, cke.len, NULL);
    engine_value(e, TLS_VALUE_PRE_MASTER_SECRET, e->pre_master, e->pre_master_len, NULL);
    err = tls_client_key_exchange_write(&cke, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "ClientKeyExchange")));
    return TLS_OK;
}
