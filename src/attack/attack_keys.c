/* The attacks on the key exchange: the attacker puts its own public key in
 * the place of the server's (swap-server-key) or the client's
 * (swap-client-key), or replays a ServerKeyExchange from an earlier session
 * (replay-ske).  The engines catch each as a real TLS 1.2 stack does. */
#include <stdlib.h>
#include <string.h>

#include "attack_internal.h"
#include "tlssim/handshake.h"

/* The ServerKeyExchange of \p rec, parsed (false: this record is not one). */
static bool server_kx(const tls_attacker *a, tls_party sender, const uint8_t *rec, size_t len,
                      tls_server_key_exchange *ske)
{
    uint8_t type;
    tls_reader body;
    if (sender != TLS_PARTY_SERVER || !a->suite || a->suite->kx == TLS_KX_RSA ||
        !attacker_message(rec, len, &type, &body) || type != 12)
        return false;
    memset(ske, 0, sizeof *ske);
    ske->is_dhe = a->suite->kx == TLS_KX_DHE_RSA;
    return tls_server_key_exchange_parse(&body, ske) == TLS_OK;
}

/* The hash a SignatureScheme signs with: 0x0804..6 are RSASSA-PSS with
 * SHA-256..512, the others name the hash in their first byte (4 SHA-256,
 * 5 SHA-384). */
static tls_hash_alg scheme_hash(uint16_t sig_alg)
{
    unsigned h = (sig_alg >> 8) == 8 ? (sig_alg & 0xff) : (unsigned)(sig_alg >> 8);
    return h == 5 ? TLS_HASH_SHA384 : TLS_HASH_SHA256;
}

/* What the client's check hashes: client_random ‖ server_random ‖ params.
 * Signing this digest needs the certificate's private key, which the
 * attacker does not have: say so with the digest it would need signed. */
static void cannot_resign(tls_attacker *a, int step, const tls_server_key_exchange *ske)
{
    tls_writer w;
    tls_writer_init(&w);
    tls_writer_bytes(&w, a->client_random, 32);
    tls_writer_bytes(&w, a->server_random, 32);
    tls_server_kx_params_write(ske, &w);
    tls_hash_alg alg = scheme_hash(ske->sig_alg);
    uint8_t digest[TLS_HASH_MAX];
    char hex[2 * TLS_HASH_MAX + 1];
    if (tls_writer_error(&w) == TLS_OK && tls_hash(alg, w.data, w.len, digest) == TLS_OK) {
        tls_hex_into(digest, tls_hash_len(alg), hex, sizeof hex);
        attacker_note(a, step, TLS_TEXT_ATTACK_CANNOT_RESIGN,
                      TLS_ARGS(TLS_ARG_S("hash", tls_hash_name(alg)), TLS_ARG_S("digest", hex)));
    }
    tls_writer_free(&w);
}

void attack_swap_server_key(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                            size_t len, tls_writer *out)
{
    tls_server_key_exchange ske;
    if (!server_kx(a, sender, rec, len, &ske) || !attacker_keygen(a, step, true)) {
        tls_attacker_forward(rec, len, out);
        return;
    }
    if (ske.is_dhe) {
        ske.dh_ys = a->pub;
        ske.dh_ys_len = a->pub_len;
    } else {
        ske.point = a->pub;
        ske.point_len = a->pub_len;
    }
    tls_writer msg;
    tls_writer_init(&msg);
    tls_server_key_exchange_write(&ske, &msg);
    attacker_rewrite(rec, msg.data, msg.len, out);
    tls_writer_free(&msg);
    attacker_note(a, step, TLS_TEXT_ATTACK_SWAPPED_SERVER_KEY, NULL);
    cannot_resign(a, step, &ske);
}

void attack_swap_client_key(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                            size_t len, tls_writer *out)
{
    uint8_t type;
    tls_reader body;
    if (sender != TLS_PARTY_CLIENT || !attacker_message(rec, len, &type, &body) || type != 16 ||
        !attacker_keygen(a, step, false)) {
        tls_attacker_forward(rec, len, out);
        return;
    }
    tls_client_key_exchange cke = {.is_dhe = a->suite->kx == TLS_KX_DHE_RSA,
                                   .data = a->pub, .len = a->pub_len};
    tls_writer msg;
    tls_writer_init(&msg);
    tls_client_key_exchange_write(&cke, &msg);
    attacker_rewrite(rec, msg.data, msg.len, out);
    tls_writer_free(&msg);
    attacker_note(a, step, TLS_TEXT_ATTACK_SWAPPED_CLIENT_KEY, NULL);
    if (attacker_master_secret(a, step, a->server_pub, a->server_pub_len))
        attacker_note(a, step, TLS_TEXT_ATTACK_SHARES_WITH_SERVER, NULL);
    attacker_note(a, step, TLS_TEXT_ATTACK_CANNOT_READ_CLIENT, NULL);
}

/* An earlier session between the same client software and server, which
 * the attacker recorded: the same configuration, other randoms. */
static bool record_earlier(tls_attacker *a, tls_trace *earlier)
{
    tls_sim_config cfg = a->cfg;
    cfg.seed = a->cfg.seed + 1;
    cfg.scenario = NULL;
    cfg.app_data = false;
    cfg.tamper.enabled = false;
    cfg.tap = (tls_channel_tap){NULL, NULL};
    tls_sim_result res;
    if (tls_sim_run(&cfg, earlier, &res) != TLS_OK)
        return false;
    for (size_t i = 0; i < earlier->n; i++) {
        const tls_event *e = &earlier->ev[i];
        if (e->kind == TLS_EV_MESSAGE && e->hs_type == 12 && e->len > TLS_HANDSHAKE_HEADER) {
            a->recorded_len = e->len - TLS_HANDSHAKE_HEADER;
            a->recorded = malloc(a->recorded_len);
            if (a->recorded)
                memcpy(a->recorded, e->bytes + TLS_HANDSHAKE_HEADER, a->recorded_len);
            return a->recorded != NULL;
        }
    }
    return false;
}

bool attack_replay_ske_prepare(tls_attacker *a)
{
    tls_trace earlier;
    tls_trace_init(&earlier);
    bool ok = record_earlier(a, &earlier);
    const tls_event *sr = tls_trace_find_value(&earlier, TLS_VALUE_SERVER_RANDOM,
                                               TLS_PARTY_WIRE, TLS_STEP_AFTER);
    if (ok && sr) {
        attacker_value(a, 1, TLS_VALUE_SERVER_RANDOM, sr->bytes, sr->len);
        attacker_note(a, 1, TLS_TEXT_ATTACK_RECORDED_EARLIER,
                      TLS_ARGS(TLS_ARG_U("bytes", a->recorded_len)));
    }
    tls_trace_free(&earlier);
    return ok;
}

void attack_replay_ske(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                       size_t len, tls_writer *out)
{
    tls_server_key_exchange ske;
    if (!server_kx(a, sender, rec, len, &ske)) {
        tls_attacker_forward(rec, len, out);
        return;
    }
    attacker_rewrite(rec, a->recorded, a->recorded_len, out);
    attacker_note(a, step, TLS_TEXT_ATTACK_REPLAYED_SKE, NULL);
}
