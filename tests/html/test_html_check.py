#!/usr/bin/env python3
"""The HTML handout without a browser.  Usage: test_html_check.py TLSSIM LESSONS_DIR

1. html_check can fail: it rejects pages broken in each way it checks.
2. Pages of several runs (ECDHE, RSA, x25519, a failure, no lessons, zh)
   pass it.
3. A teacher's lessons folder with markup, quotes, ampersands and a
   placeholder in a title and a body: the page shows them as text (escaped),
   never as markup, and stays valid.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_check  # noqa: E402

failures = 0
GOOD = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>'
        '<style>p{}</style>\n</head>\n<body>\n%s\n</body>\n</html>\n')
BAD = {
    "unclosed element": "<div><p>x</p>",
    "misnested": "<p><em>x</p></em>",
    "block in a paragraph": "<p><div>x</div></p>",
    "raw ampersand": "<p>a & b</p>",
    "raw less-than": "<p>a < b</p>",
    "script": "<script>alert(1)</script>",
    "external style": '<p style="background:url(http://x/y.png)">x</p><style>@import "x.css";</style>',
    "remote image": '<img src="http://example.com/a.png">',
    "unquoted attribute": "<p class=x>x</p>",
    "duplicate id": '<p id="a">x</p><p id="a">y</p>',
    "li outside a list": "<li>x</li>",
    "self-closing html element": "<div/>",
    "control character": "<p>a\x01b</p>",
}


def expect(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def page(tlssim, args):
    with tempfile.TemporaryDirectory(prefix="tlssim-html-") as tmp:
        path = os.path.join(tmp, "p.html")
        run = subprocess.run([tlssim, "--text", "--html", path] + args, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, timeout=60)
        expect(("HTML handout written to " + path) in run.stderr.decode() or "--lang" in args,
               "%s: stderr says where the page went" % args)
        with open(path, encoding="utf-8") as f:
            return f.read()


def hostile_lessons(src, dst):
    shutil.copytree(src, dst)
    en = os.path.join(dst, "en")
    intro = os.path.join(en, next(n for n in sorted(os.listdir(en)) if "introduction" in n))
    with open(intro, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("title: ", 'title: <script>alert("t")</script> & ', 1)
    text += '\n\nEvil <b onclick="x">bold</b> & `<code>` "quotes" \'single\' {{client_random}}\n'
    with open(intro, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    tlssim, lessons = sys.argv[1], sys.argv[2]
    expect(not html_check.check(GOOD % "<p>ok</p>"), "the minimal page passes")
    for what, body in BAD.items():
        expect(html_check.check(GOOD % body), "html_check rejects: " + what)
    for args in (["--seed", "7"], ["--seed", "3", "--kx", "rsa"],
                 ["--seed", "9", "--group", "x25519"], ["--seed", "5", "--tamper", "5:9"],
                 ["--seed", "2", "--no-lessons"], ["--seed", "7", "--lang", "zh"]):
        problems = html_check.check(page(tlssim, args))
        expect(not problems, "%s: valid HTML %s" % (args, problems[:5]))
    with tempfile.TemporaryDirectory(prefix="tlssim-lessons-") as tmp:
        folder = os.path.join(tmp, "lessons")
        hostile_lessons(lessons, folder)
        text = page(tlssim, ["--seed", "7", "--lessons", folder])
        problems = html_check.check(text)
        expect(not problems, "hostile lessons: valid HTML %s" % problems[:5])
        expect("<script" not in text and "<b onclick" not in text,
               "hostile lessons: no markup from the lesson reaches the page")
        expect("&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp;" in text,
               "hostile lessons: the title shown as text")
        expect("&lt;b onclick=&quot;x&quot;&gt;" in text and "&#39;single&#39;" in text,
               "hostile lessons: the body shown as text")
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
