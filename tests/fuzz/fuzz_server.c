/* Fuzz target: the server engine fed a client's bytes (fuzz_engine.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_engine_run(TLS_PARTY_SERVER, data, size);
    return 0;
}
