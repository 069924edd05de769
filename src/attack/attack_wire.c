/* What the attacker reads on the wire, its own keys, and how it rewrites a
 * handshake message in a record.  See attack_internal.h. */
#include <string.h>

#include "attack_internal.h"
#include "tlssim/prf.h"

/* Record header: type(1) version(2) length(2). */
#define REC_HEADER 5

bool attacker_message(const uint8_t *rec, size_t len, uint8_t *type, tls_reader *body)
{
    if (len < REC_HEADER + TLS_HANDSHAKE_HEADER || rec[0] != 22)
        return false;
    size_t frag = (size_t)rec[3] << 8 | rec[4];
    const uint8_t *m = rec + REC_HEADER;
    size_t body_len = (size_t)m[1] << 16 | (size_t)m[2] << 8 | m[3];
    if (frag != len - REC_HEADER || TLS_HANDSHAKE_HEADER + body_len != frag)
        return false;
    *type = m[0];
    tls_reader_init(body, m + TLS_HANDSHAKE_HEADER, body_len, NULL, 0);
    return true;
}

void attacker_rewrite(const uint8_t *rec, const uint8_t *body, size_t n, tls_writer *out)
{
    tls_writer_bytes(out, rec, 3);
    tls_writer_u16(out, (uint16_t)(TLS_HANDSHAKE_HEADER + n));
    tls_msg_header_write(out, rec[REC_HEADER], n);
    tls_writer_bytes(out, body, n);
}

/* The server's ECDHE point, or its DHE group and Ys. */
static void observe_server_kx(tls_attacker *a, tls_reader *body)
{
    tls_server_key_exchange ske;
    memset(&ske, 0, sizeof ske);
    ske.is_dhe = a->suite->kx == TLS_KX_DHE_RSA;
    if (tls_server_key_exchange_parse(body, &ske) != TLS_OK)
        return;
    if (!ske.is_dhe && ske.point_len <= sizeof a->server_pub) {
        a->group = (tls_group)ske.group;
        memcpy(a->server_pub, ske.point, ske.point_len);
        a->server_pub_len = ske.point_len;
    } else if (ske.is_dhe && ske.dh_p_len <= TLS_DH_MAX && ske.dh_g_len <= TLS_DH_MAX &&
               ske.dh_ys_len <= TLS_DH_MAX) {
        memcpy(a->dh_p, ske.dh_p, a->dh_p_len = ske.dh_p_len);
        memcpy(a->dh_g, ske.dh_g, a->dh_g_len = ske.dh_g_len);
        memcpy(a->server_pub, ske.dh_ys, a->server_pub_len = ske.dh_ys_len);
    }
}

void attacker_observe(tls_attacker *a, tls_party sender, const uint8_t *rec, size_t len)
{
    int dir = sender == TLS_PARTY_SERVER;
    if (len > 0 && rec[0] == 20)
        a->encrypted[dir] = true;
    uint8_t type;
    tls_reader body;
    if (a->encrypted[dir] || !attacker_message(rec, len, &type, &body))
        return;
    if (type == 1 && tls_reader_left(&body) >= 34) {
        memcpy(a->client_random, tls_reader_ptr(&body) + 2, 32);
    } else if (type == 2) {
        tls_server_hello sh;
        memset(&sh, 0, sizeof sh);
        if (tls_server_hello_parse(&body, &sh) == TLS_OK) {
            memcpy(a->server_random, sh.random, 32);
            a->suite = tls_suite_by_id(sh.suite);
        }
    } else if (type == 12 && a->suite) {
        observe_server_kx(a, &body);
    }
}

void attacker_value(tls_attacker *a, int step, tls_value_kind kind, const uint8_t *p, size_t n)
{
    tls_trace_value(a->trace, step, TLS_PARTY_ATTACKER, kind, p, n, NULL);
}

void attacker_note(tls_attacker *a, int step, tls_text_id id, const tls_text_arg *args)
{
    tls_trace_note(a->trace, step, TLS_PARTY_ATTACKER, id, args);
}

/* Private exponents as long as the engines' (engine_dhe.c). */
#define DH_PRIV_LEN 64

bool attacker_keygen(tls_attacker *a, int step, bool as_server)
{
    if (!a->suite || a->suite->kx == TLS_KX_RSA)
        return false;
    bool dhe = a->suite->kx == TLS_KX_DHE_RSA;
    tls_err err;
    if (dhe) {
        tls_dh_params dh = {a->dh_p, a->dh_p_len, a->dh_g, a->dh_g_len};
        a->priv_len = DH_PRIV_LEN;
        err = tls_rng_bytes(a->rng, a->priv, a->priv_len);
        if (err == TLS_OK)
            err = tls_dh_public(&dh, a->priv, a->priv_len, a->pub, &a->pub_len);
    } else {
        err = tls_ecdh_keygen(a->group, a->rng, a->priv, &a->priv_len, a->pub, &a->pub_len);
    }
    if (err != TLS_OK)
        return false;
    static const tls_value_kind kinds[2][2][2] = {
        {{TLS_VALUE_CLIENT_ECDHE_PRIVATE, TLS_VALUE_CLIENT_ECDHE_PUBLIC},
         {TLS_VALUE_CLIENT_DHE_PRIVATE, TLS_VALUE_CLIENT_DHE_PUBLIC}},
        {{TLS_VALUE_SERVER_ECDHE_PRIVATE, TLS_VALUE_SERVER_ECDHE_PUBLIC},
         {TLS_VALUE_SERVER_DHE_PRIVATE, TLS_VALUE_SERVER_DHE_PUBLIC}}};
    attacker_note(a, step, TLS_TEXT_ATTACK_OWN_KEY,
                  TLS_ARGS(TLS_ARG_S("kx", dhe ? "DHE" : "ECDHE"),
                           TLS_ARG_T("party", tls_party_name(as_server ? TLS_PARTY_SERVER
                                                                         : TLS_PARTY_CLIENT))));
    attacker_value(a, step, kinds[as_server][dhe][0], a->priv, a->priv_len);
    attacker_value(a, step, kinds[as_server][dhe][1], a->pub, a->pub_len);
    return true;
}

/* Z with its leading zero bytes stripped (RFC 5246 §8.1.2), as the engines do. */
static tls_err attacker_dh_z(tls_attacker *a, const uint8_t *peer, size_t peer_len,
                             uint8_t *pre, size_t *pre_len)
{
    tls_dh_params dh = {a->dh_p, a->dh_p_len, a->dh_g, a->dh_g_len};
    size_t zeros = 0;
    tls_err err = tls_dh_shared(&dh, a->priv, a->priv_len, peer, peer_len, pre, pre_len);
    while (err == TLS_OK && zeros < *pre_len && pre[zeros] == 0)
        zeros++;
    memmove(pre, pre + zeros, *pre_len - zeros);
    *pre_len -= zeros;
    return err;
}

bool attacker_master_secret(tls_attacker *a, int step, const uint8_t *peer, size_t peer_len)
{
    uint8_t pre[TLS_DH_MAX], master[48];
    size_t pre_len = 0;
    tls_err err = a->suite->kx == TLS_KX_DHE_RSA
                      ? attacker_dh_z(a, peer, peer_len, pre, &pre_len)
                      : tls_ecdh_shared(a->group, a->rng, a->priv, a->priv_len, peer, peer_len,
                                        pre, &pre_len);
    bool ok = err == TLS_OK;
    if (ok) {
        attacker_value(a, step, TLS_VALUE_PRE_MASTER_SECRET, pre, pre_len);
        /* With the extended master secret the attacker could hash the
         * transcript it forwarded just as well; the demo's default is the
         * classic derivation. */
        ok = !a->cfg.ems &&
             tls_master_secret_derive(a->suite->prf_hash, pre, pre_len, NULL, a->client_random,
                                      a->server_random, master, NULL) == TLS_OK;
    }
    if (ok)
        attacker_value(a, step, TLS_VALUE_MASTER_SECRET, master, sizeof master);
    tls_wipe(pre, sizeof pre);
    tls_wipe(master, sizeof master);
    return ok;
}
