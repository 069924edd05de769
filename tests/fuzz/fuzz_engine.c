/*
 * An engine fed a peer's bytes, for fuzz_server.c and fuzz_client.c.  The
 * first byte says how the rest is cut into reads (a real peer's bytes
 * arrive in pieces of any size; 0: all in one read); then the end of the
 * stream.  The engine answers whenever it is its turn, as a driver would.
 * Whatever the bytes, it must stay within its bounds (ASan, UBSan).
 */
#include <string.h>

#include "fuzz.h"
#include "tlssim/crypto.h"
#include "tlssim/engine.h"
#include "tlssim/pki.h"

void fuzz_engine_run(tls_party role, const uint8_t *data, size_t size)
{
    const tls_demo_credentials *creds = tls_demo_credentials_get();
    if (size < 1 || !creds)
        return;
    bool client = role == TLS_PARTY_CLIENT;
    size_t chunk = data[0];
    data++, size--;
    tls_engine_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.server_name = TLS_DEMO_HOST;
    cfg.trust = creds->trust;
    cfg.chain = creds->server[TLS_KEY_RSA].chain;
    cfg.key = creds->server[TLS_KEY_RSA].key;
    tls_rng *rng = tls_rng_new_seeded(1, "fuzz");
    tls_trace t;
    tls_trace_init(&t);
    tls_engine *e = rng ? tls_engine_new(client ? TLS_PARTY_CLIENT : TLS_PARTY_SERVER, &cfg, rng, &t)
                        : NULL;
    if (e && client)
        tls_engine_write_step(e);
    for (size_t at = 0; e && at < size;) {
        size_t n = chunk && chunk < size - at ? chunk : size - at;
        tls_engine_feed(e, data + at, n);
        size_t out;
        tls_engine_output(e, &out);
        tls_engine_output_consume(e, out);
        /* The engine's turn: it answers, as a driver would let it. */
        while (tls_engine_my_turn(e) && tls_engine_write_step(e) == TLS_OK) {
        }
        at += n;
    }
    if (e)
        tls_engine_eof(e);
    tls_engine_free(e);
    tls_trace_free(&t);
    tls_rng_free(rng);
}
