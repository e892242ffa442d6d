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
# The issue's measure is the last check: every row of the three corpora
# together, at each layout, at least 99.5% identical ("pooled": 98,068 rows
# at session 10's main: 100.00 / 99.91 / 100.00 at 60 / 70 / 78 columns,
# 100.00 CRLF, 99.91 wrapped at 70 with CRLF; the 85 rows that differ at 70
# are the one paragraph end of huff-post_2016-09-27 below; a BBC quote's
# lead-in lost to CRLF's extra byte is fixed).  Each corpus also keeps its own floors, so that a loss in
# the small corpora cannot hide behind BBC's rows.
# Floors (ratchets: a little below what the code reaches; see README):
#   identical rows            BBC 99.9%  Wikinews 99.9%  PolNeAR dev 98.5%
#                             (dev at 60 and 78 columns and CRLF: 99.9%)
#   identical but for paragraph numbers  99.9%  99.9%              99.9%
# Measured (#15, after single line breaks after a sentence read as inside
# the paragraph in texts of blank-line paragraphs, and the look ahead of
# the long-paragraph rule stopping at a quotation's or an attribution's
# end): BBC 100.00 at 60, 70 and 78 columns; Wikinews 100.00 at every width
# (before: 98.68/99.98/98.89); PolNeAR dev 100.00/98.64/100.00 (before:
# 99.52/98.66/100.00); CRLF 100.00 everywhere.  PolNeAR train (not run
# here; measure there, dev is the test) 97.82/97.88/98.41 after white space
# after a sentence (where the wraps leave none) ends a full line's
# paragraph in every wrapped text, and the attribution and length signs
# apply where short lines are the more common paragraph end, not only
# where they are twice as common as blank lines (before: 97.47/97.85/97.98;
# dev unchanged).  The issue asks 99.5 of identical rows: not met for
# PolNeAR dev at 70 columns (rows but for paragraph numbers: 100.00).
# Every row that still differs comes from one paragraph end read
# differently, which renumbers every later row of its article (paragraph
# numbers count from the text's start: that is the spec, and the loose
# figure shows what is left without them):
#   PolNeAR dev 70: huff-post_2016-09-27 '... dependent on the
#     government.\nThe question is, ...' (84 rows): a plain sentence ending a
#     full line (70 characters, the width) in a text of single-break
#     paragraphs, where nothing in the text tells it from a wrap.
# The Wikinews articles that lost a paragraph end before (wn-2020-092, -105,
# -113) break a line once in a while inside paragraphs set apart by blank
# lines; wrapped, the break fell at a full line.
# What is left is a coin toss, measured (#15, second session).  The breaks
# no sign decides (a plain sentence's end at a full line, before a line
# that begins like a paragraph, in a text of single-break paragraphs;
# titles and initials left out; before the change above) on PolNeAR train
# at 60, 70 and 78 columns: 83 paragraph ends, 85 wraps; on dev 2 ends, 18
# wraps.  A paragraph end
# and a wrap leave a full line equally often (about (first word + 1) /
# width each), so the odds are the text's: how often a sentence ends a
# paragraph (half the sentences of PolNeAR train do, a third of those of
# the dev texts above).  Measured and left out (train; dev breaks):
#   - the lines the paragraph would run to against the text's known
#     paragraphs, as a likelihood ratio P(k)P(m)/P(k+m) (smoothed counts):
#     area under the ROC curve 0.63-0.70; its best threshold on train
#     fixes 41 ends and breaks 15 wraps (the rule now: 18 and 3), and on dev
#     fixes 1 and breaks 2; (k+m) against the 90th percentile: 54 for 27,
#     dev 2 for 7;
#   - characters instead of lines: merged paragraph against the longest
#     known one, AUC 0.65 (longer than all: 24 for 9, dev 1 for 2; 1.5
#     times: 4 for 1, dev 1 for 1), against the median 0.67, characters
#     before the break against the median 0.69;
#   - sentences: merged against the longest known paragraph AUC 0.49,
#     against the median 0.55, before the break against the median 0.60;
#     on the unwrapped train text a paragraph ends after its 1st, 2nd, 3rd,
#     4th, 5th sentence 48, 53, 54, 54, 48% of the time: no hazard to read;
#   - the expected number of full-line paragraph ends (known ends x
#     (first word + 1) / (width - first word - 1)) per ambiguous break:
#     AUC 0.52 (too few known paragraphs to count on);
#   - the text's sentences per known paragraph as the prior: AUC 0.66
#     (dev 0.60); with the openers below as likelihood ratios (naive Bayes,
#     rates from the unwrapped train text, nothing fitted): 51 for 28
#     (the rule now 18 for 3), dev 1 for 1 (now 1 for 0: it breaks
#     '... Clinton said.\n"In Tulsa' at 70);
#   - the next sentence's opening, share of paragraph starts among the
#     sentences of the unwrapped train text (all: 50%): a name and a verb
#     of saying ('Carson noted') 47% (10 ends to 1 wrap among the ambiguous
#     breaks, but chance: no signal in the 1,033 sentences), a pronoun 26%,
#     But/And 37%, an opening quote 59%, The/A 62%, In/When/After... 60%,
#     'The question is/problem/answer ...' 53% (32 sentences), a name
#     first mentioned 49%; the sentence before ending in a quotation 86%
#     (already a sign), an attribution before a quotation 22%, long (over
#     200 characters) 67%, a question 33%.
# In texts that mix blank lines and single breaks, a sentence ending in a
# closing quotation ends its paragraph as well (unwrapped train: 36 of 38);
# extended to them, that sign fixed 9 more ends on train and broke 1 wrap on
# dev at 70 ('... documentary "13th."', a quoted title; dev 70 would fall
# to 97.63, below its floor): left to texts of single-break paragraphs.
# Signals measured for that class and left out (PolNeAR train and dev at 60,
# 70 and 78 columns): a line in title case before a line reading as a
# sentence (a live blog's headline) fixed 3 breaks and broke 3 others (a
# headline wrapped over two lines, a list of names), rows 97.47/97.85/97.98
# -> 97.45/97.82/97.93; a paragraph that already has as many sentences as
# the median of the text's known paragraphs: 44 paragraph ends against 37
# wraps among the breaks read as wraps, fewer beyond the median; the exact
# width (the longest line against the shortest overflow of the sure wraps)
# does not separate them either: both readings leave the line full.
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
totals=$(mktemp /tmp/wrap_invariance.XXXXXX.totals)
trap 'rm -f "$totals"' EXIT
status=0
run() {
  local corpus=$1 min=$2 loose=$3
  shift 3
  if [[ ! -f $corpus ]]; then
    echo "skipped: $corpus is absent"
    return
  fi
  python3 test/features/suites/wrap_invariance.py check --min "$min" --min-loose "$loose" \
    "$@" --log "$log.part" --totals "$totals" "$corpus" || status=1
  cat "$log.part" >>"$log"
  rm -f "$log.part"
}
: >"$log"
run $shared/corpora/bbc.jsonl 99.9 99.9
run $shared/corpora/wikinews.jsonl 99.9 99.9
run $shared/polnear/dev.jsonl 98.5 99.9 --floor wrap60=99.9 --floor wrap78=99.9 --floor crlf=99.9
# the issue's measure: every row of the three corpora together, at each layout
if [[ -s $totals ]]; then
  python3 test/features/suites/wrap_invariance.py pooled --min 99.5 "$totals" || status=1
fi
exit $status
