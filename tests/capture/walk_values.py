#!/usr/bin/env python3
"""tlssim open FILE --json on tlssim's own --pcap and --keylog: every value
the capture lets us compute equals the simulated run's (same seed), for
each flow and suite family; without keys, the eavesdropper's view; the
server's key alone opens the RSA key exchange and not ECDHE; bad input
gives exit 2 with one line.

Usage: walk_values.py TLSSIM PKI_DIR
"""
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tls_prf import prf_sha256  # noqa: E402  (tests/tls_prf.py)

TLSSIM, PKI = sys.argv[1], sys.argv[2]
FAILS = []
# What a capture and a key log let anyone compute, per connection.
COMPUTED = ["client_random", "server_random", "master_secret", "key_block",
            "client_write_mac_key", "server_write_mac_key", "client_write_key",
            "server_write_key", "client_write_iv", "server_write_iv",
            "client_verify_data", "server_verify_data"]
RUNS = [
    ["--kx", "ecdhe"], ["--kx", "rsa"], ["--kx", "dhe"], ["--server-cert", "ecdsa"],
    ["--suite", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"],
    ["--suite", "TLS_RSA_WITH_AES_256_CBC_SHA", "--etm", "off"],
    ["--suite", "TLS_RSA_WITH_AES_128_CBC_SHA256"],
    ["--suite", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"],
    ["--group", "x25519", "--ems", "on"],
    ["--client-auth", "require"], ["--client-auth", "request", "--client-cert", "none"],
    ["--resume", "id"], ["--resume", "ticket"], ["--kx", "rsa", "--resume", "ticket"],
]


def check(what, ok):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILS.append(what)


def run(args, **kw):
    return subprocess.run([TLSSIM] + args, capture_output=True, text=True, timeout=120, **kw)


def connections(doc):
    """[(first step, last step)] of each connection of a simulated run."""
    second = doc["config"].get("second_connection_step")
    n = len(doc["steps"])
    return [(1, n)] if not second else [(1, second - 1), (second, n)]


def values(doc, lo, hi, party):
    """The last value of each name known to party in steps lo..hi."""
    out = {}
    for s in doc["steps"]:
        if lo <= s["step"] <= hi:
            for v in s["values"]:
                if v["party"] == party:
                    out[v["name"]] = v["hex"]
    return out


def app_data(doc):
    after = doc.get("after_handshake") or {}
    return [(m["sender"], m["hex"]) for m in after.get("messages", [])
            if m["name"] == "ApplicationData"]


def compare(label, sim, lo, hi, walk, with_app):
    want = values(sim, lo, hi, "client")
    for party in ("client", "server"):
        got = values(walk, 1, len(walk["steps"]), party)
        for name in COMPUTED:
            if name in want:
                check(f"{label}: {party}'s {name} equals the simulated run's",
                      got.get(name) == want[name])
    check(f"{label}: both Finished checked", walk["result"]["ok"] and
          sum(len(s["checks"]) for s in walk["steps"]) >= 2)
    if with_app:
        check(f"{label}: application data equals the simulated run's",
              app_data(walk) == app_data(sim) and len(app_data(sim)) == 2)


def flow_runs(work):
    for i, flags in enumerate(RUNS):
        label = " ".join(flags)
        pcap, keys = os.path.join(work, f"{i}.pcap"), os.path.join(work, f"{i}.keys")
        sim = run(["--seed", str(40 + i), "--json", "--no-lessons", "--pcap", pcap,
                   "--keylog", keys] + flags)
        simdoc = json.loads(sim.stdout)
        conns = connections(simdoc)
        for c, (lo, hi) in enumerate(conns, 1):
            w = run(["open", pcap, "--conn", str(c), "--keys", keys, "--json"])
            check(f"{label} #{c}: exit 0 ({w.returncode}: {w.stderr.strip()})", w.returncode == 0)
            walk = json.loads(w.stdout)
            check(f"{label} #{c}: the flow's steps", [s["message"] for s in walk["steps"]] ==
                  [s["message"] for s in simdoc["steps"] if lo <= s["step"] <= hi])
            check(f"{label} #{c}: secrets from the key log",
                  walk["config"]["capture"]["secrets"] == "key_log")
            compare(f"{label} #{c}", simdoc, lo, hi, walk, c == len(conns))


def eavesdropper_and_server_key(work):
    ecdhe, rsa = os.path.join(work, "0.pcap"), os.path.join(work, "1.pcap")
    sim = json.loads(run(["--seed", "41", "--json", "--kx", "rsa"]).stdout)
    w = run(["open", rsa, "--server-key", os.path.join(PKI, "server.key.pem"), "--json"])
    walk = json.loads(w.stdout)
    check("rsa, server key alone: secrets from the server key",
          walk["config"]["capture"]["secrets"] == "server_key")
    compare("rsa, server key alone", sim, 1, 10, walk, True)
    want = values(sim, 1, 10, "client")["pre_master_secret"]
    for party in ("client", "server"):
        got = [v for v in walk["steps"][5]["values"]
               if v["party"] == party and v["name"] == "pre_master_secret"]
        check(f"rsa, server key alone: the {party}'s pre_master_secret at the ClientKeyExchange "
              "step, secret, equals the simulated run's",
              len(got) == 1 and got[0]["secret"] and got[0]["hex"] == want)
    # Independently of tlssim's PRF: the key log's master secret is
    # PRF(pre-master, "master secret", client_random + server_random).
    logged = open(os.path.join(work, "1.keys")).read().split()
    got = values(walk, 1, 10, "client")
    master = prf_sha256(bytes.fromhex(got.get("pre_master_secret", "")), b"master secret",
                        bytes.fromhex(got["client_random"] + got["server_random"]), 48)
    check("rsa, server key alone: PRF(pre_master_secret) is the key log's master secret",
          logged[0] == "CLIENT_RANDOM" and master.hex() == logged[2])
    w = run(["open", ecdhe, "--server-key", os.path.join(PKI, "server.key.pem"), "--json"])
    walk = json.loads(w.stdout)
    notes = " ".join(n["text"] for s in walk["steps"] for n in s["notes"])
    check("ecdhe, server key alone: forward secrecy said",
          walk["config"]["capture"]["secrets"] == "forward_secrecy" and "forward secrecy" in notes)
    check("ecdhe, server key alone: no master secret",
          "master_secret" not in values(walk, 1, 10, "client"))
    w = run(["open", ecdhe, "--json"])
    walk = json.loads(w.stdout)
    check(f"no keys: exit 0 ({w.returncode})", w.returncode == 0)
    check("no keys: the eavesdropper's values, no secrets",
          "client_random" in values(walk, 1, 10, "wire") and
          "master_secret" not in values(walk, 1, 10, "client"))
    check("no keys: application data records, no plaintext",
          walk["after_handshake"]["records"] and
          all(r["plaintext_hex"] is None for r in walk["after_handshake"]["records"]))
    t = run(["open", ecdhe, "--keys", os.path.join(work, "0.keys"), "--text", "--no-lessons"])
    check("text: the segments of each record", "tcp_segments" in t.stdout and t.returncode == 0)
    t = run(["open", ecdhe, "--keys", os.path.join(work, "0.keys"), "--text", "--no-lessons",
             "--lang", "zh"])
    check("text in Chinese: the header and the key log's note",
          "逐步查看抓包中的一个 TLS 1.2 连接" in t.stdout and
          "密钥日志里有这个连接的主密钥" in t.stdout and t.returncode == 0)
    t = run(["open", ecdhe, "--server-key", os.path.join(PKI, "server.key.pem"), "--text",
             "--no-lessons", "--lang", "zh"])
    check("text in Chinese: forward secrecy", "前向安全" in t.stdout)


def wording(work):
    """A capture's walkthrough says what is true of it: tlssim read the
    messages from the capture (nobody parsed them for us) and opened the
    records with the key material given; without keys, nothing was opened
    and nothing verified."""
    rsa, keys = os.path.join(work, "1.pcap"), os.path.join(work, "1.keys")
    key = os.path.join(PKI, "server.key.pem")
    t = run(["open", rsa, "--keys", keys, "--text", "--no-lessons"]).stdout
    check("text: a clear message read from the capture",
          " ClientHello, read from the capture (sent by the client):\n" in t and
          " ServerHello, read from the capture (sent by the server):\n" in t)
    check("text: Finished decrypted with the key log",
          " Finished, read from the capture and decrypted with the key log:\n" in t and
          " Decrypted with the key material (sequence number 0):\n" in t)
    check("text: the checks are tlssim's",
          "[ok]   checked here, as the server would check Finished: " in t)
    check("text: application data decrypted with the key material",
          "  Plaintext decrypted with the key material (100 bytes):\n" in t)
    check("text: the columns' meaning in the header",
          "The client and server columns hold what the capture proves each side sent or knows, "
          "and what the key material lets us compute.\n" in t)
    check("text: the secrets computed once, not compared",
          "Computed here from the capture and the key material (never sent; the verified\n"
          "Finished messages prove that both sides hold them):\n" in t and " == " not in t)
    check("text: nobody parsed or recovered anything",
          "parsed it" not in t and "recovered" not in t and "Decrypted by the" not in t)
    t = run(["open", rsa, "--server-key", key, "--text", "--no-lessons"]).stdout
    check("text: Finished decrypted with the server's key",
          " Finished, read from the capture and decrypted with the server's key:\n" in t)
    t = run(["open", rsa, "--text", "--no-lessons"]).stdout
    check("text without keys: nothing verified",
          "=== Handshake complete in the capture: without keys its Finished messages cannot be "
          "checked ===\n" in t and "both Finished messages verified" not in t and
          "Without key material none of the secrets can be computed from the capture.\n" in t)
    check("text without keys: the ciphertext not opened, by no one",
          "  No key material opens it: only this ciphertext is known.\n" in t and
          "could not decrypt" not in t)
    check("text without keys: sequence numbers still count",
          "  sequence number   1 (the client's records since its ChangeCipherSpec, from 0)" in t)
    t = run(["open", rsa, "--keys", keys, "--text", "--no-lessons", "--lang", "zh"]).stdout
    check("text in Chinese: read from the capture, decrypted with the key log",
          "ClientHello，从抓包中读出（由客户端发送）：" in t and
          "Finished，从抓包中读出，并用密钥日志解密：" in t)
    doc = json.loads(run(["open", rsa, "--keys", keys, "--json"]).stdout)
    msgs = [m for s in doc["steps"] for m in s["messages"]]
    check("json: messages parsed_by the capture",
          msgs and all(m["parsed_by"] == "capture" for m in msgs))
    check("json: plaintext_from the key log", all(
        r["plaintext_from"] == "key_log" for r in doc["after_handshake"]["records"]))
    doc = json.loads(run(["open", rsa, "--server-key", key, "--json"]).stdout)
    check("json: plaintext_from the server key", all(
        r["plaintext_from"] == "server_key" for r in doc["after_handshake"]["records"]))
    h = os.path.join(work, "rsa.html")
    run(["open", rsa, "--keys", keys, "--html", h, "--no-lessons"])
    page = open(h).read() if os.path.exists(h) else ""
    check("html: the capture's columns and headings",
          "What the capture proves each side sent or knows, and what the key material lets us "
          "compute, by now" in page and "ClientHello, read from the capture (sent by the client):"
          in page and "parsed it" not in page)
    html_summary(work, rsa, keys)


def summary_cells(page):
    """The HTML summary's paragraphs and its table's rows of cells (tags
    stripped), as the page holds them."""
    m = re.search(r'<section class="summary" id="summary">\n(.*?)</section>', page, re.S)
    body = m.group(1) if m else ""
    strip = lambda cell: re.sub(r"<[^>]*>", "", cell)  # noqa: E731
    return ([strip(p) for p in re.findall(r"<p>(.*?)</p>", body)],
            [[strip(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
             for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)])


def text_secrets(text):
    """The secrets a capture's text summary lists: [[name, hex]]."""
    tail = text.split("Finished messages prove that both sides hold them):\n", 1)[-1]
    tail = tail.split("证明双方都持有它们）：\n", 1)[-1]
    return [line.split() for line in tail.split("\n\n", 1)[0].splitlines()]


# What the HTML summary of a capture says of its secrets, as the text
# summary does (its wrapped lines joined): computed here, or none.
CAPTURE_SUMMARY = {
    "en": ("Computed here from the capture and the key material (never sent; the verified "
           "Finished messages prove that both sides hold them):",
           "Without key material none of the secrets can be computed from the capture."),
    "zh": ("这里由抓包和密钥材料算出（从未发送；验证通过的 Finished 消息证明双方都持有它们）：",
           "没有密钥材料，无法从抓包中算出任何秘密值。")}


def html_summary(work, rsa, keys):
    """A capture's HTML summary lists the secrets computed here, as the
    text does, without the simulated run's "client = server" cells."""
    for lang, (opened, none) in CAPTURE_SUMMARY.items():
        h = os.path.join(work, f"summary-{lang}.html")
        args = ["open", rsa, "--no-lessons", "--lang", lang]
        text = run(args + ["--keys", keys, "--text"]).stdout
        run(args + ["--keys", keys, "--html", h])
        page = open(h).read() if os.path.exists(h) else ""
        paras, rows = summary_cells(page)
        want = text_secrets(text)
        check(f"html {lang}: the summary says the secrets were computed here ({paras})",
              paras == [opened])
        check(f"html {lang}: the summary's cells are the text's secrets, name and hex ({rows})",
              rows == want and len(want) >= 5 and want[0][0] == "master_secret")
        sides = ("client", "server") if lang == "en" else ("客户端", "服务器")
        check(f"html {lang}: no side said equal to the other",
              not any(op + side in page for op in ("= ", "≠ ") for side in sides))
        run(args + ["--html", h])
        page = open(h).read() if os.path.exists(h) else ""
        check(f"html {lang} without keys: the summary says no secret can be computed",
              summary_cells(page) == ([none], []) and
              not any(op + side in page for op in ("= ", "≠ ") for side in sides))


def without_connection(src, dst, port):
    """tlssim's pcap (Ethernet, IPv4, TCP) without the packets of the
    connection whose client used TCP port \p port."""
    data = open(src, "rb").read()
    out, off = [data[:24]], 24
    while off + 16 <= len(data):
        cl = struct.unpack("<IIII", data[off:off + 16])[2]
        pkt = data[off + 16:off + 16 + cl]
        tcp = pkt[14 + (pkt[14] & 15) * 4:]
        if port not in struct.unpack(">HH", tcp[:4]):
            out.append(data[off:off + 16 + cl])
        off += 16 + cl
    open(dst, "wb").write(b"".join(out))


def resumed_with_server_key(work):
    """A resumed connection opened with the server's key alone: its master
    secret is the session's, from the earlier full handshake (RSA key
    exchange) of the same capture that made it, by session ID or ticket;
    without that connection, one line says the session was made outside
    the capture and the walkthrough is the eavesdropper's view."""
    key = os.path.join(PKI, "server.key.pem")
    for how in ("id", "ticket"):
        label = f"rsa --resume {how}, server key alone"
        pcap = os.path.join(work, f"resume-{how}.pcap")
        sim = json.loads(run(["--seed", "61", "--json", "--kx", "rsa", "--resume", how,
                              "--pcap", pcap]).stdout)
        lo, hi = connections(sim)[1]
        w = run(["open", pcap, "--conn", "2", "--server-key", key, "--json"])
        walk = json.loads(w.stdout)
        cap = walk["config"]["capture"]
        check(f"{label}: exit 0, the master secret from connection #1 ({w.returncode}, "
              f"{cap['secrets']}, {cap['session_from']})",
              w.returncode == 0 and cap["secrets"] == "earlier_connection" and
              cap["session_from"] == 1 and cap["resumed"])
        compare(label, sim, lo, hi, walk, True)
        notes = " ".join(n["text"] for s in walk["steps"] for n in s["notes"])
        named = "by the ticket it issued" if how == "ticket" else "by its session ID"
        check(f"{label}: the note names connection #1, {named}",
              f"resumes the session that connection #1 of the capture made, named {named}" in notes)
        t = run(["open", pcap, "--conn", "2", "--server-key", key, "--text", "--no-lessons"])
        check(f"{label}: text: Finished decrypted with the session's master secret",
              " Finished, read from the capture and decrypted with the session's master secret:\n"
              in t.stdout)
        alone = os.path.join(work, f"resume-{how}-alone.pcap")
        first = json.loads(run(["open", pcap, "--conn", "1", "--json"]).stdout)
        without_connection(pcap, alone, first["config"]["capture"]["client_port"])
        w = run(["open", alone, "--server-key", key, "--json"])
        walk = json.loads(w.stdout)
        notes = [n["text"] for s in walk["steps"] for n in s["notes"]]
        outside = [n for n in notes if "made outside the capture" in n]
        check(f"{label}, its full handshake not in the capture: one note says the session was "
              f"made outside it ({w.returncode}, {walk['config']['capture']['secrets']})",
              w.returncode == 0 and len(outside) == 1 and
              walk["config"]["capture"]["secrets"] == "session_outside_capture")
        check(f"{label}, its full handshake not in the capture: the eavesdropper's view",
              "master_secret" not in values(walk, 1, 10, "client") and
              "client_random" in values(walk, 1, 10, "wire"))


def resegment(src, dst):
    """tlssim's pcap (Ethernet, IPv4, TCP) with its data cut anew: each
    client flight in 100-byte segments sent last first (out of order: a
    record over several segments), each server flight in one segment
    (several records in one segment)."""
    data = open(src, "rb").read()
    head, off, pkts = data[:24], 24, []
    while off + 16 <= len(data):
        ts, tu, cl, ol = struct.unpack("<IIII", data[off:off + 16])
        pkts.append((ts, tu, data[off + 16:off + 16 + cl]))
        off += 16 + cl
    out, flight = [], []

    def frame(ts, tu, pkt, seq, payload):
        ihl = (pkt[14] & 15) * 4
        doff = (pkt[14 + ihl + 12] >> 4) * 4
        ip = bytearray(pkt[14:14 + ihl])
        struct.pack_into(">H", ip, 2, ihl + doff + len(payload))
        struct.pack_into(">H", ip, 10, 0)
        tcp = bytearray(pkt[14 + ihl:14 + ihl + doff])
        struct.pack_into(">I", tcp, 4, seq)
        f = pkt[:14] + bytes(ip) + bytes(tcp) + payload
        return struct.pack("<IIII", ts, tu, len(f), len(f)) + f

    def flush():
        if not flight:
            return
        ts, tu, pkt, seq, _ = flight[0]
        payload = b"".join(p for *_, p in flight)
        client = pkt[14 + (pkt[14] & 15) * 4 + 2:][:2] == bytes([1, 0xbb])
        size = 100 if client else len(payload)
        segs = [(seq + i, payload[i:i + size]) for i in range(0, len(payload), size)]
        for sq, pl in (reversed(segs) if client else segs):
            out.append(frame(ts, tu, pkt, sq, pl))
        flight.clear()

    for ts, tu, pkt in pkts:
        ihl = (pkt[14] & 15) * 4
        doff = (pkt[14 + ihl + 12] >> 4) * 4
        payload = pkt[14 + ihl + doff:]
        seq = struct.unpack(">I", pkt[14 + ihl + 4:14 + ihl + 8])[0]
        if payload and flight and flight[0][2][14 + ihl:14 + ihl + 4] == pkt[14 + ihl:14 + ihl + 4]:
            flight.append((ts, tu, pkt, seq, payload))
            continue
        flush()
        if payload:
            flight.append((ts, tu, pkt, seq, payload))
        else:
            out.append(struct.pack("<IIII", ts, tu, len(pkt), len(pkt)) + pkt)
    flush()
    open(dst, "wb").write(head + b"".join(out))


def segments(work):
    """Records over several segments, several records in one segment."""
    src, keys = os.path.join(work, "0.pcap"), os.path.join(work, "0.keys")
    dst = os.path.join(work, "reseg.pcap")
    resegment(src, dst)
    sim = json.loads(run(["--seed", "40", "--json", "--kx", "ecdhe"]).stdout)
    w = run(["open", dst, "--keys", keys, "--json"])
    check(f"resegmented: exit 0 ({w.returncode}: {w.stderr.strip()})", w.returncode == 0)
    walk = json.loads(w.stdout)
    compare("resegmented", sim, 1, 10, walk, True)
    seg = {}
    for s in walk["steps"]:
        for r in s["records"]:
            seg[r["index"]] = [f["value"] for f in r["fields"] if f["name"] == "tcp_segments"][0]
    check(f"resegmented: the ClientHello over two segments, out of order ({seg[0]})",
          seg[0].endswith("(2 TCP segments)"))
    check(f"resegmented: ServerHello to ServerHelloDone in one segment ({seg[1]}, {seg[4]})",
          seg[1] == seg[2] == seg[3] == seg[4] and seg[1].startswith("frame "))


def bad_input(work):
    junk = os.path.join(work, "junk")
    with open(junk, "w") as f:
        f.write("not a capture\n")
    pcap = os.path.join(work, "0.pcap")
    cases = [("not a capture", ["open", junk], 2), ("--conn 9", ["open", pcap, "--conn", "9"], 2),
             ("--conn x", ["open", pcap, "--conn", "x"], 2),
             ("a key log with no line", ["open", pcap, "--keys", junk], 2),
             ("a server key that is no key", ["open", pcap, "--server-key", junk], 2)]
    for label, args, rc in cases:
        r = run(args + ["--json"])
        check(f"{label}: exit {rc} ({r.returncode}), one line", r.returncode == rc and
              r.stdout == "" and len(r.stderr.strip().splitlines()) == 1)
    # A handshake cut short: the capture ends before the server's Finished.
    cut = os.path.join(work, "cut.pcap")
    data = open(pcap, "rb").read()
    with open(cut, "wb") as f:
        f.write(data[:len(data) * 2 // 3])
    r = run(["open", cut, "--keys", os.path.join(work, "0.keys"), "--json"])
    check(f"cut short: exit 1 ({r.returncode})", r.returncode == 1 and
          json.loads(r.stdout)["result"]["error"] == "truncated")


with tempfile.TemporaryDirectory() as work:
    flow_runs(work)
    eavesdropper_and_server_key(work)
    wording(work)
    resumed_with_server_key(work)
    segments(work)
    bad_input(work)
print(f"{len(FAILS)} failed")
sys.exit(1 if FAILS else 0)
