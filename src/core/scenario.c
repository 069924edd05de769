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

/* Where each field lands in the struct, in the order of fields[]. */
static uint8_t *field_target(tls_scenario *sc, size_t i, bool **has, size_t **len)
{
    static size_t unused_len;
    *len = &unused_len;
    switch (i) {
    case 0: *has = &sc->has_client_random; return sc->client_random;
    case 1: *has = &sc->has_server_random; return sc->server_random;
    case 2: *has = &sc->has_client_ecdhe_private; *len = &sc->client_ecdhe_private_len;
        return sc->client_ecdhe_private;
    case 3: *has = &sc->has_server_ecdhe_private; *len = &sc->server_ecdhe_private_len;
        return sc->server_ecdhe_private;
    default: *has = &sc->has_pre_master_random; return sc->pre_master_random;
    }
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

static bool parse_line(char *line, tls_scenario *sc, char *err, size_t err_len)
{
    char *eq = strchr(line, '=');
    if (!eq) {
        snprintf(err, err_len, "expected 'name = hex'");
        return false;
    }
    *eq = '\0';
    char *name = trim(line), *value = trim(eq + 1);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(name, field_name(i)) != 0)
            continue;
        bool *has;
        size_t *len;
        uint8_t *dst = field_target(sc, i, &has, &len);
        if (*has) {
            snprintf(err, err_len, "%s given twice", name);
            return false;
        }
        uint8_t buf[64];
        long n = parse_hex(value, buf, fields[i].max);
        if (n < 0) {
            snprintf(err, err_len, "%s: not a hex byte string", name);
            return false;
        }
        if ((size_t)n < fields[i].min || (size_t)n > fields[i].max) {
            if (fields[i].min == fields[i].max)
                snprintf(err, err_len, "%s must be %zu bytes, got %s%ld", name,
                         fields[i].min, (size_t)n > fields[i].max ? "more than " : "",
                         (size_t)n > fields[i].max ? (long)fields[i].max : n);
            else
                snprintf(err, err_len, "%s must be %zu to %zu bytes, got %s%ld", name,
                         fields[i].min, fields[i].max,
                         (size_t)n > fields[i].max ? "more than " : "",
                         (size_t)n > fields[i].max ? (long)fields[i].max : n);
            return false;
        }
        memcpy(dst, buf, (size_t)n);
        *len = (size_t)n;
        *has = true;
        return true;
    }
    size_t k = (size_t)snprintf(err, err_len, "unknown name '%s' (known: ", name);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && k < err_len; i++)
        k += (size_t)snprintf(err + k, err_len - k, "%s%s", i ? ", " : "", field_name(i));
    if (k < err_len)
        snprintf(err + k, err_len - k, ")");
    return false;
}

bool tls_scenario_load(const char *path, tls_scenario *sc, char *err, size_t err_len)
{
    memset(sc, 0, sizeof *sc);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, err_len, "%s: cannot read: %s", path, strerror(errno));
        return false;
    }
    char line[1024], why[200];
    int lineno = 0;
    bool ok = true;
    while (ok && fgets(line, sizeof line, f)) {
        lineno++;
        if (!strchr(line, '\n') && !feof(f)) {
            snprintf(err, err_len, "%s:%d: line too long", path, lineno);
            ok = false;
            break;
        }
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *s = trim(line);
        if (*s == '\0')
            continue;
        if (!parse_line(s, sc, why, sizeof why)) {
            snprintf(err, err_len, "%s:%d: %s", path, lineno, why);
            ok = false;
        }
    }
    if (ok && ferror(f)) {
        snprintf(err, err_len, "%s: read error", path);
        ok = false;
    }
    fclose(f);
    return ok;
}
