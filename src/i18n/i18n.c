/* The front ends' interface language: see include/tlssim/i18n.h. */
#include "tlssim/i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tlssim_config.h"

/* The gettext language for each lesson language.  English is the msgids
 * themselves: no catalogue is looked for, the source text comes back. */
static const char *gettext_language(tls_lang lang)
{
    return lang == TLS_LANG_ZH ? "zh_CN" : "en";
}

/* Whether DIR holds our catalogue for a language we ship. */
static bool has_catalogue(const char *dir)
{
    char path[4096];
    size_t n = (size_t)snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir,
                                gettext_language(TLS_LANG_ZH), TLSSIM_TEXT_DOMAIN);
    return n < sizeof path && access(path, R_OK) == 0;
}

/* $TLSSIM_LOCALEDIR, else the build tree's po/ (the program or a test run
 * uninstalled: meson builds po/<lang>/LC_MESSAGES/tlssim.mo there), else the
 * installed share/locale. */
const char *tls_i18n_localedir(void)
{
    const char *env = getenv("TLSSIM_LOCALEDIR");
    if (env && *env)
        return env;
    if (has_catalogue(TLSSIM_BUILD_LOCALEDIR))
        return TLSSIM_BUILD_LOCALEDIR;
    return TLSSIM_INSTALL_LOCALEDIR;
}

void tls_i18n_init(tls_lang lang)
{
    bindtextdomain(TLSSIM_TEXT_DOMAIN, tls_i18n_localedir());
    /* Catalogues are UTF-8 and so are our terminals (tui.c falls back to
     * C.UTF-8 too): no conversion to the "C" locale's ASCII question marks. */
    bind_textdomain_codeset(TLSSIM_TEXT_DOMAIN, "UTF-8");
    textdomain(TLSSIM_TEXT_DOMAIN);
    tls_i18n_set_lang(lang);
}

void tls_i18n_set_lang(tls_lang lang)
{
    /* glibc ignores LANGUAGE when LC_MESSAGES is "C"; C.UTF-8 is always
     * installed on Debian and changes nothing else we print. */
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", gettext_language(lang), 1);
    /* Setting the domain again invalidates gettext's cache of translations
     * already looked up in the previous language. */
    textdomain(textdomain(NULL));
}

/* gettext("") would answer the catalogue's header: the empty string stays empty. */
static const char *translate(const char *s)
{
    return s && *s ? gettext(s) : "";
}

const char *tls_i18n_template(tls_text_id id)
{
    return translate(tls_text_template(id));
}

char *tls_i18n_text(const tls_text *t)
{
    return tls_text_render(tls_i18n_template(t->id), t, translate);
}

char *tls_i18n_event_text(const tls_event *e)
{
    if (e->msg)
        return tls_i18n_text(e->msg);
    return strdup(e->text ? e->text : "");
}

/* Copy s into buf, cut at a character boundary; frees s. */
static const char *into(char *s, char *buf, size_t cap)
{
    if (!cap)
        return buf;
    size_t n = s ? strlen(s) : 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;
    }
    if (n)
        memcpy(buf, s, n);
    buf[n] = '\0';
    free(s);
    return buf;
}

const char *tls_i18n_event_into(const tls_event *e, char *buf, size_t cap)
{
    return into(tls_i18n_event_text(e), buf, cap);
}

const char *tls_i18n_text_into(const tls_text *t, char *buf, size_t cap)
{
    return into(t ? tls_i18n_text(t) : NULL, buf, cap);
}

/* The byte count a value starts with (tls_field.sized), in the language. */
static void field_size(const tls_field *f, char *out, size_t cap)
{
    char count[64];
    snprintf(count, sizeof count, _("%zu bytes"), f->length);
    if (f->sized_hex)
        snprintf(out, cap, "%.*s… (%s)", (int)f->sized_hex, f->value, count);
    else
        snprintf(out, cap, "%s", count);
}

const char *tls_i18n_field_value(const tls_field *f, char *buf, size_t cap)
{
    const char *v = f->value ? f->value : "";
    size_t len = strlen(v);
    bool noted = f->note && f->note_at <= len;
    bool sized = f->sized && f->sized <= len && f->sized_hex <= f->sized;
    if (!noted && !sized)
        return v;
    char head[160] = "";
    size_t from = sized ? f->sized : 0, to = noted ? f->note_at : len;
    if (sized)
        field_size(f, head, sizeof head);
    char *note = noted ? tls_i18n_text(f->note) : NULL;
    snprintf(buf, cap, noted ? "%s%.*s [%s]" : "%s%.*s", head, (int)(to > from ? to - from : 0),
             v + from, note ? note : "");
    free(note);
    return buf;
}

const char *tls_i18n_message_heading(const tls_event *e, bool protection, char *buf, size_t cap)
{
    const char *fmt;
    tls_party who = e->party;
    switch (e->source) {
    case TLS_SOURCE_CAPTURE_KEYLOG:
        fmt = _("%s, read from the capture and decrypted with the key log");
        break;
    case TLS_SOURCE_CAPTURE_SERVER_KEY:
        fmt = _("%s, read from the capture and decrypted with the server's key");
        break;
    case TLS_SOURCE_CAPTURE_SESSION:
        fmt = _("%s, read from the capture and decrypted with the session's master secret");
        break;
    case TLS_SOURCE_CAPTURE: /* in the clear (protected ones are only traced opened) */
        fmt = e->party == TLS_PARTY_CLIENT ? _("%s, read from the capture (sent by the client)")
                                           : _("%s, read from the capture (sent by the server)");
        break;
    default: /* the sender's as written, else the receiver's as parsed */
        protection = protection && e->is_protected;
        if (e->by_sender) {
            fmt = protection ? _("%s, as the %s wrote it before encrypting")
                             : _("%s, as the %s wrote it");
        } else {
            fmt = protection ? _("%s, as the %s parsed it after decrypting")
                             : _("%s, as the %s parsed it");
            who = e->party == TLS_PARTY_CLIENT ? TLS_PARTY_SERVER : TLS_PARTY_CLIENT;
        }
        break;
    }
    /* A capture's headings name no reader: the party is then unused. */
    snprintf(buf, cap, fmt, e->name ? e->name : _("message"), _(tls_party_name(who)));
    return buf;
}
