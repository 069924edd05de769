/*
 * The TUI's save key: the key log and pcap of the run on screen, written
 * where --keylog/--pcap said or next to the user, and one status line that
 * says where they went.  No ncurses here, so the unit tests can check the
 * names, the files and the message.
 */
#ifndef TLSSIM_TUI_SAVE_H
#define TLSSIM_TUI_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "tlssim/event.h"

/*
 * The default file name without its extension: "tlssim-<seed>" for a seeded
 * run (the same seed gives the same files), else "tlssim-YYYYmmdd-HHMMSS"
 * in local time (a fresh run is only told apart by when it was saved).
 */
void tui_save_stem(bool seeded, uint64_t seed, time_t now, char *out, size_t cap);

/*
 * The file the save key writes for one kind: `given` (--keylog or --pcap)
 * when set, else <stem><ext> in the current folder, built in buf.
 */
const char *tui_save_path(const char *given, const char *stem, const char *ext, char *buf,
                          size_t cap);

/* What one press of the save key achieved, for the status line. */
typedef struct tui_saved {
    const char *keylog;      /* full path of the key log written, or NULL */
    const char *pcap;        /* full path of the pcap written, or NULL */
    const char *keylog_why;  /* why the key log was not written, or NULL */
    const char *pcap_why;    /* why the pcap was not written, or NULL */
} tui_saved;

/*
 * One status line for `s`: both full paths when they fit in `width`
 * columns, else (same folder) the folder once and the two names; a file
 * that could not be written is named with its reason instead.
 */
void tui_save_message(const tui_saved *s, int width, char *out, size_t cap);

/*
 * Write the key log to keylog_path and the pcap to pcap_path (each is
 * tried even when the other fails: a run that stopped before its master
 * secret still has records), then tui_save_message into msg.
 * Returns true when both files were written.
 */
bool tui_save_files(const tls_trace *t, const char *keylog_path, const char *pcap_path,
                    int width, char *msg, size_t msg_cap);

#endif
