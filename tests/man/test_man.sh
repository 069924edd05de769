#!/usr/bin/env bash
# The manual pages tlssim(1), English and Chinese: each renders under
# `man --warnings` without a single warning (in a UTF-8 locale, at 80 and
# 64 columns), documents every long option `tlssim --help` lists, and is
# installed by meson under share/man/man1 and share/man/zh_CN/man1.
# Usage: test_man.sh TLSSIM SOURCE_ROOT BUILD_ROOT
set -u
tlssim=$1 src=$2 build=$3
fail=0
bad() { echo "FAIL: $*"; fail=1; }

command -v man >/dev/null || { echo "man not found: skipped"; exit 77; }
options=$("$tlssim" --lang en --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || bad "tlssim --help lists no options"
for page in "$src/man/tlssim.1" "$src/man/zh_CN/tlssim.1"; do
    for width in 80 64; do
        out=$(LC_ALL=C.UTF-8 MANWIDTH=$width man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
        rc=$?
        [ $rc -eq 0 ] || bad "$page: man exited $rc"
        [ -z "$out" ] || bad "$page at $width columns: warnings: $out"
    done
    text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -E UTF-8 -l "$page" 2>/dev/null)
    for o in $options; do
        grep -q -- "$o" <<<"$text" || bad "$page does not document $o"
    done
done
installed=$(meson introspect "$build" --installed 2>/dev/null)
for want in share/man/man1/tlssim.1 share/man/zh_CN/man1/tlssim.1; do
    grep -q "$want\"" <<<"$installed" || bad "meson install does not put a page at $want"
done
[ $fail -eq 0 ] && echo "man pages: ok"
exit $fail
