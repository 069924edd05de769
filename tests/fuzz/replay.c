/* A main for the fuzz harnesses without libFuzzer: feed every file named
 * on the command line (a folder: every file in it) to the harness once.
 * Exits 0 when all were read and none crashed (a crash is the test's
 * failure, as under libFuzzer). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "tlssim/buf.h"

static int replay_file(const char *path)
{
    size_t len;
    char *data = tls_read_file(path, 1u << 20, &len);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of a folder, in name order; the count fed, or -1. */
static int replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char *names[4096];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < sizeof names / sizeof names[0])
        if (de->d_name[0] != '.')
            names[n++] = strdup(de->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_str);
    int fed = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        bad |= replay_file(path);
        fed++;
        free(names[i]);
    }
    return bad ? -1 : fed;
}

int main(int argc, char **argv)
{
    int total = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        int fed = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? replay_dir(argv[i])
                                                                 : replay_file(argv[i]) ? -1 : 1;
        if (fed < 0)
            return 1;
        total += fed;
    }
    printf("replayed %d inputs\n", total);
    return total > 0 ? 0 : 1;
}
