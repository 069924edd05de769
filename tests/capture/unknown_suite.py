#!/usr/bin/env python3
"""tlssim open on a capture of real peers (capture_peers.sh) whose one
connection negotiated a suite tlssim does not implement: --list, --text
and --json show the suite by number (and by name when it has one), every
handshake message in the clear is dissected, nothing is decrypted, one line
says why, and the exit status is the documented one (tlssim open --help:
0 followed, 1 a connection that cannot be followed: --list --keys).

tlssim, not knowing the suite, follows the ECDHE flow until the messages
say otherwise: an RSA key exchange's ServerHelloDone right after the
Certificate (capture_peers.sh's case 11 asserts that walkthrough), or a
ServerKeyExchange whose parameters are ServerDHParams (KX dhe): then the
walk follows the DHE flow, dissects p, g and Ys as tshark -V reads them, and
the eavesdropper sees both DHE public values.

Usage: unknown_suite.py TLSSIM PCAP KEYLOG PORT SUITE_ID NAME [KX]
  SUITE_ID the suite in hex (c027), NAME its IANA name or - (none known to
  tlssim), KX ecdhe (the default) or dhe: the key exchange the peers used.
Prints one line per check; exit 1 when one fails.
"""
import json
import re
import subprocess
import sys

TLSSIM, PCAP, KEYLOG, PORT, SUITE, NAME = sys.argv[1:7]
NAME = None if NAME == "-" else NAME
KX = sys.argv[7] if len(sys.argv) > 7 else "ecdhe"
# What step 4 teaches in each flow (its sentence as open --json gives it).
SKE_TEACHES = {
    "ecdhe": "The server sends its ephemeral (EC)DHE public key, signed with its certificate's "
             "private key.",
    "dhe": "The server sends a finite-field group (p, g) and its ephemeral DH public value, "
           "signed with its certificate's private key."}
FAILS = []
CHECKS = []
STEPS = ["ClientHello", "ServerHello", "Certificate", "ServerKeyExchange", "ServerHelloDone",
         "ClientKeyExchange", "ChangeCipherSpec", "Finished", "ChangeCipherSpec", "Finished"]
TITLES = ["ClientHello (client → server)", "ServerHello (server → client)",
          "Certificate (server → client)", "ServerKeyExchange (server → client)",
          "ServerHelloDone (server → client)", "ClientKeyExchange (client → server)",
          "client ChangeCipherSpec (client → server)", "client Finished (client → server)",
          "server ChangeCipherSpec (server → client)", "server Finished (server → client)"]
# What only the keys would give.
SECRETS = {"pre_master_secret", "master_secret", "key_block", "client_write_mac_key",
           "server_write_mac_key", "client_write_key", "server_write_key", "client_write_iv",
           "server_write_iv", "client_verify_data", "server_verify_data"}
SUITE_NOTE = f"suite 0x{SUITE} is not one tlssim implements: its records are shown, not decrypted"
KEYS_NOTE = ("the key material given is no use here: tlssim cannot derive the keys of a suite "
             "it does not implement; what follows is the eavesdropper's view")
NO_KEYS_NOTE = ("no key log and no server key: this is the eavesdropper's view (--keys KEYLOG, "
                "or --server-key PEM for the RSA key exchange, decrypts it)")


def check(what, ok):
    CHECKS.append(what)
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILS.append(what)


def tlssim(*args):
    return subprocess.run([TLSSIM, "open", PCAP] + list(args), capture_output=True, text=True,
                          timeout=60)


def listing():
    line = (r"#1  127\.0\.0\.1:\d+ -> 127\.0\.0\.1:" + PORT +
            rf"  capture\.test  TLS 1\.2  0x{SUITE}" + (rf" \({NAME}\)" if NAME else "") +
            r"  records \d+/\d+  full handshake")
    r = tlssim("--list")
    conns = [x for x in r.stdout.splitlines() if x.startswith("#")]
    check(f"--list: exit 0, nothing on stderr ({r.returncode}: {r.stderr.strip()})",
          r.returncode == 0 and r.stderr == "")
    check(f"--list: one connection, the suite by number ({conns})",
          len(conns) == 1 and re.fullmatch(line, conns[0]) is not None)
    r = tlssim("--list", "--keys", KEYLOG)
    conns = [x for x in r.stdout.splitlines() if x.startswith("#")]
    check(f"--list --keys: exit 1 ({r.returncode})", r.returncode == 1)
    check(f"--list --keys: not decrypted, said on its line ({conns})",
          len(conns) == 1 and
          re.fullmatch(line + "  suite not implemented by tlssim: not decrypted", conns[0]) is not None)
    want = (f"tlssim: connection #1 uses suite 0x{SUITE} ({NAME or 'unknown'}), which tlssim does "
            "not implement: it cannot be decrypted\n")
    check(f"--list --keys: the one line on stderr ({r.stderr.strip()})", r.stderr == want)


def text():
    r = tlssim("--keys", KEYLOG, "--text", "--no-lessons")
    lines = r.stdout.splitlines()
    check(f"--text: exit 0, nothing on stderr ({r.returncode}: {r.stderr.strip()})",
          r.returncode == 0 and r.stderr == "")
    check(f"--text: the header names the suite and why nothing is decrypted ({lines[2:5]})",
          lines[0] == "tlssim: a captured TLS 1.2 connection, step by step" and
          lines[2] == f"Negotiated 0x{SUITE} ({NAME or 'unknown'}), a suite tlssim does not "
                      "implement: its records are shown, not decrypted." and
          lines[3] == "Server name: capture.test" and
          lines[4] == "No key material opens this connection: the eavesdropper's view.")
    steps = [x for x in lines if x.startswith("=== Step ")]
    want = [f"=== Step {i}/{len(TITLES)}: {t} ===" for i, t in enumerate(TITLES, 1)]
    check(f"--text: every step of the flow, in order ({len(steps)} steps)", steps == want)
    notes = [x for x in lines if x.startswith("  * ")]
    check("--text: the suite's note at ServerHello, the key material's at ClientKeyExchange",
          "  * wire: " + SUITE_NOTE in notes and "  * wire: " + KEYS_NOTE in notes and
          lines.index(want[1]) < lines.index("  * wire: " + SUITE_NOTE) < lines.index(want[2]) and
          lines.index(want[5]) < lines.index("  * wire: " + KEYS_NOTE) < lines.index(want[6]))
    check("--text: the ServerHello's cipher_suite dissected, with its name",
          any(re.fullmatch(rf"  @\d+ +\+2 +cipher_suite +0x{SUITE} \({int(SUITE, 16)}\)" +
                           rf" \[{NAME or 'unknown'}\]", x) for x in lines))


def walk_json(keys):
    r = tlssim(*(["--keys", KEYLOG] if keys else []), "--json")
    label = "--json" + (" --keys" if keys else "")
    check(f"{label}: exit 0, nothing on stderr ({r.returncode}: {r.stderr.strip()})",
          r.returncode == 0 and r.stderr == "")
    doc = json.loads(r.stdout)
    c = doc["config"]
    check(f"{label}: config names the suite, guesses nothing else ({json.dumps(c)[:120]})",
          c["suite"] == NAME and c["suite_id"] == SUITE and c["kx"] is None and
          c["server_cert"] is None and c["group"] is None and c["capture"]["suite_id"] == SUITE)
    check(f"{label}: secrets {c['capture']['secrets']}",
          c["capture"]["secrets"] == ("suite_not_implemented" if keys else "none"))
    check(f"{label}: result ok, no check", doc["result"]["ok"] and
          not any(s["checks"] for s in doc["steps"]))
    check(f"{label}: the flow's steps", [s["message"] for s in doc["steps"]] == STEPS)
    clear = [m for s in doc["steps"] for m in s["messages"]]
    check(f"{label}: every message in the clear dissected ({[m['name'] for m in clear]})",
          [m["name"] for m in clear] == [n for n in STEPS if n != "Finished"] and
          all(m["fields"] and not m["protected"] for m in clear))
    names = {v["name"] for s in doc["steps"] for v in s["values"]}
    check(f"{label}: no secret, no verify_data ({sorted(names & SECRETS)})", not names & SECRETS)
    after = doc["after_handshake"] or {}
    records = [r for s in doc["steps"] for r in s["records"]] + after.get("records", [])
    protected = [r for r in records if r["protected"]]
    check(f"{label}: nothing decrypted ({len(protected)} protected records, "
          f"{len(after.get('records', []))} after the handshake)",
          len(protected) >= 4 and all(r["plaintext_hex"] is None for r in protected) and
          not any(m["name"] == "ApplicationData" for m in after.get("messages", [])))
    notes = [[n["text"] for n in s["notes"]] for s in doc["steps"]]
    check(f"{label}: the suite's note at ServerHello, the key material's at ClientKeyExchange",
          notes[1] == [SUITE_NOTE] and notes[5] == [KEYS_NOTE if keys else NO_KEYS_NOTE])


def tshark_dh():
    """p, g and Ys of the capture's ServerKeyExchange, as tshark reads them."""
    r = subprocess.run(["tshark", "-n", "-r", PCAP, "-d", f"tcp.port=={PORT},tls", "-Y",
                        "tls.handshake.type == 12", "-T", "fields", "-e", "tls.handshake.p",
                        "-e", "tls.handshake.g", "-e", "tls.handshake.ys"],
                       capture_output=True, text=True, timeout=60)
    return [x.replace(":", "") for x in r.stdout.strip().split("\t")]


def field_hex(msg, name):
    f = next((f for f in msg["fields"] if f["name"] == name), None)
    return msg["hex"][2 * f["offset"]:2 * (f["offset"] + f["length"])] if f else None


def key_exchange():
    """The step bar is KX's flow; with DHE, p, g and Ys dissected as tshark
    reads them, the eavesdropper's values those of the wire."""
    doc = json.loads(tlssim("--json").stdout)
    ske = doc["steps"][3]
    check(f"--json: step 4 teaches {KX.upper()}'s ServerKeyExchange ({ske['teaches']})",
          ske["teaches"] == SKE_TEACHES[KX])
    msg = ske["messages"][0]
    names = [f["name"] for f in msg["fields"]]
    wire = {v["name"]: v["hex"] for s in doc["steps"] for v in s["values"] if v["party"] == "wire"}
    if KX == "ecdhe":
        check("--json: ServerECDHParams dissected", "named_curve" in names and "dh_p" not in names)
        check("--json: the eavesdropper sees both ECDHE public keys",
              "server_ecdhe_public" in wire and "client_ecdhe_public" in wire)
        return
    p, g, ys = tshark_dh()
    got = [field_hex(msg, n) for n in ("dh_p", "dh_g", "dh_Ys")]
    check(f"--json: dh_p ({len(p) // 2} bytes), dh_g ({g}), dh_Ys ({len(ys) // 2} bytes) "
          "as tshark -V reads them", got == [p, g, ys] and len(p) >= 128)
    check("--json: no ECDH field", "named_curve" not in names and "curve_type" not in names)
    cke = doc["steps"][5]["messages"][0]
    check(f"--json: the eavesdropper sees Ys and the client's Yc ({sorted(wire)})",
          wire.get("server_dhe_public") == ys and
          wire.get("client_dhe_public") == field_hex(cke, "dh_Yc") and
          "server_ecdhe_public" not in wire and "client_ecdhe_public" not in wire)
    r = tlssim("--text", "--no-lessons")
    lines = r.stdout.splitlines()
    check("--text: the 2048-bit prime, g and Ys dissected",
          any(re.fullmatch(r"  @\d+ +\+\d+ +dh_p +[0-9a-f]{32}… \(\d+ bytes\) \[\d+-bit prime\]", x)
              for x in lines) and
          any(re.fullmatch(rf"  @\d+ +\+{len(g) // 2} +dh_g +{g}", x) for x in lines))


def main():
    listing()
    text()
    walk_json(True)
    walk_json(False)
    key_exchange()
    print(f"{len(CHECKS)} checks, {len(FAILS)} failed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
