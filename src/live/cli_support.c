/*
 * Command-line helpers of issue 5 that every build of the CLI needs (the
 * program and the benchmark): is this a live run, save --keylog/--pcap,
 * and the live run's header for the text and JSON walkthroughs.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tlssim/export.h"

bool cli_is_live(const cli_options *o) { return o->connect || o->listen; }

bool cli_export_save(const cli_options *o, const tls_trace *t)
{
    bool ok = true, keylog_ok = false;
    char why[512];
    /* stderr: stdout may be a JSON document that must stay parseable. */
    if (o->keylog_path) {
        if (tls_keylog_save(t, o->keylog_path, why, sizeof why) == TLS_OK) {
            fprintf(stderr, "tlssim: key log written to %s\n", o->keylog_path);
            keylog_ok = true;
        } else {
            fprintf(stderr, "tlssim: %s\n", why);
            ok = false;
        }
    }
    if (o->pcap_path) {
        if (tls_pcap_save(t, o->pcap_path, why, sizeof why) == TLS_OK) {
            if (keylog_ok)
                fprintf(stderr, "tlssim: pcap written to %s (to decrypt: tshark -r %s "
                                "-o tls.keylog_file:%s)\n",
                        o->pcap_path, o->pcap_path, o->keylog_path);
            else
                fprintf(stderr, "tlssim: pcap written to %s\n", o->pcap_path);
        } else {
            fprintf(stderr, "tlssim: %s\n", why);
            ok = false;
        }
    }
    return ok;
}

void cli_text_live_header(FILE *out, const cli_options *o)
{
    const tls_live_info *li = o->live_info;
    bool client = o->connect != NULL;
    fputs("tlssim: a live TLS 1.2 handshake, step by step\n", out);
    fprintf(out, "The simulated %s (%s) and a real %s at %s", client ? "client" : "server",
            li->local[0] ? li->local : "-", client ? "server" : "client",
            li->peer[0] ? li->peer : "-");
    if (li->server_name[0])
        fprintf(out, "; server name %s", li->server_name);
    fputs("\n", out);
    if (li->suite)
        fprintf(out, "Negotiated %s; master secret: %s\n", li->suite->name,
                li->ems ? "extended (RFC 7627)" : "classic");
    fprintf(out, "Only the %s's secrets are known here: the %s's side is what crossed the wire.\n",
            client ? "client" : "server", client ? "server" : "client");
}
