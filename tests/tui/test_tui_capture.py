#!/usr/bin/env python3
"""tlssim open FILE in the real TUI, inside tmux: tlssim's own --pcap and
--keylog of a seeded RSA run, stepped through with the arrow keys.  Each
step's label is the flow's; the title names the capture; the master secret
(as `tlssim --json` computes it for the same seed) is in both sides' columns
from step 6, the verify_data at steps 8 and 10 (and the Finished headed as
decrypted with the key log); q leaves with status 0.

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

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_tui_tmux as tt  # noqa: E402

EXE = sys.argv[1]
SOCK = "tlssim-capture-%d" % os.getpid()


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
        tm = tt.Tmux(SOCK)
        tm.start(200, 60, cmd)
        try:
            screen = tt.wait_text(tm, "tlssim · capture rsa.pcap #1", "Step 1/10")
            tt.check("TLS_RSA_WITH_AES_128_GCM_SHA256" in screen, "the title names the suite")
            # The panes may still be drawing when the title shows: wait for them.
            heading = "ClientHello, read from the capture (sent by the client)"
            screen = tt.wait_text(tm, "Client, per the capture", "Server, per the capture", heading)
            tt.check("Client, per the capture" in screen and "Server, per the capture" in screen,
                     "the columns hold what the capture proves (their titles)")
            tt.check(heading in screen, "the dissection says the ClientHello was read from the capture")
            for step in doc["steps"]:
                n = step["step"]
                if n > 1:
                    tm.keys("Right")
                label = "Step %d/10 · %s" % (n, step["title"])
                screen = tt.wait_text(tm, label)
                tt.check(label in screen, "step %d: %s" % (n, step["title"]))
                if n == 6:
                    for left in (True, False):
                        col = column(screen, left)
                        tt.check("master_secret" in col and master[:40] in col,
                                 "step 6: the master secret in the %s's column" %
                                 ("client" if left else "server"))
                        tt.check("= server" not in col and "= client" not in col,
                                 "step 6: no side 'computed the same on its own' in the %s's "
                                 "column (computed once, here)" % ("client" if left else "server"))
                if n in (8, 10):
                    name = "client_verify_data" if n == 8 else "server_verify_data"
                    tt.check(name in screen, "step %d: %s" % (n, name))
                    # The selected record's dissection: the Finished it carries,
                    # headed as the text walkthrough heads it (no colon).
                    heading = "Finished, read from the capture and decrypted with the key log"
                    screen = tt.wait_text(tm, label, heading)
                    tt.check(heading in screen and heading + ":" not in screen,
                             "step %d: the dissection says the Finished was decrypted with the "
                             "key log" % n)
            tm.keys("?")
            screen = tt.wait_text(tm, "Esc close", "capture: read from the capture")
            tt.check("capture: read from the capture, or computed here" in " ".join(screen.split()),
                     "the help says what 'inferred' means for a capture")
            tm.keys("Escape")
            tt.wait_for(tm, lambda t: "Esc close" not in t, "the help to close")
            tm.keys("q")
            deadline = time.monotonic() + 15
            while not os.path.exists(rc_file) and time.monotonic() < deadline:
                time.sleep(0.05)
            rc = open(rc_file).read().strip() if os.path.exists(rc_file) else "none"
            tt.check(rc == "0", "q leaves with status 0 (%s)" % rc)
        finally:
            tm.kill()
    print("%d checks, %d failed" % (tt.checks, tt.failures))
    return 1 if tt.failures else 0


sys.exit(main())
