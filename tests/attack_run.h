/* One seeded run of an attack of the lab (tlssim/attack.h), for the tests
 * of its attacks: the key exchange and certificate kind varied, the rest
 * the defaults.  \p t is initialised here (the caller frees it). */
#ifndef TLSSIM_TEST_ATTACK_RUN_H
#define TLSSIM_TEST_ATTACK_RUN_H

#include <string.h>

#include "testutil.h"
#include "tlssim/attack.h"

static inline bool attack_run_seeded(const char *name, tls_kx kx, tls_key_kind cert,
                                     uint64_t seed, tls_trace *t, tls_sim_result *res)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.seeded = true;
    cfg.seed = seed;
    cfg.kx = kx;
    cfg.server_cert = cert;
    tls_trace_init(t);
    memset(res, 0, sizeof *res);
    const tls_attack_info *a = tls_attack_find(name);
    test_check(a != NULL, "--attack %s exists", name);
    if (a)
        tls_attack_run(a, &cfg, t, res);
    return a != NULL;
}

#endif
