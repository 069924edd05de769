#!/usr/bin/env bash
# interop/ecdsa.sh TLSSIM PKI-DIR
#
# ECDSA against real stacks, on loopback: GnuTLS both ways with the demo
# ECDSA server certificate (leaf + intermediate), and OpenSSL both ways with
# the demo ECDSA *client* certificate (CertificateVerify signed by one side,
# verified by the other).  Each run must succeed, carry the HTTP exchange and
# leave the peer's master secret in tlssim's key log.  (OpenSSL with the ECDSA
# server certificate: openssl.sh, once per ECDHE_ECDSA suite.)
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl
need gnutls-serv
need gnutls-cli

# GnuTLS reads the chain it sends from one file: leaf, then intermediate.
cat "$pki/server-ecdsa.crt.pem" "$pki/intermediate.crt.pem" > "$work/ecdsa-chain.pem"

# tlssim connects to gnutls-serv, which holds only the ECDSA certificate.
gnutls_server() {
    local d=$work/gnutls-serv port spid
    mkdir -p "$d"
    if ! gnutls_serve "$d" --x509certfile "$work/ecdsa-chain.pem" \
        --x509keyfile "$pki/server-ecdsa.key.pem" --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2'; then
        check "gnutls-serv (ECDSA): started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="gnutls-serv (ECDSA)"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: an ECDHE_ECDSA suite" has "$d/out.json" '"negotiated_suite":"TLS_ECDHE_ECDSA_WITH_AES_'
    check "$what: GnuTLS's ECDSA signature verified" \
        has "$d/out.json" "the certificate's ECDSA key signed"
    check "$what: the path went through the intermediate" \
        has "$d/out.json" '"issuer":"CN=tlssim Demo Intermediate CA (DEMO ONLY - NOT FOR PRODUCTION)"'
    check "$what: gnutls-serv's page arrived" has "$d/out.json" 'HTTP/1.0 200 OK'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
}

# gnutls-cli connects to tlssim --listen --server-cert ecdsa and verifies
# the chain against the demo root.
gnutls_client() {
    local d=$work/gnutls-cli
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --server-cert ecdsa --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "gnutls-cli: tlssim listening" false
        return
    fi
    gnutls_get "$d/client.out" |
        SSLKEYLOGFILE="$d/gnutls.keylog" timeout 20 gnutls-cli -p "$port" 127.0.0.1 \
            --x509cafile "$pki/ca.crt.pem" --sni-hostname www.example.test \
            --verify-hostname www.example.test --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="gnutls-cli to tlssim (ECDSA)"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: GnuTLS verified the chain" has "$d/client.out" 'Status: The certificate is trusted'
    check "$what: GnuTLS saw an ECDSA signature" has "$d/client.out" '(ECDSA-SHA256)'
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
}

# tlssim presents the demo ECDSA client certificate to s_server, which
# requires one and verifies tlssim's ECDSA CertificateVerify.
openssl_server_asks() {
    local d=$work/s_server-asks
    mkdir -p "$d"
    timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 \
        -cert "$pki/server.crt.pem" -key "$pki/server.key.pem" \
        -cert_chain "$pki/intermediate.crt.pem" -Verify 1 -verify_return_error \
        -CAfile "$pki/ca.crt.pem" -www -naccept 1 \
        -keylogfile "$d/openssl.keylog" > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    local port
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "s_server asking: started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --json --timeout 10 \
        --client-cert "$pki/client-ecdsa.crt.pem" --client-key "$pki/client-ecdsa.key.pem" \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="ECDSA client certificate to s_server"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: CertificateVerify signed with ecdsa_secp256r1_sha256" \
        has "$d/out.json" '0x0403 (1027) [ecdsa_secp256r1_sha256]'
    check "$what: OpenSSL accepted it (its page arrived)" has "$d/out.json" 'HTTP/1.0 200 ok'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
}

# s_client presents the demo ECDSA client certificate; tlssim verifies it.
openssl_client_presents() {
    local d=$work/s_client-presents
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --server-cert ecdsa --client-auth require --json \
        --timeout 10 --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "s_client presenting: tlssim listening" false
        return
    fi
    printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n' |
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 \
            -cert "$pki/client-ecdsa.crt.pem" -key "$pki/client-ecdsa.key.pem" \
            -servername www.example.test -CAfile "$pki/ca.crt.pem" -verify_return_error \
            -keylogfile "$d/openssl.keylog" -ign_eof > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="s_client's ECDSA client certificate to tlssim"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: s_client exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: tlssim verified OpenSSL's ECDSA CertificateVerify" \
        has "$d/out.json" "the client certificate's ECDSA key signed"
    check "$what: s_client verified tlssim's ECDSA chain" has "$d/client.out" 'Verify return code: 0 (ok)'
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
}

gnutls_server
gnutls_client
openssl_server_asks
openssl_client_presents
finish
