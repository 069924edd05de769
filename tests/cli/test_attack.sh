#!/usr/bin/env bash
# The attack lab on the command line: --attack list (en, zh), the usage
# errors, and the attacker in the JSON and in Chinese text.
# Usage: test_attack.sh PATH/TO/tlssim
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# --attack list: one line per attack, its name first; exit 0.
"$bin" --attack list >"$tmp/list" 2>&1; rc=$?
check "--attack list exits 0 (got $rc)" '[ "$rc" -eq 0 ]'
for a in swap-server-key swap-client-key replay-ske downgrade truncation false-start; do
    check "--attack list names $a" 'grep -q "^$a  *[a-z]" "$tmp/list"'
done
"$bin" --lang zh --attack list >"$tmp/zh" 2>&1
check "--attack list in Chinese" 'grep -q "^swap-server-key  *把服务器的 (EC)DHE 公钥换成攻击者自己的$" "$tmp/zh"'

# Usage errors: exit 2, one line.
err() {
    local want=$1; shift
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; local rc=$?
    local got; got=$(head -n 1 "$tmp/err")
    if [ "$rc" -eq 2 ] && [ "$got" = "$want" ] && [ ! -s "$tmp/out" ]; then ok
    else bad "tlssim $*: exit $rc, '$got', want '$want'"; fi
}
err "tlssim: --attack: unknown attack 'nope' (--attack list names them)" --attack nope
err "tlssim: --attack swap-server-key needs an (EC)DHE key exchange (--kx ecdhe or dhe): RSA key exchange sends no public key to swap" \
    --attack swap-server-key --kx rsa
err "tlssim: --attack downgrade cannot be combined with --compare, --resume or --tamper" \
    --attack downgrade --tamper 1:1

# The JSON: the attack in the config, the attacker as a party, the changed
# bytes marked, the client's alert at step 4.
"$bin" --json --seed 3 --attack swap-server-key >"$tmp/j.json"; rc=$?
check "an attacked run exits 1 (got $rc)" '[ "$rc" -eq 1 ]'
python3 - "$tmp/j.json" <<'PY' || bad "swap-server-key JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["config"]["attack"]["name"] == "swap-server-key", d["config"]
r = d["result"]
assert (r["failed_step"], r["failed_by"], r["error"]) == (4, "client", "decrypt_error"), r
s4 = d["steps"][3]
names = {v["name"] for v in s4["values"] if v["party"] == "attacker"}
assert {"server_ecdhe_private", "server_ecdhe_public"} <= names, names
assert any(n["party"] == "attacker" for n in s4["notes"])
assert any("changed_by_attacker" in rec for rec in s4["records"])
assert [(a["sender"], a["code"]) for a in s4["alerts"]] == [("client", 51)], s4["alerts"]
PY
# In Chinese: the attacker's sentences and the verdict.
"$bin" --lang zh --text --seed 3 --attack swap-client-key >"$tmp/zh.txt"
check "zh: the attacker speaks Chinese" 'grep -q "攻击者: 攻击者把 ClientKeyExchange 中客户端的公钥换成自己的" "$tmp/zh.txt"'
check "zh: the attack lesson follows" 'grep -q "攻击：替换客户端的公钥" "$tmp/zh.txt"'

# The HTML handout: the attacker's lifeline in the ladder, marked where it
# changed a record, and its column in "who knows what".
"$bin" --text --seed 3 --attack swap-client-key --html "$tmp/a.html" >/dev/null 2>&1
check "html: the attacker's lifeline" 'grep -q "class=\"party attacker\"" "$tmp/a.html"'
check "html: the changed record marked on it" 'grep -q "<circle class=\"changed\"" "$tmp/a.html"'
"$bin" --text --seed 3 --html "$tmp/p.html" >/dev/null 2>&1
check "html: no attacker, no lifeline" '! grep -q "party attacker" "$tmp/p.html"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
