#!/usr/bin/env bash
# COPY throughput into a tracked table versus an untracked one, in one run:
# the BBC corpus (../shared/data/corpora/bbc.jsonl, 2,225 articles, 5 MB)
# copied into two identical tables, one of them tracked by news_analysis
# (quotes, speakers and vote events written by the trigger).
#
# Target: tracked at least half the rows per second of untracked, each COPY
# in a session of its own.  Also reported: without parallel workers
# (news_analysis.max_parallel_workers = 0), and repeated in one session.  The
# check that fails the suite is a ratchet floor (FLOOR below, raise it as
# the trigger gets faster), so that a slowdown is caught.  It was 0.40
# (reached 0.51 on a quiet machine, 2026-11-24); since quotes() also finds
# reported speech (issue #13) the trigger writes 2.2 times the quote rows
# (23,810 against 10,743 on BBC) and the analysis costs more: 0.26 with a
# session per COPY, 0.40 in one session, measured by .ci/run on a clean clone
# with the other work of the machine stopped (2026-12-05), so the floor is
# 0.20 (the issue's 0.45 is not met).
# 2026-12-06: the registry's trigger is C and derived rows are written as
# COPY writes rows; test/bench/callgrind_paths.sh counts the tracked COPY at
# 1,990M instructions against 2,169M (untracked 610M: 0.31 against 0.28),
# the registry 14.5% of the trigger path (was 19.2%).  Timed here under load
# 5-8 (five developers on two cores, the untracked COPY at 135-420 ms
# against 76 ms on a quiet machine) the best-against-best ratio went from
# 0.15 to 0.31 from run to run, which is why the check is now the best
# round's ratio (both COPYs back to back): 0.31 under load 7.5 (rounds
# 0.22-0.31; best against best 0.28, in one session 0.29; the registry a
# median 15% of the trigger path), so the floor is 0.22, with room for a
# slower CI machine (the issue's 0.45 is not met: the analysis alone is
# half the trigger path, the derived tables' primary-key entries a fifth).
# 2026-12-06 (later): quote rows written as tuples from their columns' bytes
# and NOT NULL read from each row's null bitmap: callgrind 1,975M -> 1,908M
# (untracked/tracked 0.31 -> 0.32; the registry 15.3% of the trigger path);
# after main's faster analysis and row writer, 1,915M (main) -> 1,841M
# (0.33; the registry 15.9%); merged again, 1,830M (0.33; registry 16.2%).
# Timed under load 3-5: best round 0.32 and 0.33, best against best
# 0.19-0.27, the registry's median share 11% and 28%: no ground to raise
# the floor (the trigger path is 55% analysis, 20% PostgreSQL's B-tree
# inserts of the derived rows' primary keys, 15% registry).
# 2026-12-06 (copy): the backend writes the quotes and vote events while the
# parallel worker analyses (it wrote every row after the analysis, the
# worker gone).  callgrind cannot show it (a single-user backend has no
# workers: 1,805.7M, unchanged); the backend's own CPU time in the trigger,
# read with clock_gettime in a build that logs it, fresh session per COPY,
# old and new library alternating, 5 rounds under load 5.1-5.3: 284 ms ->
# 227 ms (median), of it after the analysis 154 ms -> 67 ms; the worker
# analyses more, 98 ms -> 131 ms.  The quote rows are no longer stored
# first: the backend's minor page faults (from /proc, server-side COPY, a
# new session's first COPY / its second) 13,700-14,700 / 7,400 -> 11,800-
# 11,900 / 5,000-5,100.  This suite under load 4.7-5.5, one run
# each, new then old library: best round 0.33 (untracked 172.6 ms, tracked
# 624.1 ms) against 0.37 (237.7, 675.7): the load swamps it, the floor
# stays.  A fresh session's extra cost is page faults (about 6,900 more in
# a new backend's first tracked COPY than in its second; every parallel
# worker is a new process, 635 faults and 23-38 ms of CPU before it
# analyses), not instructions: a one-row COPY is 7.0M instructions in a
# new backend (8.4M before its statements were prepared lazily), 3.1M in a
# warm one.
# 2026-12-06 (registry): the people registry writes its keys without its
# INSERT ... ON CONFLICT statement (src/pg/people_upsert_pg.c): callgrind
# 1,742M -> 1,645M, the registry 194M -> 97M (17.2% -> 9.4% of the
# trigger path).  This suite under load 2.3-2.7, new and old library
# alternating, two runs each: the registry's median share of the rounds
# 13% and 5% against 17% and 17%; best round 0.32-0.34 against 0.32 (the
# rest is the analysis and the B-tree inserts): the floor stays.
# 2026-12-06 (session 11, all merged: the registry as above, the faster
# scanner and analysis, quotes and vote events written while the workers
# analyse): callgrind 1,549M tracked; two runs on a quiet machine, best
# round 0.33 and 0.35 (best against best 0.32 and 0.30), where main gave
# 0.27-0.34 (0.26-0.27) at the session's start: the floor goes to 0.25.
# 2026-12-06 (session 12): the transition table read with one slot, each
# chunk's texts put straight into the workers' shared memory, populated
# with one madvise (a fresh backend's page faults, perf stat over the
# session, 14,200 -> 11,100), the binding's kept memory block and pglz
# decoder, the library loaded without relocating its tables: three runs on
# a quiet machine, best round 0.37, 0.44 and 0.48, best against best
# 0.33-0.35 (0.32 at the session's start), the registry 12-19% best against
# best: the floor goes to 0.28.
# 2026-12-07 (session 13): while the worker analyses, the backend writes the
# speakers too and keeps the people registry up itself (its trigger's work
# after the workers went from about 50 ms to 28-30 ms in a logged build);
# a worker maps its texts and queue in one call each (its page faults
# 1,500 -> 1,170).  Two runs with the host's noise low: best round 0.39 and
# 0.41, best against best 0.38 and 0.38 (0.34-0.36 and best round 0.36 at
# the session's start), tracked 257.0 and 277.9 ms best (292.5), the
# registry 15-19% best against best: the floor goes to 0.30.
# 2026-12-07 (session 15): the texts reach the workers through a shared
# temporary file, not shared memory (on this VM a page of new shared memory
# costs microseconds at its first write even when mapped in advance), and
# the last batches are written while the workers exit.  A/B, libraries
# alternating, 8 rounds: tracked best 273.6 -> 264.6 ms, median 283.7 ->
# 275.7 ms; this suite: best round 0.39, best against best 0.38 (0.36 at
# the session's start); later runs on a noisier host 0.48/0.37 and
# 0.48/0.35 (a slow untracked round lifts the best round): the floor stays.
# 2026-12-07 (session 16): the COPY's rows are analysed while it runs, by a
# background worker its BEFORE INSERT row trigger feeds (src/pg/ahead_pg.c),
# and an AFTER INSERT row trigger records the rows inserted in place of the
# statement's transition table.  A/B, main and branch alternating, quiet
# host: tracked best 268.7 and 266.4 ms -> 253.1 and 254.4 ms with the
# read-ahead alone, then 235.4, 226.3, 232.1 and 237.3 ms with the row
# trigger (untracked 100-104 ms): best round 0.44-0.46, best against best
# 0.43-0.45 (0.37-0.39 at the session's start); in one session 0.34-0.48.
# The registry's share rose to 22-28% (13-22% before) as the rest fell: its
# own time, 24-37 ms, did not.  The floor goes to 0.36.
# 2026-12-07 (session 17): on this VM a page a process touches first costs
# about 10 us (5 us for shared memory another process touched), so a fresh
# backend's first tracked COPY paid 6,810-6,860 page faults (perf): 5,100
# in shared buffers and WAL buffers (PostgreSQL's), 1,600-1,640 in its own
# memory.  The writer's batches now hold about 64 kB (COPY's
# MAX_BUFFERED_BYTES; they held 1,000 rows), the read-ahead's pieces are
# 64 kB (512 and 128 kB) and the registry's batch touches less (dense key
# cache, a name copied once): 6,320-6,370, 1,110-1,130 private.  A/B, libraries
# alternating, a session per COPY: median 219.1 -> 210.6 ms with part of
# it, 275.5 -> 223.7 and 248.6 -> 240.0 ms with all of it (10-12 rounds,
# the host noisier in the last two); this suite on a quiet host: best
# round 0.46-0.48, best against best 0.45-0.47 (four runs); on a noisier
# one 0.52-0.67 (a slow untracked round lifts it) and 0.42-0.46.  The
# registry: 22.6-37.9 ms (18-30%, 20% in the quietest run) by this suite,
# a median of 22.1 ms by its own clock (begin 0.4, add 3.5-4.3, count
# 3.8-4.2, write 10-14, end 0.8-1.0), 9.7% of the trigger path's
# instructions (callgrind_paths).  The floor goes to 0.40.
# 2026-12-07 (session 20): the registry counts rows as they come, packs
# its texts, keys COLLATE "C" (96.2M -> 89.6M instructions, a fresh
# backend's faults for it 710 -> 475); this suite, the session's first and
# last build alternating on a quiet host: the registry 27.8-30.9 ms (22-23%)
# before, 27.9-32.6 ms (21-24% by the medians) after; best round 0.47 ->
# 0.51-0.56, medians 0.44 -> 0.44-0.46.  The floor stays.
# 2026-12-07 (session 21): the registry writes a loader's keys in bulk
# (table_multi_insert, no speculative insertion, under a lock taken without
# waiting) and aims B-tree entries, its own and the derived tables', at the
# rightmost leaf (callgrind: the registry 91.6M -> 65.6M, the trigger path
# 1,045.3M -> 959.1M); the backend's own clock, fresh sessions: the
# registry 20.5 -> 15.3 ms by the medians.  This suite with 16 rounds, the
# machine's other work stopped: the registry 19.1 ms of 131.4 ms (15%) by
# the medians of the rounds, 20% best against best, 21% the median of the
# rounds' shares (builds skipping its write: 6%; skipping all of it: 3%).
# After the session's merge, the session's first and last library
# alternating, 16 rounds, two runs each on a quiet host: best round 0.46
# and 0.54 -> 0.50 and 0.54; the registry best against best 23% and 23% ->
# 18% and 18% (medians of the rounds 19%, 16% -> 9%, 11%); this suite as CI
# runs it: best round 0.65 and 0.63, the registry 14% and 17% best against
# best.  The floor goes to 0.42 (every run of the new library, one of them with
# another developer's work on the machine, reached 0.45 or more).
#   NA_COPY_BENCH_ROUNDS=8  rounds (the best round counts; the order turns each round)
set -euo pipefail
cd "$(dirname "$0")/../../.."
corpus=../shared/data/corpora/bbc.jsonl
FLOOR=${NA_COPY_BENCH_FLOOR:-0.42}
TARGET=0.50
rounds=${NA_COPY_BENCH_ROUNDS:-8}

if [[ ! -f $corpus ]]; then
  echo "copy_bench: skipped: $corpus is absent (shared/ is not beside the project)"
  exit 0
fi

export PGDATABASE=na_copy_bench
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"
tsv=$(mktemp /tmp/na_copy_bench.XXXXXX.tsv)
trap 'dropdb --if-exists "$PGDATABASE" || true; rm -f "$tsv"' EXIT
chmod 644 "$tsv"

# the corpus as COPY text (one row per article), made once
psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION news_analysis;
CREATE TEMP TABLE lines (line text);
\copy lines FROM '$(realpath "$corpus")' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
\copy (SELECT row_number() OVER (), j->>'id', j->>'title', j->>'text' FROM (SELECT line::jsonb AS j FROM lines) l) TO '$tsv'
CREATE TABLE plain (n integer PRIMARY KEY, id text, title text, body text);
CREATE TABLE tracked (n integer PRIMARY KEY, id text, title text, body text);
SELECT news_analysis.track('tracked', 'body', 'n') \\gset
-- the same without the people registry's upkeep (#16): its triggers off
CREATE TABLE unregistered (n integer PRIMARY KEY, id text, title text, body text);
SELECT news_analysis.track('unregistered', 'body', 'n') \\gset
ALTER TABLE unregistered_speakers DISABLE TRIGGER news_analysis_people_added,
  DISABLE TRIGGER news_analysis_people_removed, DISABLE TRIGGER news_analysis_people_truncated;
SQL
rows=$(wc -l <"$tsv")
bytes=$(stat -c %s "$tsv")

# copy_ms TABLE [SETTING]: milliseconds of one \copy into an emptied table, in a
# session of its own (psql \timing), as a loader that connects per file sees it
copy_ms() {
  psql -X -q -v ON_ERROR_STOP=1 -c "TRUNCATE $1" ${2:+-c "SET $2"} -c '\timing on' -c "\\copy $1 FROM '$tsv'" |
    sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
}
# session_ms TABLE [SETTING]: the best of $rounds \copy in one session, as a
# long-running loader sees it (the first statement of a session pays for
# loading the library, preparing statements and the first use of memory)
session_ms() {
  { [[ -n ${2:-} ]] && echo "SET $2;"; echo '\timing on'
    for ((r = 1; r <= rounds; r++)); do echo "TRUNCATE $1;"; echo "\\copy $1 FROM '$tsv'"; done; } |
    psql -X -q -v ON_ERROR_STOP=1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk 'NR % 2 == 0' | sort -n | head -n 1
}
best() { awk -v a="$1" -v b="${2:-1e99}" 'BEGIN {print (a < b) ? a : b}'; }

# each round times the four COPYs one after the other, so that all see the
# machine as it is; the ratio checked is the best round's (on a machine
# shared with other work the best untracked and the best tracked time of
# different rounds are often minutes of load apart).  The order turns by
# one each round: a COPY is slower or faster after some others (tracked
# right after untracked: median 238-243 ms, after tracked without the
# registry 225-226 ms, 8 rounds each, twice, 2026-12-07; the cause was not
# found), and in a fixed order that bias was the registry's share below
# (29% in one order, 17% in the other).
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
best_plain= best_tracked= best_serial= best_unreg= round_ratios= registry_shares=
all_plain= all_tracked= all_unreg=
order=(plain tracked unregistered serial)
for ((r = 1; r <= rounds; r++)); do
  for ((i = 0; i < 4; i++)); do
    case ${order[(i + r - 1) % 4]} in
      plain) p=$(copy_ms plain) ;;
      tracked) t=$(copy_ms tracked) ;;
      unregistered) u=$(copy_ms unregistered) ;;
      serial) s=$(copy_ms tracked 'news_analysis.max_parallel_workers = 0') ;;
    esac
  done
  echo "copy_bench: round $r (from ${order[(r - 1) % 4]}): untracked ${p} ms, tracked ${t} ms, tracked without the people registry ${u} ms, tracked without parallel workers ${s} ms"
  best_plain=$(best "$p" "$best_plain"); best_tracked=$(best "$t" "$best_tracked"); best_serial=$(best "$s" "$best_serial")
  best_unreg=$(best "$u" "$best_unreg")
  all_plain+="$p "; all_tracked+="$t "; all_unreg+="$u "
  round_ratios+="$(awk -v p="$p" -v t="$t" 'BEGIN {print p / t}') "
  registry_shares+="$(awk -v p="$p" -v t="$t" -v u="$u" 'BEGIN {print (t > p) ? (t - u) / (t - p) : 0}') "
done
best_round=$(printf '%s\n' $round_ratios | sort -g | tail -n 1)
median_share=$(printf '%s\n' $registry_shares | median)
median_plain=$(printf '%s\n' $all_plain | median)
median_tracked=$(printf '%s\n' $all_tracked | median)
median_unreg=$(printf '%s\n' $all_unreg | median)
session_plain=$(session_ms plain)
session_tracked=$(session_ms tracked)
session_serial=$(session_ms tracked 'news_analysis.max_parallel_workers = 0')
echo "copy_bench: one session, best of $rounds: untracked ${session_plain} ms, tracked ${session_tracked} ms, without workers ${session_serial} ms"
workers=$(psql -X -At -c "SELECT count(*) FROM news_analysis.sentences('x')" -c 'SHOW news_analysis.max_parallel_workers' | tail -n 1)

# where the time goes: the analysers alone, through their SQL functions
# (each scans the text itself; the trigger scans once for all of them)
query_ms() {
  psql -X -q -v ON_ERROR_STOP=1 -c '\timing on' -c "$1" |
    sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
}
scan_ms=$(query_ms "SELECT count(*) FROM plain, news_analysis.sentences(body)")
quotes_ms=$(query_ms "SELECT count(*) FROM plain, news_analysis.quotes(body)")
votes_ms=$(query_ms "SELECT count(*) FROM plain, news_analysis.vote_events(body)")
echo "copy_bench: analysers alone: scan ${scan_ms} ms, scan+quotes ${quotes_ms} ms, scan+vote events ${votes_ms} ms"

read -r quotes speakers votes failures < <(psql -X -At -F ' ' -c \
  "SELECT (SELECT count(*) FROM tracked_quotes), (SELECT count(*) FROM tracked_speakers),
          (SELECT count(*) FROM tracked_vote_events), (SELECT count(*) FROM news_analysis.failures)")

# did a worker take part?  With one
# processor the default (-1) asks for none
processors=$(nproc)
# a worker helps either way: the read-ahead's, analysing while the COPY runs
# (DEBUG1), or the AFTER trigger's parallel workers (DEBUG2)
debug=$(psql -X -q -c "TRUNCATE tracked" -c "SET client_min_messages = debug2" -c "\\copy tracked FROM '$tsv'" 2>&1)
ahead=$(sed -n 's/.*news_analysis: \([0-9]*\) articles analysed ahead by a background worker.*/\1/p' <<<"$debug" | awk '{n += $1} END {print n + 0}')
helped=$(sed -n 's/.*news_analysis: \([0-9]*\) articles analysed by the backend and \([0-9]*\) of \([0-9]*\) parallel workers.*/\2/p' <<<"$debug" | head -n 1)
if ((ahead > 0)); then helped=$((${helped:-0} + 1)); fi
echo "copy_bench: $processors processors; articles analysed ahead while the COPY ran: $ahead; workers that helped the trigger: ${helped:-none}"
workers_ok=1
if ((processors >= 2)) && [[ -z $helped || $helped -lt 1 ]]; then
  workers_ok=0
  echo "copy_bench: FAILED: no worker analysed the COPY's rows"
fi

awk -v rows="$rows" -v bytes="$bytes" -v p="$best_plain" -v t="$best_tracked" -v s="$best_serial" \
    -v sp="$session_plain" -v st="$session_tracked" -v ss="$session_serial" -v workers="$workers" \
    -v floor="$FLOOR" -v target="$TARGET" -v q="$quotes" -v sk="$speakers" -v v="$votes" -v f="$failures" \
    -v wok="$workers_ok" -v u="$best_unreg" -v round="$best_round" -v mshare="$median_share" \
    -v mp="$median_plain" -v mt="$median_tracked" -v mu="$median_unreg" '
BEGIN {
  prate = rows / (p / 1000); trate = rows / (t / 1000); ratio = round
  printf "copy_bench: %d articles, %.1f MB, best of rounds, a session per COPY\n", rows, bytes / 1e6
  printf "copy_bench: untracked %8.1f ms  %9.0f rows/s  %6.1f MB/s\n", p, prate, bytes / 1e6 / (p / 1000)
  printf "copy_bench: tracked   %8.1f ms  %9.0f rows/s  %6.1f MB/s  (%d quotes, %d speakers, %d vote events, %d failures; max_parallel_workers %s)\n", \
    t, trate, bytes / 1e6 / (t / 1000), q, sk, v, f, workers
  printf "copy_bench: tracked/untracked = %.2f in the best round (target >= %.2f, %s; floor %.2f); best against best %.2f\n", \
    ratio, target, (ratio >= target) ? "met" : "not met", floor, p / t
  printf "copy_bench: without parallel workers %.2f; in one session %.2f (without workers %.2f)\n", \
    p / s, sp / st, sp / ss
  # the people registry (#16): the share of its triggers in the trigger path
  # (tracked - untracked), best against best; the issue asks under 20%
  share = (t > p) ? (t - u) / (t - p) : 0
  printf "copy_bench: the people registry: %.1f ms of the %.1f ms the trigger path adds (%.0f%%, best against best; without it %.1f ms); median of the rounds %.0f%%\n", \
    t - u, t - p, 100 * share, u, 100 * mshare
  printf "copy_bench: medians of the rounds: untracked %.1f ms, tracked %.1f ms, without the registry %.1f ms: the registry %.1f ms of %.1f ms (%.0f%%); tracked/untracked %.2f\n", \
    mp, mt, mu, mt - mu, mt - mp, (mt > mp) ? 100 * (mt - mu) / (mt - mp) : 0, mp / mt
  ok = (ratio >= floor && q > 0 && f == 0)
  printf "copy_bench: %d passed, %d failed\n", ok + wok, !ok + !wok
  exit !(ok && wok)
}'
