#!/usr/bin/env python3
"""Drive the real tlssim TUI inside tmux and read its screen.

Usage: test_tui_tmux.py PATH/TO/tlssim

For ECDHE and RSA with --seed 1 it steps through every step and checks the
screen against `tlssim --json` for the same flags: the step label and
message name, the values each side learned (the client random at step 1,
the master secret on both sides at step 6, ...), secrets never in the
eavesdropper's pane; it opens values whole with Enter and compares every hex
digit; steps back; resizes 200x60 -> 80x24 -> below the minimum -> back; and
checks the terminal is restored after q, Ctrl-C (SIGINT), SIGTERM, SIGUSR1,
SIGALRM, SIGPIPE and a crash (SIGSEGV).

Stdlib only.  Exits 77 (skipped) only when tmux is missing.  Every wait
polls capture-pane with a deadline; the tmux server (a private socket) is
always killed at the end.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

TIMEOUT = 15.0          # seconds to wait for any one screen
POLL = 0.05

failures = 0
checks = 0


def check(ok, what):
    global failures, checks
    checks += 1
    if not ok:
        failures += 1
        print("FAIL: " + what, flush=True)
    return ok


class Tmux:
    def __init__(self, socket):
        self.socket = socket

    def run(self, *args, check_rc=True):
        r = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if check_rc and r.returncode != 0:
            raise RuntimeError("tmux %s: %s" % (" ".join(args), r.stderr.strip()))
        return r.stdout

    def start(self, cols, lines, command):
        self.run("new-session", "-d", "-s", "t", "-x", str(cols), "-y", str(lines), command)

    def keys(self, *keys):
        self.run("send-keys", "-t", "t", *keys)

    def screen(self):
        return self.run("capture-pane", "-p", "-t", "t")

    def screen_sgr(self):
        """The screen with its attributes, as SGR escape sequences."""
        return self.run("capture-pane", "-p", "-e", "-t", "t")

    def resize(self, cols, lines):
        self.run("resize-window", "-t", "t", "-x", str(cols), "-y", str(lines))

    def fmt(self, f):
        return self.run("display-message", "-p", "-t", "t", f).strip()

    def kill(self):
        self.run("kill-server", check_rc=False)
        # tmux leaves its socket file behind: do not litter the temp folder.
        path = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), "tmux-%d" % os.getuid(),
                            self.socket)
        try:
            os.unlink(path)
        except OSError:
            pass


def settled(tm, pred):
    """Poll until pred holds on a settled screen, or TIMEOUT; (ok, screen).

    A redraw reaches tmux in pieces, and capture-pane can read the screen
    between two of them: a step's label already new, a pane's rows still
    the old ones (under ASan one such capture failed CI).  A screen counts
    only when two captures POLL apart are identical and pred holds on it.
    """
    deadline = time.monotonic() + TIMEOUT
    screen, prev = "", None
    while time.monotonic() < deadline:
        screen = tm.screen()
        if screen == prev and pred(screen):
            return True, screen
        prev = screen
        time.sleep(POLL)
    return False, screen


def stable(tm):
    """The screen once two captures in a row agree (see settled)."""
    return settled(tm, lambda t: True)[1]


def wait_for(tm, pred, what):
    """Poll the screen until pred(screen) holds on a settled screen."""
    ok, screen = settled(tm, pred)
    if ok:
        return screen
    check(False, "timed out waiting for " + what)
    print("---- screen ----\n" + screen + "----------------", flush=True)
    return screen


def wait_text(tm, *texts):
    return wait_for(tm, lambda s: all(t in s for t in texts), " and ".join(repr(t) for t in texts))


def step_label(step):
    return "Step %d/10 · %s" % (step["step"], step["title"])


def box_region(screen, title):
    """The text inside the box whose top border holds `title`."""
    lines = screen.split("\n")
    for i, line in enumerate(lines):
        at = line.find(title)
        if at < 0:
            continue
        left = line.rfind("┌", 0, at)
        right = line.find("┐", at)
        if left < 0 or right < 0:
            continue
        inner = []
        for row in lines[i + 1:]:
            if len(row) <= left or row[left] in "└":
                break
            inner.append(row[left + 1:right])
        return "\n".join(inner)
    return ""


def popup_hex(screen):
    """The hex digits of an opened value: the lines under 'hex (N bytes)'."""
    lines = screen.split("\n")
    for i, line in enumerate(lines):
        at = line.find("hex (")
        if at < 0:
            continue
        digits = ""
        for row in lines[i + 1:]:
            m = re.match(r"\s*([0-9a-f]+)(\s|│|$)", row[at:])
            if not m:
                break
            digits += m.group(1)
        return digits
    return None


def close_popup(tm):
    tm.keys("Escape")
    wait_for(tm, lambda t: "Esc close" not in t, "the popup to close")


def open_value(tm, party, name):
    """With focus on a party's pane, select `name` and open it whole; return its hex."""
    title = "─ %s · %s ─" % (name, party)
    for _ in range(40):
        tm.keys("Enter")
        s = wait_text(tm, "Esc close")
        if title in s:
            digits = popup_hex(s)
            close_popup(tm)
            return digits
        close_popup(tm)
        tm.keys("Down")
    check(False, "could not select %s in the %s pane" % (name, party))
    return None


def focus(tm, title):
    """Press Tab until the pane titled `title` is on screen (the compact layout)."""
    for _ in range(8):
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            if title in tm.screen():
                return True
            time.sleep(POLL)
        tm.keys("Tab")
    return check(title in tm.screen(), "Tab reaches the %r pane" % title)


def shown(v):
    """What a value's line shows: its meaning, else (a prefix of) its hex."""
    return v["text"] if v["text"] else v["hex"][:32]


def expect(tm, expectations):
    """Poll until every (what, predicate(screen)) holds, then report each.

    All of a screen's facts at once, on a settled screen (see settled).
    """
    _, s = settled(tm, lambda t: all(pred(t) for _, pred in expectations))
    bad = 0
    for what, pred in expectations:
        if not check(pred(s), what):
            bad += 1
    if bad:
        print("---- screen ----\n" + s + "----------------", flush=True)
    return s


def step_through(tm, doc, kx):
    """Check every step of the run against the JSON, moving with Right."""
    secrets = {v["hex"][:16] for st in doc["steps"] for v in st["values"] if v["secret"]}
    panes = {"client": "Client knows", "server": "Server knows", "wire": "Eavesdropper sees"}
    for st in doc["steps"]:
        n = st["step"]
        if n > 1:
            tm.keys("Right")
        label = step_label(st)
        exp = [("%s step %d: the label %r" % (kx, n, label), lambda s, label=label: label in s)]
        if st["skipped"]:
            reason = (st["skip_reason"] or "")[:40]
            exp.append(("%s step %d says it is skipped" % (kx, n), lambda s: "skipped" in s))
            exp.append(("%s step %d says why it is skipped" % (kx, n),
                        lambda s, r=reason: r in s))
        # A skipped step sends nothing: records the core tags with it crossed
        # during the step before (the certificate in RSA mode).
        records = sum(len(x["records"]) for x in doc["steps"]
                      if x["step"] <= n or (x["step"] == n + 1 and x["skipped"]))
        text = "Channel: %d record%s so far" % (records, "" if records == 1 else "s")
        exp.append(("%s step %d: %r" % (kx, n, text), lambda s, t=text: t in s))
        for v in st["values"]:
            exp.append(("%s step %d: the %s pane shows %s = %s"
                        % (kx, n, v["party"], v["name"], shown(v)),
                        lambda s, v=v: shown(v) in box_region(s, panes[v["party"]])))
        for chk in st["checks"]:
            exp.append(("%s step %d: the %s shows its check %r" % (kx, n, chk["party"], chk["name"]),
                        lambda s, c=chk: c["name"] in box_region(s, panes[c["party"]])))
        exp.append(("%s step %d: no secret in the eavesdropper pane" % (kx, n),
                    lambda s: not any(x in box_region(s, panes["wire"]) for x in secrets)))
        expect(tm, exp)


def hex_row_bytes(data_hex, offset, length, bpr=16):
    """The hex dump text of bytes [offset, offset+length) on their first row."""
    row_end = (offset // bpr + 1) * bpr
    out = ""
    for i in range(offset, min(offset + length, row_end)):
        if out:
            out += "  " if i % 8 == 0 else " "
        out += data_hex[2 * i:2 * i + 2]
    return out


def check_field_highlight(tm, doc, kx):
    """Select the ClientHello's random in the tree; its bytes must be lit."""
    rec = doc["steps"][0]["records"][0]["hex"]
    cr = value(doc, 1, "client", "client_random")["hex"]
    offset = rec.find(cr) // 2
    want = hex_row_bytes(rec, offset, 32)
    selected = lambda t: next((l for l in t.split("\n") if "▶" in l and ": " in l
                               and "Dissection" not in l and "#" not in l.split("▶")[1][:3]), "")
    for _ in range(30):
        before = selected(stable(tm))
        if "random: 32 bytes" in before:
            break
        tm.keys("Down")
        wait_for(tm, lambda t: selected(t) != before, "the selection to move")
    check("random: 32 bytes" in selected(stable(tm)), "%s: the random selected in the tree" % kx)
    lit = re.compile(r"\x1b\[[0-9;]*7m" + re.escape(want))
    deadline = time.monotonic() + TIMEOUT
    while not lit.search(tm.screen_sgr()) and time.monotonic() < deadline:
        time.sleep(POLL)
    check(bool(lit.search(tm.screen_sgr())),
          "%s: selecting the random lights its bytes %r in the hex view" % (kx, want))


def value(doc, step, party, name):
    for v in doc["steps"][step - 1]["values"]:
        if v["party"] == party and v["name"] == name:
            return v
    return None


def shell_command(exe, flags, env=""):
    # stty before and after: the app must leave the terminal exactly as it found it.
    inner = ('s0=$(stty -g); env TERM=xterm-256color LANG=C.UTF-8 LC_ALL= %s %s --tui %s; '
             'rc=$?; s1=$(stty -g); [ "$s0" = "$s1" ] && echo TTY-RESTORED; '
             'echo EXITED:$rc; sleep 60' % (env, exe, flags))
    return "bash -c '%s'" % inner


def child_pid(parent):
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == parent:
                return int(entry)
        except (OSError, IndexError, ValueError):
            continue
    return None


def check_restored(tm, code, how):
    s = wait_text(tm, "EXITED:")
    m = re.search(r"EXITED:(\d+)", s)
    check(m and int(m.group(1)) == code, "%s: exit status %d (got %s)" % (how, code, m and m.group(1)))
    check("TTY-RESTORED" in s, "%s: terminal modes restored (stty -g unchanged)" % how)
    check(tm.fmt("#{alternate_on}") == "0", "%s: left the alternate screen" % how)
    check(tm.fmt("#{cursor_flag}") == "1", "%s: cursor visible again" % how)
    check(tm.fmt("#{keypad_cursor_flag}") == "0", "%s: keypad mode off" % how)


def json_run(exe, kx):
    out = subprocess.run([exe, "--seed", "1", "--kx", kx, "--json"], stdout=subprocess.PIPE,
                         check=True).stdout
    return json.loads(out)


def ecdhe_after_handshake(tm, doc):
    """The application data after the handshake is one more page."""
    after = doc.get("after_handshake")
    if after and after.get("records"):
        total = sum(len(x["records"]) for x in doc["steps"]) + len(after["records"])
        tm.keys("Right")
        expect(tm, [("ECDHE: a page after the handshake", lambda t: "After the handshake" in t),
                    ("ECDHE: %d records by then" % total,
                     lambda t: "Channel: %d records so far" % total in t),
                    ("ECDHE: the application data crossed",
                     lambda t: "ApplicationData" in t),
                    ("ECDHE: the page after the handshake has its own lesson, step 11",
                     lambda t: "The application data records" in t
                     and re.search(r"Lesson . step 11 ", t) is not None)])
        tm.keys("Left")


def ecdhe_master_secret(tm, doc, cr):
    """Back to step 6: the master secret, whole, on both sides; then step 5
    replays the recorded run."""
    tm.keys("Home")
    wait_text(tm, step_label(doc["steps"][0]))
    for _ in range(5):
        tm.keys("Right")
    ms_c = value(doc, 6, "client", "master_secret")["hex"]
    ms_s = value(doc, 6, "server", "master_secret")["hex"]
    check(ms_c == ms_s, "JSON: both sides' master secrets agree")
    expect(tm, [
        ("ECDHE back at step 6", lambda t: step_label(doc["steps"][5]) in t),
        ("ECDHE step 6: the master secret on the client side",
         lambda t: box_region(t, "Client knows").count(ms_c[:32]) == 1),
        ("ECDHE step 6: the master secret on the server side",
         lambda t: box_region(t, "Server knows").count(ms_s[:32]) == 1),
        ("ECDHE step 6: both marked as agreeing",
         lambda t: "= server" in box_region(t, "Client knows") and
                   "= client" in box_region(t, "Server knows")),
        ("ECDHE step 6: the master secret is not in the eavesdropper pane",
         lambda t: ms_c[:16] not in box_region(t, "Eavesdropper sees"))])
    check(open_value(tm, "client", "master_secret") == ms_c,
          "ECDHE step 6: client master secret opened whole equals --json")
    for _ in range(3):
        tm.keys("Tab")  # client -> records -> fields -> server
    check(open_value(tm, "server", "master_secret") == ms_s,
          "ECDHE step 6: server master secret opened whole equals --json")
    # Step back replays the recorded run: the same values, not a new run.
    tm.keys("Left")
    expect(tm, [
        ("ECDHE step 5 after stepping back", lambda t: step_label(doc["steps"][4]) in t),
        ("ECDHE step 5: the same client random (a replay, not a re-run)",
         lambda t: cr["hex"][:32] in box_region(t, "Client knows")),
        ("ECDHE step 5: no master secret yet", lambda t: ms_c[:16] not in t)])


def ecdhe_resize_and_help(tm, doc, cr):
    """Resize: wide -> 80x24 (tabs) -> too small -> back; the help screen
    opens and closes."""
    tm.resize(80, 24)
    expect(tm, [
        ("80x24: the compact layout with tabs", lambda t: "(Tab switches)" in t),
        ("80x24: the step label", lambda t: step_label(doc["steps"][0]) in t),
        ("80x24: nothing wider than the terminal",
         lambda t: all(len(l) <= 80 for l in t.split("\n"))),
        ("80x24: the footer says how to quit and get help",
         lambda t: "q quit" in t and "? help" in t)])
    focus(tm, "Client knows")
    expect(tm, [("80x24: the client random on the client tab",
                 lambda t: cr["hex"][:32] in box_region(t, "Client knows"))])
    tm.resize(50, 12)
    wait_text(tm, "Terminal too small")
    tm.resize(80, 24)
    wait_text(tm, "(Tab switches)", "Client knows")
    tm.resize(200, 60)
    wait_for(tm, lambda t: "(Tab switches)" not in t and "Eavesdropper sees" in t,
             "the wide layout again")
    tm.keys("?")
    wait_text(tm, "Keys", "quit")
    tm.keys("Escape")
    wait_for(tm, lambda t: "Esc close" not in t, "help to close")


def test_ecdhe(exe, sock):
    doc = json_run(exe, "ecdhe")
    tm = Tmux(sock + "-ecdhe")
    try:
        tm.start(200, 60, shell_command(exe, "--seed 1 --kx ecdhe"))
        s = wait_text(tm, step_label(doc["steps"][0]), "ClientHello")
        # Step 1: open the client random whole (focus: fields -> records -> client).
        tm.keys("BTab")
        tm.keys("BTab")
        cr = value(doc, 1, "client", "client_random")
        check(open_value(tm, "client", "client_random") == cr["hex"],
              "ECDHE step 1: the client random opened whole equals --json")
        tm.keys("Home")
        step_through(tm, doc, "ECDHE")
        ecdhe_after_handshake(tm, doc)
        ecdhe_master_secret(tm, doc, cr)
        tm.keys("Home")
        wait_text(tm, step_label(doc["steps"][0]))
        tm.keys("End")
        wait_for(tm, lambda t: "Step 10/10" in t or "After the handshake" in t, "the last step")
        tm.keys("Home")
        wait_text(tm, step_label(doc["steps"][0]))
        ecdhe_resize_and_help(tm, doc, cr)
        tm.keys("q")
        check_restored(tm, 0, "q")
    finally:
        tm.kill()


def test_rsa(exe, sock):
    doc = json_run(exe, "rsa")
    tm = Tmux(sock + "-rsa")
    try:
        # Monochrome: NO_COLOR must leave everything readable (same checks).
        tm.start(200, 60, shell_command(exe, "--seed 1 --kx rsa", env="NO_COLOR=1"))
        wait_text(tm, step_label(doc["steps"][0]))
        check_field_highlight(tm, doc, "RSA")
        step_through(tm, doc, "RSA")
        expect(tm, [("RSA: secrets are marked", lambda t: "secret" in box_region(t, "Client knows"))])
        # --step opens at a step; Ctrl-C leaves cleanly.
        tm.keys("C-c")
        check_restored(tm, 130, "Ctrl-C")
    finally:
        tm.kill()
    tm = Tmux(sock + "-term")
    try:
        tm.start(80, 24, shell_command(exe, "--seed 1 --kx rsa --step 4"))
        expect(tm, [("RSA --step 4 opens at step 4", lambda t: "Step 4/10" in t),
                    ("RSA at 80x24: step 4 says skipped", lambda t: "skipped" in t),
                    ("RSA at 80x24: step 4 greyed as (4) in the step bar", lambda t: "(4)" in t)])
        pid = child_pid(int(tm.fmt("#{pane_pid}")))
        check(pid is not None, "found the tlssim process")
        if pid:
            os.kill(pid, signal.SIGTERM)
            check_restored(tm, 143, "SIGTERM")
    finally:
        tm.kill()


def test_signals(exe, sock):
    # Every signal that ends the program leaves the terminal as it was:
    # ones it can leave cleanly from (the loop restores it) and a crash
    # (the handler writes the reset bytes and dies of the same signal).
    for sig in (signal.SIGUSR1, signal.SIGALRM, signal.SIGPIPE, signal.SIGSEGV):
        tm = Tmux("%s-%s" % (sock, sig.name.lower()))
        try:
            tm.start(80, 24, shell_command(exe, "--seed 1"))
            wait_text(tm, "Step 1/10")
            check(tm.fmt("#{alternate_on}") == "1", "%s: the TUI is in the alternate screen" % sig.name)
            pid = child_pid(int(tm.fmt("#{pane_pid}")))
            check(pid is not None, "%s: found the tlssim process" % sig.name)
            if pid:
                os.kill(pid, sig)
                check_restored(tm, 128 + int(sig), sig.name)
        finally:
            tm.kill()


def test_auto_and_rerun(exe, sock):
    # --auto walks to the end by itself; m/g/s re-run with other settings and
    # the same seed, so the screen must show that run's --json values.
    rsa = json.loads(subprocess.run([exe, "--seed", "5", "--kx", "rsa", "--json"],
                                    stdout=subprocess.PIPE, check=True).stdout)
    tm = Tmux(sock + "-auto")
    try:
        tm.start(200, 60, shell_command(exe, "--seed 5 --auto 0.2"))
        expect(tm, [("--auto reaches the server Finished by itself",
                     lambda t: "Step 10/10" in t or "After the handshake" in t)])
        tm.keys("m")
        expect(tm, [("m: ECDHE → DHE, its default suite",
                     lambda t: "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256" in t)])
        tm.keys("m")
        tm.keys("Home")
        tm.keys("Space")  # pause --auto: the screen must stay at step 1
        cr = value(rsa, 1, "client", "client_random")["hex"]
        expect(tm, [("m: DHE → RSA key exchange, its default suite",
                     lambda t: "TLS_RSA_WITH_AES_128_GCM_SHA256" in t),
                    ("m: step 4 greyed as skipped", lambda t: "(4)" in t or "(ServerKeyExchange)" in t),
                    ("m: same seed, the client random of --json --kx rsa",
                     lambda t: "Step 1/10" in t and cr[:32] in t),
                    ("Space pauses --auto", lambda t: "paused" in t)])
        tm.keys("m")
        tm.keys("g")
        expect(tm, [("g: next group after secp256r1 is x25519",
                     lambda t: "x25519" in t and "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" in t)])
        tm.keys("s")
        # The table's next suite after c02f is c02c, which needs the ECDSA certificate.
        expect(tm, [("s: next suite", lambda t: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" in t)])
        tm.keys("e")
        expect(tm, [("e: back to the RSA certificate and its default suite",
                     lambda t: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" in t and
                     "RSA server certificate" in t)])
        tm.keys("e")
        expect(tm, [("e: the ECDSA certificate and its default suite",
                     lambda t: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" in t and
                     "ECDSA server certificate" in t)])
        tm.keys("q")
        check_restored(tm, 0, "q after re-runs")
    finally:
        tm.kill()


def test_chinese_locale(exe, sock):
    # A Chinese UTF-8 terminal whose locale was never generated on this
    # machine: still UTF-8 drawing, still the Chinese lessons.
    tm = Tmux(sock + "-zh")
    try:
        tm.start(200, 60, shell_command(exe, "--seed 1 --step 6", env="LANG=zh_CN.UTF-8"))
        expect(tm, [("zh: the lesson pane is in Chinese", lambda t: "第 6 步" in t),
                    ("zh: box drawing stays UTF-8", lambda t: "┌─ 课程" in t),
                    ("zh: no ASCII fallback notice", lambda t: "not UTF-8" not in t),
                    # The interface's own words from po/zh_CN.po (no zh_CN locale
                    # is installed: the catalogue is chosen by tlssim, not libc).
                    ("zh: the footer is translated", lambda t: "? 帮助" in t and "q 退出" in t)])
        tm.keys("?")
        expect(tm, [("zh: the help's heading and lines are translated",
                     lambda t: "按键" in t and "本帮助" in t)])
        tm.keys("Escape")
        tm.keys("q")
        check_restored(tm, 0, "q")
    finally:
        tm.kill()


def test_language_switch(exe, sock):
    # The interface follows the language: a step title from the catalogue in
    # Chinese under --lang zh (no Chinese locale needed), English after l,
    # Chinese again after a second l (gettext's cache is dropped each time).
    tm = Tmux(sock + "-l")
    try:
        tm.start(200, 60, shell_command(exe, "--seed 1 --step 7 --lang zh"))
        wait_text(tm, "第 7/10 步 · 客户端 ChangeCipherSpec")
        tm.keys("l")
        screen = wait_text(tm, "Step 7/10 · client ChangeCipherSpec")
        check("客户端 ChangeCipherSpec" not in screen, "l: no Chinese title left")
        tm.keys("l")
        wait_text(tm, "第 7/10 步 · 客户端 ChangeCipherSpec")
        # G: the glossary in the lesson language, listed in the help.
        tm.keys("G")
        screen = wait_text(tm, "术语表：English / 中文", "记录 · record")
        check("握手 · handshake" in screen, "G: the glossary pairs 握手 with handshake")
        tm.keys("Escape")
        tm.keys("l")
        wait_text(tm, "Step 7/10 · client ChangeCipherSpec")
        tm.keys("G")
        wait_text(tm, "Glossary: English / 中文", "record · 记录")
        tm.keys("Escape")
        tm.keys("?")
        wait_text(tm, "glossary: each English term and the Chinese term the lessons use")
        tm.keys("Escape")
        tm.keys("q")
        check_restored(tm, 0, "q")
    finally:
        tm.kill()


def main():
    if len(sys.argv) != 2:
        print("usage: test_tui_tmux.py PATH/TO/tlssim", file=sys.stderr)
        return 2
    if not shutil.which("tmux"):
        print("tmux not found: skipped")
        return 77
    exe = os.path.abspath(sys.argv[1])
    sock = "tlssim-tui-test-%d" % os.getpid()
    test_ecdhe(exe, sock)
    test_rsa(exe, sock)
    test_signals(exe, sock)
    test_chinese_locale(exe, sock)
    test_language_switch(exe, sock)
    test_auto_and_rerun(exe, sock)
    print("%d checks, %d failed" % (checks, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
