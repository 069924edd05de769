/* The system's messages in English, for catalogue arguments: see
 * tlssim/text.h.
 *
 * Front ends set LANGUAGE to choose tlssim's catalogue; libc reads it too,
 * so strerror() would answer from libc's own Chinese catalogue where one is
 * installed, converted to the terminal's codeset (question marks under
 * LC_CTYPE=C), and in English where none is.  The core keeps English, as
 * for every argument: --json stays English, and the front ends translate
 * these messages as terms (src/i18n/syserr.c). */
#include "tlssim/text.h"

#include <locale.h>
#include <netdb.h>
#include <string.h>

const char *tls_text_strerror(int err)
{
    /* strerror_l in the C locale ignores LANGUAGE (glibc reads it only
     * for a locale other than C). */
    static locale_t c_locale;
    if (!c_locale)
        c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return c_locale ? strerror_l(err, c_locale) : strerror(err);
}

const char *tls_text_gai_strerror(int code)
{
    /* gai_strerror has no _l form: glibc's texts for the codes a lookup of
     * a host name can give. */
    switch (code) {
    case EAI_NONAME: return "Name or service not known";
    case EAI_AGAIN: return "Temporary failure in name resolution";
    case EAI_FAIL: return "Non-recoverable failure in name resolution";
    case EAI_FAMILY: return "ai_family not supported";
    case EAI_SERVICE: return "Servname not supported for ai_socktype";
    case EAI_MEMORY: return "Memory allocation failure";
#ifdef EAI_NODATA
    case EAI_NODATA: return "No address associated with hostname";
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return "Address family for hostname not supported";
#endif
    default: return gai_strerror(code);
    }
}
