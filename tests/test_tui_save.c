/* The TUI's save key without a screen: default file names, the status
 * line's forms at each width, and the files a seeded run writes (key log
 * equal to the run's values, pcap with its magic, full paths in the
 * message, one-line reasons when a file cannot be written). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "save.h"
#include "testutil.h"
#include "tlssim/sim.h"

static void test_stem(void)
{
    char out[64];
    tui_save_stem(true, 42, 0, out, sizeof out);
    test_str_eq(out, "tlssim-42", "a seeded run is named after its seed");
    tui_save_stem(true, UINT64_MAX, 0, out, sizeof out);
    test_str_eq(out, "tlssim-18446744073709551615", "the largest seed");
    /* Local time: pin the zone so the expected name is fixed. */
    setenv("TZ", "UTC", 1);
    tzset();
    tui_save_stem(false, 42, (time_t)1735689600 + 3723, out, sizeof out);
    test_str_eq(out, "tlssim-20250101-010203", "a fresh run is named after the time it was saved");
    char buf[64];
    test_str_eq(tui_save_path(NULL, "tlssim-42", ".keylog", buf, sizeof buf), "tlssim-42.keylog",
                "without --keylog: the stem and the extension, in the current folder");
    test_str_eq(tui_save_path("/tmp/k.log", "tlssim-42", ".keylog", buf, sizeof buf), "/tmp/k.log",
                "--keylog FILE is written where it says");
}

static void test_message(void)
{
    char out[512];
    tui_saved both = {"/home/ann/tls/tlssim-7.keylog", "/home/ann/tls/tlssim-7.pcap", NULL, NULL};
    tui_save_message(&both, 200, out, sizeof out);
    test_str_eq(out, "saved the key log /home/ann/tls/tlssim-7.keylog and the pcap "
                     "/home/ann/tls/tlssim-7.pcap", "wide: both full paths");
    tui_save_message(&both, 60, out, sizeof out);
    test_str_eq(out, "saved tlssim-7.keylog and tlssim-7.pcap in /home/ann/tls/",
                "narrower: the shared folder once");
    tui_save_message(&both, 40, out, sizeof out);
    test_str_eq(out, "saved /home/ann/tls/tlssim-7.keylog and .pcap",
                "narrowest: the shared name once");
    tui_saved apart = {"/a/k.keylog", "/b/p.pcap", NULL, NULL};
    tui_save_message(&apart, 20, out, sizeof out);
    test_str_eq(out, "saved /a/k.keylog and /b/p.pcap", "different folders: both paths, short");
    tui_saved pcap_only = {NULL, "/x/run.pcap", "no key log: the run stopped before the master "
                           "secret was derived", NULL};
    tui_save_message(&pcap_only, 200, out, sizeof out);
    test_str_eq(out, "saved the pcap /x/run.pcap; no key log: the run stopped before the master "
                     "secret was derived", "pcap only: the key log's reason");
    tui_saved keylog_only = {"/x/k.keylog", NULL, NULL, "cannot write /y/p.pcap: No such file"};
    tui_save_message(&keylog_only, 200, out, sizeof out);
    test_str_eq(out, "saved the key log /x/k.keylog; cannot write /y/p.pcap: No such file",
                "key log only: the pcap's reason");
    tui_saved none = {NULL, NULL, "no key log: why", "no pcap: why"};
    tui_save_message(&none, 200, out, sizeof out);
    test_str_eq(out, "nothing saved: no key log: why; no pcap: why", "nothing: both reasons");
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 65536);
    *len = buf ? fread(buf, 1, 65535, f) : 0;
    fclose(f);
    return buf;
}

static void check_keylog(const tls_trace *t, const char *path)
{
    const tls_event *cr =
        tls_trace_find_value(t, TLS_VALUE_CLIENT_RANDOM, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    const tls_event *ms =
        tls_trace_find_value(t, TLS_VALUE_MASTER_SECRET, TLS_PARTY_CLIENT, TLS_STEP_AFTER);
    char *crh = cr ? tls_hex(cr->bytes, cr->len) : NULL;
    char *msh = ms ? tls_hex(ms->bytes, ms->len) : NULL;
    char want[512];
    snprintf(want, sizeof want, "CLIENT_RANDOM %s %s\n", crh ? crh : "?", msh ? msh : "?");
    size_t len = 0;
    char *got = read_all(path, &len);
    test_str_eq(got, want, "the key log is the run's one CLIENT_RANDOM line");
    free(got);
    free(crh);
    free(msh);
}

static void check_pcap(const char *path)
{
    size_t len = 0;
    char *got = read_all(path, &len);
    static const unsigned char magic[4] = {0xd4, 0xc3, 0xb2, 0xa1};
    test_check(got && len > 24 && memcmp(got, magic, 4) == 0, "the pcap starts with its magic");
    free(got);
}

/* Relative names are saved where the program runs, and reported whole. */
static void test_files(const char *dir)
{
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.seeded = true;
    cfg.seed = 1;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    test_check(res.ok, "the seeded run completes");
    char msg[9000], keylog[4200], pcap[4200];
    test_check(tui_save_files(&t, "tlssim-1.keylog", "tlssim-1.pcap", 500, msg, sizeof msg),
               "both files are written");
    snprintf(keylog, sizeof keylog, "%s/tlssim-1.keylog", dir);
    snprintf(pcap, sizeof pcap, "%s/tlssim-1.pcap", dir);
    test_check(strstr(msg, keylog) && strstr(msg, pcap), "the message has both full paths: %s", msg);
    check_keylog(&t, keylog);
    check_pcap(pcap);
    test_check(!tui_save_files(&t, "no/such/dir/k.keylog", "tlssim-1.pcap", 500, msg, sizeof msg),
               "a key log that cannot be written is reported");
    test_check(strstr(msg, "cannot write no/such/dir/k.keylog") && strstr(msg, pcap),
               "the reason, and the pcap still written: %s", msg);
    remove(keylog);
    remove(pcap);
    tls_trace_free(&t);

    tls_trace empty;
    tls_trace_init(&empty);
    test_check(!tui_save_files(&empty, "e.keylog", "e.pcap", 500, msg, sizeof msg),
               "an empty run saves nothing");
    test_check(strncmp(msg, "nothing saved: no key log", 25) == 0 && strstr(msg, "no pcap"),
               "and says why for each file: %s", msg);
    test_check(access("e.keylog", F_OK) != 0 && access("e.pcap", F_OK) != 0,
               "no empty files are left behind");
}

int main(void)
{
    test_stem();
    test_message();
    char dir[] = "/tmp/tlssim-test-save-XXXXXX";
    char real[4096];
    if (test_check(mkdtemp(dir) != NULL, "a temporary folder") &&
        test_check(realpath(dir, real) != NULL && chdir(real) == 0, "work in it")) {
        test_files(real);
        if (chdir("/") == 0)
            rmdir(real);
    }
    return test_finish();
}
