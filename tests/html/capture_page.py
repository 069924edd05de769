#!/usr/bin/env python3
"""tlssim open CAPTURE --keys KEYLOG --html FILE on a capture of real peers
(capture_peers.sh), rendered by headless chromium, in English and Chinese.

test_html_browser.check_run holds the page to what it holds a simulated
run's to: valid HTML, one SVG ladder whose arrows are the connection's flow
with each message's size and protection, the key derivation band, every
value of every step equal to open --json's, every message named.  Here,
besides: the master secret and both verify_data are among those values;
the application data both ways (the hex dumps of the ApplicationData after
the handshake) equals --json's, byte for byte; the headings are in the
chosen language.

Usage: capture_page.py TLSSIM PCAP KEYLOG CONN...
Exits 77 (skipped) only when chromium is not installed.
"""
import os
import shutil
import sys
import tempfile

import test_html_browser as hb

HEADINGS = {"en": ["What an eavesdropper sees", "After the handshake"],
            "zh": ["窃听者看到的内容", "握手之后"]}
# The summary of a capture opened with its key log: the secrets were computed
# here once (as the text summary says), no side said equal to the other.
COMPUTED = {"en": ("Computed here from the capture and the key material (never sent; the "
                   "verified Finished messages prove that both sides hold them):",
                   ("client", "server")),
            "zh": ("这里由抓包和密钥材料算出（从未发送；验证通过的 Finished 消息证明双方都持有它们）：",
                   ("客户端", "服务器"))}


def app_data(doc):
    after = doc.get("after_handshake") or {}
    return [(m["sender"], bytes.fromhex(m["hex"])) for m in after.get("messages", [])
            if m["name"] == "ApplicationData"]


def check_conn(tlssim, browser, tmp, pcap, keylog, conn, lang):
    name = "#%d %s" % (conn, lang)
    doc, dom = hb.check_run(tlssim, browser, tmp, ["--conn", str(conn), "--keys", keylog], lang,
                            capture=["open", pcap])
    hb.expect(doc["result"]["ok"] and doc["config"]["capture"]["secrets"] == "key_log",
              name + ": followed with the key log, both Finished verified")
    for value in ("master_secret", "client_verify_data", "server_verify_data"):
        want = [(s["step"], v["hex"]) for s in doc["steps"] for v in s["values"]
                if v["name"] == value and v["party"] == "client"]
        hb.expect(len(want) == 1 and dom.values.get((want[0][0], "client", value)) == want[0][1],
                  name + ": %s on the page equals --json's (%s)" % (value, want))
    sent = app_data(doc)
    shown = [hb.dump_bytes(d) for section, heading, d in dom.dumps
             if section == "after" and heading.startswith("ApplicationData")]
    hb.expect(len(sent) >= 2 and {who for who, _ in sent} == {"client", "server"},
              name + ": application data both ways in --json (%d messages)" % len(sent))
    hb.expect(shown == [data for _, data in sent],
              name + ": the application data on the page equals --json's (%s bytes)" %
              [len(d) for d in shown])
    text = "".join(dom.text)
    for heading in HEADINGS[lang]:
        hb.expect(heading in text, name + ": the heading " + heading)
    said, sides = COMPUTED[lang]
    master = [v["hex"] for s in doc["steps"] for v in s["values"] if v["name"] == "master_secret"]
    hb.expect(said in text and master and master[-1] in text[text.find(said):],
              name + ": the summary lists the secrets computed here, the master secret among them")
    hb.expect(not any(op + side in text for op in ("= ", "≠ ") for side in sides),
              name + ": no side said equal to the other")


def main():
    tlssim, pcap, keylog = sys.argv[1:4]
    browser = shutil.which("chromium")
    if not browser:
        print("chromium not found: skipped")
        return 77
    with tempfile.TemporaryDirectory(prefix="tlssim-html-capture-") as tmp:
        for conn in sys.argv[4:]:
            for lang in ("en", "zh"):
                check_conn(tlssim, browser, tmp, os.path.abspath(pcap), keylog, int(conn), lang)
    print("%d failure(s)" % hb.failures)
    return 1 if hb.failures else 0


if __name__ == "__main__":
    sys.exit(main())
