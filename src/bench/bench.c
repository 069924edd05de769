/*
 * tlssim-bench: how fast is a whole in-process handshake compared with the
 * cryptography it cannot avoid?
 *
 * For each suite: N full handshakes (fresh client, server and trace each
 * time, certificate chain verified each time, nothing printed in the loop),
 * then the primitives one handshake needs, each timed on its own and
 * multiplied by how often a handshake uses it.  overhead = handshake time /
 * sum of primitives: everything else (parsing, dissection, events, the
 * record layer) is what the protocol code costs, also shown as the share of
 * a handshake outside crypto.  outside_crypto.py, next to this file, counts
 * the same in instructions under callgrind.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tlssim/crypto.h"
#include "tlssim/pki.h"
#include "tlssim/prf.h"
#include "tlssim/render.h"
#include "tlssim/sim.h"

/* Process CPU time: the ratio is not disturbed by whatever else runs. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds per call of fn, over n calls. */
typedef void (*bench_fn)(void *ctx);
static double time_per_call(bench_fn fn, void *ctx, int n)
{
    fn(ctx); /* warm-up: lazily built tables are not part of the steady state */
    double t0 = now_ms();
    for (int i = 0; i < n; i++)
        fn(ctx);
    return (now_ms() - t0) / n;
}

typedef struct prim_ctx {
    tls_rng *rng;
    tls_privkey *key;
    tls_x509 *chain, *trust;
    tls_group group;
    const tls_suite *suite;
    tls_hash_alg hash;
    uint8_t digest[TLS_HASH_MAX];
    uint8_t sig[512];
    size_t sig_len;
    uint8_t enc[512];
    size_t enc_len;
    uint8_t peer[TLS_ECDH_PUB_MAX];
    size_t peer_len;
    uint8_t dh_peer[TLS_DH_MAX];
    size_t dh_peer_len;
} prim_ctx;

static void prim_rsa_sign(void *p)
{
    prim_ctx *c = p;
    tls_privkey_sign(c->key, c->rng, c->hash, c->digest, c->sig, &c->sig_len);
}

static void prim_rsa_decrypt(void *p)
{
    prim_ctx *c = p;
    uint8_t out[48];
    size_t n;
    tls_privkey_decrypt(c->key, c->rng, c->enc, c->enc_len, out, sizeof out, &n);
}

static void prim_rsa_verify(void *p)
{
    prim_ctx *c = p;
    tls_x509_rsa_verify(c->chain, c->hash, c->digest, c->sig, c->sig_len);
}

static void prim_rsa_encrypt(void *p)
{
    prim_ctx *c = p;
    uint8_t pm[48] = {3, 3};
    tls_x509_rsa_encrypt(c->chain, c->rng, pm, 48, c->enc, &c->enc_len);
}

/* One side's ECDHE work: a key pair and the shared secret. */
static void prim_ecdh(void *p)
{
    prim_ctx *c = p;
    uint8_t priv[TLS_ECDH_PRIV_MAX], pub[TLS_ECDH_PUB_MAX], z[TLS_ECDH_SHARED_MAX];
    size_t pl, ql, zl;
    tls_ecdh_keygen(c->group, c->rng, priv, &pl, pub, &ql);
    tls_ecdh_shared(c->group, c->rng, priv, pl, c->peer, c->peer_len, z, &zl);
}

/* One side's DHE work: g^x mod p and the shared Z, in ffdhe2048. */
static void prim_dh(void *p)
{
    prim_ctx *c = p;
    uint8_t priv[64], pub[TLS_DH_MAX], z[TLS_DH_MAX];
    size_t ql, zl;
    tls_dh_params dh;
    tls_dh_ffdhe2048(&dh);
    tls_rng_bytes(c->rng, priv, sizeof priv);
    tls_dh_public(&dh, priv, sizeof priv, pub, &ql);
    tls_dh_shared(&dh, priv, sizeof priv, c->dh_peer, c->dh_peer_len, z, &zl);
}

/* A peer's public key for the suite's ephemeral exchange, made once. */
static void prim_setup_kx(prim_ctx *pc, const tls_suite *s)
{
    uint8_t priv[TLS_ECDH_PRIV_MAX + 64];
    size_t pl;
    if (s->kx == TLS_KX_ECDHE_RSA)
        tls_ecdh_keygen(pc->group, pc->rng, priv, &pl, pc->peer, &pc->peer_len);
    if (s->kx == TLS_KX_DHE_RSA) {
        tls_dh_params dh;
        tls_dh_ffdhe2048(&dh);
        tls_rng_bytes(pc->rng, priv, 64);
        tls_dh_public(&dh, priv, 64, pc->dh_peer, &pc->dh_peer_len);
    }
}

/* One side's PRF work: master secret, key block, two verify_data. */
static void prim_prf(void *p)
{
    prim_ctx *c = p;
    uint8_t pm[48] = {0}, ms[48], r1[32] = {1}, r2[32] = {2}, vd[12];
    tls_span seed[2] = {{r1, 32}, {r2, 32}};
    tls_key_block kb;
    tls_prf(c->hash, pm, 48, "master secret", seed, 2, ms, 48, NULL);
    tls_key_block_derive(c->suite, ms, r1, r2, &kb, NULL);
    tls_span h = {c->digest, tls_hash_len(c->hash)};
    tls_prf(c->hash, ms, 48, "client finished", &h, 1, vd, 12, NULL);
    tls_prf(c->hash, ms, 48, "server finished", &h, 1, vd, 12, NULL);
}

static void prim_x509_verify(void *p)
{
    prim_ctx *c = p;
    tls_x509_verdict v;
    tls_x509_verify(c->chain, c->trust, TLS_DEMO_HOST, &v);
}

typedef struct hs_ctx {
    tls_sim_config cfg;
    const tls_lessons *lessons;     /* the text walkthrough prints them too */
    int failures;
} hs_ctx;

static void one_handshake(void *p)
{
    hs_ctx *h = p;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    if (tls_sim_run(&h->cfg, &t, &res) != TLS_OK || !res.ok)
        h->failures++;
    tls_trace_free(&t);
}

/* The whole text walkthrough as `tlssim --text` does it, output discarded. */
static void one_walkthrough(void *p)
{
    hs_ctx *h = p;
    FILE *null = fopen("/dev/null", "w");
    if (!null)
        return;
    tls_app_run run;
    tls_app_run_init(&run, tls_lang_from_env());
    run.sim = h->cfg;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_app_run_go(&run, &t, &res);
    tls_print_text(null, &run, &t, &res, h->lessons);
    tls_trace_free(&t);
    fclose(null);
}

/* Times of one measuring round. */
typedef struct bench_round {
    double hs, sign, verify, enc, dec, x509, prf, ecdh, sum;
} bench_round;

/* One round: the handshakes and every primitive, back to back, so a
 * change in machine load hits both sides of the ratio alike. */
static void bench_round_run(bench_round *r, const tls_suite *s, hs_ctx *h, prim_ctx *pc, int n)
{
    r->hs = time_per_call(one_handshake, h, n);
    r->sign = time_per_call(prim_rsa_sign, pc, n);
    r->verify = time_per_call(prim_rsa_verify, pc, n);
    r->enc = time_per_call(prim_rsa_encrypt, pc, n);
    r->dec = time_per_call(prim_rsa_decrypt, pc, n);
    r->x509 = time_per_call(prim_x509_verify, pc, n);
    r->prf = time_per_call(prim_prf, pc, n);
    r->ecdh = 0;
    if (s->kx != TLS_KX_RSA) {
        r->ecdh = time_per_call(s->kx == TLS_KX_DHE_RSA ? prim_dh : prim_ecdh, pc, n);
        /* server: sign; client: chain verify + signature verify; both: (EC)DH + PRF */
        r->sum = r->sign + r->x509 + r->verify + 2 * r->ecdh + 2 * r->prf;
    } else {
        /* client: chain verify + encrypt; server: decrypt; both: PRF */
        r->sum = r->x509 + r->enc + r->dec + 2 * r->prf;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of one field over the rounds (offset into bench_round). */
static double median_of(const bench_round *r, int rounds, size_t field)
{
    double v[16];
    for (int i = 0; i < rounds; i++)
        v[i] = *(const double *)((const char *)&r[i] + field);
    qsort(v, (size_t)rounds, sizeof v[0], cmp_double);
    return v[rounds / 2];
}

#define BENCH_ROUNDS 5

static int bench_suite(const tls_suite *s, tls_group group, int n, prim_ctx *pc,
                       const tls_lessons *lessons)
{
    hs_ctx h;
    tls_sim_config_default(&h.cfg);
    h.cfg.suite = s;
    h.cfg.kx = s->kx;
    h.cfg.group = group;
    h.failures = 0;
    h.lessons = lessons;
    pc->suite = s;
    pc->hash = s->prf_hash;
    pc->group = group;
    prim_setup_kx(pc, s);
    bench_round r[BENCH_ROUNDS];
    double ratio[BENCH_ROUNDS];
    int per_round = n / BENCH_ROUNDS > 0 ? n / BENCH_ROUNDS : 1;
    for (int i = 0; i < BENCH_ROUNDS; i++) {
        bench_round_run(&r[i], s, &h, pc, per_round);
        ratio[i] = r[i].hs / r[i].sum;
    }
    qsort(ratio, BENCH_ROUNDS, sizeof ratio[0], cmp_double);
    double walk = time_per_call(one_walkthrough, &h, n < 20 ? n : 20);
    double hs = median_of(r, BENCH_ROUNDS, offsetof(bench_round, hs));
    double sign = median_of(r, BENCH_ROUNDS, offsetof(bench_round, sign));
    double verify = median_of(r, BENCH_ROUNDS, offsetof(bench_round, verify));
    double enc = median_of(r, BENCH_ROUNDS, offsetof(bench_round, enc));
    double dec = median_of(r, BENCH_ROUNDS, offsetof(bench_round, dec));
    double x509 = median_of(r, BENCH_ROUNDS, offsetof(bench_round, x509));
    double prf = median_of(r, BENCH_ROUNDS, offsetof(bench_round, prf));
    double ecdh = median_of(r, BENCH_ROUNDS, offsetof(bench_round, ecdh));
    double sum = median_of(r, BENCH_ROUNDS, offsetof(bench_round, sum));
    const tls_group_info *g = tls_group_by_id((uint16_t)group);
    printf("%s%s%s\n", s->name, s->kx == TLS_KX_ECDHE_RSA ? " / " : "",
           s->kx == TLS_KX_ECDHE_RSA && g ? g->name : "");
    printf("  handshake            %8.3f ms CPU   %8.1f handshakes/s   (%d runs%s)\n", hs,
           1000.0 / hs, per_round * BENCH_ROUNDS, h.failures ? ", SOME FAILED" : "");
    printf("  text walkthrough     %8.3f ms   (run + render, as tlssim --text)\n", walk);
    if (s->kx != TLS_KX_RSA) {
        printf("  RSA-2048 sign        %8.3f ms   x1 (ServerKeyExchange)\n", sign);
        printf("  chain verify         %8.3f ms   x1 (X.509, one RSA public op)\n", x509);
        printf("  RSA-2048 verify      %8.3f ms   x1 (ServerKeyExchange signature)\n", verify);
        printf(s->kx == TLS_KX_DHE_RSA ? "  DH keygen+shared     %8.3f ms   x2 (one per side, ffdhe2048)\n"
                                       : "  ECDH keygen+shared   %8.3f ms   x2 (one per side)\n",
               ecdh);
    } else {
        printf("  chain verify         %8.3f ms   x1 (X.509, one RSA public op)\n", x509);
        printf("  RSA-2048 encrypt     %8.3f ms   x1 (pre-master)\n", enc);
        printf("  RSA-2048 decrypt     %8.3f ms   x1 (pre-master)\n", dec);
    }
    printf("  PRF (one side)       %8.3f ms   x2 (master, key block, 2 verify_data)\n", prf);
    printf("  sum of primitives    %8.3f ms\n", sum);
    printf("  overhead             %8.3f     (median of %d rounds, %.3f to %.3f; target <= 1.10)\n",
           ratio[BENCH_ROUNDS / 2], BENCH_ROUNDS, ratio[0], ratio[BENCH_ROUNDS - 1]);
    /* The same as a share of the handshake: transcript hashes, AES-GCM and
     * certificate parsing are crypto but not in the list above, so this
     * bounds the protocol code's share from above; outside_crypto.py
     * counts the instructions outside every crypto call under callgrind. */
    printf("  outside primitives   %8.1f %%   of a handshake's time (hashes, GCM, parsing, "
           "bookkeeping;\n                                 outside all crypto calls, in "
           "instructions: ninja outside-crypto; target <= 1 %%)\n\n",
           100.0 * (hs - sum) / hs);
    return h.failures;
}

static void usage(FILE *out)
{
    fputs("Usage: tlssim-bench [--suite NAME|0xXXXX] [--group NAME] [-n N]\n"
          "N full in-process handshakes per suite (default 200), the primitives one\n"
          "handshake needs, the protocol overhead, and peak memory.\n", out);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"suite", required_argument, NULL, 's'}, {"group", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const tls_suite *only = NULL;
    tls_group group = TLS_GROUP_SECP256R1;
    int n = 200, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n:h", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 's':
            only = tls_suite_parse(optarg);
            if (!only) {
                fprintf(stderr, "tlssim-bench: unknown suite '%s'\n", optarg);
                return 2;
            }
            break;
        case 'g': {
            const tls_group_info *g = tls_group_parse(optarg);
            if (!g) {
                fprintf(stderr, "tlssim-bench: unknown group '%s'\n", optarg);
                return 2;
            }
            group = g->id;
            break;
        }
        case 'n':
            n = (int)strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1000000) {
                fprintf(stderr, "tlssim-bench: -n: '%s' is not a count from 1 to 1000000\n", optarg);
                return 2;
            }
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            fprintf(stderr, "tlssim-bench: bad option '%s'\n", argv[optind - 1]);
            usage(stderr);
            return 2;
        }
    }
    prim_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.rng = tls_rng_new_seeded(1, "bench");
    if (!pc.rng || tls_privkey_parse_pem(&pc.key, tls_demo_server_key_pem) != TLS_OK ||
        tls_x509_add_pem(&pc.chain, tls_demo_server_cert_pem) != TLS_OK ||
        tls_x509_add_pem(&pc.chain, tls_demo_intermediate_pem) != TLS_OK ||
        tls_x509_add_pem(&pc.trust, tls_demo_ca_pem) != TLS_OK) {
        fputs("tlssim-bench: cannot load the demo PKI\n", stderr);
        return 1;
    }
    tls_hash(TLS_HASH_SHA256, (const uint8_t *)"x", 1, pc.digest);
    prim_rsa_sign(&pc);
    prim_rsa_encrypt(&pc);

    /* Lessons are loaded once, as tlssim does at start-up. */
    char err[256];
    tls_lessons *lessons = tls_lessons_open(NULL, err, sizeof err);
    int failures = 0;
    size_t ns;
    const tls_suite *suites = tls_suites_all(&ns);
    for (size_t i = 0; i < ns; i++)
        if (!only || only == &suites[i])
            failures += bench_suite(&suites[i], group, n, &pc, lessons);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory (RSS)      %8.1f MiB  (target < 16 MiB)\n", ru.ru_maxrss / 1024.0);
    tls_lessons_close(lessons);
    tls_privkey_free(pc.key);
    tls_x509_free(pc.chain);
    tls_x509_free(pc.trust);
    tls_rng_free(pc.rng);
    return failures ? 1 : 0;
}
