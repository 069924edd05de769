#!/usr/bin/env bash
# interop/pss.sh TLSSIM PKI-DIR
#
# RSA-PSS signatures (rsa_pss_rsae_*) against OpenSSL and GnuTLS, on
# loopback, both directions.  tlssim offers PSS before PKCS#1 v1.5, as
# current clients do, so a peer server signs ServerKeyExchange with PSS,
# and tlssim's server, which follows the client's order, signs with PSS for
# a peer client that lists it first.  Each run must succeed, carry the HTTP
# exchange, leave the same master secret as the peer's key log, and use the
# scheme asserted: from tlssim's dissection of the message, and from the
# peer's own output where it says (s_client's "Peer signature type",
# gnutls-cli's session description).  OpenSSL servers are forced to each
# hash in turn (-sigalgs), so SHA-384 and SHA-512 PSS are verified too; a
# client that offers only PKCS#1 v1.5 still gets it.  Client certificates:
# tlssim signs CertificateVerify with PSS for s_server, and verifies
# s_client's PSS CertificateVerify.
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl
suite=ECDHE-RSA-AES128-GCM-SHA256

# The signature scheme of message $2 (ServerKeyExchange or
# CertificateVerify) in tlssim's JSON $1: the name its dissection gives,
# or, for a message tlssim sent and did not dissect (its own
# CertificateVerify in live mode), the name of the value the body starts
# with.
scheme_of() {
    python3 - "$1" "$2" << 'EOF'
import json, re, sys
names = {0x0804: "rsa_pss_rsae_sha256", 0x0805: "rsa_pss_rsae_sha384",
         0x0806: "rsa_pss_rsae_sha512", 0x0401: "rsa_pkcs1_sha256"}
doc = json.load(open(sys.argv[1]))
for step in doc["steps"]:
    for m in step["messages"]:
        if m["name"] != sys.argv[2]:
            continue
        named = [f["value"] for f in m["fields"] if f["name"] == "algorithm"]
        if named:
            print(re.sub(r".*\[(.*)\]$", r"\1", named[0]))
        elif m["name"] == "CertificateVerify":
            v = int(m["hex"][8:12], 16)
            print(names.get(v, hex(v)))
EOF
}

# is FILE MESSAGE SCHEME: tlssim's dissection says MESSAGE was signed with SCHEME.
is() { [[ $(scheme_of "$1" "$2") == "$3" ]]; }

# tlssim connects to s_server; $2 are s_server options choosing its
# signature schemes, $3 the scheme it must sign with; $4 "yes" makes
# s_server require tlssim's client certificate.
run_openssl_connect() {
    local name=$1 sopts=$2 want=$3 cauth=${4:-no}
    local d=$work/openssl-connect-$name
    mkdir -p "$d"
    local vopt=() copt=()
    if [[ $cauth == yes ]]; then
        vopt=(-Verify 1 -CAfile "$pki/ca.crt.pem")
        copt=(--client-cert "$pki/client.crt.pem" --client-key "$pki/client.key.pem")
    fi
    # shellcheck disable=SC2086  # $sopts is a list of options
    timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 -cipher "$suite" $sopts \
        -cert "$pki/server.crt.pem" -key "$pki/server.key.pem" \
        -cert_chain "$pki/intermediate.crt.pem" "${vopt[@]}" -www -naccept 1 \
        -keylogfile "$d/openssl.keylog" > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    local port
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "openssl connect $name: s_server started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" "${copt[@]}" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="openssl connect $name"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: s_server signed with $want ($(scheme_of "$d/out.json" ServerKeyExchange))" \
        is "$d/out.json" ServerKeyExchange "$want"
    check "$what: tlssim verified it" has "$d/out.json" 'these ECDHE parameters come from'
    check "$what: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 ok'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    if [[ $cauth == yes ]]; then
        check "$what: tlssim signed CertificateVerify with rsa_pss_rsae_sha256" \
            is "$d/out.json" CertificateVerify rsa_pss_rsae_sha256
        check "$what: s_server accepted it (the page names the client certificate)" \
            has "$d/out.json" 'tlssim demo client'
    fi
}

# tlssim listens; s_client runs with options $2 (its signature schemes,
# a client certificate) and must report $3 as "Peer signature type" and
# $4 as "Peer signing digest"; tlssim's dissection must say $5.
run_openssl_listen() {
    local name=$1 copts=$2 type=$3 digest=$4 want=$5 cauth=${6:-off}
    local d=$work/openssl-listen-$name
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --client-auth "$cauth" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "openssl listen $name: tlssim listening" false
        return
    fi
    # shellcheck disable=SC2086  # $copts is a list of options
    printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n' |
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" $copts \
            -servername www.example.test -CAfile "$pki/ca.crt.pem" -verify_return_error \
            -keylogfile "$d/openssl.keylog" -ign_eof > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="openssl listen $name"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: s_client exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: s_client says Peer signature type: $type" \
        has "$d/client.out" "Peer signature type: $type"
    check "$what: s_client says Peer signing digest: $digest" \
        has "$d/client.out" "Peer signing digest: $digest"
    check "$what: tlssim signed with $want ($(scheme_of "$d/out.json" ServerKeyExchange))" \
        is "$d/out.json" ServerKeyExchange "$want"
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    if [[ $cauth != off ]]; then
        check "$what: s_client signed CertificateVerify with PSS ($(scheme_of "$d/out.json" CertificateVerify))" \
            is "$d/out.json" CertificateVerify rsa_pss_rsae_sha256
        check "$what: tlssim verified it" \
            has "$d/out.json" 'the client holds the private key, and signed this very handshake'
    fi
}

run_openssl_connect default "" rsa_pss_rsae_sha256
run_openssl_connect sha256 "-sigalgs rsa_pss_rsae_sha256" rsa_pss_rsae_sha256
run_openssl_connect sha384 "-sigalgs rsa_pss_rsae_sha384" rsa_pss_rsae_sha384
run_openssl_connect sha512 "-sigalgs rsa_pss_rsae_sha512" rsa_pss_rsae_sha512
run_openssl_connect pkcs1 "-sigalgs rsa_pkcs1_sha256" rsa_pkcs1_sha256
run_openssl_connect client-cert "" rsa_pss_rsae_sha256 yes
run_openssl_listen default "" RSA-PSS SHA256 rsa_pss_rsae_sha256
run_openssl_listen sha384 "-sigalgs rsa_pss_rsae_sha384" RSA-PSS SHA384 rsa_pss_rsae_sha384
run_openssl_listen sha512 "-sigalgs rsa_pss_rsae_sha512:rsa_pkcs1_sha256" RSA-PSS SHA512 \
    rsa_pss_rsae_sha512
run_openssl_listen pkcs1-first "-sigalgs rsa_pkcs1_sha256:rsa_pss_rsae_sha256" RSA SHA256 \
    rsa_pkcs1_sha256
run_openssl_listen client-cert \
    "-cert $pki/client.crt.pem -key $pki/client.key.pem" RSA-PSS SHA256 rsa_pss_rsae_sha256 require

# GnuTLS: gnutls-serv signs ServerKeyExchange with PSS for tlssim, and
# gnutls-cli reports PSS from tlssim's server in its session description.
if ! command -v gnutls-serv > /dev/null 2>&1; then
    finish
    exit
fi
# GnuTLS lists rsa_pkcs1_sha256 first by default: this priority string
# puts PSS first, as OpenSSL 3 and Firefox do.
prio="NONE:+VERS-TLS1.2:+SIGN-RSA-PSS-RSAE-SHA256:+SIGN-RSA-SHA256:+COMP-NULL:+GROUP-ALL"
prio="$prio:+CTYPE-X509:+ECDHE-RSA:+AES-128-GCM:+AEAD"
cat "$pki/server.crt.pem" "$pki/intermediate.crt.pem" > "$work/server-chain.pem"
d=$work/gnutls-connect
mkdir -p "$d"
if gnutls_serve "$d" --x509certfile "$work/server-chain.pem" \
    --x509keyfile "$pki/server.key.pem" --priority "$prio"; then
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    rc=$?
    check "gnutls connect: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ]
    check "gnutls connect: gnutls-serv signed with PSS ($(scheme_of "$d/out.json" ServerKeyExchange))" \
        is "$d/out.json" ServerKeyExchange rsa_pss_rsae_sha256
    check "gnutls connect: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 OK'
    check "gnutls connect: same master secret as GnuTLS" \
        same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
else
    check "gnutls connect: gnutls-serv started" false
fi
stop "$spid"

d=$work/gnutls-listen
mkdir -p "$d"
timeout 30 "$tlssim" --listen 127.0.0.1:0 --json --timeout 10 \
    --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
tpid=$!
pids+=("$tpid")
if port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
    gnutls_get "$d/client.out" |
        SSLKEYLOGFILE=$d/gnutls.keylog timeout 20 gnutls-cli --port "$port" 127.0.0.1 \
            --priority "$prio" --x509cafile "$pki/ca.crt.pem" \
            --verify-hostname www.example.test --sni-hostname www.example.test \
            > "$d/client.out" 2>&1
    crc=$?
    wait "$tpid"
    rc=$?
    check "gnutls listen: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "gnutls listen: tlssim exits 0 (rc $rc)" [ "$rc" -eq 0 ]
    check "gnutls listen: gnutls-cli says RSA-PSS-RSAE-SHA256" \
        has "$d/client.out" '(RSA-PSS-RSAE-SHA256)'
    check "gnutls listen: tlssim signed with rsa_pss_rsae_sha256" \
        is "$d/out.json" ServerKeyExchange rsa_pss_rsae_sha256
    check "gnutls listen: the demo page arrived" \
        has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "gnutls listen: same master secret as GnuTLS" \
        same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
else
    check "gnutls listen: tlssim listening" false
fi
finish
