#!/usr/bin/env bash
# ECDSA, checked from outside tlssim: the signatures it makes verify with
# OpenSSL (`openssl dgst -verify`, `openssl pkeyutl -verify`), and a run
# whose ECDSA signature was corrupted on the wire ends as real stacks end
# it.  In-process runs only; skips (77) without openssl.
# Usage: test_ecdsa.sh PATH/TO/tlssim PKI_DIR
set -u
bin=$1
pki=$2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}
command -v openssl > /dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# From a --json run: what ServerKeyExchange signed (client_random ‖
# server_random ‖ params), the DER signature, and the CertificateVerify
# signature with the transcript hash it covers, when there is one.
extract() {
    python3 - "$1" "$2" <<'PY'
import json, sys
run, out = json.load(open(sys.argv[1])), sys.argv[2]
def value(name, party):
    for st in run["steps"]:
        for v in st["values"]:
            if v["name"] == name and v["party"] == party:
                return bytes.fromhex(v["hex"])
def message(name):
    for st in run["steps"]:
        for m in st["messages"]:
            if m["name"] == name:
                return bytes.fromhex(m["hex"])[4:]
ske = message("ServerKeyExchange")
params = ske[:4 + ske[3]]
rest = ske[len(params):]
assert rest[:2] == b"\x04\x03", rest[:2].hex()
n = int.from_bytes(rest[2:4], "big")
open(out + "/signed.bin", "wb").write(value("client_random", "client") +
                                      value("server_random", "client") + params)
open(out + "/ske.der", "wb").write(rest[4:4 + n])
cv = value("certificate_verify_signature", "server")
if cv:
    open(out + "/cv.der", "wb").write(cv)
    open(out + "/cv.hash", "wb").write(value("certificate_verify_hash", "server"))
PY
}

# 1. ServerKeyExchange signed by the demo ECDSA key: OpenSSL verifies it
#    with the public key of server-ecdsa.crt.pem, over the bytes TLS signs.
"$bin" --json --seed 42 --server-cert ecdsa --client-auth require > "$tmp/run.json"
check "the ECDSA run succeeds" python3 -c 'import json,sys; sys.exit(not json.load(open(sys.argv[1]))["result"]["ok"])' "$tmp/run.json"
extract "$tmp/run.json" "$tmp"
openssl x509 -in "$pki/server-ecdsa.crt.pem" -pubkey -noout > "$tmp/server.pub"
openssl x509 -in "$pki/client-ecdsa.crt.pem" -pubkey -noout > "$tmp/client.pub"
check "openssl dgst -sha256 -verify accepts tlssim's ServerKeyExchange signature" \
    grep -q '^Verified OK' <(openssl dgst -sha256 -verify "$tmp/server.pub" \
        -signature "$tmp/ske.der" "$tmp/signed.bin" 2>&1)
openssl dgst -sha256 -binary "$tmp/signed.bin" > "$tmp/signed.hash"
check "openssl pkeyutl -verify accepts it over the SHA-256 digest" \
    grep -q 'Signature Verified Successfully' <(openssl pkeyutl -verify -pubin \
        -inkey "$tmp/server.pub" -in "$tmp/signed.hash" -sigfile "$tmp/ske.der" 2>&1)
check "openssl asn1parse reads a SEQUENCE of two INTEGERs" \
    test "$(openssl asn1parse -inform DER -in "$tmp/ske.der" | grep -c 'prim: INTEGER')" -eq 2
printf 'x' >> "$tmp/signed.bin"
check "one more byte signed: openssl refuses (so the check can fail)" \
    grep -q 'Verification failure' <(openssl dgst -sha256 -verify "$tmp/server.pub" \
        -signature "$tmp/ske.der" "$tmp/signed.bin" 2>&1)
# 2. CertificateVerify by the demo client's ECDSA key, over the transcript hash.
check "openssl pkeyutl -verify accepts the client's ECDSA CertificateVerify" \
    grep -q 'Signature Verified Successfully' <(openssl pkeyutl -verify -pubin \
        -inkey "$tmp/client.pub" -in "$tmp/cv.hash" -sigfile "$tmp/cv.der" 2>&1)

# 3. Hostile: the signature's DER broken on the wire (record 3 is
#    ServerKeyExchange; byte 82 is the SEQUENCE tag, 83 its length) or a
#    byte of r changed (DER intact, the value wrong).  The client refuses all
#    three with decrypt_error at step 4, as OpenSSL, GnuTLS and BoringSSL do:
#    RFC 5246 §7.2.2 names decrypt_error for a signature that cannot be
#    verified, and a malformed one cannot; decode_error is for TLS fields.
result() {
    python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]
print(r["failed_step"], r["failed_by"], r["error"])'
}
for spec in "82:01 not-DER" "83:10 not-DER" "100:01 DER"; do
    tamper=3:${spec%% *} kind=${spec##* }
    "$bin" --json --seed 42 --server-cert ecdsa --tamper "$tamper" > "$tmp/t.json"
    check "--tamper $tamper: decrypt_error from the client at step 4" \
        test "$(result < "$tmp/t.json")" = "4 client decrypt_error"
    if [[ $kind == not-DER ]]; then
        check "--tamper $tamper: the dissection flags the DER" \
            grep -q 'not a DER SEQUENCE of two INTEGERs' "$tmp/t.json"
    else
        check "--tamper $tamper: DER intact, r and s still shown" \
            grep -q '"name":"r"' "$tmp/t.json"
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
