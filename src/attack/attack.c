/* The attack lab's table and driver: see include/tlssim/attack.h. */
#include <stdlib.h>
#include <string.h>

#include "attack_internal.h"

/* One row per attack, in the order --attack list and the TUI menu show
 * them. */
static const tls_attack_info attacks[] = {
    {.name = "swap-server-key", .does = TLS_TEXT_ATTACK_DOES_SWAP_SERVER_KEY,
     .lesson = "attack-swap-server-key", .ephemeral = true, .record = attack_swap_server_key},
    {.name = "swap-client-key", .does = TLS_TEXT_ATTACK_DOES_SWAP_CLIENT_KEY,
     .lesson = "attack-swap-client-key", .ephemeral = true, .record = attack_swap_client_key},
    {.name = "replay-ske", .does = TLS_TEXT_ATTACK_DOES_REPLAY_SKE,
     .lesson = "attack-replay-ske", .ephemeral = true, .prepare = attack_replay_ske_prepare,
     .record = attack_replay_ske},
    {.name = "downgrade", .does = TLS_TEXT_ATTACK_DOES_DOWNGRADE,
     .lesson = "attack-downgrade", .setup = attack_downgrade_setup, .record = attack_downgrade},
    {.name = "truncation", .does = TLS_TEXT_ATTACK_DOES_TRUNCATION,
     .lesson = "attack-truncation", .setup = attack_truncation_setup,
     .record = attack_truncation},
    {.name = "false-start", .does = TLS_TEXT_ATTACK_DOES_FALSE_START,
     .lesson = "attack-false-start", .setup = attack_false_start_setup,
     .record = attack_false_start},
    {.name = "fake-cert", .does = TLS_TEXT_ATTACK_DOES_FAKE_CERT,
     .lesson = "attack-fake-cert", .prepare = attack_fake_cert_prepare,
     .record = attack_proxy_record, .end = attack_proxy_end},
    {.name = "expired-cert", .does = TLS_TEXT_ATTACK_DOES_EXPIRED_CERT,
     .lesson = "attack-expired-cert", .prepare = attack_expired_cert_prepare,
     .record = attack_proxy_record, .end = attack_proxy_end},
    {.name = "wrong-host", .does = TLS_TEXT_ATTACK_DOES_WRONG_HOST,
     .lesson = "attack-wrong-host", .prepare = attack_wrong_host_prepare,
     .record = attack_proxy_record, .end = attack_proxy_end},
    {.name = "missing-intermediate", .does = TLS_TEXT_ATTACK_DOES_MISSING_INTERMEDIATE,
     .lesson = "attack-missing-intermediate", .record = attack_missing_intermediate},
    {.name = "trusted-proxy", .does = TLS_TEXT_ATTACK_DOES_TRUSTED_PROXY,
     .lesson = "attack-trusted-proxy", .setup = attack_trusted_proxy_setup,
     .prepare = attack_trusted_proxy_prepare, .record = attack_proxy_record,
     .end = attack_proxy_end},
    {.name = "record-then-leak", .does = TLS_TEXT_ATTACK_DOES_RECORD_THEN_LEAK,
     .lesson = "attack-record-then-leak", .setup = attack_record_then_leak_setup,
     .prepare = attack_record_then_leak_prepare, .record = attack_record_then_leak,
     .end = attack_record_then_leak_end},
};

size_t tls_attack_count(void) { return sizeof attacks / sizeof attacks[0]; }

const tls_attack_info *tls_attack_at(size_t i)
{
    return i < tls_attack_count() ? &attacks[i] : NULL;
}

const tls_attack_info *tls_attack_find(const char *name)
{
    for (size_t i = 0; name && i < tls_attack_count(); i++)
        if (strcmp(attacks[i].name, name) == 0)
            return &attacks[i];
    return NULL;
}

void tls_attack_config(const tls_attack_info *attack, tls_sim_config *cfg)
{
    if (attack->setup)
        attack->setup(cfg);
}

void tls_attacker_forward(const uint8_t *rec, size_t len, tls_writer *out)
{
    tls_writer_bytes(out, rec, len);
}

/* The channel tap: every record passes the attacker, who reads what is in
 * the clear and then does what its attack does with it. */
static void attacker_carry(void *ctx, tls_party sender, int step, const uint8_t *rec,
                           size_t len, tls_writer *out)
{
    tls_attacker *a = ctx;
    if (a->cut)
        return;
    attacker_observe(a, sender, rec, len);
    if (a->info->record)
        a->info->record(a, sender, step, rec, len, out);
    else
        tls_attacker_forward(rec, len, out);
}

tls_err tls_attack_run(const tls_attack_info *attack, const tls_sim_config *cfg,
                       tls_trace *trace, tls_sim_result *res)
{
    tls_attacker *a = calloc(1, sizeof *a);
    if (!a)
        return tls_sim_result_setup_failed(res);
    a->info = attack;
    a->trace = trace;
    a->cfg = *cfg;
    tls_attack_config(attack, &a->cfg);
    a->rng = cfg->seeded ? tls_rng_new_seeded(cfg->seed, "attacker")
                         : tls_rng_new_entropy("tlssim attacker");
    attacker_note(a, 1, TLS_TEXT_ATTACK_ON_PATH, TLS_ARGS(TLS_ARG_S("attack", attack->name)));
    tls_err err;
    if (!a->rng || (attack->prepare && !attack->prepare(a))) {
        err = tls_sim_result_setup_failed(res);
    } else {
        a->cfg.tap = (tls_channel_tap){attacker_carry, a};
        tls_sim_result r;
        err = attack->run ? attack->run(a, trace, &r) : tls_sim_run(&a->cfg, trace, &r);
        if (attack->end)
            attack->end(a, &r);
        if (res)
            *res = r;
    }
    tls_rng_free(a->rng);
    free(a->recorded);
    tls_wipe(a, sizeof *a);
    free(a);
    return err;
}
