#!/usr/bin/env bash
# interop/gnutls.sh TLSSIM connect|listen SUITE PKI-DIR
#
# tlssim against GnuTLS (gnutls-serv / gnutls-cli) for one of the suites
# both implement, on loopback: the handshake completes, the application
# data arrives, and the master secret in tlssim's key log equals GnuTLS's
# (SSLKEYLOGFILE).  CBC suites run encrypt-then-MAC, which GnuTLS
# negotiates by default, and MAC-then-encrypt (tlssim --etm off); which one
# protected the records is asserted from tlssim's JSON.
set -u
tlssim=$1 direction=$2 suite=$3 pki=$4
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need gnutls-serv
need gnutls-cli

base="NONE:+VERS-TLS1.2:+SIGN-ALL:+COMP-NULL:+GROUP-ALL:+CTYPE-X509"
cbc=1
# The ECDHE_ECDSA suites need the ECDSA certificate on whichever side is
# the server.
cert=server tlssim_cert=rsa
case $suite in
ECDHE-ECDSA-CHACHA20-POLY1305) prio=+ECDHE-ECDSA:+CHACHA20-POLY1305:+AEAD cbc=0
    iana=TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-ECDSA-AES128-SHA) prio=+ECDHE-ECDSA:+AES-128-CBC:+SHA1
    iana=TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-ECDSA-AES256-SHA) prio=+ECDHE-ECDSA:+AES-256-CBC:+SHA1
    iana=TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA cert=server-ecdsa tlssim_cert=ecdsa ;;
DHE-RSA-CHACHA20-POLY1305) prio=+DHE-RSA:+CHACHA20-POLY1305:+AEAD cbc=0
    iana=TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ;;
ECDHE-RSA-CHACHA20-POLY1305) prio=+ECDHE-RSA:+CHACHA20-POLY1305:+AEAD cbc=0
    iana=TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ;;
ECDHE-RSA-AES128-GCM-SHA256) prio=+ECDHE-RSA:+AES-128-GCM:+AEAD cbc=0
    iana=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ;;
ECDHE-RSA-AES128-SHA) prio=+ECDHE-RSA:+AES-128-CBC:+SHA1 iana=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA ;;
ECDHE-RSA-AES256-SHA) prio=+ECDHE-RSA:+AES-256-CBC:+SHA1 iana=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA ;;
DHE-RSA-AES128-GCM-SHA256) prio=+DHE-RSA:+AES-128-GCM:+AEAD cbc=0
    iana=TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 ;;
DHE-RSA-AES256-GCM-SHA384) prio=+DHE-RSA:+AES-256-GCM:+AEAD cbc=0
    iana=TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 ;;
AES128-SHA) prio=+RSA:+AES-128-CBC:+SHA1 iana=TLS_RSA_WITH_AES_128_CBC_SHA ;;
AES256-SHA) prio=+RSA:+AES-256-CBC:+SHA1 iana=TLS_RSA_WITH_AES_256_CBC_SHA ;;
AES128-SHA256) prio=+RSA:+AES-128-CBC:+SHA256 iana=TLS_RSA_WITH_AES_128_CBC_SHA256 ;;
*) echo "unknown suite $suite"; exit 2 ;;
esac
prio="$base:$prio"
# GnuTLS sends the chain it reads from one file: the leaf, then the
# intermediate that issued it (the client has only the root).
cat "$pki/$cert.crt.pem" "$pki/intermediate.crt.pem" > "$work/server-chain.pem"
etms=(on)
[[ $cbc == 1 ]] && etms=(on off)

want_protection() {
    if [[ $cbc == 0 ]]; then
        [[ $suite == *CHACHA20* ]] && echo chacha20_poly1305 || echo aes_gcm
    elif [[ $1 == on ]]; then
        echo cbc_encrypt_then_mac
    else
        echo cbc_mac_then_encrypt
    fi
}

# tlssim is the client; gnutls-serv --http answers GET / with a page that
# names what it negotiated.
run_connect() {
    local etm=$1 d=$work/connect-$1 port spid
    mkdir -p "$d"
    if ! gnutls_serve "$d" --x509certfile "$work/server-chain.pem" \
        --x509keyfile "$pki/$cert.key.pem" --priority "$prio"; then
        check "connect $suite etm=$etm: gnutls-serv started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --etm "$etm" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="connect $suite etm=$etm"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    check "$what: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 OK'
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
    check "$what: records protected as $(want_protection "$etm")" \
        has "$d/out.json" "\"protection\":\"$(want_protection "$etm")\""
}

# tlssim is the server; gnutls-cli verifies the demo chain, sends a GET and
# must receive the demo page.
run_listen() {
    local etm=$1 d=$work/listen-$1
    mkdir -p "$d"
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --server-cert "$tlssim_cert" --etm "$etm" \
        --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen etm=$etm: tlssim listening" false
        return
    fi
    gnutls_get "$d/client.out" |
        SSLKEYLOGFILE=$d/gnutls.keylog timeout 20 gnutls-cli --port "$port" 127.0.0.1 \
            --priority "$prio" --x509cafile "$pki/ca.crt.pem" \
            --verify-hostname www.example.test --sni-hostname www.example.test \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="listen $suite etm=$etm"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: gnutls-cli verified the demo certificate" \
        grep -qE 'certificate is trusted|Status: The certificate is trusted' "$d/client.out"
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: tlssim recovered the GET" has "$d/out.json" 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'
    check "$what: tlssim negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    check "$what: same master secret as GnuTLS" same_keylog "$d/tlssim.keylog" "$d/gnutls.keylog"
    check "$what: records protected as $(want_protection "$etm")" \
        has "$d/out.json" "\"protection\":\"$(want_protection "$etm")\""
}

for etm in "${etms[@]}"; do
    case $direction in
    connect) run_connect "$etm" ;;
    listen) run_listen "$etm" ;;
    *) echo "unknown direction $direction"; exit 2 ;;
    esac
done
finish
