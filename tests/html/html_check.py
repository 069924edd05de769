#!/usr/bin/env python3
"""A strict structural check of tlssim's HTML handout, no network.

check(text) returns a list of problems (empty: valid); run as a script on
files it prints them and exits 1 if any.  What it holds the page to:
- <!DOCTYPE html> first; <html lang>, <head> with <meta charset="utf-8">
  first, one <title>, <style>; <body>;
- every element known (HTML or the SVG we draw), closed in order, void
  elements never closed, self-closing syntax only inside <svg>;
- content models we rely on: no block inside <p>/<h1-6>/<span>/<code>;
  <li> only in <ul>, <tr> only in <table>, <td>/<th> only in <tr>;
- every attribute quoted (html.parser would accept a bare one: the raw tag
  is checked), ids unique;
- text and attributes escaped: no raw '<' or '&' that is not a character
  reference, no control characters;
- self-contained: no <script>, <link>, <iframe>, <img>, no src=, no href=
  or url() leaving the page, no @import.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}
BLOCK = {"div", "p", "table", "ul", "ol", "li", "pre", "section", "header", "figure",
         "h1", "h2", "h3", "h4", "h5", "h6", "svg", "tr", "td", "th"}
HTML_TAGS = {"html", "head", "body", "meta", "title", "style", "header", "section", "figure",
             "figcaption", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td",
             "th", "ul", "li", "pre", "code", "em", "strong", "span", "br", "svg"}
SVG_TAGS = {"svg", "g", "line", "text", "rect", "path", "defs", "marker", "title"}
FORBIDDEN = {"script", "link", "iframe", "img", "object", "embed", "base", "form"}
PHRASING_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "code", "em", "strong",
                 "figcaption", "title"}
PARENT = {"li": {"ul", "ol"}, "tr": {"table"}, "td": {"tr"}, "th": {"tr"}}
CHARREF = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
QUOTED_ATTRS = re.compile(r"""^<[a-zA-Z][a-zA-Z0-9-]*(\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*="[^"]*")*\s*/?>$""")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack, self.problems, self.ids = [], [], set()
        self.seen = []
        self.doctype = None
        self.first = True

    def bad(self, msg):
        line, col = self.getpos()
        self.problems.append(f"{line}:{col}: {msg}")

    def handle_decl(self, decl):
        if not self.first:
            self.bad("doctype not first")
        self.doctype = decl
        self.first = False

    def in_svg(self):
        return "svg" in self.stack

    def start(self, tag, attrs, closed):
        self.first = False
        raw = self.get_starttag_text() or ""
        if not QUOTED_ATTRS.match(raw.replace("\n", " ")):
            self.bad(f"attributes not all double-quoted: {raw[:80]!r}")
        known = SVG_TAGS if self.in_svg() else HTML_TAGS
        if tag in FORBIDDEN or tag not in known:
            self.bad(f"element <{tag}> not allowed here")
        if closed and not self.in_svg() and tag != "svg":
            self.bad(f"self-closing <{tag}/> outside SVG")
        parent = self.stack[-1] if self.stack else None
        if tag in PARENT and parent not in PARENT[tag]:
            self.bad(f"<{tag}> inside <{parent}>")
        if tag in BLOCK and any(p in PHRASING_ONLY for p in self.stack) and not self.in_svg():
            self.bad(f"block <{tag}> inside phrasing content {self.stack[-3:]}")
        for name, value in attrs:
            value = value or ""
            if name == "src" or (name == "href" and not value.startswith("#")):
                self.bad(f"{name}={value!r}: the page must be self-contained")
            if name == "id":
                if value in self.ids:
                    self.bad(f"duplicate id {value!r}")
                self.ids.add(value)
            if CONTROL.search(value):
                self.bad("control character in an attribute")
        self.seen.append(tag)
        if not closed and tag not in VOID:
            self.stack.append(tag)

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.bad(f"void element </{tag}> closed")
            return
        if not self.stack or self.stack[-1] != tag:
            self.bad(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.first = False
        if "<" in data or "&" in data:
            self.bad(f"unescaped markup character in {data[:40]!r}")
        if CONTROL.search(data):
            self.bad("control character in text")
        if self.stack and self.stack[-1] == "style":
            if re.search(r"@import|url\((?!#)", data):
                self.bad("the style sheet fetches something")

    def handle_entityref(self, name):
        if name not in {"amp", "lt", "gt", "quot", "apos", "nbsp"}:
            self.bad(f"unknown entity &{name};")

    def handle_charref(self, name):
        pass


def check(text):
    c = Checker()
    c.feed(text)
    c.close()
    p = c.problems
    if not c.doctype or c.doctype.lower() != "doctype html":
        p.append("missing <!DOCTYPE html>")
    if c.stack:
        p.append(f"unclosed at the end: {c.stack}")
    order = [t for t in c.seen if t in ("html", "head", "meta", "title", "style", "body")]
    if order[:3] != ["html", "head", "meta"] or "body" not in order:
        p.append(f"document outline wrong: {order[:6]}")
    if c.seen.count("title") < 1 or not re.search(r'<html lang="[a-zA-Z-]+">', text):
        p.append("no <title> or no <html lang>")
    if '<meta charset="utf-8">' not in text:
        p.append('no <meta charset="utf-8">')
    return p


def main():
    bad = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            problems = check(f.read())
        for msg in problems[:50]:
            print(f"{path}:{msg}")
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
