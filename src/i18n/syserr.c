/* The system's own messages in the interface language: see tlssim/i18n.h.
 *
 * strerror(), gai_strerror() and libpcap answer in English here (tlssim
 * moves LC_MESSAGES to C.UTF-8, and glibc's own Chinese catalogue is not
 * installed on most machines), and their messages end the error lines a
 * learner reads.  The ones tlssim can meet are msgids of its own catalogue;
 * tests/i18n/syserr_check.py keeps each text equal to the system's. */
#include "tlssim/i18n.h"

#include <stdio.h>
#include <string.h>

#include "tlssim/text.h"

/* Only extracted (xgettext); looked up by their text in tls_i18n_system. */
static const char *const system_messages[] __attribute__((unused)) = {
    /* strerror */
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Too many levels of symbolic links"),
    N_("File name too long"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("File exists"),
    N_("Too many open files"),
    N_("Connection refused"),
    N_("Connection reset by peer"),
    N_("Connection timed out"),
    N_("No route to host"),
    N_("Network is unreachable"),
    N_("Address already in use"),
    N_("Cannot assign requested address"),
    N_("Broken pipe"),
    N_("Operation not permitted"),
    N_("Input/output error"),
    N_("Address family not supported by protocol"),
    N_("Invalid argument"),
    /* gai_strerror */
    N_("Name or service not known"),
    N_("Temporary failure in name resolution"),
    N_("No address associated with hostname"),
    N_("Non-recoverable failure in name resolution"),
    N_("Address family for hostname not supported"),
    N_("ai_family not supported"),
    N_("Servname not supported for ai_socktype"),
    N_("Memory allocation failure"),
    /* libpcap, opening a file that is not a capture */
    N_("unknown file format"),
};

const char *tls_i18n_system(const char *msg, char *buf, size_t cap)
{
    if (!msg || !*msg)
        return "";
    const char *t = gettext(msg);
    if (t != msg)
        return t;
    /* libpcap puts the file name first: "FILE: No such file or directory". */
    const char *sep = strstr(msg, ": ");
    if (!sep || !cap)
        return msg;
    const char *tail = gettext(sep + 2);
    if (tail == sep + 2)
        return msg;
    snprintf(buf, cap, "%.*s: %s", (int)(sep - msg), msg, tail);
    return buf;
}

const char *tls_i18n_strerror(int err)
{
    return tls_i18n_system(tls_text_strerror(err), NULL, 0);
}
