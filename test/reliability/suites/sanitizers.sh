#!/usr/bin/env bash
# The core under the sanitizers, in CI time: the C unit tests built with
# ASan+UBSan (any report aborts), every fuzz target replaying the seed
# corpora, the article slices and the crash regressions under ASan+UBSan, and
# the unit tests plus a replay of the seeds under valgrind memcheck.
# Prints "sanitizers: N passed, N failed" (one test per step).
#   bash test/reliability/suites/sanitizers.sh          (no server needed)
set -uo pipefail
cd "$(dirname "$0")/../../.."

passed=0 failed=0
log=$(mktemp /tmp/na-sanitizers.XXXXXX)
trap 'rm -f "$log"' EXIT

for tool in clang valgrind; do
  if ! command -v $tool >/dev/null; then
    echo "sanitizers: $tool is missing (scripts/setup-deps --test installs it)"
    echo "sanitizers: 0 passed, 1 failed"
    exit 1
  fi
done

# step NAME CMD...: one test; the inner "N passed, N failed" lines are shown
# as "N ok, N not ok" so that the test runner does not count them twice
step() {
  local name=$1 start=$SECONDS
  shift
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "ok     $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "FAILED $name ($((SECONDS - start)) s); last lines:"
    tail -n 60 "$log" | sed -E 's/([0-9]+) passed, ([0-9]+) failed/\1 ok, \2 not ok/'
  fi
}

step "C unit tests under ASan+UBSan" make -s unittest-asan
for src in test/reliability/fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  name=${name#fuzz_}
  step "fuzz replay $name under ASan+UBSan" make -s fuzz-replay FUZZ_NAMES="$name"
  grep -h 'replayed' "$log" | sed 's/^/       /'
done
step "C unit tests and seed replay under valgrind" make -s unittest-valgrind VALGRIND_QUICK=1

echo "sanitizers: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
