#!/usr/bin/env python3
"""--text --lang zh says everything in Chinese (issue 12, item 1).

Runs every key exchange the CLI accepts (read from its own error line, so a
new one is checked without editing this file), with and without a failure,
and flags any line holding a run of three or more English words that are not
protocol, value or field names.  What may stay English, and why:
- protocol names (CamelCase: ClientHello), value and field names
  (client_random: they contain '_' or digits), alert names, hex;
- the PRF labels, which are protocol constants ("master secret");
- record field labels that name wire fields (ALLOWED below);
- data that crossed the wire (hex dumps, the HTTP page: lines after '|').
--self-test plants an English sentence and expects the check to catch it.
Usage: zh_english_check.py PATH/TO/tlssim [--self-test]"""
import re
import subprocess
import sys

# Protocol constants and wire-field labels that stay as RFC 5246 names them.
ALLOWED = [
    "extended master secret", "master secret", "key expansion",
    "client finished", "server finished",
    "sequence number", "explicit nonce", "key usage", "basic constraints",
    "Reassembled TCP Segments", "False Start",
    # Wireshark's own labels, quoted as the learner will see them there.
    "Encrypted Handshake Message", "Application Data", "Encrypted Alert",
    "Level: Warning, Description: Close Notify",
]
# Protocol message names that are plain words.
PROTOCOL_WORDS = {"Finished", "Certificate"}
WORD = re.compile(r"^[A-Za-z][a-z]+[.,:;]?$")


def english_runs(line):
    """Runs of >= 3 plain English words in one line (the data shown after
    '|' and hex dump lines excluded)."""
    if re.match(r"^\s*[0-9a-f]{4}  ", line) or re.match(r"^\s*\|", line):
        return []
    for phrase in ALLOWED:
        line = line.replace(phrase, "")
    runs, run = [], []
    for tok in re.split(r"[\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+", line):
        plain = (WORD.match(tok) and not re.search(r"[A-Z].*[A-Z]", tok)
                 and tok.rstrip(".,:;") not in PROTOCOL_WORDS)
        if plain:
            run.append(tok)
            continue
        if len(run) >= 3:
            runs.append(" ".join(run))
        run = []
    if len(run) >= 3:
        runs.append(" ".join(run))
    return runs


def key_exchanges(tlssim):
    """The --kx values, from the CLI's own error line ('use ecdhe or rsa')."""
    err = subprocess.run([tlssim, "--kx", "?"], capture_output=True, text=True,
                         env={"LANG": "C"}).stderr
    m = re.search(r"\(use ([^)]*)\)", err)
    return re.findall(r"[a-z0-9]+", m.group(1).replace(" or ", " ")) if m else []


def check(tlssim, extra=""):
    kxs = key_exchanges(tlssim)
    if len(kxs) < 2:
        print("FAIL: could not read the key exchanges from --kx ?")
        return 1
    bad = 0
    for kx in kxs:
        for more in ([], ["--tamper", "3:20"], ["--ems", "on"]):
            args = [tlssim, "--text", "--lang", "zh", "--seed", "42", "--kx", kx] + more
            out = subprocess.run(args, capture_output=True, text=True,
                                 env={"LANG": "C"})
            for line in (out.stdout + out.stderr + extra).splitlines():
                for run in english_runs(line):
                    bad += 1
                    print(f"FAIL ({' '.join(args[1:])}): English: {run!r} in {line.strip()!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    if "--self-test" in sys.argv:
        planted = "\n  * 客户端：the client sends a planted sentence here\n"
        if check(sys.argv[1], planted) == 0:
            print("FAIL: a planted English sentence was not caught")
            sys.exit(1)
        print("self-test: the planted sentence was caught")
        sys.exit(0)
    sys.exit(check(sys.argv[1]))
