/* A hostile DHE server (issue 10): its ServerKeyExchange is signed by the
 * certificate's key, so it passes every check but the ones on the numbers,
 * and carries a group below 2048 bits or a Ys outside 1 < Ys < p − 1
 * (0, 1, p − 1, p).  The client must stop at step 4 with the alert those
 * checks call for and say why.  The same forgery with the server's own
 * values must go through, so the harness itself is shown to work. */
#include <string.h>

#include "testutil.h"
#include "tlssim/engine.h"
#include "tlssim/handshake.h"
#include "tlssim/msg.h"
#include "tlssim/pki.h"

/* A 1024-bit group (tests/interop/dh1024-weak.pem): Logjam-sized. */
static const char weak_p_hex[] =
    "e08878fa50aebf11ba741b3671fa777ec2ec178211f38975d97ade3c0ba08b30b2f8f7eb6ffe6ea166f37fc7"
    "80dc3932bfe306e1e870d5a146622e1cc5aee58000c3a269fe5bbc2ff713169d68bc503b78424ade2d71398f"
    "dbf59053d5151d730d3f7cea7f923c5bac245d8b75f782bb8e92eafee35cd1657e96fceb6f7434b7";

static const tls_demo_credentials *creds;
static tls_rng *rng;

/* What the forged ServerKeyExchange carries instead of the server's own. */
typedef struct forgery {
    const char *what;
    const uint8_t *p, *g, *ys; /* NULL: keep the server's */
    size_t p_len, g_len, ys_len;
} forgery;

/* The server's first flight, split into records, with the randoms. */
typedef struct flight {
    uint8_t bytes[8192];
    size_t len;
    uint8_t client_random[32], server_random[32];
} flight;

/* Run a DHE_RSA handshake up to the server's first flight. */
static bool first_flight(tls_engine *cli, tls_engine *srv, flight *f)
{
    size_t n;
    if (tls_engine_write_step(cli) != TLS_OK)
        return false;
    const uint8_t *out = tls_engine_output(cli, &n);
    memcpy(f->client_random, out + 11, 32);
    tls_engine_feed(srv, out, n);
    tls_engine_output_consume(cli, n);
    while (tls_engine_my_turn(srv))
        if (tls_engine_write_step(srv) != TLS_OK)
            return false;
    out = tls_engine_output(srv, &n);
    if (n > sizeof f->bytes)
        return false;
    memcpy(f->bytes, out, n);
    f->len = n;
    memcpy(f->server_random, f->bytes + 11, 32);
    return true;
}

/* Sign \p m's params as the server would (SHA-256, PKCS#1 v1.5) into \p sig. */
static bool sign_params(const flight *f, tls_server_key_exchange *m, uint8_t *sig)
{
    tls_writer p, all;
    tls_writer_init(&p);
    tls_writer_init(&all);
    uint8_t digest[TLS_HASH_MAX];
    bool ok = tls_server_kx_params_write(m, &p) == TLS_OK;
    tls_writer_bytes(&all, f->client_random, 32);
    tls_writer_bytes(&all, f->server_random, 32);
    tls_writer_bytes(&all, p.data, p.len);
    ok = ok && tls_writer_error(&all) == TLS_OK &&
              tls_hash(TLS_HASH_SHA256, all.data, all.len, digest) == TLS_OK &&
              tls_privkey_sign(creds->key, rng, TLS_HASH_SHA256, digest, sig, &m->sig_len) ==
                  TLS_OK;
    m->sig = sig;
    m->sig_alg = 0x0401;
    tls_writer_free(&p);
    tls_writer_free(&all);
    return ok;
}

/* Write \p body as a handshake record of type 12 into \p w. */
static bool write_ske_record(tls_writer *w, const tls_writer *body)
{
    const uint8_t head[] = {TLS_CT_HANDSHAKE, 3, 3, (uint8_t)((body->len + 4) >> 8),
                            (uint8_t)(body->len + 4), TLS_HS_SERVER_KEY_EXCHANGE, 0,
                            (uint8_t)(body->len >> 8), (uint8_t)body->len};
    tls_writer_bytes(w, head, sizeof head);
    tls_writer_bytes(w, body->data, body->len);
    return tls_writer_error(w) == TLS_OK;
}

/* The flight with its ServerKeyExchange replaced by \p fg, re-signed. */
static bool forge(const flight *f, const forgery *fg, tls_writer *w)
{
    bool done = false;
    for (size_t at = 0; at + 5 <= f->len;) {
        size_t rlen = (size_t)f->bytes[at + 3] << 8 | f->bytes[at + 4];
        const uint8_t *rec = f->bytes + at;
        bool ske = rec[0] == TLS_CT_HANDSHAKE && rlen > 4 && rec[5] == TLS_HS_SERVER_KEY_EXCHANGE;
        if (ske) {
            tls_reader r;
            tls_reader_init(&r, rec + 9, rlen - 4, NULL, 0);
            tls_server_key_exchange m = {.is_dhe = true};
            uint8_t sig[512];
            tls_writer body;
            tls_writer_init(&body);
            if (tls_server_key_exchange_parse(&r, &m) != TLS_OK)
                return false;
            if (fg->p)
                m.dh_p = fg->p, m.dh_p_len = fg->p_len;
            if (fg->g)
                m.dh_g = fg->g, m.dh_g_len = fg->g_len;
            if (fg->ys)
                m.dh_ys = fg->ys, m.dh_ys_len = fg->ys_len;
            done = sign_params(f, &m, sig) && tls_server_key_exchange_write(&m, &body) == TLS_OK &&
                   write_ske_record(w, &body);
            tls_writer_free(&body);
        } else {
            tls_writer_bytes(w, rec, 5 + rlen);
        }
        at += 5 + rlen;
    }
    return done && tls_writer_error(w) == TLS_OK;
}

/* One forgery against a fresh client; \p want: TLS_OK (the client reaches
 * step 5) or the error it must stop with at step 4, \p why in its reason. */
static void check_forgery(const forgery *fg, tls_err want, const char *why)
{
    tls_engine_config cc = {0}, sc = {0};
    cc.server_name = TLS_DEMO_HOST;
    cc.trust = creds->trust;
    sc.suites[0] = tls_suite_by_id(0x009e);
    sc.nsuites = 1;
    sc.chain = creds->chain;
    sc.key = creds->key;
    tls_trace t;
    tls_trace_init(&t);
    tls_engine *cli = tls_engine_new(TLS_PARTY_CLIENT, &cc, rng, &t);
    tls_engine *srv = tls_engine_new(TLS_PARTY_SERVER, &sc, rng, &t);
    static flight f;
    tls_writer w;
    tls_writer_init(&w);
    bool ok = cli && srv && first_flight(cli, srv, &f) && forge(&f, fg, &w);
    test_check(ok, "%s: the forged flight is built", fg->what);
    if (ok)
        tls_engine_feed(cli, w.data, w.len);
    tls_err err = tls_engine_error(cli);
    if (want == TLS_OK) {
        test_check(ok && err == TLS_OK && tls_engine_my_turn(cli),
                   "%s: the client accepts it and answers (%s)", fg->what, tls_engine_why(cli));
    } else {
        const char *got = tls_engine_why(cli);
        size_t alert;
        tls_engine_output(cli, &alert);
        test_check(err == want && tls_engine_error_step(cli) == 4 && alert >= 7,
                   "%s: refused at step 4 with an alert (error %d, step %d)", fg->what, (int)err,
                   tls_engine_error_step(cli));
        test_check(got && strstr(got, why) != NULL, "%s: the reason says '%s' (got '%s')",
                   fg->what, why, got ? got : "");
    }
    tls_writer_free(&w);
    tls_engine_free(cli);
    tls_engine_free(srv);
    tls_trace_free(&t);
}

static void test_forgeries(void)
{
    tls_dh_params dh;
    tls_dh_ffdhe2048(&dh);
    static uint8_t pm1[TLS_DH_MAX], weak_p[128];
    memcpy(pm1, dh.p, dh.p_len);
    pm1[dh.p_len - 1]--; /* p is odd: p − 1 differs in its last byte */
    size_t weak_len = test_unhex(weak_p_hex, weak_p, sizeof weak_p);
    static const uint8_t zero[] = {0}, one[] = {1}, two[] = {2}, four[] = {4};
    static const uint8_t padded_one[256] = {[255] = 1};

    const forgery same = {"the server's own values, re-signed", NULL, NULL, NULL, 0, 0, 0};
    check_forgery(&same, TLS_OK, NULL);
    const forgery ys2 = {"Ys = 2", NULL, NULL, two, 0, 0, 1};
    check_forgery(&ys2, TLS_OK, NULL);

    const char *range = "dh_Ys is not between 1 and p";
    const forgery ys[] = {
        {"Ys = 0", NULL, NULL, zero, 0, 0, 1},
        {"Ys = 1", NULL, NULL, one, 0, 0, 1},
        {"Ys = 1 in 256 bytes", NULL, NULL, padded_one, 0, 0, sizeof padded_one},
        {"Ys = p - 1", NULL, NULL, pm1, 0, 0, dh.p_len},
        {"Ys = p", NULL, NULL, dh.p, 0, 0, dh.p_len},
    };
    for (size_t i = 0; i < sizeof ys / sizeof ys[0]; i++)
        check_forgery(&ys[i], TLS_ERR_ILLEGAL_PARAMETER, range);

    const forgery weak = {"a 1024-bit group", weak_p, two, four, weak_len, 1, 1};
    test_check(weak_len == 128, "the 1024-bit prime decodes");
    check_forgery(&weak, TLS_ERR_INSUFFICIENT_SECURITY,
                  "the server's DH group has 1024 bits; tlssim accepts 2048 to 8192");
    const forgery gen = {"g = p - 1", NULL, pm1, NULL, 0, dh.p_len, 0};
    check_forgery(&gen, TLS_ERR_ILLEGAL_PARAMETER, "generator g is not between 1 and p");
}

int main(void)
{
    creds = tls_demo_credentials_get();
    rng = tls_rng_new_seeded(10, "dhe-hostile");
    if (!creds || !rng)
        return 1;
    test_forgeries();
    tls_rng_free(rng);
    return test_finish();
}
