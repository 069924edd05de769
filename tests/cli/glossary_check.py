#!/usr/bin/env python3
"""One term, one translation (issue 12, item 5).

Reads the glossary of each language (lessons/en/glossary.md: "- **English** ·
**中文**: …"; lessons/zh/glossary.md: "- **中文** · **English**：…") and checks:
- every entry exists in both languages, with the same Chinese term;
- each Chinese term is one the Chinese lessons use, each English term one the
  English lessons use (a glossary of words nobody reads is no help);
- the Chinese lessons never use an alternative the glossary rules out
  ("不写作：“显式随机数”…"): the GCM nonce is not 随机数 (Client/Server
  Random), the transcript is not 握手记录 (记录 is the record), and so on;
- `tlssim --glossary` prints the glossary in each language.
--self-test plants a ruled-out word in a copy of the lessons and expects the
check to fail.
Usage: glossary_check.py PATH/TO/tlssim LESSONS_DIR [--self-test]"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ENTRY = re.compile(r"^- \*\*([^*]+)\*\* · \*\*([^*]+)\*\*")
AVOID = re.compile(r"不写作：((?:“[^”]+”(?:、)?)+)")


def entries(path):
    """[(first, second, text of the item)] of the glossary's list items."""
    items, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ENTRY.match(line)
            if m:
                cur = [m.group(1), m.group(2), line.strip()]
                items.append(cur)
            elif cur and line.startswith("  ") and line.strip():
                cur[2] += line.strip()
            else:
                cur = None
    return items


def lesson_texts(folder):
    """{file: text} of every lesson but the glossary."""
    out = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md") and name != "glossary.md":
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out[name] = f.read()
    return out


def check(tlssim, lessons):
    bad = []
    en = {e: (z, t) for e, z, t in entries(os.path.join(lessons, "en", "glossary.md"))}
    zh = {e: (z, t) for z, e, t in entries(os.path.join(lessons, "zh", "glossary.md"))}
    if len(en) < 40:
        bad.append("en glossary: only %d entries" % len(en))
    for term in sorted(set(en) | set(zh)):
        if term not in zh:
            bad.append("'%s' is in the English glossary only" % term)
        elif term not in en:
            bad.append("'%s' is in the Chinese glossary only" % term)
        elif en[term][0] != zh[term][0]:
            bad.append("'%s': English glossary says %s, Chinese says %s"
                       % (term, en[term][0], zh[term][0]))
    en_text = "\n".join(lesson_texts(os.path.join(lessons, "en")).values()).lower()
    zh_lessons = lesson_texts(os.path.join(lessons, "zh"))
    zh_text = "\n".join(zh_lessons.values())
    avoided = 0
    for term, (zterm, item) in sorted(zh.items()):
        if re.sub(r"\s+", " ", term.lower()) not in re.sub(r"\s+", " ", en_text):
            bad.append("no English lesson uses '%s'" % term)
        if zterm not in zh_text:
            bad.append("no Chinese lesson uses '%s' (%s)" % (zterm, term))
        m = AVOID.search(item)
        for word in re.findall(r"“([^”]+)”", m.group(1)) if m else []:
            avoided += 1
            for name, text in zh_lessons.items():
                for line_no, line in enumerate(text.splitlines(), 1):
                    if word in line:
                        bad.append("zh/%s:%d: '%s' where the glossary says %s (%s)"
                                   % (name, line_no, word, zterm, term))
    for need in ("随机数（nonce）", "握手记录", "抓包记录"):
        if not any(need in item for _, item in zh.values()):
            bad.append("the glossary no longer rules out '%s'" % need)
    for lang, table, col in (("en", en, 0), ("zh", zh, 1)):
        out = subprocess.run([tlssim, "--glossary", "--lang", lang, "--lessons", lessons],
                             capture_output=True, text=True)
        if out.returncode != 0:
            bad.append("tlssim --glossary --lang %s: exit %d %s"
                       % (lang, out.returncode, out.stderr.strip()))
            continue
        for term, (zterm, _) in table.items():
            if (term if col == 0 else zterm) not in out.stdout:
                bad.append("tlssim --glossary --lang %s does not show '%s'" % (lang, term))
    return bad, avoided


def self_test(tlssim, lessons):
    """A planted ruled-out word must be caught."""
    tmp = tempfile.mkdtemp(prefix="tlssim-glossary-")
    try:
        copy = os.path.join(tmp, "lessons")
        shutil.copytree(lessons, copy)
        with open(os.path.join(copy, "zh", "client-finished.md"), "a", encoding="utf-8") as f:
            f.write("\n每条记录的显式随机数。\n")
        bad, _ = check(tlssim, copy)
        caught = any("显式随机数" in b for b in bad)
        print("self-test: %s" % ("caught the planted word" if caught else "MISSED it"))
        return 0 if caught else 1
    finally:
        shutil.rmtree(tmp)


def main():
    tlssim, lessons = sys.argv[1], sys.argv[2]
    if "--self-test" in sys.argv:
        return self_test(tlssim, lessons)
    bad, avoided = check(tlssim, lessons)
    for b in bad:
        print("FAIL: " + b)
    print("glossary: %d ruled-out words checked, %d problems" % (avoided, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
