/* Placeholder until the TUI lands: say so plainly instead of pretending. */
#include <stdio.h>

#include "tui.h"

int tui_run(const cli_options *o)
{
    (void)o;
    fputs("tlssim: the TUI is not built yet; use --text or --json\n", stderr);
    return 2;
}
