/*
 * The TUI's entry point: terminal set-up and restore, signals, the event
 * loop and --auto.  Everything on screen comes from screen.c.
 */
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "app.h"
#include "screen.h"
#include "theme.h"
#include "tlssim/i18n.h"

static volatile sig_atomic_t got_signal;
static bool curses_on;

/* Only set a flag: the loop notices (getch returns on EINTR) and restores
 * the terminal outside the handler, where it is safe to. */
static void on_signal(int sig) { got_signal = sig; }

/* Registered with atexit too, so even an unexpected exit() leaves a usable
 * terminal behind. */
static void restore_terminal(void)
{
    if (curses_on) {
        curses_on = false;
        endwin();
        fflush(stdout);
    }
}

/* What the terminal was before the screen opened, and the bytes that take
 * it back (leave the alternate screen, show the cursor, keypad off): for a
 * crash, where endwin cannot be called (it is not async-signal-safe). */
static struct termios saved_tty;
static bool saved_tty_ok;
static char crash_reset[128];
static size_t crash_reset_len;

static void crash_reset_add(const char *cap)
{
    const char *s = tigetstr(cap);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (crash_reset_len + n < sizeof crash_reset) {
        memcpy(crash_reset + crash_reset_len, s, n);
        crash_reset_len += n;
    }
}

/* A signal the program cannot go on after (SIGSEGV, SIGABRT, ...): put
 * the terminal back with async-signal-safe calls only, then die of the
 * same signal (SA_RESETHAND restored the default action). */
static void on_crash(int sig)
{
    if (curses_on) {
        if (write(STDOUT_FILENO, crash_reset, crash_reset_len) < 0) {
            /* nothing more can be done from here */
        }
        if (saved_tty_ok)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
    }
    raise(sig);
}

/* Every signal whose default action ends the program: the ones it can
 * leave cleanly from set a flag (getch returns, the loop restores the
 * terminal); the ones it cannot go on after restore it in the handler. */
static void install_signals(void)
{
    static const int leave[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                                SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO};
    static const int crash[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocked getch must return so the loop can leave. */
    sa.sa_flags = 0;
    for (size_t i = 0; i < sizeof leave / sizeof leave[0]; i++)
        sigaction(leave[i], &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
        sigaction(crash[i], &sa, NULL);
    saved_tty_ok = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The user's locale for character handling.  A terminal set to, say,
 * zh_CN.UTF-8 on a machine where that locale was never generated still
 * speaks UTF-8: setlocale fails, and falling back to "C" would draw the
 * whole screen in ASCII and hide the Chinese lessons.  C.UTF-8 is always
 * there on Debian and gives the same character handling; the lesson
 * language still comes from LANG/LC_ALL. */
static bool locale_setup(void)
{
    if (setlocale(LC_ALL, "") && locale_is_utf8())
        return true;
    const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        bool asks_utf8 = strstr(v, "UTF-8") || strstr(v, "utf8") || strstr(v, "UTF8") ||
                         strstr(v, "utf-8");
        return asks_utf8 && setlocale(LC_CTYPE, "C.UTF-8") && locale_is_utf8();
    }
    return false;
}

/* Whether --auto should be counting down now. */
static bool auto_running(const tui_app *a)
{
    return a->auto_seconds > 0 && !a->auto_paused && a->popup.kind == TUI_POPUP_NONE &&
           tui_screen_can_advance(a);
}

/* How long getch may wait: until the next step is due, or sooner so the
 * countdown on screen changes as each whole second passes (-1: for ever). */
static int auto_wait_ms(tui_app *a, double next_tick)
{
    a->auto_due = auto_running(a) ? next_tick : 0;
    if (!a->auto_due)
        return -1;
    double left = next_tick - now_seconds();
    if (left <= 0)
        return 0;
    double frac = left - (double)(long)left;
    if (frac < 0.005)
        frac = 1.0;
    double wait = frac < left ? frac : left;
    return (int)(wait * 1000.0 + 0.5);
}

/* Input modes, keys, colours, and a word when the locale is not UTF-8. */
static void setup_terminal(tui_app *app, bool utf8)
{
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    /* Home/End arrive as VT220 or xterm sequences whatever TERM claims
     * (tmux and screen send ESC [1~ and ESC [4~): accept them all. */
    static const char *const home[] = {"\033[1~", "\033[7~", "\033[H", "\033OH"};
    static const char *const end[] = {"\033[4~", "\033[8~", "\033[F", "\033OF"};
    for (size_t i = 0; i < sizeof home / sizeof home[0]; i++) {
        define_key(home[i], KEY_HOME);
        define_key(end[i], KEY_END);
    }
    curs_set(0);
    set_escdelay(25);
    tui_theme_init(utf8);
    if (!utf8 && app->lang == TLS_LANG_ZH) {
        /* Chinese would be all question marks: start in English, say why. */
        app->lang = TLS_LANG_EN;
        tls_i18n_set_lang(app->lang);
        tui_app_status(app, "%s", _("the terminal's locale is not UTF-8: lessons in English, "
                                    "ASCII only (l still switches to Chinese)"));
    } else if (!utf8) {
        tui_app_status(app, "%s", _("the terminal's locale is not UTF-8: showing ASCII only"));
    }
}

static void loop(tui_app *a)
{
    double next_tick = now_seconds() + a->auto_seconds;
    while (!a->quit && !got_signal) {
        int wait_ms = auto_wait_ms(a, next_tick);
        tui_screen_draw(a);
        refresh();
        timeout(wait_ms);
        int ch = getch();
        if (got_signal)
            break;
        if (ch == ERR) {
            if (auto_running(a) && now_seconds() >= next_tick) {
                tui_screen_advance(a);
                next_tick = now_seconds() + a->auto_seconds;
            }
            continue;
        }
        int before = a->step, before_row = a->cmp_row, before_shown = a->quiz_shown;
        bool was_paused = a->auto_paused;
        tui_screen_key(a, ch);
        /* A manual move or a resume gives the class the full interval again. */
        if (a->step != before || a->cmp_row != before_row || a->quiz_shown != before_shown ||
            (was_paused && !a->auto_paused))
            next_tick = now_seconds() + a->auto_seconds;
    }
}

/* Set up the terminal, step through the app's run until the user leaves,
 * restore the terminal.  The app is initialised; it is freed here. */
static int run_screen(tui_app *app, bool utf8)
{
    /* locale_setup's setlocale(LC_ALL, "") may have put LC_MESSAGES back to "C". */
    tls_i18n_set_lang(app->lang);
    /* Before newterm: ncurses installs its own handlers only where none are. */
    install_signals();
    static bool registered;
    if (!registered && atexit(restore_terminal) == 0)
        registered = true;
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        const char *term = getenv("TERM");
        fprintf(stderr, _("tlssim: cannot start the TUI on terminal type '%s'; try --text\n"),
                term ? term : _("(unset)"));
        tui_app_free(app);
        return 1;
    }
    crash_reset_len = 0;
    crash_reset_add("rmcup");
    crash_reset_add("cnorm");
    crash_reset_add("rmkx");
    crash_reset_add("sgr0");
    curses_on = true;
    /* A terminal that cannot move the cursor (TERM=dumb) would only show
     * garbage: say so and leave, the text mode works there. */
    char *cup = tigetstr("cup");
    if (!cup || cup == (char *)-1) {
        restore_terminal();
        delscreen(scr);
        const char *term = getenv("TERM");
        fprintf(stderr, _("tlssim: terminal type '%s' cannot position the cursor; try --text\n"),
                term ? term : _("(unset)"));
        tui_app_free(app);
        return 1;
    }
    setup_terminal(app, utf8);
    loop(app);
    restore_terminal();
    delscreen(scr);
    int rc = 0;
    if (app->fatal[0]) {
        fprintf(stderr, "tlssim: %s\n", app->fatal);
        rc = 1;
    } else if (!tls_app_save_exports(&app->run, &app->trace)) {
        /* --keylog/--pcap: the run on screen at the end (after any m/g/s/r). */
        rc = 1;
    }
    tui_app_free(app);
    if (got_signal)
        return 128 + (int)got_signal;
    return rc;
}

/* The app could not start (before the terminal was touched): say why,
 * unless tls_app_lessons_open did already for a bad --lessons DIR, which is a
 * usage error as in text mode. */
static int init_failed(tui_app *app, const char *err)
{
    tui_app_free(app);
    if (!err[0])
        return 2;
    fprintf(stderr, "tlssim: %s\n", err);
    return 1;
}

int tui_run(const tls_app_run *run, const tui_options *to)
{
    bool utf8 = locale_setup();
    static tui_app app;
    char err[256] = "";
    if (!tui_app_init(&app, run, to, err, sizeof err))
        return init_failed(&app, err);
    return run_screen(&app, utf8);
}

int tui_run_compare(const tls_compare *c, const tui_options *to)
{
    bool utf8 = locale_setup();
    static tui_app app; /* the runs stay the caller's: the app frees only its own */
    memset(&app, 0, sizeof app);
    app.cmp = c;
    app.run = c->runs[0].run;
    app.run.keylog_path = app.run.pcap_path = app.run.html_path = NULL;
    app.lang = app.run.lang;
    app.lessons_on = !app.run.no_lessons;
    app.focus = TUI_PANE_LESSON; /* the arrows scroll the end page's lesson */
    app.auto_seconds = to->auto_seconds;
    bool fatal = false;
    app.lessons = tls_app_lessons_open(&app.run, &fatal);
    if (fatal)
        return 2;
    return run_screen(&app, utf8);
}

int tui_run_trace(const tls_app_run *run, const tui_options *to, tls_trace *trace,
                  const tls_sim_result *res)
{
    bool utf8 = locale_setup();
    static tui_app app;
    char err[512] = "";
    if (!tui_app_init_trace(&app, run, to, trace, res, err, sizeof err))
        return init_failed(&app, err);
    int rc = run_screen(&app, utf8);
    /* Like the text walkthrough: once the screen is gone, the reason a live
     * run failed stays on the terminal, and the status says it failed. */
    if (!res->ok) {
        char why[sizeof res->why_text.values + 512];
        fprintf(stderr, "tlssim: %s\n", tls_i18n_text_into(&res->why_text, why, sizeof why));
        if (rc == 0)
            rc = 1;
    }
    return rc;
}
