#!/usr/bin/env bash
# Accuracy of news_analysis.vote_events against the hand-labelled sentences of
# ../shared/data/votes/dev.jsonl (the codebook: ../shared/data/votes/CONVENTIONS.md),
# scored by ../shared/eval/score_votes.py through test/eval_votes, with
# ratchet floors (a little below what the analyser reaches now; raise them
# when it improves, never above).
# Prints the scorer's summary line and "eval_votes: N passed, N failed".
# Skips where ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
shared=../shared
gold=$shared/data/votes/dev.jsonl
if [[ ! -f $shared/eval/score_votes.py || ! -f $gold ]]; then
  echo "eval_votes: skipped: $shared/eval/score_votes.py or $gold is absent (shared/ is not beside the project)"
  exit 0
fi

passed=0 failed=0
out=$(test/eval_votes "$gold" --min-f1 0.89 --min-tally 0.955 --min-modality 0.945 \
      --min-distractor 0.99 2>&1) && status=0 || status=$?
echo "votes dev: $(tail -n 1 <<<"$out")"
if [[ $status -eq 0 ]]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "$out" | sed 's/^/  /'
fi
echo "eval_votes: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
