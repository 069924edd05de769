#!/usr/bin/env python3
"""--projector, --quiz and --auto's countdown in the TUI, driven in tmux (issue 16).

Usage: test_tui_projector.py PATH/TO/tlssim

- --projector at 80x24, ECDHE and RSA, every step: the step title whole
  (never cut), the arrow, and every value name the step learned (as in
  `--json`) whole on screen with its meaning or the start of its bytes,
  or "+N more" saying how many did not fit; v shows the full panes and
  back; resizing below the minimum and to 200x60; --lang zh; NO_COLOR.
- --quiz: a step's values are hidden ("? ? ?") and their bytes absent
  until Enter (or the next-step key) reveals them one by one.
- --auto 2: the countdown on the title line ("next in 2 s", then "next in
  1 s") and the step advancing by itself.
Every wait polls the screen with a deadline (no sleeps for timing).
Exits 77 only when tmux is missing.
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_tui_tmux as t  # noqa: E402  (the Tmux driver, waits and checks)


def json_doc(exe, flags):
    out = subprocess.run([exe, "--json"] + flags.split(), stdout=subprocess.PIPE, check=True)
    return json.loads(out.stdout)


def distinct_values(step):
    seen = []
    for v in step["values"]:
        if v["name"] not in [s["name"] for s in seen]:
            seen.append(v)
    return seen


def name_whole(screen, name):
    """The name on a line of its own start (after the border), not cut."""
    return any(line.strip("│ ").startswith(name + " ") or line.strip("│ ") == name
               for line in screen.split("\n"))


def step_expectations(step, n):
    title = "Step %d/%d · %s" % (step["step"], n, step["title"])
    ex = [("step %d: the title whole: %s" % (step["step"], title), lambda s: title in s),
          ("step %d: nothing wider than 80 columns" % step["step"],
           lambda s: all(len(l) <= 80 for l in s.split("\n")))]
    if step.get("skipped"):
        ex.append(("step %d: skipped, with why" % step["step"], lambda s: "skipped:" in s))
        return ex
    ex.append(("step %d: the arrow" % step["step"],
               lambda s: "client ◀─" in s or "─▶ server" in s))
    vals = distinct_values(step)
    if not vals:
        ex.append(("step %d: says nothing new is learned" % step["step"],
                   lambda s: "No new value at this step." in s))

    def names_ok(s, vals=vals):
        shown = [v for v in vals if name_whole(s, v["name"])]
        if len(shown) == len(vals):
            return True
        return ("+%d more" % (len(vals) - len(shown))) in s and shown == vals[:len(shown)]

    def bytes_ok(s, vals=vals):
        lines = s.split("\n")
        for i, line in enumerate(lines[:-1]):
            for v in vals:
                if name_whole(line, v["name"]) and line.strip("│ ").startswith(v["name"]):
                    nxt = lines[i + 1] if (v["text"] or v["hex"])[:8] in lines[i + 1] else lines[i + 2]
                    if (v["text"] or v["hex"])[:8] not in nxt:
                        return False
        return True
    ex.append(("step %d: each value name whole, or counted as more" % step["step"], names_ok))
    ex.append(("step %d: each value shown as in --json" % step["step"], bytes_ok))
    return ex


def test_projector(exe, sock, kx):
    flags = "--projector --seed 3 --kx %s --lang en" % kx
    doc = json_doc(exe, flags.replace("--projector ", ""))
    tm = t.Tmux(sock + "-" + kx)
    try:
        tm.start(80, 24, t.shell_command(exe, flags, env="NO_COLOR=1" if kx == "rsa" else ""))
        for step in doc["steps"]:
            t.expect(tm, step_expectations(step, len(doc["steps"])))
            tm.keys("Right")
        tm.keys("Home")
        t.wait_text(tm, "Step 1/10 · ClientHello")
        tm.keys("v")
        t.expect(tm, [("v: the full panes", lambda s: "(Tab switches)" in s and "v view" in s)])
        tm.keys("v")
        t.expect(tm, [("v again: the projector pane", lambda s: "(Tab switches)" not in s and
                       "New at this step:" in s)])
        # KEY_RESIZE: too small, then the pane again; wider, still one pane.
        tm.resize(50, 12)
        t.wait_text(tm, "Terminal too small")
        tm.resize(200, 60)
        t.expect(tm, [("200x60: still the projector pane",
                       lambda s: "Step 1/10 · ClientHello" in s and "New at this step:" in s and
                       "(Tab switches)" not in s and "Eavesdropper sees" not in s)])
        tm.keys("q")
        t.check_restored(tm, 0, "q (projector %s)" % kx)
    finally:
        tm.kill()


def test_quiz(exe, sock):
    doc = json_doc(exe, "--seed 3 --lang en")
    vals = distinct_values(doc["steps"][1])  # ServerHello: server_random, cipher_suite
    tm = t.Tmux(sock + "-quiz")
    try:
        tm.start(80, 24, t.shell_command(exe, "--quiz --seed 3 --lang en --step 2"))
        first = vals[0]["hex"][:16]
        t.expect(tm, [("quiz: the step's values hidden",
                       lambda s: s.count("? ? ?") == len(vals) and first not in s),
                      ("quiz: the names are shown", lambda s: all(name_whole(s, v["name"]) for v in vals)),
                      ("quiz: Enter reveals, in the footer", lambda s: "Enter reveal" in s)])
        tm.keys("?")
        t.expect(tm, [("quiz: the help says how to reveal",
                       lambda s: "reveal the next hidden value" in s and "v" in s and
                       "the projector pane / the full panes" in s)])
        tm.keys("Escape")
        t.wait_for(tm, lambda s: "Esc close" not in s, "the help to close")
        tm.keys("Enter")
        t.expect(tm, [("quiz: Enter reveals the first value as in --json",
                       lambda s: first in s and s.count("? ? ?") == len(vals) - 1)])
        tm.keys("Right")  # the next-step key reveals what is still hidden first
        t.expect(tm, [("quiz: → reveals the rest before moving on",
                       lambda s: "? ? ?" not in s and "Step 2/10" in s and
                       (vals[1]["text"] or vals[1]["hex"])[:16] in s)])
        tm.keys("Right")
        t.expect(tm, [("quiz: then → goes to the next step, hidden again",
                       lambda s: "Step 3/10" in s and "? ? ?" in s)])
        tm.keys("q")
        t.check_restored(tm, 0, "q (quiz)")
    finally:
        tm.kill()


def test_auto_countdown(exe, sock):
    tm = t.Tmux(sock + "-auto")
    try:
        tm.start(80, 24, t.shell_command(exe, "--projector --seed 3 --lang en --auto 2"))
        t.expect(tm, [("auto: the countdown starts at 2 s",
                       lambda s: "next in 2 s" in s and "Step 1/10" in s)])
        t.expect(tm, [("auto: the countdown goes down to 1 s",
                       lambda s: "next in 1 s" in s and "Step 1/10" in s)])
        t.expect(tm, [("auto: the step advances by itself", lambda s: "Step 2/10" in s)])
        tm.keys("Space")
        t.expect(tm, [("auto: Space pauses the countdown", lambda s: "paused" in s)])
        tm.keys("q")
        t.check_restored(tm, 0, "q (auto)")
    finally:
        tm.kill()


def test_zh(exe, sock):
    tm = t.Tmux(sock + "-zh")
    try:
        tm.start(80, 24, t.shell_command(exe, "--projector --seed 3 --lang zh --step 4"))
        t.expect(tm, [("zh: the step title in Chinese", lambda s: "第 4/10 步" in s or "步骤 4/10" in s),
                      ("zh: the heading in Chinese", lambda s: "本步新得到的值" in s)])
        tm.keys("q")
        t.check_restored(tm, 0, "q (zh)")
    finally:
        tm.kill()


def main():
    if len(sys.argv) != 2:
        print("usage: test_tui_projector.py PATH/TO/tlssim", file=sys.stderr)
        return 2
    if not shutil.which("tmux"):
        print("tmux not found: skipped")
        return 77
    exe = os.path.abspath(sys.argv[1])
    sock = "tlssim-tui-proj-%d" % os.getpid()
    test_projector(exe, sock, "ecdhe")
    test_projector(exe, sock, "rsa")
    test_quiz(exe, sock)
    test_auto_countdown(exe, sock)
    test_zh(exe, sock)
    print("%d checks, %d failed" % (t.checks, t.failures))
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())
