#!/usr/bin/env bash
# interop/client_auth.sh TLSSIM PKI-DIR
#
# Client certificates against OpenSSL, on loopback, both directions:
# an optional request answered with an empty Certificate (what
# `openssl s_server -verify 1` and gnutls-serv's default ask), a required
# one answered with the demo client certificate, and a required one left
# unanswered (handshake_failure).  Every success carries the HTTP exchange
# and the same master secret as OpenSSL's key log; tshark decodes tlssim's
# pcap, CertificateRequest, the client's Certificate and CertificateVerify
# included.  The in-process run's pcap is decoded too.
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl
have_tshark=0
command -v tshark > /dev/null 2>&1 && have_tshark=1
suite=ECDHE-RSA-AES128-GCM-SHA256
with_cv="1 2 11 12 13 14 11 16 15 20 20"
without_cv="1 2 11 12 13 14 11 16 20 20"

# tlssim connects to s_server asking with $verify ("-verify 1" optional,
# "-Verify 1" required); $cert is "yes" to present the demo client's.
run_connect() {
    local name=$1 verify=$2 cert=$3 expect=$4
    local d=$work/connect-$name
    mkdir -p "$d"
    timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 -cipher "$suite" \
        -cert "$pki/server.crt.pem" -key "$pki/server.key.pem" \
        -cert_chain "$pki/intermediate.crt.pem" $verify \
        -CAfile "$pki/ca.crt.pem" -www -naccept 1 \
        -keylogfile "$d/openssl.keylog" > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    local port
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "connect $name: s_server started" false
        return
    fi
    local copt=()
    [[ $cert == yes ]] && copt=(--client-cert "$pki/client.crt.pem" --client-key "$pki/client.key.pem")
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" "${copt[@]}" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="connect $name"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    if [[ $expect == fail ]]; then
        check "$what: tlssim fails (rc $rc)" [ "$rc" -ne 0 ]
        check "$what: the server's handshake_failure alert" has "$d/out.json" 'handshake_failure'
        return
    fi
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 ok'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    local types=$without_cv
    if [[ $cert == yes ]]; then
        types=$with_cv
        check "$what: the server verified the client certificate" \
            has "$d/out.json" 'tlssim demo client'
        check "$what: CertificateVerify sent" has "$d/out.json" '"certificate_verify_signature"'
    else
        check "$what: an empty Certificate answered" has "$d/out.json" 'answers with an empty Certificate'
    fi
    if [[ $have_tshark == 1 ]]; then
        check "$what: tshark decodes and decrypts the pcap" \
            tshark_ok "$d/run.pcap" "$d/tlssim.keylog" 1 1 0 "$types"
    fi
}

# tlssim listens with --client-auth $policy; s_client presents the demo
# client certificate when $cert is yes.
run_listen() {
    local name=$1 policy=$2 cert=$3 expect=$4
    local d=$work/listen-$name
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --client-auth "$policy" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen $name: tlssim listening" false
        return
    fi
    local copt=()
    [[ $cert == yes ]] && copt=(-cert "$pki/client.crt.pem" -key "$pki/client.key.pem")
    printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n' |
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" \
            "${copt[@]}" -servername www.example.test -CAfile "$pki/ca.crt.pem" \
            -verify_return_error -keylogfile "$d/openssl.keylog" -ign_eof \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="listen $name"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    if [[ $expect == fail ]]; then
        check "$what: tlssim refuses (rc $rc)" [ "$rc" -ne 0 ]
        check "$what: the reason says a certificate is required" \
            has "$d/out.json" 'requires a client certificate and the client sent none'
        check "$what: s_client got handshake failure" has "$d/client.out" 'handshake failure'
        return
    fi
    check "$what: s_client exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    local types=$without_cv
    if [[ $cert == yes ]]; then
        types=$with_cv
        check "$what: tlssim checked OpenSSL's CertificateVerify" \
            has "$d/out.json" 'the client holds the private key, and signed this very handshake'
    fi
    if [[ $have_tshark == 1 ]]; then
        check "$what: tshark decodes and decrypts the pcap" \
            tshark_ok "$d/run.pcap" "$d/tlssim.keylog" 1 1 1 "$types"
    fi
}

# The in-process run: the pcap holds the new messages, tshark reads them.
run_inprocess() {
    local d=$work/inprocess
    mkdir -p "$d"
    "$tlssim" --seed 4 --client-auth require --json --keylog "$d/k" --pcap "$d/p" \
        > "$d/out.json" 2> "$d/err"
    check "in-process: exits 0" [ $? -eq 0 ] || return
    [[ $have_tshark == 1 ]] &&
        check "in-process: tshark decodes and decrypts the pcap" tshark_ok "$d/p" "$d/k" 1 1 1 "$with_cv"
}

# gnutls-cli as the client of tlssim --listen --client-auth require,
# presenting the demo client certificate.
run_listen_gnutls() {
    local d=$work/listen-gnutls
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --client-auth require --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen gnutls-cli: tlssim listening" false
        return
    fi
    gnutls_get "$d/client.out" |
        SSLKEYLOGFILE="$d/gnutls.keylog" timeout 20 gnutls-cli --port "$port" 127.0.0.1 \
            --x509cafile "$pki/ca.crt.pem" --x509certfile "$pki/client.crt.pem" \
            --x509keyfile "$pki/client.key.pem" --sni-hostname www.example.test \
            --verify-hostname www.example.test --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="listen gnutls-cli require-cert"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
    check "$what: tlssim verified GnuTLS's certificate" has "$d/out.json" 'tlssim demo client'
    check "$what: tlssim checked GnuTLS's CertificateVerify" \
        has "$d/out.json" 'the client holds the private key, and signed this very handshake'
}

# tlssim connects to gnutls-serv: by default it asks for a certificate
# (optional); with $opt "-r --verify-client-cert" it requires one.
run_gnutls() {
    local name=$1 opt=$2 cert=$3
    local d=$work/gnutls-$name port spid
    mkdir -p "$d"
    # GnuTLS reads the chain it sends from one file: leaf, then intermediate.
    cat "$pki/server.crt.pem" "$pki/intermediate.crt.pem" > "$d/chain.pem"
    # shellcheck disable=SC2086  # $opt is a list of options
    if ! gnutls_serve "$d" --x509certfile "$d/chain.pem" --x509keyfile "$pki/server.key.pem" \
        --x509cafile "$pki/ca.crt.pem" $opt --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2'; then
        check "gnutls $name: gnutls-serv started" false
        return
    fi
    local copt=()
    [[ $cert == yes ]] && copt=(--client-cert "$pki/client.crt.pem" --client-key "$pki/client.key.pem")
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" "${copt[@]}" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="gnutls $name"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the server asked for a certificate" has "$d/out.json" '"CertificateRequest"'
    check "$what: gnutls-serv's page arrived" has "$d/out.json" 'HTTP/1.0 200 OK'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
}

run_connect optional-empty "-verify 1" no ok
run_connect required-cert "-Verify 1" yes ok
run_connect optional-cert "-verify 1" yes ok
run_connect required-empty "-Verify 1" no fail
run_listen require-cert require yes ok
run_listen request-empty request no ok
run_listen require-empty require no fail
run_inprocess
if command -v gnutls-serv > /dev/null 2>&1; then
    run_gnutls default-empty "" no
    run_gnutls required-cert "-r --verify-client-cert" yes
    run_listen_gnutls
else
    echo "(gnutls-serv is not installed: the GnuTLS cases are skipped)"
fi
finish
