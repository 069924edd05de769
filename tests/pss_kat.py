#!/usr/bin/env python3
"""RSA-PSS known answers, checked without tlssim's code: the client offers
rsa_pss_rsae_* before rsa_pkcs1_*, so an RSA server signs ServerKeyExchange
with rsa_pss_rsae_sha256 and an RSA client its CertificateVerify.  The
signed bytes are rebuilt here from the wire (client_random ‖ server_random
‖ params; every handshake message before CertificateVerify), hashed with
hashlib, and the signature is verified by `openssl pkeyutl` with PSS
padding, a 32-byte salt and SHA-256 (MGF1 too), against the public key of
the demo certificate.  PSS is randomized, so the test verifies rather than
compares bytes; a seeded run must still repeat its signature exactly.
Usage: pss_kat.py TLSSIM PKI-DIR"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

from kat_json import check, finish, run_json as run, value


def messages(doc):
    """Every handshake message as it crossed the wire, header included."""
    return [(m["name"], bytes.fromhex(m["hex"])) for s in doc["steps"] for m in s["messages"]]


def split_ske(body, dhe):
    """ServerKeyExchange body -> (params, scheme, signature)."""
    if dhe:
        at = 0
        for _ in range(3):  # dh_p, dh_g, dh_Ys, each with a 2-byte length
            at += 2 + int.from_bytes(body[at:at + 2], "big")
    else:  # curve_type(1) named_curve(2) point<1..255>
        at = 4 + body[3]
    scheme = int.from_bytes(body[at:at + 2], "big")
    n = int.from_bytes(body[at + 2:at + 4], "big")
    return body[:at], scheme, body[at + 4:at + 4 + n]


def split_cv(body):
    n = int.from_bytes(body[2:4], "big")
    return int.from_bytes(body[:2], "big"), body[4:4 + n]


def pss_verify(work, pem, digest, sig, saltlen=32):
    """openssl pkeyutl's verdict on a PSS/SHA-256 signature over digest."""
    pub = os.path.join(work, "pub.pem")
    subprocess.run(["openssl", "x509", "-in", pem, "-pubkey", "-noout", "-out", pub], check=True)
    with open(os.path.join(work, "digest"), "wb") as f:
        f.write(digest)
    with open(os.path.join(work, "sig"), "wb") as f:
        f.write(sig)
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub,
                        "-in", os.path.join(work, "digest"), "-sigfile", os.path.join(work, "sig"),
                        "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", f"rsa_pss_saltlen:{saltlen}",
                        "-pkeyopt", "digest:sha256"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return r.returncode == 0 and b"Signature Verified Successfully" in r.stdout


def ske_case(tlssim, pki, work, seed, kx):
    tag = f"seed {seed} --kx {kx}"
    doc = run(tlssim, "--seed", str(seed), "--kx", kx)
    check(doc["result"]["ok"], f"{tag}: handshake completes")
    body = dict(messages(doc))["ServerKeyExchange"][4:]
    params, scheme, sig = split_ske(body, kx == "dhe")
    check(scheme == 0x0804, f"{tag}: ServerKeyExchange names rsa_pss_rsae_sha256 (0x{scheme:04x})")
    signed = value(doc, "client_random", "wire") + value(doc, "server_random", "wire") + params
    digest = hashlib.sha256(signed).digest()
    pem = os.path.join(pki, "server.crt.pem")
    check(len(sig) == 256 and pss_verify(work, pem, digest, sig),
          f"{tag}: openssl pkeyutl verifies the PSS signature (salt 32, SHA-256, MGF1-SHA-256)")
    check(not pss_verify(work, pem, digest, sig, saltlen=20),
          f"{tag}: ... and refuses it with a 20-byte salt: the salt is the hash's length")
    bad = bytearray(sig)
    bad[100] ^= 1
    check(not pss_verify(work, pem, digest, bytes(bad)), f"{tag}: one flipped bit fails")
    again = split_ske(dict(messages(run(tlssim, "--seed", str(seed), "--kx", kx)))
                      ["ServerKeyExchange"][4:], kx == "dhe")[2]
    check(again == sig, f"{tag}: the same seed gives the same signature")


def cv_case(tlssim, pki, work, seed):
    tag = f"seed {seed} --client-auth require"
    doc = run(tlssim, "--seed", str(seed), "--client-auth", "require")
    check(doc["result"]["ok"], f"{tag}: handshake completes")
    msgs = messages(doc)
    names = [n for n, _ in msgs]
    at = names.index("CertificateVerify")
    transcript = b"".join(m for _, m in msgs[:at])
    scheme, sig = split_cv(msgs[at][1][4:])
    check(scheme == 0x0804, f"{tag}: CertificateVerify names rsa_pss_rsae_sha256 (0x{scheme:04x})")
    digest = hashlib.sha256(transcript).digest()
    check(digest == value(doc, "certificate_verify_hash", "client"),
          f"{tag}: SHA-256 of the {at} messages before it is what tlssim signed")
    check(pss_verify(work, os.path.join(pki, "client.crt.pem"), digest, sig),
          f"{tag}: openssl pkeyutl verifies the client's PSS signature")


def main():
    tlssim, pki = sys.argv[1], sys.argv[2]
    if shutil.which("openssl") is None:
        print("SKIP: openssl is not installed")
        return 77
    with tempfile.TemporaryDirectory() as work:
        ske_case(tlssim, pki, work, 31, "ecdhe")
        ske_case(tlssim, pki, work, 32, "dhe")
        cv_case(tlssim, pki, work, 34)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
