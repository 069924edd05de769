#!/usr/bin/env python3
"""The HTML handout (--html) rendered by a real browser: Debian's chromium,
headless, --dump-dom.  Usage: test_html_browser.py TLSSIM [CHROMIUM]

For seeded runs (ECDHE, RSA, a tampered one that fails; English and
Chinese) the page written beside --json must, once the browser has parsed
it, hold:
- the ladder: an <svg> with one arrow per message of the run's flow, in the
  flow's order, each labelled with its name and the bytes its sender put on
  the wire (from the JSON records), protected records marked, the key
  derivation band, and the failure where the run failed;
- per step, every value of the JSON's step for its party, byte for byte;
- the page's own headings in the chosen language, the lesson in it;
and pass html_check (a strict structural check).  Exits 77 (skipped) only
when chromium is not installed.  Every browser run is bounded (timeout).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_check  # noqa: E402

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
failures = 0


def expect(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


class Dom(HTMLParser):
    """What the test reads back from the browser's DOM."""

    def __init__(self):
        super().__init__()
        self.stack = []          # (tag, attrs) of open elements
        self.arrows = []         # (data-message, text, classes) of the ladder
        self.values = {}         # (step, party, value) -> hex
        self.text = []
        self.svg = 0
        self.keys_band = self.failed_mark = False
        self.lang = None
        self.hex = None
        self.heading = ""        # the last h4's text
        self.dumps = []          # (section id, last h4, text) of each hex dump
        self.dump = None

    def attr(self, name, tag=None):
        for t, a in reversed(self.stack):
            if name in a and (tag is None or t == tag):
                return a[name]
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("meta", "br"):
            return
        self.stack.append((tag, a))
        cls = a.get("class", "")
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "svg":
            self.svg += 1
        if tag == "g" and "msg" in cls.split():
            self.arrows.append([a.get("data-message"), "", cls])
        if tag == "g" and cls == "keys":
            self.keys_band = True
        if tag == "g" and cls == "failed":
            self.failed_mark = True
        if tag == "span" and cls == "hex":
            self.hex = ""
        if tag == "h4":
            self.heading = ""
        if tag == "pre" and cls == "dump":
            self.dump = ""

    def handle_endtag(self, tag):
        while self.stack:
            t, a = self.stack.pop()
            if t == "pre" and a.get("class") == "dump" and self.dump is not None:
                self.dumps.append((self.attr("id", "section"), self.heading, self.dump))
                self.dump = None
            if t == "span" and a.get("class") == "hex" and self.hex is not None:
                section = self.attr("id", "section") or ""
                step = int(section[5:]) if section.startswith("step-") else None
                key = (step, self.attr("data-party", "tr"), self.attr("data-value", "tr"))
                self.values[key] = self.hex
                self.hex = None
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if self.hex is not None:
            self.hex += data
        if self.dump is not None:
            self.dump += data
        if self.stack and self.stack[-1][0] == "h4":
            self.heading += data
        if self.stack and self.stack[-1][0] == "text" and self.arrows and \
                any(t == "g" and "msg" in a.get("class", "") for t, a in self.stack):
            self.arrows[-1][1] += data


def dump_dom(browser, path, profile):
    out = subprocess.run([browser] + BROWSER_FLAGS + ["--user-data-dir=" + profile,
                         "--dump-dom", "file://" + path],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=120)
    return out.stdout.decode("utf-8")


def sent_bytes(step):
    """Bytes the step's sender put on the wire, as the JSON records say."""
    return sum(len(r["hex"]) // 2 for r in step["records"]
               if r["direction"].startswith(step["sender"]))


def dump_bytes(text):
    """The bytes of an html_hexdump: each line is an offset, 16 hex pairs
    (a space more after the eighth), then |ASCII|."""
    return bytes.fromhex("".join(line[6:6 + 49] for line in text.splitlines()))


def check_run(tlssim, browser, tmp, args, lang, capture=None):
    """A run's --json and --html (capture: ["open", FILE], that walkthrough
    instead of a simulated run), the page as chromium parsed it checked
    against the JSON; the JSON and the DOM."""
    name = "%s %s" % (" ".join((capture or []) + args), lang)
    page = os.path.join(tmp, "page.html")
    run = subprocess.run([tlssim] + (capture or []) + ["--json", "--lang", lang, "--html", page] +
                         args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    doc = json.loads(run.stdout)
    expect(os.path.exists(page), name + ": --html wrote the page")
    with open(page, encoding="utf-8") as f:
        problems = html_check.check(f.read())
    expect(not problems, name + ": valid HTML " + "; ".join(problems[:5]))
    dom = Dom()
    dom.feed(dump_dom(browser, page, os.path.join(tmp, "profile-" + lang)))
    text = "".join(dom.text)
    expect(dom.lang == ("zh-CN" if lang == "zh" else "en"), name + ": <html lang>")
    expect(dom.svg == 1, name + ": one SVG ladder")
    reached = [s for s in doc["steps"] if s["reached"]]
    flow = [s["message"] for s in reached]
    arrows = [a for a in dom.arrows if a[0] in flow or a[2] == "msg skipped"]
    expect([a[0] for a in arrows][:len(flow)] == flow,
           name + ": the ladder's arrows are the flow %s: %s" % (flow, [a[0] for a in arrows]))
    for s, a in zip(reached, arrows):
        if s["skipped"]:
            expect("skipped" in a[2], name + ": step %d drawn skipped" % s["step"])
            continue
        expect(str(sent_bytes(s)) in a[1],
               name + ": step %d arrow says %d bytes: %r" % (s["step"], sent_bytes(s), a[1]))
        protected = any(r["protected"] for r in s["records"]
                        if r["direction"].startswith(s["sender"]))
        expect(("prot" in a[2].split()) == protected, name + ": step %d protection" % s["step"])
    after = [r for r in doc["after_handshake"]["records"]] if doc.get("after_handshake") else []
    expect(len(dom.arrows) == len(arrows) + len(after),
           name + ": one arrow per record after the handshake")
    ok = doc["result"]["ok"]
    # Keys are derived after ClientKeyExchange; in an abbreviated handshake
    # (resumed: no ClientKeyExchange), after ServerHello.
    kd = [s["step"] for s in reached if s["message"] == "ClientKeyExchange"] or \
        [s["step"] for s in reached if s["message"] == "ServerHello" and
         "Certificate" not in flow]
    band = bool(kd) and (ok or doc["result"]["failed_step"] != kd[0])
    expect(dom.keys_band == band, name + ": the key derivation is drawn after " +
           ("ClientKeyExchange" if "Certificate" in flow else "ServerHello"))
    expect(dom.failed_mark == (not ok), name + ": a failure is marked iff the run failed")
    n = 0
    for s in reached:
        for v in s["values"]:
            got = dom.values.get((s["step"], v["party"], v["name"]))
            expect(got == v["hex"], name + ": step %d %s's %s on the page equals --json" %
                   (s["step"], v["party"], v["name"]))
            n += 1
    expect(n >= 10, name + ": the page was checked against %d values" % n)
    for s in reached:
        expect(s["message"] in text, name + ": " + s["message"] + " on the page")
    if capture:  # its headings say what a capture proves: capture_page.py checks them
        return doc, dom
    if lang == "zh":
        expect("谁知道什么" in text and "窃听者看到的内容" in text, name + ": Chinese headings")
        expect("握手" in text, name + ": the Chinese lesson")
    else:
        expect("Who knows what by now" in text and "What an eavesdropper sees" in text,
               name + ": English headings")
    return doc, dom


def main():
    tlssim = sys.argv[1]
    browser = sys.argv[2] if len(sys.argv) > 2 else shutil.which("chromium")
    if not browser or not os.path.exists(browser):
        print("chromium not found: skipped")
        return 77
    with tempfile.TemporaryDirectory(prefix="tlssim-html-") as tmp:
        for lang in ("en", "zh"):
            check_run(tlssim, browser, tmp, ["--seed", "7"], lang)
            check_run(tlssim, browser, tmp, ["--seed", "3", "--kx", "rsa"], lang)
        doc, _ = check_run(tlssim, browser, tmp, ["--seed", "5", "--tamper", "5:9"], "en")
        expect(not doc["result"]["ok"], "the tampered run fails")
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
