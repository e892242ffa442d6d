#!/usr/bin/env bash
# Layout invariance (issue 15): every article of BBC, Wikinews and PolNeAR dev
# in ../shared, hard-wrapped at 60, 70 and 78 columns (spaces replaced by
# line breaks where Python's textwrap breaks lines: offsets unchanged), with
# CRLF line ends, and wrapped at 70 with CRLF, gives the same sentences,
# quotes with speakers, speakers and vote events as the article as
# published.  Runs the core through test/tools/bin/na_rows (one na_analyse an
# article, as the SQL functions and the trigger); no server needed.
# Differences are listed in $NA_WRAP_LOG (default: a temporary file, whose
# path is printed).  Skips a corpus that is absent.
#
# Floors (ratchets: a little below what the code reaches; see README):
#   identical rows            BBC 99.9%  Wikinews 99.9%  PolNeAR dev 98.5%
#   identical but for paragraph numbers  99.9%  99.9%              99.9%
# Measured (#15, after single line breaks after a sentence read as inside
# the paragraph in texts of blank-line paragraphs, and the look ahead of
# the long-paragraph rule stopping at a quotation's or an attribution's
# end): BBC 100.00 at 60, 70 and 78 columns; Wikinews 100.00 at every width
# (before: 98.68/99.98/98.89); PolNeAR dev 100.00/98.66/100.00 (before:
# 99.52/98.66/100.00); CRLF 100.00 everywhere; PolNeAR train (not run
# here) 97.47/97.85/97.98 (before: 97.45/97.84/97.90).  The issue asks 99.5
# of identical rows: not met for PolNeAR dev at 70 columns.
# Every row that still differs comes from one paragraph end read
# differently, which renumbers every later row of its article:
#   PolNeAR dev 70: huff-post_2016-09-27 '... dependent on the
#     government.\nThe question is, ...' (84 rows): a plain sentence ending a
#     full line (70 characters, the width) in a text of single-break
#     paragraphs, where such a line is a paragraph's end about half as often
#     as a wrap and nothing in the text tells the two apart.
# The Wikinews articles that lost a paragraph end before (wn-2020-092, -105,
# -113) break a line once in a while inside paragraphs set apart by blank
# lines; wrapped, the break fell at a full line.
set -euo pipefail
cd "$(dirname "$0")/../../.."
shared=../shared/data
if [[ ! -d $shared ]]; then
  echo "wrap_invariance: skipped: $shared is absent (shared/ is not beside the project)"
  exit 0
fi
make -s tools >/dev/null
log=${NA_WRAP_LOG:-$(mktemp /tmp/wrap_invariance.XXXXXX.log)}
echo "differences: $log"
status=0
run() {
  local corpus=$1 min=$2 loose=$3
  if [[ ! -f $corpus ]]; then
    echo "skipped: $corpus is absent"
    return
  fi
  python3 test/features/suites/wrap_invariance.py check --min "$min" --min-loose "$loose" \
    --log "$log.part" "$corpus" || status=1
  cat "$log.part" >>"$log"
  rm -f "$log.part"
}
: >"$log"
run $shared/corpora/bbc.jsonl 99.9 99.9
run $shared/corpora/wikinews.jsonl 99.9 99.9
run $shared/polnear/dev.jsonl 98.5 99.9
exit $status
