#!/usr/bin/env python3
"""The pre-master secret tlssim decrypts with the server's RSA key, checked
against what the peers logged, without tlssim's PRF: for each full
handshake of the capture, PRF(pre_master_secret) -- "master secret" over
the two randoms, or "extended master secret" over the hash of the
handshake messages up to the ClientKeyExchange (RFC 7627) -- must be the
master secret the key log has for its client random.

Usage: premaster_prf.py TLSSIM CAPTURE SERVER_KEY KEYLOG
Prints one line per connection; exits 1 if any differs or none was checked."""
import hashlib
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tls_prf import prf_sha256  # noqa: E402  (tests/tls_prf.py)

TLSSIM, CAPTURE, KEY, KEYLOG = sys.argv[1:5]


def run(args):
    return subprocess.run([TLSSIM, "open", CAPTURE] + args, capture_output=True, text=True,
                          timeout=60).stdout


def logged():
    out = {}
    for line in open(KEYLOG):
        f = line.split()
        if len(f) == 3 and f[0] == "CLIENT_RANDOM":
            out[f[1].lower()] = f[2].lower()
    return out


def master_of(doc):
    """PRF(pre-master) as RFC 5246 §8.1 / RFC 7627 §4 say, from the walk's values."""
    vals = {v["name"]: v["hex"] for s in doc["steps"] for v in s["values"]
            if v["party"] == "client"}
    msgs = [m for s in doc["steps"] for m in s["messages"] if m["content_type"] == 22]
    names = [m["name"] for m in msgs]
    # The session hash covers the messages up to and including the ClientKeyExchange.
    msgs = [bytes.fromhex(m["hex"]) for m in msgs[:names.index("ClientKeyExchange") + 1]]
    pm = bytes.fromhex(vals["pre_master_secret"])
    if doc["config"]["ems"]:
        return vals["client_random"], prf_sha256(pm, b"extended master secret",
                                                 hashlib.sha256(b"".join(msgs)).digest(), 48)
    seed = bytes.fromhex(vals["client_random"] + vals["server_random"])
    return vals["client_random"], prf_sha256(pm, b"master secret", seed, 48)


def main():
    keys, checked, bad = logged(), 0, 0
    listing = run(["--list", "--server-key", KEY])
    for conn in re.findall(r"^#(\d+) .*  full handshake  server key: pre-master secret decrypted",
                           listing, re.M):
        doc = json.loads(run(["--conn", conn, "--server-key", KEY, "--json"]))
        cr, master = master_of(doc)
        ok = keys.get(cr) == master.hex()
        print(("ok    " if ok else "FAIL  ") +
              f"#{conn}: PRF(pre_master_secret) is the logged master secret")
        checked += 1
        bad += not ok
    print(f"{checked} checked, {bad} differ")
    return 1 if bad or not checked else 0


sys.exit(main())
