"""What "an untranslated English sentence" means for the zh interface test.

A line of Chinese output is judged after setting aside what legitimately
stays English (issue 12: protocol, value and alert names, hex, and data):
- hex dump lines ("0040  20 2d ...  | ascii|") and data lines ("| GET / ...");
- quoted matter: "...", “...”, `...`, '...' (PRF labels such as "master
  secret", the peer's own bytes, a user's argument echoed in an error);
- a formula's arguments: the parenthesised text right after a name, as in
  PRF(master_secret, label, Hash(handshake messages));
- a gloss: an ASCII term in parentheses right after Chinese, 记录（record）;
- the command words of a usage line (tlssim open, tlssim lessons check);
- the run's HTTP headers (Connection: close), even wrapped across lines;
- a distinguished name from a certificate (CN=tlssim demo client (...)),
  up to the Chinese punctuation that ends it.
- a quote whose partner wrapped to another row of a TUI pane: that pane's
  part of the row (a TUI row is judged pane by pane, between box borders).
Then a token is a *plain English word* when it is letters only, lower case
after an optional capital (so ClientHello, TLS, AES-GCM, client_random,
secp256r1, www.example.test are names, not words), and not only the hex
letters a-f (hex bytes in a TUI pane).  Chinese text between two words
breaks a run.  A line is flagged when

  (a) it holds a run of three or more plain English words, not all of
      them capitalised (Wireshark's "Encrypted Handshake Message" is a
      label), or
  (b) it holds, as whole words, the English of a catalogue entry that has a
      Chinese translation: a phrase of two or more plain words between the
      placeholders of a translated msgid (so "Client knows" is caught), or a
      translated msgid that is one plain word ("server", "quit").

The allowlist is derived from po/zh_CN.po, not typed: a one-word msgid
whose msgstr is itself is a name (Finished, Certificate); a phrase a
translation keeps is a name (the option values of --help); what a msgid
quotes is a protocol constant ("master secret", "key expansion") and may
stand unquoted.  Typed by hand: "English", the endonym the language switch
shows (中文（l：English）).
"""
import re

CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
PLAIN = re.compile(r"^(?:[A-Za-z][a-z]+|a|A|I)$")
HEXWORD = re.compile(r"^[a-f]+$")
# A language's own name for itself, as a language switch shows it (中文 / English).
ENDONYMS = {"English"}
HEXDUMP = re.compile(r"^\s*[0-9a-f]{4}  ([0-9a-f]{2} )")
DATA = re.compile(r"^\s*\|")
QUOTED = [re.compile(p) for p in (r'"[^"\n]*"', r"“[^”\n]*”", r"`[^`\n]*`", r"‘[^’\n]*’",
                                  r"(?<![A-Za-z0-9])'[^'\n]*'(?![A-Za-z0-9])")]
GLOSS = re.compile(r"(^\s*|[%s]\**)[（(][A-Za-z][A-Za-z0-9 ,.:/_-]*[)）]" % CJK)
BORDER = "│"
DN = re.compile(r"\b(?:CN|OU|O|C|ST|L)=[^\u3000-\u303f\uff00-\uffef]*")
HTTP_HEADER = re.compile(r"\b(?:Connection|Content-Type|Content-Length|Host|User-Agent|Accept):"
                         r"\s+[^\s，。；）)]+")
COMMAND = re.compile(r"\btlssim( (open|lessons|check))+\b")
PLACEHOLDER = re.compile(r"\{[a-z0-9_]+\}|%[-+ #0-9.*'$]*(?:<PRIu64>|l{0,2}|z|h{0,2})[a-zA-Z%]|\n")


def _drop_calls(line):
    """Removes name(...) spans, innermost first: a formula's arguments."""
    call = re.compile(r"(?<=[A-Za-z0-9_])\([^()]*\)")
    while True:
        stripped = call.sub("", line)
        if stripped == line:
            return line
        line = stripped


def without_http_headers(text):
    """The run's own HTTP request and answer quoted in prose, even wrapped
    across lines ("Connection:\nclose"), are data."""
    return HTTP_HEADER.sub(" ", text)


def judged(line):
    """The part of a line that must be Chinese (see the module comment); a
    TUI row is judged pane by pane, between the box borders."""
    if HEXDUMP.match(line) or DATA.match(line):
        return ""
    return " │ ".join(_judged_part(p) for p in line.split(BORDER))


def _judged_part(line):
    if HEXDUMP.match(line):
        return ""
    for q in QUOTED:
        line = q.sub(" ", line)
    if '"' in line:
        return ""   # its partner wrapped to another row: quoted matter
    line = DN.sub(" ", line)
    line = _drop_calls(line)
    line = GLOSS.sub(r"\1 ", line)
    return COMMAND.sub(" ", line)


def tokens(text):
    """Tokens between spaces and punctuation that bounds words; Chinese text
    between two tokens is a None, so no run of words spans it."""
    for i, part in enumerate(re.split(r"[%s]+" % CJK, text)):
        if i:
            yield None
        for tok in re.split(r"[\s,;:!?()\[\]<>│]+", part):
            yield tok.rstrip(".")


def is_word(tok):
    """A plain English word: letters, lower case after an optional capital;
    a token of the hex letters a-f alone is hex ("ed aa ad")."""
    return bool(tok and PLAIN.match(tok) and not HEXWORD.match(tok))


def plain_words(text):
    """Each token's word when it is a plain English word, else None."""
    return [t if is_word(t) else None for t in tokens(text)]


def po_block(block):
    """(msgid, msgstr) of one .po entry as written (escaped), a plural's first
    form standing for both; msgid None for a comment-only or obsolete one."""
    parts, key = {}, None
    for raw in block.splitlines():
        m = re.match(r'^(msgid|msgstr|msgstr\[0\]|msgid_plural) "(.*)"$', raw)
        if m:
            key = m.group(1).replace("[0]", "")
            parts[key] = m.group(2)
        elif raw.startswith('"') and key:
            parts[key] += raw[1:-1]
    return parts.get("msgid"), parts.get("msgstr", "")


def _po_entries(path):
    """(msgid, msgstr) of a .po file, unescaped."""
    unescape = lambda s: s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        msgid, msgstr = po_block(block)
        if msgid:
            yield unescape(msgid), unescape(msgstr)


class Catalogue:
    """The English that must not show in Chinese output, from po/zh_CN.po."""

    def __init__(self, po_path):
        entries = list(_po_entries(po_path))
        # Protocol constants: what the English catalogue itself quotes, as the
        # PRF labels ("master secret"); they stay English even unquoted.
        self.constants = sorted({q.strip('"') for i, _ in entries for q in re.findall(r'"[a-z][a-z ]+[a-z]"', i)
                                 if " " in q}, key=len, reverse=True)
        # one-word msgids kept as they are are names: Finished, Certificate
        self.names = {i for i, s in entries if s == i and PLAIN.match(i)} | ENDONYMS
        self.words = set()      # translated one-word msgids
        self.phrases = set()    # word tuples of two or more, from translated msgids
        for msgid, msgstr in entries:
            if not msgstr or msgstr == msgid:
                continue
            if PLAIN.match(msgid.strip()):
                self.words.add(msgid.strip())
                continue
            kept = " ".join(w for w in self.plain_words(msgstr) if w)
            for frag in PLACEHOLDER.split(msgid):
                run = []
                for w in self.plain_words(frag) + [None]:
                    if w:
                        run.append(w)
                        continue
                    # A phrase the translation keeps is a name (rsa ecdhe).
                    if len(run) >= 2 and " ".join(run) not in kept:
                        self.phrases.add(tuple(run))
                    run = []
        self.by_first = {}
        for p in self.phrases:
            self.by_first.setdefault(p[0], []).append(p)

    def plain_words(self, line):
        """The judged part's tokens: a plain word, else None (names too)."""
        line = judged(line)
        for c in getattr(self, "constants", ()):
            line = line.replace(c, " ")
        return [w if w not in self.names else None for w in plain_words(line)]

    def problems(self, line):
        """What in one output line is untranslated English (empty: none)."""
        words = self.plain_words(line)
        found, run = [], []
        for w in words + [None]:
            if w:
                run.append(w)
                continue
            # Every word capitalised: a label, not a sentence (Wireshark's
            # "Encrypted Handshake Message", False Start).
            if len(run) >= 3 and not all(x[0].isupper() for x in run):
                found.append("English: " + " ".join(run))
            run = []
        for i, w in enumerate(words):
            if w in self.words:
                found.append("untranslated word: " + w)
        for i, w in enumerate(words):
            for p in self.by_first.get(w, ()):
                if tuple(words[i:i + len(p)]) == p:
                    found.append("untranslated phrase: " + " ".join(p))
        return found
