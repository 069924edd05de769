/*
 * Command-line helpers of issue 5 that every build of the CLI needs (the
 * program and the benchmark): is this a live run, save --keylog/--pcap,
 * and the live run's header for the text and JSON walkthroughs.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tlssim/export.h"
#include "tlssim/i18n.h"

bool cli_is_live(const cli_options *o) { return o->connect || o->listen; }

bool cli_export_save(const cli_options *o, const tls_trace *t)
{
    bool ok = true, keylog_ok = false;
    tls_text why;
    char shown[sizeof why.values + 512];
    /* stderr: stdout may be a JSON document that must stay parseable. */
    if (o->keylog_path) {
        if (tls_keylog_save(t, o->keylog_path, &why) == TLS_OK) {
            fprintf(stderr, _("tlssim: key log written to %s\n"), o->keylog_path);
            keylog_ok = true;
        } else {
            fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&why, shown, sizeof shown));
            ok = false;
        }
    }
    if (o->pcap_path) {
        if (tls_pcap_save(t, o->pcap_path, &why) == TLS_OK) {
            if (keylog_ok)
                fprintf(stderr, _("tlssim: pcap written to %s (to decrypt: tshark -r %s "
                                  "-o tls.keylog_file:%s)\n"),
                        o->pcap_path, o->pcap_path, o->keylog_path);
            else
                fprintf(stderr, _("tlssim: pcap written to %s\n"), o->pcap_path);
        } else {
            fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&why, shown, sizeof shown));
            ok = false;
        }
    }
    return ok;
}

void cli_text_live_header(FILE *out, const cli_options *o)
{
    const tls_live_info *li = o->live_info;
    bool client = o->connect != NULL;
    const char *local = li->local[0] ? li->local : "-", *peer = li->peer[0] ? li->peer : "-";
    fprintf(out, "%s\n", _("tlssim: a live TLS 1.2 handshake, step by step"));
    /* Whole sentences for translators: who is simulated, with or without
     * the server name. */
    if (li->server_name[0])
        fprintf(out, client ? _("The simulated client (%s) and a real server at %s; server name %s\n")
                            : _("The simulated server (%s) and a real client at %s; server name %s\n"),
                local, peer, li->server_name);
    else
        fprintf(out, client ? _("The simulated client (%s) and a real server at %s\n")
                            : _("The simulated server (%s) and a real client at %s\n"),
                local, peer);
    if (li->suite)
        fprintf(out, li->ems ? _("Negotiated %s; master secret: extended (RFC 7627)\n")
                             : _("Negotiated %s; master secret: classic\n"),
                li->suite->name);
    fputs(client ? _("Only the client's secrets are known here: the server's side is what "
                     "crossed the wire.\n")
                 : _("Only the server's secrets are known here: the client's side is what "
                     "crossed the wire.\n"),
          out);
}
