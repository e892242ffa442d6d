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
#   identical rows            BBC 99.9%  Wikinews 97.5%  PolNeAR dev 98.4%
#   identical but for paragraph numbers  99.9%  99.5%              99.5%
# Measured (#15): BBC 100.00 at 60, 70 and 78 columns; Wikinews
# 98.00/99.57/98.88 (99.70/99.77/99.74 but for paragraph numbers); PolNeAR
# dev 99.67/98.65/100.00 (100.00 at every width); CRLF 100.00 everywhere.
# Before the wrap habits of layout.c (a text of single-break paragraphs: a
# paragraph ending in a quotation, an attribution or white space a wrap does
# not leave; a signed quotation; a headline's "; "): PolNeAR dev
# 95.62/98.05/97.33; PolNeAR train 94.40/96.96/96.99, now 97.09/97.77/97.67
# (a line of one overflowing word, a URL, no longer sets the width).  The
# issue asks 99.5 of identical rows: not met
# for Wikinews at 60 and 78 columns and PolNeAR dev at 70.
# What is left is paragraphs on lines of their own with no blank line between
# them whose last line ends a sentence and happens to be full: wrapped, such a
# line cannot be told from running text (Wikinews sets paragraphs apart with
# blank lines and puts a single break only before and inside a block quote,
# '... commented:\n"[Kamala ...'; PolNeAR's single-break paragraphs ending in
# a plain sentence, '... on the government.\nThe question is ...'), and every
# later row of the article is renumbered.
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
run $shared/corpora/wikinews.jsonl 97.5 99.5
run $shared/polnear/dev.jsonl 98.4 99.5
exit $status
