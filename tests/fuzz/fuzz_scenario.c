/* Fuzz target: the scenario parser (tls_scenario_load), then the check of
 * its scalars against each group, and the problem rendered as text. */
#include "fuzz.h"
#include "tlssim/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("scenario.txt", data, size);
    tls_scenario sc;
    tls_text err;
    char line[1024];
    if (!tls_scenario_load(path, &sc, &err)) {
        tls_text_english_into(&err, line, sizeof line);
        return 0;
    }
    static const tls_group groups[] = {TLS_GROUP_SECP256R1, TLS_GROUP_X25519, TLS_GROUP_SECP384R1};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (!tls_scenario_check_group(&sc, path, groups[i], &err))
            tls_text_english_into(&err, line, sizeof line);
    return 0;
}
