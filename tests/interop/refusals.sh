#!/usr/bin/env bash
# interop/refusals.sh TLSSIM PKI-DIR
#
# Real OpenSSL peers that want what tlssim does not implement, or present
# what it must not accept: each run ends with the alert RFC 5246 calls for,
# seen by OpenSSL, and one clear line from tlssim (exit status 1).
set -u
tlssim=$1 pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need openssl

listen_opts=()

# tlssim --listen [listen_opts]; s_client with ARGS; tlssim's line must contain OURS,
# s_client's output THEIRS.
refuse_client() {
    local what=$1 ours=$2 theirs=$3
    shift 3
    local d=$work/listen-$checks
    mkdir -p "$d"
    timeout 20 "$tlssim" --listen 127.0.0.1:0 "${listen_opts[@]}" --timeout 5 --text \
        > "$d/out.txt" 2> "$d/err" &
    local tpid=$!
    pids+=("$tpid")
    local port
    if ! port=$(wait_port "$d/err" 'tlssim: listening on 127\.0\.0\.1:'); then
        check "$what: tlssim listening" false
        return
    fi
    timeout 10 openssl s_client -connect "127.0.0.1:$port" "$@" < /dev/null > "$d/client.out" 2>&1
    wait "$tpid"
    local rc=$?
    check "$what: tlssim exits 1 (got $rc)" [ "$rc" -eq 1 ]
    check "$what: tlssim says: $ours" has <(tail -n 1 "$d/err") "$ours"
    check "$what: OpenSSL got: $theirs" has "$d/client.out" "$theirs"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
}

# The intermediate s_server sends after its leaf, as real servers do.
chain=(-cert_chain "$pki/intermediate.crt.pem")

# openssl s_server with ARGS; tlssim --connect with OPTS (a string).
refuse_server() {
    local what=$1 opts=$2 ours=$3 theirs=$4
    shift 4
    local d=$work/connect-$checks
    mkdir -p "$d"
    # -www: without it s_server reads stdin, and its end drops the connection.
    timeout 60 openssl s_server -accept 127.0.0.1:0 -cert "$pki/server.crt.pem" -key "$pki/server.key.pem" \
        "${chain[@]}" -naccept 1 -www "$@" < /dev/null > "$d/server.out" 2>&1 &
    local spid=$!
    pids+=("$spid")
    local port
    if ! port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:'); then
        check "$what: s_server started" false
        return
    fi
    # shellcheck disable=SC2086  # opts is a list of options
    timeout 20 "$tlssim" --connect "127.0.0.1:$port" --timeout 5 --text $opts > "$d/out.txt" 2> "$d/err"
    local rc=$?
    # s_server writes what it got after tlssim has gone: wait for it.
    [[ -n $theirs ]] && wait_until has "$d/server.out" "$theirs"
    stop "$spid"
    check "$what: tlssim exits 1 (got $rc)" [ "$rc" -eq 1 ]
    check "$what: tlssim says: $ours" has <(tail -n 1 "$d/err") "$ours"
    [[ -n $theirs ]] && check "$what: OpenSSL got: $theirs" has "$d/server.out" "$theirs"
    check "$what: no sanitizer report" no_sanitizer_report "$d/err"
}

refuse_client "a TLS 1.3-only client" \
    'the client speaks only TLS 1.3' 'alert protocol version' -tls1_3
refuse_client "a client with no suite in common" \
    'the client offered none of the cipher suites the server accepts' 'alert handshake failure' \
    -tls1_2 -cipher ECDHE-RSA-AES256-SHA384
# RFC 8422 §5.1: supported_groups bounds the curve of an ECDSA certificate too.
listen_opts=(--server-cert ecdsa)
refuse_client "an ECDSA server, a client without P-256" \
    'but does not list secp256r1, the curve of the server' 'alert handshake failure' \
    -tls1_2 -groups x25519
listen_opts=()
refuse_client "a client that does not trust the demo CA" \
    'the client sent a fatal alert unknown_ca (48)' 'verify error' \
    -tls1_2 -verify_return_error -CAfile "$pki/server.crt.pem" -servername www.example.test

refuse_server "a server with no suite in common" '' \
    'the server sent a fatal alert handshake_failure (40)' 'no shared cipher' \
    -tls1_2 -cipher ECDHE-RSA-AES256-SHA384
refuse_server "a certificate for another name" '--sni other.example' \
    'certificate verification failed' 'alert bad certificate' -tls1_2
refuse_server "a certificate from an untrusted CA" "--ca $pki/server.crt.pem" \
    'certificate verification failed' 'alert unknown ca' -tls1_2
refuse_server "a TLS 1.3-only server" '' \
    'the server sent a fatal alert protocol_version (70)' 'unsupported protocol' -tls1_3
# A server that forgets its intermediate: the client cannot build a path to
# its root, says which link is missing, and answers unknown_ca.
chain=()
no_chain=$work/connect-$checks
refuse_server "a server that does not send its intermediate" '' \
    'certificate verification failed' 'alert unknown ca' -tls1_2
check "no intermediate: the path check says an intermediate is missing" \
    has "$no_chain/out.txt" 'an intermediate is missing'
chain=(-cert_chain "$pki/intermediate.crt.pem")
# Logjam-sized DHE: tlssim refuses a group below 2048 bits, with the reason.
refuse_server "a DHE server with a 1024-bit group" '' \
    "the server's DH group has 1024 bits; tlssim accepts 2048 to 8192" \
    'alert insufficient security' \
    -tls1_2 -cipher 'DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0' \
    -dhparam "$(dirname "$0")/dh1024-weak.pem"
finish
