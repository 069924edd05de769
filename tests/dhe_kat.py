#!/usr/bin/env python3
"""DHE known answers, computed here without tlssim's code: the group is
RFC 7919's ffdhe2048 (typed in from the RFC), dh_Ys = 2^y mod p,
Z = dh_Ys^x mod p, the pre-master secret is Z with its leading zero bytes
stripped (RFC 5246 §8.1.2), and the master secret is the TLS 1.2 PRF of it.
Seed 91 gives a Z whose first byte is zero (the classic interop bug);
seed 1 one whose first byte is not.
Usage: dhe_kat.py TLSSIM"""
import sys

from kat_json import check, finish, run_json, value
from tls_prf import prf_sha256

FFDHE2048_P = int(
    "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1"
    "D8B9C583CE2D3695A9E13641146433FBCC939DCE249B3EF9"
    "7D2FE363630C75D8F681B202AEC4617AD3DF1ED5D5FD6561"
    "2433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
    "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE735"
    "30ACCA4F483A797ABC0AB182B324FB61D108A94BB2C8E3FB"
    "B96ADAB760D7F4681D4F42A3DE394DF4AE56EDE76372BB19"
    "0B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
    "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD73"
    "3BB5FCBC2EC22005C58EF1837D1683B2C6F34A26C1B2EFFA"
    "886B423861285C97FFFFFFFFFFFFFFFF", 16)

def ske_params(doc):
    """dh_p, dh_g, dh_Ys from the ServerKeyExchange bytes on the wire."""
    for step in doc["steps"]:
        for m in step["messages"]:
            if m["name"] == "ServerKeyExchange":
                body, out = bytes.fromhex(m["hex"])[4:], []
                for _ in range(3):
                    n = int.from_bytes(body[:2], "big")
                    out.append(int.from_bytes(body[2:2 + n], "big"))
                    body = body[2 + n:]
                return out
    return None


def run(tlssim, seed, want_zero):
    doc = run_json(tlssim, "--kx", "dhe", "--seed", str(seed))
    tag = f"seed {seed}"
    check(doc["result"]["ok"], f"{tag}: handshake completes")
    p, g, ys = ske_params(doc)
    check(p == FFDHE2048_P and g == 2, f"{tag}: the server sends RFC 7919 ffdhe2048, g = 2")
    y = int.from_bytes(value(doc, "server_dhe_private", "server"), "big")
    x = int.from_bytes(value(doc, "client_dhe_private", "client"), "big")
    check(ys == pow(2, y, p), f"{tag}: dh_Ys = 2^y mod p")
    yc = int.from_bytes(value(doc, "client_dhe_public", "wire"), "big")
    check(yc == pow(2, x, p), f"{tag}: dh_Yc on the wire = 2^x mod p")
    z = pow(ys, x, p).to_bytes(256, "big")
    check((z[0] == 0) == want_zero, f"{tag}: Z starts with a zero byte: {want_zero}")
    pms = z.lstrip(b"\0")
    for party in ("client", "server"):
        check(value(doc, "pre_master_secret", party) == pms,
              f"{tag}: {party}'s pre-master = Z stripped ({len(pms)} bytes)")
    cr = value(doc, "client_random", "client")
    sr = value(doc, "server_random", "client")
    ms = prf_sha256(pms, b"master secret", cr + sr, 48)
    check(value(doc, "master_secret", "client") == ms, f"{tag}: master secret = PRF(Z stripped)")
    if want_zero:
        check(prf_sha256(z, b"master secret", cr + sr, 48) != ms,
              f"{tag}: keeping the zero byte would give another master secret")
        notes = [n["text"] for s in doc["steps"] for n in s["notes"]]
        check(any("Z starts with 1 zero byte" in t for t in notes),
              f"{tag}: a note says the zero byte was stripped")


run(sys.argv[1], 91, True)
run(sys.argv[1], 1, False)
sys.exit(finish())
