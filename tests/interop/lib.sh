# shellcheck shell=bash
# Shared by the interop tests (sourced, not run).  Loopback only; every
# process they start is killed on exit and every wait is bounded.

# shellcheck disable=SC2034  # used by the scripts that source this file
fails=0
checks=0
pids=()
work=$(mktemp -d "${TMPDIR:-/tmp}/tlssim-interop.XXXXXX")

# Stop whatever is still running (by the pids we started), keep the work
# directory of a failed run for the log, remove it otherwise.
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null
    done
    if [[ $fails -eq 0 ]]; then
        rm -rf "$work"
    else
        echo "(files of the failed runs are in $work)"
    fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# Skip (77) when a tool the test needs is genuinely absent.
need() {
    if ! command -v "$1" > /dev/null 2>&1; then
        echo "SKIP: $1 is not installed"
        exit 77
    fi
}

# ticket_no_id ARGS...: tests/capture/ticket_no_id.py (for 30 s at most)
# under a python3 that has the cryptography module: the first python3 on
# PATH (a pyenv one, say) may lack what setup.sh installed for Debian's
# /usr/bin/python3.
ticket_no_id() {
    local py
    for py in python3 /usr/bin/python3; do
        if "$py" -c 'import cryptography' > /dev/null 2>&1; then
            timeout 30 "$py" "$(dirname "${BASH_SOURCE[0]}")/../capture/ticket_no_id.py" "$@"
            return
        fi
    done
    echo "ticket_no_id: no python3 with the cryptography module (setup.sh installs python3-cryptography)" >&2
    return 1
}

check() {
    local what=$1
    shift
    checks=$((checks + 1))
    if "$@"; then
        return 0
    fi
    fails=$((fails + 1))
    echo "FAIL: $what"
    return 1
}

# has FILE FIXED-STRING
has() { grep -qF -- "$2" "$1"; }

# wait_until [-n TRIES] CMD...: run CMD every 0.1 s until it succeeds, TRIES
# times at most (default 100: 10 s); true when it did.  Every wait on a peer
# is this bounded poll, never a fixed sleep.
wait_until() {
    local tries=100 i
    if [[ $1 == -n ]]; then
        tries=$2
        shift 2
    fi
    for ((i = 0; i < tries; i++)); do
        "$@" 2> /dev/null && return 0
        sleep 0.1
    done
    return 1
}

# at_least N CMD...: CMD prints a count of at least N.
at_least() {
    local want=$1
    shift
    [[ $("$@" 2> /dev/null) -ge $want ]]
}

# The number after PREFIX on a line of FILE, waiting up to 10 s for it.
port_in() { sed -n "s/^${2}\([0-9][0-9]*\).*/\1/p" "$1" | head -n 1; }
has_port() { [[ -n $(port_in "$1" "$2") ]]; }
wait_port() {
    wait_until has_port "$1" "$2" && port_in "$1" "$2"
}

# dumpcap on lo (root or capture rights): capture_start PCAP FILTER starts
# it and waits (bounded) until it captures; its pid is capture_pid.
capture_start() {
    local pcap=$1 filter=$2
    timeout 120 dumpcap -q -i lo -f "$filter" -w "$pcap" > "$pcap.log" 2>&1 &
    capture_pid=$!
    pids+=("$capture_pid")
    wait_until has "$pcap.log" "Capturing on"
}

# capture_stop_when N CMD...: dumpcap writes as it captures; wait (up to
# 10 s) until CMD prints a count of at least N (what the test needs is in
# the file), then stop it (SIGINT before that may drop what it still holds).
capture_stop_when() {
    wait_until at_least "$@"
    kill -INT "$capture_pid"
    wait "$capture_pid"
}

# No sanitizer report in a stderr file (an ASan abort also exits 1, which
# the error tests expect: this tells the two apart).
no_sanitizer_report() { ! grep -qE 'runtime error:|Sanitizer|LeakSanitizer' "$1"; }

# Seconds since the epoch with a fraction, for elapsed-time bounds.
now() { date +%s.%N; }
# elapsed_below START END MAX: END - START < MAX seconds.
elapsed_below() { awk -v a="$1" -v b="$2" -v max="$3" 'BEGIN { exit !(b - a < max) }'; }

# fake_server MODE DIR: start the fake peer ($fakepeer) as a server behaving
# as MODE; sets fake_pid and fake_port, or fails a check and returns 1.
fake_server() {
    local mode=$1 d=$2
    "$fakepeer" server "$mode" > "$d/peer.out" 2> "$d/peer.err" &
    fake_pid=$!
    pids+=("$fake_pid")
    if ! fake_port=$(wait_port "$d/peer.out" 'PORT '); then
        check "connect $mode: fake server started" false
        return 1
    fi
}

# gnutls_get OUT: the demo GET on stdout for gnutls-cli, then stdout kept
# open until the answer's end (</html>, or s_server -www's </HTML>) is in
# OUT (gnutls-cli's output), at most 10 s.
# gnutls-cli ends the session as soon as its stdin ends, which raced the
# server's answer on a loaded machine (the page then never arrived).
gnutls_get() {
    printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n'
    wait_until grep -qi '</html>' "$1"
}

# stop PID: end a process this test started and reap it.
stop() {
    kill "$1" 2> /dev/null
    wait "$1" 2> /dev/null
}


# gnutls_serve DIR ARGS...: gnutls-serv --http with ARGS on a free port, its
# output in DIR/server.out and its key log in DIR/gnutls.keylog; sets $port
# and $spid (the caller's locals).  It says it listens before it calls
# listen(): wait for a connection to be accepted too, on up to 5 ports.
gnutls_serve() {
    local d=$1 i
    shift
    for ((i = 0; i < 5; i++)); do
        port=$(free_port)
        SSLKEYLOGFILE=$d/gnutls.keylog timeout 60 gnutls-serv --http --port "$port" "$@" \
            > "$d/server.out" 2>&1 &
        spid=$!
        pids+=("$spid")
        wait_port "$d/server.out" 'HTTP Server listening on IPv4 0.0.0.0 port ' > /dev/null &&
            accepts "$port" && return 0
        stop "$spid"
    done
    return 1
}

# The CLIENT_RANDOM lines of a key log, sorted (OpenSSL adds a comment).
keylog_lines() { grep '^CLIENT_RANDOM ' "$1" | sort; }

same_keylog() {
    [[ -s $1 && -s $2 ]] && [[ "$(keylog_lines "$1")" == "$(keylog_lines "$2")" ]] &&
        [[ -n "$(keylog_lines "$1")" ]]
}

# tshark over a pcap with its key log.  Prints what it finds; true when:
# every handshake message is decoded (with ServerKeyExchange when $3 is 1),
# both Finished decrypted, two ChangeCipherSpec, no malformed packet and no
# expert item of warning level or above, and (when $4 is 1) the HTTP GET
# and (when $5 is 1) its 200 response readable in clear.  $6, when given,
# is the list of handshake types to expect instead (client authentication).
tshark_ok() {
    local pcap=$1 keylog=$2 ske=$3 get=$4 resp=$5 types_want=${6:-}
    local ts=(tshark -n -r "$pcap" -o "tls.keylog_file:$keylog")
    local types want ccs bad n_get n_resp chat ok=0
    types=$("${ts[@]}" -T fields -e tls.handshake.type 2> /dev/null | tr ',' '\n' |
        grep -v '^$' | tr '\n' ' ')
    want="1 2 11 $([[ $ske == 1 ]] && echo "12 ")14 16 20 20 "
    [[ -n $types_want ]] && want="$types_want "
    ccs=$("${ts[@]}" -Y 'tls.record.content_type == 20' 2> /dev/null | wc -l)
    # 0x00600000 is PI_WARN: warnings and errors both count.
    bad=$("${ts[@]}" -Y '_ws.malformed || _ws.expert.severity >= 0x00600000' 2> /dev/null | wc -l)
    n_get=$("${ts[@]}" -Y 'http.request.method == "GET"' 2> /dev/null | wc -l)
    n_resp=$("${ts[@]}" -Y 'http.response.code == 200' 2> /dev/null | wc -l)
    # The same filter at chat level must match (the SYN is one): proof that
    # this tshark knows the field, so the 0 above means something.
    chat=$("${ts[@]}" -Y '_ws.expert.severity >= 0x00200000' 2> /dev/null | wc -l)
    [[ $chat -gt 0 ]] || { echo "  tshark did not evaluate the expert filter"; ok=1; }
    [[ $types == "$want" ]] || { echo "  handshake types: got '$types', want '$want'"; ok=1; }
    [[ $ccs -eq 2 ]] || { echo "  ChangeCipherSpec records: $ccs"; ok=1; }
    [[ $bad -eq 0 ]] || { echo "  malformed or expert warnings/errors: $bad"; ok=1; }
    if [[ $get == 1 && $n_get -ne 1 ]]; then echo "  HTTP GET frames: $n_get"; ok=1; fi
    if [[ $resp == 1 && $n_resp -ne 1 ]]; then echo "  HTTP 200 frames: $n_resp"; ok=1; fi
    return $ok
}

# A TCP connection to 127.0.0.1:$1 succeeds within 5 s (for servers such as
# gnutls-serv that say they listen before they call listen()).
connects() { (exec 3<> "/dev/tcp/127.0.0.1/$1"); }
accepts() { wait_until -n 50 connects "$1"; }

# A TCP port on 127.0.0.1 that was free a moment ago.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

finish() {
    echo "$((checks - fails)) passed, $fails failed"
    [[ $fails -eq 0 ]]
}
