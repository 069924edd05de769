#!/usr/bin/env python3
"""Every translation keeps exactly the {placeholders} of its msgid, so no
argument is lost or invented; msgfmt --check validates the rest.
Usage: po_check.py MSGFMT PO..."""
import re
import subprocess
import sys

def entries(path):
    """(msgid, msgstr) pairs of a .po file (no plurals or contexts here)."""
    text = open(path, encoding="utf-8").read()
    for block in text.split("\n\n"):
        parts = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgstr|msgctxt|msgid_plural) "(.*)"$', line)
            if m:
                key = m.group(1)
                parts[key] = m.group(2)
            elif line.startswith('"') and key:
                parts[key] += line[1:-1]
        if parts.get("msgid"):
            yield parts["msgid"], parts.get("msgstr", "")

bad = 0
for po in sys.argv[2:]:
    if subprocess.run([sys.argv[1], "--check", "-o", "/dev/null", po]).returncode:
        print(f"FAIL: msgfmt --check {po}")
        bad += 1
    for msgid, msgstr in entries(po):
        want = sorted(re.findall(r"\{[a-z0-9_]+\}", msgid))
        got = sorted(re.findall(r"\{[a-z0-9_]+\}", msgstr))
        if msgstr and want != got:
            print(f"FAIL: {po}: {msgid!r}: placeholders {got}, want {want}")
            bad += 1
print("OK" if not bad else f"{bad} problems")
sys.exit(1 if bad else 0)
