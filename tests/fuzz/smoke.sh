#!/usr/bin/env bash
# smoke.sh FUZZER CORPUS RUNS: the corpus, then RUNS mutated inputs from a
# fixed seed.  New inputs go to a scratch folder (libFuzzer writes to the
# first folder it is given), never into the source tree.
set -u
fuzzer=$1 corpus=$2 runs=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$fuzzer" -runs="$runs" -seed=1 -max_len=70000 -rss_limit_mb=2048 -print_final_stats=1 \
    "$scratch" "$corpus"
