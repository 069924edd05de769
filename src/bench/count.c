/*
 * tlssim-bench --instructions: the ratio and the share outside crypto in
 * instructions, which the machine's load does not move.
 *
 * Runs this same program as `tlssim-bench --count K` under valgrind's
 * callgrind, collecting only inside count_handshakes (K handshakes) and
 * count_primitives (the primitives of K handshakes, called in turn), with a
 * dump after each (count_done), and reads the dumps: per suite, the
 * instructions of a handshake, of its primitives, their ratio, and the
 * instructions outside the calls from tlssim's code into libmbedcrypto and
 * libmbedx509 (hashes, HMAC, the DRBG, ciphers, ECDH, RSA, X.509, and the
 * allocations mbedTLS makes for them).
 */
#include "count.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* callgrind names each object once as "(id) path", then "(id)": which ids
 * are mbedTLS's libraries, by id. */
typedef struct objects {
    bool *crypto;
    size_t n;
} objects;

/* Whether the object named by \p val ("(id) path" or "(id)") is crypto. */
static bool object_is_crypto(objects *o, const char *val)
{
    char *end;
    size_t id = val[0] == '(' ? strtoul(val + 1, &end, 10) : 0;
    if (val[0] != '(' || *end != ')')
        return strstr(val, "libmbedcrypto") || strstr(val, "libmbedx509");
    if (end[1] == ' ') {
        if (id >= o->n) {
            size_t n = id + 64;
            bool *p = realloc(o->crypto, n * sizeof *p);
            if (!p)
                return false;
            memset(p + o->n, 0, (n - o->n) * sizeof *p);
            o->crypto = p;
            o->n = n;
        }
        o->crypto[id] = strstr(end, "libmbedcrypto") || strstr(end, "libmbedx509");
    }
    return id < o->n && o->crypto[id];
}

/* One call edge of a dump: caller and callee (function ids), whether each
 * is crypto, and the call's inclusive instructions. */
typedef struct edge {
    size_t from, to;
    bool from_crypto, to_crypto;
    unsigned long long ir;
} edge;

typedef struct dump {
    edge *e;
    size_t n, cap;
    size_t max_fn;          /* the largest function id seen */
    unsigned long long total;
} dump;

/* The id of "(id) name" or "(id)"; 0 without one. */
static size_t name_id(const char *val)
{
    return val[0] == '(' ? strtoul(val + 1, NULL, 10) : 0;
}

static bool edge_add(dump *d, const edge *e)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 1024;
        edge *p = realloc(d->e, cap * sizeof *p);
        if (!p)
            return false;
        d->e = p;
        d->cap = cap;
    }
    d->e[d->n++] = *e;
    d->max_fn = e->from > d->max_fn ? e->from : d->max_fn;
    d->max_fn = e->to > d->max_fn ? e->to : d->max_fn;
    return true;
}

/* Reads a dump's self costs (into total) and its call edges. */
static bool dump_read(FILE *f, dump *d)
{
    objects o = {NULL, 0};
    bool ob = false, cob = false, have_cob = false, call = false, ok = true;
    size_t fn = 0, cfn = 0;
    char line[4096];
    while (ok && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "ob=", 3) == 0) {
            ob = object_is_crypto(&o, line + 3);
        } else if (strncmp(line, "fn=", 3) == 0) {
            fn = name_id(line + 3);
        } else if (strncmp(line, "cob=", 4) == 0) {
            cob = object_is_crypto(&o, line + 4);
            have_cob = true;
        } else if (strncmp(line, "cfn=", 4) == 0) {
            cfn = name_id(line + 4);
        } else if (strncmp(line, "calls=", 6) == 0) {
            call = true;
        } else if ((line[0] >= '0' && line[0] <= '9') || strchr("+-*", line[0])) {
            /* "position cost": the cost of a call is inclusive. */
            char *sp = strchr(line, ' ');
            unsigned long long ir = sp ? strtoull(sp + 1, NULL, 10) : 0;
            if (call) {
                edge e = {fn, cfn, ob, have_cob ? cob : ob, ir};
                ok = edge_add(d, &e);
                call = have_cob = false;
            } else {
                d->total += ir;
            }
        }
    }
    free(o.crypto);
    return ok;
}

/* The instructions inside crypto: the calls from code that is not crypto
 * into code that is, each inclusive, but only as far as the caller itself
 * was not running under crypto.  mbedTLS calls back into code that is not
 * its own (tlssim's random-number callback, and the PLT stubs of its own
 * library, which callgrind places in no object), and what those call into
 * mbedTLS is already inside the outer call's count.  under[f], the share of
 * f's calls made under crypto, is found by passing it down the call graph
 * (each caller's calls into f weighted by the caller's own share) until it
 * settles; recursion makes that a fixed point, not a single pass. */
static unsigned long long dump_crypto(const dump *d)
{
    size_t n = d->max_fn + 1;
    double *under = calloc(n, sizeof *under), *in_all = calloc(n, sizeof *in_all);
    double *in_crypto = calloc(n, sizeof *in_crypto);
    double crypto = 0;
    for (int round = 0; under && in_all && in_crypto && round < 64; round++) {
        memset(in_all, 0, n * sizeof *in_all);
        memset(in_crypto, 0, n * sizeof *in_crypto);
        for (size_t i = 0; i < d->n; i++) {
            const edge *e = &d->e[i];
            if (e->to_crypto)
                continue;
            in_all[e->to] += (double)e->ir;
            in_crypto[e->to] += (double)e->ir * (e->from_crypto ? 1.0 : under[e->from]);
        }
        for (size_t f = 0; f < n; f++)
            under[f] = in_all[f] > 0 ? in_crypto[f] / in_all[f] : 0;
    }
    for (size_t i = 0; under && i < d->n; i++) {
        const edge *e = &d->e[i];
        if (e->to_crypto && !e->from_crypto)
            crypto += (double)e->ir * (1.0 - under[e->from]);
    }
    free(under);
    free(in_all);
    free(in_crypto);
    return (unsigned long long)(crypto + 0.5);
}

/* Instructions in one callgrind dump: all of them, and those inside crypto
 * (dump_crypto). */
static bool dump_split(const char *path, unsigned long long *total, unsigned long long *crypto)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    dump d = {NULL, 0, 0, 0, 0};
    bool ok = dump_read(f, &d);
    fclose(f);
    *total = d.total;
    *crypto = ok ? dump_crypto(&d) : 0;
    free(d.e);
    return ok;
}

/* Runs callgrind on this program; its stdout (the suites' names) into
 * \p names_path.  0 when it ran and exited 0, 77 when valgrind could not
 * be started, 1 when the counting run failed. */
static int run_callgrind(const char *dir, const char *names_path, char *const *bench_args)
{
    char self[4096], out[4200];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return 1;
    self[n] = '\0';
    snprintf(out, sizeof out, "--callgrind-out-file=%s/callgrind.out", dir);
    char *argv[32] = {"valgrind", "--tool=callgrind", out, "--collect-atstart=no",
                      "--toggle-collect=count_handshakes", "--toggle-collect=count_primitives",
                      "--dump-before=count_done", self};
    size_t argc = 8;
    for (size_t i = 0; bench_args[i] && argc < 31; i++)
        argv[argc++] = bench_args[i];
    argv[argc] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, names_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int status = 0;
    bool spawned = posix_spawnp(&pid, "valgrind", &fa, NULL, argv, environ) == 0;
    posix_spawn_file_actions_destroy(&fa);
    if (!spawned)
        return 77;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return 1;
    return WEXITSTATUS(status) == 0 ? 0 : WEXITSTATUS(status) == 127 ? 77 : 1;
}

/* Reads the dumps, one pair per suite named in \p names, and prints. */
static int report(const char *dir, FILE *names, int count)
{
    char name[256], path[4200];
    double worst_ratio = 0, worst_share = 0;
    int part = 0, suites = 0;
    while (fgets(name, sizeof name, names)) {
        name[strcspn(name, "\n")] = '\0';
        unsigned long long total, crypto, prims, unused;
        snprintf(path, sizeof path, "%s/callgrind.out.%d", dir, ++part);
        bool ok = dump_split(path, &total, &crypto);
        snprintf(path, sizeof path, "%s/callgrind.out.%d", dir, ++part);
        if (!ok || !dump_split(path, &prims, &unused) || total == 0 || prims == 0) {
            printf("%s: nothing was counted\n", name);
            return 1;
        }
        double ratio = (double)total / (double)prims;
        double share = 100.0 * (double)(total - crypto) / (double)total;
        worst_ratio = ratio > worst_ratio ? ratio : worst_ratio;
        worst_share = share > worst_share ? share : worst_share;
        printf("%s\n", name);
        printf("  %-24s %12llu  (callgrind, %d handshakes)\n", "instructions/handshake",
               total / (unsigned)count, count);
        printf("  %-24s %12llu  (as tlssim-bench lists them, called in turn)\n", "its primitives",
               prims / (unsigned)count);
        printf("  %-24s %12.3f  handshake / primitives, instructions (target <= 1.05)\n",
               "overhead", ratio);
        printf("  %-24s %12llu  = %.2f %% of a handshake (target <= 1 %%)\n",
               "outside crypto calls", (total - crypto) / (unsigned)count, share);
        suites++;
    }
    if (suites == 0)
        return 1;
    printf("worst: overhead %.3f, outside crypto %.2f %%\n", worst_ratio, worst_share);
    return 0;
}

/* Removes what callgrind and run_callgrind wrote into \p dir, and dir. */
static void cleanup(const char *dir, const char *names_path)
{
    char path[4200];
    unlink(names_path);
    snprintf(path, sizeof path, "%s/callgrind.out", dir);
    unlink(path);
    for (int i = 1;; i++) {
        snprintf(path, sizeof path, "%s/callgrind.out.%d", dir, i);
        if (unlink(path) != 0)
            break;
    }
    rmdir(dir);
}

int bench_count_instructions(char *const *bench_args, int count)
{
    char dir[] = "/tmp/tlssim-callgrind-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("tlssim-bench: mkdtemp");
        return 1;
    }
    char names_path[sizeof dir + 16];
    snprintf(names_path, sizeof names_path, "%s/names", dir);
    int status = run_callgrind(dir, names_path, bench_args);
    if (status == 77) {
        fputs("tlssim-bench: valgrind --tool=callgrind did not run (is valgrind installed?)\n",
              stderr);
    } else if (status != 0) {
        fputs("tlssim-bench: the counting run under callgrind failed\n", stderr);
    } else {
        FILE *names = fopen(names_path, "r");
        status = names ? report(dir, names, count) : 1;
        if (names)
            fclose(names);
    }
    cleanup(dir, names_path);
    return status;
}
