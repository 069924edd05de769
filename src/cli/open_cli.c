/* `tlssim open FILE --list`: the TLS connections of a capture, one line
 * each, read by the capture library (tlssim/capture.h); without --list,
 * one connection walked through step by step (open_walk.c). */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "open_internal.h"
#include "tlssim/capture.h"
#include "tlssim/i18n.h"
#include "tlssim/suites.h"

static void open_usage(FILE *out)
{
    fputs(_("usage: tlssim open FILE [--conn N] [--keys KEYLOG] [--server-key PEM]\n"
            "                   [--tui|--text|--json] [--html FILE] [--keep BYTES]\n"
            "                   [--lang zh|en] [--lessons DIR] [--no-lessons]\n"
            "       tlssim open FILE --list [--keys KEYLOG] [--server-key PEM]\n"
            "\n"
            "Steps through one TLS 1.2 connection of a capture (pcap or pcapng) like a\n"
            "simulated run: every record both ways and the TCP frames that carried it,\n"
            "every message dissected, what each side sent and received, and what the key\n"
            "material computes: master secret, key block, both Finished decrypted and\n"
            "checked, the application data decrypted.  Without key material: what an\n"
            "eavesdropper sees.\n"
            "\n"
            "  --list          the TLS connections in the capture, one line each\n"
            "  --conn N        the connection to follow (its number in --list; default:\n"
            "                  the first TLS connection)\n"
            "  --keys KEYLOG   an NSS key log (CLIENT_RANDOM lines, as browsers, curl,\n"
            "                  OpenSSL -keylogfile and Go write them): the master secret\n"
            "  --server-key PEM  the server's RSA private key: with the RSA key exchange,\n"
            "                  the pre-master secret decrypted from the ClientKeyExchange\n"
            "                  (ECDHE and DHE: forward secrecy, it cannot open them)\n"
            "  --tui, --text, --json  the front end (default: the TUI on a terminal)\n"
            "  --html FILE     also write the walkthrough as an HTML handout\n"
            "  --keep BYTES    application data shown per direction (default 262144);\n"
            "                  the rest is counted\n"
            "  --lang zh|en    language of the interface and lessons (default from LANG)\n"
            "  --lessons DIR   a teacher's lessons folder; --no-lessons: values only\n"
            "Exit status: 0 followed (with keys: both Finished verified), 1 a connection\n"
            "that cannot be followed (not TLS 1.2, cut short, keys that do not fit),\n"
            "2 unusable input (not a capture, no TLS, a bad key file, a bad --conn).\n"), out);
}

/* 0 to go on, 1 after --help, 2 on a usage error (a line was printed). */
static int open_parse(int argc, char **argv, open_options *o)
{
    static const struct option long_options[] = {
        {"list", no_argument, NULL, 'l'},
        {"keys", required_argument, NULL, 'k'},
        {"server-key", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {"lang", required_argument, NULL, 'L'},
        {"conn", required_argument, NULL, 'c'},
        {"tui", no_argument, NULL, 'T'},
        {"text", no_argument, NULL, 't'},
        {"json", no_argument, NULL, 'j'},
        {"html", required_argument, NULL, 'H'},
        {"keep", required_argument, NULL, 'K'},
        {"lessons", required_argument, NULL, 'D'},
        {"no-lessons", no_argument, NULL, 'N'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof(*o));
    optind = 1;
    opterr = 0;
    int c, mine;
    while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
        if (c == 'l') {
            o->list = true;
        } else if (c == 'k') {
            o->keys = optarg;
        } else if (c == 's') {
            o->server_key = optarg;
        } else if ((mine = open_walk_option(c, optarg, o)) != 0) {
            if (mine < 0)
                return 2;
        } else if (c == 'h') {
            open_usage(stdout);
            return 1;
        } else {
            fprintf(stderr, c == ':' ? _("tlssim open: %s needs a value\n")
                                     : _("tlssim open: unknown option %s\n"), argv[optind - 1]);
            return 2;
        }
    }
    if (optind + 1 != argc) {
        open_usage(stderr);
        return 2;
    }
    o->file = argv[optind];
    return 0;
}

static const char *version_name(uint16_t v, char *buf, size_t len)
{
    static const char *const names[] = { "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3" };
    if (v >= 0x0300 && v <= 0x0304)
        return names[v - 0x0300];
    snprintf(buf, len, "0x%04x", (unsigned)v);
    return buf;
}

static void endpoint(const tls_cap_addr *a, char *out, size_t len)
{
    char ip[64];
    tls_cap_addr_str(a, ip, sizeof(ip));
    snprintf(out, len, a->family == 6 ? "[%s]:%u" : "%s:%u", ip, (unsigned)a->port);
}

typedef struct listing {
    unsigned tls;
    const tls_keylog *keys;       /* NULL without --keys */
    const tls_privkey *server_key;/* NULL without --server-key */
    unsigned keyed;               /* connections the key log has */
    unsigned bad_conn;            /* the first that cannot be followed, or 0 */
    tls_cap_follow bad_why;       /* why (TLS_CAP_FOLLOW_OK: its secrets or Finished) */
    uint16_t bad_value;           /* its version or suite */
    unsigned mismatch_conn;       /* the first whose certificate is not the server key's, or 0 */
} listing;

static const char *finished_word(tls_cap_finished f)
{
    switch (f) {
    case TLS_CAP_FINISHED_OK: return _("verified");
    case TLS_CAP_FINISHED_BAD: return _("does not verify");
    case TLS_CAP_FINISHED_UNREADABLE: return _("did not decrypt");
    default: return _("not seen");
    }
}

/* With --server-key: what the server's key could do, as a phrase. */
static const char *server_key_phrase(tls_cap_server_key k)
{
    switch (k) {
    case TLS_CAP_KEY_DECRYPTED:
        return _("server key: pre-master secret decrypted");
    case TLS_CAP_KEY_NO_DECRYPT:
        return _("server key: does not decrypt the pre-master secret (not this server's key)");
    case TLS_CAP_KEY_FORWARD_SECRET:
        return _("server key: no use here (forward secrecy: with ECDHE the server's key only "
                 "signed its ephemeral key; it never protected this session's secret)");
    case TLS_CAP_KEY_MISMATCH:
        return _("server key: does not match the server's certificate (not this server's key)");
    default:
        return NULL;
    }
}

/* With --keys or --server-key: where the secret came from, and what became
 * of each Finished. */
static void print_keys(listing *l, const tls_cap_conn *c, const tls_cap_tls *t)
{
    tls_cap_follow why = tls_cap_tls_follow(t);
    if (why == TLS_CAP_FOLLOW_SUITE)
        fputs(_("  suite not implemented by tlssim: not decrypted"), stdout);
    if (why == TLS_CAP_FOLLOW_VERSION || why == TLS_CAP_FOLLOW_SUITE) {
        if (!l->bad_conn) {
            l->bad_conn = c->id;
            l->bad_why = why;
            l->bad_value = why == TLS_CAP_FOLLOW_VERSION ? t->version : t->suite;
        }
        return;
    }
    if (t->by_key == TLS_CAP_KEY_MISMATCH && !l->mismatch_conn)
        l->mismatch_conn = c->id;
    /* A resumed connection has no key exchange: its master secret is the
     * one an earlier connection made, found when that one was opened. */
    bool resumed_by_key = l->server_key && !t->keyed && t->resumed && !t->session_conn;
    const char *by_key = resumed_by_key ? _("server key: no use here (a resumed connection reuses "
                                            "an earlier connection's master secret)")
                                        : server_key_phrase(t->by_key);
    if (l->keys)
        printf("  %s", t->keyed ? _("key log: master secret found") : _("key log: no line for it"));
    if (t->session_conn)
        printf(_("  server key: the master secret of the session connection #%u made"),
               t->session_conn);
    else if (by_key)
        printf("  %s", by_key);
    bool failed = !resumed_by_key && (t->by_key == TLS_CAP_KEY_NO_DECRYPT ||
                                      t->by_key == TLS_CAP_KEY_FORWARD_SECRET);
    if (t->keyed || t->by_key == TLS_CAP_KEY_DECRYPTED || t->session_conn) {
        l->keyed++;
        printf(_("  client Finished %s, server Finished %s"), finished_word(t->finished[0]),
               finished_word(t->finished[1]));
        for (int d = 0; d < 2; d++)
            failed |= t->finished[d] == TLS_CAP_FINISHED_BAD ||
                      t->finished[d] == TLS_CAP_FINISHED_UNREADABLE;
    }
    if (failed && !l->bad_conn)
        l->bad_conn = c->id;
}

/* An extension's name for the listing: IANA's, GREASE, or its number. */
static const char *extension_label(uint16_t type, char *buf, size_t len)
{
    const char *name = tls_extension_name(type);
    if (name)
        return name;
    if (tls_grease(type))
        return "GREASE";
    snprintf(buf, len, "0x%04x", (unsigned)type);
    return buf;
}

/* A second line, when the hellos carried extensions tlssim does not
 * implement: their names, each hello's in order (the parsers skip them). */
static void print_skipped(const tls_cap_tls *t)
{
    static const char *const hello[2] = { "ClientHello", "ServerHello" };
    if (t->nskipped[0] + t->nskipped[1] + t->skipped_more[0] + t->skipped_more[1] == 0)
        return;
    fputs(_("    extensions tlssim does not implement, skipped:"), stdout);
    for (int d = 0; d < 2; d++) {
        if (t->nskipped[d] + t->skipped_more[d] == 0)
            continue;
        printf(" %s", hello[d]);
        for (size_t i = 0; i < t->nskipped[d]; i++) {
            char buf[8];
            printf("%s %s", i ? "," : "", extension_label(t->skipped[d][i], buf, sizeof buf));
        }
        if (t->skipped_more[d])
            printf(_(" and %zu more"), t->skipped_more[d]);
        if (d == 0 && t->nskipped[1] + t->skipped_more[1])
            putchar(';');
    }
    putchar('\n');
}

static void list_one(void *ctx, const tls_cap_conn *c, const tls_cap_tls *t)
{
    listing *l = ctx;
    char from[80], to[80], sni[4 * TLS_MAX_HOSTNAME + 1], vbuf[8], sbuf[96];
    l->tls++;
    endpoint(&c->end[0], from, sizeof(from));
    endpoint(&c->end[1], to, sizeof(to));
    tls_text_escape(t->server_name, strlen(t->server_name), sni, sizeof(sni));
    const tls_suite *s = tls_suite_by_id(t->suite);
    /* One tlssim does not implement: its number, and its name when known. */
    const char *iana = tls_suite_wire_name(t->suite);
    if (iana)
        snprintf(sbuf, sizeof(sbuf), "0x%04x (%s)", (unsigned)t->suite, iana);
    else
        snprintf(sbuf, sizeof(sbuf), "0x%04x", (unsigned)t->suite);
    const char *how = !t->server_hello ? _("no ServerHello")
                    : t->version != TLS_VERSION_1_2 ? _("not TLS 1.2: not followed")
                    : t->resumed ? _("resumed")
                    : t->client_certificate ? _("full handshake with a client certificate")
                    : t->cert_request ? _("full handshake, client certificate asked, none sent")
                    : _("full handshake");
    printf("#%u  %s -> %s  %s  %s  %s  ", c->id, from, to, sni[0] ? sni : "-",
           t->server_hello ? version_name(t->version, vbuf, sizeof(vbuf)) : "-",
           !t->server_hello ? "-" : s ? s->name : sbuf);
    printf(_("records %" PRIu64 "/%" PRIu64 "  %s"), t->records[0], t->records[1], how);
    if (l->keys || l->server_key)
        print_keys(l, c, t);
    putchar('\n');
    print_skipped(t);
}

/* One line on stderr for a capture that cannot be used; the exit status. */
int open_cannot_read(const char *file, tls_cap_status st, const char *why)
{
    char buf[512];
    const char *detail = tls_i18n_system(why, buf, sizeof buf);
    switch (st) {
    case TLS_CAP_UNREADABLE:
        fprintf(stderr, _("tlssim: %s is not a capture tlssim can read: %s\n"), file, detail);
        break;
    case TLS_CAP_LINK_UNKNOWN:
        fprintf(stderr, _("tlssim: %s: link type %s is not one tlssim decodes\n"), file, detail);
        break;
    case TLS_CAP_TRUNCATED:
        fprintf(stderr, _("tlssim: %s is cut short: %s\n"), file, detail);
        break;
    default:
        fputs(_("tlssim: out of memory\n"), stderr);
        break;
    }
    return 2;
}

/* Load --keys; false (one line printed) when it cannot be used. */
static bool load_keys(const char *path, tls_keylog *kl)
{
    tls_keylog_status st = tls_keylog_load(path, kl);
    if (st == TLS_KEYLOG_UNREADABLE)
        fprintf(stderr, _("tlssim: cannot read the key log %s: %s\n"), path, tls_i18n_strerror(errno));
    else if (st == TLS_KEYLOG_NO_ENTRY)
        fprintf(stderr, _("tlssim: the key log %s has no CLIENT_RANDOM line\n"), path);
    else if (st == TLS_KEYLOG_TOO_MANY)
        fprintf(stderr, _("tlssim: the key log %s has more than %u secrets\n"), path, TLS_KEYLOG_MAX);
    else if (st != TLS_KEYLOG_OK)
        fputs(_("tlssim: out of memory\n"), stderr);
    return st == TLS_KEYLOG_OK;
}

/* Load --server-key; NULL (one line printed) when it cannot be used. */
static tls_privkey *load_server_key(const char *path)
{
    char pem[65536];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(pem, 1, sizeof(pem) - 1, f) : 0;
    bool whole = f && !ferror(f) && feof(f);
    if (!f) {
        fprintf(stderr, _("tlssim: cannot read the server key %s: %s\n"), path, tls_i18n_strerror(errno));
        return NULL;
    }
    fclose(f);
    pem[n] = '\0';
    tls_privkey *key = NULL;
    if (!whole || tls_privkey_parse_pem(&key, pem) != TLS_OK) {
        fprintf(stderr, _("tlssim: %s is not a PEM private key tlssim can use\n"), path);
        key = NULL;
    }
    tls_wipe(pem, sizeof(pem));
    return key;
}

static int list_connections(const open_options *o, listing *l);

int cli_open_command(int argc, char **argv, cli_options *co, tls_app_run *run)
{
    static open_options o;
    int rc = open_parse(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : 2;
    static tls_keylog kl; /* a walkthrough uses them until cli_open_release */
    listing l = { 0 };
    if (o.keys && !load_keys(o.keys, &kl))
        return 2;
    l.keys = o.keys ? &kl : NULL;
    tls_privkey *key = o.server_key ? load_server_key(o.server_key) : NULL;
    l.server_key = key;
    if (o.server_key && !key)
        rc = 2;
    else if (!o.list)
        rc = open_walk_describe(&o, l.keys, key, co, run);
    else
        rc = list_connections(&o, &l);
    if (rc == CLI_OPEN_WALK)
        return rc;
    tls_privkey_free(key);
    if (o.keys)
        tls_keylog_free(&kl);
    return rc;
}

/* The line for the first connection that cannot be followed; exit 1. */
static int cannot_follow(const listing *l)
{
    char vbuf[8];
    const char *name = tls_suite_wire_name(l->bad_value);
    if (l->bad_why == TLS_CAP_FOLLOW_VERSION)
        fprintf(stderr, _("tlssim: connection #%u is %s; tlssim follows TLS 1.2 connections only\n"),
                l->bad_conn, version_name(l->bad_value, vbuf, sizeof vbuf));
    else if (l->bad_why == TLS_CAP_FOLLOW_SUITE)
        fprintf(stderr, _("tlssim: connection #%u uses suite 0x%04x (%s), which tlssim does not "
                          "implement: it cannot be decrypted\n"),
                l->bad_conn, (unsigned)l->bad_value, name ? name : _("unknown"));
    else
        fprintf(stderr, _("tlssim: connection #%u cannot be followed with the secrets given\n"),
                l->bad_conn);
    return 1;
}

void cli_open_release(tls_app_run *run)
{
    tls_privkey_free((tls_privkey *)run->capture.server_key);
    if (run->capture.keys)
        tls_keylog_free((tls_keylog *)run->capture.keys);
}

/* The listing and its exit status. */
static int list_connections(const open_options *o, listing *l)
{
    tls_cap_stats stats;
    char detail[512];
    tls_cap_sessions sessions = {0};
    tls_cap_status st = tls_cap_list_sessions(o->file, l->keys, l->server_key,
                                              l->server_key ? &sessions : NULL, list_one, l,
                                              &stats, detail, sizeof(detail));
    tls_cap_sessions_free(&sessions);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    if (st != TLS_CAP_OK)
        return open_cannot_read(o->file, st, detail);
    if (l->tls == 0) {
        fprintf(stderr, _("tlssim: no TLS connection in %s (%" PRIu64 " packets, %u TCP connections)\n"),
                o->file, stats.frames, stats.conns);
        return 2;
    }
    if (l->mismatch_conn) {
        fprintf(stderr, _("tlssim: the server key %s does not match the certificate of connection #%u\n"),
                o->server_key, l->mismatch_conn);
        return 2;
    }
    if (l->bad_conn)
        return cannot_follow(l);
    if (l->keyed == 0 && (l->keys || l->server_key)) {
        fprintf(stderr, _("tlssim: the secrets given open no connection in %s\n"), o->file);
        return 1;
    }
    return 0;
}
