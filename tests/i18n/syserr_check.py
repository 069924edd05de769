#!/usr/bin/env python3
"""The system's messages tlssim translates are the system's own texts.

- every msgid of src/i18n/syserr.c is a text strerror() gives (this
  machine's glibc, in English), a text src/core/syserror.c returns for
  getaddrinfo, or libpcap's "unknown file format";
- every text src/core/syserror.c returns is such a msgid (so each is
  translated);
- the core keeps them English whatever LANGUAGE says: --json of a refused
  connection under --lang zh says "Connection refused" (where glibc's
  own Chinese catalogue is installed, plain strerror() would not).
Usage: syserr_check.py TLSSIM SOURCE_ROOT"""
import errno
import json
import os
import re
import subprocess
import sys

tlssim, root = sys.argv[1], sys.argv[2]
bad = 0


def fail(what):
    global bad
    bad += 1
    print("FAIL: " + what)


msgids = re.findall(r'N_\("([^"]*)"\)', open(os.path.join(root, "src/i18n/syserr.c")).read())
core = re.findall(r'return "([^"]*)";', open(os.path.join(root, "src/core/syserror.c")).read())
os.environ.pop("LANGUAGE", None)
strerrors = {os.strerror(n) for n in errno.errorcode}
for m in msgids:
    if m not in strerrors and m not in core and m != "unknown file format":
        fail(f"src/i18n/syserr.c: {m!r} is no message of the system's")
for m in core:
    if m not in msgids:
        fail(f"src/core/syserror.c returns {m!r}, which src/i18n/syserr.c does not translate")

out = subprocess.run([tlssim, "--json", "--lang", "zh", "--connect", "127.0.0.1:1", "--timeout", "5"],
                     capture_output=True, text=True,
                     env={"PATH": os.environ["PATH"], "LANG": "C"}).stdout
try:
    reason = json.loads(out)["result"]["reason"] or ""
except (ValueError, KeyError, TypeError):
    reason = ""
if "Connection refused" not in reason:
    fail(f"--json --lang zh of a refused connection: reason {reason!r}")

print(f"{len(msgids)} system messages: " + ("OK" if not bad else f"{bad} problems"))
sys.exit(1 if bad else 0)
