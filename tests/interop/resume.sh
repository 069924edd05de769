#!/usr/bin/env bash
# interop/resume.sh TLSSIM PKI-DIR
#
# Live session resumption (--resume id|ticket) against OpenSSL and GnuTLS,
# on loopback, both directions.  Each run is two connections: the second
# must be abbreviated on both sides -- tlssim's run is the full flow joined
# to an abbreviated one, and the peer says so itself (s_client "Reused",
# s_server's page "Reused", gnutls-cli "This is a resumed session",
# gnutls-serv's page the same session ID twice) -- with the page intact
# and the master secret of both key-log lines equal to the peer's.  A
# server that keeps no sessions (gnutls-serv --nodb) declines: the second
# handshake is a full one, shown as such.  Every process is bounded.
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl
suite=ECDHE-RSA-AES128-GCM-SHA256
get=$'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'

# The "flow" of tlssim's JSON document.
flow_of() { sed -n 's/.*"flow":"\([^"]*\)".*/\1/p' "$1" | head -n 1; }

# The master secrets of a key log, one line each (sorted, unique).
masters() { keylog_lines "$1" | awk '{print $3}' | sort -u; }

# tlssim's key log has two lines (two client randoms) with one master
# secret, the one in the peer's key log (GnuTLS logs only the handshake
# that made it; OpenSSL both, which must then be the same two lines).
keylog_resumed() {
    local mine=$1 peer=$2
    [[ $(keylog_lines "$mine" | wc -l) -eq 2 ]] &&
        [[ $(keylog_lines "$mine" | awk '{print $2}' | sort -u | wc -l) -eq 2 ]] &&
        [[ $(masters "$mine" | wc -l) -eq 1 ]] &&
        [[ "$(masters "$mine")" == "$(masters "$peer")" ]]
}

# The number of lines of FILE holding STRING.
count() { grep -cF -- "$2" "$1"; }

# tshark reads both connections of tlssim's pcap with its key log: two
# GETs and two answers decrypted, and the abbreviated handshake's types.
tshark_two() {
    local ts=(tshark -n -r "$1" -o "tls.keylog_file:$2")
    local gets types
    gets=$("${ts[@]}" -Y 'http.request.method == "GET"' 2> /dev/null | wc -l)
    types=$("${ts[@]}" -Y 'tcp.stream == 1' -T fields -e tls.handshake.type 2> /dev/null |
        tr ',' '\n' | grep -v '^$' | tr '\n' ' ')
    [[ $gets -eq 2 && $types == 1\ 2\ * && $types != *11* ]] ||
        { echo "  GETs $gets, second connection's handshake types '$types'"; return 1; }
}

# The checks on tlssim's side of a resumed run ($mode id or ticket).
tlssim_resumed() {
    local what=$1 d=$2 mode=$3 peerlog=$4
    check "$what: one run of two handshakes, the second abbreviated ($(flow_of "$d/out.json"))" \
        grep -qE "\"flow\":\"[^\"]*\\+abbreviated" "$d/out.json"
    [[ $mode == ticket ]] &&
        check "$what: the first handshake issued a ticket" \
            grep -qE '"flow":"[^"+]*-ticket-[^"+]*\+' "$d/out.json"
    check "$what: tlssim says the session is resumed" \
        grep -qE 'the session is resumed with|the server resumes the session' "$d/out.json"
    check "$what: two key-log lines, one master secret, the peer's" \
        keylog_resumed "$d/tlssim.keylog" "$peerlog"
    if [[ -s $d/run.pcap ]] && command -v tshark > /dev/null 2>&1; then
        check "$what: tshark decrypts both connections of the pcap" \
            tshark_two "$d/run.pcap" "$d/tlssim.keylog"
    fi
}

# tlssim --connect --resume $mode to openssl s_server -www (two accepts);
# $verify "-verify 1" has it ask for a client certificate too (an empty
# Certificate answers, and a ticket still comes).
openssl_connect() {
    local mode=$1 verify=${2:-} d=$work/openssl-connect-$1${2:+-verify}
    mkdir -p "$d"
    # shellcheck disable=SC2086  # $verify is an option and its value
    timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 -cipher "$suite" \
        -cert "$pki/server.crt.pem" -key "$pki/server.key.pem" \
        -cert_chain "$pki/intermediate.crt.pem" -www -naccept 2 $verify \
        -CAfile "$pki/ca.crt.pem" -keylogfile "$d/openssl.keylog" > "$d/server.out" 2>&1 &
    local spid=$! port
    pids+=("$spid")
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "openssl connect $mode: s_server started" false
        return
    fi
    timeout 40 "$tlssim" --connect "127.0.0.1:$port" --resume "$mode" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="openssl s_server $verify, tlssim --connect --resume $mode"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: both pages arrived" [ "$(count "$d/out.json" 'HTTP/1.0 200 ok')" -ge 2 ]
    check "$what: s_server's first page says New, its second Reused" \
        grep -qE 'New, TLSv1\.2.*Reused, TLSv1\.2' <(tr -d '\n' < "$d/out.json")
    [[ -n $verify ]] && check "$what: asked for a certificate, an empty one answered" \
        grep -qF "\"flow\":\"client-auth-empty-ticket-" "$d/out.json"
    tlssim_resumed "$what" "$d" "$mode" "$d/openssl.keylog"
}

# tlssim --listen --resume MODE in DIR (its JSON, stderr and key log there,
# and ARGS...): sets tpid and port; a failed check when it does not listen.
listen_tlssim() {
    local what=$1 d=$2 mode=$3
    shift 3
    timeout 60 "$tlssim" --listen 127.0.0.1:0 --resume "$mode" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" "$@" > "$d/out.json" 2> "$d/err" &
    tpid=$!
    pids+=("$tpid")
    port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:') ||
        { check "$what: tlssim listening" false; return 1; }
}

# tlssim --listen --resume $mode; s_client -sess_out, then -sess_in.
openssl_listen() {
    local mode=$1 d=$work/openssl-listen-$1 tpid port
    mkdir -p "$d"
    listen_tlssim "openssl listen $mode" "$d" "$mode" --pcap "$d/run.pcap" || return
    local n sess=(-sess_out "$d/sess.pem") crc=()
    for n in 1 2; do
        printf '%s' "$get" |
            timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" \
                -servername www.example.test -CAfile "$pki/ca.crt.pem" -verify_return_error \
                -keylogfile "$d/openssl.keylog" -ign_eof "${sess[@]}" > "$d/client$n.out" 2>&1
        crc+=($?)
        sess=(-sess_in "$d/sess.pem")
    done
    wait "$tpid"
    local rc=$?
    local what="tlssim --listen --resume $mode, openssl s_client -sess_out/-sess_in"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: both s_client exit 0 (${crc[*]})" [ "${crc[0]}${crc[1]}" == 00 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the first s_client made a new session" has "$d/client1.out" 'New, TLSv1.2'
    check "$what: the second s_client says Reused" has "$d/client2.out" 'Reused, TLSv1.2'
    check "$what: both pages arrived" \
        has "$d/client1.out" '<h1>Hello from www.example.test</h1>' &&
        has "$d/client2.out" '<h1>Hello from www.example.test</h1>'
    tlssim_resumed "$what" "$d" "$mode" "$d/openssl.keylog"
}

# gnutls-serv --http (lib.sh) with the demo chain and $opts; sets $port
# and $spid.
gnutls_serve_demo() {
    local d=$1 opts=$2
    cat "$pki/server.crt.pem" "$pki/intermediate.crt.pem" > "$d/chain.pem"
    # shellcheck disable=SC2086  # $opts is a list of options
    gnutls_serve "$d" $opts --x509certfile "$d/chain.pem" --x509keyfile "$pki/server.key.pem" \
        --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2'
}

# The Session ID lines of gnutls-serv's pages in tlssim's JSON, distinct.
page_ids() { grep -oE 'Session ID: <i>[0-9A-F]+' "$1" | sort -u | wc -l; }

# tlssim --connect --resume $mode to gnutls-serv $opts ($expect: resumed
# or declined).  gnutls-serv asks for a client certificate by default (an
# empty Certificate answers it), and issues tickets too.
gnutls_connect() {
    local name=$1 mode=$2 opts=$3 expect=$4 d=$work/gnutls-connect-$1 port spid
    mkdir -p "$d"
    if ! gnutls_serve_demo "$d" "$opts"; then
        check "gnutls-serv $name: started" false
        return
    fi
    timeout 40 "$tlssim" --connect "127.0.0.1:$port" --resume "$mode" --json --timeout 10 \
        --keylog "$d/tlssim.keylog" > "$d/out.json" 2> "$d/err"
    local rc=$?
    stop "$spid"
    local what="gnutls-serv $opts, tlssim --connect --resume $mode"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: both pages arrived" [ "$(count "$d/out.json" 'HTTP/1.0 200 OK')" -ge 2 ]
    if [[ $expect == declined ]]; then
        check "$what: tlssim offered the session" has "$d/out.json" 'offers to resume the session'
        check "$what: the server declined, a full second handshake ($(flow_of "$d/out.json"))" \
            grep -qE '"flow":"[^"]*ecdhe\+[^"]*ecdhe"' "$d/out.json"
        check "$what: tlssim says the server declined" has "$d/out.json" 'it declined to resume'
        check "$what: two sessions on gnutls-serv's pages" [ "$(page_ids "$d/out.json")" -eq 2 ]
        check "$what: two master secrets, each the peer's" \
            [ "$(masters "$d/tlssim.keylog")" == "$(masters "$d/gnutls.keylog")" ]
        return
    fi
    check "$what: gnutls-serv's pages show one session ID" [ "$(page_ids "$d/out.json")" -eq 1 ]
    tlssim_resumed "$what" "$d" "$mode" "$d/gnutls.keylog"
}

# tlssim --listen --resume $mode; gnutls-cli --resume connects, resumes and
# sends its GET on the resumed connection (gnutls_get keeps its stdin open
# until the page is there: at EOF it would close before the answer).
gnutls_listen() {
    local mode=$1 d=$work/gnutls-listen-$1 tpid port
    mkdir -p "$d"
    listen_tlssim "gnutls listen $mode" "$d" "$mode" || return
    local opt=()
    [[ $mode == id ]] && opt=(--noticket)
    gnutls_get "$d/client.out" |
        SSLKEYLOGFILE=$d/gnutls.keylog timeout 30 gnutls-cli --port "$port" 127.0.0.1 --resume \
            "${opt[@]}" --x509cafile "$pki/ca.crt.pem" --sni-hostname www.example.test \
            --verify-hostname www.example.test --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' \
            > "$d/client.out" 2>&1
    local crc=$?
    wait "$tpid"
    local rc=$?
    local what="tlssim --listen --resume $mode, gnutls-cli --resume ${opt[*]}"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: gnutls-cli exits 0 (rc $crc)" [ "$crc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: gnutls-cli says the session is resumed" \
        has "$d/client.out" 'This is a resumed session'
    check "$what: the demo page arrived on the resumed connection" \
        has "$d/client.out" '<h1>Hello from www.example.test</h1>'
    check "$what: tlssim recovered the GET" has "$d/out.json" 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'
    tlssim_resumed "$what" "$d" "$mode" "$d/gnutls.keylog"
}

# tlssim --listen --resume ticket; s_client -sess_out, then a client that
# offers the ticket with an EMPTY session ID (RFC 5077 §3.4's other way; no
# installed client does it: capture/ticket_no_id.py).  tlssim's server must
# resume it all the same (its ServerHello's session ID empty too), and its
# pcap, opened back, is walked as the abbreviated handshake the messages
# after the ServerHello show.
openssl_listen_no_id() {
    local d=$work/openssl-listen-no-id tpid port
    mkdir -p "$d"
    listen_tlssim "no session ID" "$d" ticket --pcap "$d/run.pcap" || return
    printf '%s' "$get" |
        timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" \
            -servername www.example.test -CAfile "$pki/ca.crt.pem" -verify_return_error \
            -keylogfile "$d/openssl.keylog" -ign_eof -sess_out "$d/sess.pem" > "$d/client1.out" 2>&1
    local crc=$?
    openssl sess_id -in "$d/sess.pem" -text -noout > "$d/sess.txt"
    ticket_no_id 127.0.0.1 "$port" "$d/sess.txt" > "$d/client2.out" 2>&1
    local prc=$?
    wait "$tpid"
    local rc=$?
    local what="tlssim --listen --resume ticket, a ticket offered with an empty session ID"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
    check "$what: s_client exits 0 ($crc)" [ "$crc" -eq 0 ]
    check "$what: the client resumed and got the page ($prc: $(cat "$d/client2.out"))" \
        [ "$prc" -eq 0 ]
    check "$what: tlssim exits 0 (rc $rc: $(tail -n 1 "$d/err"))" [ "$rc" -eq 0 ] || return
    check "$what: the second handshake abbreviated, a new ticket issued ($(flow_of "$d/out.json"))" \
        grep -qF '"flow":"full-ticket-ecdhe+abbreviated-ticket"' "$d/out.json"
    check "$what: tlssim says no session ID was sent, the resumption shown by what follows" \
        has "$d/out.json" 'the client sent no session ID, so the ServerHello'"'"'s is empty too'
    check "$what: two key-log lines, one master secret, s_client's" \
        [ "$(masters "$d/tlssim.keylog")" == "$(masters "$d/openssl.keylog")" ] &&
        [[ $(keylog_lines "$d/tlssim.keylog" | wc -l) -eq 2 ]]
    local out
    out=$("$tlssim" open "$d/run.pcap" --list --keys "$d/tlssim.keylog" 2>&1)
    check "$what: its pcap opened back, #2 resumed, both Finished verified" \
        grep -qE '^#2  .*  resumed  key log: master secret found  client Finished verified, server Finished verified$' <<< "$out"
    "$tlssim" open "$d/run.pcap" --conn 2 --keys "$d/tlssim.keylog" --json > "$d/open.json"
    check "$what: #2 walked as the abbreviated handshake with a new ticket" \
        python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
steps = [s["message"] for s in d["steps"]]
notes = [n["text"] for n in d["steps"][1]["notes"]]
sys.exit(0 if d["result"]["ok"] and steps == ["ClientHello", "ServerHello", "NewSessionTicket",
         "ChangeCipherSpec", "Finished", "ChangeCipherSpec", "Finished"] and
         any("the server\x27s NewSessionTicket instead of a Certificate" in n for n in notes)
         else 1)' "$d/open.json"
}

for mode in id ticket; do
    openssl_connect "$mode"
    openssl_listen "$mode"
done
openssl_connect ticket "-verify 1"
openssl_listen_no_id
if command -v gnutls-serv > /dev/null 2>&1 && command -v gnutls-cli > /dev/null 2>&1; then
    gnutls_connect id id "" resumed
    gnutls_connect ticket ticket "" resumed
    gnutls_connect ticket-no-request ticket "-a" resumed
    gnutls_connect nodb id "-a --nodb" declined
    gnutls_listen id
    gnutls_listen ticket
else
    echo "(gnutls-bin is not installed: the GnuTLS cases are skipped)"
fi
finish
