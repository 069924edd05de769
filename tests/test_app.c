/* The app layer's run description: what the TUI's keys change between runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/app.h"

/* A scenario whose ECDHE scalars are 32 bytes fits secp256r1 and x25519
 * but not secp384r1: the TUI's g must skip P-384 (which would fail in the
 * middle of the run) and come back round, as the command line refuses the
 * combination at the scenario's line. */
static void test_next_group_skips_what_the_scenario_cannot_use(void)
{
    char path[] = "/tmp/tlssim-test-app-XXXXXX";
    int fd = mkstemp(path);
    test_check(fd >= 0, "temporary scenario");
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "w");
    fputs("client_ecdhe_private = ", f);
    for (int i = 0; i < 32; i++)
        fputs("11", f);
    fputs("\n", f);
    fclose(f);
    tls_scenario sc;
    tls_text err;
    bool loaded = tls_scenario_load(path, &sc, &err);
    remove(path);
    test_check(loaded, "scenario loads");
    if (!loaded)
        return;
    tls_app_run r;
    tls_app_run_init(&r, TLS_LANG_EN);
    r.sim.scenario = &sc;
    r.sim.group = TLS_GROUP_SECP256R1;
    const tls_group_info *g = tls_app_next_group(&r);
    test_check(g && g->id == TLS_GROUP_X25519, "secp256r1 -> x25519");
    g = tls_app_next_group(&r);
    test_check(g && g->id == TLS_GROUP_SECP256R1, "x25519 -> secp256r1 (secp384r1 skipped)");
    r.sim.scenario = NULL;
    r.sim.group = TLS_GROUP_X25519;
    g = tls_app_next_group(&r);
    test_check(g && g->id == TLS_GROUP_SECP384R1, "without a scenario: x25519 -> secp384r1");
}

int main(void)
{
    test_next_group_skips_what_the_scenario_cannot_use();
    return test_finish();
}
