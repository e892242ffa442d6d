#!/usr/bin/env bash
# The quotes benchmark (test/bench/bench_quotes.sh) against floors: MB/s on
# BBC (the issue asked 40, then 60), and a ratchet floor on quotes against a regexp_matches quote
# extraction in the same run (reached 2026-11-24: first 71-73 MB/s, ratio
# 0.74-0.80; after the core speed-up 102-103 MB/s, ratio 1.01-1.11, on a 2-core
# shared machine, regexp_matches at 91-100 MB/s).  Since quotes() also
# finds reported speech (issue #13: three times the rows, a pass over every
# word for reporting cues) it reached 50.5 MB/s, ratio 0.56, with
# regexp_matches at 90 MB/s on a loaded machine (2026-12-05), and 0.49-0.57
# in two runs of .ci/run on a clean clone of a quiet machine (47.5 MB/s with
# regexp_matches at 97.7).  Since the pass for reported speech visits only
# the words the scanner flags as shaped like a cue (2026-12-06) it reached
# 0.59-0.62, 60.5-66.5 MB/s, in three runs on a machine under load 5.4
# (regexp_matches at 100-113 MB/s), 0.52 with the machine so busy that regexp_matches ran at 40 MB/s.
# After the speakers of #16 merged (pronoun salience, descriptions, the
# people's names: more work in q_collect_names) a .ci/run on a clean clone,
# with builds running beside it, measured 0.49 and 43.7 MB/s (regexp_matches
# at 89), but the project's CI measured 39.5 MB/s, ratio 0.46 (regexp_matches
# at 85.6) on the same commit; the floors, ratio 0.42 and 35 MB/s, leave room
# for that spread, below the issue's target of 0.65.  The name pass's
# lexicon lookups cut (2026-12-06: na_quotes_analyse over BBC 416M -> 361M
# instructions under callgrind, scan+quotes 649M -> 594M, reporting verbs and
# nouns added since included; the core alone best of six 58.6 -> 63.5 MB/s,
# alternated): quotes() 35.9-52.8 MB/s, ratio 0.33-0.82 in six runs on a
# machine under load 5.5 (three other developers' tests beside it), so the
# floors stay where they were: a run that loaded proves no higher floor.  The
# MB/s floor is skipped when regexp_matches runs below 60 MB/s (a loaded
# machine).  After #13's further cues and #16's speakers (2026-12-06, session
# 6) a quiet machine measured 60.7-61.9 MB/s, ratio 0.48 (regexp_matches at
# 126-129), where it measured 0.52-0.53 before; the project's CI machine
# measured 0.46 when this one measured 0.52, so it may measure about 0.42
# now: floors 30 MB/s and ratio 0.36, below that spread.  Session 7
# (2026-12-06) cut quotes()'s instructions over BBC by 9.8% (callgrind_paths.sh:
# 809.0M -> 729.8M, regexp_matches 511M; rows byte-identical; 743.5M after
# #16's speakers merged): its rows are written as tuples straight from the
# text's bytes, a reporting word's class rides in its lexicon mask, the
# busiest one-line helpers are inline.  Wall-clock runs on the loaded
# machine (load 6-7, two cores for five developers) gave ratios 0.39-0.67
# with regexp_matches at 37-104 MB/s: a run that loaded proves no higher
# floor, so the floors stay at 30 MB/s and 0.36.  Session 9 (2026-12-06)
# cut the analysis of names and reported speech (callgrind_paths.sh: quotes()
# 687.9M -> 655.9M for the same rows, 674.7M with #16's later rules,
# regexp_matches 511.1M: 0.76 in instructions; the core's analysis alone
# measured 7% less time, median of 12 alternated runs): three runs of this
# suite under load 5-8 gave 37.6-55.9 MB/s, ratios 0.52-0.74 (regexp_matches
# at 51-89 MB/s).  No quiet run: the floors stay.  With the build's -O3 and
# hidden symbols, the row writer and the scanner's plain-word path of the
# same session (744.8M -> 676.9M on their own) quotes() retires 667.2M over
# BBC (0.77 of regexp_matches's 510.7M); runs under load 3.6-5 gave 39.0-59.7
# MB/s, ratios 0.36-0.50 (regexp_matches 109-119 MB/s), and one .ci/run under
# load 5 missed the 30 MB/s floor (27.8, regexp_matches at 60.4, just above
# --loaded-below): the floors stay, a loaded run proves no higher one.
# Session 9 after its merges (name collection cut further: quotes() 666.8M ->
# 648.9M, 0.79 of regexp_matches in instructions): on a quiet machine, test/bench/run best of 10 gave quotes()
# 66.4 and 62.6 MB/s at 0.60 and 0.65 of regexp_matches (111.2, 96.3 MB/s),
# best of 3 gave 62.5 and 51.4 MB/s (0.74, 0.46); its 16x scaling rows
# 62.0-64.6 MB/s.  Floors raised a little, with room for the slower CI
# machine: 35 MB/s and ratio 0.40.
# Session 10 (2026-12-06, #13 speed; rows byte-identical): callgrind_paths.sh
# quotes() 648.9M -> 582.3M instructions over BBC (0.88 of regexp_matches's
# 511.1M; inside it the analysis 373.2M -> 326.7M, the scanner 161.8M ->
# 142.6M, the detoasting 61.5M as before; the core's full analysis alone,
# na_quotes --bench, 375.4M -> 336.3M; vote_events() 331.8M -> 311.8M, the
# tracked COPY 1,805.8M -> 1,743.5M): the scanner's plain words found by
# their letters alone (a digit mask only for the few words with digits), its
# shape filters one byte table that also flags the words
# shaped like the quote lists' (half of the first lexicon lookups refused
# with no lookup), the first lookup of a short word without calls, quotes()
# building speakers' names only (no roles or aliases it does not show),
# inline refusals before the calls of place and title lookups, the token
# lists in two passes, small sorts by insertion.  Of the count, about 18M
# is one memset per article of the per-token arrays, which callgrind counts
# by the byte (rep stosb): it overstates quotes() against regexp_matches by
# that much.  No wall-clock run on a quiet machine: the floors stay.
# Session 11 (2026-12-06): quotes() 583.1M -> 488.4M instructions (regexp
# 511.1M; the scanner 142.6M -> 91.0M, the analysis 327.5M -> 284.4M);
# on a quiet machine this benchmark (--rounds 5) gave 0.60 (65.3 MB/s
# against 108.0) where it gave 0.52 (43.7 against 84.2) at the session's
# start, test/bench/run 0.63 (62.2 against 98.9): the ratio floor goes to
# 0.45 (a quarter below the quiet run, for a loaded or slower CI machine).
# Session 12 (2026-12-06): the binding's kept block for the core's memory
# and its own pglz decoder (quotes() 488.8M -> 463.5M instructions); on a
# quiet machine this benchmark gave 0.62 (51.6 MB/s) and 0.65 (71.7 against
# 109.7), test/bench/run 0.67 twice (66.6 against 99.8, 68.4 against
# 101.9): the floors go to 40 MB/s and ratio 0.50.
# Session 18 (2026-12-07): fewer mispredicted branches in the hot small
# tests (q_is in one 4-byte load, the scanner's capitals flags, the
# sentence numbering's tail, the possessive ending, the speakers' acronym
# joins; rows byte-identical, callgrind instructions up about 5%: these
# trade instructions for branches).  This benchmark with the old and new
# library alternating, four rounds each: quotes/regexp_matches 0.63, 0.63,
# 0.63, 0.59 before, 0.69, 0.66, 0.68, 0.68 after (quotes 50.7-68.8 MB/s
# before, 56.9-78.1 after, the host's speed varying: regexp_matches
# 80.1-114.5): the ratio floor goes to 0.52.
# Session 22 (2026-12-07): the name and report phases cut (rows
# byte-identical), the token lists in one SSE2 pass, the pglz decoder a
# control byte at a time.  This benchmark with session 21's library and
# the new one alternating, eight rounds each on a quiet machine:
# quotes/regexp_matches 0.65, 0.65, 0.65, 0.65, 0.63, 0.63, 0.65, 0.64
# before, 0.71, 0.72, 0.69, 0.72, 0.68, 0.69, 0.70, 0.71 after (quotes
# 68.9-73.5 MB/s before, 76.6-82.6 after; regexp_matches 109.6-114.6):
# the ratio floor goes to 0.58, as far below the median as 0.52 was.
# Prints "bench_quotes: N passed, N failed".
# Skips where ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec test/bench/bench_quotes.sh --rounds 5 --min-mbs 40 --min-ratio 0.58 --loaded-below 60 "$@"
