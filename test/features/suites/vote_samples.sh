#!/usr/bin/env bash
# Vote events of the 15 sample articles (data/sample_articles.jsonl) against
# the table "Expected vote events" of data/README.md, via SQL: every
# required row of an article is given (actor, action, body, motion, tally,
# modality), and every row given is one of the table's rows (required or
# optional), as many times as the table lists it.  The table is the
# specification of these articles' votes, read by the codebook.
# Prints "vote_samples: N passed, N failed" (one check per expected row, one
# per row given).
set -euo pipefail
cd "$(dirname "$0")/../../.."
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION IF NOT EXISTS news_analysis' >/dev/null
table=na_vote_samples_$$
rows=$(mktemp)
trap 'rm -f "$rows"; psql -X -q -c "DROP TABLE IF EXISTS $table" >/dev/null 2>&1 || true' EXIT
scripts/load-samples "$table" >/dev/null
# one row per position, tab-separated; NULL as ∅, as the table writes it
psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v table="$table" >"$rows" <<'SQL'
SELECT a.id, coalesce(v.actor, '∅'), v.action, coalesce(v.body, '∅'), coalesce(v.motion, '∅'),
       coalesce(v.votes_for::text, '∅'), coalesce(v.votes_against::text, '∅'),
       coalesce(v.abstentions::text, '∅'), v.modality, v.evidence
FROM :"table" a, news_analysis.vote_events(a.body) v ORDER BY a.id, v.ordinal;
SQL
python3 - data/README.md "$rows" <<'PY'
import collections, sys

readme, rows_file = sys.argv[1:3]
lines = open(readme, encoding="utf-8").read().split("\n")
start = lines.index("## Expected vote events")
required = collections.Counter()
allowed = collections.Counter()
for line in lines[start + 1:]:
    if line.startswith("## "):
        break
    if not line.startswith("| ") or line.startswith("| id ") or line.startswith("|--"):
        continue
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 11 or cells[9] not in ("required", "optional"):
        print("FAIL: a malformed row of the table: %r" % line)
        sys.exit(1)
    key = tuple(cells[:9])
    allowed[key] += 1
    if cells[9] == "required":
        required[key] += 1
if not required:
    print("FAIL: data/README.md has no required vote rows")
    sys.exit(1)

given = collections.Counter()
evidence = collections.defaultdict(list)
for line in open(rows_file, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    key = tuple(f[:9])
    given[key] += 1
    evidence[key].append(f[9])

passed = failed = 0
for key, n in sorted(required.items(), key=lambda kv: (int(kv[0][0]), kv[0][1:])):
    if given[key] >= n:
        passed += 1
    else:
        failed += 1
        print("FAIL: article %s: missing %s" % (key[0], " | ".join(key[1:])))
for key, n in sorted(given.items(), key=lambda kv: (int(kv[0][0]), kv[0][1:])):
    if n <= allowed[key]:
        passed += 1
    else:
        failed += 1
        print("FAIL: article %s: a row the table does not list: %s (from %r)"
              % (key[0], " | ".join(key[1:]), evidence[key][-1]))
print("vote_samples: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
