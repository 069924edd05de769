/**
 * \file i18n.h
 * \brief The interface language of the front ends (GNU gettext).
 *
 * The core never translates: it emits catalogue ids with named arguments
 * (tlssim/text.h).  Front ends call tls_i18n_init() once, mark their own
 * strings with _() (translated where used) or N_() (only extracted, for
 * tables translated later), and look templates up through gettext.
 *
 * The language is chosen by tlssim (--lang, else LC_ALL/LC_MESSAGES/LANG),
 * not by whichever locales happen to be installed: glibc consults LANGUAGE
 * unless the LC_MESSAGES locale is exactly "C", so LC_MESSAGES is moved to
 * C.UTF-8 when it is "C" and LANGUAGE names the catalogue.  `--lang zh`
 * therefore works on a machine with no Chinese locale at all.
 */
#ifndef TLSSIM_I18N_H
#define TLSSIM_I18N_H

#include <libintl.h>
#include <stdbool.h>

#include "tlssim/event.h"
#include "tlssim/lessons.h"
#include "tlssim/text.h"

/** \brief The gettext domain: po/ builds tlssim.mo for each language. */
#define TLSSIM_TEXT_DOMAIN "tlssim"

/** \brief Translate a front-end string now. */
#define _(s) gettext(s)
/** \brief Mark a string for extraction only (translated later with _()). */
#define N_(s) s

/**
 * \brief A system message (strerror, gai_strerror, libpcap) in the interface
 *        language when tlssim's catalogue has it, else as it is; a message
 *        "PREFIX: TEXT" whose TEXT is known keeps PREFIX (a file name).
 * \param buf  room for that case (may be NULL with cap 0)
 */
const char *tls_i18n_system(const char *msg, char *buf, size_t cap);

/** \brief strerror(\p err) in the interface language, when known. */
const char *tls_i18n_strerror(int err);

/**
 * \brief Bind the text domain (to the build tree's catalogues when the
 *        program runs uninstalled, else the installed ones), ask for UTF-8
 *        whatever the terminal's locale, and choose \p lang.
 */
void tls_i18n_init(tls_lang lang);

/**
 * \brief Switch the interface language at run time (the TUI's `l` key):
 *        later _() calls answer in \p lang.  Call it again after any
 *        setlocale(LC_ALL, ...), which may put LC_MESSAGES back to "C".
 */
void tls_i18n_set_lang(tls_lang lang);

/**
 * \brief The template of catalogue id \p id in the interface language
 *        (for ids without arguments: step titles, what a step teaches).
 */
const char *tls_i18n_template(tls_text_id id);

/**
 * \brief A catalogue text in the interface language: its translated
 *        template with the arguments substituted, term arguments translated.
 * \return malloc'd (NULL when out of memory)
 */
char *tls_i18n_text(const tls_text *t);

/**
 * \brief What an event says (a NOTE's sentence, a CHECK's detail, an
 *        ALERT's reason, a skipped STEP's reason) in the interface language;
 *        other events' text as it is.
 * \return malloc'd, "" when the event says nothing (NULL when out of memory)
 */
char *tls_i18n_event_text(const tls_event *e);

/**
 * \brief tls_i18n_event_text into \p buf (cut to fit, whole characters),
 *        for screens that draw it at once; returns \p buf.
 */
const char *tls_i18n_event_into(const tls_event *e, char *buf, size_t cap);

/** \brief tls_i18n_text into \p buf (cut to fit; "" for NULL); returns \p buf. */
const char *tls_i18n_text_into(const tls_text *t, char *buf, size_t cap);

/**
 * \brief A dissected field's value with its note in the interface language
 *        (the value as it is when it has no note); returns \p buf or f->value.
 */
const char *tls_i18n_field_value(const tls_field *f, char *buf, size_t cap);

/**
 * \brief A MESSAGE event's heading in the interface language, saying whose
 *        view its fields are: "ClientHello, as the server parsed it", "...,
 *        read from the capture (sent by the client)", "..., read from the
 *        capture and decrypted with the key log" (no colon; the text and
 *        HTML walkthroughs add one, the TUI's tree shows it as it is).
 * \param protection  say of a party's protected message that it was written
 *        before encrypting or parsed after decrypting (the TUI shows it under
 *        its record's plaintext heading, which says so)
 * \return \p buf
 */
const char *tls_i18n_message_heading(const tls_event *e, bool protection, char *buf, size_t cap);

/** \brief The folder the catalogues are read from (<dir>/zh_CN/LC_MESSAGES/tlssim.mo). */
const char *tls_i18n_localedir(void);

#endif
