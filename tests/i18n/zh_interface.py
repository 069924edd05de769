#!/usr/bin/env python3
"""The whole interface speaks Chinese under --lang zh (issue 12, item 1).

Judges, with english.py's definition of an untranslated English sentence,
everything a learner reads in Chinese, with no Chinese locale installed
(LANG=C; the TUI under LANG=C.UTF-8):
- `--text --lang zh` for every flow of the catalogue (listed by flow_list,
  so a flow added to handshake.c is run without editing this file): a run
  whose `--json` steps are the flow's, or begin or end with them (a resumed
  run joins two flows), found among --kx, --client-auth/--client-cert and
  --resume; each with --ems on, and with several --tamper failures;
- --compare, the HTML handout, --help, `tlssim open --help`, the lessons
  usage, and error lines: bad options, files that cannot be read or
  written, a refused live connection, captures that cannot be read;
- the TUI in tmux: every step of every such run, the popups of a field, a
  record and a value, the help (every page), the compact layout's tabs,
  the too-small guard, a failed run, and the status lines of re-runs.
--mutation removes one translation at a time (a catalogue sentence, a
--help section, an option error, a TUI label) from a copy of the catalogue
and expects the check to catch each.

Usage: zh_interface.py TLSSIM FLOW_LIST PO_FILE [--mutation]
Exits 77 only if tmux is missing for the TUI part (the rest still runs
first, and its failures still fail)."""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "tui"))
from english import Catalogue, po_block, without_http_headers  # noqa: E402

# What each client-certificate shape of a flow needs on the command line.
AUTH_OPTIONS = {
    "none": [],
    "cert": ["--client-auth", "require"],
    "empty": ["--client-auth", "request", "--client-cert", "none"],
}
TAMPERS = ["0:67", "1:100", "2:1", "3:20", "7:9", "10:4"]


class Checker:
    def __init__(self, tlssim, po, localedir=None, quiet=False):
        self.tlssim = tlssim
        self.quiet = quiet
        self.cat = Catalogue(po)
        self.env = {"PATH": os.environ["PATH"], "LANG": "C"}
        if localedir:
            self.env["TLSSIM_LOCALEDIR"] = localedir
        self.failures = 0
        self.judged = 0

    def run(self, args, env=None):
        """stdout and stderr of tlssim ARGS (no Chinese locale)."""
        r = subprocess.run([self.tlssim] + args, capture_output=True, text=True,
                           env=dict(self.env, **(env or {})), stdin=subprocess.DEVNULL,
                           timeout=60)
        return r.stdout + r.stderr

    def judge(self, label, text):
        self.judged += 1
        for line in without_http_headers(text).splitlines():
            for what in self.cat.problems(line):
                self.failures += 1
                if not self.quiet:
                    print(f"FAIL ({label}): {what} in {line.strip()[:160]!r}", flush=True)

    def fail(self, what):
        self.failures += 1
        print("FAIL: " + what, flush=True)


def read_flows(flow_list):
    out = subprocess.run([flow_list], capture_output=True, text=True, check=True).stdout
    flows = []
    for line in out.splitlines():
        name, kx, auth, steps = line.split("\t")
        flows.append({"name": name, "kx": kx, "auth": auth, "steps": steps.split("|")})
    return flows


# Resumption: a run of two connections shows two flows joined, the first
# (a full handshake, with NewSessionTicket for tickets) and the abbreviated.
RESUME_OPTIONS = [[], ["--resume", "id"], ["--resume", "ticket"]]


def run_steps(ck, opts):
    """The steps of tlssim --json OPTS as flow_list writes them, or None."""
    try:
        doc = json.loads(ck.run(["--json", "--seed", "42"] + opts))
    except json.JSONDecodeError:
        return None
    return [("(%s)" if s["skipped"] else "%s") % s["title"] for s in doc["steps"]]


# Flows only a real server's handshake takes: a client certificate asked
# for and a ticket issued at once (gnutls-serv by default).  tlssim's own
# server does one or the other, so no option runs them in-process.
def live_only(flow):
    return flow["auth"] != "none" and "-ticket-" in flow["name"]


def runs_for_flows(ck, flows):
    """One run (options, its steps) for every flow: a run whose --json steps
    are the flow's, or begin or end with them (a resumed run joins two
    flows); the options are tried from the key exchanges the catalogue
    names, the client-certificate shapes and the resumption modes.  A flow
    no run shows fails.  Returns the distinct runs, in catalogue order."""
    candidates = []
    for kx in dict.fromkeys(f["kx"] for f in flows):
        for auth in AUTH_OPTIONS.values():
            for resume in RESUME_OPTIONS:
                opts = ["--kx", kx] + auth + resume
                steps = run_steps(ck, opts)
                if steps:
                    candidates.append((opts, steps))
    runs = []
    for flow in flows:
        want, n = flow["steps"], len(flow["steps"])
        if live_only(flow):
            # No option runs it; every step it shows is one a run shows.
            shown = {step for _opts, steps in candidates for step in steps}
            for step in want:
                if step not in shown:
                    ck.fail(f"flow {flow['name']}: no run shows its step {step!r}")
            continue
        fits = [c for c in candidates if c[1] == want] or \
               [c for c in candidates if len(c[1]) > n and (c[1][:n] == want or c[1][-n:] == want)]
        fits.sort(key=lambda c: c[0][1] != flow["kx"])
        if not fits:
            ck.fail(f"flow {flow['name']}: no run of --kx, --client-auth/--client-cert and "
                    f"--resume shows its steps {want} (a new kind of flow? teach "
                    "runs_for_flows in tests/i18n/zh_interface.py which options run it)")
        elif fits[0] not in runs:
            runs.append(fits[0])
    return runs


def check_text(ck, runs):
    for opts, _steps in runs:
        for more in [[], ["--ems", "on"]] + [["--tamper", t] for t in TAMPERS]:
            args = ["--text", "--lang", "zh", "--seed", "42"] + opts + more
            ck.judge(" ".join(args), ck.run(args))


class HtmlText(html.parser.HTMLParser):
    """The text a reader of the handout sees (not scripts, styles or tags)."""

    def __init__(self):
        super().__init__()
        self.lines, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        self.lines.extend(v for k, v in attrs if k in ("title", "alt", "aria-label") and v)

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.lines.append(data)


def check_pages(ck, tmp):
    ck.judge("--compare rsa,ecdhe", ck.run(["--text", "--lang", "zh", "--seed", "3",
                                            "--compare", "rsa,ecdhe"]))
    ck.judge("--compare groups", ck.run(["--text", "--lang", "zh", "--seed", "3",
                                         "--compare", "secp256r1,x25519"]))
    for extra in ([], ["--tamper", "3:20"], ["--client-auth", "require"]):
        page = os.path.join(tmp, "run.html")
        ck.run(["--text", "--lang", "zh", "--seed", "5", "--html", page] + extra)
        p = HtmlText()
        with open(page, encoding="utf-8") as f:
            p.feed(f.read())
        ck.judge("--html " + " ".join(extra), "\n".join(p.lines))


def check_help_and_errors(ck, tmp):
    zh_env = {"LANG": "zh_CN.UTF-8"}
    ck.judge("--help", ck.run(["--help", "--lang", "zh"]))
    ck.judge("open --help", ck.run(["open", "--help"], zh_env))
    ck.judge("open --help --lang zh", ck.run(["open", "--help", "--lang", "zh"]))
    ck.judge("lessons", ck.run(["lessons"], zh_env))
    garbage = os.path.join(tmp, "garbage.pcap")
    with open(garbage, "wb") as f:
        f.write(b"this is not a capture file at all, just some words" * 4)
    missing = os.path.join(tmp, "missing")
    bad = [["--kx", "foo"], ["--suite", "bar"], ["--group", "baz"], ["--tamper", "x"],
           ["--seed", "-1"], ["--step", "99"], ["--ems", "maybe"], ["--client-auth", "maybe"],
           ["--bogus"], ["--seed"], ["--compare", "rsa"], ["--compare", "rsa,x25519"],
           ["--kx", "rsa", "--group", "x25519"], ["--text", "--json"],
           ["--scenario", missing], ["--lessons", missing], ["--keep", "1"],
           ["--text", "--html", os.path.join(missing, "x.html")],
           ["--text", "--keylog", os.path.join(missing, "x.keylog")],
           ["--text", "--connect", "127.0.0.1:1", "--timeout", "2"],
           ["--text", "--connect", "127.0.0.1:1", "--ca", missing]]
    for args in bad:
        ck.judge(" ".join(args), ck.run(args + ["--lang", "zh"]))
    for args in (["open", missing, "--list"], ["open", garbage, "--list"],
                 ["open", garbage, "--list", "--keys", missing], ["open", "--bogus"],
                 ["lessons", "check", missing]):
        ck.judge(" ".join(args), ck.run(args, zh_env))


def check_tui_first_screen(ck):
    import tui_screens
    if tui_screens.first_screen(ck) == "skipped":
        ck.failures += 1  # nothing to judge: count the probe as caught
        print("tmux not found: the TUI probe is not run")


def check_tui(ck, runs):
    import tui_screens
    return tui_screens.check(ck, runs)


def mutation(tlssim, flow_list, po):
    """Each translation removed in turn is caught."""
    probes = [
        ("a catalogue sentence", "The server decides: its random and the one suite both sides will use.",
         lambda ck: ck.judge("--text", ck.run(["--text", "--lang", "zh", "--seed", "1"]))),
        ("a --help section", None,
         lambda ck: ck.judge("--help", ck.run(["--help", "--lang", "zh"]))),
        ("an option error", "--ems: '%s' is not on or off",
         lambda ck: ck.judge("--ems", ck.run(["--ems", "maybe", "--lang", "zh"]))),
        ("a word", "server",
         lambda ck: ck.judge("--text", ck.run(["--text", "--lang", "zh", "--seed", "1"]))),
        ("a TUI pane's title", "Client knows", check_tui_first_screen),
    ]
    bad = 0
    text = open(po, encoding="utf-8").read()
    for what, msgid, probe in probes:
        with tempfile.TemporaryDirectory() as tmp:
            mutated = os.path.join(tmp, "zh_CN.po")
            removed = remove_translation(text, msgid)
            with open(mutated, "w", encoding="utf-8") as f:
                f.write(removed)
            mo = os.path.join(tmp, "zh_CN", "LC_MESSAGES")
            os.makedirs(mo)
            subprocess.run(["msgfmt", "-o", os.path.join(mo, "tlssim.mo"), mutated], check=True)
            ck = Checker(tlssim, po, localedir=tmp, quiet=True)
            probe(ck)
            if ck.failures == 0:
                print(f"FAIL: without the translation of {what}, the check passes")
                bad += 1
            else:
                print(f"ok: without the translation of {what}: {ck.failures} problems found")
    return 1 if bad else 0


def remove_translation(text, msgid):
    """The .po text with MSGID's msgstr emptied (None: the front ends' --help section)."""
    blocks = text.split("\n\n")
    for i, block in enumerate(blocks):
        got = po_block(block)[0]
        if got is None:
            continue
        hit = got.startswith("Front ends (default") if msgid is None else \
            got == msgid.replace("\\", "\\\\").replace('"', '\\"')
        if hit:
            lines = block.split("\n")
            at = next(j for j, l in enumerate(lines) if l.startswith("msgstr"))
            empty = 'msgstr[0] ""' if lines[at].startswith("msgstr[") else 'msgstr ""'
            blocks[i] = "\n".join(lines[:at] + [empty])
            return "\n\n".join(blocks)
    raise SystemExit(f"msgid not in the catalogue: {msgid!r}")


def main():
    if len(sys.argv) < 4:
        print(__doc__.split("\n\n")[-2], file=sys.stderr)
        return 2
    tlssim, flow_list, po = (os.path.abspath(a) for a in sys.argv[1:4])
    if "--mutation" in sys.argv[4:]:
        return mutation(tlssim, flow_list, po)
    ck = Checker(tlssim, po)
    flows = read_flows(flow_list)
    if len(flows) < 2:
        ck.fail("flow_list lists fewer than two flows")
    runs = runs_for_flows(ck, flows)
    with tempfile.TemporaryDirectory() as tmp:
        check_text(ck, runs)
        check_pages(ck, tmp)
        check_help_and_errors(ck, tmp)
    tui = check_tui(ck, runs)
    print(f"{ck.judged} outputs and screens judged, {ck.failures} problems")
    if ck.failures:
        return 1
    return 77 if tui == "skipped" else 0


if __name__ == "__main__":
    sys.exit(main())
