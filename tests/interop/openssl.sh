#!/usr/bin/env bash
# interop/openssl.sh TLSSIM connect|listen OPENSSL-SUITE PKI-DIR
#
# tlssim against OpenSSL for one cipher suite, on loopback: every group the
# suite uses (ECDHE: secp256r1, x25519, secp384r1; DHE: the server's own
# group, OpenSSL's 2048-bit one or tlssim's ffdhe2048) and the extended
# master secret on and off.  Each run must succeed, carry the HTTP exchange intact,
# and leave the same master secret in tlssim's key log as in OpenSSL's.
# With tshark installed, tlssim's pcap of each run is dissected too.  CBC
# suites run encrypt-then-MAC (which OpenSSL negotiates by default) with the
# extended master secret on, and MAC-then-encrypt (tlssim --etm off) with it
# off; which one protected the records is asserted from tlssim's JSON.
set -u
tlssim=$1 direction=$2 suite=$3 pki=$4
cbc=0
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl
have_tshark=0
command -v tshark > /dev/null 2>&1 && have_tshark=1

# OpenSSL's suite names and the IANA names tlssim prints; the ECDSA suites
# need the ECDSA certificate on whichever side is the server.
cert=server tlssim_cert=rsa
case $suite in
ECDHE-ECDSA-AES128-GCM-SHA256)
    iana=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ske=1 ec=1 cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-ECDSA-AES256-GCM-SHA384)
    iana=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 ske=1 ec=1 cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-RSA-AES128-GCM-SHA256) iana=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ske=1 ec=1 ;;
ECDHE-RSA-AES256-GCM-SHA384) iana=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 ske=1 ec=1 ;;
DHE-RSA-AES128-GCM-SHA256) iana=TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 ske=1 ec=0 ;;
DHE-RSA-AES256-GCM-SHA384) iana=TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 ske=1 ec=0 ;;
AES128-GCM-SHA256) iana=TLS_RSA_WITH_AES_128_GCM_SHA256 ske=0 ec=0 ;;
AES256-GCM-SHA384) iana=TLS_RSA_WITH_AES_256_GCM_SHA384 ske=0 ec=0 ;;
ECDHE-RSA-CHACHA20-POLY1305) iana=TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ske=1 ec=1 ;;
ECDHE-ECDSA-CHACHA20-POLY1305) iana=TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ske=1 ec=1
    cert=server-ecdsa tlssim_cert=ecdsa ;;
DHE-RSA-CHACHA20-POLY1305) iana=TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ske=1 ec=0 ;;
ECDHE-ECDSA-AES128-SHA) iana=TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA ske=1 cbc=1 ec=1
    cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-ECDSA-AES256-SHA) iana=TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA ske=1 cbc=1 ec=1
    cert=server-ecdsa tlssim_cert=ecdsa ;;
ECDHE-RSA-AES128-SHA) iana=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA ske=1 cbc=1 ec=1 ;;
ECDHE-RSA-AES256-SHA) iana=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA ske=1 cbc=1 ec=1 ;;
AES128-SHA) iana=TLS_RSA_WITH_AES_128_CBC_SHA ske=0 cbc=1 ec=0 ;;
AES256-SHA) iana=TLS_RSA_WITH_AES_256_CBC_SHA ske=0 cbc=1 ec=0 ;;
AES128-SHA256) iana=TLS_RSA_WITH_AES_128_CBC_SHA256 ske=0 cbc=1 ec=0 ;;
*) echo "unknown suite $suite"; exit 2 ;;
esac
groups=(-)
[[ $ec == 1 ]] && groups=(secp256r1 x25519 secp384r1)

ems_json() { [[ $1 == on ]] && echo true || echo false; }

# CBC suites: encrypt-then-MAC goes with ems on, MAC-then-encrypt with off.
etm_for() { [[ $cbc == 1 && $1 == off ]] && echo off || echo on; }

# The records after the handshake were protected as expected.
check_protection() {
    local what=$1 json=$2 ems=$3 want=aes_gcm
    [[ $suite == *CHACHA20* ]] && want=chacha20_poly1305
    if [[ $cbc == 1 ]]; then
        want=cbc_encrypt_then_mac
        [[ $(etm_for "$ems") == off ]] && want=cbc_mac_then_encrypt
    fi
    check "$what: records protected as $want" has "$json" "\"protection\":\"$want\""
}

# tlssim is the client; openssl s_server -www answers GET / with a status
# page that names the cipher it negotiated.
run_connect() {
    local g=$1 ems=$2
    local d=$work/connect-$g-$ems
    mkdir -p "$d"
    local gopt=()
    [[ $g != - ]] && gopt=(-groups "$g")
    timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 -cipher "$suite" "${gopt[@]}" \
        -cert "$pki/$cert.crt.pem" -key "$pki/$cert.key.pem" \
        -cert_chain "$pki/intermediate.crt.pem" -www -naccept 1 \
        -keylogfile "$d/openssl.keylog" > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    local port
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "connect $g ems=$ems: s_server started" false
        return
    fi
    timeout 30 "$tlssim" --connect "127.0.0.1:$port" --ems "$ems" --etm "$(etm_for "$ems")" \
        --json --timeout 10 \
        --keylog "$d/tlssim.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="connect $suite $g ems=$ems"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    check "$what: extended master secret $ems" \
        has "$d/out.json" "\"extended_master_secret\":$(ems_json "$ems")"
    [[ $g != - ]] && check "$what: group $g used" grep -q "\"name\":\"named_group\",\"party\":\"client\"[^}]*\"text\":\"$g\"" "$d/out.json"
    check "$what: the server's page arrived" has "$d/out.json" 'HTTP/1.0 200 ok'
    check "$what: the page names the cipher (so the GET arrived intact)" \
        has "$d/out.json" "Cipher is $suite"
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    check_protection "$what" "$d/out.json" "$ems"
    if [[ $have_tshark == 1 ]]; then
        # s_server's HTTP/1.0 answer has no length: tshark only shows the GET.
        check "$what: tshark decodes and decrypts the pcap" \
            tshark_ok "$d/run.pcap" "$d/tlssim.keylog" "$ske" 1 0
    fi
}

# tlssim is the server; openssl s_client sends a GET and must receive the
# demo page, after verifying the demo certificate against the demo CA.
run_listen() {
    local g=$1 ems=$2
    local d=$work/listen-$g-$ems
    mkdir -p "$d"
    local gopt=() topt=()
    [[ $g != - ]] && gopt=(-groups "$g")
    # supported_groups also names the curves a client accepts in the
    # server's certificate (RFC 8422 §5.1): an ECDSA P-256 server needs
    # secp256r1 listed, and is told to prefer $g for ECDHE.
    if [[ $tlssim_cert == ecdsa && $g != secp256r1 ]]; then
        gopt=(-groups "$g:secp256r1")
        topt=(--group "$g")
    fi
    timeout 30 "$tlssim" --listen 127.0.0.1:0 --server-cert "$tlssim_cert" "${topt[@]}" \
        --ems "$ems" --etm "$(etm_for "$ems")" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen $g ems=$ems: tlssim listening" false
        return
    fi
    printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n' |
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" \
            "${gopt[@]}" -servername www.example.test -CAfile "$pki/ca.crt.pem" \
            -verify_return_error -keylogfile "$d/openssl.keylog" -ign_eof \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="listen $suite $g ems=$ems"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: s_client exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: s_client verified the demo certificate" has "$d/client.out" 'Verify return code: 0 (ok)'
    check "$what: s_client negotiated $suite" has "$d/client.out" "Cipher is $suite"
    check "$what: s_client says EMS $ems" has "$d/client.out" \
        "Extended master secret: $([[ $ems == on ]] && echo yes || echo no)"
    check "$what: the demo page arrived" has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: tlssim recovered the GET" has "$d/out.json" 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'
    check "$what: tlssim negotiated $iana" has "$d/out.json" "\"negotiated_suite\":\"$iana\""
    [[ $g != - ]] && check "$what: group $g used" grep -q "\"name\":\"named_group\",\"party\":\"server\"[^}]*\"text\":\"$g\"" "$d/out.json"
    check "$what: same master secret as OpenSSL" same_keylog "$d/tlssim.keylog" "$d/openssl.keylog"
    check_protection "$what" "$d/out.json" "$ems"
    if [[ $have_tshark == 1 ]]; then
        check "$what: tshark decodes and decrypts the pcap" \
            tshark_ok "$d/run.pcap" "$d/tlssim.keylog" "$ske" 1 1
    fi
}

for g in "${groups[@]}"; do
    for ems in on off; do
        case $direction in
        connect) run_connect "$g" "$ems" ;;
        listen) run_listen "$g" "$ems" ;;
        *) echo "unknown direction $direction"; exit 2 ;;
        esac
    done
done
finish
