#!/usr/bin/env python3
"""The layers of issue 8, checked from the #include lines.

Every src/ folder is one library and may include only the headers of the
libraries below it (its meson.build says the same in words):

  core     nothing above it           capture  core
  attack   core, capture lessons  core, attack (its pages' ids)
  live     core          i18n  lessons, attack, core
  app      core, capture, live, attack, lessons, i18n
  render   app and what app may use          tui   the same
  cli      everything    bench (tlssim-bench)  render and what it may use

A public header (include/tlssim/NAME.h) belongs to the library that
implements it.  Prints each include that breaks a rule; exits 1 if any.
Usage: layers_check.py SOURCE_ROOT
"""
import os
import re
import sys

BELOW = {
    "core": set(),
    "capture": {"core"},
    "lessons": {"core", "attack"},
    "live": {"core"},
    "attack": {"core", "capture"},
    "i18n": {"lessons", "attack", "core"},
    "app": {"core", "capture", "live", "attack", "lessons", "i18n"},
}
BELOW["render"] = {"app"} | BELOW["app"]
BELOW["tui"] = {"app"} | BELOW["app"]
BELOW["cli"] = {"render", "tui"} | BELOW["render"]
BELOW["bench"] = {"render"} | BELOW["render"]

# Public headers that are not the core's.
PUBLIC_OWNER = {"capture.h": "capture", "capwalk.h": "capture", "lessons.h": "lessons", "live.h": "live", "attack.h": "attack", "i18n.h": "i18n",
                "app.h": "app", "compare.h": "app", "render.h": "render"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# The one adapter: only src/core/crypto_*.c (and its private header) may
# include mbedTLS, and never its TLS layer (tlssim implements the protocol).
MBEDTLS = re.compile(r'^\s*#\s*include\s+<(mbedtls/[^>]+)>', re.M)


def is_adapter(path):
    name = os.path.basename(path)
    return os.path.basename(os.path.dirname(path)) == "core" and name.startswith("crypto_")


def mbedtls_faults(path, text):
    """Each mbedTLS include outside the adapter, or of its ssl layer."""
    for header in MBEDTLS.findall(text):
        if not is_adapter(path):
            yield f"{header} outside the crypto adapter"
        elif header.startswith("mbedtls/ssl"):
            yield f"{header}: the TLS layer is ours, not mbedTLS's"


def owner_of(header, folder, root):
    """The library a quoted include belongs to, or None for build files."""
    if header.startswith("tlssim/"):
        return PUBLIC_OWNER.get(header[len("tlssim/"):], "core")
    if header == "tlssim_config.h":
        return None
    if os.path.exists(os.path.join(root, "src", folder, header)):
        return folder
    for other in BELOW:
        if os.path.exists(os.path.join(root, "src", other, header)):
            return other
    return None


def sources(root):
    """(library, path) of every C file and header."""
    for folder in BELOW:
        d = os.path.join(root, "src", folder)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith((".c", ".h")):
                yield folder, os.path.join(d, name)
    inc = os.path.join(root, "include", "tlssim")
    for name in sorted(os.listdir(inc)):
        yield PUBLIC_OWNER.get(name, "core"), os.path.join(inc, name)


def main():
    root = sys.argv[1]
    bad = 0
    for lib, path in sources(root):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for header in INCLUDE.findall(text):
            dep = owner_of(header, lib, root)
            if dep is None or dep == lib or dep in BELOW[lib]:
                continue
            print(f"{os.path.relpath(path, root)}: {lib} includes {header} ({dep})")
            bad += 1
        for fault in mbedtls_faults(path, text):
            print(f"{os.path.relpath(path, root)}: {fault}")
            bad += 1
    if bad:
        print(f"{bad} include(s) against the layers")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
