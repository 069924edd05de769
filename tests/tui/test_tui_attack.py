#!/usr/bin/env python3
"""Drive the real TLS TUI in tmux: the attack lab's menu and pane.

Usage: test_tui_attack.py PATH/TO/tlssim

An ECDHE --seed 5 run at 200x60: the footer offers "a attack" and the help
lists it; a opens the menu (every attack of `--attack list`, and "none");
↓ chooses swap-server-key, Enter re-runs: the status line names it, the
attacker's pane appears beside the eavesdropper's, and at step 4 it holds
the attacker's own server_ecdhe_public, equal to --json's value under party
"attacker" for the same flags; the handshake stops at step 4.  Then a, ↑
to "none", Enter: the attacker's pane is gone.  At 80x24 the attacker's
pane shares the eavesdropper's tab.  q restores the terminal.

Stdlib only; helpers come from test_tui_tmux.py next to this file.
Exits 77 (skipped) only when tmux is missing.
"""
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_tui_tmux as tt  # noqa: E402

PANE = "Attacker does and knows"


def attacker_value(exe, step, name):
    out = subprocess.run([exe, "--seed", "5", "--attack", "swap-server-key", "--json"],
                         stdout=subprocess.PIPE).stdout
    doc = json.loads(out)
    for v in doc["steps"][step - 1]["values"]:
        if v["party"] == "attacker" and v["name"] == name:
            return v["hex"]
    return None


def attack_names(exe):
    out = subprocess.run([exe, "--attack", "list"], stdout=subprocess.PIPE, text=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def test_menu(exe, sock):
    tm = tt.Tmux(sock + "-menu")
    try:
        tm.start(200, 60, tt.shell_command(exe, "--seed 5"))
        s = tt.wait_text(tm, "Step 1/10", "a attack")
        tt.check("a attack" in s, "the footer offers a: attack")
        tt.check(PANE not in s, "no attacker's pane without an attacker")
        tm.keys("?")
        tt.wait_text(tm, "the attack lab: put an attacker on the channel")
        tm.keys("Escape")
        tm.keys("a")
        s = tt.wait_text(tm, "The attack lab", "(none)")
        names = attack_names(exe)
        for name in names:
            tt.check(name in s, "the menu lists %s" % name)
        # One column for the names: each description starts where the others
        # do (missing-intermediate, 20 characters, once pushed its own right).
        starts = set()
        for line in s.splitlines():
            for name in names:
                at = line.find(" %s " % name)
                if at >= 0:
                    rest = line[at + 1 + len(name):]
                    starts.add(at + 1 + len(name) + len(rest) - len(rest.lstrip(" ")))
        tt.check(len(starts) == 1, "the descriptions start in one column (%s)" % sorted(starts))
        tm.keys("Down")
        tm.keys("Enter")
        s = tt.wait_text(tm, "re-ran the handshake with the attacker swap-server-key", PANE)
        tm.keys("End")
        want = attacker_value(exe, 4, "server_ecdhe_public")
        pane = lambda t: tt.box_region(t, PANE)
        s = tt.expect(tm, [
            ("step 4 is shown", lambda t: "Step 4/10" in t),
            ("step 4: the attacker's pane holds its own key pair",
             lambda t: "server_ecdhe_public" in pane(t) and "server_ecdhe_private" in pane(t)),
            ("step 4: the attacker's public key is --json's (%s...)" % (want or "")[:24],
             lambda t: want is not None and want[:24] in pane(t).replace(" ", "")),
            ("step 4: the client's decrypt_error is on screen", lambda t: "decrypt_error" in t)])
        tm.keys("a")
        tt.wait_text(tm, "The attack lab")
        tm.keys("Up")
        tm.keys("Enter")
        s = tt.wait_text(tm, "re-ran the handshake without an attacker")
        tt.check(PANE not in s, "none: the attacker's pane is gone")
        tm.keys("q")
        tt.check_restored(tm, 0, "attack menu")
    finally:
        tm.kill()


def test_compact(exe, sock):
    tm = tt.Tmux(sock + "-compact")
    try:
        tm.start(80, 24, tt.shell_command(exe, "--seed 5 --attack replay-ske"))
        tt.wait_text(tm, "Step 1/10")
        # Focus starts on the fields: the server's tab, then the eavesdropper's.
        tm.keys("Tab")
        tm.keys("Tab")
        s = tt.wait_text(tm, "Eavesdropper sees", PANE)
        tt.check("sits on the channel" in tt.box_region(s, PANE),
                 "80x24: the attacker's pane, on the eavesdropper's tab, says where it sits")
        tm.keys("q")
        tt.check_restored(tm, 0, "attack compact")
    finally:
        tm.kill()


def main():
    if len(sys.argv) != 2:
        print("usage: test_tui_attack.py PATH/TO/tlssim", file=sys.stderr)
        return 2
    if not shutil.which("tmux"):
        print("tmux not found: skipped")
        return 77
    exe = os.path.abspath(sys.argv[1])
    sock = "tlssim-tui-attack-%d" % os.getpid()
    test_menu(exe, sock)
    test_compact(exe, sock)
    print("%d checks, %d failed" % (tt.checks, tt.failures))
    return 1 if tt.failures else 0


if __name__ == "__main__":
    sys.exit(main())
