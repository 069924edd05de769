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
for a in swap-server-key swap-client-key replay-ske downgrade truncation false-start \
         fake-cert expired-cert wrong-host missing-intermediate trusted-proxy record-then-leak; do
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

# The certificate attacks: the client's alert at step 3, in the JSON.
for pair in fake-cert:unknown_ca:48 expired-cert:certificate_expired:45 \
            wrong-host:bad_certificate:42 missing-intermediate:unknown_ca:48; do
    IFS=: read -r a name code <<<"$pair"
    "$bin" --json --seed 4 --attack "$a" >"$tmp/$a.json"
    python3 - "$tmp/$a.json" "$name" "$code" <<'PY' || bad "$a JSON"
import json, sys
d = json.load(open(sys.argv[1]))
r = d["result"]
assert (r["failed_step"], r["failed_by"], r["error"]) == (3, "client", sys.argv[2]), r
assert [(a["sender"], a["code"]) for a in d["steps"][2]["alerts"]] == [("client", int(sys.argv[3]))]
assert not any(v["party"] == "attacker" and v["name"] == "master_secret"
               for s in d["steps"] for v in s["values"])
PY
done
# trusted-proxy: both sessions' master secrets and the plaintext under the
# attacker; record-then-leak: the server's master secret with RSA only.
"$bin" --json --seed 4 --attack trusted-proxy >"$tmp/tp.json"; rc=$?
check "trusted-proxy exits 0 (got $rc)" '[ "$rc" -eq 0 ]'
for kx in rsa ecdhe dhe; do
    "$bin" --json --seed 4 --kx $kx --attack record-then-leak >"$tmp/leak-$kx.json"
done
python3 - "$tmp" <<'PY' || bad "trusted-proxy and record-then-leak JSON"
import json, sys
def load(name):
    return json.load(open(sys.argv[1] + "/" + name))
def values(d, party, name):
    return [v for s in d["steps"] + [d["after_handshake"]] for v in s["values"]
            if v["party"] == party and v["name"] == name]
d = load("tp.json")
assert d["result"]["ok"], d["result"]
mine = [v["hex"] for v in values(d, "attacker", "master_secret")]
assert mine == [values(d, "client", "master_secret")[0]["hex"],
                values(d, "server", "master_secret")[0]["hex"]], mine
assert mine[0] != mine[1]
assert values(d, "attacker", "client_app_data")[0]["text"].startswith("GET / HTTP/1.1")
assert values(d, "attacker", "server_app_data")[0]["text"].startswith("HTTP/1.1 200 OK")
for kx in ("rsa", "ecdhe", "dhe"):
    d = load("leak-%s.json" % kx)
    assert d["result"]["ok"], d["result"]
    mine = [v["hex"] for v in values(d, "attacker", "master_secret")]
    if kx == "rsa":
        assert mine == [values(d, "server", "master_secret")[0]["hex"]], mine
        assert values(d, "attacker", "client_app_data"), kx
    else:
        assert mine == [] and not values(d, "attacker", "client_app_data"), kx
        notes = [n["text"] for n in d["after_handshake"]["notes"] if n["party"] == "attacker"]
        assert any("_private" in n and "forward secrecy" in n for n in notes), notes
PY
# trusted-proxy against a server that requires a client certificate: the
# attacker has none to present in its own session, so, as its lesson says,
# the server does not accept that connection: it stops at step 7 (the
# client Certificate, which reaches it empty) with handshake_failure (40).
"$bin" --text --no-lessons --seed 4 --client-auth require --attack trusted-proxy \
    >"$tmp/tp-auth.txt"; rc=$?
check "trusted-proxy --client-auth require exits 1 (got $rc)" '[ "$rc" -eq 1 ]'
why="the server requires a client certificate and the client sent none: handshake_failure (RFC 5246 §7.4.6; certificate_required is TLS 1.3 only)"
check "trusted-proxy --client-auth require: the server's alert in the text" \
    'grep -qxF "!! The server sends a fatal alert: handshake_failure (40): $why" "$tmp/tp-auth.txt"'
check "trusted-proxy --client-auth require: the outcome line" \
    'grep -qxF "=== Handshake FAILED at step 7 (client Certificate): the server stopped it: $why ===" "$tmp/tp-auth.txt"'
check "trusted-proxy --client-auth require: the text ends there" \
    '[ "$(grep -c "^=== Step " "$tmp/tp-auth.txt")" -eq 7 ]'
"$bin" --json --seed 4 --client-auth require --attack trusted-proxy >"$tmp/tp-auth.json"
python3 - "$tmp/tp-auth.json" "$why" <<'PY' || bad "trusted-proxy --client-auth require JSON"
import json, sys
d = json.load(open(sys.argv[1]))
r = d["result"]
assert (r["ok"], r["failed_step"], r["failed_by"], r["error"], r["reason"]) == \
    (False, 7, "server", "handshake_failure", sys.argv[2]), r
alerts = [(i + 1, a["sender"], a["level"], a["code"]) for i, s in enumerate(d["steps"])
          for a in s["alerts"]]
assert alerts == [(7, "server", "fatal", 40)], alerts
assert d["after_handshake"] is None, d["after_handshake"]
assert not any(v["party"] == "attacker" and v["name"] == "master_secret"
               for s in d["steps"] for v in s["values"])
PY
"$bin" --lang zh --text --seed 4 --kx rsa --attack record-then-leak >"$tmp/leak-zh.txt"
check "zh: the leaked key opens the RSA recording" 'grep -q "攻击者: 后来服务器的私钥泄露了：录下的 ClientKeyExchange" "$tmp/leak-zh.txt"'
check "zh: the record-then-leak lesson follows" 'grep -q "攻击：现在录下，以后解密" "$tmp/leak-zh.txt"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
