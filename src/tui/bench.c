/*
 * tlssim-tui-bench: how long a keypress redraw of the TUI takes, and the
 * peak memory.  Renders every step of an ECDHE and an RSA run into an
 * ncurses screen whose output goes to /dev/null, at 80x24 and 200x60,
 * the way a step key does: change the state, draw, and send the update.
 *
 *   tlssim-tui-bench [ITERATIONS]        (default 200 passes over the steps)
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <curses.h>

#include "app.h"
#include "screen.h"
#include "theme.h"

/* CPU time of this thread: what a redraw costs, without the time another
 * process held the CPU (the wall-clock mean is printed too). */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef struct bench_result {
    double wall_mean_ms;
    double mean_ms, p50_ms, p99_ms, max_ms;     /* CPU time */
    long redraws;
} bench_result;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void redraw(tui_app *a)
{
    tui_screen_draw(a);
    wnoutrefresh(stdscr);
    doupdate();
}

/* One size, one key exchange: every step forward, iterations times. */
static bench_result run_size(tui_app *a, int lines, int cols, long iterations)
{
    resize_term(lines, cols);
    bench_result r = {0, 0, 0, 0, 0, 0};
    double total = 0, wall = 0;
    size_t cap = (size_t)iterations * (size_t)(a->model.last_step > 0 ? a->model.last_step : 1);
    double *times = calloc(cap, sizeof *times);
    for (long it = 0; it < iterations; it++) {
        for (int step = 1; step <= a->model.last_step; step++) {
            double w0 = now_ms(), t0 = cpu_ms();
            tui_app_goto(a, step);
            /* A selection move too, so the hex highlight follows a field. */
            a->sel[TUI_PANE_FIELDS] = (size_t)(it % 8);
            redraw(a);
            double dt = cpu_ms() - t0;
            wall += now_ms() - w0;
            total += dt;
            if (dt > r.max_ms)
                r.max_ms = dt;
            if (times && (size_t)r.redraws < cap)
                times[r.redraws] = dt;
            r.redraws++;
        }
    }
    r.mean_ms = r.redraws ? total / (double)r.redraws : 0;
    r.wall_mean_ms = r.redraws ? wall / (double)r.redraws : 0;
    if (times && r.redraws > 0) {
        /* Percentiles: on a shared machine the maximum is mostly scheduling noise. */
        size_t n = (size_t)r.redraws < cap ? (size_t)r.redraws : cap;
        qsort(times, n, sizeof *times, cmp_double);
        r.p50_ms = times[n / 2];
        r.p99_ms = times[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1];
    }
    free(times);
    return r;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? strtol(argv[1], NULL, 10) : 200;
    if (iterations <= 0)
        iterations = 200;
    if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    if (!out || !in) {
        perror("tlssim-tui-bench: /dev/null");
        return 1;
    }
    SCREEN *scr = newterm("xterm-256color", out, in);
    if (!scr) {
        fputs("tlssim-tui-bench: no terminfo entry for xterm-256color\n", stderr);
        return 1;
    }
    tui_theme_init(utf8);
    static const tls_kx modes[] = {TLS_KX_ECDHE_RSA, TLS_KX_RSA};
    static const int sizes[][2] = {{24, 80}, {60, 200}};
    char lines[4][200];
    int nl = 0;
    for (size_t m = 0; m < 2; m++) {
        tls_app_run run;
        tls_app_run_init(&run, tls_lang_from_env());
        run.sim.kx = modes[m];
        run.sim.seeded = true;
        run.sim.seed = 1;
        run.sim.app_data = true; /* as the program runs it */
        tui_options to = {0};
        tui_app a;
        char err[256];
        if (!tui_app_init(&a, &run, &to, err, sizeof err)) {
            endwin();
            fprintf(stderr, "tlssim-tui-bench: %s\n", err);
            return 1;
        }
        for (size_t s = 0; s < 2; s++) {
            run_size(&a, sizes[s][0], sizes[s][1], 3); /* warm the caches */
            bench_result r = run_size(&a, sizes[s][0], sizes[s][1], iterations);
            snprintf(lines[nl++], sizeof lines[0],
                     "%-9s %3dx%-3d %6ld redraws  cpu mean %.3f p50 %.3f p99 %.3f max %.3f"
                     "  wall mean %.3f ms",
                     tls_kx_name(modes[m]), sizes[s][1], sizes[s][0], r.redraws, r.mean_ms,
                     r.p50_ms, r.p99_ms, r.max_ms, r.wall_mean_ms);
        }
        tui_app_free(&a);
    }
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("tlssim-tui-bench: one redraw = state change + full draw + doupdate\n");
    for (int i = 0; i < nl; i++)
        printf("  %s\n", lines[i]);
    printf("  peak RSS %.1f MiB (budget: 5 ms per redraw, 16 MiB)\n",
           (double)ru.ru_maxrss / 1024.0);
    return 0;
}
