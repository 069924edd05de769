#!/usr/bin/env python3
"""--compare in the TUI, driven in tmux (issue 16).

Usage: test_tui_compare.py PATH/TO/tlssim

At 200x60 (side by side) and 80x24 (stacked) it steps `--compare rsa,ecdhe
--seed 42` through every message and the end page, and checks against
`--compare --json` for the same flags: every run's box present and aligned
(side by side: top borders on one line, equal widths; stacked: one under
the other, full width), each box at the run's step of that message, the
bytes that crossed, what the eavesdropper learns, the pre-master's origin,
each value the run learned at that step with its meaning or the start of
its bytes as in that run's `--json`, the RSA column's ServerKeyExchange
absent with its reason, the differences marked (`*` on the facts that
differ, and the line naming them); the end page's leaked-key facts per run
and the comparison lesson.  Then three runs at both sizes (rsa,ecdhe,dhe),
three suites side by side,
`--lang zh`, and NO_COLOR.  q restores the terminal.  Every wait polls the
screen with a deadline (no sleeps for timing).  Exits 77 only when tmux
is missing.
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_tui_tmux as t  # noqa: E402  (the Tmux driver, waits and checks)

FLAGS = "--compare rsa,ecdhe --seed 42 --lang en"
THREE = "--compare 0x009c,0xc02f,0xc030 --seed 7 --lang en"


def json_doc(exe, flags):
    out = subprocess.run([exe, "--json"] + flags.split(), stdout=subprocess.PIPE, check=True)
    return json.loads(out.stdout)


def boxes(screen, labels):
    """(line, left column, width) of each run's box, by its title; None when absent."""
    lines = screen.split("\n")
    out = {}
    for label in labels:
        out[label] = None
        for i, line in enumerate(lines):
            at = line.find("─ %s:" % label)
            if at < 0:
                continue
            left = line.rfind("┌", 0, at)
            right = line.find("┐", at)
            if left >= 0 and right > left:
                out[label] = (i, left, right - left + 1)
                break
    return out


def region(screen, label):
    return t.box_region(screen, "─ %s:" % label)


def aligned(pos, labels, side):
    p = [pos[l] for l in labels]
    if any(x is None for x in p):
        return False
    if side:
        return all(x[0] == p[0][0] for x in p) and all(
            p[i][1] < p[i + 1][1] for i in range(len(p) - 1)) and \
            max(x[2] for x in p) - min(x[2] for x in p) <= 1
    return all(p[i][0] < p[i + 1][0] for i in range(len(p) - 1)) and \
        all(x[1] == 0 for x in p) and all(x[2] == p[0][2] for x in p)


def joined(text):
    """A box's text with its wrapped lines joined (continuations indented)."""
    return " ".join(" ".join(line.split()) for line in text.split("\n"))


def value_checks(region_text, step, tall):
    """(what, ok) for each value the run learned at its step."""
    out = []
    lines = region_text.split("\n")
    for v in step["values"]:
        want = (v["text"] or v["hex"])[:12]
        hit = [l for l in lines if l.split()[:2] == [v["party"], v["name"]]]
        if not hit:
            if tall:
                out.append(("%s %s listed" % (v["party"], v["name"]), False))
            continue  # a short box shows what fits (its border says "more")
        out.append(("%s %s shows %s" % (v["party"], v["name"], want), want in hit[0]))
    return out


def row_expectations(doc, row, side, tall):
    labels = doc["compare"]
    n = len(doc["differences"])
    ex = [("message %d/%d shown" % (row["row"], n), lambda s: "message %d/%d" % (row["row"], n) in s),
          ("row %d: every column present and aligned" % row["row"],
           lambda s: aligned(boxes(s, labels), labels, side))]
    for i, r in enumerate(row["runs"]):
        lab = labels[i]
        step = doc["runs"][i]["steps"][r["step"] - 1]
        ex.append(("row %d %s: at step %d" % (row["row"], lab, r["step"]),
                   lambda s, lab=lab, r=r: ("─ %s: step %d/10 " % (lab, r["step"])) in s))
        if not r["sent"]:
            ex.append(("row %d %s: absent, with why" % (row["row"], lab),
                       lambda s, lab=lab, r=r: "absent:" in region(s, lab) and
                       r["skip_reason"].split(":")[0] in joined(region(s, lab))))
            continue
        mark = "*" if "bytes" in row["differs"] else " "
        full = tall or len(labels) == 2  # three stacked boxes show the first facts
        ex.append(("row %d %s: %s bytes crossed: %d" % (row["row"], lab, mark, r["bytes"]),
                   lambda s, lab=lab, r=r, mark=mark:
                   ("%s bytes crossed: %d" % (mark, r["bytes"])) in region(s, lab)))
        if not full:
            continue
        learns = ", ".join(r["eavesdropper_learns"]) or "-"
        marked = "eavesdropper_learns" in row["differs"]
        ex.append(("row %d %s: eavesdropper learns %s%s" % (row["row"], lab, learns,
                                                          " (marked)" if marked else ""),
                   lambda s, lab=lab, learns=learns, marked=marked:
                   ("eavesdropper learns: %s" % learns) in joined(region(s, lab)) and
                   marked == ("* eavesdropper learns:" in region(s, lab))))
        if r["pre_master"]:
            who = ("derived by each side" if r["pre_master"]["derived"]
                   else "chosen by the %s" % r["pre_master"]["chosen_by"])
            ex.append(("row %d %s: pre-master %s" % (row["row"], lab, who),
                       lambda s, lab=lab, who=who: ("pre-master: " + who) in region(s, lab)))
        if "signed" in row["differs"] and r["signed"]:
            ex.append(("row %d %s: signed %s" % (row["row"], lab, r["signed"]),
                       lambda s, lab=lab, r=r:
                       ("* signed: " + ", ".join(r["signed"])) in joined(region(s, lab))))
        ex.append(("row %d %s: values as --json" % (row["row"], lab),
                   lambda s, lab=lab, step=step:
                   all(ok for _, ok in value_checks(region(s, lab), step, tall))))
    if row["differs"]:
        ex.append(("row %d: differences named" % row["row"], lambda s: "* Differs:" in s))
    else:
        ex.append(("row %d: no difference" % row["row"], lambda s: "Same in every run." in s))
    return ex


def end_expectations(doc, side):
    labels = doc["compare"]
    ex = [("the end page", lambda s: "the end" in s and "Lesson: the comparison" in s),
          ("the end page: the comparison lesson's title",
           lambda s: "Comparison: RSA and (EC)DHE key exchange" in s)]
    for i, leak in enumerate(doc["leaked_server_key"]):
        lab = labels[i]

        def box(s, lab=lab):
            return joined(t.box_region(s, "─ %s ─" % lab))
        if leak["recording_decryptable"]:
            ex.append(("end %s: a leaked key reveals %s" % (lab, leak["reveals"]),
                       lambda s, box=box, leak=leak: all(v in box(s) for v in leak["reveals"][:4])
                       and "if the server's key leaks:" in box(s)))
        else:
            ex.append(("end %s: a leaked key reveals nothing" % lab,
                       lambda s, box=box: "if the server's key leaks: nothing" in box(s)))
        ex.append(("end %s: %d handshake bytes" % (lab, leak["handshake_bytes"]),
                   lambda s, box=box, leak=leak:
                   ("handshake bytes: %d" % leak["handshake_bytes"]) in box(s) or not side))
    return ex


def run_size(exe, sock, cols, lines, doc, flags):
    side = cols >= 100
    tm = t.Tmux(sock)
    try:
        tm.start(cols, lines, t.shell_command(exe, flags))
        for row in doc["differences"]:
            t.expect(tm, row_expectations(doc, row, side, lines >= 60))
            t.expect(tm, [("%dx%d: nothing wider than the terminal" % (cols, lines),
                           lambda s: all(len(l) <= cols for l in s.split("\n")))])
            tm.keys("n")
        t.expect(tm, end_expectations(doc, side))
        tm.keys("Down")
        t.wait_for(tm, lambda s: "more ↑" in s or lines >= 60, "the lesson scrolls")
        tm.keys("p")
        t.wait_text(tm, "message %d/%d" % (len(doc["differences"]), len(doc["differences"])))
        tm.keys("Home")
        t.wait_text(tm, "message 1/")
        if cols < 100:
            tm.resize(50, 12)
            t.wait_text(tm, "Terminal too small")
            tm.resize(cols, lines)
            t.wait_text(tm, "message 1/")
        tm.keys("q")
        t.check_restored(tm, 0, "q at %dx%d" % (cols, lines))
    finally:
        tm.kill()


def test_zh_and_mono(exe, sock):
    tm = t.Tmux(sock + "-zh")
    try:
        tm.start(80, 24, t.shell_command(exe, "--compare rsa,ecdhe --seed 42 --lang zh",
                                         env="NO_COLOR=1"))
        t.expect(tm, [("zh: the header in Chinese", lambda s: "对比" in s and "消息 1/10" in s),
                      ("zh: a box title in Chinese", lambda s: "rsa：第 1/10 步" in s),
                      ("zh: the footer in Chinese", lambda s: "q 退出" in s)])
        tm.keys("?")
        t.expect(tm, [("zh: the help lists the comparison's keys",
                       lambda s: "滚动对比课程" in s),
                      ("zh: the help says what * marks", lambda s: "这一项在各次运行之间不同" in s)])
        tm.keys("Escape")
        tm.keys("End")
        t.expect(tm, [("zh: the end page's lesson in Chinese",
                       lambda s: "若服务器私钥泄露" in s and "结尾" in s)])
        tm.keys("q")
        t.check_restored(tm, 0, "q (zh)")
    finally:
        tm.kill()


def main():
    if len(sys.argv) != 2:
        print("usage: test_tui_compare.py PATH/TO/tlssim", file=sys.stderr)
        return 2
    if not shutil.which("tmux"):
        print("tmux not found: skipped")
        return 77
    exe = os.path.abspath(sys.argv[1])
    sock = "tlssim-tui-compare-%d" % os.getpid()
    doc = json_doc(exe, FLAGS)
    run_size(exe, sock, 200, 60, doc, FLAGS)
    run_size(exe, sock, 80, 24, doc, FLAGS)
    # Three runs: the three key exchanges, then three suites.
    three_flags = "--compare rsa,ecdhe,dhe --seed 7 --lang en"
    three = json_doc(exe, three_flags)
    t.check(len(three["compare"]) == 3, "three runs in --json")
    run_size(exe, sock, 200, 60, three, three_flags)
    run_size(exe, sock, 80, 24, three, three_flags)
    suites3 = json_doc(exe, THREE)
    t.check(len(suites3["compare"]) == 3, "three suites in --json")
    run_size(exe, sock, 200, 60, suites3, THREE)
    test_zh_and_mono(exe, sock)
    print("%d checks, %d failed" % (t.checks, t.failures))
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())
