#!/usr/bin/env python3
"""po/POTFILES is complete and honest: every source file that marks a string
for translation (_(), N_(), ngettext(), TLS_TERM()) is listed, so `ninja tlssim-pot`
extracts it, and xgettext finds at least one msgid in every file listed,
so no entry is stale.
Usage: potfiles_check.py XGETTEXT SOURCE_ROOT"""
import os
import re
import subprocess
import sys

xgettext, root = sys.argv[1], sys.argv[2]
MARK = re.compile(r'(?<![A-Za-z0-9_])(?:N_|_|ngettext|TLS_TERM)\(\s*"')

with open(os.path.join(root, "po", "POTFILES"), encoding="utf-8") as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

bad = 0
marked = []
for top in ("src",):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                if MARK.search(f.read()):
                    marked.append(rel)
for rel in marked:
    if rel not in listed:
        print(f"FAIL: {rel} marks strings for translation but is not in po/POTFILES")
        bad += 1

for rel in listed:
    path = os.path.join(root, rel)
    if not os.path.exists(path):
        print(f"FAIL: po/POTFILES lists {rel}, which does not exist")
        bad += 1
        continue
    out = subprocess.run([xgettext, "--keyword=_", "--keyword=N_", "--keyword=TLS_TERM",
                          "--from-code=UTF-8", "--omit-header", "-o", "-", path],
                         capture_output=True, text=True)
    if out.returncode:
        print(f"FAIL: xgettext {rel}: {out.stderr.strip()}")
        bad += 1
    elif not re.search(r'^msgid "', out.stdout, re.M):
        print(f"FAIL: po/POTFILES lists {rel}, but xgettext finds no msgid in it")
        bad += 1

print(f"{len(listed)} files listed, {len(marked)} files mark strings: "
      + ("OK" if not bad else f"{bad} problems"))
sys.exit(1 if bad else 0)
