#!/usr/bin/env python3
"""Drive the real tlssim TUI in tmux: the save key, and live runs.

Usage: test_tui_live_save.py PATH/TO/tlssim

1. Save: an in-process --seed 1 run started in a temporary folder; w must
   say where the key log and pcap went (full paths, at 200x60 and in the
   short form at 80x24); the key log must be exactly the CLIENT_RANDOM line
   of `tlssim --json --seed 1`, the pcap must start with its magic, and the
   HTML handout beside them must be valid and hold that random and secret.
2. Live: `tlssim --listen 127.0.0.1:0 --json` is the real server, and the
   TUI is the client (--connect).  At step 10 the server's column must be
   titled inferred, tag its values inferred, and show the master secret
   the listening tlssim printed; r must be refused in one line; w must save
   a key log with the server's own values; q must restore the terminal.
3. A failed live run (the wrong --sni): it shows its steps and the alert,
   stops at step 3 and says so.

Stdlib only; helpers come from test_tui_tmux.py next to this file.
Exits 77 (skipped) only when tmux is missing.  Every wait polls with a
deadline; the listening tlssim and the tmux servers are always stopped.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# Import the helpers without leaving a __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_tui_tmux as tt  # noqa: E402  (after the path is set)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "html"))
import html_check  # noqa: E402

CA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "core", "pki",
                  "ca.crt.pem")
PCAP_MAGIC = bytes([0xd4, 0xc3, 0xb2, 0xa1])
REFUSAL = "a live run cannot be replayed with other settings: run tlssim again"


def start(tm, cols, lines, folder, exe, flags):
    """The TUI in a tmux session started in `folder` (where w saves)."""
    tm.run("new-session", "-d", "-s", "t", "-x", str(cols), "-y", str(lines), "-c", folder,
           tt.shell_command(exe, flags))


def sanitizer_clean(text):
    return "Sanitizer" not in text and "runtime error:" not in text


def leave(tm, code, how):
    """q, then the terminal restored, the exit status, and no sanitizer report."""
    tm.keys("q")
    tt.check_restored(tm, code, how)
    tt.check(sanitizer_clean(tm.screen()), "%s: no sanitizer report" % how)


def footer(screen):
    rows = screen.rstrip("\n").split("\n")
    return rows[-1] if rows else ""


def values(doc, party):
    """name -> hex of every value `party` holds by the end (the latest one)."""
    out = {}
    for st in doc["steps"]:
        for v in st["values"]:
            if v["party"] == party:
                out[v["name"]] = v["hex"]
    return out


def keylog_line(doc, party):
    v = values(doc, party)
    return "CLIENT_RANDOM %s %s\n" % (v.get("client_random"), v.get("master_secret"))


def wait_file(path, what):
    deadline = time.monotonic() + tt.TIMEOUT
    while time.monotonic() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            return True
        time.sleep(tt.POLL)
    return tt.check(False, "timed out waiting for " + what)


def check_saved(folder, stem, want_keylog, how):
    keylog = os.path.join(folder, stem + ".keylog")
    pcap = os.path.join(folder, stem + ".pcap")
    if not (wait_file(keylog, how + ": the key log") and wait_file(pcap, how + ": the pcap")):
        return
    with open(keylog) as f:
        tt.check(f.read() == want_keylog, "%s: the key log is exactly %r" % (how, want_keylog))
    with open(pcap, "rb") as f:
        tt.check(f.read(4) == PCAP_MAGIC, "%s: the pcap starts with the pcap magic" % how)
    # The HTML handout beside them: valid, with the run's random and master secret.
    html = os.path.join(folder, stem + ".html")
    if not wait_file(html, how + ": the HTML handout"):
        return
    with open(html, encoding="utf-8") as f:
        page = f.read()
    problems = html_check.check(page)
    tt.check(not problems, "%s: the HTML handout is valid %s" % (how, problems[:3]))
    for hexval in want_keylog.split()[1:]:
        tt.check(hexval in page, "%s: the HTML handout holds %s" % (how, hexval[:32]))
    # Its summary: a simulated run's two sides agree cell by cell; a live
    # run's peer values are inferred, so only tlssim's own side's are listed.
    at = page.find('id="summary"')
    summary = page[at:] if at >= 0 else ""
    if how == "live":
        tt.check("its memory cannot be read" in summary and 'class="agreed"' not in summary
                 and want_keylog.split()[2] in summary,
                 "live: the HTML summary lists tlssim's own secrets, not 'client = server'")
    else:
        tt.check('class="agreed"' in summary and "its memory cannot be read" not in summary,
                 "%s: the HTML summary shows both sides agreeing" % how)


def test_save(exe, sock, folder):
    doc = json.loads(subprocess.run([exe, "--seed", "1", "--json"], stdout=subprocess.PIPE,
                                    check=True, timeout=60).stdout)
    keylog = os.path.join(folder, "tlssim-1.keylog")
    pcap = os.path.join(folder, "tlssim-1.pcap")
    tm = tt.Tmux(sock + "-save")
    try:
        start(tm, 200, 60, folder, exe, "--seed 1")
        tt.wait_text(tm, tt.step_label(doc["steps"][0]))
        s = tt.wait_for(tm, lambda t: "w save" in footer(t), "w listed in the footer")
        tm.keys("w")
        tt.expect(tm, [("200x60: w says where the key log went (%s)" % keylog,
                        lambda t: keylog in footer(t)),
                       ("200x60: w says where the pcap went (%s)" % pcap,
                        lambda t: pcap in footer(t))])
        check_saved(folder, "tlssim-1", keylog_line(doc, "client"), "in-process --seed 1")
        for path in (keylog, pcap, os.path.join(folder, "tlssim-1.html")):
            if os.path.exists(path):
                os.unlink(path)  # so the next save is seen to write them again
        # Narrow: the folder is said once, so both names still fit.
        tm.resize(80, 24)
        tt.wait_text(tm, "(Tab switches)")
        tm.keys("w")
        short = "saved tlssim-1.keylog and tlssim-1.pcap in %s/" % folder
        if len(short) <= 78:
            tt.expect(tm, [("80x24: w names both files and the folder once",
                            lambda t: short in footer(t))])
        check_saved(folder, "tlssim-1", keylog_line(doc, "client"), "80x24")
        tm.keys("?")
        s = tt.wait_text(tm, "Esc close")
        tt.check("save this run's key log and pcap" in s, "the help lists the save key")
        # The save line goes on below the fold at 80x24: scroll to it.
        tm.keys(*["Down"] * 4)
        s = tt.wait_text(tm, "5-24 of")
        flat = "".join(line.strip("│ ") for line in s.splitlines())
        tt.check("HTML handout" in " ".join(s.split()) or "HTMLhandout" in flat,
                 "the help says w also writes the HTML handout")
        tt.check("tlssim-1.html" in flat, "the help names the handout's file")
        tm.keys("Escape")
        leave(tm, 0, "save run, q")
    finally:
        tm.kill()


class Server:
    """`tlssim --listen 127.0.0.1:0 --json` in the background: the real peer."""

    def __init__(self, exe, folder, name):
        self.out = os.path.join(folder, name + ".json")
        self.err = os.path.join(folder, name + ".err")
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.proc = subprocess.Popen([exe, "--listen", "127.0.0.1:0", "--json",
                                          "--timeout", "10"], stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL)

    def port(self):
        """The port it says it listens on (it picks a free one)."""
        deadline = time.monotonic() + tt.TIMEOUT
        while time.monotonic() < deadline and self.proc.poll() is None:
            with open(self.err) as f:
                m = re.search(r"listening on 127\.0\.0\.1:(\d+)", f.read())
            if m:
                return int(m.group(1))
            time.sleep(tt.POLL)
        tt.check(False, "the listening tlssim says its port")
        return None

    def result(self):
        """Its JSON once it has finished (None if it did not in time)."""
        try:
            self.proc.wait(timeout=tt.TIMEOUT)
        except subprocess.TimeoutExpired:
            tt.check(False, "the listening tlssim finishes")
            return None
        with open(self.out) as f:
            text = f.read()
        try:
            return json.loads(text)
        except ValueError:
            tt.check(False, "the listening tlssim printed JSON")
            return None

    def clean(self):
        """Whether its stderr is free of sanitizer reports."""
        with open(self.err) as f:
            return sanitizer_clean(f.read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def test_live(exe, sock, folder):
    server = Server(exe, folder, "server")
    tm = tt.Tmux(sock + "-live")
    try:
        port = server.port()
        if port is None:
            return
        start(tm, 200, 60, folder, exe,
              "--connect 127.0.0.1:%d --sni www.example.test --ca %s" % (port, CA))
        s = tt.wait_text(tm, "Step 1/10")
        doc = server.result()
        if doc is None:
            return
        ms = values(doc, "server").get("master_secret", "")
        tt.check(len(ms) == 96, "the listening tlssim printed its master secret")
        tt.check("live" in s.split("\n")[0] and ("real server 127.0.0.1:%d" % port) in s,
                 "the title says live and names the real server")
        for _ in range(9):
            tm.keys("Right")
        pane = "Server (inferred)"
        tt.expect(tm, [
            ("live: step 10 reached", lambda t: "Step 10/10" in t),
            ("live: the server's column is titled inferred", lambda t: pane in t),
            ("live: the server's master secret is the listening tlssim's (%s...)" % ms[:32],
             lambda t: ms[:32] in tt.box_region(t, pane)),
            ("live: the server's values are tagged inferred",
             lambda t: tt.box_region(t, pane).count("inferred") >= 5),
            ("live: the client's own column is not inferred",
             lambda t: "inferred" not in tt.box_region(t, "Client knows"))])
        for key in ("r", "m"):
            tm.keys(key)
            tt.expect(tm, [("live: %s is refused in one line" % key,
                            lambda t: REFUSAL in footer(t)),
                           ("live: after %s still the same run at step 10" % key,
                            lambda t: "Step 10/10" in t and ms[:32] in t)])
        tm.keys("w")
        s = tt.wait_for(tm, lambda t: "saved" in footer(t), "w to save in a live run")
        m = re.search(r"(tlssim-\d{8}-\d{6})\.keylog", s)
        if tt.check(m is not None, "live: w names a time-stamped key log"):
            check_saved(folder, m.group(1), keylog_line(doc, "server"), "live")
        leave(tm, 0, "live run, q")
    finally:
        tm.kill()
        server.stop()
        tt.check(server.clean(), "the listening tlssim: no sanitizer report")


def test_live_failure(exe, sock, folder):
    server = Server(exe, folder, "server-fail")
    tm = tt.Tmux(sock + "-fail")
    try:
        port = server.port()
        if port is None:
            return
        start(tm, 200, 60, folder, exe,
              "--connect 127.0.0.1:%d --sni wrong.example --ca %s" % (port, CA))
        tt.wait_text(tm, "Step 1/10")
        server.result()
        tm.keys("End")
        tt.expect(tm, [("failed live run: it stopped at step 3", lambda t: "Step 3/10" in t),
                       ("failed live run: the alert is shown", lambda t: "bad_certificate" in t),
                       ("failed live run: step 3 marked FAILED", lambda t: "3 Certificate FAILED" in t)])
        tm.keys("Right")
        tt.expect(tm, [("failed live run: no step past the failure",
                        lambda t: "the handshake stopped here (steps 4-10 never happened)"
                                  in footer(t))])
        leave(tm, 1, "failed live run, q")
    finally:
        tm.kill()
        server.stop()
        tt.check(server.clean(), "the listening tlssim: no sanitizer report")


def main():
    if len(sys.argv) != 2:
        print("usage: test_tui_live_save.py PATH/TO/tlssim", file=sys.stderr)
        return 2
    if not shutil.which("tmux"):
        print("tmux not found: skipped")
        return 77
    exe = os.path.abspath(sys.argv[1])
    sock = "tlssim-tui-live-%d" % os.getpid()
    folder = os.path.realpath(tempfile.mkdtemp(prefix="tlssim-tui-"))
    try:
        test_save(exe, sock, folder)
        test_live(exe, sock, folder)
        test_live_failure(exe, sock, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("%d checks, %d failed" % (tt.checks, tt.failures))
    return 1 if tt.failures else 0


if __name__ == "__main__":
    sys.exit(main())
