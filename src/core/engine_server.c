/* What the server does at each step of the table (its writes and reads). */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

/* Whether this server's certificate can serve \p suite for this client: a
 * key of the suite's kind (an ECDSA key cannot sign for an ECDHE_RSA suite,
 * nor decrypt an RSA key exchange) and, for ECDSA, on a curve the client
 * lists in supported_groups (RFC 8422 §5.1: the list covers the curve of
 * the certificate too; OpenSSL refuses another with illegal_parameter). */
static bool can_serve(const tls_engine *e, const tls_client_hello *ch, const tls_suite *suite)
{
    if (tls_privkey_kind(e->cfg->key) != suite->auth)
        return false;
    uint16_t curve = (uint16_t)tls_privkey_group(e->cfg->key);
    return suite->auth != TLS_KEY_ECDSA || !ch->has_groups ||
           engine_list_has(ch->groups, ch->ngroups, curve);
}

/* The server picks: the first of its own suites that the client offered
 * and that its certificate can serve. */
static tls_err choose_suite(tls_engine *e, const tls_client_hello *ch)
{
    uint16_t mine[TLS_MAX_SUITES];
    size_t n = engine_suites(e, mine);
    for (size_t i = 0; i < n; i++) {
        if (can_serve(e, ch, tls_suite_by_id(mine[i])) &&
            engine_list_has(ch->suites, ch->nsuites, mine[i])) {
            e->suite = tls_suite_by_id(mine[i]);
            return TLS_OK;
        }
    }
    /* Offered, of the certificate's kind, and refused for the curve alone:
     * say that, not "no common suite". */
    for (size_t i = 0; i < n; i++) {
        const tls_suite *s = tls_suite_by_id(mine[i]);
        if (s->auth == TLS_KEY_ECDSA && tls_privkey_kind(e->cfg->key) == TLS_KEY_ECDSA &&
            engine_list_has(ch->suites, ch->nsuites, mine[i])) {
            const tls_group_info *g = tls_group_by_id((uint16_t)tls_privkey_group(e->cfg->key));
            return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_NO_SUITE_FOR_CURVE,
                               TLS_ARGS(TLS_ARG_S("suite", s->name),
                                        TLS_ARG_S("group", g ? g->name : "?")));
        }
    }
    const tls_suite *first = tls_suite_by_id(mine[0]);
    return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE,
                       n > 1 ? TLS_TEXT_NO_COMMON_SUITE_MORE : TLS_TEXT_NO_COMMON_SUITE,
                       TLS_ARGS(TLS_ARG_S("suite", first ? first->name : "none")));
}

/* A signature algorithm both sides know that the server's certificate key
 * can make, for ServerKeyExchange (ECDHE and DHE alike). */
static tls_err choose_sigalg(tls_engine *e, const tls_client_hello *ch)
{
    if (!ch->has_sigalgs)
        return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_NO_SIGALGS_EXTENSION, NULL);
    e->sig_alg = engine_choose_sigalg(ch->sigalgs, ch->nsigalgs, e->suite->auth);
    if (e->sig_alg)
        return TLS_OK;
    return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE,
                       e->suite->auth == TLS_KEY_ECDSA ? TLS_TEXT_NO_COMMON_SIGALG_ECDSA
                                                       : TLS_TEXT_NO_COMMON_SIGALG,
                       NULL);
}

/* ECDHE: the first of the server's groups the client supports, and a
 * signature algorithm both sides know. */
static tls_err choose_ecdhe_params(tls_engine *e, const tls_client_hello *ch)
{
    uint16_t mine[TLS_MAX_GROUPS];
    size_t n = engine_groups(e, mine), i;
    for (i = 0; i < n; i++)
        if (!ch->has_groups || engine_list_has(ch->groups, ch->ngroups, mine[i]))
            break;
    if (i == n)
        return engine_fail(e, TLS_ERR_HANDSHAKE_FAILURE, TLS_TEXT_NO_COMMON_GROUP, NULL);
    e->group = (tls_group)mine[i];
    if (ch->has_point_formats && !memchr(ch->point_formats, 0, ch->npoint_formats))
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_NO_UNCOMPRESSED_POINTS, NULL);
    return choose_sigalg(e, ch);
}

/* The key-exchange parameters the suite needs: ECDHE a group and a
 * signature algorithm, DHE the server's group (ffdhe2048) and a signature
 * algorithm, RSA nothing. */
static tls_err choose_kx_params(tls_engine *e, const tls_client_hello *ch)
{
    switch (e->suite->kx) {
    case TLS_KX_ECDHE_RSA:
        return choose_ecdhe_params(e, ch);
    case TLS_KX_DHE_RSA:
        if (engine_dhe_server_group(e) != TLS_OK)
            return e->err;
        return choose_sigalg(e, ch);
    case TLS_KX_RSA:
        break;
    }
    return TLS_OK;
}

/* RFC 7366 §3: encrypt-then-MAC for a CBC suite only; an AEAD has no
 * separate MAC to move, and the question is not answered at all. */
static void choose_etm(tls_engine *e, bool offered)
{
    if (e->suite->cipher != TLS_CIPHER_AES_CBC)
        return;
    e->etm = offered && !e->cfg->no_etm;
    engine_note(e, e->etm ? TLS_TEXT_ETM_ACCEPTED
                   : offered ? TLS_TEXT_ETM_DECLINED : TLS_TEXT_ETM_NOT_OFFERED, NULL);
}

/* A TLS 1.2 server otherwise ignores supported_versions (RFC 8446 §4.2.1),
 * but a list without 0x0303 means the client will not speak TLS 1.2 at all:
 * naming that beats "no common cipher suite". */
static bool offers_only_later_versions(const tls_client_hello *ch)
{
    for (size_t i = 0; i < ch->nexts; i++) {
        const tls_ext_seen *x = &ch->exts[i];
        if (x->type != 43 || x->len < 1 || x->data[0] != x->len - 1 || x->data[0] % 2)
            continue;
        for (size_t j = 1; j + 1 < x->len; j += 2)
            if (x->data[j] == 3 && x->data[j + 1] <= 3)
                return false;
        return true;
    }
    return false;
}

/* Step 1. */
tls_err client_hello_read(tls_engine *e, tls_reader *r)
{
    tls_client_hello ch;
    memset(&ch, 0, sizeof ch);
    tls_err err = tls_client_hello_parse(r, &ch);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "ClientHello")));
    memcpy(e->client_random, ch.random, 32);
    engine_value(e, TLS_VALUE_CLIENT_RANDOM, e->client_random, 32, NULL);
    if (ch.has_server_name)
        engine_value(e, TLS_VALUE_SERVER_NAME, (const uint8_t *)ch.server_name,
                     strlen(ch.server_name), NULL);
    if (ch.version < TLS_VERSION_1_2)
        return engine_fail(e, TLS_ERR_PROTOCOL_VERSION, TLS_TEXT_CLIENT_VERSION_TOO_LOW,
                           TLS_ARGS(TLS_ARG_X("version", ch.version, 4)));
    if (!memchr(ch.compressions, 0, ch.ncompressions))
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_NO_NULL_COMPRESSION, NULL);
    if (offers_only_later_versions(&ch))
        return engine_fail(e, TLS_ERR_PROTOCOL_VERSION, TLS_TEXT_CLIENT_ONLY_TLS13, NULL);
    if (choose_suite(e, &ch) != TLS_OK)
        return e->err;
    if (choose_kx_params(e, &ch) != TLS_OK)
        return e->err;
    e->ems = e->cfg->ems && ch.has_ems;
    choose_etm(e, ch.has_etm);
    e->reneg_info = ch.has_reneg_info ||
                    engine_list_has(ch.suites, ch.nsuites, TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    engine_note(e, TLS_TEXT_SERVER_ACCEPTS_SUITE,
                TLS_ARGS(TLS_ARG_S("suite", e->suite->name), TLS_ARG_U("count", ch.nsuites)));
    return engine_server_decide_resume(e, &ch);
}

/* Step 2. */
tls_err server_hello_write(tls_engine *e, tls_writer *w)
{
    const tls_scenario *sc = e->cfg->scenario;
    tls_err err = engine_random(e, sc ? sc->server_random : NULL,
                                sc && sc->has_server_random, e->server_random, 32);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_NO_RANDOM_SERVER_RANDOM, NULL);
    tls_server_hello sh;
    memset(&sh, 0, sizeof sh);
    sh.version = TLS_VERSION_1_2;
    memcpy(sh.random, e->server_random, 32);
    sh.suite = e->suite->id;
    sh.compression = 0;
    /* An empty session_id, unless this server caches sessions or resumes one. */
    engine_server_hello_session(e, &sh);
    sh.has_point_formats = e->suite->kx == TLS_KX_ECDHE_RSA;
    if (sh.has_point_formats)
        sh.point_formats[sh.npoint_formats++] = 0;
    sh.has_etm = e->etm;
    sh.has_ems = e->ems;
    sh.has_reneg_info = e->reneg_info;
    sh.has_extensions = sh.has_point_formats || sh.has_etm || sh.has_ems || sh.has_reneg_info ||
                        sh.has_ticket_ext;
    err = tls_server_hello_write(&sh, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "ServerHello")));
    engine_value(e, TLS_VALUE_SERVER_RANDOM, e->server_random, 32, NULL);
    uint8_t id[2] = {(uint8_t)(sh.suite >> 8), (uint8_t)sh.suite};
    engine_value(e, TLS_VALUE_CIPHER_SUITE, id, 2, NULL);
    return TLS_OK;
}

/* Step 3. */
tls_err certificate_write(tls_engine *e, tls_writer *w)
{
    tls_certificate_msg cm;
    memset(&cm, 0, sizeof cm);
    size_t n = tls_x509_count(e->cfg->chain);
    for (size_t i = 0; i < n && i < TLS_MAX_CERTS; i++) {
        cm.certs[i] = tls_x509_der(e->cfg->chain, i, &cm.cert_lens[i]);
        cm.ncerts = i + 1;
    }
    tls_err err = tls_certificate_write(&cm, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "Certificate")));
    char subject[256];
    if (n && tls_x509_subject(e->cfg->chain, 0, subject, sizeof subject) == TLS_OK)
        engine_value(e, TLS_VALUE_SERVER_CERTIFICATE, cm.certs[0], cm.cert_lens[0], subject);
    return TLS_OK;
}

/* This side's ephemeral key pair, its public half into \p ske. */
static tls_err server_kx_keypair(tls_engine *e, tls_server_key_exchange *ske)
{
    if (e->suite->kx == TLS_KX_DHE_RSA) {
        tls_err err = engine_dhe_keypair(e);
        if (err != TLS_OK)
            return err;
        const engine_dh *dh = e->dh;
        *ske = (tls_server_key_exchange){.is_dhe = true, .dh_p = dh->p, .dh_p_len = dh->p_len,
                                         .dh_g = dh->g, .dh_g_len = dh->g_len,
                                         .dh_ys = dh->pub, .dh_ys_len = dh->pub_len,
                                         .sig_alg = e->sig_alg};
        return TLS_OK;
    }
    const tls_scenario *sc = e->cfg->scenario;
    tls_err err = engine_ecdhe_keypair(e, sc ? sc->server_ecdhe_private : NULL,
                                       sc ? sc->server_ecdhe_private_len : 0,
                                       sc && sc->has_server_ecdhe_private);
    *ske = (tls_server_key_exchange){.curve_type = 3, .group = (uint16_t)e->group,
                                     .point = e->ecdhe_pub, .point_len = e->ecdhe_pub_len,
                                     .sig_alg = e->sig_alg};
    return err;
}

/* Step 4: an ephemeral key pair, its public half signed with the certificate key. */
tls_err server_key_exchange_write(tls_engine *e, tls_writer *w)
{
    tls_server_key_exchange ske;
    tls_err err = server_kx_keypair(e, &ske);
    if (err != TLS_OK)
        return err;

    tls_writer params;
    tls_writer_init(&params);
    err = tls_server_kx_params_write(&ske, &params);
    tls_hash_alg alg = TLS_HASH_SHA256;
    engine_sig_hash(e->sig_alg, &alg);
    uint8_t digest[TLS_HASH_MAX], sig[1024];
    size_t sig_len = 0;
    if (err == TLS_OK && (tls_privkey_len(e->cfg->key) > sizeof sig ||
                          tls_privkey_kind(e->cfg->key) != e->suite->auth))
        err = TLS_ERR_INTERNAL;
    if (err == TLS_OK)
        err = engine_ske_digest(e, alg, params.data, params.len, digest);
    if (err == TLS_OK)
        err = engine_sign(e->cfg->key, e->rng, e->sig_alg, digest, sig, &sig_len);
    tls_writer_free(&params);
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_INTERNAL, TLS_TEXT_SKE_SIGN_FAILED, NULL);
    ske.sig = sig;
    ske.sig_len = sig_len;
    err = tls_server_key_exchange_write(&ske, w);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_ENCODE_FAILED,
                           TLS_ARGS(TLS_ARG_S("message", "ServerKeyExchange")));

    if (!ske.is_dhe) {
        uint8_t gid[2] = {(uint8_t)(e->group >> 8), (uint8_t)e->group};
        engine_value(e, TLS_VALUE_NAMED_GROUP, gid, 2, NULL);
    }
    engine_value(e, TLS_VALUE_SKE_SIGNATURE, sig, sig_len, NULL);
    if (engine_sig_is_pss(e->sig_alg))
        engine_note(e, TLS_TEXT_SERVER_SIGNED_PSS,
                    TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)),
                             TLS_ARG_S("scheme", tls_sigscheme_name(e->sig_alg))));
    else
        engine_note(e, TLS_TEXT_SERVER_SIGNED,
                    TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg))));
    return TLS_OK;
}

/* Step 5. */
tls_err server_hello_done_write(tls_engine *e, tls_writer *w)
{
    (void)e;
    return tls_server_hello_done_write(w);
}

static tls_err server_kx_ecdhe(tls_engine *e, const tls_client_key_exchange *cke)
{
    engine_value(e, TLS_VALUE_CLIENT_ECDHE_PUBLIC, cke->data, cke->len, NULL);
    tls_err err = tls_ecdh_shared(e->group, e->rng, e->ecdhe_priv, e->ecdhe_priv_len,
                                  cke->data, cke->len, e->pre_master, &e->pre_master_len);
    if (err != TLS_OK)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_CLIENT_POINT_INVALID, NULL);
    engine_note(e, TLS_TEXT_PRE_MASTER_ECDHE_SERVER, NULL);
    return TLS_OK;
}

static tls_err server_kx_dhe(tls_engine *e, const tls_client_key_exchange *cke)
{
    engine_value(e, TLS_VALUE_CLIENT_DHE_PUBLIC, cke->data, cke->len, NULL);
    if (engine_dhe_pre_master(e, cke->data, cke->len) != TLS_OK)
        return engine_fail(e, TLS_ERR_ILLEGAL_PARAMETER, TLS_TEXT_CLIENT_DH_PUBLIC_BAD, NULL);
    return TLS_OK;
}

static tls_err server_kx_rsa(tls_engine *e, const tls_client_key_exchange *cke)
{
    engine_value(e, TLS_VALUE_ENCRYPTED_PRE_MASTER, cke->data, cke->len, NULL);
    /* RFC 5246 §7.4.7.1: on any failure continue with a random pre-master,
     * so a padding oracle learns nothing; Finished will then fail. */
    uint8_t fallback[48], pm[48];
    size_t len = 0;
    tls_err err = tls_rng_bytes(e->rng, fallback, sizeof fallback);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_NO_RANDOM, NULL);
    err = tls_privkey_decrypt(e->cfg->key, e->rng, cke->data, cke->len, pm, sizeof pm, &len);
    bool good = err == TLS_OK && len == 48 && pm[0] == (TLS_VERSION_1_2 >> 8) &&
                pm[1] == (TLS_VERSION_1_2 & 0xff);
    memcpy(e->pre_master, good ? pm : fallback, 48);
    e->pre_master_len = 48;
    tls_wipe(pm, sizeof pm);
    tls_wipe(fallback, sizeof fallback);
    engine_note(e,
                good ? TLS_TEXT_PRE_MASTER_RSA_SERVER : TLS_TEXT_PRE_MASTER_RSA_BAD, NULL);
    return TLS_OK;
}

/* Step 6. */
tls_err client_key_exchange_read(tls_engine *e, tls_reader *r)
{
    tls_client_key_exchange cke = {.is_rsa = e->suite->kx == TLS_KX_RSA,
                                   .is_dhe = e->suite->kx == TLS_KX_DHE_RSA};
    tls_err err = tls_client_key_exchange_parse(r, &cke);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "ClientKeyExchange")));
    err = cke.is_rsa   ? server_kx_rsa(e, &cke)
          : cke.is_dhe ? server_kx_dhe(e, &cke)
                       : server_kx_ecdhe(e, &cke);
    if (err != TLS_OK)
        return err;
    engine_value(e, TLS_VALUE_PRE_MASTER_SECRET, e->pre_master, e->pre_master_len, NULL);
    return TLS_OK;
}
