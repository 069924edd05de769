/* A scratch folder for the harnesses that read files (the scenario parser,
 * the lessons loader): made once per process, removed at exit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

static char scratch[256];
static const char *made[8];
static size_t nmade;

static void scratch_remove(void)
{
    char path[512];
    for (size_t i = nmade; i-- > 0;) {
        snprintf(path, sizeof path, "%s/%s", scratch, made[i]);
        if (unlink(path) != 0)
            rmdir(path);
    }
    rmdir(scratch);
}

const char *fuzz_scratch(void)
{
    if (!scratch[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(scratch, sizeof scratch, "%s/tlssim-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(scratch)) {
            perror("fuzz: mkdtemp");
            exit(1);
        }
        atexit(scratch_remove);
    }
    return scratch;
}

const char *fuzz_write(const char *rel, const uint8_t *data, size_t size)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_scratch(), rel);
    bool known = false;
    for (size_t i = 0; i < nmade; i++)
        known |= strcmp(made[i], rel) == 0;
    if (!known && nmade < sizeof made / sizeof made[0])
        made[nmade++] = rel;
    if (!data) {
        mkdir(path, 0700);
        return path;
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz: write");
        exit(1);
    }
    return path;
}
