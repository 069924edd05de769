/* Fuzz target: the client engine, after it has written its ClientHello,
 * fed a server's bytes (fuzz_engine.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_engine_run(TLS_PARTY_CLIENT, data, size);
    return 0;
}
