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
#   identical rows            BBC 99.9%  Wikinews 98.5%  PolNeAR dev 98.5%
#   identical but for paragraph numbers  99.9%  99.9%              99.9%
# Measured (#15, after the long-paragraph, hyphen-item and colon-quote rules
# of layout.c): BBC 100.00 at 60, 70 and 78 columns; Wikinews
# 98.65/99.98/98.90 (100.00 at every width but for paragraph numbers);
# PolNeAR dev 99.52/98.65/100.00 (100.00 but for paragraph numbers); CRLF
# 100.00 everywhere; PolNeAR train (not run here) 97.45/97.84/97.90.  Before
# them: Wikinews 98.00/99.58/98.90, dev 99.68/98.65/100.00 (one article's
# lost paragraph end at 60 columns became another's extra one), train
# 97.12/97.79/97.69.  The issue asks 99.5 of identical rows: not met for
# Wikinews at 60 and 78 columns and PolNeAR dev at 70.
# Every row that still differs comes from one paragraph end read
# differently, which renumbers every later row of its article:
#   Wikinews 60: wn-2020-105 '... "almost criminal." \nTrump stirred ...'
#     (251 rows): the article puts two spaces between most sentences, so a
#     wrap there leaves the same trailing space as the writer's single break;
#     70: wn-2020-113 '... bond. \nRittenhouse ...' (3 rows), the same;
#     78: wn-2020-092 '... American history."\nOpinion polls ...' (205
#     rows): a quotation ending a sentence at a full line in a text of
#     blank-line paragraphs, a wrap 23 times in 25 in wrapped Wikinews.
#   PolNeAR dev 60: huff-post_2016-09-27 '... a close aide in 2012.\n“I think
#     ...' read as a paragraph end (a wrap in the original); 70: the same
#     article's '... dependent on the government.\nThe question is, ...'
#     (84 rows): a plain sentence ending a full line in a text of
#     single-break paragraphs, a paragraph's end about as often as a wrap.
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
run $shared/corpora/wikinews.jsonl 98.5 99.9
run $shared/polnear/dev.jsonl 98.5 99.9
exit $status
