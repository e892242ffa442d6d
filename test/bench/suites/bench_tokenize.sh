#!/usr/bin/env bash
# The tokenizer benchmark (test/bench/bench_tokenize.sh) against its ratchet
# floors (test/bench/bench_tokenize.floors): prints the table and
# "bench_tokenize: N passed, N failed".  Skips where ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec test/bench/bench_tokenize.sh --check --rounds 5 "$@"
