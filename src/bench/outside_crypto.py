#!/usr/bin/env python3
"""A handshake in instructions: the protocol overhead and the share outside crypto.

Usage: outside_crypto.py TLSSIM_BENCH [--suite NAME] [--group NAME] [--count K]

Runs `tlssim-bench --count K` (every suite, or the one named) under
valgrind's callgrind, collecting only inside its two counting functions and
dumping after each (count_done): count_handshakes (K handshakes: a fresh client, server
and trace each time, the whole handshake, the trace freed) and
count_primitives (the primitives of K handshakes, each measured alone, as
often as a handshake needs it: the list tlssim-bench prints).  For each
suite it prints
- instructions per handshake and per handshake's primitives, and their
  ratio, the protocol overhead (target <= 1.05), and
- the instructions outside crypto: everything in a handshake but the calls
  from tlssim's code into libmbedcrypto and libmbedx509 (hashes, HMAC, the
  DRBG, ciphers, ECDH, RSA, X.509, and the allocations mbedTLS makes for
  them): parsing, dissection, events, the record layer, bookkeeping
  (target <= 1% of a handshake).
Instruction counts do not move with the machine's load, as tlssim-bench's
CPU times do.  Exits 77 when valgrind is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CRYPTO_OBJECTS = re.compile(r"libmbed(crypto|x509)")


class Names:
    """callgrind's name compression: "(id) name" defines, "(id)" refers."""

    def __init__(self):
        self.by_id = {}

    def get(self, text):
        m = re.match(r"\((\d+)\)(?: (.*))?$", text)
        if not m:
            return text
        if m.group(2) is not None:
            self.by_id[m.group(1)] = m.group(2)
        return self.by_id.get(m.group(1), "?")


def split(path):
    """(total, crypto) instructions in a callgrind output file."""
    objects, functions = Names(), Names()
    ob = cob = fn = cfn = None
    total = crypto = 0
    pending_call = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            key, _, val = line.partition("=")
            if key == "ob":
                ob = objects.get(val)
            elif key == "cob":
                cob = objects.get(val)
            elif key == "fn":
                fn = functions.get(val)
            elif key == "cfn":
                cfn = functions.get(val)
            elif key == "calls":
                pending_call = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                fields = line.split()
                ir = int(fields[1]) if len(fields) > 1 else 0
                if pending_call:
                    callee = cob if cob is not None else ob
                    if CRYPTO_OBJECTS.search(callee or "") and not CRYPTO_OBJECTS.search(ob or ""):
                        crypto += ir
                    pending_call = False
                    cob = None
                else:
                    total += ir
    return total, crypto


def run(bench, args, count, tmp):
    """The dump files of one callgrind run, in order, and the suites' names."""
    out = os.path.join(tmp, "callgrind.out")
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                           "--collect-atstart=no", "--toggle-collect=count_handshakes",
                           "--toggle-collect=count_primitives",
                           "--dump-before=count_done",
                           bench, "--count", str(count)] + args, check=True, timeout=3600,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    parts = [f for f in os.listdir(tmp) if re.fullmatch(r"callgrind\.out\.\d+", f)]
    parts.sort(key=lambda f: int(f.rsplit(".", 1)[1]))
    return [os.path.join(tmp, f) for f in parts], proc.stdout.split()


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if not shutil.which("valgrind"):
        print("valgrind not found: skipped")
        return 77
    bench, args, count = sys.argv[1], sys.argv[2:], 3
    if "--count" in args:
        i = args.index("--count")
        count = int(args[i + 1])
        del args[i:i + 2]
    worst_ratio = worst_share = 0.0
    with tempfile.TemporaryDirectory(prefix="tlssim-callgrind-") as tmp:
        dumps, names = run(bench, args, count, tmp)
        if len(dumps) < 2 * len(names) or not names:
            print("callgrind gave %d dumps for %d suites" % (len(dumps), len(names)))
            return 1
        for k, name in enumerate(names):
            total, crypto = split(dumps[2 * k])
            prims, _ = split(dumps[2 * k + 1])
            n = count
            if total == 0 or prims == 0:
                print("%s: nothing was measured" % name)
                return 1
            outside = total - crypto
            ratio, share = total / prims, 100.0 * outside / total
            worst_ratio, worst_share = max(worst_ratio, ratio), max(worst_share, share)
            print(name)
            print("  instructions per handshake  %12d  (callgrind, %d handshakes)" % (total // n, n))
            print("  its primitives, alone       %12d  (as tlssim-bench lists them)" % (prims // n))
            print("  overhead                    %12.3f  handshake / primitives (target <= 1.05)"
                  % ratio)
            print("  outside crypto calls        %12d  = %.2f%% of a handshake (target <= 1%%)"
                  % (outside // n, share))
    print("worst: overhead %.3f, outside crypto %.2f%%" % (worst_ratio, worst_share))
    return 0


if __name__ == "__main__":
    sys.exit(main())
