/* tlssim: parse the command line, run the handshake, hand the trace to a front end. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tui.h"

int main(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : 2;
    /* The TUI on a terminal; plain text for pipes, files and printers. */
    if (o.mode == CLI_MODE_AUTO)
        o.mode = isatty(STDOUT_FILENO) && isatty(STDIN_FILENO) ? CLI_MODE_TUI : CLI_MODE_TEXT;
    if (o.mode == CLI_MODE_TUI)
        return tui_run(&o);

    tls_trace trace;
    tls_trace_init(&trace);
    tls_sim_result res;
    tls_sim_run(&o.sim, &trace, &res);
    if (trace.oom) {
        fputs("tlssim: out of memory\n", stderr);
        tls_trace_free(&trace);
        return 1;
    }
    if (o.mode == CLI_MODE_JSON)
        cli_json_render(stdout, &o, &trace, &res);
    else
        cli_text_render(stdout, &o, &trace, &res);
    tls_trace_free(&trace);
    if (fflush(stdout) != 0) {
        perror("tlssim: stdout");
        return 1;
    }
    return res.ok ? 0 : 1;
}
