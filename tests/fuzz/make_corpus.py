#!/usr/bin/env python3
"""Make the seed corpora under tests/fuzz/corpus/ from real runs.

Usage: make_corpus.py PATH/TO/tlssim

Each corpus is a few inputs taken from `tlssim --json` runs (both key
exchanges, client authentication), so the fuzzers start from bytes that
get deep into the code:
  server/   the client's records of a run (first byte: the read size)
  client/   the server's records of a run (first byte: the read size)
  decode/   each handshake message body and each record stream (first byte:
            the decoder, as fuzz_decode.c numbers them)
  scenario/ scenario files (the README's example, and one per group)
  lessons/  two shipped lessons
Run it again after a change of the wire format; commit what it writes.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "corpus")
DECODER = {1: 1, 2: 2, 11: 3, 12: 4, 13: 5, 15: 6, 14: 7, 20: 11}  # hs_type -> fuzz_decode


def run(exe, *flags):
    out = subprocess.run([exe, "--json", "--seed", "1"] + list(flags),
                         stdout=subprocess.PIPE, check=True).stdout
    return json.loads(out)


def records(doc, direction):
    recs = [r for s in doc["steps"] for r in s["records"]]
    recs += doc.get("after_handshake", {}).get("records", [])
    return bytes.fromhex("".join(r["hex"] for r in recs if r["direction"] == direction))


def messages(doc):
    for s in doc["steps"]:
        for m in s["messages"]:
            yield m


def write(kind, name, data):
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    with open(os.path.join(OUT, kind, name), "wb") as f:
        f.write(data)


def main():
    exe = sys.argv[1]
    shutil.rmtree(OUT, ignore_errors=True)
    runs = {"ecdhe": run(exe), "rsa": run(exe, "--kx", "rsa"),
            "auth": run(exe, "--client-auth", "require")}
    for name, doc in runs.items():
        for chunk in (0, 7):
            write("server", "%s-%d" % (name, chunk),
                  bytes([chunk]) + records(doc, "client_to_server"))
            write("client", "%s-%d" % (name, chunk),
                  bytes([chunk]) + records(doc, "server_to_client"))
        write("decode", "%s-records" % name, b"\x00" + records(doc, "server_to_client"))
        for m in messages(doc):
            body = bytes.fromhex(m["hex"])
            if m["content_type"] == 22 and not m["protected"] or m["hs_type"] == 20:
                which = DECODER.get(m["hs_type"])
                if m["hs_type"] == 16:
                    which = 9 if name == "rsa" else 8
                if which:
                    write("decode", "%s-%s" % (name, m["name"].replace(" ", "-")),
                          bytes([which]) + body[4:])
                write("decode", "%s-frame-%d" % (name, m["hs_type"]), b"\x0d" + body)
    write("decode", "alert", b"\x0c\x02\x28")
    write("decode", "ccs", b"\x0a\x01")
    write("scenario", "readme",
          b"# fixed randoms\nclient_random = " + b"11" * 32 + b"\nserver_random = " +
          b"22:" * 31 + b"22\n")
    write("scenario", "scalars",
          b"client_ecdhe_private = " + b"01" * 32 + b"\nserver_ecdhe_private = " + b"02" * 32 +
          b"\npre_master_random = " + b"33" * 46 + b"\n")
    write("scenario", "p384", b"server_ecdhe_private = " + b"05" * 48 + b"  # secp384r1\n")
    for lang in ("en", "zh"):
        with open(os.path.join(ROOT, "lessons", lang, "client-hello.md"), "rb") as f:
            write("lessons", "client-hello-" + lang, f.read())
    total = sum(len(files) for _, _, files in os.walk(OUT))
    print("%d corpus files under %s" % (total, OUT))


main()
