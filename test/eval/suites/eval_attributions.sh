#!/usr/bin/env bash
# Accuracy of news_analysis.quotes as attributions (direct, mixed and
# indirect speech) on PolNeAR dev with ../shared/eval/score_attributions.py,
# with ratchet floors (what the analyser reaches now, a little below; raise
# them when it improves):
#   attribution F1, source accuracy on found attributions, end-to-end F1
# and, read from the scorer's lines, the "speech" subset's recall and the
# content-character F1.
# Prints the scorer's lines and "eval_attributions: N passed, N failed".
# Skips where ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
shared=../shared
gold=$shared/data/polnear/dev.jsonl
if [[ ! -f $shared/eval/score_attributions.py || ! -f $gold ]]; then
  echo "eval_attributions: skipped: $shared/eval/score_attributions.py or $gold is absent (shared/ is not beside the project)"
  exit 0
fi

# reached 2026-12-06: F1 0.682, source 0.924, end-to-end 0.621, speech recall
# 0.883, content F1 0.828 (the issue asks 0.70, 0.90, 0.65, 0.90, 0.80);
# then (reporting verbs and nouns from train's cues, subjects with an
# apposition, clause boundaries) F1 0.696, source 0.928, end-to-end 0.636,
# speech recall 0.900, content F1 0.835; then (every inflection of the
# reporting verbs, contracted pronouns, lead-in clauses of partial quotes,
# "when asked", relative clauses, transcript turns, stance cues out) F1
# 0.706, source 0.929, end-to-end 0.645, speech recall 0.908, content F1
# 0.839; then ("X, which reported", cues of several words, the passive with
# its agent, no row for a thought or finding inside someone else's report,
# ", and Y said" ends a content) F1 0.711, source 0.930, end-to-end 0.652,
# speech recall 0.910, content F1 0.841; then (an impersonal contraction
# is no source, a cue inside the source of "according to" none, content
# ends before the sentence's own ", X said", at an opening clause's comma,
# before a closing apposition and ", and" with a clause of its own;
# compound nouns such as "pledged delegates" no cue; "Name: Headline" a
# statement) F1 0.714, source 0.933, end-to-end 0.657, speech recall 0.913,
# content F1 0.842; session 14 (opening phrases and subordinate clauses
# before the subject, editors' labels, "In a … poll," findings) F1 0.715,
# source 0.935, end-to-end 0.659, speech recall 0.913, content F1 0.843
# session 19 (objects end at the subject's next act, "according to X, a
# group that" describes X, a closing quotation mark's comma ends a content,
# poll shares as sources, headline "Source: words"; speakers through
# appositions and "as X put it") F1 0.717, source 0.938, end-to-end 0.664,
# speech recall 0.913, content F1 0.845; then ("asked" questions without a
# source, a quotation's inner comma keeps its clause, "radio show" no cue,
# a time phrase before the verb, restrictive "who" as source) F1 0.718,
# source 0.940, end-to-end 0.665, speech recall 0.912, content F1 0.845;
# session 20 (reporting words measured on train, a reported clause ends
# before ", who", "with X indicating", a clause's own subject after
# though/while, a sentence-opening participle, agentless passives, lone and
# floating quantifiers, two-word reports with a source) F1 0.724, source
# 0.940, end-to-end 0.669, speech recall 0.920, content F1 0.851
min_f1=0.720 min_source=0.936 min_e2e=0.666 min_speech=0.915 min_char=0.848
passed=0 failed=0
status=0
out=$(test/eval_attributions "$gold" --min-f1 $min_f1 --min-source $min_source --min-e2e $min_e2e 2>&1) || status=$?
echo "$out" | tail -n 3 | sed 's/^/polnear_dev: /'
if [[ $status -eq 0 ]]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "eval_attributions: below a floor (attribution F1 $min_f1, source $min_source, end-to-end F1 $min_e2e)"
fi

# the speech subset's recall and the content-character F1 from the scorer's lines
speech=$(grep -o 'speech_recall=[0-9.]*' <<<"$out" | cut -d= -f2)
char=$(grep -o 'char_f1=[0-9.]*' <<<"$out" | cut -d= -f2)
if [[ -n $speech && -n $char ]] &&
   python3 -c 'import sys; s, c, ms, mc = map(float, sys.argv[1:]); sys.exit(0 if s >= ms and c >= mc else 1)' \
     "$speech" "$char" $min_speech $min_char; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "eval_attributions: speech recall ${speech:-?} (floor $min_speech) or content F1 ${char:-?} (floor $min_char) below its floor"
fi

echo "eval_attributions: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
