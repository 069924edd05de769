#!/usr/bin/env python3
"""tlssim open FILE in the real TUI, inside tmux: tlssim's own --pcap and
--keylog of a seeded RSA run, stepped through with the arrow keys.  Each
step's label is the flow's; the title names the capture; the master secret
(as `tlssim --json` computes it for the same seed) is in both sides' columns
from step 6, the verify_data at steps 8 and 10; q leaves with status 0.

Usage: test_tui_capture.py PATH/TO/tlssim
Stdlib only.  Exits 77 (skipped) only when tmux is missing; every wait
polls with a deadline; the private tmux server is always killed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXE = sys.argv[1]
SOCK = "tlssim-capture-%d" % os.getpid()
FAILS = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        FAILS.append(what)


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, "-f", "/dev/null"] + list(args),
                          capture_output=True, text=True, timeout=20).stdout


def wait_for(texts, what):
    deadline = time.monotonic() + 15
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", "t")
        if all(t in screen for t in texts):
            return screen
        time.sleep(0.05)
    check(False, "timed out waiting for " + what)
    print(screen)
    return screen


def column(screen, left):
    """The text of the client's (left) or server's (right) column."""
    rows = screen.split("\n")[3:]
    return "\n".join(r[:54] if left else r[-54:] for r in rows)


def main():
    if not shutil.which("tmux"):
        return 77
    with tempfile.TemporaryDirectory() as work:
        pcap, keys = os.path.join(work, "rsa.pcap"), os.path.join(work, "rsa.keys")
        flags = ["--seed", "5", "--kx", "rsa", "--no-lessons"]
        doc = json.loads(subprocess.run([EXE, "--json", "--pcap", pcap, "--keylog", keys] + flags,
                                        capture_output=True, text=True, timeout=60).stdout)
        master = [v["hex"] for v in doc["steps"][5]["values"] if v["name"] == "master_secret"][0]
        rc_file = os.path.join(work, "rc")
        cmd = "%s open %s --keys %s --tui --no-lessons; echo $? > %s; sleep 30" % (
            EXE, pcap, keys, rc_file)
        tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "60", cmd)
        try:
            screen = wait_for(["tlssim · capture rsa.pcap #1", "Step 1/10"], "the first step")
            check("TLS_RSA_WITH_AES_128_GCM_SHA256" in screen, "the title names the suite")
            # The panes may still be drawing when the title shows: wait for them.
            heading = "ClientHello, read from the capture (sent by the client)"
            screen = wait_for(["Client, per the capture", "Server, per the capture", heading],
                              "the columns' titles and the dissection's heading")
            check("Client, per the capture" in screen and "Server, per the capture" in screen,
                  "the columns hold what the capture proves (their titles)")
            check(heading in screen, "the dissection says the ClientHello was read from the capture")
            for step in doc["steps"]:
                n = step["step"]
                if n > 1:
                    tmux("send-keys", "-t", "t", "Right")
                label = "Step %d/10 · %s" % (n, step["title"])
                screen = wait_for([label], label)
                check(label in screen, "step %d: %s" % (n, step["title"]))
                if n == 6:
                    for left in (True, False):
                        col = column(screen, left)
                        check("master_secret" in col and master[:40] in col,
                              "step 6: the master secret in the %s's column" %
                              ("client" if left else "server"))
                        check("= server" not in col and "= client" not in col,
                              "step 6: no side 'computed the same on its own' in the %s's "
                              "column (computed once, here)" % ("client" if left else "server"))
                if n in (8, 10):
                    name = "client_verify_data" if n == 8 else "server_verify_data"
                    check(name in screen, "step %d: %s" % (n, name))
            tmux("send-keys", "-t", "t", "?")
            screen = wait_for(["Esc close", "capture: read from the capture"], "the help")
            check("capture: read from the capture, or computed here" in " ".join(screen.split()),
                  "the help says what 'inferred' means for a capture")
            tmux("send-keys", "-t", "t", "Escape")
            deadline = time.monotonic() + 15
            while "Esc close" in tmux("capture-pane", "-p", "-t", "t") and \
                    time.monotonic() < deadline:
                time.sleep(0.05)
            tmux("send-keys", "-t", "t", "q")
            deadline = time.monotonic() + 15
            while not os.path.exists(rc_file) and time.monotonic() < deadline:
                time.sleep(0.05)
            rc = open(rc_file).read().strip() if os.path.exists(rc_file) else "none"
            check(rc == "0", "q leaves with status 0 (%s)" % rc)
        finally:
            tmux("kill-server")
    print("%d failed" % len(FAILS))
    return 1 if FAILS else 0


sys.exit(main())
