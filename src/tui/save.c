/* The save key's files and status line: see save.h. */
#include "save.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textw.h"
#include "tlssim/export.h"
#include "tlssim/i18n.h"

void tui_save_stem(bool seeded, uint64_t seed, time_t now, char *out, size_t cap)
{
    if (seeded) {
        snprintf(out, cap, "tlssim-%llu", (unsigned long long)seed);
        return;
    }
    struct tm tm;
    char when[32] = "unknown-time";
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
    snprintf(out, cap, "tlssim-%s", when);
}

const char *tui_save_path(const char *given, const char *stem, const char *ext, char *buf,
                          size_t cap)
{
    if (given)
        return given;
    snprintf(buf, cap, "%s%s", stem, ext);
    return buf;
}

static bool fits(const char *s, int width)
{
    return width <= 0 || tui_text_width(s) <= width;
}

/* Length of a path's folder, its last '/' included (0: a bare name). */
static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

/* Length of a path without its extension (the whole path when it has none). */
static size_t stem_len(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && dot > path + folder_len(path) ? (size_t)(dot - path) : strlen(path);
}

/* Both written: the full paths when they fit, else the shortest form that
 * still names both files whole (the shared folder, or the shared name with
 * its two extensions, said once). */
static void both_saved(const tui_saved *s, int width, char *out, size_t cap)
{
    snprintf(out, cap, _("saved the key log %s and the pcap %s"), s->keylog, s->pcap);
    if (fits(out, width))
        return;
    size_t fk = folder_len(s->keylog), sk = stem_len(s->keylog);
    bool same_folder = fk && fk == folder_len(s->pcap) && strncmp(s->keylog, s->pcap, fk) == 0;
    bool same_stem = sk == stem_len(s->pcap) && strncmp(s->keylog, s->pcap, sk) == 0;
    if (same_folder) {
        snprintf(out, cap, _("saved %s and %s in %.*s"), s->keylog + fk, s->pcap + fk, (int)fk,
                 s->keylog);
        if (fits(out, width))
            return;
    }
    if (same_stem)
        snprintf(out, cap, _("saved %s and %s"), s->keylog, s->pcap + sk);
    else if (!same_folder)
        snprintf(out, cap, _("saved %s and %s"), s->keylog, s->pcap);
}

void tui_save_message(const tui_saved *s, int width, char *out, size_t cap)
{
    if (cap == 0)
        return;
    /* The export module's reasons say which file they are about
     * ("no key log: ...", "cannot write PATH: ..."). */
    const char *kwhy = s->keylog_why ? s->keylog_why : _("the key log was not written");
    const char *pwhy = s->pcap_why ? s->pcap_why : _("the pcap was not written");
    if (s->keylog && s->pcap)
        both_saved(s, width, out, cap);
    else if (s->pcap)
        snprintf(out, cap, _("saved the pcap %s; %s"), s->pcap, kwhy);
    else if (s->keylog)
        snprintf(out, cap, _("saved the key log %s; %s"), s->keylog, pwhy);
    else
        snprintf(out, cap, _("nothing saved: %s; %s"), kwhy, pwhy);
}

bool tui_save_files(const tls_trace *t, const char *keylog_path, const char *pcap_path,
                    int width, char *msg, size_t msg_cap)
{
    tls_text kreason, preason;
    char kwhy[512] = "", pwhy[512] = "";
    bool kok = tls_keylog_save(t, keylog_path, &kreason) == TLS_OK;
    bool pok = tls_pcap_save(t, pcap_path, &preason) == TLS_OK;
    if (!kok)
        tls_i18n_text_into(&kreason, kwhy, sizeof kwhy);
    if (!pok)
        tls_i18n_text_into(&preason, pwhy, sizeof pwhy);
    /* Full paths: the user should not have to guess which folder the
     * program was started in. */
    char *kfull = kok ? realpath(keylog_path, NULL) : NULL;
    char *pfull = pok ? realpath(pcap_path, NULL) : NULL;
    tui_saved s = {
        .keylog = kok ? (kfull ? kfull : keylog_path) : NULL,
        .pcap = pok ? (pfull ? pfull : pcap_path) : NULL,
        .keylog_why = kok ? NULL : kwhy,
        .pcap_why = pok ? NULL : pwhy,
    };
    tui_save_message(&s, width, msg, msg_cap);
    free(kfull);
    free(pfull);
    return kok && pok;
}
