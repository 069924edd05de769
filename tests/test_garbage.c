/* Engines fed bytes no real peer would send: random records, random
 * handshake messages, messages out of order.  Every run must end in an
 * error with an alert queued — never a crash, never a hang, never success. */
#include <string.h>

#include "testutil.h"
#include "tlssim/engine.h"
#include "tlssim/msg.h"
#include "tlssim/pki.h"

static tls_x509 *trust, *chain;
static tls_privkey *key;

static void engine_configs(tls_engine_config *cc, tls_engine_config *sc)
{
    memset(cc, 0, sizeof *cc);
    memset(sc, 0, sizeof *sc);
    cc->server_name = TLS_DEMO_HOST;
    cc->trust = trust;
    sc->suites[0] = tls_suite_by_id(0xc02f);
    sc->nsuites = 1;
    sc->groups[0] = TLS_GROUP_SECP256R1;
    sc->ngroups = 1;
    sc->chain = chain;
    sc->key = key;
}

/* Feed \p n bytes, then end of stream; the engine must have failed. */
static bool fails_with_alert(tls_engine *e, const uint8_t *p, size_t n)
{
    tls_engine_feed(e, p, n);
    tls_engine_eof(e);
    size_t out;
    tls_engine_output(e, &out);
    tls_err err = tls_engine_error(e);
    /* A fatal alert record is 7 bytes in the clear. */
    return err != TLS_OK && (tls_err_is_recv_alert(err) || out >= 7);
}

static void test_random_bytes(tls_rng *rng)
{
    tls_engine_config cc, sc;
    engine_configs(&cc, &sc);
    unsigned failures = 0;
    for (int i = 0; i < 3000; i++) {
        uint8_t buf[600];
        uint8_t len_byte;
        tls_rng_bytes(rng, &len_byte, 1);
        size_t n = (size_t)len_byte * 2 + 1;
        tls_rng_bytes(rng, buf, n);
        /* Half the time make it look like a handshake record, so the bytes
         * reach the message parsers instead of dying in the record header. */
        if (i % 2) {
            buf[0] = TLS_CT_HANDSHAKE;
            buf[1] = 3;
            buf[2] = 3;
            buf[3] = (uint8_t)((n - 5) >> 8);
            buf[4] = (uint8_t)(n - 5);
            buf[5] = (uint8_t)(i % 4 == 1 ? TLS_HS_CLIENT_HELLO : TLS_HS_SERVER_HELLO);
            size_t body = n > 9 ? n - 9 : 0;
            buf[6] = 0;
            buf[7] = (uint8_t)(body >> 8);
            buf[8] = (uint8_t)body;
        }
        tls_trace t;
        tls_trace_init(&t);
        tls_engine *srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
        tls_engine *cli = tls_engine_new(TLS_PARTY_CLIENT, &cc, rng, &t);
        tls_engine_write_step(cli);
        size_t ignored;
        tls_engine_output(cli, &ignored);
        tls_engine_output_consume(cli, ignored);
        failures += !fails_with_alert(srv, buf, n);
        failures += !fails_with_alert(cli, buf, n);
        tls_engine_free(srv);
        tls_engine_free(cli);
        tls_trace_free(&t);
    }
    test_check(failures == 0, "6000 garbage inputs: every one an error with an alert (%u not)", failures);
}

/* A well-formed message at the wrong moment is unexpected_message. */
static void test_out_of_order(tls_rng *rng)
{
    tls_engine_config cc, sc;
    engine_configs(&cc, &sc);
    tls_trace t;
    tls_trace_init(&t);
    tls_engine *srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    const uint8_t done[] = {0x16, 0x03, 0x03, 0x00, 0x04, 0x0e, 0x00, 0x00, 0x00};
    tls_engine_feed(srv, done, sizeof done);
    test_check(tls_engine_error(srv) == TLS_ERR_UNEXPECTED_MESSAGE,
               "ServerHelloDone sent to a server is unexpected_message");
    test_str_eq(tls_engine_why(srv), "expected ClientHello, received ServerHelloDone", "reason");
    size_t n;
    const uint8_t *out = tls_engine_output(srv, &n);
    test_hex_eq(out, n, "15030300020" "20a", "fatal unexpected_message alert queued");
    tls_engine_free(srv);

    srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    const uint8_t ccs[] = {0x14, 0x03, 0x03, 0x00, 0x01, 0x01};
    tls_engine_feed(srv, ccs, sizeof ccs);
    test_check(tls_engine_error(srv) == TLS_ERR_UNEXPECTED_MESSAGE,
               "ChangeCipherSpec before ClientHello is unexpected_message");
    tls_engine_free(srv);

    srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    const uint8_t app[] = {0x17, 0x03, 0x03, 0x00, 0x01, 0x41};
    tls_engine_feed(srv, app, sizeof app);
    test_check(tls_engine_error(srv) == TLS_ERR_UNEXPECTED_MESSAGE,
               "application data before the handshake is unexpected_message");
    tls_engine_free(srv);

    /* An SSL 2.0-format CLIENT-HELLO is named, and refused with protocol_version. */
    srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    const uint8_t v2[] = {0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10};
    tls_engine_feed(srv, v2, sizeof v2);
    test_check(tls_engine_error(srv) == TLS_ERR_PROTOCOL_VERSION &&
                   strstr(tls_engine_why(srv), "the client sent an SSL 2.0-format ClientHello"),
               "an SSLv2 hello is named as such (%s)", tls_engine_why(srv));
    out = tls_engine_output(srv, &n);
    test_hex_eq(out, n, "15030300020246", "fatal protocol_version alert queued");
    tls_engine_free(srv);

    srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    const uint8_t http[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    tls_engine_feed(srv, http, sizeof http - 1);
    test_check(tls_engine_error(srv) != TLS_OK, "plain HTTP is refused");
    tls_engine_free(srv);
    tls_trace_free(&t);
}

int main(void)
{
    tls_rng *rng = tls_rng_new_seeded(99, "garbage");
    if (tls_x509_add_pem(&trust, tls_demo_ca_pem) != TLS_OK ||
        tls_x509_add_pem(&chain, tls_demo_server_cert_pem) != TLS_OK ||
        tls_x509_add_pem(&chain, tls_demo_intermediate_pem) != TLS_OK ||
        tls_privkey_parse_pem(&key, tls_demo_server_key_pem) != TLS_OK || !rng)
        return test_check(false, "demo PKI loads"), test_finish();
    test_random_bytes(rng);
    test_out_of_order(rng);
    tls_x509_free(trust);
    tls_x509_free(chain);
    tls_privkey_free(key);
    tls_rng_free(rng);
    return test_finish();
}
