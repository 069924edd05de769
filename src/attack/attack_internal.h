/* The attack lab's insides: the attacker's state and the helpers every
 * attack's hooks use (what it reads on the wire, its own keys, rewriting a
 * handshake message in a record).  See include/tlssim/attack.h. */
#ifndef TLSSIM_ATTACK_INTERNAL_H
#define TLSSIM_ATTACK_INTERNAL_H

#include "tlssim/attack.h"
#include "tlssim/crypto.h"
#include "tlssim/msg.h"

struct tls_attacker {
    const tls_attack_info *info;
    tls_sim_config cfg;         /* the run, as the attack shaped it */
    tls_trace *trace;
    tls_rng *rng;               /* its own randomness: seeded from --seed, "attacker" */
    /* What it has read in the clear (attack_wire.c). */
    bool encrypted[2];          /* per direction (tls_party): a ChangeCipherSpec went by */
    uint8_t client_random[32], server_random[32];
    const tls_suite *suite;     /* ServerHello's choice */
    tls_group group;            /* ServerKeyExchange's named curve (ECDHE) */
    uint8_t server_pub[TLS_DH_MAX]; /* the server's ECDHE point or DHE Ys */
    size_t server_pub_len;
    uint8_t dh_p[TLS_DH_MAX], dh_g[TLS_DH_MAX];
    size_t dh_p_len, dh_g_len;
    /* Its own key pair (attacker_keygen). */
    uint8_t priv[TLS_DH_MAX], pub[TLS_DH_MAX];
    size_t priv_len, pub_len;
    /* A message recorded before the run (replay-ske). */
    uint8_t *recorded;
    size_t recorded_len;
    size_t server_records;      /* the server's application-data records seen */
    bool cut;                   /* it has cut the connection: drop the rest */
    struct attack_proxy *proxy; /* its own two engines (attack_proxy.c) */
    struct attack_recording *recording; /* every record that crossed (attack_leak.c) */
};

/* The message of a handshake record in the clear: false for anything else
 * (encrypted, another content type, several messages, malformed). */
bool attacker_message(const uint8_t *rec, size_t len, uint8_t *type, tls_reader *body);

/* A record from \p sender: whatever it says in the clear is noted in \p a
 * (randoms, the suite, the server's key exchange). */
void attacker_observe(tls_attacker *a, tls_party sender, const uint8_t *rec, size_t len);

/* Write \p rec's handshake record again with the message body \p body
 * (same record version and message type): the record and message lengths
 * follow. */
void attacker_rewrite(const uint8_t *rec, const uint8_t *body, size_t n, tls_writer *out);

/* Its own key pair for the run's key exchange (the ECDHE group or the DHE
 * group the server sent), recorded as \p as_server's values when it poses
 * as the server (else as the client's).  False when it cannot. */
bool attacker_keygen(tls_attacker *a, int step, bool as_server);

/* The pre-master secret of its key with \p peer's public key, and the
 * master secret from the randoms it saw (recorded as its values); false
 * when it cannot compute them. */
bool attacker_master_secret(tls_attacker *a, int step, const uint8_t *peer, size_t peer_len);

/* Values it knows and sentences saying what it does: party attacker. */
void attacker_value(tls_attacker *a, int step, tls_value_kind kind, const uint8_t *p, size_t n);
void attacker_note(tls_attacker *a, int step, tls_text_id id, const tls_text_arg *args);

/* The hooks of each attack (attack_keys.c, attack_flow.c). */
void attack_swap_server_key(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                            size_t len, tls_writer *out);
void attack_swap_client_key(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                            size_t len, tls_writer *out);
bool attack_replay_ske_prepare(tls_attacker *a);
void attack_replay_ske(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                       size_t len, tls_writer *out);
void attack_downgrade_setup(tls_sim_config *cfg);
void attack_downgrade(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                      size_t len, tls_writer *out);
void attack_false_start_setup(tls_sim_config *cfg);
void attack_false_start(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                        size_t len, tls_writer *out);
void attack_truncation_setup(tls_sim_config *cfg);
void attack_truncation(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                       size_t len, tls_writer *out);

/* The attacker as a proxy with a certificate of its own, and the
 * certificate attacks (attack_proxy.c). */
bool attack_fake_cert_prepare(tls_attacker *a);
bool attack_expired_cert_prepare(tls_attacker *a);
bool attack_wrong_host_prepare(tls_attacker *a);
bool attack_trusted_proxy_prepare(tls_attacker *a);
void attack_trusted_proxy_setup(tls_sim_config *cfg);
void attack_proxy_record(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                         size_t len, tls_writer *out);
void attack_proxy_end(tls_attacker *a, const tls_sim_result *res);
void attack_missing_intermediate(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                                 size_t len, tls_writer *out);
/* record-then-leak (attack_leak.c). */
void attack_record_then_leak_setup(tls_sim_config *cfg);
bool attack_record_then_leak_prepare(tls_attacker *a);
void attack_record_then_leak(tls_attacker *a, tls_party sender, int step, const uint8_t *rec,
                             size_t len, tls_writer *out);
void attack_record_then_leak_end(tls_attacker *a, const tls_sim_result *res);

#endif
