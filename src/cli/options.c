/* Command-line options: see cli.h.  Every bad value is one clear line and exit 2. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "tlssim/i18n.h"
#include "tlssim/text.h"
#include "tlssim_config.h"

/* --help, a section a msgid (translators keep the option names and the
 * columns); the sections are printed a blank line apart. */
static const char *const usage_sections[] = {
    N_("Usage: tlssim [OPTIONS]\n"
       "       tlssim open FILE [--conn N] [--keys KEYLOG] [--server-key PEM] [--list]\n"
       "                        step through a TLS 1.2 connection of a pcap or pcapng\n"
       "                        (tlssim open --help)\n"
       "       tlssim lessons check DIR\n"),
    N_("Runs a real TLS 1.2 handshake between an in-process client and server and\n"
       "shows each of the ten steps: the bytes on the wire, what they mean, and what\n"
       "each side (and an eavesdropper) knows after it.\n"),
    N_("Front ends (default: the TUI on a terminal, text otherwise):\n"
       "  --tui                 the interactive walkthrough\n"
       "  --text                step-by-step text on stdout\n"
       "  --json                one JSON document with every step, record and value\n"),
    N_("The handshake:\n"
       "  --kx ecdhe|dhe|rsa    key exchange (default ecdhe)\n"
       "  --server-cert rsa|ecdsa  the demo server certificate (default rsa; also\n"
       "                        --listen): RSA-2048 or ECDSA P-256, both issued by\n"
       "                        the demo intermediate CA; the server picks only\n"
       "                        suites it can serve (ecdsa: ECDHE_ECDSA), and the\n"
       "                        demo client's certificate is of the same kind\n"
       "  --suite NAME|0xXXXX   cipher suite the server accepts, e.g.\n"
       "                        TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 or 0x009c\n"
       "  --group NAME          ECDHE group: secp256r1 (default), x25519, secp384r1\n"
       "  --ems on|off          extended master secret, RFC 7627 (default off)\n"
       "  --etm on|off          encrypt-then-MAC for CBC suites, RFC 7366 (default on;\n"
       "                        off shows TLS 1.2's original MAC-then-encrypt)\n"
       "  --seed N              reproducible randoms and keys (a whole class sees the\n"
       "                        same values); without it, real entropy\n"
       "  --scenario FILE       fix randoms and ephemeral private keys (see README)\n"
       "  --tamper R:O[:X]      XOR byte O of record R (counting from 0) with X\n"
       "                        (default ff) on its way: watch the alert it causes\n"),
    N_("The attack lab (the in-process run):\n"
       "  --attack NAME         an attacker on the channel between client and server:\n"
       "                        see what it changes and computes, and where and why\n"
       "                        the handshake stops it; --attack list names them\n"),
    N_("Client certificates:\n"
       "  --client-auth off|request|require\n"
       "                        the server asks for a client certificate (request:\n"
       "                        goes on without one; require: refuses); default off\n"
       "  --client-cert FILE|none  the certificate the client presents when asked\n"
       "                        (default: the demo client's in-process, none live;\n"
       "                        none: answer with an empty Certificate)\n"
       "  --client-key FILE     its private key (PEM; live mode)\n"
       "  With --listen, --ca FILE names the CAs a client certificate must chain to\n"
       "  (default the demo CA).\n"),
    N_("Session resumption:\n"
       "  --resume off|id|ticket  two handshakes: a full one, then an abbreviated\n"
       "                        one resuming its session by session ID (server-side\n"
       "                        cache) or by ticket (RFC 5077); default off.  Live:\n"
       "                        --connect connects twice, offering the first\n"
       "                        session the second time; --listen serves two clients\n"
       "                        and may resume the first's session for the second\n"),
    N_("Side by side (the TUI, --text or --json):\n"
       "  --compare A,B[,C]     two or three runs with the same seed, aligned by\n"
       "                        message: key exchanges (rsa,ecdhe,dhe), two suites\n"
       "                        or two groups (secp256r1,x25519)\n"),
    N_("Lessons:\n"
       "  --lang zh|en          lesson language (default from LANG/LC_ALL)\n"
       "  --lessons DIR         use a teacher's own lessons folder\n"
       "  --no-lessons          values only\n"
       "  --glossary            print the glossary: each English term and the Chinese\n"
       "                        term the lessons use (in the --lang language)\n"),
    N_("TUI:\n"
       "  --auto SECONDS        advance by itself with a countdown, 0.2 to 3600\n"
       "                        (Space pauses/resumes)\n"
       "  --step N              open at step N of the run's flow\n"
       "                        (inside: ? lists the keys; w writes key log, pcap, HTML)\n"
       "  --projector           for a lecture hall: one big pane for the current\n"
       "                        message (v: the full panes)\n"
       "  --quiz                the projector pane hides each new value until\n"
       "                        Enter (or the next-step key) reveals it\n"),
    N_("Check it elsewhere (Wireshark, tshark):\n"
       "  --keylog FILE         write the NSS key log line (as SSLKEYLOGFILE does)\n"
       "  --pcap FILE           write the records as a pcap of one TCP connection\n"
       "                        127.0.0.1 -> 127.0.0.2:443\n"),
    N_("A handout to print or share:\n"
       "  --html FILE           write the run as one self-contained HTML page: a ladder\n"
       "                        diagram, per step who knows what, the eavesdropper's\n"
       "                        view, the bytes and the lesson (prints on A4)\n"),
    N_("Live mode (a real TLS 1.2 peer over TCP):\n"
       "  --connect HOST:PORT   be the client of a real server, e.g. openssl s_server\n"
       "  --listen [ADDR:]PORT  be the server (demo certificate) for one real client,\n"
       "                        e.g. openssl s_client or curl; ADDR defaults to\n"
       "                        127.0.0.1, PORT 0 picks a free port\n"
       "  --sni NAME            server name to send and check (--connect; default\n"
       "                        HOST, or www.example.test when HOST is an address)\n"
       "  --ca FILE             PEM trust anchors (--connect; default the demo CA)\n"
       "  --timeout SECONDS     the whole run with the peer, handshake and exchange,\n"
       "                        ends within this (default 10; --listen waits\n"
       "                        60 s for a client unless this is given)\n"
       "  --keep BYTES          application data kept and shown (default 262144);\n"
       "                        the rest is decrypted and counted, not kept\n"
       "  In live mode --ems defaults to on, --suite/--kx/--group narrow what is\n"
       "  offered (--connect) or accepted (--listen).\n"),
    N_("  -h, --help            this text\n"
       "  -V, --version         version\n"),
};

void cli_usage(FILE *out)
{
    for (size_t i = 0; i < sizeof usage_sections / sizeof usage_sections[0]; i++) {
        if (i)
            fputc('\n', out);
        fputs(_(usage_sections[i]), out);
    }
}

cli_mode cli_mode_resolve(cli_mode asked)
{
    if (asked != CLI_MODE_AUTO)
        return asked;
    return isatty(STDOUT_FILENO) && isatty(STDIN_FILENO) ? CLI_MODE_TUI : CLI_MODE_TEXT;
}

bool cli_is_live(const cli_options *o) { return o->connect || o->listen; }

int cli_usage_error(const char *fmt, const char *arg)
{
    /* The line quotes what the user typed (an option, a file name, a
     * --compare list), which may hold escape sequences or bytes that are
     * not UTF-8: escaped like every other outside string before it reaches
     * the terminal. */
    char line[PATH_MAX + 1024], safe[4 * sizeof line];
    snprintf(line, sizeof line, fmt, arg);
    tls_text_escape(line, strlen(line), safe, sizeof safe);
    fprintf(stderr, "tlssim: %s\n%s\n", safe, _("Try 'tlssim --help' for more information."));
    return 2;
}

static int usage_error(const char *fmt, const char *arg) { return cli_usage_error(fmt, arg); }

/* --suite named nothing we implement: the list comes from the suite table,
 * so it names every suite a new row adds. */
static int suite_unknown(const char *arg)
{
    size_t n;
    const tls_suite *s = tls_suites_all(&n);
    char list[TLS_SUITE_COUNT * 48] = "";
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", s[i].name);
    char msg[sizeof list + 256];
    snprintf(msg, sizeof msg, _("--suite: unknown cipher suite '%s' (supported: %s)"), arg, list);
    return usage_error("%s", msg);
}

bool cli_kx_parse(const char *s, tls_kx *kx)
{
    if (strcmp(s, "ecdhe") == 0)
        *kx = TLS_KX_ECDHE_RSA;
    else if (strcmp(s, "rsa") == 0)
        *kx = TLS_KX_RSA;
    else if (strcmp(s, "dhe") == 0)
        *kx = TLS_KX_DHE_RSA;
    else
        return false;
    return true;
}

/* Numbers are strict: strtoul and strtod skip leading blanks and take a
 * sign ("\t-1" would be 2^64-1), so a number must start with a digit and
 * end where the argument (or its field) ends. */
static bool starts_number(const char *s, int base)
{
    return base == 16 ? isxdigit((unsigned char)s[0]) : isdigit((unsigned char)s[0]);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    if (!starts_number(s, 10))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

static bool parse_size(const char *s, size_t *out, int base, char stop, const char **rest)
{
    char *end;
    if (!starts_number(s, base))
        return false;
    errno = 0;
    unsigned long v = strtoul(s, &end, base);
    if (errno || end == s || (*end != stop && *end != '\0'))
        return false;
    *out = v;
    *rest = end;
    return true;
}

/* R:O[:X] with R and O decimal and X hex (one nonzero byte). */
static bool parse_tamper(const char *s, tls_tamper *t)
{
    const char *rest;
    size_t rec, off, mask = 0xff;
    if (!parse_size(s, &rec, 10, ':', &rest) || *rest != ':')
        return false;
    if (!parse_size(rest + 1, &off, 10, ':', &rest))
        return false;
    if (*rest == ':' && (!parse_size(rest + 1, &mask, 16, '\0', &rest) || mask == 0 || mask > 0xff))
        return false;
    t->enabled = true;
    t->record = rec;
    t->offset = off;
    t->xor_mask = (uint8_t)mask;
    return true;
}

enum {
    OPT_TEXT = 256, OPT_JSON, OPT_TUI, OPT_KX, OPT_SUITE, OPT_GROUP, OPT_SEED,
    OPT_SCENARIO, OPT_TAMPER, OPT_EMS, OPT_ETM, OPT_LANG, OPT_LESSONS, OPT_NO_LESSONS,
    OPT_AUTO, OPT_STEP,
    OPT_KEYLOG, OPT_PCAP, OPT_HTML, OPT_CONNECT, OPT_LISTEN, OPT_SNI, OPT_CA, OPT_TIMEOUT,
    OPT_KEEP, OPT_CLIENT_AUTH, OPT_CLIENT_CERT, OPT_CLIENT_KEY,
    OPT_COMPARE, OPT_PROJECTOR, OPT_QUIZ, OPT_GLOSSARY, OPT_RESUME, OPT_SERVER_CERT,
    OPT_ATTACK
};

static const struct option long_options[] = {
    {"text", no_argument, NULL, OPT_TEXT},
    {"json", no_argument, NULL, OPT_JSON},
    {"tui", no_argument, NULL, OPT_TUI},
    {"kx", required_argument, NULL, OPT_KX},
    {"suite", required_argument, NULL, OPT_SUITE},
    {"group", required_argument, NULL, OPT_GROUP},
    {"seed", required_argument, NULL, OPT_SEED},
    {"scenario", required_argument, NULL, OPT_SCENARIO},
    {"tamper", required_argument, NULL, OPT_TAMPER},
    {"ems", required_argument, NULL, OPT_EMS},
    {"etm", required_argument, NULL, OPT_ETM},
    {"lang", required_argument, NULL, OPT_LANG},
    {"lessons", required_argument, NULL, OPT_LESSONS},
    {"no-lessons", no_argument, NULL, OPT_NO_LESSONS},
    {"glossary", no_argument, NULL, OPT_GLOSSARY},
    {"auto", required_argument, NULL, OPT_AUTO},
    {"step", required_argument, NULL, OPT_STEP},
    {"keylog", required_argument, NULL, OPT_KEYLOG},
    {"pcap", required_argument, NULL, OPT_PCAP},
    {"html", required_argument, NULL, OPT_HTML},
    {"connect", required_argument, NULL, OPT_CONNECT},
    {"listen", required_argument, NULL, OPT_LISTEN},
    {"sni", required_argument, NULL, OPT_SNI},
    {"ca", required_argument, NULL, OPT_CA},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"client-auth", required_argument, NULL, OPT_CLIENT_AUTH},
    {"client-cert", required_argument, NULL, OPT_CLIENT_CERT},
    {"client-key", required_argument, NULL, OPT_CLIENT_KEY},
    {"compare", required_argument, NULL, OPT_COMPARE},
    {"projector", no_argument, NULL, OPT_PROJECTOR},
    {"quiz", no_argument, NULL, OPT_QUIZ},
    {"resume", required_argument, NULL, OPT_RESUME},
    {"server-cert", required_argument, NULL, OPT_SERVER_CERT},
    {"attack", required_argument, NULL, OPT_ATTACK},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int parse_client_auth(const char *arg, tls_client_auth *out)
{
    static const char *const names[] = {"off", "request", "require"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = (tls_client_auth)i;
            return 0;
        }
    }
    return usage_error(_("--client-auth: '%s' is not off, request or require"), arg);
}

static int parse_resume(const char *arg, tls_resume_mode *out)
{
    static const tls_resume_mode modes[] = {TLS_RESUME_OFF, TLS_RESUME_ID, TLS_RESUME_TICKET};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(arg, tls_resume_mode_name(modes[i])) == 0) {
            *out = modes[i];
            return 0;
        }
    }
    return usage_error(_("--resume: '%s' is not off, id or ticket"), arg);
}

static int set_mode(cli_options *o, cli_mode m)
{
    if (o->mode != CLI_MODE_AUTO && o->mode != m)
        return usage_error("%s", _("choose one of --tui, --text and --json"));
    o->mode = m;
    return 0;
}

/* A number of seconds from MIN to 3600 (an hour bounds every wait) into
 * *out; *out is left alone when it is not one. */
static bool parse_seconds(const char *arg, double min, double *out)
{
    char *end;
    errno = 0;
    double v = starts_number(arg, 10) ? strtod(arg, &end) : -1;
    if (v < 0 || errno || *end || !(v >= min && v <= 3600))
        return false;
    *out = v;
    return true;
}

/* Export and live-mode options (issue 5). */
static int apply_live_option(cli_options *o, int c, const char *arg)
{
    char host[256], port[8];
    switch (c) {
    case OPT_KEYLOG: o->keylog_path = arg; return 0;
    case OPT_PCAP: o->pcap_path = arg; return 0;
    case OPT_HTML: o->html_path = arg; return 0;
    case OPT_CONNECT:
        if (!tls_live_parse_endpoint(arg, false, host, sizeof host, port, sizeof port) ||
            strcmp(port, "0") == 0)
            return usage_error(_("--connect: '%s' is not HOST:PORT, e.g. 127.0.0.1:4433"), arg);
        o->connect = arg;
        return 0;
    case OPT_LISTEN:
        if (!tls_live_parse_endpoint(arg, true, host, sizeof host, port, sizeof port))
            return usage_error(_("--listen: '%s' is not [ADDR:]PORT, e.g. 4433 or 127.0.0.1:4433"),
                               arg);
        o->listen = arg;
        return 0;
    case OPT_SNI:
        if (!arg[0] || strlen(arg) > 253)
            return usage_error(_("--sni: '%s' is not a host name"), arg);
        o->sni = arg;
        return 0;
    case OPT_CA: o->ca_file = arg; return 0;
    case OPT_TIMEOUT:
        if (!parse_seconds(arg, 0.1, &o->timeout))
            return usage_error(_("--timeout: '%s' is not a number of seconds from 0.1 to 3600"), arg);
        return 0;
    case OPT_KEEP: {
        const char *rest;
        size_t v;
        if (!parse_size(arg, &v, 10, '\0', &rest) || v < TLS_HTTP_MAX_HEAD || v > (64u << 20))
            return usage_error(_("--keep: '%s' is not a number of bytes from 16384 to 67108864"),
                               arg);
        o->keep = v;
        return 0;
    }
    default:
        return 2;
    }
}

/* Whether a file can be written at \p path, without creating it: an
 * existing file must be writable and not a folder, a new one needs a
 * writable folder.  The reason (the system's, in the interface language)
 * on failure, else NULL. */
static const char *unwritable(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return S_ISDIR(st.st_mode)  ? tls_i18n_strerror(EISDIR)
               : access(path, W_OK) ? tls_i18n_strerror(errno)
                                    : NULL;
    if (errno != ENOENT)
        return tls_i18n_strerror(errno);
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    if (stat(dir, &st) != 0)
        return tls_i18n_strerror(errno);
    if (!S_ISDIR(st.st_mode))
        return tls_i18n_strerror(ENOTDIR);
    return access(dir, W_OK | X_OK) ? tls_i18n_strerror(errno) : NULL;
}

/* --keylog, --pcap and --html are written after the run: a name that
 * cannot be written fails now, not after a whole (live) run. */
static int check_output_paths(const cli_options *o)
{
    const struct {
        const char *opt, *path;
    } outs[] = {{"--keylog", o->keylog_path}, {"--pcap", o->pcap_path}, {"--html", o->html_path}};
    for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++) {
        if (!outs[i].path)
            continue;
        const char *why = outs[i].path[0] ? unwritable(outs[i].path) : _("an empty file name");
        if (why) {
            char msg[PATH_MAX + 256];
            snprintf(msg, sizeof msg, _("%s: cannot write '%s': %s"), outs[i].opt, outs[i].path,
                     why);
            return usage_error("%s", msg);
        }
    }
    return 0;
}

static int check_live_consistency(const cli_options *o)
{
    bool live = o->connect || o->listen;
    if (o->connect && o->listen)
        return usage_error("%s", _("choose one of --connect and --listen"));
    if ((o->sni || o->ca_file) && !o->connect)
        return usage_error("%s", _("--sni and --ca belong to --connect"));
    if (o->timeout > 0 && !live)
        return usage_error("%s", _("--timeout belongs to --connect and --listen"));
    if (o->keep > 0 && !live)
        return usage_error("%s", _("--keep belongs to --connect and --listen"));
    if (live && (o->sim.seeded || o->sim.scenario || o->sim.tamper.enabled))
        return usage_error("%s", _("--seed, --scenario and --tamper shape the in-process run; "
                                   "live mode talks to a real peer"));
    return 0;
}

/* "on" or "off" into *on; false for anything else. */
static bool parse_on_off(const char *arg, bool *on)
{
    if (strcmp(arg, "on") == 0)
        *on = true;
    else if (strcmp(arg, "off") == 0)
        *on = false;
    else
        return false;
    return true;
}

/* The options that choose the handshake's shape and its peers' keys. */
static int apply_shape_option(cli_options *o, int c, const char *arg)
{
    switch (c) {
    case OPT_KX:
        if (!cli_kx_parse(arg, &o->sim.kx))
            return usage_error(_("--kx: unknown key exchange '%s' (use ecdhe, dhe or rsa)"), arg);
        o->kx_given = true;
        return 0;
    case OPT_SERVER_CERT:
        if (strcmp(arg, "rsa") == 0)
            o->sim.server_cert = TLS_KEY_RSA;
        else if (strcmp(arg, "ecdsa") == 0)
            o->sim.server_cert = TLS_KEY_ECDSA;
        else
            return usage_error(_("--server-cert: '%s' is not rsa or ecdsa"), arg);
        o->server_cert_given = true;
        return 0;
    case OPT_SUITE:
        o->sim.suite = tls_suite_parse(arg);
        if (!o->sim.suite)
            return suite_unknown(arg);
        o->suite_given = true;
        return 0;
    case OPT_GROUP: {
        const tls_group_info *g = tls_group_parse(arg);
        if (!g)
            return usage_error(_("--group: unknown group '%s' (use secp256r1, x25519 or secp384r1)"), arg);
        o->sim.group = g->id;
        o->group_given = true;
        return 0;
    }
    case OPT_EMS:
        if (!parse_on_off(arg, &o->sim.ems))
            return usage_error(_("--ems: '%s' is not on or off"), arg);
        o->ems_given = true;
        return 0;
    case OPT_ETM: {
        bool on;
        if (!parse_on_off(arg, &on))
            return usage_error(_("--etm: '%s' is not on or off"), arg);
        o->sim.no_etm = !on;
        return 0;
    }
    case OPT_CLIENT_AUTH:
        return parse_client_auth(arg, &o->sim.client_auth);
    case OPT_CLIENT_CERT:
        o->sim.client_no_cert = strcmp(arg, "none") == 0;
        o->client_cert = o->sim.client_no_cert ? NULL : arg;
        return 0;
    case OPT_CLIENT_KEY: o->client_key = arg; return 0;
    case OPT_RESUME: return parse_resume(arg, &o->sim.resume);
    default:
        return apply_live_option(o, c, arg);
    }
}

/* The options that make the run reproducible or change what happens on
 * the channel: a seed, a scenario, an attacker, a tampered byte. */
static int apply_run_option(cli_options *o, int c, const char *arg)
{
    char err[512];
    switch (c) {
    case OPT_SEED:
        if (!parse_u64(arg, &o->sim.seed))
            return usage_error(_("--seed: '%s' is not a whole number from 0 to 18446744073709551615"), arg);
        o->sim.seeded = true;
        return 0;
    case OPT_SCENARIO: {
        tls_text problem;
        if (!tls_scenario_load(arg, &o->scenario, &problem))
            return usage_error(_("--scenario: %s"), tls_i18n_text_into(&problem, err, sizeof err));
        o->sim.scenario = &o->scenario;
        o->scenario_path = arg;
        return 0;
    }
    case OPT_ATTACK:
        return cli_attack_option(o, arg);
    case OPT_TAMPER:
        if (!parse_tamper(arg, &o->sim.tamper))
            return usage_error(_("--tamper: '%s' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01"), arg);
        return 0;
    default:
        return apply_shape_option(o, c, arg);
    }
}

/* One option: the front end's and the lessons' here, the run's below. */
static int apply_option(cli_options *o, int c, const char *arg)
{
    switch (c) {
    case OPT_TEXT: return set_mode(o, CLI_MODE_TEXT);
    case OPT_JSON: return set_mode(o, CLI_MODE_JSON);
    case OPT_TUI: return set_mode(o, CLI_MODE_TUI);
    case OPT_LANG:
        if (strcmp(arg, "zh") != 0 && strcmp(arg, "en") != 0)
            return usage_error(_("--lang: unknown language '%s' (use zh or en)"), arg);
        o->lang = arg;
        return 0;
    case OPT_LESSONS: o->lessons_dir = arg; return 0;
    case OPT_NO_LESSONS: o->no_lessons = true; return 0;
    case OPT_GLOSSARY: o->glossary = true; return 0;
    case OPT_COMPARE: o->compare = arg; return 0;
    case OPT_PROJECTOR: o->projector = true; return 0;
    case OPT_QUIZ: o->quiz = true; return 0;
    case OPT_AUTO:
        if (!parse_seconds(arg, 0.2, &o->auto_seconds))
            return usage_error(_("--auto: '%s' is not a number of seconds from 0.2 to 3600"), arg);
        return 0;
    case OPT_STEP: {
        uint64_t v;
        /* The run's flow bounds it (checked once the run is known); a
         * number no flow reaches is refused here. */
        if (!parse_u64(arg, &v) || v < 1 || v > TLS_FLOW_MAX)
            return usage_error(_("--step: '%s' is not a step number"), arg);
        o->start_step = (int)v;
        return 0;
    }
    default:
        return apply_run_option(o, c, arg);
    }
}

/* The certificate must be able to serve the suite or key exchange asked
 * for; a suite named alone picks the certificate it needs. */
static int check_server_cert(cli_options *o)
{
    if (o->server_cert_given && o->connect)
        return usage_error("%s", _("--server-cert belongs to the in-process run and --listen: "
                                   "with --connect the real server chooses its certificate"));
    if (o->sim.suite && o->server_cert_given && o->sim.suite->auth != o->sim.server_cert)
        return usage_error(o->sim.suite->auth == TLS_KEY_ECDSA
                               ? _("--suite %s needs --server-cert ecdsa")
                               : _("--suite %s needs --server-cert rsa"),
                           o->sim.suite->name);
    if (o->sim.suite)
        o->sim.server_cert = o->sim.suite->auth;
    if (o->sim.kx == TLS_KX_RSA && o->sim.server_cert == TLS_KEY_ECDSA)
        return usage_error("%s", _("--kx rsa needs an RSA certificate: an ECDSA key can sign "
                                   "but not decrypt a pre-master secret"));
    return 0;
}

/* Combinations that cannot mean anything are refused, not silently ignored. */
static int check_consistency(cli_options *o)
{
    int rc = check_live_consistency(o);
    if (!rc)
        rc = check_output_paths(o);
    if (rc)
        return rc;
    if (o->sim.suite && o->kx_given && o->sim.suite->kx != o->sim.kx)
        return usage_error(_("--suite %s does not use the key exchange --kx asked for"),
                           o->sim.suite->name);
    if (o->sim.suite)
        o->sim.kx = o->sim.suite->kx;
    if (!cli_is_live(o) && (o->client_cert || o->client_key))
        return usage_error("%s", _("--client-cert FILE and --client-key belong to live mode: "
                                   "in-process the client presents the demo client "
                                   "certificate (--client-cert none: no certificate)"));
    if (o->sim.resume != TLS_RESUME_OFF && o->sim.client_auth != TLS_CLIENT_AUTH_OFF)
        return usage_error("%s", _("--resume cannot be combined with --client-auth: tlssim "
                                   "resumes sessions without client certificates"));
    if (o->sim.resume != TLS_RESUME_OFF && o->compare)
        return usage_error("%s", _("--resume cannot be combined with --compare"));
    rc = check_server_cert(o);
    if (rc == 0)
        rc = cli_attack_check(o);
    if (rc)
        return rc;
    if (o->group_given && o->sim.kx == TLS_KX_RSA)
        return usage_error("%s", _("--group applies to ECDHE only: RSA key exchange uses no group"));
    if (o->group_given && o->sim.kx == TLS_KX_DHE_RSA)
        return usage_error("%s", _("--group applies to ECDHE only: DHE uses RFC 7919's ffdhe2048"));
    if (o->sim.scenario && o->sim.kx == TLS_KX_ECDHE_RSA) {
        /* The scalars' group is known only now: a scalar it cannot use is
         * a usage error at its line, not a failure in the middle of the run. */
        tls_text problem;
        char err[512];
        if (!tls_scenario_check_group(o->sim.scenario, o->scenario_path, o->sim.group, &problem))
            return usage_error(_("--scenario: %s"), tls_i18n_text_into(&problem, err, sizeof err));
    }
    if (o->no_lessons && (o->lessons_dir || o->lang))
        return usage_error("%s", _("--no-lessons cannot be combined with --lessons or --lang"));
    if (o->lessons_dir) {
        /* Like --scenario: a folder that cannot be used is a usage error
         * before anything runs, whichever front end (or live peer) follows. */
        char err[512];
        tls_lessons *ls = tls_lessons_open(o->lessons_dir, err, sizeof err);
        if (!ls)
            return usage_error(_("--lessons: %s"), err);
        tls_lessons_close(ls);
    }
    if (o->mode != CLI_MODE_AUTO && o->mode != CLI_MODE_TUI && (o->auto_seconds > 0 || o->start_step))
        return usage_error("%s", _("--auto and --step belong to the TUI"));
    if (o->mode != CLI_MODE_AUTO && o->mode != CLI_MODE_TUI && (o->projector || o->quiz))
        return usage_error("%s", _("--projector and --quiz belong to the TUI"));
    if (o->compare && (o->projector || o->quiz))
        return usage_error("%s", _("--projector and --quiz show one run; --compare has its own "
                                   "screen"));
    return o->compare ? cli_compare_parse(o) : 0;
}

int cli_parse(int argc, char **argv, cli_options *o)
{
    memset(o, 0, sizeof *o);
    tls_sim_config_default(&o->sim);
    o->sim.app_data = true; /* the program shows what the keys are for */
    opterr = 0;
    optind = 1;
    int c;
    while ((optopt = 0, c = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
        if (c == 'h') {
            cli_usage(stdout);
            return 1;
        }
        if (c == 'V') {
            printf("tlssim %s\n", TLSSIM_VERSION);
            return 1;
        }
        if (c == '?') {
            /* Inside a cluster (-xy) optind still names the argument before
             * it; getopt keeps the offending letter in optopt (0 for an
             * unknown long option, the option's value for one given a
             * value it does not take). */
            char shortopt[3] = {'-', (char)optopt, '\0'};
            bool letter = optopt > 0 && optopt < 128 && isprint(optopt);
            return usage_error(_("unknown option '%s'"), letter ? shortopt : argv[optind - 1]);
        }
        if (c == ':')
            return usage_error(_("option '%s' needs a value"), argv[optind - 1]);
        int rc = apply_option(o, c, optarg);
        if (rc)
            return rc;
    }
    if (optind < argc)
        return usage_error(_("unexpected argument '%s'"), argv[optind]);
    return check_consistency(o);
}
