#!/usr/bin/env bash
# Vote events of the hand-annotated seed article (../shared/data/seed), via SQL:
# every required position of the gold vote found with its actor, action and
# evidence; all of them one vote of the UN Security Council, vetoed; the
# planned defeat not asserted; the count of past vetoes historical, no event;
# no asserted country position the gold does not have.
# Prints "vote_seed: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
seed=../shared/data/seed
if [[ ! -f $seed/gold.json || ! -f $seed/unsc_veto_article.txt ]]; then
  echo "vote_seed: skipped: $seed is absent (shared/ is not beside the project)"
  exit 0
fi
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION IF NOT EXISTS news_analysis' >/dev/null
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
# one row per position, tab-separated; 0-based [start, end) like gold.json
psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v doc="$(cat "$seed/unsc_veto_article.txt")" >"$rows" <<'SQL'
SELECT coalesce(event::text, ''), start - 1, start - 1 + length, actor, actor_kind, action,
       coalesce(body, ''), coalesce(outcome, ''), modality, evidence
FROM news_analysis.vote_events(:'doc') ORDER BY ordinal;
SQL
python3 - "$seed/gold.json" "$seed/unsc_veto_article.txt" "$rows" <<'PY'
import json, sys

gold = json.load(open(sys.argv[1], encoding="utf-8"))["vote_events"][0]
text = open(sys.argv[2], encoding="utf-8").read()
rows = []
for line in open(sys.argv[3], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    rows.append(dict(event=f[0], start=int(f[1]), end=int(f[2]), actor=f[3], kind=f[4],
                     action=f[5], body=f[6], outcome=f[7], modality=f[8], evidence=f[9]))
print("positions found:")
for r in rows:
    print("  %-2s %-15s %-13s %-11s %s" % (r["event"], r["actor"], r["action"], r["modality"], r["evidence"]))

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def overlaps(r, span):
    return r["start"] < span[1] and span[0] < r["end"]


events = set()
for pos in gold["positions"]:
    for span in pos["evidence_offsets"]:
        hits = [r for r in rows if r["actor"] == pos["actor"] and r["action"] == pos["position"]
                and r["modality"] == "asserted" and overlaps(r, span)]
        check(hits, "%s %s from %r" % (pos["actor"], pos["position"], text[span[0]:span[1]]))
        events.update(r["event"] for r in hits)
check(len(events) == 1 and "" not in events, "the gold positions form one vote (events %s)" % sorted(events))
vote = [r for r in rows if r["event"] in events]
check(all(r["body"] == "UN Security Council" for r in vote), "the body of the vote is the UN Security Council")
check(all(r["outcome"] == gold["outcome"] for r in vote), "the outcome of the vote is %s" % gold["outcome"])

# not events: the planned defeat and the count of past vetoes
planned = text.index("Moscow made clear")
planned = (planned, text.index(".", planned))
hits = [r for r in rows if overlaps(r, planned)]
check(hits and all(r["modality"] == "hypothetical" for r in hits),
      "\"Moscow made clear ... would defeat\" is hypothetical (a would-vote), not asserted")
count = text.index("It was the Kremlin")
count = (count, text.index(" in defense", count))
hits = [r for r in rows if overlaps(r, count)]
check(hits and all(r["modality"] == "historical" and r["event"] == "" for r in hits),
      "\"the Kremlin's seventh Security Council veto\" is a historical count with no event")

# precision: an asserted country position must be one of the gold positions
allowed = {(p["actor"], p["position"]) for p in gold["positions"]}
for r in rows:
    if r["kind"] == "country" and r["modality"] == "asserted":
        check((r["actor"], r["action"]) in allowed,
              "unexpected asserted position %s %s: %r" % (r["actor"], r["action"], r["evidence"]))
print("vote_seed: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
