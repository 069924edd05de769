#!/usr/bin/env bash
# tlssim set-up on Debian 12: install what is missing, configure, build, then
#   ./setup.sh run [TLSSIM OPTIONS]   start the walkthrough (the TUI on a terminal)
#   ./setup.sh test                   run the whole test suite, then again under ASan+UBSan,
#                                     then the fuzz targets with libFuzzer (clang)
# Works as root or through sudo; needs no input (CI runs it with no stdin).
set -euo pipefail
cd "$(dirname "$0")"

# gettext: msgfmt builds the interface translations (po/); libpcap-dev reads
# captures (tlssim open).
build_pkgs=(meson ninja-build gcc libc6-dev pkg-config libmbedtls-dev libncurses-dev gettext libpcap-dev)
# The tests drive the TUI in tmux, check interop against OpenSSL and GnuTLS
# (gnutls-serv asks for a client certificate by default), decode our
# captures with tshark, render the HTML handout in headless chromium and the
# manual pages with man (man-db, groff-base); python3 reads JSON in the
# checks, and python3-cryptography gives AES-GCM to the one test client no
# installed peer can stand in for (tests/capture/ticket_no_id.py).
test_pkgs=(tmux openssl gnutls-bin tshark python3 python3-cryptography chromium man-db groff-base)
# The fuzz targets (tests/fuzz) are built with clang and libFuzzer, whose
# runtime is only recommended by clang.
fuzz_pkgs=(clang libclang-rt-14-dev)

install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    echo "setup.sh: installing ${missing[*]}" >&2
    # tshark asks whether non-root users may capture: answer "no" up front.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo[@]}" debconf-set-selections 2>/dev/null || true
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [meson options...]: configure once, then build.
build() {
    local dir=$1
    shift
    [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@" >/dev/null
    ninja -C "$dir" >/dev/null
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    install_missing "${build_pkgs[@]}"
    build build
    exec ./build/tlssim "$@"
    ;;
test)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}" "${fuzz_pkgs[@]}"
    build build
    meson test -C build --print-errorlogs "$@"
    # Again with AddressSanitizer and UndefinedBehaviorSanitizer: any report fails the run.
    build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --print-errorlogs --timeout-multiplier 4 "$@"
    # The fuzz targets with libFuzzer: each corpus, then a fixed number of
    # mutated inputs (only the fuzz targets are built there).
    if [ ! -f build-fuzz/build.ninja ]; then
        CC=clang meson setup build-fuzz -Dfuzz=true -Dbuildtype=debugoptimized >/dev/null
    fi
    ninja -C build-fuzz $(for t in server client decode scenario lessons; do
        echo "tests/fuzz/fuzz-$t tests/fuzz/fuzz-replay-$t"; done) >/dev/null
    meson test -C build-fuzz --no-rebuild --print-errorlogs --suite fuzz
    # One closing line over the three runs, from meson's own logs.
    python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
        build-fuzz/meson-logs/testlog.json <<'PY'
import json, sys
ok = bad = skip = 0
for path in sys.argv[1:]:
    for line in open(path):
        r = json.loads(line)["result"]
        ok += r in ("OK", "EXPECTEDFAIL")
        skip += r == "SKIP"
        bad += r not in ("OK", "EXPECTEDFAIL", "SKIP")
print(f"{ok} passed, {bad} failed, {skip} skipped")
PY
    ;;
*)
    echo "usage: ./setup.sh run [tlssim options] | ./setup.sh test" >&2
    exit 2
    ;;
esac
