/*
 * Scenario files: fix the randoms and ephemeral private keys of a run.
 *
 *     # comment
 *     client_random        = 5f3a...   (32 bytes)
 *     server_random        = ...       (32 bytes)
 *     client_ecdhe_private = ...       (the group's scalar size, wire form)
 *     server_ecdhe_private = ...
 *     pre_master_random    = ...       (46 bytes: RSA mode's pre-master after 0x0303)
 *
 * Hex may contain spaces or colons between bytes; names may appear once.
 * The names are the values' own (value.h), so hex copied from --json output
 * goes under the name it had there.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tlssim/crypto.h"
#include "tlssim/sim.h"
#include "tlssim/value.h"

typedef struct scenario_field {
    tls_value_kind kind;    /* the value it fixes */
    const char *part;       /* its own name when it fixes only part of the value */
    size_t min, max;
} scenario_field;

static const scenario_field fields[] = {
    {TLS_VALUE_CLIENT_RANDOM, NULL, 32, 32},
    {TLS_VALUE_SERVER_RANDOM, NULL, 32, 32},
    {TLS_VALUE_CLIENT_ECDHE_PRIVATE, NULL, 32, 48},
    {TLS_VALUE_SERVER_ECDHE_PRIVATE, NULL, 32, 48},
    {TLS_VALUE_PRE_MASTER_SECRET, "pre_master_random", 46, 46},
};

static const char *field_name(size_t i)
{
    return fields[i].part ? fields[i].part : tls_value_name(fields[i].kind);
}

/* Where a field lands in the struct: its bytes, whether it was given, its
 * length and the line it was on (the last two only for the scalars, whose
 * group is known only once every option is read). */
typedef struct field_slot {
    uint8_t *bytes;
    bool *has;
    size_t *len;
    int *line;
} field_slot;

/* The slot of fields[i]. */
static field_slot field_target(tls_scenario *sc, size_t i)
{
    static size_t unused_len;
    static int unused_line;
    field_slot f = {NULL, NULL, &unused_len, &unused_line};
    switch (i) {
    case 0: f.has = &sc->has_client_random; f.bytes = sc->client_random; break;
    case 1: f.has = &sc->has_server_random; f.bytes = sc->server_random; break;
    case 2:
        f = (field_slot){sc->client_ecdhe_private, &sc->has_client_ecdhe_private,
                         &sc->client_ecdhe_private_len, &sc->client_ecdhe_private_line};
        break;
    case 3:
        f = (field_slot){sc->server_ecdhe_private, &sc->has_server_ecdhe_private,
                         &sc->server_ecdhe_private_len, &sc->server_ecdhe_private_line};
        break;
    default: f.has = &sc->has_pre_master_random; f.bytes = sc->pre_master_random; break;
    }
    return f;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Parse hex (separators: space, tab, ':'); returns the byte count or -1. */
static long parse_hex(const char *s, uint8_t *out, size_t max)
{
    size_t n = 0;
    int hi = -1;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == ':') {
            if (hi >= 0)
                return -1;
            continue;
        }
        int v = hexval((unsigned char)*s);
        if (v < 0)
            return -1;
        if (hi < 0) {
            hi = v;
            continue;
        }
        if (n == max)
            return (long)max + 1;
        out[n++] = (uint8_t)(hi << 4 | v);
        hi = -1;
    }
    return hi >= 0 ? -1 : (long)n;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

/* Where a problem is: the file and the line. */
typedef struct scenario_at {
    const char *path;
    int line;
} scenario_at;

/* A problem at \p at: catalogue id \p id with {file}, {line}, {name} and up
 * to three numbers (or, for an unknown name, the known ones). */
static bool scenario_error(tls_text *err, const scenario_at *at, tls_text_id id,
                           const char *name, const tls_text_arg extra[3])
{
    tls_text_arg args[7] = {TLS_ARG_S("file", at->path), TLS_ARG_U("line", at->line),
                            TLS_ARG_S("name", name)};
    for (size_t i = 0; i < 3; i++)
        args[3 + i] = extra ? extra[i] : (tls_text_arg){.kind = TLS_TEXT_ARG_END};
    args[6] = (tls_text_arg){.kind = TLS_TEXT_ARG_END};
    tls_text_make(err, id, args);
    return false;
}

/* "must be N bytes" (or "N to M bytes"), "got G" (or "more than G"). */
static bool size_error(tls_text *err, const scenario_at *at, size_t i, const char *name,
                       long n)
{
    const scenario_field *f = &fields[i];
    bool over = (size_t)n > f->max;
    tls_text_arg extra[3] = {TLS_ARG_U("size", f->min), TLS_ARG_U("got", over ? (long)f->max : n)};
    tls_text_id id = over ? TLS_TEXT_SCENARIO_SIZE_OVER : TLS_TEXT_SCENARIO_SIZE;
    if (f->min != f->max) {
        extra[0] = TLS_ARG_U("min", f->min);
        extra[2] = TLS_ARG_U("max", f->max);
        id = over ? TLS_TEXT_SCENARIO_SIZE_RANGE_OVER : TLS_TEXT_SCENARIO_SIZE_RANGE;
    }
    return scenario_error(err, at, id, name, extra);
}

static bool unknown_name(tls_text *err, const scenario_at *at, const char *name)
{
    char known[256];
    size_t k = 0;
    known[0] = '\0';
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && k < sizeof known; i++)
        k += (size_t)snprintf(known + k, sizeof known - k, "%s%s", i ? ", " : "", field_name(i));
    tls_text_arg extra[3] = {TLS_ARG_S("known", known)};
    return scenario_error(err, at, TLS_TEXT_SCENARIO_UNKNOWN_NAME, name, extra);
}

static bool parse_line(char *line, tls_scenario *sc, const scenario_at *at, tls_text *err)
{
    char *eq = strchr(line, '=');
    if (!eq)
        return scenario_error(err, at, TLS_TEXT_SCENARIO_NO_EQUALS, "", NULL);
    *eq = '\0';
    char *name = trim(line), *value = trim(eq + 1);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(name, field_name(i)) != 0)
            continue;
        field_slot slot = field_target(sc, i);
        if (*slot.has)
            return scenario_error(err, at, TLS_TEXT_SCENARIO_TWICE, name, NULL);
        uint8_t buf[64];
        long n = parse_hex(value, buf, fields[i].max);
        if (n < 0)
            return scenario_error(err, at, TLS_TEXT_SCENARIO_NOT_HEX, name, NULL);
        if ((size_t)n < fields[i].min || (size_t)n > fields[i].max)
            return size_error(err, at, i, name, n);
        memcpy(slot.bytes, buf, (size_t)n);
        *slot.len = (size_t)n;
        *slot.line = at->line;
        *slot.has = true;
        return true;
    }
    return unknown_name(err, at, name);
}

bool tls_scenario_load(const char *path, tls_scenario *sc, tls_text *err)
{
    memset(sc, 0, sizeof *sc);
    scenario_at at = {path, 0};
    /* Only a regular file: a folder would fail at the first read with no
     * reason given, a FIFO would wait for a writer. */
    int fd = tls_open_regular(path);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        tls_text_make(err, e == EISDIR   ? TLS_TEXT_SCENARIO_IS_FOLDER
                           : e == ENODEV ? TLS_TEXT_SCENARIO_NOT_REGULAR
                                         : TLS_TEXT_SCENARIO_UNREADABLE,
                      TLS_ARGS(TLS_ARG_S("file", path), TLS_ARG_T("error", tls_text_strerror(e))));
        return false;
    }
    char line[1024];
    bool ok = true;
    while (ok && fgets(line, sizeof line, f)) {
        at.line++;
        if (!strchr(line, '\n') && !feof(f)) {
            ok = scenario_error(err, &at, TLS_TEXT_SCENARIO_LINE_TOO_LONG, "", NULL);
            break;
        }
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *s = trim(line);
        if (*s != '\0')
            ok = parse_line(s, sc, &at, err);
    }
    if (ok && ferror(f)) {
        tls_text_make(err, TLS_TEXT_SCENARIO_READ_ERROR, TLS_ARGS(TLS_ARG_S("file", path)));
        ok = false;
    }
    fclose(f);
    return ok;
}

/* One scalar against the group: its size, then whether the group can use it. */
static bool scalar_fits(const char *path, int line, size_t i, const uint8_t *priv, size_t len,
                        tls_group group, tls_text *err)
{
    const tls_group_info *g = tls_group_by_id(group);
    const char *gname = g ? g->name : "?";
    scenario_at at = {path, line};
    size_t want = tls_ecdh_scalar_len(group);
    uint8_t pub[TLS_ECDH_PUB_MAX];
    size_t pub_len;
    if (len != want) {
        tls_text_arg extra[3] = {TLS_ARG_S("group", gname), TLS_ARG_U("size", want),
                                 TLS_ARG_U("got", len)};
        return scenario_error(err, &at, TLS_TEXT_SCENARIO_SCALAR_SIZE, field_name(i), extra);
    }
    if (tls_ecdh_public(group, priv, len, pub, &pub_len) != TLS_OK) {
        tls_text_arg extra[3] = {TLS_ARG_S("group", gname)};
        return scenario_error(err, &at, TLS_TEXT_SCENARIO_SCALAR_RANGE, field_name(i), extra);
    }
    return true;
}

bool tls_scenario_check_group(const tls_scenario *sc, const char *path, tls_group group,
                              tls_text *err)
{
    if (sc->has_client_ecdhe_private &&
        !scalar_fits(path, sc->client_ecdhe_private_line, 2, sc->client_ecdhe_private,
                     sc->client_ecdhe_private_len, group, err))
        return false;
    return !sc->has_server_ecdhe_private ||
           scalar_fits(path, sc->server_ecdhe_private_line, 3, sc->server_ecdhe_private,
                       sc->server_ecdhe_private_len, group, err);
}
