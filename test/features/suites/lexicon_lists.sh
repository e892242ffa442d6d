#!/usr/bin/env bash
# The lexicon's guard (scripts/gen-lexicon --check, also run by make unittest)
# must fail for each mistake a list edit can make.  Each case breaks a copy of
# data/lexicon, src/core and the generator in a temporary tree and expects
# --check to fail with its message; the tree as committed must pass.
# Prints "lexicon_lists: N passed, N failed".  No server needed.
set -uo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
passed=0 failed=0
tmp=$(mktemp -d /tmp/na-lexicon.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# fresh TREE: a copy of what the generator reads and writes
fresh() {
  rm -rf "$tmp/t" && mkdir -p "$tmp/t/data" "$tmp/t/src" "$tmp/t/scripts"
  cp -r "$root/data/lexicon" "$tmp/t/data/" && cp -r "$root/src/core" "$tmp/t/src/" &&
    cp "$root/scripts/gen-lexicon" "$tmp/t/scripts/"
}

# expect NAME PATTERN: --check on the tree fails and says PATTERN
expect() {
  local name=$1 pattern=$2 out status=0
  out=$(python3 "$tmp/t/scripts/gen-lexicon" --check --root "$tmp/t" 2>&1) || status=$?
  if [[ $status -ne 0 ]] && grep -q -- "$pattern" <<<"$out"; then
    passed=$((passed + 1)); echo "ok     $name"
  else
    failed=$((failed + 1)); echo "FAILED $name (exit $status): $out"
  fi
}

fresh
if out=$(python3 scripts/gen-lexicon --check 2>&1); then
  passed=$((passed + 1)); echo "ok     the committed lists and generated files agree"
else
  failed=$((failed + 1)); echo "FAILED the committed tree: $out"
fi

fresh; printf 'zzzz\n' >>"$tmp/t/data/lexicon/english_markers.tsv"
expect "a list edited, the C not regenerated" "out of step"

fresh; f=$tmp/t/data/lexicon/english_markers.tsv
{ head -n 2 "$f"; printf 'and\n'; tail -n +3 "$f"; } >"$f.new" && mv "$f.new" "$f"
expect "a word twice in one list" "listed twice"

fresh; f=$tmp/t/data/lexicon/sentence_starters.tsv
{ head -n 2 "$f"; printf 'After\n'; tail -n +3 "$f"; } >"$f.new" && mv "$f.new" "$f"
expect "a word twice, in two cases, in a case-insensitive list" "case does not count"

fresh; f=$tmp/t/data/lexicon/english_markers.tsv
{ head -n 2 "$f"; printf 'zebra\n'; tail -n +3 "$f"; } >"$f.new" && mv "$f.new" "$f"
expect "an unsorted list" "rows are sorted"

fresh; f=$tmp/t/data/lexicon/english_markers.tsv; tail -n +2 "$f" >"$f.new" && mv "$f.new" "$f"
expect "a list without its purpose line" "what the list is for"

fresh; printf '\nstatic const char *const cue_words[] = {"said", "told", NULL};\n' >>"$tmp/t/src/core/speakers.c"
expect "a word list declared in C" "a word list declared in C"

fresh; cat >>"$tmp/t/src/core/votes_tally.c" <<'C'
static int
season_word(vctx *c, uint32_t k)
{
	return is_word(c, k, "spring") || is_word(c, k, "summer") || is_word(c, k, "autumn") ||
		is_word(c, k, "fall") || is_word(c, k, "winter");
}
C
expect "a word list written as a chain of tests" "a chain of tests"

echo "lexicon_lists: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
