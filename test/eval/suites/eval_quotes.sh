#!/usr/bin/env bash
# Accuracy of news_analysis.quotes against hand annotation, with ratchet
# floors (what the analyser reaches now; raise them when it improves):
#   the seed article (../shared/data/seed/gold.json)   quote F1 and speakers 1.000
#   PolNeAR dev (../shared/data/polnear/dev.jsonl)       quote F1 and speaker accuracy
#   speakers(seed)                                       the six people of gold.json (those
#                                                        quoted; speakers() also counts people
#                                                        only reported, who gold.json does not list)
# Prints the scorer's summary lines and "eval_quotes: N passed, N failed".
# Skips where ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
shared=../shared
if [[ ! -f $shared/eval/score_quotes.py ]]; then
  echo "eval_quotes: skipped: $shared/eval/score_quotes.py is absent (shared/ is not beside the project)"
  exit 0
fi

passed=0 failed=0
run() {
  local name=$1 gold=$2
  shift 2
  if [[ ! -f $gold ]]; then
    echo "eval_quotes: $name skipped: $gold is absent"
    return
  fi
  local out status=0
  out=$(test/eval_quotes "$gold" "$@" 2>&1) || status=$?
  echo "$name: $(tail -n 1 <<<"$out")"
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "$out" | sed 's/^/  /'
  fi
}

run seed "$shared/data/seed/gold.json" --min-f1 1.0 --min-speaker 1.0
run polnear_dev "$shared/data/polnear/dev.jsonl" --min-f1 0.972 --min-speaker 0.930

# speakers(seed): the six quoted people with the role, affiliation and aliases of gold.json
seed=$shared/data/seed/gold.json
if [[ -f $seed ]]; then
  got=$(python3 -c 'import json,sys
text = json.load(open(sys.argv[1]))["text"]
assert "$seed$" not in text
print("SET client_min_messages = warning;")
print("CREATE EXTENSION IF NOT EXISTS news_analysis;")
print("SELECT s.name, s.role, s.affiliation, array_to_string(s.aliases, chr(44)) FROM news_analysis.speakers($seed$%s$seed$) s WHERE s.name IN (SELECT q.speaker FROM news_analysis.quotes($seed$%s$seed$) q WHERE q.kind IN ($k$direct$k$, $k$partial$k$)) ORDER BY s.first_start;" % (text, text))' "$seed" |
    psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 2>&1) || true
  want=$(python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["speakers"]:
    print("%s|%s|%s|%s" % (s["name"], s["role"], s["affiliation"], ",".join(s["aliases"])))' "$seed")
  if [[ "$got" == "$want" ]]; then
    passed=$((passed + 1))
    echo "seed speakers: the $(wc -l <<<"$want") quoted people with role, affiliation and aliases as in gold.json"
  else
    failed=$((failed + 1))
    echo "seed speakers: differ from gold.json"
    diff <(echo "$want") <(echo "$got") | sed 's/^/  /' || true
  fi
fi

echo "eval_quotes: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
