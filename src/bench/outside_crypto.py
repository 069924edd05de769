#!/usr/bin/env python3
"""How much of an in-process handshake is not cryptography, in instructions.

Usage: outside_crypto.py TLSSIM_BENCH [--suite NAME] [--group NAME]

Runs tlssim-bench under valgrind's callgrind, collecting only inside
tls_sim_run (a fresh client and server, the whole handshake into a trace)
and tls_trace_free (the trace's bookkeeping undone): the compiler inlines
the bench's own loop, the library functions keep their names.  It splits
the instructions into
- crypto: everything inside calls from tlssim's code into libmbedcrypto and
  libmbedx509 (hashes, HMAC, the DRBG, AES-GCM, ECDH, RSA, X.509, and the
  allocations mbedTLS makes for them), and
- outside: the rest, what tlssim itself costs (parsing, dissection, events,
  the record layer, bookkeeping).
Prints instructions per handshake and the outside share (target <= 1%).
Timing figures are tlssim-bench's own; this one does not depend on load.
Exits 77 when valgrind is not installed.
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
    """(total, crypto, handshakes) from a callgrind output file."""
    objects, functions = Names(), Names()
    ob = cob = fn = cfn = None
    total = crypto = handshakes = 0
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
                if cfn == "tls_sim_new":
                    handshakes += int(val.split()[0])
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
    return total, crypto, handshakes


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if not shutil.which("valgrind"):
        print("valgrind not found: skipped")
        return 77
    bench, args = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory(prefix="tlssim-callgrind-") as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                        "--collect-atstart=no", "--toggle-collect=tls_sim_run",
                        "--toggle-collect=tls_trace_free",
                        bench, "-n", "5"] + args, check=True, timeout=1200,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        total, crypto, n = split(out)
    if n == 0:
        print("no handshake was measured")
        return 1
    outside = total - crypto
    print("instructions per handshake  %12d  (callgrind, %d handshakes)" % (total // n, n))
    print("  inside crypto calls       %12d" % (crypto // n))
    print("  outside crypto            %12d  = %.2f%% of a handshake (target <= 1%%)"
          % (outside // n, 100.0 * outside / total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
