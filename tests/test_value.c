/* The value catalogue (value.h): its JSON names are unique and exactly the
 * list README.md documents, in order; names come back as kinds only when
 * spelt exactly; texts derive from bytes by display form; lesson
 * placeholders reach the lookup as the kind they name;
 * and the table's properties hold in real ECDHE and RSA runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/lessons.h"
#include "tlssim/sim.h"
#include "tlssim/value.h"

/* The backquoted names after "Value names:" in README.md, up to the
 * sentence's full stop, joined with spaces. */
static bool documented_names(const char *readme, char *out, size_t cap)
{
    FILE *f = fopen(readme, "r");
    if (!f)
        return false;
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *p = strstr(text, "Value names:");
    size_t k = 0;
    out[0] = '\0';
    for (bool in = false; p && *p && !(*p == '.' && !in) && k + 2 < cap; p++) {
        if (*p == '`') {
            if (in && k + 1 < cap)
                out[k++] = ' ';
            in = !in;
        } else if (in) {
            out[k++] = *p;
        }
    }
    if (k)
        k--;                            /* the last separator */
    out[k] = '\0';
    return p != NULL;
}

static void test_names(const char *readme)
{
    char doc[2048], table[2048];
    size_t k = 0;
    for (int i = 0; i < TLS_VALUE_COUNT; i++)
        k += (size_t)snprintf(table + k, sizeof table - k, "%s%s", i ? " " : "",
                              tls_value_name((tls_value_kind)i));
    test_check(documented_names(readme, doc, sizeof doc), "README.md lists the value names");
    test_str_eq(table, doc, "the table's names are README.md's, in its order");
    for (int i = 0; i < TLS_VALUE_COUNT; i++)
        for (int j = i + 1; j < TLS_VALUE_COUNT; j++)
            test_check(strcmp(tls_value_name((tls_value_kind)i),
                              tls_value_name((tls_value_kind)j)) != 0,
                       "names %d and %d differ", i, j);
    for (int i = 0; i < TLS_VALUE_COUNT; i++) {
        const char *name = tls_value_name((tls_value_kind)i);
        tls_value_kind back = TLS_VALUE_COUNT;
        test_check(tls_value_kind_of(name, strlen(name), &back) && back == (tls_value_kind)i,
                   "%s names kind %d", name, i);
        test_check(!tls_value_kind_of(name, strlen(name) - 1, &back),
                   "%s without its last letter names nothing", name);
    }
    static const char *const wrong[] = {"", "client_randon", "Client_Random", "client_random_",
                                        "master secret", "?"};
    tls_value_kind back;
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++)
        test_check(!tls_value_kind_of(wrong[i], strlen(wrong[i]), &back),
                   "'%s' names no value", wrong[i]);
    test_str_eq(tls_value_name(TLS_VALUE_COUNT), "?", "out of range: '?'");
}

/* Texts derived from bytes by display form, where runs do not reach. */
static void test_describe(void)
{
    char buf[TLS_VALUE_TEXT_MAX];
    static const uint8_t cbc[2] = {0x00, 0x2f}, p192[2] = {0x00, 0x13}, host[3] = {'a', '.', 'b'};
    test_str_eq(tls_value_describe(TLS_VALUE_CIPHER_SUITE, cbc, 2, buf),
                "TLS_RSA_WITH_AES_128_CBC_SHA", "a suite tlssim lacks is named as on the wire");
    test_check(!tls_value_describe(TLS_VALUE_NAMED_GROUP, p192, 2, buf),
               "a group tlssim lacks has no text");
    test_check(!tls_value_describe(TLS_VALUE_CIPHER_SUITE, cbc, 1, buf), "a suite code is 2 bytes");
    test_str_eq(tls_value_describe(TLS_VALUE_SERVER_NAME, host, 3, buf), "a.b", "a host name");
    uint8_t long_host[TLS_VALUE_TEXT_MAX];
    memset(long_host, 'a', sizeof long_host);
    test_check(!tls_value_describe(TLS_VALUE_SERVER_NAME, long_host, sizeof long_host, buf),
               "a host name longer than the room has no text");
    test_check(!tls_value_describe(TLS_VALUE_SERVER_CERTIFICATE, host, 3, buf) &&
               !tls_value_describe(TLS_VALUE_MASTER_SECRET, cbc, 2, buf),
               "a certificate and hex values have no derived text");
}

/* A lookup that answers with the kind's own name and form, so what a
 * placeholder rendered to says which kind reached the lookup. */
static char *echo_lookup(void *ctx, tls_value_kind kind, tls_value_form form)
{
    (void)ctx;
    static const char *const forms[] = {"", ".hex", ".short", ".len"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s", tls_value_name(kind), forms[form]);
    return strdup(buf);
}

static char *render_line(const char *md)
{
    tls_render_opts o = {.width = 200, .lang = TLS_LANG_EN, .lookup = echo_lookup};
    tls_ldoc doc = {0};
    tls_markdown_render(&doc, NULL, md, &o);
    char *s = tls_ldoc_to_text(&doc);
    tls_ldoc_free(&doc);
    return s;
}

static void test_placeholders(void)
{
    static const char *const forms[] = {"", ".hex", ".short", ".len"};
    for (int i = 0; i < TLS_VALUE_COUNT; i++) {
        for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
            char md[96], want[96];
            const char *name = tls_value_name((tls_value_kind)i);
            snprintf(md, sizeof md, "{{ %s%s }}", name, forms[f]);
            snprintf(want, sizeof want, "%s%s\n", name, forms[f]);
            char *got = render_line(md);
            test_str_eq(got, want, "a placeholder reaches the lookup as its kind and form");
            free(got);
        }
    }
    char *got = render_line("{{client_randon}}");
    test_str_eq(got, "{{client_randon}}\n", "a misspelt placeholder is left as written");
    free(got);
}

/* VALUE events of runs measured against the table. */
typedef struct seen {
    bool by[3][TLS_VALUE_COUNT];        /* [party][kind]: learned in some run */
} seen;

/* Table order is learning order within a run (step numbers of different
 * flows do not compare), but for named_group: a negotiated parameter
 * listed beside cipher_suite (value.h). */
static void check_order(const char *kxn, const int first_step[TLS_VALUE_COUNT])
{
    for (int k = 1, prev = -1; k < TLS_VALUE_COUNT; k++) {
        if (k == TLS_VALUE_NAMED_GROUP || !first_step[k])
            continue;
        if (prev >= 0)
            test_check(first_step[prev] <= first_step[k], "%s: %s (step %d) is learned before "
                       "%s (step %d): table order", kxn, tls_value_name((tls_value_kind)prev),
                       first_step[prev], tls_value_name((tls_value_kind)k), first_step[k]);
        prev = k;
    }
}

static void check_run(tls_kx kx, tls_client_auth auth, tls_resume_mode resume, uint16_t suite,
                      seen *s)
{
    int first_step[TLS_VALUE_COUNT] = {0};  /* step of the first learning, 0 = never */
    tls_sim_config cfg;
    tls_sim_config_default(&cfg);
    cfg.kx = kx;
    cfg.client_auth = auth;
    cfg.resume = resume;
    cfg.suite = suite ? tls_suite_by_id(suite) : tls_suite_default(kx);
    cfg.seeded = true;
    cfg.seed = 8;
    tls_trace t;
    tls_trace_init(&t);
    tls_sim_result res;
    tls_sim_run(&cfg, &t, &res);
    const char *kxn = tls_kx_name(kx);
    test_check(res.ok, "%s run completes", kxn);
    for (size_t i = 0; i < t.n; i++) {
        const tls_event *e = &t.ev[i];
        if (e->kind != TLS_EV_VALUE)
            continue;
        const tls_value_info *v = tls_value_info_of(e->value);
        if (!first_step[e->value])
            first_step[e->value] = e->step;
        s->by[e->party][e->value] = true;
        if (e->party == TLS_PARTY_WIRE)
            test_check(v->on_wire && !v->secret, "%s: the wire shows %s: on_wire, not secret",
                       kxn, v->name);
        switch (v->display) {
        case TLS_VALUE_SHOW_HEX:
            test_check(!e->text, "%s: %s has no text", kxn, v->name);
            break;
        case TLS_VALUE_SHOW_HOST:
            test_check(e->text && strlen(e->text) == e->len &&
                       memcmp(e->text, e->bytes, e->len) == 0,
                       "%s: %s's text is its bytes", kxn, v->name);
            break;
        case TLS_VALUE_SHOW_SUITE:
            test_check(e->len == 2 && e->text && strcmp(e->text, cfg.suite->name) == 0,
                       "%s: %s is the suite's code, named", kxn, v->name);
            break;
        case TLS_VALUE_SHOW_GROUP:
            test_check(e->len == 2 && e->text &&
                       strcmp(e->text, tls_group_by_id(cfg.group)->name) == 0,
                       "%s: %s is the group's code, named", kxn, v->name);
            break;
        case TLS_VALUE_SHOW_SUBJECT:
            test_check(e->party == TLS_PARTY_WIRE ? !e->text : e->text && e->text[0],
                       "%s: %s has a subject where it was parsed", kxn, v->name);
            break;
        }
    }
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        const tls_event *c = tls_trace_find_value(&t, (tls_value_kind)k, TLS_PARTY_CLIENT,
                                                  TLS_STEP_AFTER);
        const tls_event *sv = tls_trace_find_value(&t, (tls_value_kind)k, TLS_PARTY_SERVER,
                                                   TLS_STEP_AFTER);
        /* MAC keys exist for CBC suites only (an AEAD has none). */
        bool mac_key = k == TLS_VALUE_CLIENT_WRITE_MAC_KEY || k == TLS_VALUE_SERVER_WRITE_MAC_KEY;
        if (mac_key && cfg.suite->mac_key_len == 0)
            test_check(!c && !sv, "%s: no %s with an AEAD suite", kxn, v->name);
        else if (v->agreed)
            test_check(c && sv && c->len == sv->len && memcmp(c->bytes, sv->bytes, c->len) == 0,
                       "%s: both sides derive the same %s", kxn, v->name);
        if (v->secret && !v->agreed)
            test_check(!(c && sv), "%s: %s is one side's own", kxn, v->name);
    }
    /* A resumed run is two connections: the second learns again. */
    if (resume == TLS_RESUME_OFF)
        check_order(kxn, first_step);
    tls_trace_free(&t);
}

static void test_runs(void)
{
    seen s;
    memset(&s, 0, sizeof s);
    for (int auth = TLS_CLIENT_AUTH_OFF; auth <= TLS_CLIENT_AUTH_REQUIRE; auth++) {
        check_run(TLS_KX_ECDHE_RSA, (tls_client_auth)auth, TLS_RESUME_OFF, 0, &s);
        check_run(TLS_KX_RSA, (tls_client_auth)auth, TLS_RESUME_OFF, 0, &s);
        check_run(TLS_KX_DHE_RSA, (tls_client_auth)auth, TLS_RESUME_OFF, 0, &s);
    }
    for (int mode = TLS_RESUME_ID; mode <= TLS_RESUME_TICKET; mode++) {
        check_run(TLS_KX_ECDHE_RSA, TLS_CLIENT_AUTH_OFF, (tls_resume_mode)mode, 0, &s);
        check_run(TLS_KX_RSA, TLS_CLIENT_AUTH_OFF, (tls_resume_mode)mode, 0, &s);
        check_run(TLS_KX_DHE_RSA, TLS_CLIENT_AUTH_OFF, (tls_resume_mode)mode, 0, &s);
    }
    /* A CBC suite: its MAC keys; ChaCha20: 12-byte IVs. */
    check_run(TLS_KX_ECDHE_RSA, TLS_CLIENT_AUTH_OFF, TLS_RESUME_OFF, 0xc013, &s);
    check_run(TLS_KX_RSA, TLS_CLIENT_AUTH_OFF, TLS_RESUME_OFF, 0x003c, &s);
    check_run(TLS_KX_ECDHE_RSA, TLS_CLIENT_AUTH_OFF, TLS_RESUME_OFF, 0xcca8, &s);
    for (int k = 0; k < TLS_VALUE_COUNT; k++) {
        const tls_value_info *v = tls_value_info_of((tls_value_kind)k);
        /* Application data in the clear is a value only for the attack
         * lab's attacker (test_attack_leak): the sides' own are messages. */
        if (k == TLS_VALUE_CLIENT_APP_DATA || k == TLS_VALUE_SERVER_APP_DATA)
            continue;
        test_check(s.by[TLS_PARTY_CLIENT][k] || s.by[TLS_PARTY_SERVER][k],
                   "%s is learned by a side in some run", v->name);
        test_check(s.by[TLS_PARTY_WIRE][k] == v->on_wire,
                   "%s: seen on the wire in some run exactly when on_wire", v->name);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_value README.md\n");
        return 2;
    }
    test_names(argv[1]);
    test_describe();
    test_placeholders();
    test_runs();
    return test_finish();
}
