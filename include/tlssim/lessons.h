/**
 * \file lessons.h
 * \brief Bilingual (中文 / English) teaching text for every handshake step:
 *        finding a lesson folder, loading and checking it, and rendering a
 *        lesson with this run's values into plain or styled lines wrapped by
 *        display width.
 *
 * A lesson folder holds one sub-folder per language (`en/`, `zh/`) of
 * Markdown files.  Each file starts with a small header:
 *
 *     ---
 *     step: 4
 *     mode: ecdhe
 *     title: ServerKeyExchange, a fresh key, signed
 *     ---
 *
 * A lesson is identified by its file name: the lesson id of a message kind
 * in the catalogue (handshake.h), e.g. `client-hello.md`, with the flow's
 * key-exchange suffix for messages taught per key exchange
 * (`server-key-exchange.rsa.md`), or a page that is no message's:
 * `introduction.md`, `summary.md`, `after-handshake.md`, `comparison.md`,
 * `glossary.md`.
 * Every message of every flow needs its lesson in each language.  In the
 * header, `step` is 0 (introduction), the message's step in the full
 * handshake (1..10) or 11 (the pages after it), and must agree with the name; `mode`
 * is `both`, `ecdhe` or `rsa`.  A title does not number its step ("Step 8"
 * would be wrong where a flow puts the message elsewhere): front ends
 * number it with the run's flow (tls_render_opts.title_step).
 *
 * The body is a Markdown subset: `#`/`##`/`###` headings, paragraphs,
 * `-`/`*` and `1.` list items (indent by two spaces to nest), fenced code
 * blocks (```), `*emphasis*`, `**strong**`, `` `code` ``, `\` escapes, and
 * placeholders `{{name}}`, `{{name.hex}}`, `{{name.short}}`, `{{name.len}}`
 * where name is a value's name in the catalogue (value.h), and step
 * references `{{step:client-finished}}`: the step of that message (its
 * lesson id without the key-exchange suffix) in the run's flow, so a lesson
 * says "step 8" in the full handshake and "step 11" with client
 * authentication.  Lines of a
 * paragraph are joined with a space, or with nothing when either side is a
 * CJK character.
 */
#ifndef TLSSIM_LESSONS_H
#define TLSSIM_LESSONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tlssim/event.h"
#include "tlssim/suites.h"

/** \brief Lesson number of the introduction (before step 1). */
#define TLS_LESSON_INTRO 0
/** \brief Header step of the closing summary (after the full handshake's ten). */
#define TLS_LESSON_SUMMARY 11
/** \brief Lessons that are no message's (file stems): the recap of the
 *         handshake, the page after it (application data, close_notify, what
 *         to check in Wireshark), the glossary of the terms the lessons use. */
#define TLS_LESSON_ID_SUMMARY "summary"
#define TLS_LESSON_ID_AFTER "after-handshake"
#define TLS_LESSON_ID_GLOSSARY "glossary"
/** \brief Header steps run 0..TLS_LESSON_COUNT-1. */
#define TLS_LESSON_COUNT 12

/* ------------------------------------------------------------ languages */

/** \brief Languages lessons are written in. */
typedef enum tls_lang { TLS_LANG_EN, TLS_LANG_ZH } tls_lang;
/** \brief Number of languages. */
#define TLS_LANG_COUNT 2

/** \brief "en" / "zh" (also the sub-folder name). */
const char *tls_lang_code(tls_lang lang);

/** \brief "English" / "中文". */
const char *tls_lang_display_name(tls_lang lang);

/**
 * \brief Parse a language name: "en", "english", "zh", "zh_CN", "zh-TW",
 *        "cn", "chinese", "中文" (case-insensitive).
 * \param text  the name
 * \param out   set on success
 * \return true when recognised
 */
bool tls_lang_parse(const char *text, tls_lang *out);

/**
 * \brief The default language from the environment: the first non-empty of
 *        LC_ALL, LC_MESSAGES, LANG; Chinese when it starts with "zh".
 */
tls_lang tls_lang_from_env(void);

/* -------------------------------------------------------------- lessons */

/** \brief Which key exchanges a lesson file covers. */
typedef enum tls_lesson_mode {
    TLS_LMODE_BOTH,     /**< the same text for ECDHE and RSA */
    TLS_LMODE_ECDHE,    /**< only for ECDHE_RSA suites */
    TLS_LMODE_RSA,      /**< only for RSA key exchange suites */
    TLS_LMODE_DHE       /**< only for DHE_RSA suites */
} tls_lesson_mode;

/** \brief "both", "ecdhe", "rsa", "dhe". */
const char *tls_lesson_mode_name(tls_lesson_mode m);

/** \brief One loaded lesson file.  Owned by its tls_lessons. */
typedef struct tls_lesson {
    char *id;               /**< the file stem: "client-hello", "summary" */
    int step;               /**< 0..11 */
    tls_lesson_mode mode;
    tls_lang lang;          /**< the folder it came from */
    char *title;            /**< from the header (may hold placeholders) */
    char *path;             /**< the file */
    char *body;             /**< the Markdown after the header */
    int body_line;          /**< line number of the body's first line */
} tls_lesson;

/** \brief A loaded lesson folder. */
typedef struct tls_lessons tls_lessons;

/**
 * \brief Load a lesson folder.
 *
 * With \p dir NULL the folder is found automatically, first match wins:
 * `$TLSSIM_LESSONS`; `<exe_dir>/../share/tlssim/lessons` and
 * `<exe_dir>/lessons` (exe_dir from /proc/self/exe); the source tree
 * (TLSSIM_SOURCE_LESSONS); the configured install folder.  A folder
 * qualifies when it has an `en/` or `zh/` sub-folder.
 *
 * Broken files are skipped (their problems are kept, see
 * tls_lessons_problem); a broken folder never makes this fail, only a
 * missing one.
 *
 * \param dir      the folder, or NULL to locate it
 * \param err      receives a one-line reason on failure (may be NULL)
 * \param err_len  size of \p err
 * \return the set, or NULL when no folder was found / out of memory
 */
tls_lessons *tls_lessons_open(const char *dir, char *err, size_t err_len);

/** \brief Free the set and every lesson in it. */
void tls_lessons_close(tls_lessons *ls);

/** \brief The folder in use (as opened or located). */
const char *tls_lessons_dir(const tls_lessons *ls);

/**
 * \brief How the folder was chosen: "--lessons", "$TLSSIM_LESSONS",
 *        "installed", "next to the binary", "source tree",
 *        "install prefix" (in English, marked for translation: a front
 *        end shows it through _()).
 */
const char *tls_lessons_origin(const tls_lessons *ls);

/** \brief Number of problems found while loading (see tls_lessons_check). */
size_t tls_lessons_problem_count(const tls_lessons *ls);

/** \brief Problem \p i as "file:line: message", or NULL past the end. */
const char *tls_lessons_problem(const tls_lessons *ls, size_t i);

/**
 * \brief The lesson with id \p id in a language.
 *
 * A Chinese lesson that is missing or broken falls back to the English one;
 * the front end should then show a notice (tls_lesson_fallback_notice).
 *
 * \param ls         the set
 * \param id         lesson id (tls_lessons_step_id)
 * \param lang       wanted language
 * \param fell_back  set to true when another language was given (may be NULL)
 * \return the lesson, or NULL when there is none in any language
 */
const tls_lesson *tls_lessons_get(const tls_lessons *ls, const char *id, tls_lang lang,
                                  bool *fell_back);

struct tls_flow;

/**
 * \brief The lesson id for step \p step of a run that follows flow \p f:
 *        "introduction" for 0, "after-handshake" for TLS_STEP_AFTER, else the
 *        message's (tls_flow_lesson_id).
 * \return false when there is no such step (or \p out is too small)
 */
bool tls_lessons_step_id(const struct tls_flow *f, int step, char *out, size_t cap);

/**
 * \brief The notice to show when tls_lessons_get fell back, written in the
 *        wanted language, e.g. "（此课暂无中文版，以下为英文原文）".
 */
const char *tls_lesson_fallback_notice(tls_lang wanted);

/* ------------------------------------------------------------- values */

/** \brief How a placeholder shows its value. */
typedef enum tls_value_form {
    TLS_VF_DEFAULT,     /**< `{{name}}`: the text meaning if any, else hex */
    TLS_VF_HEX,         /**< `{{name.hex}}`: lowercase hex, always */
    TLS_VF_SHORT,       /**< `{{name.short}}`: first 8 bytes of hex + "…" */
    TLS_VF_LEN          /**< `{{name.len}}`: the length in bytes, decimal */
} tls_value_form;

/**
 * \brief Look up a placeholder's value.
 * \param ctx   the caller's context
 * \param kind  the value the placeholder names (value.h)
 * \param form  how to show it
 * \return a malloc'd UTF-8 string, or NULL when the value is not known
 *         (yet); the renderer shows a "not yet known" marker instead
 */
typedef char *(*tls_value_lookup_fn)(void *ctx, tls_value_kind kind, tls_value_form form);

/** \brief Context of tls_trace_lookup: a trace seen at a step. */
typedef struct tls_trace_lookup_ctx {
    const tls_trace *trace;
    int step;           /**< values learned at or before this step (0..11) */
} tls_trace_lookup_ctx;

/**
 * \brief The ready-made lookup over a tls_trace (\p ctx is a
 *        tls_trace_lookup_ctx): the value as the client knows it by the
 *        step, else as the server knows it, else as the wire shows it (the
 *        last such event, see tls_trace_find_value).
 */
char *tls_trace_lookup(void *ctx, tls_value_kind kind, tls_value_form form);

/**
 * \brief Format one value event as a placeholder would show it.
 * \return malloc'd string, or NULL when out of memory
 */
char *tls_value_format(const tls_event *ev, tls_value_form form);

/** \brief "(not yet known)" / "（尚未得知）". */
const char *tls_lesson_unknown_marker(tls_lang lang);

/* ------------------------------------------------------------ rendering */

/** \brief Styles of the runs of a rendered line. */
typedef enum tls_lstyle {
    TLS_LS_NORMAL,
    TLS_LS_HEADING,     /**< heading text (the line's level says which) */
    TLS_LS_EMPHASIS,    /**< *text* */
    TLS_LS_STRONG,      /**< **text** */
    TLS_LS_CODE,        /**< `text` and fenced blocks */
    TLS_LS_BULLET,      /**< a list item's marker */
    TLS_LS_VALUE,       /**< a placeholder's value */
    TLS_LS_MISSING      /**< a value not known yet, or an unknown placeholder */
} tls_lstyle;

/** \brief A run of text in one style. */
typedef struct tls_lrun {
    tls_lstyle style;
    char *text;         /**< UTF-8, no newline */
    int width;          /**< display columns */
} tls_lrun;

/** \brief One wrapped line: \p indent blank columns, then the runs. */
typedef struct tls_lline {
    int indent;
    int heading;        /**< 0, or 1..3 for heading lines */
    int width;          /**< indent + the runs' widths; never above the width */
    tls_lrun *runs;
    size_t n;
} tls_lline;

/** \brief A rendered lesson: its lines (blank lines have no runs). */
typedef struct tls_ldoc {
    tls_lline *lines;
    size_t n;
    size_t cap;
    bool oom;           /**< an allocation failed: the document is incomplete */
} tls_ldoc;

/** \brief Free a document's lines. */
void tls_ldoc_free(tls_ldoc *doc);

/** \brief Rendering options. */
typedef struct tls_render_opts {
    int width;                  /**< columns; clamped to 12..1000 */
    tls_lang lang;              /**< language of the "not yet known" marker */
    bool no_title;              /**< do not render the title as a heading */
    int title_step;             /**< 1..n: the title is "Step N: …" / "第 N 步：…",
                                     N the step in the run's flow; 0: as written */
    const struct tls_flow *flow; /**< numbers `{{step:ID}}`; NULL: the full handshake */
    tls_value_lookup_fn lookup; /**< NULL: every value shows as not yet known */
    void *ctx;
} tls_render_opts;

/**
 * \brief Render Markdown (the lesson subset) into styled, wrapped lines.
 * \param doc    receives the lines (initialise with {0}; free with tls_ldoc_free)
 * \param title  rendered as a level-1 heading first, or NULL
 * \param body   the Markdown
 */
void tls_markdown_render(tls_ldoc *doc, const char *title, const char *body,
                         const tls_render_opts *o);

/**
 * \brief Render a lesson into styled lines for the TUI.  The title comes
 *        first unless \p o->no_title; the marker language is the lesson's.
 */
void tls_lesson_render(tls_ldoc *doc, const tls_lesson *l, const tls_render_opts *o);

/**
 * \brief Flatten styled lines into plain text: markers dropped, level-1 and
 *        level-2 headings underlined with '=' and '-', bullets as "-".
 * \return malloc'd text, one '\n' after every line (NULL when out of memory)
 */
char *tls_ldoc_to_text(const tls_ldoc *doc);

/**
 * \brief A title numbered in a language: "Step 11: title", "第 11 步：title".
 *        Lesson titles carry no number: the run's flow gives it.
 * \return malloc'd string (NULL when out of memory)
 */
char *tls_lesson_step_title(tls_lang lang, int step, const char *title);

/**
 * \brief The title_step for the lesson shown at \p step of a run (a step of
 *        its flow, 0 for the introduction, TLS_STEP_AFTER after the
 *        handshake): the step itself for a message, else 0 (no number).
 */
int tls_lesson_title_step(int step);

/**
 * \brief Render a lesson straight to plain text wrapped to \p o->width.
 * \return malloc'd text (NULL when out of memory)
 */
char *tls_lesson_render_text(const tls_lesson *l, const tls_render_opts *o);

/* -------------------------------------------------------- display width */

/**
 * \brief Display columns of a code point: 2 for East Asian Wide/Fullwidth
 *        (CJK, kana, Hangul, fullwidth forms, wide emoji), 0 for combining
 *        marks, zero-width and control characters, else 1.  Independent of
 *        the process locale; ambiguous-width characters count as 1.
 */
int tls_cp_width(uint32_t cp);

/**
 * \brief Decode one UTF-8 code point.
 * \param s    the bytes
 * \param len  bytes available
 * \param cp   receives the code point
 * \return bytes used (1..4), or 0 for invalid/truncated/overlong UTF-8
 */
size_t tls_utf8_decode(const char *s, size_t len, uint32_t *cp);

/** \brief Whether \p len bytes are valid UTF-8; \p bad_at gets the offset of the first bad byte. */
bool tls_utf8_valid(const char *s, size_t len, size_t *bad_at);

/**
 * \brief Display columns of a UTF-8 string (invalid bytes count 1 each).
 * \param s  the string (NUL-terminated)
 */
int tls_utf8_width(const char *s);

/**
 * \brief Wrap plain UTF-8 text to \p width display columns: breaks at spaces
 *        between Latin words and anywhere between CJK characters (never
 *        before closing or after opening punctuation), splitting a word only
 *        when it is longer than a line.
 * \param text    the text (newlines start new lines)
 * \param width   columns (at least 2)
 * \param indent  columns of spaces in front of every line
 * \return malloc'd text, a '\n' after every line (NULL when out of memory)
 */
char *tls_wrap_text(const char *text, int width, int indent);

/* -------------------------------------------------------------- checker */

/**
 * \brief Validate a lesson folder: in each language (en, zh) a lesson for
 *        every message of every flow (its lesson id, handshake.h), the
 *        introduction, the summary, the page after the handshake, the
 *        comparison page and the glossary; no file a message does not name;
 *        headers well-formed and agreeing with the name; every placeholder
 *        known and closed; files readable and valid UTF-8.
 * \param dir  the folder
 * \param out  where each problem is printed as "file:line: message" (or
 *             "file: message" when no line applies); may be NULL
 * \return the number of problems, or -1 when \p dir cannot be read
 */
int tls_lessons_check(const char *dir, FILE *out);

/**
 * \brief The `tlssim lessons check DIR` subcommand: problems to stderr, a
 *        one-line summary to stdout when all is well.
 * \return exit status: 0 no problems, 1 problems, 2 unreadable folder
 */
int tls_lessons_check_main(const char *dir);

#endif
