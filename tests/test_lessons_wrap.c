/* Display width and wrapping: known widths (CJK, fullwidth, Hangul,
 * combining marks, emoji), strict UTF-8 decoding, exact wrapped output for
 * small examples, and mixed CJK/Latin text at many widths never exceeding
 * the width nor losing a character. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/lessons.h"

static void test_widths(void)
{
    static const struct {
        const char *s;
        int w;
    } cases[] = {
        {"", 0},
        {"abc", 3},
        {"中文", 4},
        {"TLS 握手", 8},
        {"é", 1},                   /* precomposed */
        {"e\xcc\x81", 1},           /* e + combining acute */
        {"Ａ", 2},                  /* fullwidth A */
        {"ｱ", 1},                   /* halfwidth katakana */
        {"カタカナ", 8},
        {"한국어", 6},
        {"，。：；？！（）", 16},   /* fullwidth punctuation */
        {"“”…", 3},                 /* ambiguous: narrow */
        {"😀", 2},
        {"a\xe2\x80\x8b" "b", 2},   /* zero-width space */
        {"\t", 0},
        {"𠀀", 2},                  /* CJK extension B */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        test_check(tls_utf8_width(cases[i].s) == cases[i].w, "width of '%s' is %d (got %d)",
                   cases[i].s, cases[i].w, tls_utf8_width(cases[i].s));
    test_check(tls_cp_width(0x4E2D) == 2 && tls_cp_width(0x3000) == 2 &&
               tls_cp_width(0xAC00) == 2 && tls_cp_width(0x41) == 1 &&
               tls_cp_width(0x0301) == 0 && tls_cp_width(0x1F600) == 2 &&
               tls_cp_width(0xFF61) == 1 && tls_cp_width(0x302A) == 0,
               "code point widths");
}

static void test_decode(void)
{
    uint32_t cp = 0;
    test_check(tls_utf8_decode("\xe4\xb8\xad", 3, &cp) == 3 && cp == 0x4E2D, "decode 中");
    test_check(tls_utf8_decode("\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1F600, "decode 😀");
    test_check(tls_utf8_decode("\xc0\x80", 2, &cp) == 0, "overlong rejected");
    test_check(tls_utf8_decode("\xe0\x80\xaf", 3, &cp) == 0, "overlong 3-byte rejected");
    test_check(tls_utf8_decode("\xed\xa0\x80", 3, &cp) == 0, "surrogate rejected");
    test_check(tls_utf8_decode("\xf4\x90\x80\x80", 4, &cp) == 0, "above U+10FFFF rejected");
    test_check(tls_utf8_decode("\xe4\xb8", 2, &cp) == 0, "truncated rejected");
    test_check(tls_utf8_decode("\xff", 1, &cp) == 0, "0xff rejected");
    size_t bad = 0;
    test_check(!tls_utf8_valid("ab\xe4\xb8", 4, &bad) && bad == 2, "invalid at offset 2");
    test_check(tls_utf8_valid("中文 ok", strlen("中文 ok"), NULL), "valid text");
}

static void expect_wrap(const char *text, int width, int indent, const char *want)
{
    char *got = tls_wrap_text(text, width, indent);
    char what[160];
    snprintf(what, sizeof what, "wrap at %d: %.40s", width, text);
    test_str_eq(got, want, what);
    free(got);
}

static void test_exact(void)
{
    expect_wrap("The quick brown fox 跳过了懒狗，然后继续奔跑。", 16, 0,
                "The quick brown\n"
                "fox 跳过了懒狗，\n"
                "然后继续奔跑。\n");
    /* A closing mark never starts a line: it takes its character along. */
    expect_wrap("一二三四五，六", 10, 0, "一二三四\n五，六\n");
    /* An opening bracket never ends a line. */
    expect_wrap("一二三（四五）", 8, 0, "一二三\n（四五）\n");
    /* Latin breaks only at spaces; a word longer than the line is cut. */
    expect_wrap("key 0123456789abcdef0123 end", 10, 2,
                "  key\n"
                "  01234567\n"
                "  89abcdef\n"
                "  0123 end\n");
    /* CJK and Latin may break where they meet, without a space. */
    expect_wrap("使用AES加密", 6, 0, "使用\nAES加\n密\n");
    /* Newlines are kept, blank lines stay blank. */
    expect_wrap("a\n\nb", 10, 1, " a\n\n b\n");
    /* An odd width holds one column less of pure CJK. */
    expect_wrap("一二三四五六七八九十", 11, 0, "一二三四五\n六七八九十\n");
}

/* Remove all whitespace (the wrapper may turn spaces into line breaks). */
static char *squeeze(const char *s)
{
    char *o = malloc(strlen(s) + 1), *p = o;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n')
            *p++ = *s;
    *p = '\0';
    return o;
}

static void test_property(void)
{
    static const char *const pieces[] = {
        "TLS", "handshake", "的", "握手", "，", "。", "ECDHE_RSA", "（", "）", "密钥交换",
        "5f3a9c0b11d2e4f60718293a4b5c6d7e8f90a1b2c3d4e5f6", "“", "”", "한국어", "Ａ", "…",
        "e\xcc\x81", "😀", "certificate", "：", "x", "预主密钥", "master_secret",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 12345;
    int fails = 0, lost = 0, cases = 0;
    for (int round = 0; round < 300; round++) {
        char text[4096] = "";
        int n = 5 + round % 60;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            strcat(text, p);
            if ((seed >> 8) % 3 == 0)
                strcat(text, " ");
        }
        for (int width = 2; width <= 80; width += (width < 20 ? 1 : 7)) {
            int indent = width > 12 ? round % 4 : 0;
            char *w = tls_wrap_text(text, width, indent);
            cases++;
            char *copy = strdup(w);
            for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"))
                if (tls_utf8_width(line) > width && fails++ < 5)
                    printf("  width %d: '%s' is %d wide\n", width, line, tls_utf8_width(line));
            free(copy);
            char *a = squeeze(text), *b = squeeze(w);
            if (strcmp(a, b) != 0 && lost++ < 3)
                printf("  width %d lost text:\n  in:  %s\n  out: %s\n", width, a, b);
            free(a);
            free(b);
            free(w);
        }
    }
    test_check(fails == 0, "no wrapped line wider than its width (%d cases, %d too wide)",
               cases, fails);
    test_check(lost == 0, "wrapping keeps every character (%d lost)", lost);

    /* The same through the Markdown renderer, with lists and headings. */
    int bad = 0;
    for (int width = 12; width <= 70; width++) {
        tls_ldoc d = {0};
        tls_render_opts o = {.width = width, .lang = TLS_LANG_ZH};
        tls_markdown_render(&d, "第 6 步：ClientKeyExchange，客户端的一半",
                            "## 怎样计算\n\n"
                            "两者是同一个点 *(c·s) × G*。它的 x 坐标就是**预主密钥**："
                            "`{{pre_master_secret}}`，随后进入 PRF。\n\n"
                            "- 客户端计算 *c × (s × G)*，服务器计算 *s × (c × G)*；\n"
                            "  - 嵌套的列表项也要正确换行，HelloVeryLongIdentifierName。\n\n"
                            "```\nmaster_secret = PRF(pre_master_secret, \"master secret\")\n```\n",
                            &o);
        for (size_t i = 0; i < d.n; i++)
            if (d.lines[i].width > width)
                bad++;
        tls_ldoc_free(&d);
    }
    test_check(bad == 0, "rendered Markdown lines fit widths 12..70 (%d too wide)", bad);
}

int main(void)
{
    test_widths();
    test_decode();
    test_exact();
    test_property();
    return test_finish();
}
