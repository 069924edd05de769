/* Full in-process handshakes: every suite and group, both sides agreeing,
 * determinism, scenario files, and corruption of every handshake byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/crypto.h"
#include "tlssim/handshake.h"
#include "tlssim/sim.h"

static const tls_event *value(const tls_trace *t, tls_value_kind kind, tls_party who)
{
    return tls_trace_find_value(t, kind, who, TLS_STEP_AFTER);
}

static bool same_value(const tls_trace *t, tls_value_kind kind)
{
    const tls_event *c = value(t, kind, TLS_PARTY_CLIENT);
    const tls_event *s = value(t, kind, TLS_PARTY_SERVER);
    return c && s && c->len > 0 && c->len == s->len && memcmp(c->bytes, s->bytes, c->len) == 0;
}

static size_t count_kind(const tls_trace *t, tls_event_kind k)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += t->ev[i].kind == k;
    return n;
}

/* DHE: Z = Ys^x mod p from the client's private exponent and the server's
 * public value as the wire carried it; the pre-master is Z without its
 * leading zero bytes (RFC 5246 §8.1.2). */
static bool dhe_pre_master_ok(const tls_trace *t)
{
    const tls_event *x = value(t, TLS_VALUE_CLIENT_DHE_PRIVATE, TLS_PARTY_CLIENT);
    const tls_event *ys = value(t, TLS_VALUE_SERVER_DHE_PUBLIC, TLS_PARTY_WIRE);
    const tls_event *pm = value(t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_SERVER);
    tls_dh_params dh;
    tls_dh_ffdhe2048(&dh);
    uint8_t z[TLS_DH_MAX];
    size_t zlen = 0, lead = 0;
    if (!x || !ys || !pm ||
        tls_dh_shared(&dh, x->bytes, x->len, ys->bytes, ys->len, z, &zlen) != TLS_OK)
        return false;
    while (lead < zlen && z[lead] == 0)
        lead++;
    return zlen == dh.p_len && pm->len == zlen - lead && memcmp(z + lead, pm->bytes, pm->len) == 0;
}

/* ECDHE: the pre-master is the ECDH of either private key with the other
 * side's public key; recomputed here from the client's private key and the
 * server's public key as the wire carried it. */
static bool ecdhe_pre_master_ok(const tls_trace *t, uint16_t group)
{
    const tls_event *cpriv = value(t, TLS_VALUE_CLIENT_ECDHE_PRIVATE, TLS_PARTY_CLIENT);
    const tls_event *spub = value(t, TLS_VALUE_SERVER_ECDHE_PUBLIC, TLS_PARTY_WIRE);
    const tls_event *pm = value(t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_SERVER);
    uint8_t z[TLS_ECDH_SHARED_MAX];
    size_t zlen = 0;
    bool ok = cpriv && spub && pm &&
              tls_ecdh_shared(group, NULL, cpriv->bytes, cpriv->len, spub->bytes, spub->len, z,
                              &zlen) == TLS_OK;
    return ok && zlen == pm->len && memcmp(z, pm->bytes, zlen) == 0;
}

/* What each key exchange's pre-master must be, checked from outside. */
static void check_pre_master(const tls_trace *t, const tls_suite *suite,
                             const tls_group_info *group, const char *gname)
{
    const char *label = suite->name;
    if (suite->kx == TLS_KX_ECDHE_RSA) {
        const tls_event *ng = value(t, TLS_VALUE_NAMED_GROUP, TLS_PARTY_CLIENT);
        test_check(ng && ng->len == 2 && ((ng->bytes[0] << 8) | ng->bytes[1]) == (int)group->id,
                   "%s/%s: negotiated group", label, gname);
        test_check(ecdhe_pre_master_ok(t, group->id),
                   "%s/%s: pre-master = ECDH(client private, server public from the wire)",
                   label, gname);
    } else if (suite->kx == TLS_KX_DHE_RSA) {
        test_check(dhe_pre_master_ok(t), "%s: pre-master = Z of (client private, "
                   "server public from the wire), leading zeros stripped", label);
    } else {
        const tls_event *pm = value(t, TLS_VALUE_PRE_MASTER_SECRET, TLS_PARTY_CLIENT);
        test_check(pm && pm->len == 48 && pm->bytes[0] == 3 && pm->bytes[1] == 3,
                   "%s: RSA pre-master is 48 bytes starting with 0x0303", label);
        test_check(value(t, TLS_VALUE_ENCRYPTED_PRE_MASTER, TLS_PARTY_WIRE) != NULL,
                   "%s: the eavesdropper sees the encrypted pre-master", label);
    }
}

/* Values both sides compute on their own, and secrets the wire never sees. */
static const tls_value_kind shared_values[] = {
    TLS_VALUE_CLIENT_RANDOM,     TLS_VALUE_SERVER_RANDOM,     TLS_VALUE_CIPHER_SUITE,
    TLS_VALUE_PRE_MASTER_SECRET, TLS_VALUE_MASTER_SECRET,     TLS_VALUE_KEY_BLOCK,
    TLS_VALUE_CLIENT_WRITE_KEY,  TLS_VALUE_SERVER_WRITE_KEY,  TLS_VALUE_CLIENT_WRITE_IV,
    TLS_VALUE_SERVER_WRITE_IV,   TLS_VALUE_CLIENT_VERIFY_DATA, TLS_VALUE_SERVER_VERIFY_DATA};
static const tls_value_kind secret_values[] = {
    TLS_VALUE_PRE_MASTER_SECRET,    TLS_VALUE_MASTER_SECRET,
    TLS_VALUE_CLIENT_WRITE_KEY,     TLS_VALUE_SERVER_WRITE_KEY,
    TLS_VALUE_CLIENT_ECDHE_PRIVATE, TLS_VALUE_SERVER_ECDHE_PRIVATE,
    TLS_VALUE_CLIENT_DHE_PRIVATE,   TLS_VALUE_SERVER_DHE_PRIVATE};

/* The checks of one run of \p suite (with \p group, named \p gname, for ECDHE). */
static void check_run(const tls_trace *t, const tls_suite *suite, const tls_group_info *group,
                      const char *gname, int ems)
{
    const char *label = suite->name;
    for (size_t i = 0; i < sizeof shared_values / sizeof shared_values[0]; i++)
        test_check(same_value(t, shared_values[i]), "%s/%s/ems=%d: %s identical on both sides",
                   label, gname, ems, tls_value_name(shared_values[i]));
    for (size_t i = 0; i < sizeof secret_values / sizeof secret_values[0]; i++)
        test_check(!value(t, secret_values[i], TLS_PARTY_WIRE), "%s/%s: %s never on the wire",
                   label, gname, tls_value_name(secret_values[i]));
    const tls_event *cs = value(t, TLS_VALUE_CIPHER_SUITE, TLS_PARTY_CLIENT);
    test_check(cs && cs->len == 2 && ((cs->bytes[0] << 8) | cs->bytes[1]) == suite->id,
               "%s: negotiated the suite the server was set up for", label);
    const tls_event *key = value(t, TLS_VALUE_CLIENT_WRITE_KEY, TLS_PARTY_CLIENT);
    test_check(key && key->len == suite->key_len, "%s: key length %zu", label, suite->key_len);
    check_pre_master(t, suite, group, gname);
    if (suite->mac_key_len) {
        test_check(same_value(t, TLS_VALUE_CLIENT_WRITE_MAC_KEY) &&
                       same_value(t, TLS_VALUE_SERVER_WRITE_MAC_KEY),
                   "%s: both MAC keys identical on both sides", label);
        test_check(!value(t, TLS_VALUE_CLIENT_WRITE_MAC_KEY, TLS_PARTY_WIRE),
                   "%s: MAC keys never on the wire", label);
    }
    test_check(count_kind(t, TLS_EV_ALERT) == 0, "%s: no alerts", label);
}

/* The shared secrets each side computes on its own must be byte-identical,
 * and the secrets must never appear as wire values. */
static void test_all_suites_and_groups(void)
{
    size_t nsuites, ngroups;
    const tls_suite *suites = tls_suites_all(&nsuites);
    const tls_group_info *groups = tls_groups_all(&ngroups);
    for (size_t s = 0; s < nsuites; s++) {
        size_t gmax = suites[s].kx == TLS_KX_ECDHE_RSA ? ngroups : 1;
        for (size_t g = 0; g < gmax; g++) {
            for (int ems = 0; ems < 2; ems++) {
                tls_sim_config cfg;
                tls_sim_config_default(&cfg);
                cfg.suite = &suites[s];
                cfg.kx = suites[s].kx;
                cfg.group = groups[g].id;
                cfg.seeded = true;
                cfg.seed = 1000 + s * 10 + g;
                cfg.ems = ems;
                cfg.no_etm = !ems; /* CBC: both record layouts */
                tls_trace t;
                tls_trace_init(&t);
                tls_sim_result res;
                tls_err err = tls_sim_run(&cfg, &t, &res);
                const char *gname = suites[s].kx == TLS_KX_ECDHE_RSA ? groups[g].name : "-";
                test_check(err == TLS_OK && res.ok, "%s/%s/ems=%d completes (%s)",
                           suites[s].name, gname, ems, res.why);
                check_run(&t, &suites[s], &groups[g], gname, ems);
                tls_trace_free(&t);
            }
        }
    }
}

static void test_rsa_skips_step_4(void)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = TLS_KX_RSA;
    cfg.seeded = true;
    cfg.seed = 7;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    int steps = 0;
    bool skipped4 = false;
    for (size_t i = 0; i < t.n; i++) {
        if (t.ev[i].kind != TLS_EV_STEP)
            continue;
        test_check(t.ev[i].step == ++steps, "steps announced in order (%d)", t.ev[i].step);
        if (t.ev[i].step == 4)
            skipped4 = t.ev[i].skipped && t.ev[i].text && strstr(t.ev[i].text, "RSA");
    }
    test_check(res.ok && steps == 10 && skipped4, "RSA: ten steps, step 4 skipped with a reason");
    test_check(count_kind(&t, TLS_EV_RECORD) == 9, "RSA: nine records cross the channel");
    /* Each record belongs to the step of its message: the skipped step
     * has none, even though the server skips it before its Certificate
     * has crossed the channel. */
    for (int step = 1; step <= tls_flow_get(TLS_FLOW_FULL_RSA)->n; step++) {
        size_t records = 0;
        for (size_t i = 0; i < t.n; i++)
            records += t.ev[i].kind == TLS_EV_RECORD && t.ev[i].step == step;
        test_check(records == (step == 4 ? 0u : 1u), "RSA: step %d has %zu records", step, records);
    }
    tls_trace_free(&t);
}

/* Everything observable, flattened: two runs are equal iff this is. */
static char *trace_digest(const tls_trace *t)
{
    size_t cap = 1 << 20, len = 0;
    char *s = malloc(cap);
    for (size_t i = 0; s && i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        char *hex = tls_hex(e->bytes ? e->bytes : (const uint8_t *)"", e->len);
        int n = snprintf(s + len, cap - len, "%d %d %d %s %s %s\n", e->kind, e->step, e->party,
                         e->name ? e->name : "", hex ? hex : "", e->text ? e->text : "");
        free(hex);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
    return s;
}

static char *run_digest(uint64_t seed, tls_kx kx)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.seeded = true;
    cfg.seed = seed;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_run(&cfg, &t, NULL);
    char *d = trace_digest(&t);
    tls_trace_free(&t);
    return d;
}

static void test_determinism(void)
{
    for (int kx = 0; kx < 3; kx++) {
        char *a = run_digest(42, (tls_kx)kx), *b = run_digest(42, (tls_kx)kx);
        char *c = run_digest(43, (tls_kx)kx);
        test_check(a && b && strcmp(a, b) == 0, "kx %d: same seed, identical trace", kx);
        test_check(a && c && strcmp(a, c) != 0, "kx %d: different seed, different trace", kx);
        free(a);
        free(b);
        free(c);
    }
    /* Without a seed, two runs differ (real entropy). */
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    tls_trace t1, t2;
    tls_trace_init(&t1);
    tls_trace_init(&t2);
    tls_sim_run(&cfg, &t1, NULL);
    tls_sim_run(&cfg, &t2, NULL);
    const tls_event *r1 = value(&t1, TLS_VALUE_CLIENT_RANDOM, TLS_PARTY_CLIENT);
    const tls_event *r2 = value(&t2, TLS_VALUE_CLIENT_RANDOM, TLS_PARTY_CLIENT);
    test_check(r1 && r2 && memcmp(r1->bytes, r2->bytes, 32) != 0, "unseeded randoms differ");
    tls_trace_free(&t1);
    tls_trace_free(&t2);
}

static void test_scenario_values(void)
{
    tls_scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.has_client_random = sc.has_server_random = true;
    for (int i = 0; i < 32; i++) {
        sc.client_random[i] = (uint8_t)i;
        sc.server_random[i] = (uint8_t)(0xff - i);
    }
    sc.has_client_ecdhe_private = sc.has_server_ecdhe_private = true;
    sc.client_ecdhe_private_len = sc.server_ecdhe_private_len = 32;
    memset(sc.client_ecdhe_private, 0x11, 32);
    memset(sc.server_ecdhe_private, 0x22, 32);
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.scenario = &sc;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    test_check(res.ok, "scenario run completes (%s)", res.why);
    const tls_event *cr = value(&t, TLS_VALUE_CLIENT_RANDOM, TLS_PARTY_WIRE);
    const tls_event *sp = value(&t, TLS_VALUE_SERVER_ECDHE_PRIVATE, TLS_PARTY_SERVER);
    const tls_event *spub = value(&t, TLS_VALUE_SERVER_ECDHE_PUBLIC, TLS_PARTY_WIRE);
    test_check(cr && memcmp(cr->bytes, sc.client_random, 32) == 0, "client_random from the scenario");
    test_check(sp && sp->len == 32 && memcmp(sp->bytes, sc.server_ecdhe_private, 32) == 0,
               "server private scalar from the scenario");
    uint8_t pub[TLS_ECDH_PUB_MAX];
    size_t publen = 0;
    tls_ecdh_public(TLS_GROUP_SECP256R1, sc.server_ecdhe_private, 32, pub, &publen);
    test_check(spub && spub->len == publen && memcmp(spub->bytes, pub, publen) == 0,
               "server public point computed from the fixed scalar");
    tls_trace_free(&t);
}

/* The step whose message record \p r carries, in channel order. */
static int record_step(tls_kx kx, size_t r)
{
    int step = kx == TLS_KX_RSA && r >= 3 ? (int)r + 2 /* no ServerKeyExchange record */
                                           : (int)r + 1;
    return step < TLS_STEP_AFTER ? step : TLS_STEP_AFTER;
}

/* Run with one byte of one record XORed with mask: 0 when the handshake
 * succeeded, 1 when it failed with an alert at a believable step (never
 * before the tampered record's own step, and no step announced after the
 * one that failed), 2 otherwise. */
static int tamper_run_with(tls_kx kx, const tls_suite *suite, bool no_etm, size_t record,
                           size_t offset, uint8_t mask, size_t *records)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.suite = suite;
    cfg.no_etm = no_etm;
    cfg.seeded = true;
    cfg.seed = 5;
    cfg.tamper = (tls_tamper){true, record, offset, mask};
    cfg.app_data = true;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    size_t alerts = count_kind(&t, TLS_EV_ALERT);
    if (records)
        *records = count_kind(&t, TLS_EV_RECORD);
    int announced = tls_trace_last_announced(&t);
    tls_trace_free(&t);
    if (res.ok)
        return 0;
    /* A corrupted message is caught by whoever reads it: the side that stops
     * the handshake at step N is the receiver of step N's message. */
    const tls_msg_info *failed = tls_flow_msg(tls_sim_result_flow(&res), res.failed_step);
    bool step_ok = res.failed_step >= record_step(kx, record) &&
                   (announced == res.failed_step || res.failed_step == TLS_STEP_AFTER) &&
                   (!failed || failed->sender != res.failed_party);
    return alerts > 0 && step_ok ? 1 : 2;
}


/* Sizes of every record of an untampered run: the handshake, the GET, the
 * page and both close_notify alerts. */
static size_t record_sizes_with(tls_kx kx, const tls_suite *suite, bool no_etm, size_t *sizes,
                                size_t max)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.suite = suite;
    cfg.no_etm = no_etm;
    cfg.seeded = true;
    cfg.seed = 5;
    cfg.app_data = true;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_run(&cfg, &t, NULL);
    size_t n = 0;
    for (size_t i = 0; i < t.n && n < max; i++)
        if (t.ev[i].kind == TLS_EV_RECORD)
            sizes[n++] = t.ev[i].len;
    tls_trace_free(&t);
    return n;
}


/* The record protections beyond AES-GCM: every bit-0 flip of every byte of
 * every protected record (both Finished, the GET, the page, both
 * close_notify) of a ChaCha20-Poly1305 run and of CBC runs with and without
 * encrypt-then-MAC ends in an alert at a believable step. */
static void test_new_records_byte_flip(void)
{
    static const struct {
        uint16_t suite;
        bool no_etm;
    } runs[] = {{0xcca8, false}, {0xc013, false}, {0xc013, true}, {0x003c, true}};
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        const tls_suite *s = tls_suite_by_id(runs[k].suite);
        size_t sizes[16];
        size_t nrec = record_sizes_with(s->kx, s, runs[k].no_etm, sizes, 16);
        size_t nhs = s->kx == TLS_KX_RSA ? 9u : 10u;
        size_t flips = 0, bad = 0;
        for (size_t r = nhs - 3; r < nrec; r++) {
            if (r == nhs - 2) /* the server's ChangeCipherSpec: in the clear */
                continue;
            for (size_t off = 0; off < sizes[r]; off++) {
                int rc = tamper_run_with(s->kx, s, runs[k].no_etm, r, off, 0x01, NULL);
                flips++;
                if (rc != 1) {
                    bad++;
                    test_check(false, "%s etm=%d: record %zu byte %zu ^01: rc %d", s->name,
                               !runs[k].no_etm, r, off, rc);
                }
            }
        }
        test_check(nrec == nhs + 4 && bad == 0 && flips > 300,
                   "%s etm=%d: %zu flips of protected records, every one ended in an alert",
                   s->name, !runs[k].no_etm, flips);
    }
}

/* Hostile, end to end: in a MAC-then-encrypt run, a flip in the IV of the
 * GET record changes its first plaintext block (a bad MAC, good padding);
 * a flip in the last byte of its second-to-last ciphertext block changes
 * the padding length byte (a bad padding).  The server answers both with
 * the same alert and the same words: nothing tells them apart. */
static void test_cbc_padding_and_mac_alike(void)
{
    const tls_suite *s = tls_suite_by_id(0xc013);
    size_t sizes[16];
    size_t nrec = record_sizes_with(s->kx, s, true, sizes, 16);
    if (!test_check(nrec >= 11, "CBC run has a GET record"))
        return;
    size_t get = 10, pad_off = sizes[get] - 16 - 1; /* last byte of the block before the last */
    size_t offsets[2] = {5, pad_off};              /* the IV's first byte; the padding byte */
    tls_sim_result res[2];
    for (int i = 0; i < 2; i++) {
        tls_sim_config cfg;
        tls_sim_config_default(&cfg);
        cfg.kx = s->kx;
        cfg.suite = s;
        cfg.no_etm = true;
        cfg.seeded = true;
        cfg.seed = 5;
        cfg.app_data = true;
        cfg.tamper = (tls_tamper){true, get, offsets[i], 0x01};
        tls_trace t;
        tls_trace_init(&t);
        tls_sim_run(&cfg, &t, &res[i]);
        tls_trace_free(&t);
    }
    test_check(!res[0].ok && res[0].err == TLS_ERR_BAD_RECORD_MAC, "bad MAC: bad_record_mac (%s)",
               res[0].why);
    test_check(!res[1].ok && res[1].err == TLS_ERR_BAD_RECORD_MAC,
               "bad padding: bad_record_mac (%s)", res[1].why);
    test_str_eq(res[0].why, res[1].why, "bad padding and bad MAC: the same reason");
    test_check(res[0].failed_party == res[1].failed_party &&
                   res[0].failed_step == res[1].failed_step,
               "bad padding and bad MAC: the same side stops at the same step");
}

static void test_every_byte_flip(void)
{
    static const uint8_t masks[] = {0xff, 0x01, 0x80};
    /* kx 3: ECDHE with the ECDSA certificate (TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256):
     * other signatures, DER inside. */
    const tls_suite *ecdsa = tls_suite_by_id(0xc02b);
    for (int kx = 0; kx < 4; kx++) {
        const tls_suite *suite = kx == 3 ? ecdsa : NULL;
        tls_kx k = kx == 3 ? TLS_KX_ECDHE_RSA : (tls_kx)kx;
        size_t sizes[16];
        size_t nrec = record_sizes_with(k, suite, false, sizes, 16);
        size_t nhs = k == TLS_KX_RSA ? 9u : 10u;
        test_check(nrec == nhs + 4, "kx %d: records %zu (handshake, GET, page, 2 close_notify)",
                   kx, nrec);
        size_t runs = 0, successes = 0, silent = 0;
        for (size_t r = 0; r < nrec; r++) {
            for (size_t off = 0; off < sizes[r]; off++) {
                /* After the handshake every byte is length, header or
                 * AEAD-protected: one mask per byte is enough there. */
                size_t nmasks = r < nhs ? sizeof masks : 1;
                for (size_t m = 0; m < nmasks; m++) {
                    int rc = tamper_run_with(k, suite, false, r, off, masks[m], NULL);
                    runs++;
                    /* RFC 5246 Appendix E.1: the version in the record that
                     * carries the ClientHello is not authenticated, and a
                     * server accepts 0x0301-0x0303 there.  0x0303^0x01 =
                     * 0x0302 is such a value: the one flip that must pass. */
                    bool allowed = r == 0 && off == 2 && masks[m] == 0x01;
                    if (rc == 0 && allowed)
                        continue;
                    if (rc == 0) {
                        successes++;
                        test_check(false, "kx %d: flipping record %zu byte %zu with %02x succeeded",
                                   kx, r, off, masks[m]);
                    } else if (rc == 2) {
                        silent++;
                        test_check(false, "kx %d: record %zu byte %zu ^%02x: no alert, or a wrong step",
                                   kx, r, off, masks[m]);
                    }
                }
            }
        }
        test_check(successes == 0 && silent == 0 && runs > 2000,
                   "kx %d: %zu corrupted runs, every one ended in an alert", kx, runs);
        test_check(tamper_run_with(k, suite, false, 0, 2, 0x01, NULL) == 0,
                   "kx %d: ClientHello record version 0x0302 is accepted (unauthenticated field)", kx);
    }
}

int main(void)
{
    test_all_suites_and_groups();
    test_rsa_skips_step_4();
    test_determinism();
    test_scenario_values();
    test_every_byte_flip();
    test_new_records_byte_flip();
    test_cbc_padding_and_mac_alike();
    return test_finish();
}
