#!/usr/bin/env python3
"""tlssim open FILE --conn N --keys KEYLOG --json on a capture of real
peers (capture_peers.sh): for each connection, the values tlssim computes
equal what the peers logged, sent and received, computed or read here
without tlssim:

- the master secret equals the key log's line for the client random;
- the key block equals the TLS 1.2 PRF (RFC 5246 §5, here with hmac) of
  that master secret and the two randoms, as long as the suite needs
  (RFC 5246 §6.3), and each key and IV is its slice of it;
- both verify_data equal what tshark decrypts from the same capture;
- the client's application data is, byte for byte, the request the client
  was given, and the server's the answer the client wrote out.

Usage: peer_values.py TLSSIM PCAP KEYLOG PORT SPEC...
  PORT is the server's; SPEC, one per connection in the capture's order, is
  SENT:RECEIVED, the files holding what the client sent and what it
  received on that connection, - for nothing.
Prints one line per check; exit 1 when one fails.
"""
import hashlib
import hmac
import json
import subprocess
import sys

FAILS = []
CHECKS = []
# The six slices of the key block, in its order (RFC 5246 §6.3).
SLICES = [("client_write_mac_key", "mac"), ("server_write_mac_key", "mac"),
          ("client_write_key", "key"), ("server_write_key", "key"),
          ("client_write_iv", "iv"), ("server_write_iv", "iv")]


def check(what, ok):
    CHECKS.append(what)
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILS.append(what)


def keylog(path):
    out = {}
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) == 3 and p[0] == "CLIENT_RANDOM":
                out[p[1].lower()] = p[2].lower()
    return out


def prf(hash_name, secret, label, seed, n):
    """P_hash of RFC 5246 §5."""
    h = getattr(hashlib, hash_name)
    a, out = label + seed, b""
    while len(out) < n:
        a = hmac.new(secret, a, h).digest()
        out += hmac.new(secret, a + label + seed, h).digest()
    return out[:n]


def suite_sizes(suite):
    """(PRF hash, {mac, key, iv} lengths) of a TLS 1.2 suite, from its name
    (RFC 5246 appendix C, RFC 5288, RFC 5289, RFC 7905)."""
    aead = "_GCM_" in suite or "CHACHA20_POLY1305" in suite
    mac_hash = suite.rsplit("_", 1)[1]
    prf_hash = "sha384" if mac_hash == "SHA384" else "sha256"
    mac = 0 if aead else {"SHA": 20, "SHA256": 32, "SHA384": 48}[mac_hash]
    key = 16 if "_128_" in suite else 32
    iv = 4 if "_GCM_" in suite else 12 if "CHACHA20" in suite else 16
    return prf_hash, {"mac": mac, "key": key, "iv": iv}


def values(doc, party):
    out = {}
    for s in doc["steps"]:
        for v in s["values"]:
            if v["party"] == party:
                out[v["name"]] = v["hex"].lower()
    return out


def app_data(doc, sender):
    after = doc.get("after_handshake") or {}
    return b"".join(bytes.fromhex(m["hex"]) for m in after.get("messages", [])
                    if m["name"] == "ApplicationData" and m["sender"] == sender)


def pairs(node):
    """Every (name, value) pair of tshark's -T json output, depth first (a
    frame with several records repeats names: the pairs keep them all)."""
    if isinstance(node, list):
        for item in node:
            if isinstance(item, tuple):
                yield item
            yield from pairs(item[1] if isinstance(item, tuple) else item)


def tshark_verify_data(pcap, key_log, port):
    """{client port: {"client": [...], "server": [...]}}: the verify_data of
    each Finished as tshark decrypts it, by connection and sender (the
    field has no value of its own: its bytes are in verify_data_raw)."""
    r = subprocess.run(["tshark", "-n", "-r", pcap, "-o", "tls.keylog_file:" + key_log,
                        "-d", f"tcp.port=={port},tls", "-Y", "tls.handshake.type == 20",
                        "-T", "json", "-x"], capture_output=True, text=True, timeout=120)
    out = {}
    for frame in json.loads(r.stdout or "[]", object_pairs_hook=list):
        fields = list(pairs(frame))
        src = next(v for k, v in fields if k == "tcp.srcport")
        dst = next(v for k, v in fields if k == "tcp.dstport")
        sender, client = ("server", dst) if src == port else ("client", src)
        for k, v in fields:
            if k == "tls.handshake.verify_data_raw":
                out.setdefault(int(client), {"client": [], "server": []})[sender].append(v[0])
    return out


def read(path):
    if path == "-":
        return b""
    with open(path, "rb") as f:
        return f.read()


def check_keys(label, doc, v, ms):
    suite = doc["config"]["suite"]
    hash_name, size = suite_sizes(suite)
    need = 2 * sum(size.values())
    kb = v.get("key_block", "")
    want = prf(hash_name, bytes.fromhex(ms or ""), b"key expansion",
               bytes.fromhex(v.get("server_random", "")) + bytes.fromhex(v.get("client_random", "")),
               need).hex()
    check(f"{label}: the key block is the PRF's ({suite}: {hash_name}, {need} bytes)",
          ms is not None and kb == want)
    at = 0
    for name, kind in SLICES:
        part = want[2 * at:2 * (at + size[kind])]
        at += size[kind]
        if part:
            check(f"{label}: {name} is bytes {at - size[kind]}..{at - 1} of it", v.get(name) == part)
        else:
            check(f"{label}: no {name} ({suite})", name not in v)


def one(args, conn, spec, logged, finished):
    label = f"#{conn}"
    r = subprocess.run([args["tlssim"], "open", args["pcap"], "--conn", str(conn),
                        "--keys", args["keylog"], "--json"],
                       capture_output=True, text=True, timeout=60)
    check(f"{label}: open --json exit 0 ({r.returncode}: {r.stderr.strip()})", r.returncode == 0)
    if r.returncode != 0:
        return
    doc = json.loads(r.stdout)
    v = values(doc, "client")
    cr, ms = v.get("client_random", ""), v.get("master_secret")
    check(f"{label}: the master secret is the key log's", ms is not None and ms == logged.get(cr))
    check_keys(label, doc, v, ms)
    ts = finished.get(doc["config"]["capture"]["client_port"], {})
    for side in ("client", "server"):
        check(f"{label}: {side} verify_data as tshark reads it ({ts.get(side)})",
              ts.get(side) == [v.get(side + "_verify_data")])
    sent_file, _, received_file = spec.partition(":")
    sent, received = read(sent_file), read(received_file)
    check(f"{label}: the client's application data is what it sent ({len(sent)} bytes)",
          app_data(doc, "client") == sent)
    check(f"{label}: the server's application data is what the client received "
          f"({len(received)} bytes)", app_data(doc, "server") == received)


def main():
    tlssim, pcap, key_log, port = sys.argv[1:5]
    args = {"tlssim": tlssim, "pcap": pcap, "keylog": key_log}
    logged = keylog(key_log)
    finished = tshark_verify_data(pcap, key_log, port)
    for conn, spec in enumerate(sys.argv[5:], 1):
        one(args, conn, spec, logged, finished)
    print(f"{len(CHECKS)} checks, {len(FAILS)} failed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
