#!/usr/bin/env python3
"""The abbreviated handshake RFC 5077 §3.4 allows and no installed client
makes: a TLS 1.2 client that offers its ticket with an EMPTY session ID, so
that the ServerHello's is empty too and only what follows it (NewSessionTicket
and/or ChangeCipherSpec instead of a Certificate) says the session was
resumed.  OpenSSL's s_client and curl, gnutls-cli and Java's JSSE all send a
session ID of their own with a ticket (checked with tshark in this session's
captures), and tlssim's client does too; this client exists so that a capture
of that shape can be made with a real server on the other side (openssl
s_server), which checks every byte of it: its Finished must verify.

It resumes the session OpenSSL's s_client saved (-sess_out): the master
secret and the ticket as `openssl sess_id -text` prints them, an AES-GCM
suite, with the extended master secret when the session had it.  It sends a
GET, reads the answer until the server closes, and prints one line:
"resumed, N bytes of application data"; exit 1 (with why) otherwise.

Usage: ticket_no_id.py HOST PORT SESSION_TEXT
"""
import hashlib
import os
import re
import socket
import struct
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tls_prf import prf_sha256  # noqa: E402

SUITES = {"ECDHE-RSA-AES128-GCM-SHA256": (0xc02f, 16), "AES128-GCM-SHA256": (0x009c, 16)}


def session(path):
    """The suite, master secret, ticket and EMS of `openssl sess_id -text`."""
    text = open(path).read()
    cipher = re.search(r"Cipher\s*:\s*(\S+)", text).group(1)
    master = bytes.fromhex(re.search(r"Master-Key:\s*([0-9A-Fa-f]+)", text).group(1))
    block = text.split("TLS session ticket:")[1].split("\n\n")[0]
    ticket = b"".join(bytes.fromhex("".join(re.findall(r"(?<![0-9a-f])[0-9a-f]{2}(?=[ -])",
                                                       m.group(1))))
                      for m in re.finditer(r"^\s*[0-9a-f]{4} - (.{48})", block, re.M))
    ems = re.search(r"Extended master secret:\s*yes", text) is not None
    return cipher, master, ticket, ems


def ext(kind, data):
    return struct.pack(">HH", kind, len(data)) + data


def handshake(kind, body):
    return bytes([kind]) + len(body).to_bytes(3, "big") + body


def client_hello(random, suite, ticket, ems):
    exts = ext(35, ticket) + ext(13, b"\x00\x04\x04\x01\x08\x04") + \
        ext(10, b"\x00\x02\x00\x17") + ext(11, b"\x01\x00") + ext(0xff01, b"\x00")
    if ems:
        exts += ext(23, b"")
    body = b"\x03\x03" + random + b"\x00" + struct.pack(">HH", 2, suite) + b"\x01\x00" + \
        struct.pack(">H", len(exts)) + exts
    return handshake(1, body)


class Conn:
    def __init__(self, sock):
        self.sock, self.buf = sock, b""

    def record(self):
        while len(self.buf) < 5 or len(self.buf) < 5 + int.from_bytes(self.buf[3:5], "big"):
            more = self.sock.recv(65536)
            if not more:
                return None, None
            self.buf += more
        n = 5 + int.from_bytes(self.buf[3:5], "big")
        rec, self.buf = self.buf[:n], self.buf[n:]
        return rec[0], rec[5:]

    def send(self, ctype, payload):
        self.sock.sendall(bytes([ctype, 3, 3]) + struct.pack(">H", len(payload)) + payload)


def seal(key, iv, seq, ctype, plain):
    explicit = seq.to_bytes(8, "big")
    aad = explicit + bytes([ctype, 3, 3]) + struct.pack(">H", len(plain))
    return explicit + AESGCM(key).encrypt(iv + explicit, plain, aad)


def open_(key, iv, seq, ctype, frag):
    aad = seq.to_bytes(8, "big") + bytes([ctype, 3, 3]) + struct.pack(">H", len(frag) - 24)
    return AESGCM(key).decrypt(iv + frag[:8], frag[8:], aad)


def fail(why):
    print("FAIL  " + why)
    sys.exit(1)


def server_flight(conn, transcript):
    """ServerHello, then what the server sends until its ChangeCipherSpec:
    the resumed shape has no Certificate.  Returns the server random."""
    server_random = None
    while True:
        ctype, frag = conn.record()
        if ctype == 20:
            return server_random
        if ctype != 22:
            fail(f"record type {ctype} before the server's ChangeCipherSpec")
        transcript.append(frag)
        if frag[0] == 2:
            server_random, sid_len = frag[6:38], frag[38]
            if sid_len != 0:
                fail(f"the ServerHello has a {sid_len}-byte session ID")
        elif frag[0] != 4:
            fail(f"handshake type {frag[0]} after ServerHello: not resumed")


def main():
    host, port, sess_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cipher, master, ticket, ems = session(sess_path)
    suite, key_len = SUITES[cipher]
    conn = Conn(socket.create_connection((host, port), timeout=10))
    client_random = os.urandom(32)
    ch = client_hello(client_random, suite, ticket, ems)
    transcript = [ch]
    conn.send(22, ch)
    server_random = server_flight(conn, transcript)
    kb = prf_sha256(master, b"key expansion", server_random + client_random, 2 * key_len + 8)
    ck, sk = kb[:key_len], kb[key_len:2 * key_len]
    civ, siv = kb[2 * key_len:2 * key_len + 4], kb[2 * key_len + 4:]
    ctype, frag = conn.record()
    fin = open_(sk, siv, 0, 22, frag)
    want = prf_sha256(master, b"server finished", hashlib.sha256(b"".join(transcript)).digest(), 12)
    if fin != handshake(20, want):
        fail("the server's Finished does not verify")
    transcript.append(fin)
    mine = handshake(20, prf_sha256(master, b"client finished",
                                    hashlib.sha256(b"".join(transcript)).digest(), 12))
    conn.send(20, b"\x01")
    conn.send(22, seal(ck, civ, 0, 22, mine))
    conn.send(23, seal(ck, civ, 1, 23, b"GET / HTTP/1.0\r\n\r\n"))
    got, seq = b"", 1
    while True:
        ctype, frag = conn.record()
        if ctype is None:
            break
        plain = open_(sk, siv, seq, ctype, frag)
        seq += 1
        if ctype == 21:
            break
        got += plain
    conn.send(21, seal(ck, civ, 2, 21, b"\x01\x00"))
    conn.sock.close()
    if not re.match(rb"HTTP/1\.[01] 200 ", got):
        fail(f"the server's answer: {got[:40]!r}")
    print(f"resumed, {len(got)} bytes of application data")


if __name__ == "__main__":
    main()
