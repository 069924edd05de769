#!/usr/bin/env bash
# The tlssim command line as a user meets it: exit codes, the exact first
# line of every error, reproducible JSON, text mode for pipes.
# Usage: test_cli.sh PATH/TO/tlssim LESSONS_DIR
set -u
bin=$1
lessons_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_error CODE "FIRST STDERR LINE" ARGS...: exit code and message, nothing on stdout
expect_error() {
    local code=$1 want=$2
    shift 2
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    local got
    got=$(head -n 1 "$tmp/err")
    if [ "$rc" -ne "$code" ]; then bad "tlssim $*: exit $rc, want $code"; return; fi
    if [ "$got" != "$want" ]; then bad "tlssim $*: stderr '$got', want '$want'"; return; fi
    if [ -s "$tmp/out" ]; then bad "tlssim $*: printed to stdout on error"; return; fi
    ok
}

expect_error 2 "tlssim: unknown option '--bogus'" --bogus
expect_error 2 "tlssim: option '--seed' needs a value" --seed
expect_error 2 "tlssim: unexpected argument 'extra'" --text extra
expect_error 2 "tlssim: --resume: 'both' is not off, id or ticket" --resume both
# What the user typed is quoted escaped: a terminal escape sequence or a byte
# that is not UTF-8 reaches the terminal as \xNN, not as itself.
expect_error 2 "tlssim: --resume: '\\x1b[2J\\xff' is not off, id or ticket" --resume $'\e[2J\xff'
expect_error 2 "tlssim: unknown option '--\\x1b]0;pwned\\x07'" $'--\e]0;pwned\a'
# Live resumption works (interop/resume.sh); only client certificates stay apart.
expect_error 2 "tlssim: --resume cannot be combined with --client-auth: tlssim resumes sessions without client certificates" --listen 0 --resume ticket --client-auth require
expect_error 2 "tlssim: --resume cannot be combined with --client-auth: tlssim resumes sessions without client certificates" --text --resume id --client-auth request
expect_error 2 "tlssim: --client-cert FILE and --client-key belong to live mode: in-process the client presents the demo client certificate (--client-cert none: no certificate)" --text --client-cert /etc/hostname
expect_error 2 "tlssim: --kx: unknown key exchange 'dh' (use ecdhe, dhe or rsa)" --kx dh
# The list is the suite table itself: all eighteen, in the client's order.
expect_error 2 "tlssim: --suite: unknown cipher suite 'TLS_NULL' (supported: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA256)" --suite TLS_NULL
expect_error 2 "tlssim: --server-cert: 'dsa' is not rsa or ecdsa" --server-cert dsa
expect_error 2 "tlssim: --kx rsa needs an RSA certificate: an ECDSA key can sign but not decrypt a pre-master secret" --kx rsa --server-cert ecdsa
expect_error 2 "tlssim: --suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 needs --server-cert rsa" --server-cert ecdsa --suite 0xc02f
expect_error 2 "tlssim: --suite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 needs --server-cert ecdsa" --server-cert rsa --suite 0xc02b
expect_error 2 "tlssim: --server-cert belongs to the in-process run and --listen: with --connect the real server chooses its certificate" --connect 127.0.0.1:1 --server-cert ecdsa
expect_error 2 "tlssim: --group: unknown group 'p521' (use secp256r1, x25519 or secp384r1)" --group p521
expect_error 2 "tlssim: --seed: 'abc' is not a whole number from 0 to 18446744073709551615" --seed abc
expect_error 2 "tlssim: --seed: '-1' is not a whole number from 0 to 18446744073709551615" --seed -1
expect_error 2 "tlssim: --seed: '99999999999999999999' is not a whole number from 0 to 18446744073709551615" --seed 99999999999999999999
expect_error 2 "tlssim: --suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 does not use the key exchange --kx asked for" --kx rsa --suite 0xc02f
expect_error 2 "tlssim: --group applies to ECDHE only: RSA key exchange uses no group" --kx rsa --group x25519
expect_error 2 "tlssim: --group applies to ECDHE only: DHE uses RFC 7919's ffdhe2048" --kx dhe --group x25519
expect_error 2 "tlssim: --tamper: 'x' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01" --tamper x
expect_error 2 "tlssim: --keep: '100' is not a number of bytes from 16384 to 67108864" --connect 127.0.0.1:1 --keep 100
expect_error 2 "tlssim: --keep belongs to --connect and --listen" --keep 65536
expect_error 2 "tlssim: --tamper: '1:2:00' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01" --tamper 1:2:00
expect_error 2 "tlssim: --ems: 'yes' is not on or off" --ems yes
# Inside a cluster the unknown letter is named, not the argument before it.
expect_error 2 "tlssim: unknown option '-x'" --text -xy
expect_error 2 "tlssim: unknown option '-q'" -q
# Numbers are strict: no leading blank or sign, no trailing junk.
expect_error 2 "tlssim: --seed: '\\x09-1' is not a whole number from 0 to 18446744073709551615" --seed $'\t-1'
expect_error 2 "tlssim: --seed: ' 1' is not a whole number from 0 to 18446744073709551615" --seed ' 1'
expect_error 2 "tlssim: --seed: '+1' is not a whole number from 0 to 18446744073709551615" --seed +1
expect_error 2 "tlssim: --tamper: '3:20: ff' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01" --tamper '3:20: ff'
expect_error 2 "tlssim: --tamper: '3: 20' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01" --tamper '3: 20'
expect_error 2 "tlssim: --tamper: '3:20:+f' is not RECORD:OFFSET[:HEXMASK], e.g. 2:9 or 0:12:01" --tamper '3:20:+f'
expect_error 2 "tlssim: --timeout: ' 3' is not a number of seconds from 0.1 to 3600" --connect 127.0.0.1:1 --timeout ' 3'
expect_error 2 "tlssim: --auto: '-1' is not a number of seconds from 0.2 to 3600" --auto -1
# A --tamper the run never reaches changed nothing: said, exit 2, nothing
# printed as if it had (text, JSON, and before the TUI would open).
expect_error 2 "tlssim: --tamper 999:0: the run has 14 records (0 to 13): nothing was changed" --text --seed 1 --tamper 999:0
expect_error 2 "tlssim: --tamper 14:0: the run has 14 records (0 to 13): nothing was changed" --json --seed 1 --tamper 14:0
expect_error 2 "tlssim: --tamper 20:0: the run has 13 records (0 to 12): nothing was changed" --tui --seed 1 --kx rsa --tamper 20:0
expect_error 2 "tlssim: --tamper 3:5000: record 3 has 338 bytes (0 to 337): nothing was changed" --json --seed 1 --tamper 3:5000
"$bin" --json --seed 1 --tamper 13:0 >/dev/null 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || bad "--tamper 13:0 (the last record): exit $rc, want 1"
# Files written after the run are checked before it: an empty name, a
# folder, a missing folder (a live run would otherwise end in this error).
expect_error 2 "tlssim: --keylog: cannot write '': an empty file name" --text --keylog ''
expect_error 2 "tlssim: --pcap: cannot write '$tmp/none/x.pcap': No such file or directory" --text --pcap "$tmp/none/x.pcap"
expect_error 2 "tlssim: --html: cannot write '$tmp': Is a directory" --json --html "$tmp"
: >"$tmp/plain"
expect_error 2 "tlssim: --keylog: cannot write '$tmp/plain/k': Not a directory" --connect 127.0.0.1:1 --keylog "$tmp/plain/k"
expect_error 2 "tlssim: --lang: unknown language 'fr' (use zh or en)" --lang fr
expect_error 2 "tlssim: --step: '31' is not a step number" --step 31
# --step is bounded by the run's own flow: ten steps, or thirteen with client
# certificates (the TUI is asked for, so the run is checked before the screen).
expect_error 2 "tlssim: --step 11: this run has steps 1 to 10" --tui --step 11
expect_error 2 "tlssim: --step 14: this run has steps 1 to 13" --tui --client-auth require --step 14
expect_error 2 "tlssim: --auto: 'fast' is not a number of seconds from 0.2 to 3600" --auto fast
expect_error 2 "tlssim: choose one of --tui, --text and --json" --text --json
expect_error 2 "tlssim: --auto and --step belong to the TUI" --text --step 3
expect_error 2 "tlssim: --scenario: $tmp/none: cannot read: No such file or directory" --scenario "$tmp/none"

printf '# demo\nclient_random = 00\n' >"$tmp/short.sc"
expect_error 2 "tlssim: --scenario: $tmp/short.sc:2: client_random must be 32 bytes, got 1" --scenario "$tmp/short.sc"
printf 'server_random = zz\n' >"$tmp/nothex.sc"
expect_error 2 "tlssim: --scenario: $tmp/nothex.sc:1: server_random: not a hex byte string" --scenario "$tmp/nothex.sc"
printf 'colour = 00\n' >"$tmp/unknown.sc"
expect_error 2 "tlssim: --scenario: $tmp/unknown.sc:1: unknown name 'colour' (known: client_random, server_random, client_ecdhe_private, server_ecdhe_private, pre_master_random)" --scenario "$tmp/unknown.sc"
printf 'just words\n' >"$tmp/noeq.sc"
expect_error 2 "tlssim: --scenario: $tmp/noeq.sc:1: expected 'name = hex'" --scenario "$tmp/noeq.sc"
# Not a file: a folder says so, and a FIFO is refused at once instead of
# waiting for a writer (timeout: a hang fails the test, it does not stall it).
expect_error 2 "tlssim: --scenario: $tmp: is a directory, not a scenario file" --scenario "$tmp"
mkfifo "$tmp/fifo.sc"
expect_error 2 "tlssim: --scenario: $tmp/fifo.sc: not a regular file (a FIFO, socket or device), not a scenario file" --scenario "$tmp/fifo.sc"
# A scalar the group cannot use fails while the options are read, at its
# line, whichever order --group and --scenario come in; not mid-run.
zeros32=$(printf '00%.0s' $(seq 32)) ones32=$(printf '11%.0s' $(seq 32))
printf '# scalars\nclient_ecdhe_private = %s\n' "$zeros32" >"$tmp/zero.sc"
expect_error 2 "tlssim: --scenario: $tmp/zero.sc:2: client_ecdhe_private is not a private key the group secp256r1 can use (it must lie from 1 to the group's order minus 1)" --text --scenario "$tmp/zero.sc"
printf 'client_random = %s\nserver_ecdhe_private = %s\n' "$ones32" "$ones32" >"$tmp/p256.sc"
expect_error 2 "tlssim: --scenario: $tmp/p256.sc:2: server_ecdhe_private is 32 bytes, but the group secp384r1 takes a 48-byte private key" --text --scenario "$tmp/p256.sc" --group secp384r1
# The same file suits secp256r1 and x25519 (any 32 bytes, clamped), and RSA ignores it.
for flags in "--group secp256r1" "--group x25519" "--kx rsa"; do
    # shellcheck disable=SC2086
    "$bin" --json --scenario "$tmp/p256.sc" $flags >/dev/null 2>&1 && ok || bad "--scenario p256.sc $flags: the run failed"
done

# --help and --version go to stdout and succeed.
out=$("$bin" --version) && [ "$out" = "tlssim 0.1.0" ] && ok || bad "--version: '$out'"
"$bin" --help | grep -q '^Usage: tlssim \[OPTIONS\]' && ok || bad "--help"

# Same seed, same JSON; another seed, other values.
"$bin" --json --seed 7 >"$tmp/a.json" && "$bin" --json --seed 7 >"$tmp/b.json" || bad "json runs failed"
cmp -s "$tmp/a.json" "$tmp/b.json" && ok || bad "--seed 7 twice gives different JSON"
"$bin" --json --seed 8 >"$tmp/c.json"
cmp -s "$tmp/a.json" "$tmp/c.json" && bad "--seed 7 and 8 give the same JSON" || ok
"$bin" --json --seed 7 --kx rsa >"$tmp/rsa.json" && ok || bad "rsa json run failed"
if command -v python3 >/dev/null; then
    python3 - "$tmp/a.json" "$tmp/rsa.json" <<'PY' && ok || bad "JSON content"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["result"]["ok"] is True
assert [s["message"] for s in a["steps"]] == ["ClientHello", "ServerHello", "Certificate",
    "ServerKeyExchange", "ServerHelloDone", "ClientKeyExchange", "ChangeCipherSpec",
    "Finished", "ChangeCipherSpec", "Finished"]
def val(step, name, party):
    return [v for s in a["steps"] if s["step"] <= step for v in s["values"]
            if v["name"] == name and v["party"] == party][-1]
assert val(6, "master_secret", "client")["hex"] == val(6, "master_secret", "server")["hex"]
assert len(val(6, "master_secret", "client")["hex"]) == 96
assert val(2, "cipher_suite", "wire")["text"] == "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
# the ClientHello record's bytes are what the message dissection describes
rec = a["steps"][0]["records"][0]; msg = a["steps"][0]["messages"][0]
assert rec["hex"][10:] == msg["hex"] and msg["record_offset"] == 5
r = json.load(open(sys.argv[2]))
assert r["config"]["kx"] == "rsa" and r["steps"][3]["skipped"] is True
assert "RSA" in r["steps"][3]["skip_reason"]
PY
fi

# Peer-supplied strings never reach the terminal raw, and JSON stays valid
# UTF-8: the server name corrupted into ESC (0x77^0x6c) or BEL (0x77^0x70)
# is shown escaped, and bytes >= 0x80 in it (--tamper 0:67..0:82 flip each
# byte of "www.example.test") are escaped in "text", raw in "hex".
for mask in 6c 70; do
    if "$bin" --text --seed 42 --tamper "0:67:$mask" --no-lessons 2>&1 | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]'; then
        bad "--tamper 0:67:$mask: a control character reached the text output"
    else
        ok
    fi
done
for off in $(seq 67 82); do
    if "$bin" --json --seed 42 --tamper "0:$off" 2>/dev/null |
        python3 -c 'import json, sys; json.loads(sys.stdin.buffer.read().decode("utf-8"))'; then
        ok
    else
        bad "--json --tamper 0:$off: not valid UTF-8 JSON"
    fi
done

# A tampered handshake: exit 1, and the walkthrough says where and why.
"$bin" --text --seed 1 --tamper 3:20 >"$tmp/t.txt" 2>&1
rc=$?
[ $rc -eq 1 ] && ok || bad "tampered run exit $rc, want 1"
grep -q '^=== Handshake FAILED at step 4 (ServerKeyExchange): the client stopped it: the ServerKeyExchange signature does not verify ===$' "$tmp/t.txt" && ok ||
    bad "tampered run summary: $(grep FAILED "$tmp/t.txt")"
grep -q '^!! The client sends a fatal alert: decrypt_error (51)' "$tmp/t.txt" && ok || bad "alert line"

# Lessons: the checker, a missing folder, and this run's values inside the lesson text.
"$bin" lessons check "$lessons_dir" >/dev/null && ok || bad "lessons check of the shipped lessons"
expect_error 2 "tlssim: usage: tlssim lessons check DIR" lessons
expect_error 2 "tlssim: --lessons: $tmp/none: no such lesson folder" --text --lessons "$tmp/none"
# Checked while parsing, so no front end and no live peer gets a bad folder.
expect_error 2 "tlssim: --lessons: $tmp/none: no such lesson folder" --json --lessons "$tmp/none"
expect_error 2 "tlssim: --lessons: $tmp/none: no such lesson folder" --connect 127.0.0.1:1 --lessons "$tmp/none"
expect_error 2 "tlssim: --no-lessons 不能与 --lessons 或 --lang 同时使用" --no-lessons --lang zh
cr=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([v["hex"] for v in d["steps"][0]["values"] if v["name"]=="client_random"][0])' "$tmp/a.json" 2>/dev/null)
with=$("$bin" --text --seed 7 --lang en --lessons "$lessons_dir" | grep -c "$cr")
without=$("$bin" --text --seed 7 --no-lessons | grep -c "$cr")
[ -n "$cr" ] && [ "$without" -eq 3 ] && [ "$with" -gt "$without" ] && ok ||
    bad "client_random $cr: $with lines with lessons, $without without (want 3 and more)"
"$bin" --text --seed 7 --lang zh --lessons "$lessons_dir" | grep -q '^导论' && ok || bad "Chinese introduction"

# A folder with problems is used, but not silently: --text says so in one
# line on stderr.  A FIFO named *.md (here zh/client-hello.md) is refused
# unread by both --lessons and `lessons check` (timeout: a hang fails).
"$bin" --text --seed 7 --lessons "$lessons_dir" 2>"$tmp/clean.err" >/dev/null
[ ! -s "$tmp/clean.err" ] && ok || bad "shipped lessons: stderr not empty: $(head -n 1 "$tmp/clean.err")"
mkdir -p "$tmp/les" && cp -r "$lessons_dir/en" "$lessons_dir/zh" "$tmp/les/"
printf -- '---\nstep: 1\ntitle: ClientHello\n---\nbody\n' >"$tmp/les/en/client-hello.md"
rm "$tmp/les/zh/client-hello.md" && mkfifo "$tmp/les/zh/client-hello.md"
timeout 20 "$bin" --text --seed 7 --lessons "$tmp/les" >"$tmp/les.out" 2>"$tmp/les.err"
rc=$?
[ "$rc" -eq 0 ] && ok || bad "--lessons with broken files: exit $rc, want 0"
[ "$(wc -l <"$tmp/les.err")" -eq 1 ] &&
    grep -qxF "tlssim: warning: $tmp/les has 2 lesson problems (broken files are left out), the first: $tmp/les/en/client-hello.md:4: header lacks 'mode:'; 'tlssim lessons check $tmp/les' lists them" "$tmp/les.err" &&
    ok || bad "--lessons with broken files: want one warning line, got: $(cat "$tmp/les.err")"
grep -q '^导论\|^Introduction' "$tmp/les.out" && ok || bad "--lessons with broken files: the good lessons still shown"
timeout 20 "$bin" lessons check "$tmp/les" >/dev/null 2>"$tmp/check.err"
rc=$?
[ "$rc" -eq 1 ] && grep -qxF "$tmp/les/zh/client-hello.md: not a regular file (a FIFO, socket or device): skipped" "$tmp/check.err" &&
    ok || bad "lessons check with a FIFO: exit $rc, $(cat "$tmp/check.err")"

# Not a terminal: plain text.
first=$("$bin" --seed 1 </dev/null | head -n 1)
[ "$first" = "tlssim: a TLS 1.2 handshake, step by step" ] && ok || bad "pipe default: '$first'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
