#!/usr/bin/env bash
# interop/tshark.sh TLSSIM
#
# Wireshark's dissector reads tlssim's --pcap with tlssim's --keylog: for
# every suite, with the extended master secret on and off, each handshake
# message is decoded with no malformed packet and no expert warning, both
# Finished messages decrypt, and the HTTP GET and its answer read in clear.
# CBC suites run encrypt-then-MAC with ems on and MAC-then-encrypt (--etm
# off) with ems off, so both record layouts are decrypted.
set -u
tlssim=$1
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
need tshark

for suite in TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 \
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 \
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 \
    TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_256_GCM_SHA384 \
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA \
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA \
    TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA256 \
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 \
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA; do
    ske=0
    [[ $suite == TLS_ECDHE_* || $suite == TLS_DHE_* ]] && ske=1
    for ems in on off; do
        d=$work/$suite-$ems
        mkdir -p "$d"
        what="$suite ems=$ems"
        etm=on
        [[ $suite == *_CBC_* && $ems == off ]] && etm=off
        what="$what etm=$etm"
        timeout 30 "$tlssim" --json --seed 5 --suite "$suite" --ems "$ems" --etm "$etm" \
            --keylog "$d/run.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err"
        check "$what: tlssim exits 0" [ $? -eq 0 ] || continue
        check "$what: no sanitizer report" no_sanitizer_report "$d/err"
        check "$what: the key log is one CLIENT_RANDOM line" \
            grep -qE '^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$' "$d/run.keylog"
        check "$what: tshark decodes and decrypts the pcap" \
            tshark_ok "$d/run.pcap" "$d/run.keylog" "$ske" 1 1
        if [[ $suite == *_ECDSA_* ]]; then
            # Wireshark reads the ECDSA signature scheme and both certificates.
            check "$what: tshark sees ServerKeyExchange signed with ecdsa_secp256r1_sha256" \
                test "$(tshark -n -r "$d/run.pcap" 2> /dev/null \
                    -Y 'tls.handshake.type == 12 && tls.handshake.sig_hash_alg == 0x0403' |
                    wc -l)" -eq 1
            check "$what: tshark sees two certificates, leaf and intermediate" \
                test "$(tshark -n -r "$d/run.pcap" -Y 'tls.handshake.type == 11' -T fields \
                    -e tls.handshake.certificate_length 2> /dev/null | tr ',' '\n' |
                    grep -c .)" -eq 2
        fi
        # Without the key log, the Finished messages and the data stay opaque.
        types=$(tshark -n -r "$d/run.pcap" -T fields -e tls.handshake.type 2> /dev/null |
            tr ',' '\n' | grep -c '^20$')
        check "$what: without the key log no Finished decrypts" [ "$types" -eq 0 ]
    done
done

# A resumed run (--resume id|ticket): two TCP connections in the pcap, two
# key-log lines (each connection's client random, the same master secret),
# both handshakes decoded, the abbreviated one's Finished messages
# decrypted, the server's first; the GET and its answer in clear.
for suite in TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_256_GCM_SHA384; do
    full="1 2 11 $([[ $suite == TLS_ECDHE_* ]] && echo "12 ")14 16 20"
    for mode in id ticket; do
        d=$work/resume-$suite-$mode
        mkdir -p "$d"
        what="$suite --resume $mode"
        timeout 30 "$tlssim" --json --seed 6 --suite "$suite" --ems on --resume "$mode" \
            --keylog "$d/run.keylog" --pcap "$d/run.pcap" > "$d/out.json" 2> "$d/err"
        check "$what: tlssim exits 0" [ $? -eq 0 ] || continue
        check "$what: no sanitizer report" no_sanitizer_report "$d/err"
        lines=$(grep -cE '^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$' "$d/run.keylog")
        randoms=$(cut -d' ' -f2 "$d/run.keylog" | sort -u | wc -l)
        masters=$(cut -d' ' -f3 "$d/run.keylog" | sort -u | wc -l)
        check "$what: two key-log lines, two randoms, one master secret" \
            [ "$lines" -eq 2 -a "$randoms" -eq 2 -a "$masters" -eq 1 ]
        ts=(tshark -n -r "$d/run.pcap" -o "tls.keylog_file:$d/run.keylog")
        if [[ $mode == ticket ]]; then
            want="$full 4 20 1 2 4 20 20 "
        else
            want="$full 20 1 2 20 20 "
        fi
        types=$("${ts[@]}" -T fields -e tls.handshake.type 2> /dev/null | tr ',' '\n' |
            grep -v '^$' | tr '\n' ' ')
        check "$what: tshark decodes both handshakes and decrypts all four Finished" \
            [ "$types" = "$want" ]
        streams=$("${ts[@]}" -T fields -e tcp.stream 2> /dev/null | sort -u | wc -l)
        check "$what: two TCP connections" [ "$streams" -eq 2 ]
        bad=$("${ts[@]}" -Y '_ws.malformed || _ws.expert.severity >= 0x00600000' 2> /dev/null |
            wc -l)
        check "$what: no malformed packet or expert warning" [ "$bad" -eq 0 ]
        get=$("${ts[@]}" -Y 'http.request.method == "GET" && tcp.stream == 1' 2> /dev/null | wc -l)
        check "$what: the resumed connection's GET reads in clear" [ "$get" -eq 1 ]
    done
done

# The same file twice from the same seed: the pcap is reproducible.
"$tlssim" --json --seed 9 --pcap "$work/a.pcap" > /dev/null 2>&1
"$tlssim" --json --seed 9 --pcap "$work/b.pcap" > /dev/null 2>&1
check "a seeded run's pcap is byte-for-byte reproducible" cmp -s "$work/a.pcap" "$work/b.pcap"
finish
