#!/usr/bin/env bash
# tlssim open FILE --list on captures made here: tlssim's own --pcap, and
# (as root, with dumpcap) openssl s_client talking to s_server on lo, a
# full handshake then a session-ID resumption; and input it cannot use.
# Usage: capture.sh TLSSIM PKI_DIR
tlssim=$1
pki=$2
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# tlssim's own capture of a simulated run, for each key exchange.
for kx in ecdhe rsa; do
    "$tlssim" --seed 7 --kx "$kx" --no-lessons --text --pcap "$work/sim-$kx.pcap" > /dev/null 2>&1
    out=$("$tlssim" open "$work/sim-$kx.pcap" --list 2> "$work/err-$kx")
    check "sim $kx: listed (rc $?)" [ $? -eq 0 ]
    suite=$("$tlssim" --seed 7 --kx "$kx" --json 2> /dev/null |
        sed -n 's/.*"suite":"\([A-Z0-9_]*\)".*/\1/p' | head -n 1)
    check "sim $kx: one connection, TLS 1.2, $suite, full handshake ($out)" \
        grep -qE "^#1  .* TLS 1\.2  $suite  records [0-9]+/[0-9]+  full handshake$" <<< "$out"
    check "sim $kx: no stderr" [ ! -s "$work/err-$kx" ]
    "$tlssim" --seed 7 --kx "$kx" --no-lessons --text --keylog "$work/sim-$kx.keylog" > /dev/null 2>&1
    out=$("$tlssim" open "$work/sim-$kx.pcap" --list --keys "$work/sim-$kx.keylog" 2> /dev/null)
    check "sim $kx: its own key log has the secret, both Finished verify ($out)" \
        grep -q "key log: master secret found  client Finished verified, server Finished verified$" <<< "$out"
done
# A key log with no line for the capture's connection (another seed, another
# client random): it cannot be followed.
"$tlssim" --seed 8 --no-lessons --text --keylog "$work/other.keylog" > /dev/null 2>&1
"$tlssim" open "$work/sim-rsa.pcap" --list --keys "$work/other.keylog" > "$work/nokey.out" 2> "$work/nokey.err"
check "key log without a match: exit 1" [ $? -eq 1 ]
check "key log without a match: says so" has "$work/nokey.err" "the secrets given open no connection"
check "key log without a match: the connection listed" has "$work/nokey.out" "key log: no line for it"
# The right client random with a wrong master secret: the Finished messages do
# not decrypt, and it says which connection.
python3 -c 'import sys; l = [x.rstrip("\n") for x in open(sys.argv[1]) if x.startswith("CLIENT_RANDOM")][0]
print(l[:-1] + ("1" if l[-1] == "0" else "0"))' "$work/sim-ecdhe.keylog" > "$work/wrong.keylog"
"$tlssim" open "$work/sim-ecdhe.pcap" --list --keys "$work/wrong.keylog" > "$work/wrong.out" 2> "$work/wrong.err"
check "wrong master secret: exit 1" [ $? -eq 1 ]
check "wrong master secret: Finished did not decrypt" has "$work/wrong.out" "client Finished did not decrypt, server Finished did not decrypt"
check "wrong master secret: one line naming the connection" has "$work/wrong.err" "connection #1 cannot be followed"
# The server's key alone: the RSA key exchange opens (with and without the
# extended master secret); ECDHE does not, and it says why; a key that is
# not the server's does not decrypt; a file that is not a key is refused.
for ems in on off; do
    "$tlssim" --seed 9 --kx rsa --ems "$ems" --no-lessons --text --pcap "$work/rsa-$ems.pcap" > /dev/null 2>&1
    out=$("$tlssim" open "$work/rsa-$ems.pcap" --list --server-key "$pki/server.key.pem" 2> /dev/null)
    check "server key, RSA, ems $ems: pre-master decrypted, both Finished verify ($out)" \
        grep -q "server key: pre-master secret decrypted  client Finished verified, server Finished verified$" <<< "$out"
done
"$tlssim" open "$work/sim-ecdhe.pcap" --list --server-key "$pki/server.key.pem" > "$work/fs.out" 2> "$work/fs.err"
check "server key, ECDHE: exit 1" [ $? -eq 1 ]
check "server key, ECDHE: forward secrecy explained" has "$work/fs.out" "forward secrecy: with ECDHE the server's key only signed its ephemeral key"
check "server key, ECDHE: one line" [ "$(wc -l < "$work/fs.err")" -eq 1 ]
# Another key (the CA's, RSA too): its public half is not the certificate's,
# which is said before any decryption is tried; unusable input, exit 2.  The
# ECDSA server's key against the RSA certificate: the same.
for k in ca server-ecdsa; do
    "$tlssim" open "$work/rsa-on.pcap" --list --server-key "$pki/$k.key.pem" > "$work/wk.out" 2> "$work/wk.err"
    check "$k key: exit 2" [ $? -eq 2 ]
    check "$k key: not this server's certificate" has "$work/wk.out" "server key: does not match the server's certificate (not this server's key)"
    check "$k key: one line naming the connection" \
        grep -qx "tlssim: the server key $pki/$k.key.pem does not match the certificate of connection #1" "$work/wk.err"
done
"$tlssim" open "$work/sim-ecdhe.pcap" --list --server-key "$pki/ca.key.pem" > "$work/wk.out" 2> "$work/wk.err"
check "another key, ECDHE: exit 2, the mismatch said" [ $? -eq 2 ]
check "another key, ECDHE: the mismatch said" has "$work/wk.out" "server key: does not match the server's certificate"
"$tlssim" open "$work/rsa-on.pcap" --list --server-key "$work/sim-rsa.keylog" > /dev/null 2> "$work/nk.err"
check "not a key: exit 2" [ $? -eq 2 ]
check "not a key: one line, says so" has "$work/nk.err" "is not a PEM private key"
printf '# only a comment\n' > "$work/empty.keylog"
"$tlssim" open "$work/sim-rsa.pcap" --list --keys "$work/empty.keylog" > /dev/null 2> "$work/bad.err"
check "key log with no CLIENT_RANDOM: exit 2" [ $? -eq 2 ]
check "key log with no CLIENT_RANDOM: one line" [ "$(wc -l < "$work/bad.err")" -eq 1 ]

# Bad input: one line on stderr, exit 2.
bad() {
    local what=$1 file=$2 want=$3
    "$tlssim" open "$file" --list > "$work/bad.out" 2> "$work/bad.err"
    local rc=$?
    check "$what: exit 2 (rc $rc)" [ "$rc" -eq 2 ]
    check "$what: one line on stderr" [ "$(wc -l < "$work/bad.err")" -eq 1 ]
    check "$what: says '$want' ($(cat "$work/bad.err"))" has "$work/bad.err" "$want"
    check "$what: nothing on stdout" [ ! -s "$work/bad.out" ]
}
printf 'GET / HTTP/1.1\r\n\r\n' > "$work/http.txt"
bad "not a capture" "$work/http.txt" "is not a capture tlssim can read"
bad "missing file" "$work/nonexistent.pcap" "is not a capture tlssim can read"
head -c 100 "$work/sim-ecdhe.pcap" > "$work/cut.pcap"
bad "truncated" "$work/cut.pcap" "is cut short"
# A capture with TCP but no TLS: the simulated run's pcap with its record bytes
# turned into HTTP would need a writer; a pcap header and one ARP-sized frame will do.
python3 - "$work/notls.pcap" <<'PY'
import struct, sys
frame = bytes(12) + b"\x08\x06" + bytes(28)
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    f.write(struct.pack("<IIII", 0, 0, len(frame), len(frame)) + frame)
PY
bad "no TLS" "$work/notls.pcap" "no TLS connection in"
"$tlssim" open "$work/sim-rsa.pcap" --bogus > /dev/null 2> "$work/bad.err"
check "unknown option: exit 2" [ $? -eq 2 ]

# A hand-made capture no peer here can make: an SSL 3.0 ServerHello, and a
# ClientHello with extensions tlssim does not implement (GREASE, ALPN, an
# unassigned number, status_request): listed by name, skipped, and following
# the connection refused with one line naming the version.
python3 - "$work/ssl3.pcap" <<'PY'
import struct, sys
def u16(v): return struct.pack(">H", v)
def vec16(b): return u16(len(b)) + b
def record(version, msg_type, body):
    hs = bytes([msg_type]) + struct.pack(">I", len(body))[1:] + body
    return bytes([22]) + u16(version) + vec16(hs)
exts = (u16(0x0a0a) + vec16(b"") + u16(16) + vec16(vec16(b"\x02h2")) +
        u16(0x7777) + vec16(b"") + u16(5) + vec16(b"\x01\x00\x00\x00\x00"))
ch = u16(0x0303) + bytes([0x11]) * 32 + b"\x00" + vec16(u16(0x002f)) + b"\x01\x00" + vec16(exts)
sh = u16(0x0300) + bytes([0x22]) * 32 + b"\x00" + u16(0x002f) + b"\x00"
def frame(src, dst, sport, dport, seq, payload):
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, 1, 5 << 4, 0x18, 65535, 0, 0)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 1, 0, 64, 6, 0,
                     bytes(src), bytes(dst))
    return bytes(6) + bytes(6) + b"\x08\x00" + ip + tcp + payload
c, s = [192, 0, 2, 1], [192, 0, 2, 2]
frames = [frame(c, s, 40000, 443, 1000, record(0x0301, 1, ch)),
          frame(s, c, 443, 40000, 5000, record(0x0300, 2, sh))]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for fr in frames:
        f.write(struct.pack("<IIII", 0, 0, len(fr), len(fr)) + fr)
PY
out=$("$tlssim" open "$work/ssl3.pcap" --list 2> "$work/ssl3.err")
check "SSL 3.0: listed (rc $?)" [ $? -eq 0 ]
check "SSL 3.0: listed as such ($out)" \
    grep -qx "#1  192.0.2.1:40000 -> 192.0.2.2:443  -  SSL 3.0  TLS_RSA_WITH_AES_128_CBC_SHA  records 1/1  not TLS 1.2: not followed" <<< "$out"
check "SSL 3.0: the extensions tlssim does not implement, by name" \
    grep -qx "    extensions tlssim does not implement, skipped: ClientHello GREASE, application_layer_protocol_negotiation, 0x7777, status_request" <<< "$out"
"$tlssim" open "$work/ssl3.pcap" --list --keys "$work/sim-rsa.keylog" > /dev/null 2> "$work/ssl3.err"
check "SSL 3.0, followed: exit 1" [ $? -eq 1 ]
check "SSL 3.0, followed: one line naming the version" \
    grep -qx "tlssim: connection #1 is SSL 3.0; tlssim follows TLS 1.2 connections only" "$work/ssl3.err"

# Real peers on lo, captured with dumpcap (needs root or capture rights).
if [[ $(id -u) -ne 0 ]] || ! command -v dumpcap > /dev/null; then
    echo "SKIP: real-peer captures (need root and dumpcap)"
    finish
    exit
fi
d=$work/real
mkdir -p "$d"
timeout 60 openssl s_server -accept 127.0.0.1:0 -tls1_2 -cert "$pki/server.crt.pem" \
    -key "$pki/server.key.pem" -www -naccept 2 -keylogfile "$d/server.keylog" > "$d/server.out" 2>&1 &
pids+=($!)
port=$(wait_port "$d/server.out" 'ACCEPT 127\.0\.0\.1:') || { check "s_server started" false; finish; exit; }
check "dumpcap started" capture_start "$d/real.pcapng" "tcp port $port"
client() {
    printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 openssl s_client -connect "127.0.0.1:$port" \
        -servername capture.test -tls1_2 -ign_eof "$@" > /dev/null 2>&1
}
client -sess_out "$d/session.pem"
client -sess_in "$d/session.pem"
# Both connections in the file: the second one resumed.
resumed() { "$tlssim" open "$d/real.pcapng" --list | grep -c resumed; }
capture_stop_when 1 resumed
out=$("$tlssim" open "$d/real.pcapng" --list --keys "$d/server.keylog" 2> "$d/err")
echo "$out"
check "real: listed (rc $?)" [ $? -eq 0 ]
check "real: first connection, full handshake, with its server name" \
    grep -qE "^#1  127\.0\.0\.1:[0-9]+ -> 127\.0\.0\.1:$port  capture\.test  TLS 1\.2  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384  records [0-9]+/[0-9]+  full handshake  key log: master secret found  client Finished verified, server Finished verified$" <<< "$out"
check "real: second connection resumed" grep -qE "^#2  .*  capture\.test  TLS 1\.2  .*  resumed  key log: master secret found  client Finished verified, server Finished verified$" <<< "$out"
finish
