#!/usr/bin/env bash
# capture_peers.sh TLSSIM PKI_DIR
#
# tlssim open FILE --list on captures of real peers, made here with dumpcap
# on lo (root): openssl s_client, curl --tls-max 1.2 and gnutls-cli against
# openssl s_server, and s_client and curl against gnutls-serv, across the
# suite families (ECDHE-RSA GCM, RSA, DHE, ECDHE-ECDSA, CBC with and without
# encrypt-then-MAC, ChaCha20), with and without the extended master secret,
# session-ID and ticket resumption, client certificates.  Each client writes
# its key log; with them (and with the server's), every connection's master
# secret is found and both Finished messages verify, and peer_values.py
# checks each connection's values against what the peers logged, sent and
# received: master secret, key block and keys, both verify_data (as tshark
# reads them) and the application data both ways, byte for byte.  The RSA
# key exchange opens with the server's key alone; ECDHE does not (forward
# secrecy).
# Connections tlssim cannot follow (TLS 1.3, 1.0, 1.1, a suite it does not
# implement) are listed as such and refused with one line; the walkthrough
# of a suite it does not implement dissects, decrypts nothing, says why.
set -u
tlssim=$1
pki=$2
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
if [[ $(id -u) -ne 0 ]] || ! command -v dumpcap > /dev/null; then
    echo "SKIP: capturing on lo needs root and dumpcap"
    exit 77
fi
need openssl
need curl
need gnutls-serv
need gnutls-cli
need tshark
need python3
peer_values=$(dirname "$0")/../capture/peer_values.py
unknown_suite=$(dirname "$0")/../capture/unknown_suite.py
capture_page=$(dirname "$0")/../html/capture_page.py
# What s_client sends.
printf 'GET / HTTP/1.0\r\n\r\n' > "$work/get"
# GnuTLS sends the chain it reads from one file: the leaf, then the
# intermediate that issued it.
for c in server server-ecdsa; do
    cat "$pki/$c.crt.pem" "$pki/intermediate.crt.pem" > "$work/$c-chain.pem"
done

# Case directory $d, server port $port, its pid $server_pid.
start_openssl() {
    timeout 120 openssl s_server -accept 127.0.0.1:0 -www -keylogfile "$d/server.keylog" "$@" \
        > "$d/server.out" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:')
}

start_gnutls() {
    local spid
    gnutls_serve "$d" "$@" || return 1
    server_pid=$spid
    ln -sf gnutls.keylog "$d/server.keylog"
}

# The clients; $n numbers their key logs.  s_client sends a GET and waits
# for the page (-quiet: it prints only what it received), curl fetches the
# page twice (its second connection resumes; --include: the file holds the
# whole answer), gnutls-cli -r connects, then resumes and sends a GET (its
# stdin kept open until the page arrived: gnutls_get; --logfile: its
# output is only what it received).  Each adds to specs, for each of its
# connections, SENT:RECEIVED: the files of what it sent and received there
# (- for nothing), which peer_values.py compares with tlssim's decryption.
n=0
sclient() {
    n=$((n + 1))
    timeout 20 openssl s_client -connect "127.0.0.1:$port" -servername capture.test -quiet \
        -keylogfile "$d/client$n.keylog" "$@" < "$work/get" > "$d/client$n.out" 2> "$d/client$n.err"
    specs+=("$work/get:$d/client$n.out")
}
# Without its User-Agent and Accept headers, curl's request is known.
curl2() {
    n=$((n + 1))
    local url=https://capture.test:$port/
    printf 'GET / HTTP/1.1\r\nHost: capture.test:%s\r\n\r\n' "$port" > "$d/client$n.sent"
    SSLKEYLOGFILE=$d/client$n.keylog timeout 20 curl -sk --max-time 10 --tlsv1.2 --tls-max 1.2 \
        --http1.1 -H 'User-Agent:' -H 'Accept:' --include --resolve "capture.test:$port:127.0.0.1" \
        "$@" "$url" -o "$d/client$n.1.out" "$url" -o "$d/client$n.2.out" 2> "$d/client$n.err"
    specs+=("$d/client$n.sent:$d/client$n.1.out" "$d/client$n.sent:$d/client$n.2.out")
}
gnutls_r() {
    n=$((n + 1))
    gnutls_get "$d/client$n.out" | tee "$d/client$n.sent" |
        SSLKEYLOGFILE=$d/client$n.keylog timeout 20 gnutls-cli -r --insecure --logfile "$d/client$n.log" \
        --port "$port" --sni-hostname capture.test "$@" 127.0.0.1 > "$d/client$n.out" 2> "$d/client$n.err"
    specs+=(-:- "$d/client$n.sent:$d/client$n.out")
}

# Each client twice: a full handshake, then one resuming its session.
clients_resuming() {
    sclient -sess_out "$d/sess.pem"
    sclient -sess_in "$d/sess.pem"
    curl2
    gnutls_r "$@"
}

# The ServerHellos that carry extension $2, by tshark's reading, are $1:
# the case negotiated what it says (22 encrypt_then_mac, 23
# extended_master_secret).
server_hellos_with() {
    command -v tshark > /dev/null || return 0
    local n
    n=$(tshark -n -r "$d/cap.pcapng" -d "tcp.port==$port,tls" \
        -Y "tls.handshake.type == 2 && tls.handshake.extension.type == $2" 2> /dev/null | wc -l)
    [[ $n -eq $1 ]] || { echo "  $n ServerHellos with extension $2"; return 1; }
}

# The key logs of the case, the clients' and the server's, in one file.
# GnuTLS logs no secret for a resumed session (it made no new master
# secret): that connection's line is in its peer's log only.
all_keylogs() { cat "$d"/client*.keylog "$d/server.keylog" > "$d/all.keylog" 2> /dev/null; }

# Both sides logged the same master secret for every client random they
# both logged (and they share at least one).
keylogs_agree() {
    local both conflicts
    both=$(join <(keylog_lines "$d/clients.keylog" | cut -d' ' -f2,3 | sort -u) \
        <(keylog_lines "$d/server.keylog" | cut -d' ' -f2,3 | sort -u))
    conflicts=$(awk '$2 != $3' <<< "$both")
    [[ -n $both && -z $conflicts ]]
}
conns() { "$tlssim" open "$d/cap.pcapng" --list | grep -c '^#'; }

# TCP connections of the capture that one side ended (FIN or RST; with
# gnutls-serv the server's RST is all there is), by tshark: each side ends
# after its data, so once all are ended the capture holds the application
# data both ways.
closed() {
    tshark -n -r "$d/cap.pcapng" -Y 'tcp.flags.fin == 1 || tcp.flags.reset == 1' \
        -T fields -e tcp.stream 2> /dev/null | sort -u | wc -l
}

# begin NAME: a case directory, the capture started once the server listens.
begin() {
    name=$1
    d=$work/$name
    mkdir -p "$d"
    n=0
    specs=()
}
capture() {
    check "$name: server started" [ -n "$port" ] &&
        check "$name: dumpcap started" capture_start "$d/cap.pcapng" "tcp port $port"
}

# end N RESUMED CLIENT_AUTH: stop the capture once N connections have
# ended, stop the server, then check: N connections, each verifying with
# the key logs (the clients' and the server's agreeing), RESUMED of them
# resumed and CLIENT_AUTH with a client certificate; each one's values as
# the peers logged, sent and received (peer_values.py).
end() {
    local want=$1 resumed=$2 client_auth=${3:-0} out rc
    capture_stop_when "$want" closed
    stop "$server_pid"
    cat "$d"/client*.keylog > "$d/clients.keylog"
    all_keylogs
    check "$name: the clients and the server logged the same secrets" keylogs_agree
    out=$("$tlssim" open "$d/cap.pcapng" --list --keys "$d/all.keylog" 2> "$d/open.err")
    rc=$?
    printf '%s\n' "$out" > "$d/open.out"
    echo "$name:"
    echo "$out"
    check "$name: exit 0 (rc $rc: $(cat "$d/open.err"))" [ "$rc" -eq 0 ]
    check "$name: $want connections" [ "$(grep -c '^#' <<< "$out")" -eq "$want" ]
    check "$name: all TLS 1.2 to capture.test" \
        [ "$(grep -cE '^#[0-9]+  127\.0\.0\.1:[0-9]+ -> 127\.0\.0\.1:'"$port"'  capture\.test  TLS 1\.2  ' <<< "$out")" -eq "$want" ]
    check "$name: every master secret found, both Finished verified" \
        [ "$(grep -c 'key log: master secret found  client Finished verified, server Finished verified$' <<< "$out")" -eq "$want" ]
    check "$name: $resumed resumed" [ "$(grep -c '  resumed  ' <<< "$out")" -eq "$resumed" ]
    check "$name: $client_auth with a client certificate" \
        [ "$(grep -c '  full handshake with a client certificate  ' <<< "$out")" -eq "$client_auth" ]
    check "$name: what the clients sent and received on each of the $want connections" \
        [ "${#specs[@]}" -eq "$want" ]
    python3 "$peer_values" "$tlssim" "$d/cap.pcapng" "$d/all.keylog" "$port" "${specs[@]}" \
        > "$d/values.out" 2>&1
    rc=$?
    grep -v '^ok  ' "$d/values.out"
    check "$name: master secret, keys, verify_data and application data as the peers logged and sent" \
        [ "$rc" -eq 0 ]
}

# handout CONN...: the walkthrough's HTML handout of those connections of
# the case, rendered by chromium in English and Chinese (capture_page.py:
# the ladder, the values and the application data equal open --json's).
handout() {
    python3 "$capture_page" "$tlssim" "$d/cap.pcapng" "$d/all.keylog" "$@" > "$d/page.out" 2>&1
    local rc=$?
    cat "$d/page.out"
    if [[ $rc -eq 77 ]]; then
        echo "SKIP: chromium is not installed: $name's handout not rendered"
        return 0
    fi
    check "$name: the HTML handout of #${*// /, #} in chromium, en and zh, as open --json" [ "$rc" -eq 0 ]
}

# suite: the listing's column for every connection of the case.
all_suite() {
    check "$name: every connection $1" [ "$(grep -c "  TLS 1\.2  $1  " "$d/open.out")" -eq "$(grep -c '^#' "$d/open.out")" ]
}

RSA=(-cert "$pki/server.crt.pem" -key "$pki/server.key.pem")
G=NORMAL:-VERS-ALL:+VERS-TLS1.2

# 1. ECDHE-RSA AES-GCM, session-ID resumption (no tickets): s_client, curl
# and gnutls-cli, each a full handshake then a resumed one.
begin ecdhe-rsa-gcm-sessionid
start_openssl "${RSA[@]}" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -no_ticket
capture
clients_resuming
end 6 3
all_suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
check "$name: the extended master secret in every ServerHello" server_hellos_with 6 23
check "$name: curl's ALPN listed and skipped" \
    grep -q '^    extensions tlssim does not implement, skipped: ClientHello .*application_layer_protocol_negotiation' "$d/open.out"
handout 1 2

# 2. ChaCha20 with session tickets (NewSessionTicket, then resumption by ticket).
begin chacha-tickets
start_openssl "${RSA[@]}" -tls1_2 -cipher ECDHE-RSA-CHACHA20-POLY1305
capture
clients_resuming
end 6 3
all_suite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256

# 3. RSA key exchange; then the server's key alone opens every full handshake.
begin rsa
start_openssl "${RSA[@]}" -tls1_2 -cipher AES128-GCM-SHA256 -no_ticket
capture
sclient
curl2
gnutls_r
end 5 2
all_suite TLS_RSA_WITH_AES_128_GCM_SHA256
"$tlssim" open "$d/cap.pcapng" --list --server-key "$pki/server.key.pem" > "$d/key.out" 2> "$d/key.err"
check "rsa, server key alone: exit 0 ($(cat "$d/key.err"))" [ $? -eq 0 ]
check "rsa, server key alone: the three full handshakes decrypted and verified" \
    [ "$(grep -c '  full handshake  server key: pre-master secret decrypted  client Finished verified, server Finished verified$' "$d/key.out")" -eq 3 ]
# The pre-master each full handshake carried, as the server's key opens it:
# PRF of it (recomputed in Python, extended master secret included) is the
# master secret the peers logged.
check "rsa, server key alone: PRF(pre-master) is each peer's logged master secret" \
    python3 "$(dirname "$0")/../capture/premaster_prf.py" "$tlssim" "$d/cap.pcapng" \
    "$pki/server.key.pem" "$d/all.keylog"
check "rsa, server key alone: the two resumed ones opened with the session an earlier connection made" \
    [ "$(grep -c '  resumed  server key: the master secret of the session connection #[0-9]* made  client Finished verified, server Finished verified$' "$d/key.out")" -eq 2 ]
# Each resumed one walked through with the server's key alone: the master
# secret of the full handshake (earlier, same capture) that made its session.
for c in $(sed -n 's/^#\([0-9]*\) .*  resumed  server key: the master secret of the session connection #\([0-9]*\) made .*/\1:\2/p' "$d/key.out"); do
    "$tlssim" open "$d/cap.pcapng" --conn "${c%:*}" --server-key "$pki/server.key.pem" --json > "$d/resumed.json"
    check "rsa, server key alone: resumed #${c%:*} followed with #${c#*:}'s master secret, both Finished verified" \
        python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); c = d["config"]["capture"]
sys.exit(not (d["result"]["ok"] and c["secrets"] == "earlier_connection" and c["session_from"] == int(sys.argv[2])
              and sum(len(s["checks"]) for s in d["steps"]) == 2))' "$d/resumed.json" "${c#*:}"
done

# 4. DHE.
begin dhe
start_openssl "${RSA[@]}" -tls1_2 -cipher DHE-RSA-AES256-GCM-SHA384
capture
sclient
curl2
gnutls_r
end 5 2
all_suite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384

# 5. ECDHE-ECDSA; the server's (EC) key is no use: forward secrecy.
begin ecdhe-ecdsa
start_openssl -cert "$pki/server-ecdsa.crt.pem" -key "$pki/server-ecdsa.key.pem" -tls1_2 \
    -cipher ECDHE-ECDSA-AES256-GCM-SHA384
capture
sclient
curl2
end 3 1
all_suite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
"$tlssim" open "$d/cap.pcapng" --list --server-key "$pki/server-ecdsa.key.pem" > "$d/key.out" 2> "$d/key.err"
check "ecdhe-ecdsa, server key: exit 1" [ $? -eq 1 ]
check "ecdhe-ecdsa, server key: forward secrecy explained for each full handshake" \
    [ "$(grep -c "  full handshake  server key: no use here (forward secrecy: with ECDHE the server's key only signed its ephemeral key" "$d/key.out")" -eq 2 ]
check "ecdhe-ecdsa, server key: one line" [ "$(wc -l < "$d/key.err")" -eq 1 ]

# 6. CBC with encrypt-then-MAC (the default of both) and without (-no_etm,
# %NO_ETM): the key block, the MAC order and both Finished must be right.
begin cbc-etm
start_openssl "${RSA[@]}" -tls1_2 -cipher ECDHE-RSA-AES128-SHA
capture
sclient
sclient -no_etm
curl2
gnutls_r --priority "$G:%NO_ETM"
end 6 2
all_suite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
check "$name: encrypt-then-MAC in the three ServerHellos that agreed on it" server_hellos_with 3 22
handout 2

# 7. Client certificates: s_server requires one (-Verify 1); each client
# sends the demo client's.
begin client-auth
start_openssl "${RSA[@]}" -tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384 -Verify 1 \
    -CAfile "$pki/ca.crt.pem" -no_ticket
capture
sclient -cert "$pki/client.crt.pem" -key "$pki/client.key.pem"
curl2 --cert "$pki/client.crt.pem" --key "$pki/client.key.pem"
gnutls_r --x509certfile "$pki/client.crt.pem" --x509keyfile "$pki/client.key.pem"
end 5 2 3

# 8. gnutls-serv: tickets and extended master secret (its defaults).
begin gnutls-ems
start_gnutls --x509certfile "$work/server-chain.pem" --x509keyfile "$pki/server.key.pem" \
    --priority "$G"
capture
sclient -tls1_2 -sess_out "$d/sess.pem"
sclient -tls1_2 -sess_in "$d/sess.pem"
curl2
end 4 2
check "$name: the extended master secret in every ServerHello" server_hellos_with 4 23

# 9. gnutls-serv without the extended master secret (%NO_SESSION_HASH), CBC
# with and without encrypt-then-MAC.
begin gnutls-no-ems
start_gnutls --x509certfile "$work/server-chain.pem" --x509keyfile "$pki/server.key.pem" \
    --priority "NONE:+VERS-TLS1.2:+SIGN-ALL:+COMP-NULL:+GROUP-ALL:+CTYPE-X509:+ECDHE-RSA:+AES-256-CBC:+SHA1:%NO_SESSION_HASH"
capture
sclient -tls1_2
sclient -tls1_2 -no_etm
curl2
end 4 1
all_suite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
check "$name: no extended master secret" server_hellos_with 0 23
check "$name: encrypt-then-MAC in three ServerHellos, not in -no_etm's" server_hellos_with 3 22

# 10. What tlssim cannot follow: TLS 1.3, 1.0 and 1.1 listed with their
# version; following them is refused with one line naming the first, exit 1.
begin not-tls12
start_openssl "${RSA[@]}" -cipher 'ALL:@SECLEVEL=0' -no_ticket
capture
sclient
sclient -tls1 -cipher 'DEFAULT:@SECLEVEL=0'
sclient -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0'
capture_stop_when 3 conns
kill "$server_pid" 2> /dev/null
cat "$d"/client*.keylog > "$d/clients.keylog"
out=$("$tlssim" open "$d/cap.pcapng" --list 2> "$d/open.err")
check "$name: listed, exit 0 ($(cat "$d/open.err"))" [ $? -eq 0 ]
echo "$out"
for v in 1:1.3 2:1.0 3:1.1; do
    check "$name: TLS ${v#*:} listed as such" \
        grep -qE "^#${v%%:*}  .*  TLS ${v#*:}  (TLS_\w+|0x[0-9a-f]{4}( \(TLS_\w+\))?)  records [0-9]+/[0-9]+  not TLS 1\.2: not followed$" <<< "$out"
done
"$tlssim" open "$d/cap.pcapng" --list --keys "$d/clients.keylog" > "$d/keys.out" 2> "$d/keys.err"
check "$name, with the key logs: exit 1" [ $? -eq 1 ]
check "$name, with the key logs: one line naming TLS 1.3 ($(cat "$d/keys.err"))" \
    grep -qx 'tlssim: connection #1 is TLS 1.3; tlssim follows TLS 1.2 connections only' "$d/keys.err"

# 11. A suite tlssim does not implement (Camellia): shown by number, not
# decrypted, one line.
begin unknown-suite
start_openssl "${RSA[@]}" -tls1_2 -cipher CAMELLIA256-SHA256 -no_ticket
capture
sclient -cipher CAMELLIA256-SHA256
capture_stop_when 1 conns
kill "$server_pid" 2> /dev/null
out=$("$tlssim" open "$d/cap.pcapng" --list 2> "$d/open.err")
check "$name: listed, exit 0 ($(cat "$d/open.err"))" [ $? -eq 0 ]
echo "$out"
check "$name: the suite shown in hex" \
    grep -qE '^#1  .*  TLS 1\.2  0x00c0  records [0-9]+/[0-9]+  full handshake$' <<< "$out"
"$tlssim" open "$d/cap.pcapng" --list --keys "$d/client1.keylog" > "$d/keys.out" 2> "$d/keys.err"
check "$name, with the key log: exit 1" [ $? -eq 1 ]
check "$name, with the key log: not decrypted" \
    grep -qE '^#1  .*  0x00c0  .*  suite not implemented by tlssim: not decrypted$' "$d/keys.out"
check "$name, with the key log: one line ($(cat "$d/keys.err"))" \
    grep -qx 'tlssim: connection #1 uses suite 0x00c0 (unknown), which tlssim does not implement: it cannot be decrypted' "$d/keys.err"
# Its key exchange is read off the messages: ServerHelloDone right after the
# Certificate is the RSA key exchange's shape (it followed ECDHE's before,
# with a ServerKeyExchange step that had no message), and ClientKeyExchange
# carries an RSA ciphertext.
"$tlssim" open "$d/cap.pcapng" --text > "$d/walk.txt" 2> "$d/walk.err"
check "$name, walkthrough: exit 0 ($(cat "$d/walk.err"))" [ $? -eq 0 ]
check "$name, walkthrough: no ServerKeyExchange, as with the RSA key exchange" \
    grep -qx 'Step 4: ServerKeyExchange, skipped with RSA key exchange' "$d/walk.txt"
check "$name, walkthrough: ServerHelloDone at step 5, after the Certificate" \
    grep -qx '=== Step 5/10: ServerHelloDone (server → client) ===' "$d/walk.txt"
check "$name, walkthrough: ClientKeyExchange read as an RSA ciphertext" \
    grep -qE '^  @6 +\+256 +encrypted_pre_master_secret +[0-9a-f]{32}… \(256 bytes\) \[RSAES-PKCS1-v1_5 ciphertext\]$' \
    "$d/walk.txt"
check "$name, walkthrough: the eavesdropper sees the encrypted pre-master" \
    grep -qE '^  wire +encrypted_pre_master ' "$d/walk.txt"

# 12. The walkthrough of suites tlssim does not implement, with ECDHE and
# with DHE: one it knows the name of, one it does not (unknown_suite.py:
# --list, --text, --json, with and without the key log; the key exchange read
# off the ServerKeyExchange's parameters, DHE's p, g and Ys as tshark reads
# them).
for u in ECDHE-RSA-AES128-SHA256:c027:TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256:ecdhe \
         ECDHE-RSA-CAMELLIA128-SHA256:c076:-:ecdhe \
         DHE-RSA-AES128-SHA256:0067:TLS_DHE_RSA_WITH_AES_128_CBC_SHA256:dhe \
         DHE-RSA-CAMELLIA128-SHA:0045:-:dhe; do
    IFS=: read -r cipher id iana kx <<< "$u"
    begin "unknown-suite-$id"
    start_openssl "${RSA[@]}" -tls1_2 -cipher "$cipher" -no_ticket
    capture
    sclient -cipher "$cipher"
    capture_stop_when 1 closed
    stop "$server_pid"
    python3 "$unknown_suite" "$tlssim" "$d/cap.pcapng" \
        "$d/client1.keylog" "$port" "$id" "$iana" "$kx" > "$d/walk.out" 2>&1
    rc=$?
    grep -v '^ok  ' "$d/walk.out"
    check "$name: the walkthrough shows $cipher, decrypts nothing, says why" [ "$rc" -eq 0 ]
done

# 13. Ticket resumption with an EMPTY session ID (RFC 5077 §3.4's other
# way): the ServerHello's is empty too, and only what follows it says the
# session was resumed.  No installed client does this (s_client, curl,
# gnutls-cli and Java send a session ID with their ticket), so
# ticket_no_id.py, a minimal client checked by openssl s_server itself (its
# Finished verifies, it answers the GET), resumes the session s_client saved.
# RSA key exchange: the server's key alone opens the full handshake, and the
# resumed one by the ticket that handshake issued.
begin ticket-no-id
start_openssl "${RSA[@]}" -tls1_2 -cipher AES128-GCM-SHA256
capture
sclient -sess_out "$d/sess.pem"
openssl sess_id -in "$d/sess.pem" -text -noout > "$d/sess.txt"
check "$name: s_server resumed the ticket offered with an empty session ID" \
    ticket_no_id 127.0.0.1 "$port" "$d/sess.txt"
capture_stop_when 2 closed
stop "$server_pid"
check "$name: the second ClientHello and ServerHello carry empty session IDs" \
    [ "$(tshark -n -r "$d/cap.pcapng" -d "tcp.port==$port,tls" -Y 'tls.handshake.type == 1 || tls.handshake.type == 2' \
        -T fields -e tcp.stream -e tls.handshake.session_id_length 2> /dev/null | sed -n 3,4p | cut -f2 | tr '\n' ' ')" = "0 0 " ]
out=$("$tlssim" open "$d/cap.pcapng" --list --keys "$d/server.keylog" 2>&1)
echo "$out"
check "$name, key log: #2 resumed, both Finished verified" \
    grep -qE '^#2  .*  resumed  key log: master secret found  client Finished verified, server Finished verified$' <<< "$out"
out=$("$tlssim" open "$d/cap.pcapng" --list --server-key "$pki/server.key.pem" 2>&1)
check "$name, server key: #2 opened by the ticket #1 issued, both Finished verified" \
    grep -qE '^#2  .*  resumed  server key: the master secret of the session connection #1 made  client Finished verified, server Finished verified$' <<< "$out"
abbreviated='ClientHello ServerHello ChangeCipherSpec Finished ChangeCipherSpec Finished'
for how in "--keys $d/server.keylog" "--server-key $pki/server.key.pem" ""; do
    # shellcheck disable=SC2086
    "$tlssim" open "$d/cap.pcapng" --conn 2 $how --json > "$d/walk.json" 2> "$d/walk.err"
    check "$name, walk ${how%% *}: the abbreviated flow, $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
steps = " ".join(s["message"] for s in d["steps"])
print(f"{steps}; ok {d[\"result\"][\"ok\"]}; secrets {d[\"config\"][\"capture\"][\"secrets\"]}")' "$d/walk.json")" \
        python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
keys = sys.argv[3] != ""
masters = {v["hex"] for s in d["steps"] for v in s["values"] if v["name"] == "master_secret"}
logged = {l.split()[2] for l in open(sys.argv[4]) if l.startswith("CLIENT_RANDOM")}
ok = " ".join(s["message"] for s in d["steps"]) == sys.argv[2] and d["result"]["ok"] and \
    d["config"]["capture"]["resumed"] and \
    (masters and masters <= logged if keys else not masters) and \
    any(n["text"].startswith("no session ID was echoed (the client offered its ticket without one") and
        "ChangeCipherSpec instead of a Certificate" in n["text"] for n in d["steps"][1]["notes"]) and \
    all(s["reached"] for s in d["steps"])
sys.exit(0 if ok else 1)' "$d/walk.json" "$abbreviated" "$how" "$d/server.keylog"
done
finish
