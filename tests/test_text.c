/* The core's text catalogue: every id has a template, arguments are named,
 * bounded and substituted exactly, terms go through the front end's
 * translation and nothing else does. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tlssim/event.h"
#include "tlssim/handshake.h"
#include "tlssim/text.h"

/* Placeholders are {lowercase_name}: what translators must keep as is. */
static bool placeholders_well_formed(const char *s)
{
    size_t opened = 0, closed = 0;
    for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (n == 0 || p[1 + n] != '}')
            return false;
        opened++;
    }
    for (const char *p = strchr(s, '}'); p; p = strchr(p + 1, '}'))
        closed++;
    return opened == closed;
}

static void test_catalogue_complete(void)
{
    test_str_eq(tls_text_template(TLS_TEXT_NONE), "", "no text is empty");
    test_str_eq(tls_text_template(TLS_TEXT_COUNT), "", "an id past the end is empty");
    for (int id = TLS_TEXT_NONE + 1; id < TLS_TEXT_COUNT; id++) {
        const char *t = tls_text_template((tls_text_id)id);
        test_check(t[0] != '\0', "id %d has a template", id);
        test_check(placeholders_well_formed(t), "id %d: placeholders well formed: %s", id, t);
    }
    /* The catalogue names its texts by id: titles, what each teaches; the
     * flows their skip reasons (RSA's ServerKeyExchange, and CertificateVerify
     * after an empty client Certificate, are the only ones skipped). */
    for (int k = 0; k < TLS_MSG_KIND_COUNT; k++) {
        const tls_msg_info *m = tls_msg_info_get((tls_msg_kind)k);
        test_check(m->title != TLS_TEXT_NONE && m->teaches != TLS_TEXT_NONE,
                   "message kind %d has a title and what it teaches", k);
    }
    for (int f = 0; f < TLS_FLOW_COUNT; f++) {
        const tls_flow *flow = tls_flow_get((tls_flow_id)f);
        for (int n = 1; n <= flow->n; n++) {
            tls_msg_kind k = tls_flow_msg(flow, n)->kind;
            bool want = (flow->kx == TLS_KX_RSA && k == TLS_MSG_SERVER_KEY_EXCHANGE) ||
                        (flow->auth == TLS_FLOW_AUTH_EMPTY && k == TLS_MSG_CERTIFICATE_VERIFY);
            test_check((tls_flow_skipped(flow, n) != TLS_TEXT_NONE) == want,
                       "%s step %d: a skip reason exactly when it is skipped", flow->name, n);
        }
    }
    test_str_eq(tls_msg_title(tls_flow_msg(tls_flow_default(), 9)), "server ChangeCipherSpec",
                "step title in English");
}

static void test_render(void)
{
    tls_text t;
    tls_text_make(&t, TLS_TEXT_SERVER_ACCEPTS_SUITE,
                  TLS_ARGS(TLS_ARG_S("suite", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
                           TLS_ARG_U("count", 4)));
    char *s = tls_text_english(&t);
    test_str_eq(s, "the server accepts TLS_RSA_WITH_AES_128_GCM_SHA256 and finds it among "
                   "the client's 4 suites", "English rendering");
    free(s);
    /* A translation may reorder and repeat; an unknown name stays visible. */
    s = tls_text_render("{count} 个套件中有 {suite}（{suite}）{nope} {", &t, NULL);
    test_str_eq(s, "4 个套件中有 TLS_RSA_WITH_AES_128_GCM_SHA256（TLS_RSA_WITH_AES_128_GCM_SHA256）"
                   "{nope} {", "reordered template");
    free(s);
    test_str_eq(tls_text_arg_value(&t, "count"), "4", "argument by name");
    test_check(tls_text_arg_value(&t, "other") == NULL, "no such argument");

    tls_text_make(&t, TLS_TEXT_RECORD_VERSION, TLS_ARGS(TLS_ARG_X("version", 0x301, 4)));
    s = tls_text_english(&t);
    test_str_eq(s, "record version 0x0301 is not TLS 1.2", "hex argument, zero-padded");
    free(s);
    tls_text_make(&t, TLS_TEXT_AFTER_CLIENT_RECEIVED_ANSWER,
                  TLS_ARGS(TLS_ARG_SN("answer", "HTTP/1.1 200 OK\r\nServer: x", 15),
                           TLS_ARG_U("bytes", 18446744073709551615ull)));
    s = tls_text_english(&t);
    test_str_eq(s, "the client received the answer \"HTTP/1.1 200 OK\" (18446744073709551615 bytes)",
                "bounded string and a 64-bit number");
    free(s);
}

static const char *shout(const char *w)
{
    return strcmp(w, "client") == 0 ? "CLIENT" : "?";
}

static void test_terms(void)
{
    tls_text t;
    tls_text_make(&t, TLS_TEXT_CCS_RECEIVED,
                  TLS_ARGS(TLS_ARG_T("party", "client"), TLS_ARG_T("peer", "server"),
                           TLS_ARG_S("key", "client")));
    char *s = tls_text_render(tls_text_template(t.id), &t, shout);
    test_str_eq(s, "the CLIENT will now decrypt the ?'s records with client",
                "terms translated, plain values not");
    free(s);
}

/* Lists: items through the item template, joined by the separator, each
 * term (and the templates themselves) through the front end's translation. */
static const char *cn(const char *w)
{
    static const struct {
        const char *en, *zh;
    } words[] = {{"{item} ({term})", "{item}（{term}）"}, {"; ", "；"}, {"ignored", "忽略"}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(w, words[i].en) == 0)
            return words[i].zh;
    return w;
}

static void test_lists(void)
{
    char list[128] = "";
    tls_text_list_add(list, sizeof list, "server_name", "ignored");
    tls_text_list_add(list, sizeof list, "0x0a0a", "offered");
    tls_text t;
    tls_text_make(&t, TLS_TEXT_EXTENSIONS_MANY,
                  TLS_ARGS(TLS_ARG_T("peer", "client"), TLS_ARG_S("message", "ClientHello"),
                           TLS_ARG_U("count", 2), TLS_ARG_L("list", list)));
    char *s = tls_text_english(&t);
    test_str_eq(s, "the client's ClientHello carries 2 extensions: server_name (ignored); "
                   "0x0a0a (offered)", "list in English");
    free(s);
    s = tls_text_render("{list}", &t, cn);
    test_str_eq(s, "server_name（忽略）；0x0a0a（offered）", "list translated item by item");
    free(s);
    /* Bare terms (the certificate library's reasons): joined, each translated. */
    char reasons[128] = "";
    tls_text_list_add(reasons, sizeof reasons, NULL, "The CRL is expired");
    tls_text_list_add(reasons, sizeof reasons, NULL, "ignored");
    tls_text_make(&t, TLS_TEXT_CHAIN_BAD, TLS_ARGS(TLS_ARG_L("detail", reasons)));
    s = tls_text_english(&t);
    test_str_eq(s, "the chain does not lead to a trusted CA: The CRL is expired; ignored",
                "bare terms in English");
    free(s);
    s = tls_text_render("{detail}", &t, cn);
    test_str_eq(s, "The CRL is expired；忽略", "bare terms translated");
    free(s);
    char tiny[12] = "";
    tls_text_list_add(tiny, sizeof tiny, "server_name", "ignored");
    tls_text_list_add(tiny, sizeof tiny, "x", "y");
    test_check(strlen(tiny) < sizeof tiny, "a list is cut, never overflowed");
}

static void test_bounds(void)
{
    tls_text t;
    char big[3 * TLS_TEXT_VALUES_SIZE];
    /* "é" is two bytes: a cut must not split it. */
    for (size_t i = 0; i + 1 < sizeof big; i += 2)
        memcpy(big + i, "\xc3\xa9", 2);
    big[sizeof big - 1] = '\0';
    tls_text_make(&t, TLS_TEXT_FREE, TLS_ARGS(TLS_ARG_S("text", big)));
    const char *v = tls_text_arg_value(&t, "text");
    size_t n = strlen(v);
    test_check(n < TLS_TEXT_VALUES_SIZE && n % 2 == 0, "long value cut whole (%zu bytes)", n);
    tls_text_arg many[TLS_TEXT_MAX_ARGS + 3];
    for (size_t i = 0; i < TLS_TEXT_MAX_ARGS + 2; i++)
        many[i] = TLS_ARG_U("n", i);
    many[TLS_TEXT_MAX_ARGS + 2] = (tls_text_arg){.kind = TLS_TEXT_ARG_END};
    tls_text_make(&t, TLS_TEXT_FREE, many);
    test_check(t.nargs == TLS_TEXT_MAX_ARGS, "at most %d arguments", TLS_TEXT_MAX_ARGS);
}

/* Events keep the id with its arguments and the English rendering. */
static void test_trace(void)
{
    tls_trace tr;
    tls_trace_init(&tr);
    tls_trace_note(&tr, 4, TLS_PARTY_SERVER, TLS_TEXT_SERVER_SIGNED,
                   TLS_ARGS(TLS_ARG_S("hash", "SHA384")));
    tls_trace_check(&tr, 3, TLS_PARTY_CLIENT, TLS_TEXT_CHECK_HOST, false, TLS_TEXT_HOST_BAD,
                    TLS_ARGS(TLS_ARG_S("host", "example.org")));
    test_check(tr.n == 2 && tr.ev[0].msg && tr.ev[0].msg->id == TLS_TEXT_SERVER_SIGNED,
               "note carries its id");
    test_str_eq(tr.ev[0].text, "the server signed SHA384(client_random ‖ server_random ‖ params) "
                               "with the private key of its certificate", "note in English");
    test_check(tr.ev[1].what == TLS_TEXT_CHECK_HOST, "check carries what was checked");
    test_str_eq(tr.ev[1].name, "host name", "check label in English");
    test_str_eq(tr.ev[1].text, "the certificate is not valid for example.org", "check detail");
    tls_trace_free(&tr);
}

/* Peer strings are stored safe for a terminal and for JSON. */
static void test_escape(void)
{
    char out[64];
    const char *in = "a\x1b]0;x\x07\xc2\x9b\xff\xe4\xb8\xad\xc0\xaf\xed\xa0\x80z";
    tls_text_escape(in, strlen(in), out, sizeof out);
    test_str_eq(out, "a\\x1b]0;x\\x07\\xc2\\x9b\\xff\xe4\xb8\xad\\xc0\\xaf\\xed\\xa0\\x80z",
                "ESC, BEL and C1 CSI escaped, invalid/overlong/surrogate bytes escaped, 中 kept");
    tls_text_escape("\x01\x02\x03", 3, out, 10);
    test_str_eq(out, "\\x01\\x02", "a character that does not fit is left out whole");
    /* Bytes, not only C strings: a NUL (an SNI "a\0b", decrypted data) is
     * shown, not taken for the end of what follows it. */
    tls_text_escape("GET\0/\r\n", 7, out, sizeof out);
    test_str_eq(out, "GET\\x00/\\x0d\\x0a", "NUL, CR and LF escaped, nothing cut");
    tls_text t;
    tls_text_make(&t, TLS_TEXT_EOF_MISSING_MESSAGE,
                  TLS_ARGS(TLS_ARG_T("party", "client"), TLS_ARG_S("message", "\x1b[2J")));
    char eng[256];
    tls_text_english_into(&t, eng, sizeof eng);
    test_str_eq(eng, "the client sent no \\x1b[2J", "string arguments are stored escaped");
}

int main(void)
{
    test_escape();
    test_catalogue_complete();
    test_render();
    test_terms();
    test_lists();
    test_bounds();
    test_trace();
    return test_finish();
}
