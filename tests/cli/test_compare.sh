#!/usr/bin/env bash
# --compare (issue 16): its argument errors (the first stderr line, exit 2,
# nothing on stdout), and its JSON and text against the runs made alone:
# each run's document byte for byte as --json prints it, the differences
# as the traces say.
# Usage: test_compare.sh PATH/TO/tlssim
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

expect_error() {
    local want=$1
    shift
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$? got
    got=$(head -n 1 "$tmp/err")
    [ "$rc" -eq 2 ] || { bad "tlssim $*: exit $rc, want 2"; return; }
    [ "$got" = "$want" ] || { bad "tlssim $*: stderr '$got', want '$want'"; return; }
    [ -s "$tmp/out" ] && { bad "tlssim $*: printed to stdout on error"; return; }
    ok
}

expect_error "tlssim: --compare: 'rsa' names fewer than two runs, e.g. rsa,ecdhe" --compare rsa
expect_error "tlssim: --compare: '0x009c,0x009d,0xc02f,0xc030' names more than three runs" --compare 0x009c,0x009d,0xc02f,0xc030
expect_error "tlssim: --compare: 'rsa' is named twice" --compare rsa,ecdhe,rsa
expect_error "tlssim: --compare: 'psk' is not a key exchange (ecdhe, dhe, rsa), a cipher suite or a group" --compare rsa,psk
expect_error "tlssim: --compare: 'rsa,x25519' mixes kinds: compare key exchanges, suites or groups" --compare rsa,x25519
expect_error "tlssim: --compare of key exchanges or suites cannot be combined with --kx or --suite" --compare rsa,ecdhe --kx rsa
expect_error "tlssim: --compare of groups cannot be combined with --group" --compare x25519,secp256r1 --group x25519
expect_error "tlssim: --compare of groups needs ECDHE: RSA key exchange uses no group" --compare x25519,secp256r1 --kx rsa
expect_error "tlssim: --compare of groups needs ECDHE: DHE uses RFC 7919's ffdhe2048" --compare x25519,secp256r1 --kx dhe
expect_error "tlssim: --compare cannot be combined with --scenario, --tamper, --keylog or --pcap" --compare rsa,ecdhe --tamper 1:1
expect_error "tlssim: --compare runs in-process runs; live mode talks to one real peer" --compare rsa,ecdhe --connect 127.0.0.1:4433
expect_error "tlssim: --compare steps every run from the first message: --step does not apply" --compare rsa,ecdhe --tui --step 2
expect_error "tlssim: --auto: '0' is not a number of seconds from 0.2 to 3600" --compare rsa,ecdhe --tui --auto 0
expect_error "tlssim: --auto and --step belong to the TUI" --compare rsa,ecdhe --text --auto 2
expect_error "tlssim: --auto: '1e9' is not a number of seconds from 0.2 to 3600" --auto 1e9
expect_error "tlssim: --auto: 'soon' is not a number of seconds from 0.2 to 3600" --compare rsa,ecdhe --auto soon
# The classroom's other options (issue 16): --projector and --quiz.
expect_error "tlssim: --projector and --quiz belong to the TUI" --projector --json
expect_error "tlssim: --projector and --quiz belong to the TUI" --quiz --text
expect_error "tlssim: --projector and --quiz show one run; --compare has its own screen" --compare rsa,ecdhe --projector

# The document: each run exactly as --json prints it alone, and the
# differences as each trace says (computed, so a wrong row fails here).
"$bin" --json --compare rsa,ecdhe --seed 42 >"$tmp/c.json" || bad "--compare rsa,ecdhe --json failed"
"$bin" --json --kx rsa --seed 42 >"$tmp/rsa.json"
"$bin" --json --kx ecdhe --seed 42 >"$tmp/ecdhe.json"
python3 - "$tmp" <<'PY' && ok || bad "--compare rsa,ecdhe --json"
import json, sys
d = sys.argv[1]
c = json.load(open(d + "/c.json"))
alone = [json.load(open(d + "/rsa.json")), json.load(open(d + "/ecdhe.json"))]
assert c["compare"] == ["rsa", "ecdhe"] and c["seed"] == 42, c["compare"]
assert c["runs"] == alone, "runs differ from --json alone"
rows = {r["message"] + str(r["row"]): r for r in c["differences"]}
assert [r["message"] for r in c["differences"]] == [s["message"] for s in alone[0]["steps"]]
for r in c["differences"]:
    for i, run in enumerate(r["runs"]):
        step = alone[i]["steps"][run["step"] - 1]
        recs = sum(len(x["hex"]) // 2 for x in step["records"])
        wire = [v["name"] for v in step["values"] if v["party"] == "wire"]
        assert run["bytes"] == recs, (r["row"], i, run["bytes"], recs)
        assert sorted(run["eavesdropper_learns"]) == sorted(set(wire)), (r["row"], i)
        assert run["sent"] == (step["reached"] and not step["skipped"])
        assert run["skip_reason"] == step["skip_reason"]
ske = c["differences"][3]
assert ske["message"] == "ServerKeyExchange"
assert ske["differs"] == ["sent", "bytes", "eavesdropper_learns", "signed"], ske["differs"]
assert ske["runs"][0]["sent"] is False and ske["runs"][0]["skip_reason"]
assert ske["runs"][1]["signed"] == ["ske_signature"]
cke = c["differences"][5]
assert "pre_master" in cke["differs"]
assert cke["runs"][0]["pre_master"]["chosen_by"] == "client"
assert cke["runs"][0]["pre_master"]["from"] == ["encrypted_pre_master"]
assert cke["runs"][1]["pre_master"]["chosen_by"] == "both"
assert set(cke["runs"][1]["pre_master"]["from"]) == {"client_ecdhe_public", "server_ecdhe_public"}
assert "encrypted_pre_master" in cke["runs"][0]["eavesdropper_holds"]
assert c["differences"][0]["differs"] == []
leak = c["leaked_server_key"]
assert leak[0]["recording_decryptable"] and "master_secret" in leak[0]["reveals"]
assert leak[1]["recording_decryptable"] is False and leak[1]["reveals"] == []
for i in range(2):
    total = sum(len(x["hex"]) // 2 for s in alone[i]["steps"] for x in s["records"])
    assert leak[i]["handshake_bytes"] == total
PY

# Three runs, two suites and two groups: the same seed in every run.
"$bin" --json --compare ecdhe,rsa,TLS_RSA_WITH_AES_256_GCM_SHA384 --seed 1 >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--compare mixing kx and suite accepted"
"$bin" --json --compare 0x009c,0xc030 --seed 3 >"$tmp/s.json" || bad "--compare suites failed"
"$bin" --json --compare x25519,secp384r1 --seed 5 >"$tmp/g.json" || bad "--compare groups failed"
"$bin" --json --group secp384r1 --seed 5 >"$tmp/g2.json"
python3 - "$tmp" <<'PY' && ok || bad "--compare suites/groups --json"
import json, sys
d = sys.argv[1]
s = json.load(open(d + "/s.json"))
assert s["compare"] == ["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
assert [r["config"]["kx"] for r in s["runs"]] == ["rsa", "ecdhe"]
g = json.load(open(d + "/g.json"))
assert g["runs"][1] == json.load(open(d + "/g2.json"))
assert [r["config"]["group"] for r in g["runs"]] == ["x25519", "secp384r1"]
# Same seed, same client: the ClientHello's random is the same in both runs.
cr = [[v["hex"] for v in r["steps"][0]["values"] if v["name"] == "client_random"][0] for r in g["runs"]]
assert cr[0] == cr[1]
assert g["leaked_server_key"][0]["recording_decryptable"] is False
PY

# DHE beside ECDHE: both derive the pre-master from two key shares (the DHE
# ones), neither recording opens with the server's key; the sizes differ.
"$bin" --json --compare ecdhe,dhe --seed 42 >"$tmp/d.json" || bad "--compare ecdhe,dhe failed"
"$bin" --json --kx dhe --seed 42 >"$tmp/dhe.json"
python3 - "$tmp" <<'PY' && ok || bad "--compare ecdhe,dhe --json"
import json, sys
d = sys.argv[1]
c = json.load(open(d + "/d.json"))
assert c["compare"] == ["ecdhe", "dhe"]
assert c["runs"][1] == json.load(open(d + "/dhe.json")), "dhe run differs from --json alone"
assert c["runs"][1]["config"]["kx"] == "dhe"
cke = c["differences"][5]
assert cke["message"] == "ClientKeyExchange"
assert cke["runs"][1]["pre_master"]["chosen_by"] == "both"
assert set(cke["runs"][1]["pre_master"]["from"]) == {"client_dhe_public", "server_dhe_public"}
ske = c["differences"][3]
assert "bytes" in ske["differs"] and ske["runs"][1]["bytes"] > ske["runs"][0]["bytes"]
assert "server_dhe_public" in ske["runs"][1]["eavesdropper_learns"]
assert all(l["recording_decryptable"] is False for l in c["leaked_server_key"])
PY

# Without --seed, one seed is drawn and shared (and shown).
"$bin" --json --compare rsa,ecdhe >"$tmp/ns.json" && python3 -c "
import json,sys; c=json.load(open(sys.argv[1])); assert all(r['config']['seed']==c['seed'] for r in c['runs'])" "$tmp/ns.json" \
    && ok || bad "--compare without --seed: runs do not share the seed"

# Text: a block per run under each message, the skipped step with its
# reason, the differences, the leak, the comparison lesson in each language.
"$bin" --text --compare rsa,ecdhe --seed 42 --lang en >"$tmp/c.txt" || bad "--compare --text failed"
grep -q "^--- rsa: step 4/10: skipped: RSA key exchange" "$tmp/c.txt" && ok || bad "text: no skipped SKE with reason"
grep -q "^--- ecdhe: step 4/10 ---$" "$tmp/c.txt" && ok || bad "text: no ecdhe SKE block"
grep -q "^  \* ecdhe    sent; 338 bytes crossed; the eavesdropper learns named_group, server_ecdhe_public, ske_signature; signed: ske_signature$" "$tmp/c.txt" \
    && ok || bad "text: SKE differences"
grep -q "^  \* ecdhe    nothing: its pre-master came from key shares" "$tmp/c.txt" && ok || bad "text: ecdhe leak"
grep -q "^Comparison: RSA and (EC)DHE" "$tmp/c.txt" && ok || bad "text: no comparison lesson (en)"
"$bin" --text --compare rsa,ecdhe --seed 42 --lang zh >"$tmp/z.txt"
grep -q "^对照：RSA 与 (EC)DHE" "$tmp/z.txt" && ok || bad "text: no comparison lesson (zh)"
[ "$(grep -c '^--- ' "$tmp/c.txt")" -eq 20 ] && ok || bad "text: want 20 run blocks (10 rows x 2 runs)"

echo "compare: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
