/*
 * tlssim-bench: how fast is a whole in-process handshake compared with the
 * cryptography it cannot avoid?
 *
 * For each suite: N full handshakes (fresh client, server and trace each
 * time, certificate chain parsed and verified each time, nothing printed in
 * the loop), then the primitives one handshake needs for its key exchange
 * and its certificate's key (prims_of), each timed on its own and
 * multiplied by how often a handshake uses it.  overhead = handshake time /
 * sum of primitives: the rest (parsing, dissection, events, the record
 * layer, bookkeeping, and crypto done twice) is what the protocol code
 * costs.  CPU times move with the machine's load; --instructions (count.c)
 * counts the same ratio in instructions under callgrind, and the share of
 * a handshake outside every crypto call.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "count.h"
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
    const tls_privkey *key;         /* the suite's server key (RSA or ECDSA) */
    const tls_x509 *chain, *trust;  /* its chain, leaf + intermediate; the root */
    tls_key_kind kind;
    tls_group group;
    const tls_suite *suite;
    tls_hash_alg hash;
    uint8_t digest[TLS_HASH_MAX];
    uint8_t sig_digest[32];         /* what ServerKeyExchange signs: SHA-256, the
                                       client's first scheme (rsa_pss_rsae_sha256,
                                       ecdsa_secp256r1_sha256) */
    uint8_t sig[512];
    size_t sig_len;
    uint8_t enc[512];
    size_t enc_len;
    uint8_t peer[TLS_ECDH_PUB_MAX];
    size_t peer_len;
    uint8_t dh_peer[TLS_DH_MAX];
    size_t dh_peer_len;
    uint8_t *transcript;            /* a handshake's messages, as both sides hash them */
    size_t transcript_len;
} prim_ctx;

/* As the handshake signs: RSA-PSS or ECDSA, over SHA-256. */
static void prim_sign(void *p)
{
    prim_ctx *c = p;
    if (c->kind == TLS_KEY_ECDSA)
        tls_privkey_sign(c->key, c->rng, TLS_HASH_SHA256, c->sig_digest, c->sig, &c->sig_len);
    else
        tls_privkey_sign_pss(c->key, c->rng, TLS_HASH_SHA256, c->sig_digest, c->sig,
                             &c->sig_len);
}

static void prim_verify(void *p)
{
    prim_ctx *c = p;
    if (c->kind == TLS_KEY_ECDSA)
        tls_x509_ecdsa_verify(c->chain, TLS_HASH_SHA256, c->sig_digest, c->sig, c->sig_len);
    else
        tls_x509_rsa_pss_verify(c->chain, TLS_HASH_SHA256, c->sig_digest, c->sig, c->sig_len);
}

static void prim_rsa_decrypt(void *p)
{
    prim_ctx *c = p;
    uint8_t out[48];
    size_t n;
    tls_privkey_decrypt(c->key, c->rng, c->enc, c->enc_len, out, sizeof out, &n);
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

/* One side's pass over the handshake messages with the PRF's hash. */
static void prim_transcript(void *p)
{
    prim_ctx *c = p;
    uint8_t h[TLS_HASH_MAX];
    tls_hash(c->hash, c->transcript, c->transcript_len, h);
}

/* The client parses the certificates it receives. */
static void prim_x509_parse(void *p)
{
    prim_ctx *c = p;
    tls_x509 *got = NULL;
    for (size_t i = 0; i < tls_x509_count(c->chain); i++) {
        size_t len;
        const uint8_t *der = tls_x509_der(c->chain, i, &len);
        tls_x509_add_der(&got, der, len);
    }
    tls_x509_free(got);
}

static void prim_x509_verify(void *p)
{
    prim_ctx *c = p;
    tls_x509_verdict v;
    tls_x509_verify(c->chain, c->trust, TLS_DEMO_HOST, &v);
}

/* A primitive one handshake needs, how often (both sides together), and
 * what for. */
typedef struct prim {
    char label[40];
    bench_fn fn;
    int count;
    const char *why;
} prim;

#define PRIM_MAX 10

/* Appends "KEY NAME" (or NAME when \p key is NULL). */
static void prim_add(prim *list, size_t *n, const char *key, const char *name, bench_fn fn,
                     int count, const char *why)
{
    prim *p = &list[(*n)++];
    snprintf(p->label, sizeof p->label, "%s%s%s", key ? key : "", key ? " " : "", name);
    p->fn = fn;
    p->count = count;
    p->why = why;
}

/* The primitives of the suite's handshake, from its key exchange and its
 * certificate's key; the rest of a handshake is what the protocol code
 * costs (overhead). */
static size_t prims_of(const prim_ctx *pc, prim *list)
{
    const tls_suite *s = pc->suite;
    size_t n = 0;
    char key[24];
    const tls_group_info *g = tls_group_by_id(tls_privkey_group(pc->key));
    if (pc->kind == TLS_KEY_ECDSA)
        snprintf(key, sizeof key, "ECDSA %s", g ? g->name : "?");
    else
        snprintf(key, sizeof key, "RSA-%zu", 8 * tls_privkey_len(pc->key));
    char sign_key[32];
    snprintf(sign_key, sizeof sign_key, "%s%s", key, pc->kind == TLS_KEY_ECDSA ? "" : " PSS");
    if (s->kx == TLS_KX_RSA) {
        prim_add(list, &n, key, "encrypt", prim_rsa_encrypt, 1, "pre-master, client");
        prim_add(list, &n, key, "decrypt", prim_rsa_decrypt, 1, "pre-master, server");
    } else {
        prim_add(list, &n, sign_key, "sign", prim_sign, 1, "ServerKeyExchange, server");
        prim_add(list, &n, sign_key, "verify", prim_verify, 1, "ServerKeyExchange, client");
        if (s->kx == TLS_KX_DHE_RSA)
            prim_add(list, &n, NULL, "DH keygen+shared", prim_dh, 2, "one per side, ffdhe2048");
        else
            prim_add(list, &n, NULL, "ECDH keygen+shared", prim_ecdh, 2, "one per side");
    }
    prim_add(list, &n, NULL, "chain parse", prim_x509_parse, 1, "X.509 DER, client");
    prim_add(list, &n, NULL, "chain verify", prim_x509_verify, 1, "X.509 signatures, client");
    prim_add(list, &n, NULL, "transcript hash", prim_transcript, 2, "one pass per side");
    prim_add(list, &n, NULL, "PRF", prim_prf, 2, "master, key block, 2 verify_data; per side");
    return n;
}

/* The suite's server key and chain, a signature and a ciphertext to check,
 * and a peer's public key for the ephemeral exchange, made once. */
static void prim_setup(prim_ctx *pc, const tls_suite *s, tls_group group)
{
    const tls_demo_identity *id = tls_demo_server(s->auth);
    pc->suite = s;
    pc->hash = s->prf_hash;
    pc->group = group;
    pc->kind = s->auth == TLS_KEY_ECDSA ? TLS_KEY_ECDSA : TLS_KEY_RSA;
    pc->key = id->key;
    pc->chain = id->chain;
    tls_hash(pc->hash, (const uint8_t *)"x", 1, pc->digest);
    tls_hash(TLS_HASH_SHA256, (const uint8_t *)"x", 1, pc->sig_digest);
    prim_sign(pc);
    if (s->kx == TLS_KX_RSA)
        prim_rsa_encrypt(pc);
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

/* The handshake messages of one run of \p h's suite, as a side hashes
 * them: each once, the last Finished excepted. */
static void transcript_setup(prim_ctx *pc, hs_ctx *h)
{
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&h->cfg, &t, &res);
    free(pc->transcript);
    pc->transcript = NULL;
    pc->transcript_len = 0;
    size_t n = 0;
    for (size_t i = 0; i < t.n; i++)
        if (t.ev[i].kind == TLS_EV_MESSAGE && t.ev[i].content_type == 22 && !t.ev[i].by_sender)
            n += t.ev[i].len;
    pc->transcript = malloc(n ? n : 1);
    for (size_t i = 0; pc->transcript && i < t.n; i++) {
        const tls_event *e = &t.ev[i];
        if (e->kind == TLS_EV_MESSAGE && e->content_type == 22 && !e->by_sender &&
            e->bytes) {
            memcpy(pc->transcript + pc->transcript_len, e->bytes, e->len);
            pc->transcript_len += e->len;
        }
    }
    /* Neither side hashes the Finished it receives last. */
    if (pc->transcript_len >= 16)
        pc->transcript_len -= 16;
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

/* Times of one measuring round: the handshake, each primitive on its own,
 * their weighted sum, and one handshake's primitives called in turn. */
typedef struct bench_round {
    double hs, prim[PRIM_MAX], sum, seq;
} bench_round;

/* The primitives of one handshake, each as often as a handshake calls it. */
static void run_primitives(const prim *list, size_t np, prim_ctx *pc, int k)
{
    for (int i = 0; i < k; i++)
        for (size_t j = 0; j < np; j++)
            for (int c = 0; c < list[j].count; c++)
                list[j].fn(pc);
}

typedef struct seq_ctx {
    const prim *list;
    size_t np;
    prim_ctx *pc;
} seq_ctx;

static void one_sequence(void *p)
{
    seq_ctx *s = p;
    run_primitives(s->list, s->np, s->pc, 1);
}

/* One round: the handshakes, the primitives in turn, then each primitive
 * alone, back to back, so a change in machine load hits every side of the
 * ratios alike. */
static void bench_round_run(bench_round *r, const prim *list, size_t np, hs_ctx *h,
                            prim_ctx *pc, int n)
{
    seq_ctx seq = {list, np, pc};
    r->hs = time_per_call(one_handshake, h, n);
    r->seq = time_per_call(one_sequence, &seq, n);
    r->sum = 0;
    for (size_t i = 0; i < np; i++) {
        r->prim[i] = time_per_call(list[i].fn, pc, n);
        r->sum += list[i].count * r->prim[i];
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of one measurement over the rounds (offset into bench_round). */
static double median_of(const bench_round *r, int rounds, size_t field)
{
    double v[16];
    for (int i = 0; i < rounds; i++)
        v[i] = *(const double *)((const char *)&r[i] + field);
    qsort(v, (size_t)rounds, sizeof v[0], cmp_double);
    return v[rounds / 2];
}

#define BENCH_ROUNDS 5

/* Under callgrind (--instructions collects and dumps these two): k
 * handshakes, then the primitives of k handshakes.  Kept out of line, under
 * their own names. */
/* Called after each, for callgrind to dump what it counted (a function of
 * its own: callgrind takes one setting per function). */
__attribute__((noinline, noclone)) static void count_done(void)
{
    __asm__ volatile("");
}

__attribute__((noinline, noclone)) static void count_handshakes(hs_ctx *h, int k)
{
    for (int i = 0; i < k; i++)
        one_handshake(h);
}

__attribute__((noinline, noclone)) static void count_primitives(const prim *list, size_t np,
                                                                prim_ctx *pc, int k)
{
    run_primitives(list, np, pc, k);
}

/* The median of hs / (the field at \p field) over the rounds, and its range. */
static double ratio_of(const bench_round *r, size_t field, double *lo, double *hi)
{
    double v[BENCH_ROUNDS];
    for (int i = 0; i < BENCH_ROUNDS; i++)
        v[i] = r[i].hs / *(const double *)((const char *)&r[i] + field);
    qsort(v, BENCH_ROUNDS, sizeof v[0], cmp_double);
    *lo = v[0];
    *hi = v[BENCH_ROUNDS - 1];
    return v[BENCH_ROUNDS / 2];
}

static void print_times(const tls_suite *s, tls_group group, const hs_ctx *h, int runs,
                        const bench_round *r, const prim *list, size_t np, double walk)
{
    double hs = median_of(r, BENCH_ROUNDS, offsetof(bench_round, hs));
    double sum = median_of(r, BENCH_ROUNDS, offsetof(bench_round, sum));
    double seq = median_of(r, BENCH_ROUNDS, offsetof(bench_round, seq));
    const tls_group_info *g = tls_group_by_id((uint16_t)group);
    printf("%s%s%s\n", s->name, s->kx == TLS_KX_ECDHE_RSA ? " / " : "",
           s->kx == TLS_KX_ECDHE_RSA && g ? g->name : "");
    printf("  %-24s %8.3f ms CPU   %8.1f handshakes/s   (%d runs%s)\n", "handshake", hs,
           1000.0 / hs, runs, h->failures ? ", SOME FAILED" : "");
    printf("  %-24s %8.3f ms   (run + render, as tlssim --text)\n", "text walkthrough", walk);
    for (size_t i = 0; i < np; i++)
        printf("  %-24s %8.3f ms   x%d (%s)\n", list[i].label,
               median_of(r, BENCH_ROUNDS, offsetof(bench_round, prim) + i * sizeof(double)),
               list[i].count, list[i].why);
    printf("  %-24s %8.3f ms   (each alone, in a loop of its own)\n", "sum of primitives", sum);
    printf("  %-24s %8.3f ms   (one handshake's primitives called in turn, as it calls them)\n",
           "primitives in turn", seq);
    double lo, hi, ratio = ratio_of(r, offsetof(bench_round, seq), &lo, &hi);
    printf("  %-24s %8.3f     handshake / primitives in turn, CPU time: median of %d "
           "rounds, %.3f to %.3f (target <= 1.05)\n",
           "overhead", ratio, BENCH_ROUNDS, lo, hi);
    ratio = ratio_of(r, offsetof(bench_round, sum), &lo, &hi);
    printf("  %-24s %8.3f     handshake / sum of primitives each alone: %.3f to %.3f (a loop\n"
           "  %-24s           of one primitive keeps the caches and branch predictors warm for it)\n",
           "", ratio, lo, hi, "");
    /* CPU time moves with the machine's load and caches; the instruction
     * counts under callgrind do not. */
    printf("  in instructions: ninja -C build outside-crypto (callgrind: the same ratio, "
           "and the share\n  of a handshake outside all crypto calls, target <= 1 %%)\n\n");
}

static int bench_suite(const tls_suite *s, tls_group group, int n, int count, prim_ctx *pc,
                       const tls_lessons *lessons)
{
    hs_ctx h;
    tls_sim_config_default(&h.cfg);
    h.cfg.suite = s;
    h.cfg.kx = s->kx;
    h.cfg.group = group;
    h.failures = 0;
    h.lessons = lessons;
    prim_setup(pc, s, group);
    transcript_setup(pc, &h);
    prim list[PRIM_MAX];
    size_t np = prims_of(pc, list);
    if (count > 0) {
        one_handshake(&h); /* warm-up: lazily built tables are not counted */
        run_primitives(list, np, pc, 1);
        count_handshakes(&h, count);
        count_done();
        count_primitives(list, np, pc, count);
        count_done();
        printf("%s\n", s->name);
        return h.failures;
    }
    bench_round r[BENCH_ROUNDS];
    int per_round = n / BENCH_ROUNDS > 0 ? n / BENCH_ROUNDS : 1;
    for (int i = 0; i < BENCH_ROUNDS; i++)
        bench_round_run(&r[i], list, np, &h, pc, per_round);
    double walk = time_per_call(one_walkthrough, &h, n < 20 ? n : 20);
    print_times(s, group, &h, per_round * BENCH_ROUNDS, r, list, np, walk);
    return h.failures;
}

static void usage(FILE *out)
{
    fputs("Usage: tlssim-bench [--suite NAME|0xXXXX] [--group NAME] [-n N]\n"
          "       tlssim-bench --instructions [--suite NAME|0xXXXX] [--group NAME] [--count K]\n"
          "N full in-process handshakes per suite (default 200), the primitives one\n"
          "handshake needs, the protocol overhead in CPU time, and peak memory.\n"
          "--instructions: the overhead and the share of a handshake outside crypto in\n"
          "instructions, which load does not move: K handshakes (default 3) and their\n"
          "primitives under valgrind's callgrind (ninja -C build outside-crypto).\n"
          "--count K alone: no timing; K handshakes, then the primitives of K handshakes\n"
          "(what --instructions runs under callgrind).\n",
          out);
}

typedef struct bench_args {
    const tls_suite *only;
    tls_group group;
    int n, count;
    bool instructions;
    char *child[8];     /* --instructions: the options of the counting run */
    size_t nchild;
} bench_args;

/* An option the counting run (--instructions) gets too. */
static void child_arg(bench_args *a, char *opt, char *val)
{
    if (a->nchild + 2 < sizeof a->child / sizeof a->child[0]) {
        a->child[a->nchild++] = opt;
        a->child[a->nchild++] = val;
    }
}

/* A count from 1 to 1000000, or 0 after saying what is wrong. */
static int parse_count(const char *opt, const char *text)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (*end || v < 1 || v > 1000000) {
        fprintf(stderr, "tlssim-bench: %s: '%s' is not a count from 1 to 1000000\n", opt, text);
        return 0;
    }
    return (int)v;
}

/* -1: go on; otherwise the exit status. */
static int parse_args(int argc, char **argv, bench_args *a)
{
    static const struct option opts[] = {
        {"suite", required_argument, NULL, 's'}, {"group", required_argument, NULL, 'g'},
        {"count", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'},
        {"instructions", no_argument, NULL, 'i'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n:h", opts, NULL)) != -1) {
        const tls_group_info *g;
        switch (c) {
        case 's':
            if (!(a->only = tls_suite_parse(optarg))) {
                fprintf(stderr, "tlssim-bench: unknown suite '%s'\n", optarg);
                return 2;
            }
            child_arg(a, "--suite", optarg);
            break;
        case 'g':
            if (!(g = tls_group_parse(optarg))) {
                fprintf(stderr, "tlssim-bench: unknown group '%s'\n", optarg);
                return 2;
            }
            a->group = g->id;
            child_arg(a, "--group", optarg);
            break;
        case 'n':
            if (!(a->n = parse_count("-n", optarg)))
                return 2;
            break;
        case 'c':
            if (!(a->count = parse_count("--count", optarg)))
                return 2;
            break;
        case 'i':
            a->instructions = true;
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
    return -1;
}

int main(int argc, char **argv)
{
    bench_args a = {NULL, TLS_GROUP_SECP256R1, 200, 0, false, {NULL}, 0};
    int status = parse_args(argc, argv, &a);
    if (status >= 0)
        return status;
    if (a.instructions) {
        char k[16];
        int count = a.count ? a.count : 3;
        snprintf(k, sizeof k, "%d", count);
        child_arg(&a, "--count", k);
        return bench_count_instructions(a.child, count);
    }
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    prim_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.rng = tls_rng_new_seeded(1, "bench");
    if (!pc.rng || !creds) {
        fputs("tlssim-bench: cannot load the demo PKI\n", stderr);
        return 1;
    }
    pc.trust = creds->trust;

    /* Lessons are loaded once, as tlssim does at start-up. */
    char err[256];
    tls_lessons *lessons = tls_lessons_open(NULL, err, sizeof err);
    int failures = 0;
    size_t ns;
    const tls_suite *suites = tls_suites_all(&ns);
    for (size_t i = 0; i < ns; i++)
        if (!a.only || a.only == &suites[i])
            failures += bench_suite(&suites[i], a.group, a.n, a.count, &pc, lessons);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (!a.count)
        printf("peak memory (RSS)      %8.1f MiB  (target < 16 MiB)\n", ru.ru_maxrss / 1024.0);
    tls_lessons_close(lessons);
    free(pc.transcript);
    tls_rng_free(pc.rng);
    return failures ? 1 : 0;
}
