#!/usr/bin/env bash
# interop/gnutls.sh TLSSIM PKI-DIR
#
# tlssim against GnuTLS (a second, independent TLS stack) on loopback, for
# each key exchange both implement — ECDHE_RSA, DHE_RSA, RSA — with
# AES-128-GCM, and DHE_RSA with AES-256-GCM too, both directions.  Each run must succeed, carry the HTTP
# exchange, and leave the same master secret in tlssim's key log as in
# GnuTLS's (SSLKEYLOGFILE).
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
command -v gnutls-serv > /dev/null 2>&1 || { echo "SKIP: no gnutls-serv"; exit 77; }

# A free loopback port: gnutls-serv takes no port 0.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# KX[/CIPHER]: GnuTLS's names; the cipher is AES-128-GCM unless given.
prio() {
    local kx=${1%%/*} cipher=AES-128-GCM
    [ "$kx" != "$1" ] && cipher=${1#*/}
    echo "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+$kx:-CIPHER-ALL:+$cipher"
}

# tlssim is the client; gnutls-serv --http answers GET / with a status page.
run_connect() {
    local kx=$1 iana=$2
    local d=$work/connect-${kx//\//-}
    mkdir -p "$d"
    local port
    port=$(free_port)
    SSLKEYLOGFILE=$d/gnutls.keylog timeout 60 gnutls-serv -a --http -p "$port" \
        --x509certfile "$pki/server.crt.pem" --x509keyfile "$pki/server.key.pem" \
        --priority "$(prio "$kx")" > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    if ! wait_port "$d/server.out" 'HTTP Server listening on IPv4 [0-9.]* port ' > /dev/null; then
        check "connect $kx: gnutls-serv started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    kill "$spid" 2> /dev/null
    wait "$spid" 2> /dev/null
    local what="connect gnutls $kx"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    check "$what: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 OK'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
}

# tlssim is the server; gnutls-cli verifies the demo chain and sends a GET.
run_listen() {
    local kx=$1 iana=$2
    local d=$work/listen-${kx//\//-}
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen $kx: tlssim listening" false
        return
    fi
    # gnutls-cli closes the connection when its input ends: keep the input
    # open until the page has arrived (bounded), or the answer can be lost.
    { printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'
      for ((i = 0; i < 200; i++)); do
          grep -qF '</html>' "$d/client.out" 2> /dev/null && break
          sleep 0.1
      done; } |
        SSLKEYLOGFILE=$d/gnutls.keylog timeout 20 gnutls-cli -p "$port" 127.0.0.1 \
            --sni-hostname www.example.test --verify-hostname www.example.test \
            --x509cafile "$pki/ca.crt.pem" --priority "$(prio "$kx")" > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="listen gnutls $kx"
    check "$what: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: tlssim negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
}

for row in ECDHE-RSA:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 \
           DHE-RSA:TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 \
           DHE-RSA/AES-256-GCM:TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 \
           RSA:TLS_RSA_WITH_AES_128_GCM_SHA256; do
    run_connect "${row%%:*}" "${row#*:}"
    run_listen "${row%%:*}" "${row#*:}"
done
finish
