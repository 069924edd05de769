"""The TUI's screens under --lang zh, driven in tmux (tests/tui's helpers),
each judged by the zh interface test's checker when it has settled."""
import os
import shutil
import time

import test_tui_tmux as tt

TIMEOUT = 15.0
POLL = 0.05


def settle(ck, tm, pred, what):
    """The screen once pred holds and two captures in a row agree."""
    deadline = time.monotonic() + TIMEOUT
    prev = None
    while time.monotonic() < deadline:
        s = tm.screen()
        if pred(s) and s == prev:
            return s
        prev = s
        time.sleep(POLL)
    ck.fail(f"TUI: timed out waiting for {what}\n---- screen ----\n{prev}")
    return None


def look(ck, tm, label, pred=lambda s: True, what=None):
    s = settle(ck, tm, pred, what or label)
    if s is not None:
        ck.judge("TUI " + label, s)
    return s


def step_marker(n, total):
    return "第 %d/%d 步" % (n, total)


def walk_run(ck, tm, steps, label):
    """Every step of the run, then the page after the handshake."""
    total = len(steps)
    look(ck, tm, f"{label} step 1", lambda s: step_marker(1, total) in s)
    for n in range(2, total + 1):
        tm.keys("Right")
        look(ck, tm, f"{label} step {n}", lambda s, n=n: step_marker(n, total) in s)
    tm.keys("Right")
    look(ck, tm, f"{label} after the handshake", lambda s: "握手之后" in s)


def popups_and_help(ck, tm, total):
    """Enter on each pane's selection, then the help, page by page."""
    tm.keys("Home")
    base = settle(ck, tm, lambda s: step_marker(1, total) in s, "step 1 again")
    # Tab order from the first focus: fields, server, wire, lesson (whole
    # already: Enter opens nothing), client, records.
    for pane in ("fields", "server", "wire", None, "client", "records"):
        if pane:
            tm.keys("Enter")
            look(ck, tm, "popup of the %s pane" % pane, lambda s: s != base and "Esc" in s)
            tm.keys("Escape")
            base = settle(ck, tm, lambda s: "Esc" not in s, "the popup to close")
        tm.keys("Tab")
    tm.keys("?")
    page = look(ck, tm, "help", lambda s: "按键" in s)
    for n in range(12):
        tm.keys("NPage")
        nxt = settle(ck, tm, lambda s: True, "the help to scroll")
        if nxt is None or nxt == page:
            break
        ck.judge(f"TUI help page {n + 2}", nxt)
        page = nxt
    tm.keys("Escape")
    settle(ck, tm, lambda s: "按键" not in s, "the help to close")


def status_lines(ck, tm):
    """The one-line answers of the re-run keys."""
    for key, label in (("m", "m: the other key exchange"), ("g", "g under RSA"),
                       ("m", "m: back to ECDHE"), ("g", "g: next group"),
                       ("s", "s: next suite"), ("c", "c: client certificates"),
                       ("R", "R: session resumption"), ("r", "r: fresh randoms")):
        before = tm.screen()
        tm.keys(key)
        look(ck, tm, label, lambda s, b=before: s != b)


def layouts(ck, tm):
    """The compact layout's tabs, and the too-small guard."""
    tm.resize(80, 24)
    look(ck, tm, "80x24", lambda s: "Tab" in s)
    for tab in range(5):
        before = tm.screen()
        tm.keys("Tab")
        look(ck, tm, f"80x24 tab {tab + 2}", lambda s, b=before: s != b)
    tm.resize(50, 12)
    look(ck, tm, "too small", lambda s: "终端太小" in s)
    tm.resize(200, 60)


def compare_screens(ck, tm):
    """--compare: every message side by side, then stacked at 80x24."""
    look(ck, tm, "--compare message 1", lambda s: "1/10" in s)
    for n in range(2, 11):
        tm.keys("Right")
        look(ck, tm, f"--compare message {n}", lambda s, n=n: "消息 %d/10" % n in s)
    tm.resize(80, 24)
    look(ck, tm, "--compare at 80x24", lambda s: len(s.split("\n")[0]) <= 80)
    tm.resize(200, 60)


def projector_screens(ck, tm):
    """--projector: the big pane of every step, and v's full panes."""
    look(ck, tm, "--projector step 1", lambda s: step_marker(1, 10) in s)
    for n in range(2, 11):
        tm.keys("Right")
        look(ck, tm, f"--projector step {n}", lambda s, n=n: step_marker(n, 10) in s)
    before = tm.screen()
    tm.keys("v")
    look(ck, tm, "--projector v", lambda s: s != before)


def quiz_screens(ck, tm):
    """--quiz with --auto's countdown: hidden values, then revealed."""
    before = look(ck, tm, "--quiz step 1", lambda s: step_marker(1, 10) in s)
    tm.keys("Enter")
    look(ck, tm, "--quiz revealed", lambda s: s != before)


def session(ck, sock, flags, body):
    tm = tt.Tmux(sock)
    try:
        # tmux starts the program, not us: hand it the catalogue's folder.
        env = "TLSSIM_LOCALEDIR=" + ck.env["TLSSIM_LOCALEDIR"] if "TLSSIM_LOCALEDIR" in ck.env else ""
        tm.start(200, 60, tt.shell_command(ck.tlssim, flags + " --lang zh", env=env))
        body(tm)
        tm.keys("q")
        settle(ck, tm, lambda s: "EXITED:" in s, "tlssim to quit")
    finally:
        tm.kill()


def check(ck, runs):
    if not shutil.which("tmux"):
        print("tmux not found: the TUI's screens are not checked")
        return "skipped"
    sock = "tlssim-zh-%d" % os.getpid()
    for i, (opts, steps) in enumerate(runs):
        label = " ".join(opts)

        def body(tm, steps=steps, label=label, first=(i == 0)):
            walk_run(ck, tm, steps, label)
            if first:
                popups_and_help(ck, tm, len(steps))
                status_lines(ck, tm)
                layouts(ck, tm)
        session(ck, f"{sock}-{i}", "--seed 1 " + " ".join(opts), body)
    session(ck, f"{sock}-c", "--compare rsa,ecdhe --seed 42", lambda tm: compare_screens(ck, tm))
    session(ck, f"{sock}-p", "--projector --seed 3", lambda tm: projector_screens(ck, tm))
    session(ck, f"{sock}-q", "--projector --quiz --auto 30 --seed 3", lambda tm: quiz_screens(ck, tm))
    for tamper in ("3:20", "10:4"):
        session(ck, f"{sock}-t", "--seed 42 --tamper " + tamper,
                lambda tm, t=tamper: (tm.keys("End"),
                                      look(ck, tm, "--tamper " + t, lambda s: "失败" in s)))
    return "done"


def first_screen(ck):
    """Only the first screen of the default run (the mutation test's probe)."""
    if not shutil.which("tmux"):
        return "skipped"
    session(ck, "tlssim-zh-first-%d" % os.getpid(), "--seed 1",
            lambda tm: look(ck, tm, "step 1", lambda s: "第 1/" in s))
    return "done"
