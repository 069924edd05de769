#!/usr/bin/env bash
# tlssim-bench runs and prints its lines: every suite family, each primitive
# with how often a handshake needs it, the overhead against its target, and
# the counting mode --instructions runs under callgrind, and (when valgrind
# is installed) --instructions itself.  No figure is asserted (speed goals
# are checked by the shipped benchmark, not by tests).
# Usage: test_bench.sh PATH/TO/tlssim-bench
set -u
bench=$1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

out=$("$bench" -n 1) || bad "tlssim-bench -n 1 exits $?"
# has PATTERN WHAT: a line of the output matches the extended regex
has() { grep -qE -- "$1" <<<"$out" && ok || bad "no line for $2: /$1/"; }

for suite in TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 \
             TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 \
             TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256; do
    has "^$suite( / secp256r1)?\$" "$suite"
done
has '^  RSA-2048 PSS sign +[0-9.]+ ms +x1 \(ServerKeyExchange' "the RSA-PSS signature"
has '^  ECDSA secp256r1 sign +[0-9.]+ ms +x1 ' "the ECDSA signature (ECDSA suites)"
has '^  ECDSA secp256r1 verify +[0-9.]+ ms +x1 ' "the ECDSA verification"
has '^  RSA-2048 decrypt +[0-9.]+ ms +x1 ' "RSA key exchange"
has '^  DH keygen\+shared +[0-9.]+ ms +x2 ' "DHE"
has '^  ECDH keygen\+shared +[0-9.]+ ms +x2 ' "ECDHE"
has '^  transcript hash +[0-9.]+ ms +x2 ' "the transcript"
has '^  chain parse +[0-9.]+ ms +x1 ' "certificate parsing"
has '^  primitives in turn +[0-9.]+ ms +\(one handshake.s primitives called in turn' \
    "the primitives timed in turn"
has '^  overhead +[0-9.]+ +handshake / primitives in turn, CPU time: .*\(target <= 1\.05\)$' \
    "the overhead"
has '^ +[0-9.]+ +handshake / sum of primitives each alone: ' "the ratio to primitives alone"
has '^peak memory \(RSS\) +[0-9.]+ MiB' "peak memory"
# One block per suite: as many overhead lines as suite headings.
suites=$(grep -cE '^TLS_' <<<"$out")
[ "$suites" -ge 14 ] && [ "$(grep -c '^  overhead ' <<<"$out")" = "$suites" ] && ok ||
    bad "$suites suites, not one overhead line each"
grep -q 'SOME FAILED' <<<"$out" && bad "a handshake failed" || ok

counted=$("$bench" --count 1 --suite 0xc02f) && [ "$counted" = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ] &&
    ok || bad "--count 1 --suite 0xc02f printed '$counted'"
"$bench" --count 0 >/dev/null 2>&1 && bad "--count 0 accepted" || ok

# valgrind cannot run a sanitizer build (ASan reserves the shadow memory
# valgrind needs): the counting mode is checked on the plain build only.
if nm -an "$bench" 2> /dev/null | grep -q __asan_init; then
    echo "sanitizer build: --instructions not run (valgrind cannot run it)"
elif command -v valgrind >/dev/null; then
    out=$("$bench" --instructions --count 1 --suite 0xc02f) || bad "--instructions exits $?"
    has '^TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256$' "--instructions: the suite"
    has '^  instructions/handshake +[0-9]+ +\(callgrind, 1 handshakes\)$' "--instructions: a handshake"
    has '^  overhead +[0-9.]+ +handshake / primitives, instructions \(target <= 1\.05\)$' \
        "--instructions: the overhead"
    has '^  outside crypto calls +[0-9]+ += [0-9.]+ % of a handshake \(target <= 1 %\)$' \
        "--instructions: the share outside crypto"
else
    echo "valgrind not installed: --instructions not run"
fi

echo "bench: $pass passed, $fail failed"
[ "$fail" = 0 ]
