#!/usr/bin/env bash
# The interface language comes from tlssim's own choice (--lang, else the
# locale variables), read from the .mo catalogues built in po/, and works
# on a machine where no Chinese locale is installed (LANG=C, LANGUAGE unset).
# Usage: test_i18n.sh PATH/TO/tlssim LESSON-FIXTURES
set -u
bin=$1
fixtures=$2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

en='tlssim: a TLS 1.2 handshake, step by step'
zh='tlssim：一步一步看 TLS 1.2 握手'

# first_line WANT ENV... -- ARGS...: the walkthrough's first line under a clean environment.
first_line() {
    local want=$1 envs=()
    shift
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    local got
    got=$(env -i PATH="$PATH" "${envs[@]}" "$bin" --text --seed 1 "$@" </dev/null | head -n 1)
    [ "$got" = "$want" ] && ok || bad "${envs[*]} tlssim $*: '$got', want '$want'"
}

if locale -a 2>/dev/null | grep -qi '^zh'; then
    echo "note: a Chinese locale is installed here; the LANG=C cases still prove the fallback"
fi
first_line "$zh" LANG=C -- --lang zh
first_line "$zh" LC_ALL=C -- --lang zh
first_line "$zh" -- --lang zh
# A Chinese locale that was never generated: chosen from LANG all the same.
first_line "$zh" LANG=zh_CN.UTF-8 --
first_line "$en" LANG=C --
first_line "$en" -- --lang en
# tlssim chooses, not a stray LANGUAGE from the environment.
first_line "$en" LANGUAGE=zh_CN LANG=C -- --lang en
first_line "$zh" LANGUAGE=fr LANG=en_US.UTF-8 -- --lang zh
# The Chinese line comes from the catalogue: without one, English.
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
first_line "$en" TLSSIM_LOCALEDIR="$empty" -- --lang zh

# The walkthrough's own headings (src/cli/text.c) come from the catalogue
# too, with no Chinese locale (LANG=C): a record's layer and the verdict.
# has WANT ENV... -- ARGS...: a line of the walkthrough is exactly WANT.
has() {
    local want=$1 envs=()
    shift
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env -i PATH="$PATH" "${envs[@]}" "$bin" --text --seed 1 "$@" </dev/null |
        grep -qxF -- "$want" && ok || bad "${envs[*]} tlssim $*: no line '$want'"
}
has ' 记录层：' LANG=C -- --lang zh
has '=== 握手完成：双方的 Finished 消息都已验证 ===' LANG=C -- --lang zh
has ' Record layer:' LANG=C -- --lang en
has '=== Handshake complete: both Finished messages verified ===' LANG=C --

# --help and the option errors speak --lang too (read before the options
# are parsed, wherever it stands), still with no Chinese locale.
# says WANT ENV... -- ARGS...: stdout and stderr together have the line WANT.
says() {
    local want=$1 envs=()
    shift
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env -i PATH="$PATH" "${envs[@]}" "$bin" "$@" </dev/null 2>&1 |
        grep -qxF -- "$want" && ok || bad "${envs[*]} tlssim $*: no line '$want'"
}
says '  -V, --version         版本号' LANG=C -- --lang zh --help
says '  -V, --version         version' LANG=C -- --help
says "tlssim: --kx：未知的密钥交换 'foo'（请用 ecdhe、dhe 或 rsa）" LANG=C -- --kx foo --lang zh
says "运行 'tlssim --help' 查看更多信息。" LANG=C -- --lang=zh --kx foo
says "tlssim: --kx: unknown key exchange 'foo' (use ecdhe, dhe or rsa)" LANG=C -- --kx foo
says "Try 'tlssim --help' for more information." LANG=C -- --kx foo --lang en

# The lessons checker speaks the locale's language (the subcommand takes
# no --lang): a Chinese LANG that is not installed is enough.
lacks=$fixtures/header-lacks-title
says "$lacks/en/introduction.md:4: 文件头缺少 'title:'" LANG=zh_CN.UTF-8 -- lessons check "$lacks"
says "$lacks/en/introduction.md:4: header lacks 'title:'" LANG=C -- lessons check "$lacks"
count=$(env -i PATH="$PATH" LANG=C "$bin" lessons check "$lacks" 2>&1 | tail -n 1)
n=$(printf '%s\n' "$count" | sed -nE 's|^.*: ([0-9]+) problems$|\1|p')
[ -n "$n" ] && [ "$n" -gt 1 ] && ok || bad "LANG=C lessons check: last line '$count', want 'DIR: N problems'"
says "$lacks：共 $n 个问题" LANG=zh_CN.UTF-8 -- lessons check "$lacks"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
