#!/usr/bin/env python3
"""Known answers for the record layer, computed independently with the
openssl command line: tlssim's first application-data record of a seeded
run must be exactly what `openssl enc` and `openssl dgst -mac HMAC` (CBC,
with and without encrypt-then-MAC) or `openssl enc -chacha20` and
`openssl mac Poly1305` (ChaCha20-Poly1305) make from the keys, the
sequence number and the plaintext the run shows.

usage: records_kat.py TLSSIM
"""
import json
import shutil
import subprocess
import sys

FAILS = 0


def check(ok, what):
    global FAILS
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILS += 1


def openssl(args, data):
    return subprocess.run(["openssl"] + args, input=data, capture_output=True,
                          check=True, timeout=30).stdout


def hmac(hash_name, key, data):
    out = openssl(["dgst", "-" + hash_name, "-mac", "HMAC", "-macopt",
                   "hexkey:" + key.hex(), "-binary"], data)
    return out


def aes_cbc(key, iv, data):
    return openssl(["enc", "-aes-%d-cbc" % (8 * len(key)), "-K", key.hex(), "-iv", iv.hex(),
                    "-nopad"], data)


def chacha20(key, counter, nonce, data):
    iv = counter.to_bytes(4, "little") + nonce
    return openssl(["enc", "-chacha20", "-K", key.hex(), "-iv", iv.hex()], data)


def poly1305(key, data):
    out = openssl(["mac", "-macopt", "hexkey:" + key.hex(), "-binary", "Poly1305"], data)
    return out


def run(tlssim, *flags):
    out = subprocess.run([tlssim, "--json", "--seed", "5"] + list(flags), capture_output=True,
                         check=True, timeout=60).stdout
    doc = json.loads(out)
    values = {}
    for step in doc["steps"]:
        for v in step["values"]:
            if v["party"] == "client":
                values.setdefault(v["name"], bytes.fromhex(v["hex"]))
    rec = next(r for r in doc["after_handshake"]["records"]
               if r["direction"] == "client_to_server" and r["content_type"] == 23)
    return values, rec


def header13(seq, typ, length):
    return seq.to_bytes(8, "big") + bytes([typ, 3, 3]) + length.to_bytes(2, "big")


def padding(n):
    p = 15 - n % 16
    return bytes([p] * (p + 1))


def cbc_case(tlssim, suite, hash_name, etm):
    values, rec = run(tlssim, "--suite", suite, "--etm", "on" if etm else "off")
    key, mac_key = values["client_write_key"], values["client_write_mac_key"]
    wire = bytes.fromhex(rec["hex"])
    plain = bytes.fromhex(rec["plaintext_hex"])
    seq = rec["seq"]
    iv = wire[5:21]
    label = "%s %s" % (suite, "encrypt-then-MAC" if etm else "MAC-then-encrypt")
    if etm:
        ct = aes_cbc(key, iv, plain + padding(len(plain)))
        mac = hmac(hash_name, mac_key, header13(seq, 23, 16 + len(ct)) + iv + ct)
        body = iv + ct + mac
    else:
        mac = hmac(hash_name, mac_key, header13(seq, 23, len(plain)) + plain)
        inner = plain + mac
        body = iv + aes_cbc(key, iv, inner + padding(len(inner)))
    want = bytes([23, 3, 3]) + len(body).to_bytes(2, "big") + body
    check(rec["protection"] == ("cbc_encrypt_then_mac" if etm else "cbc_mac_then_encrypt"),
          label + ": the run says which order")
    check(wire == want, label + ": record = openssl enc + openssl dgst -mac HMAC")
    check(bytes.fromhex(rec["mac"]) == mac, label + ": the MAC shown is the MAC")


def chacha_case(tlssim):
    values, rec = run(tlssim, "--suite", "0xcca8")
    key, iv = values["client_write_key"], values["client_write_iv"]
    wire = bytes.fromhex(rec["hex"])
    plain = bytes.fromhex(rec["plaintext_hex"])
    seq = rec["seq"]
    padded = bytes(4) + seq.to_bytes(8, "big")
    nonce = bytes(a ^ b for a, b in zip(iv, padded))
    aad = header13(seq, 23, len(plain))
    otk = chacha20(key, 0, nonce, bytes(64))[:32]       # RFC 8439 §2.6
    ct = chacha20(key, 1, nonce, plain)
    pad16 = lambda b: bytes(-len(b) % 16)
    tag = poly1305(otk, aad + pad16(aad) + ct + pad16(ct) + len(aad).to_bytes(8, "little") +
                   len(ct).to_bytes(8, "little"))
    body = ct + tag
    want = bytes([23, 3, 3]) + len(body).to_bytes(2, "big") + body
    check(len(iv) == 12, "ChaCha20: the write IV is 12 bytes")
    check(bytes.fromhex(rec["nonce"]) == nonce, "ChaCha20: nonce = write IV XOR padded seq")
    check(wire == want, "ChaCha20-Poly1305: record = openssl enc -chacha20 + openssl mac Poly1305")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if not shutil.which("openssl"):
        print("SKIP: openssl not installed")
        sys.exit(77)
    tlssim = sys.argv[1]
    cbc_case(tlssim, "0xc013", "sha1", True)
    cbc_case(tlssim, "0xc013", "sha1", False)
    cbc_case(tlssim, "0x003c", "sha256", True)
    cbc_case(tlssim, "0x0035", "sha1", False)
    chacha_case(tlssim)
    print("%d failed" % FAILS)
    sys.exit(1 if FAILS else 0)


main()
