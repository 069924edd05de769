/* Languages: their codes and names, parsing a language the user names, the
 * one the environment asks for, and the lesson modes' names.  Apart from
 * the loader (load.c) because the renderer, TUI and CLI use them without
 * a lesson folder.  See include/tlssim/lessons.h. */
#include "tlssim/lessons.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *tls_lang_code(tls_lang lang) { return lang == TLS_LANG_ZH ? "zh" : "en"; }

const char *tls_lang_display_name(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "中文" : "English";
}

bool tls_lang_parse(const char *text, tls_lang *out)
{
    if (!text)
        return false;
    if (strcmp(text, "中文") == 0 || strcmp(text, "汉语") == 0 || strcmp(text, "简体中文") == 0) {
        *out = TLS_LANG_ZH;
        return true;
    }
    if (strcasecmp(text, "cn") == 0 || strcasecmp(text, "chinese") == 0 ||
        (strncasecmp(text, "zh", 2) == 0 &&
         (text[2] == '\0' || text[2] == '_' || text[2] == '-' || text[2] == '.'))) {
        *out = TLS_LANG_ZH;
        return true;
    }
    if (strcasecmp(text, "english") == 0 ||
        (strncasecmp(text, "en", 2) == 0 &&
         (text[2] == '\0' || text[2] == '_' || text[2] == '-' || text[2] == '.'))) {
        *out = TLS_LANG_EN;
        return true;
    }
    return false;
}

tls_lang tls_lang_from_env(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncasecmp(v, "zh", 2) == 0 ? TLS_LANG_ZH : TLS_LANG_EN;
    }
    return TLS_LANG_EN;
}

const char *tls_lesson_fallback_notice(tls_lang wanted)
{
    return wanted == TLS_LANG_ZH ? "（此课暂无中文版，以下为英文原文。）"
                                 : "(This lesson is not available in English; "
                                   "showing another language.)";
}

const char *tls_lesson_mode_name(tls_lesson_mode m)
{
    switch (m) {
    case TLS_LMODE_BOTH: return "both";
    case TLS_LMODE_ECDHE: return "ecdhe";
    case TLS_LMODE_RSA: return "rsa";
    case TLS_LMODE_DHE: return "dhe";
    }
    return "?";
}
