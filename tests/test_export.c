/*
 * The key log and pcap exports (include/tlssim/export.h): the key log line
 * holds this run's client_random and master secret; the pcap parses back
 * into a TCP connection whose checksums verify, whose sequence and
 * acknowledgment numbers are consistent, and whose payload in each
 * direction is exactly the records of the trace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tlssim/export.h"
#include "tlssim/record.h"
#include "tlssim/sim.h"

static void run(tls_trace *t, tls_sim_result *res, uint64_t seed, const char *suite, bool ems)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.seeded = true;
    cfg.seed = seed;
    cfg.app_data = true;
    cfg.ems = ems;
    cfg.suite = tls_suite_parse(suite);
    cfg.kx = cfg.suite->kx;
    tls_trace_init(t);
    tls_sim_run(&cfg, t, res);
}

/* The whole content of a stream written so far. */
static uint8_t *slurp(FILE *f, size_t *n)
{
    fflush(f);
    long len = ftell(f);
    rewind(f);
    uint8_t *p = malloc(len > 0 ? (size_t)len : 1);
    *n = p ? fread(p, 1, (size_t)len, f) : 0;
    return p;
}

static void test_keylog(void)
{
    tls_trace t;
    tls_sim_result res;
    run(&t, &res, 3, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", false);
    test_check(res.ok, "seeded run succeeds");
    FILE *f = tmpfile();
    test_check(tls_keylog_write(&t, f) == TLS_OK, "key log written");
    size_t n;
    uint8_t *p = slurp(f, &n);
    fclose(f);
    const tls_event *cr =
        tls_trace_find_value(&t, TLS_VALUE_CLIENT_RANDOM, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    const tls_event *ms =
        tls_trace_find_value(&t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    char *crh = tls_hex(cr->bytes, cr->len), *msh = tls_hex(ms->bytes, ms->len);
    char want[256];
    snprintf(want, sizeof want, "CLIENT_RANDOM %s %s\n", crh, msh);
    test_check(n == strlen(want) && memcmp(p, want, n) == 0,
               "the line is CLIENT_RANDOM <client_random> <master_secret>");
    free(crh);
    free(msh);
    free(p);

    /* Saved: mode 0600, since it holds a secret. */
    char path[] = "/tmp/tlssim-test-keylog-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    tls_text why = {0};
    test_check(tls_keylog_save(&t, path, &why) == TLS_OK, "key log saved");
    struct stat st;
    test_check(stat(path, &st) == 0 && st.st_size == (off_t)strlen(want), "saved file has the line");
    unlink(path);
    path[0] = '\0';
    snprintf(path, sizeof path, "/tmp/tlssim-test-keylog-new");
    unlink(path);
    tls_keylog_save(&t, path, &why);
    test_check(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "a new key log is mode 0600");
    unlink(path);
    tls_trace_free(&t);

    /* A run that stopped before the keys: no key log, no file. */
    tls_trace empty;
    tls_trace_init(&empty);
    f = tmpfile();
    test_check(tls_keylog_write(&empty, f) == TLS_ERR_INTERNAL, "no master secret: no line");
    fclose(f);
    test_check(tls_keylog_save(&empty, path, &why) != TLS_OK && why.id == TLS_TEXT_NO_KEYLOG &&
                   access(path, F_OK) != 0,
               "no master secret: a reason, and no empty file");
    test_check(tls_pcap_save(&empty, path, &why) != TLS_OK && why.id == TLS_TEXT_NO_PCAP &&
                   access(path, F_OK) != 0,
               "no record: a reason, and no file");
}

static uint32_t be16(const uint8_t *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t be32(const uint8_t *p) { return be16(p) << 16 | be16(p + 2); }
static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t csum(uint32_t sum, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += be16(p + i);
    if (n & 1)
        sum += (uint32_t)p[n - 1] << 8;
    return sum;
}

static bool csum_ok(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum == 0xffff;
}

/* Parse the pcap and check it against the trace's records. */
static void check_pcap(const tls_trace *t, const uint8_t *p, size_t n, const char *label)
{
    test_check(n >= 24 && le32(p) == 0xa1b2c3d4 && le32(p + 4) == (2 | 4u << 16) &&
                   le32(p + 20) == 1,
               "%s: pcap 2.4 header, Ethernet link type", label);
    /* Expected payloads: the trace's records, by direction. */
    uint8_t *want[2] = {malloc(65536), malloc(65536)}, *got[2] = {malloc(65536), malloc(65536)};
    size_t wlen[2] = {0, 0}, glen[2] = {0, 0};
    size_t records = 0;
    for (size_t i = 0; i < t->n; i++) {
        const tls_event *e = &t->ev[i];
        if (e->kind != TLS_EV_RECORD)
            continue;
        int d = e->party == TLS_PARTY_CLIENT ? 0 : 1;
        memcpy(want[d] + wlen[d], e->bytes, e->len);
        wlen[d] += e->len;
        records++;
    }
    uint32_t next[2] = {0, 0};
    bool seen_syn[2] = {false, false}, fin[2] = {false, false};
    bool sums = true, seqs = true, acks = true, addrs = true;
    size_t packets = 0, at = 24;
    while (at + 16 <= n) {
        size_t caplen = le32(p + at + 8);
        const uint8_t *f = p + at + 16;
        at += 16 + caplen;
        if (at > n || caplen < 54)
            break;
        packets++;
        const uint8_t *ip = f + 14, *tcp = ip + 20;
        size_t tot = be16(ip + 2), plen = tot - 40;
        int d = ip[15] == 1 ? 0 : 1; /* source 127.0.0.1 is the client */
        addrs &= be16(f + 12) == 0x0800 && ip[9] == 6 &&
                 be16(d ? tcp : tcp + 2) == TLS_PCAP_SERVER_PORT && tot + 14 == caplen;
        sums &= csum_ok(csum(0, ip, 20));
        uint8_t pseudo[12];
        memcpy(pseudo, ip + 12, 8);
        pseudo[8] = 0;
        pseudo[9] = 6;
        pseudo[10] = (uint8_t)((tot - 20) >> 8);
        pseudo[11] = (uint8_t)(tot - 20);
        sums &= csum_ok(csum(csum(0, pseudo, 12), tcp, tot - 20));
        uint8_t flags = tcp[13];
        uint32_t seq = be32(tcp + 4), ack = be32(tcp + 8);
        if (flags & 0x02) { /* SYN */
            seen_syn[d] = true;
            next[d] = seq + 1;
        } else {
            seqs &= seen_syn[d] && seq == next[d];
            next[d] += (uint32_t)plen + ((flags & 0x01) ? 1 : 0);
        }
        if (flags & 0x10)
            acks &= ack == next[1 - d];
        fin[d] |= (flags & 0x01) != 0;
        memcpy(got[d] + glen[d], tcp + 20, plen);
        glen[d] += plen;
    }
    test_check(at == n, "%s: the file ends with a whole packet", label);
    test_check(packets == records + 6, "%s: SYN, SYN-ACK, ACK, %zu records, FIN, FIN, ACK (%zu packets)",
               label, records, packets);
    test_check(addrs, "%s: IPv4/TCP between the client and 127.0.0.2:443", label);
    test_check(sums, "%s: every IPv4 and TCP checksum verifies", label);
    test_check(seqs, "%s: sequence numbers follow the bytes sent", label);
    test_check(acks, "%s: each ACK acknowledges what the other side sent", label);
    test_check(fin[0] && fin[1], "%s: FIN both ways", label);
    for (int d = 0; d < 2; d++)
        test_bytes_eq(got[d], glen[d], want[d], wlen[d],
                      d ? "server-to-client payload = its records" : "client-to-server payload = its records");
    for (int d = 0; d < 2; d++) {
        free(want[d]);
        free(got[d]);
    }
}

static void test_pcap(void)
{
    const char *suites[] = {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256"};
    for (size_t i = 0; i < 2; i++) {
        tls_trace t;
        tls_sim_result res;
        run(&t, &res, 11, suites[i], i == 0);
        FILE *f = tmpfile();
        test_check(tls_pcap_write(&t, f) == TLS_OK, "%s: pcap written", suites[i]);
        size_t n;
        uint8_t *p = slurp(f, &n);
        fclose(f);
        check_pcap(&t, p, n, suites[i]);
        /* Same seed, same file. */
        tls_trace t2;
        run(&t2, &res, 11, suites[i], i == 0);
        f = tmpfile();
        tls_pcap_write(&t2, f);
        size_t n2;
        uint8_t *p2 = slurp(f, &n2);
        fclose(f);
        test_bytes_eq(p2, n2, p, n, "a seeded run gives the same pcap");
        free(p);
        free(p2);
        tls_trace_free(&t);
        tls_trace_free(&t2);
    }
    tls_trace empty;
    tls_trace_init(&empty);
    FILE *f = tmpfile();
    test_check(tls_pcap_write(&empty, f) == TLS_ERR_INTERNAL, "no record: no pcap");
    fclose(f);
    tls_text why = {0};
    tls_trace t;
    tls_sim_result res;
    run(&t, &res, 1, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", false);
    tls_err err = tls_pcap_save(&t, "/nonexistent-dir/x.pcap", &why);
    char *english = tls_text_english(&why);
    test_check(err == TLS_ERR_IO && english &&
                   strcmp(english, "cannot write /nonexistent-dir/x.pcap: "
                                   "No such file or directory") == 0,
               "an unwritable path is TLS_ERR_IO with the path in the reason (%s)",
               english ? english : "?");
    free(english);
    tls_trace_free(&t);
}

int main(void)
{
    test_keylog();
    test_pcap();
    return test_finish();
}
