#!/usr/bin/env bash
# interop/errors.sh TLSSIM FAKEPEER
#
# Live mode against peers that misbehave (tests/interop/fakepeer.c): garbage,
# plain HTTP, a close mid-handshake, a cut-off record, an unknown handshake
# message, silence; and nobody there at all.  Each run must end with exit
# status 1 and a one-line error on stderr that says what happened, well
# within the timeout (--timeout 1 here).
set -u
tlssim=$1 fakepeer=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"


# expect_error WHAT RC ERRFILE TEXT START
expect_error() {
    local what=$1 rc=$2 err=$3 text=$4 start=$5
    local last
    last=$(tail -n 1 "$err")
    check "$what: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
    check "$what: one clear line (got: $last)" grep -qF -- "$text" <<< "$last"
    check "$what: the line starts 'tlssim: '" grep -q '^tlssim: ' <<< "$last"
    check "$what: over within 8 s" elapsed_below "$start" "$(now)" 8
    check "$what: no sanitizer report" no_sanitizer_report "$err"
}

# tlssim --connect to a fake server.
connect_case() {
    local mode=$1 text=$2
    local d=$work/connect-$mode
    mkdir -p "$d"
    fake_server "$mode" "$d" || return
    local port=$fake_port fpid=$fake_pid
    local start
    start=$(now)
    timeout 20 "$tlssim" --connect "127.0.0.1:$port" --timeout 1 --json > "$d/out.json" 2> "$d/err"
    local rc=$?
    expect_error "connect $mode" "$rc" "$d/err" "$text" "$start"
    check "connect $mode: the JSON document is complete" grep -q '^}$' "$d/out.json"
    stop "$fpid"
}

# A fake client against tlssim --listen.
listen_case() {
    local mode=$1 text=$2
    local d=$work/listen-$mode
    mkdir -p "$d"
    local start
    start=$(now)
    timeout 20 "$tlssim" --listen 127.0.0.1:0 --timeout 1 --text > "$d/out.txt" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "listen $mode: tlssim listening" false
        return
    fi
    "$fakepeer" client "$mode" "$port" > "$d/peer.out" 2> "$d/peer.err" &
    local fpid=$!
    pids+=("$fpid")
    wait "$tpid"
    local rc=$?
    expect_error "listen $mode" "$rc" "$d/err" "$text" "$start"
    stop "$fpid"
}

connect_case garbage 'the server does not speak TLS: its first bytes (de ad be ef'
connect_case http 'the server does not speak TLS: it sent "HTTP/1.1 400 Bad" (a plain HTTP server?)'
connect_case close 'the server closed the connection in the middle of the handshake, while the client waited for ServerHello'
connect_case truncate 'the server closed the connection in the middle of the handshake'
connect_case badhs 'expected ServerHello, received an unknown handshake message'
connect_case silent 'the server sent nothing for 1 s while the client waited for ServerHello'

listen_case garbage 'the client does not speak TLS: its first bytes (de ad be ef'
listen_case http 'the client does not speak TLS: it sent "GET / HTTP/1.1\x0d\x0a" (plain HTTP sent to a TLS port?)'
listen_case close 'the client closed the connection in the middle of the handshake, while the server waited for ClientHello'
listen_case truncate 'the client closed the connection in the middle of the handshake'
listen_case badhs 'expected ClientHello, received an unknown handshake message'
listen_case silent 'the client sent nothing for 1 s while the server waited for ClientHello'

# Nobody connects to --listen; nobody listens for --connect.
d=$work/noclient
mkdir -p "$d"
start=$(now)
timeout 20 "$tlssim" --listen 127.0.0.1:0 --timeout 1 --text > "$d/out.txt" 2> "$d/err"
expect_error "listen, no client" $? "$d/err" 'no client connected in time' "$start"

d=$work/refused
mkdir -p "$d"
# A port that was free a moment ago: bind it, note it, let it go.
"$fakepeer" server close > "$d/peer.out" 2> /dev/null &
fpid=$!
pids+=("$fpid")
port=$(wait_port "$d/peer.out" 'PORT ')
stop "$fpid"
start=$(now)
timeout 20 "$tlssim" --connect "127.0.0.1:$port" --timeout 1 --text > "$d/out.txt" 2> "$d/err"
expect_error "connect, nobody listening" $? "$d/err" "cannot connect to 127.0.0.1:$port" "$start"
finish
