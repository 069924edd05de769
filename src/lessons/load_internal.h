/* Shared by the pieces of the lessons loader and checker (not installed):
 * problem.c (the problem list), folder.c (paths and language folders),
 * file.c (reading one lesson file), front.c (its '---' header) and
 * check.c (body and completeness checks), for load.c (the public
 * tls_lessons_* of include/tlssim/lessons.h).  Split out of one load.c so
 * that each part stays a few hundred lines. */
#ifndef TLSSIM_LESSONS_LOAD_INTERNAL_H
#define TLSSIM_LESSONS_LOAD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "internal.h"

/* ------------------------------------------------------------ problem.c */

/** The problems found while loading or checking a folder, in order. */
typedef struct lsn_plist {
    char **msg;
    size_t n, cap;
    FILE *out;          /* also print each problem here when set */
} lsn_plist;

/** Add a problem at \p file : \p line (none when 0), escaped for a terminal. */
void lsn_problem_add(lsn_plist *pl, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

void lsn_plist_free(lsn_plist *pl);

/* ------------------------------------------------------------- folder.c */

/** \p a "/" \p b, malloc'd (NULL when out of memory). */
char *lsn_path_join(const char *a, const char *b);

bool lsn_path_is_dir(const char *path);

/** Sorted "*.md" file names of a folder; NULL when it cannot be opened. */
char **lsn_folder_list(const char *dir, size_t *n);

void lsn_names_free(char **v, size_t n);

/* One language folder scanned: the usable lessons, and for each expected
 * lesson (lsn_expected) the one given or whether a broken file meant to. */
typedef struct lsn_langset {
    bool present;
    tls_lesson **v;
    size_t n;
    const tls_lesson *by_id[LSN_EXPECT_MAX];
    bool broken[LSN_EXPECT_MAX];
} lsn_langset;

/** Scan \p dir's folder of \p lang into \p ls; problems go to \p pl. */
void lsn_langset_scan(lsn_plist *pl, const char *dir, tls_lang lang, lsn_langset *ls);

void lsn_langset_free(lsn_langset *ls);

/* --------------------------------------------------------------- file.c */

/* A lesson as parsed from one file, with what the checker needs. */
typedef struct lsn_parsed {
    tls_lesson *lesson;     /* NULL when the file is unusable */
    int step_line;          /* line of "step:" */
    int name_step;          /* the step the file name's lesson id has, or -1 */
    int name_mode;          /* mode from ".ecdhe.md"/".rsa.md"/".dhe.md", else BOTH */
} lsn_parsed;

void lsn_lesson_free(tls_lesson *l);

/** The lesson id of a file: its name without ".md" (cut to LSN_ID_MAX). */
void lsn_file_id(const char *path, char id[LSN_ID_MAX]);

/** Parse one lesson file; problems go to \p pl. */
lsn_parsed lsn_file_parse(lsn_plist *pl, const char *path, tls_lang lang);

/* -------------------------------------------------------------- front.c */

/* A lesson file's header as read so far (lsn_header_parse). */
typedef struct lsn_header {
    const char *path;
    bool ok, closed;
    bool has_step, has_mode, has_title;
    int step;
    tls_lesson_mode mode;
    char *title;
    const char *body;       /* the text after the closing '---' */
    int body_line;
} lsn_header;

/** Trim blanks (and a trailing '\r') from both ends of [s, s+*len). */
const char *lsn_text_trim(const char *s, size_t *len);

/** The header: a '---' line, 'key: value' lines (blank lines and # comments
 *  between them), a closing '---'.  false when the first line is not '---'. */
bool lsn_header_parse(lsn_plist *pl, lsn_header *h, lsn_parsed *pr, const char *p,
                      const char *end);

/* -------------------------------------------------------------- check.c */

/** Check the placeholders of one line of text (\p len bytes at \p s). */
void lsn_placeholders_check(lsn_plist *pl, const char *file, int line, const char *s,
                            size_t len);

/** The body: placeholders on every line, code blocks closed, some text. */
void lsn_body_check(lsn_plist *pl, lsn_header *h, const char *end);

#endif
