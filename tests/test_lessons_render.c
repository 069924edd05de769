/* Rendering lessons: placeholders filled with the exact values of a trace
 * built with tls_trace_value, the "not yet known" marker, the Markdown
 * subset as plain text and as styled runs, and every shipped lesson
 * rendered against a trace of its mode without a missing value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/handshake.h"
#include "tlssim/lessons.h"
#include "tlssim/msg.h"
#include "tlssim_config.h"

static const uint8_t CR[32] = {
    0x5f, 0x3a, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
    0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e,
};
static const uint8_t SUITE[2] = {0xc0, 0x2f};

static char *render(const char *title, const char *md, int width, tls_lang lang,
                    tls_trace_lookup_ctx *ctx)
{
    tls_render_opts o = {.width = width, .lang = lang,
                         .lookup = ctx ? tls_trace_lookup : NULL, .ctx = ctx};
    tls_ldoc doc = {0};
    tls_markdown_render(&doc, title, md, &o);
    char *s = tls_ldoc_to_text(&doc);
    tls_ldoc_free(&doc);
    return s;
}

/* A trace of a few values: the client random and the suite by step 2, a
 * server-only private key at 4, a handshake hash each side replaces, and a
 * certificate the client reads (with its text) before the wire does. */
static void lookup_trace(tls_trace *t)
{
    tls_trace_value(t, 1, TLS_PARTY_CLIENT, TLS_VALUE_CLIENT_RANDOM, CR, sizeof CR, NULL);
    tls_trace_value(t, 2, TLS_PARTY_WIRE, TLS_VALUE_CIPHER_SUITE, SUITE, 2,
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    const uint8_t priv[3] = {0xaa, 0xbb, 0xcc};
    tls_trace_value(t, 4, TLS_PARTY_SERVER, TLS_VALUE_SERVER_ECDHE_PRIVATE, priv, 3, NULL);
    const uint8_t h8[2] = {0x08, 0x08}, h10[2] = {0x10, 0x10}, hs[2] = {0x5e, 0x5e};
    tls_trace_value(t, 8, TLS_PARTY_CLIENT, TLS_VALUE_HANDSHAKE_HASH, h8, 2, NULL);
    tls_trace_value(t, 10, TLS_PARTY_SERVER, TLS_VALUE_HANDSHAKE_HASH, hs, 2, NULL);
    tls_trace_value(t, 10, TLS_PARTY_CLIENT, TLS_VALUE_HANDSHAKE_HASH, h10, 2, NULL);
    /* the wire learns the certificate later, without its text */
    tls_trace_value(t, 10, TLS_PARTY_CLIENT, TLS_VALUE_SERVER_CERTIFICATE, CR, 4,
                    "CN=www.example.test");
    tls_trace_value(t, 11, TLS_PARTY_WIRE, TLS_VALUE_SERVER_CERTIFICATE, CR, 4, NULL);
}

/* A value of lookup_trace looked up at a step in a form, and what it shows
 * (NULL: not known yet). */
static const struct {
    int step;
    tls_value_kind kind;
    tls_value_form form;
    const char *want;
    const char *what;
} lookup_cases[] = {
    {2, TLS_VALUE_CLIENT_RANDOM, TLS_VF_DEFAULT,
     "5f3a0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
     "client_random: lowercase hex"},
    {2, TLS_VALUE_CLIENT_RANDOM, TLS_VF_SHORT, "5f3a010203040506…", "client_random.short"},
    {2, TLS_VALUE_CLIENT_RANDOM, TLS_VF_LEN, "32", "client_random.len"},
    {2, TLS_VALUE_CIPHER_SUITE, TLS_VF_DEFAULT, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
     "cipher_suite: its text"},
    {2, TLS_VALUE_CIPHER_SUITE, TLS_VF_HEX, "c02f", "cipher_suite.hex: the bytes"},
    {2, TLS_VALUE_CIPHER_SUITE, TLS_VF_SHORT, "c02f", "short value: no ellipsis"},
    {2, TLS_VALUE_SERVER_ECDHE_PRIVATE, TLS_VF_DEFAULT, NULL,
     "a step-4 value is not known at step 2"},
    {4, TLS_VALUE_SERVER_ECDHE_PRIVATE, TLS_VF_DEFAULT, "aabbcc", "a server-only value is found"},
    {8, TLS_VALUE_HANDSHAKE_HASH, TLS_VF_DEFAULT, "0808",
     "handshake_hash at step 8: the client's"},
    {10, TLS_VALUE_HANDSHAKE_HASH, TLS_VF_DEFAULT, "1010",
     "handshake_hash at step 10: the client's latest"},
    {11, TLS_VALUE_SERVER_CERTIFICATE, TLS_VF_DEFAULT, "CN=www.example.test",
     "the client's view before the wire's"},
};

/* Markdown rendered at step 2 of lookup_trace (or without a lookup): the
 * exact values land in the text. */
static const struct {
    const char *md;
    int width;
    tls_lang lang;
    bool lookup;
    const char *want;
    const char *what;
} lookup_renders[] = {
    {"Random {{client_random}}, suite {{ cipher_suite }} "
     "({{cipher_suite.hex}}), key {{server_ecdhe_private}}.",
     1000, TLS_LANG_EN, true,
     "Random 5f3a0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e, "
     "suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (c02f), key (not yet known).\n",
     "values and not-yet-known marker in English"},
    {"私钥：{{server_ecdhe_private.short}}", 80, TLS_LANG_ZH, true, "私钥：（尚未得知）\n",
     "not-yet-known marker in Chinese"},
    {"Bad {{no_such_value}} and {{client_random.bits}} and {{open", 80, TLS_LANG_EN, true,
     "Bad {{no_such_value}} and {{client_random.bits}} and {{open\n",
     "unknown and unterminated placeholders shown literally"},
    {"No lookup: {{client_random}}", 80, TLS_LANG_EN, false, "No lookup: (not yet known)\n",
     "without a lookup nothing is known"},
};

/* A shipped lesson: ClientHello's quotes this run's client random in full. */
static void check_shipped_lesson(tls_trace_lookup_ctx *c)
{
    tls_lessons *ls = tls_lessons_open(TLSSIM_SOURCE_LESSONS, NULL, 0);
    if (test_check(ls != NULL, "open shipped lessons")) {
        for (int li = 0; li < TLS_LANG_COUNT; li++) {
            const tls_lesson *l = tls_lessons_get(ls, "client-hello", (tls_lang)li, NULL);
            c->step = 1;
            tls_render_opts o = {.width = 200, .lookup = tls_trace_lookup, .ctx = c};
            char *s = l ? tls_lesson_render_text(l, &o) : NULL;
            test_check(s && strstr(s, "5f3a0102030405060708090a0b0c0d0e0f10111213141516"
                                      "1718191a1b1c1d1e") != NULL,
                       "lesson 1 (%s) shows the client random", tls_lang_code((tls_lang)li));
            free(s);
        }
    }
    tls_lessons_close(ls);
}

static void test_lookup(void)
{
    tls_trace t;
    tls_trace_init(&t);
    lookup_trace(&t);
    tls_trace_lookup_ctx c = {&t, 2};
    for (size_t i = 0; i < sizeof lookup_cases / sizeof lookup_cases[0]; i++) {
        c.step = lookup_cases[i].step;
        char *v = tls_trace_lookup(&c, lookup_cases[i].kind, lookup_cases[i].form);
        test_str_eq(v, lookup_cases[i].want, lookup_cases[i].what);
        free(v);
    }
    c.step = 2;
    for (size_t i = 0; i < sizeof lookup_renders / sizeof lookup_renders[0]; i++) {
        char *s = render(NULL, lookup_renders[i].md, lookup_renders[i].width,
                         lookup_renders[i].lang, lookup_renders[i].lookup ? &c : NULL);
        test_str_eq(s, lookup_renders[i].want, lookup_renders[i].what);
        free(s);
    }
    check_shipped_lesson(&c);
    tls_trace_free(&t);
}

static void test_markdown_text(void)
{
    const char *md =
        "Intro with *emphasis*, **strong** and `code`.\n"
        "Second source line.\n"
        "\n"
        "## Section\n"
        "\n"
        "- first item that is long enough to wrap\n"
        "- second\n"
        "  - nested\n"
        "1. numbered\n"
        "\n"
        "```\n"
        "x = PRF(s)\n"
        "```\n"
        "\n"
        "### A question?\n"
        "\n"
        "中文段落，\n"
        "接着写。Escaped \\*star\\*.\n";
    char *s = render("Title", md, 30, TLS_LANG_EN, NULL);
    test_str_eq(s,
                "Title\n"
                "=====\n"
                "\n"
                "Intro with emphasis, strong\n"
                "and code. Second source line.\n"
                "\n"
                "Section\n"
                "-------\n"
                "\n"
                "- first item that is long\n"
                "  enough to wrap\n"
                "- second\n"
                "  - nested\n"
                "1. numbered\n"
                "\n"
                "    x = PRF(s)\n"
                "\n"
                "A question?\n"
                "\n"
                "中文段落，接着写。Escaped\n"
                "*star*.\n",
                "markdown as plain text");
    free(s);
}

static bool has_run(const tls_ldoc *d, tls_lstyle st, const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        for (size_t j = 0; j < d->lines[i].n; j++)
            if (d->lines[i].runs[j].style == st && strcmp(d->lines[i].runs[j].text, text) == 0)
                return true;
    return false;
}

static void test_styled(void)
{
    tls_trace t;
    tls_trace_init(&t);
    tls_trace_value(&t, 1, TLS_PARTY_CLIENT, TLS_VALUE_CLIENT_RANDOM, CR, 4, NULL);
    tls_trace_lookup_ctx c = {&t, 1};
    tls_render_opts o = {.width = 60, .lang = TLS_LANG_ZH, .lookup = tls_trace_lookup, .ctx = &c};
    tls_ldoc d = {0};
    tls_markdown_render(&d, "标题",
                        "Some *em* and **bold** and `code {{client_random}}`.\n\n"
                        "- item {{master_secret}}\n",
                        &o);
    test_check(!d.oom && d.n >= 4, "styled document has lines");
    test_check(d.lines[0].heading == 1 && d.lines[0].n == 1 &&
               d.lines[0].runs[0].style == TLS_LS_HEADING &&
               strcmp(d.lines[0].runs[0].text, "标题") == 0 && d.lines[0].width == 4,
               "title is a level-1 heading line of width 4");
    test_check(has_run(&d, TLS_LS_EMPHASIS, "em"), "emphasis run");
    test_check(has_run(&d, TLS_LS_STRONG, "bold"), "strong run");
    test_check(has_run(&d, TLS_LS_CODE, "code"), "code run");
    test_check(has_run(&d, TLS_LS_VALUE, "5f3a0102"), "value run inside code span");
    test_check(has_run(&d, TLS_LS_BULLET, "•"), "bullet run");
    test_check(has_run(&d, TLS_LS_MISSING, "（尚未得知）"), "missing run, Chinese marker");
    for (size_t i = 0; i < d.n; i++) {
        int w = d.lines[i].indent;
        for (size_t j = 0; j < d.lines[i].n; j++) {
            test_check(d.lines[i].runs[j].width == tls_utf8_width(d.lines[i].runs[j].text),
                       "run width is its display width");
            w += d.lines[i].runs[j].width;
        }
        test_check(w == d.lines[i].width && w <= 60, "line width adds up and fits");
    }
    tls_ldoc_free(&d);
    tls_trace_free(&t);
}

/* A trace as the engine emits it, value by value and step by step. */
static void full_trace(tls_trace *t, tls_kx kx)
{
    static const struct {
        tls_value_kind kind;
        int step;
        size_t len;
        const char *text;
        int only;   /* 0 both, 1 ECDHE, 2 RSA */
    } vals[] = {
        {TLS_VALUE_CLIENT_RANDOM, 1, 32, NULL, 0},
        {TLS_VALUE_SERVER_NAME, 1, 16, "www.example.test", 0},
        {TLS_VALUE_SERVER_RANDOM, 2, 32, NULL, 0},
        {TLS_VALUE_CIPHER_SUITE, 2, 2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0},
        {TLS_VALUE_SERVER_CERTIFICATE, 3, 300, "CN=www.example.test", 0},
        {TLS_VALUE_NAMED_GROUP, 4, 2, "secp256r1", 1},
        {TLS_VALUE_SERVER_ECDHE_PRIVATE, 4, 32, NULL, 1},
        {TLS_VALUE_SERVER_ECDHE_PUBLIC, 4, 65, NULL, 1},
        {TLS_VALUE_SKE_SIGNATURE, 4, 256, NULL, 1},
        {TLS_VALUE_CLIENT_ECDHE_PRIVATE, 6, 32, NULL, 1},
        {TLS_VALUE_CLIENT_ECDHE_PUBLIC, 6, 65, NULL, 1},
        {TLS_VALUE_ENCRYPTED_PRE_MASTER, 6, 256, NULL, 2},
        {TLS_VALUE_PRE_MASTER_SECRET, 6, 32, NULL, 0},
        {TLS_VALUE_MASTER_SECRET, 6, 48, NULL, 0},
        {TLS_VALUE_KEY_BLOCK, 6, 40, NULL, 0},
        {TLS_VALUE_CLIENT_WRITE_KEY, 6, 16, NULL, 0},
        {TLS_VALUE_SERVER_WRITE_KEY, 6, 16, NULL, 0},
        {TLS_VALUE_CLIENT_WRITE_IV, 6, 4, NULL, 0},
        {TLS_VALUE_SERVER_WRITE_IV, 6, 4, NULL, 0},
        {TLS_VALUE_HANDSHAKE_HASH, 8, 32, NULL, 0},
        {TLS_VALUE_CLIENT_VERIFY_DATA, 8, 12, NULL, 0},
        {TLS_VALUE_HANDSHAKE_HASH, 10, 32, NULL, 0},
        {TLS_VALUE_SERVER_VERIFY_DATA, 10, 12, NULL, 0},
    };
    uint8_t bytes[300];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (uint8_t)(i * 7 + 3);
    tls_trace_init(t);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        if ((vals[i].only == 1 && kx != TLS_KX_ECDHE_RSA) ||
            (vals[i].only == 2 && kx != TLS_KX_RSA))
            continue;
        tls_trace_value(t, vals[i].step, TLS_PARTY_CLIENT, vals[i].kind, bytes, vals[i].len,
                        vals[i].text);
    }
}

/* Every shipped lesson, in both languages and modes, at several widths,
 * rendered at its own step: no value it names is unknown at that point,
 * no placeholder is left, and no line is wider than asked. */
static void test_shipped_render(void)
{
    tls_lessons *ls = tls_lessons_open(TLSSIM_SOURCE_LESSONS, NULL, 0);
    if (!test_check(ls != NULL, "open shipped lessons"))
        return;
    static const int widths[] = {24, 41, 60, 80, 120};
    int bad_width = 0, missing = 0, leftover = 0, rendered = 0;
    for (int k = 0; k < 2; k++) {
        tls_kx kx = k ? TLS_KX_RSA : TLS_KX_ECDHE_RSA;
        tls_trace t;
        full_trace(&t, kx);
        const tls_flow *f = tls_flow_for_kx(kx);
        /* 0..n, the page after the handshake, then the summary */
        for (int n = 0; n <= f->n + 2; n++)
            for (int li = 0; li < TLS_LANG_COUNT; li++) {
                int step = n > f->n ? TLS_STEP_AFTER : n;
                char id[64];
                bool found = n > f->n + 1
                                 ? snprintf(id, sizeof id, "%s", TLS_LESSON_ID_SUMMARY) > 0
                                 : tls_lessons_step_id(f, step, id, sizeof id);
                const tls_lesson *l = found ? tls_lessons_get(ls, id, (tls_lang)li, NULL) : NULL;
                if (!l)
                    continue;
                for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
                    tls_trace_lookup_ctx c = {&t, step};
                    tls_render_opts o = {.width = widths[wi], .lookup = tls_trace_lookup,
                                         .ctx = &c};
                    tls_ldoc d = {0};
                    tls_lesson_render(&d, l, &o);
                    for (size_t i = 0; i < d.n; i++)
                        for (size_t j = 0; j < d.lines[i].n; j++)
                            if (d.lines[i].runs[j].style == TLS_LS_MISSING && missing++ < 5)
                                printf("  %s (%s): '%s' at step %d\n", l->path,
                                       k ? "rsa" : "ecdhe", d.lines[i].runs[j].text, step);
                    char *s = tls_ldoc_to_text(&d);
                    tls_ldoc_free(&d);
                    if (!s)
                        continue;
                    rendered++;
                    if (strstr(s, "{{")) {
                        if (leftover++ < 5)
                            printf("  %s: a placeholder is left\n", l->path);
                    }
                    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n"))
                        if (tls_utf8_width(line) > widths[wi] && bad_width++ < 5)
                            printf("  %s at %d: '%s' is %d wide\n", l->path, widths[wi],
                                   line, tls_utf8_width(line));
                    free(s);
                }
            }
        tls_trace_free(&t);
    }
    test_check(rendered == 2 * 13 * TLS_LANG_COUNT * 5, "rendered %d", rendered);
    test_check(missing == 0, "shipped lessons use only values known at their step (%d)",
               missing);
    test_check(leftover == 0, "no placeholder left in rendered lessons (%d)", leftover);
    test_check(bad_width == 0, "no rendered line exceeds the width (%d)", bad_width);
    tls_lessons_close(ls);
}

/* A title's step number is the run's flow's: client Finished is step 8 of
 * the full handshake and step 11 when the client authenticates; no lesson
 * file writes a number of its own. */
static void test_title_step(void)
{
    tls_lessons *ls = tls_lessons_open(TLSSIM_SOURCE_LESSONS, NULL, 0);
    if (!test_check(ls != NULL, "open shipped lessons"))
        return;
    static const struct {
        tls_flow_id flow;
        tls_lang lang;
        const char *want;
    } cases[] = {
        {TLS_FLOW_FULL_ECDHE, TLS_LANG_EN, "Step 8: client Finished"},
        {TLS_FLOW_AUTH_ECDHE, TLS_LANG_EN, "Step 11: client Finished"},
        {TLS_FLOW_AUTH_EMPTY_RSA, TLS_LANG_EN, "Step 11: client Finished"},
        {TLS_FLOW_AUTH_ECDHE, TLS_LANG_ZH, "第 11 步：客户端 Finished"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const tls_flow *f = tls_flow_get(cases[i].flow);
        int step = tls_flow_step_of(f, 1, TLS_PARTY_CLIENT, TLS_CT_HANDSHAKE, TLS_HS_FINISHED);
        char id[64];
        const tls_lesson *l = tls_lessons_step_id(f, step, id, sizeof id)
                                  ? tls_lessons_get(ls, id, cases[i].lang, NULL)
                                  : NULL;
        if (!test_check(l != NULL, "%s: client Finished has a lesson", f->name))
            continue;
        tls_render_opts o = {.width = 200, .title_step = tls_lesson_title_step(step)};
        char *s = tls_lesson_render_text(l, &o);
        test_check(s && strncmp(s, cases[i].want, strlen(cases[i].want)) == 0,
                   "%s: title '%s' (got '%.40s')", f->name, cases[i].want, s ? s : "");
        free(s);
    }
    /* Step references in a body: numbered by the run's flow too. */
    const struct {
        const tls_flow *flow;
        const char *md, *want;
    } refs[] = {
        {NULL, "{{step:client-finished}}", "8"},
        {tls_flow_get(TLS_FLOW_AUTH_ECDHE), "{{step:client-finished}}", "11"},
        {tls_flow_get(TLS_FLOW_AUTH_RSA), "steps {{step:client-hello}} to {{step:client-key-exchange}}",
         "steps 1 to 8"},
        {tls_flow_get(TLS_FLOW_FULL_RSA), "{{step:certificate-verify}}", "9"},
        {NULL, "{{step:no-such-message}}", "{{step:no-such-message}}"},
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        tls_render_opts o = {.width = 200, .flow = refs[i].flow};
        tls_ldoc d = {0};
        tls_markdown_render(&d, NULL, refs[i].md, &o);
        char *s = tls_ldoc_to_text(&d);
        tls_ldoc_free(&d);
        test_check(s && strncmp(s, refs[i].want, strlen(refs[i].want)) == 0 &&
                       s[strlen(refs[i].want)] == '\n',
                   "'%s' in %s is '%s' (got '%s')", refs[i].md,
                   refs[i].flow ? refs[i].flow->name : "the full handshake", refs[i].want,
                   s ? s : "");
        free(s);
    }
    test_check(tls_lesson_title_step(0) == 0 && tls_lesson_title_step(TLS_STEP_AFTER) == 0,
               "the introduction and the pages after the handshake are not numbered");
    tls_lessons_close(ls);
}

int main(void)
{
    test_title_step();
    test_lookup();
    test_markdown_text();
    test_styled();
    test_shipped_render();
    return test_finish();
}
