#!/usr/bin/env bash
# pg_cron for real: Debian's postgresql-15-cron preloaded in a throwaway
# cluster refreshes a vote view (news_analysis.refresh_vote_view) on a
# schedule.  Articles inserted after the view was made appear in it once
# cron.job_run_details shows a run that succeeded after the insert.
#
# Installs the package with apt-get when pg_cron is not in the server's
# $(pg_config --pkglibdir); prints "pg_cron: skipped: ..." only when it cannot.
# Uses the server PG* names when it preloads pg_cron already; otherwise starts
# its own cluster (scripts/with-cluster with NA_CLUSTER_CONF).
# Prints "pg_cron: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
PG_CONFIG=${PG_CONFIG:-pg_config}

if [[ "${1:-}" != --inner ]]; then
  libdir=$("$PG_CONFIG" --pkglibdir)
  if [[ ! -f $libdir/pg_cron.so ]]; then
    echo "pg_cron: $libdir/pg_cron.so is missing: apt-get install postgresql-15-cron"
    sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo -n)
    if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q postgresql-15-cron >/tmp/pg_cron-apt.$$.log 2>&1 &&
       ! { "${sudo[@]}" apt-get update -q >/dev/null 2>&1 &&
           DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q postgresql-15-cron >/tmp/pg_cron-apt.$$.log 2>&1; }; then
      tail -n 3 /tmp/pg_cron-apt.$$.log
      rm -f /tmp/pg_cron-apt.$$.log
      echo "pg_cron: skipped: apt-get could not install postgresql-15-cron"
      exit 0
    fi
    rm -f /tmp/pg_cron-apt.$$.log
    if [[ ! -f $libdir/pg_cron.so ]]; then
      # the package installs into Debian's server; PG_CONFIG names another one
      echo "pg_cron: skipped: postgresql-15-cron is installed, but not into $libdir (copy its files from dpkg -L postgresql-15-cron)"
      exit 0
    fi
  fi
  if [[ -n "${PGHOST:-}${PGPORT:-}" ]] &&
     psql -X -At -c 'SHOW shared_preload_libraries' 2>/dev/null | grep -q pg_cron; then
    exec bash "$0" --inner
  fi
  # a cluster of our own, pg_cron preloaded, jobs run by background workers
  # (the cluster has no TCP port for pg_cron's default libpq connections)
  exec env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE \
    NA_CLUSTER_PORT=$((${NA_CLUSTER_PORT:-54329} + 1)) \
    NA_CLUSTER_CONF="shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16" \
    scripts/with-cluster bash "$0" --inner
fi

cron_db=$(psql -X -At -c 'SHOW cron.database_name')
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$cron_db" "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}

psql_ >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE EXTENSION IF NOT EXISTS news_analysis;
DROP TABLE IF EXISTS cron_articles CASCADE;
CREATE TABLE cron_articles (id integer PRIMARY KEY, body text NOT NULL);
INSERT INTO cron_articles VALUES
  (1, 'The Senate voted 52 to 48 on Tuesday to confirm the nominee.'),
  (2, 'Arsenal won 3-1 against Everton on Saturday.');
SELECT news_analysis.create_vote_view('cron_votes', 'cron_articles', 'id', 'body');
SQL
echo "pg_cron: $(psql_ -c "SELECT 'pg_cron ' || extversion FROM pg_extension WHERE extname = 'pg_cron'")"
check '[[ $(psql_ -c "SELECT count(DISTINCT id) FROM cron_votes") == 1 ]]' \
  "the vote view starts with the one article that reports a vote"

# every few seconds where pg_cron takes interval schedules (1.5+), else every minute
command="SELECT news_analysis.refresh_vote_view('public.cron_votes')"
schedule='5 seconds'
if ! job=$(psql_ -c "SELECT cron.schedule('refresh cron votes', '$schedule', \$\$$command\$\$)" 2>/dev/null); then
  schedule='* * * * *'
  job=$(psql_ -c "SELECT cron.schedule('refresh cron votes', '$schedule', \$\$$command\$\$)")
fi
echo "pg_cron: job $job scheduled '$schedule': $command"

inserted=$(psql_ <<'SQL'
INSERT INTO cron_articles VALUES
  (3, 'Russia vetoed the resolution on Friday; China abstained.'),
  (4, 'The House passed the bill 230-201 late on Thursday.'),
  (5, 'The weather was mild for the season.');
SELECT clock_timestamp();
SQL
)

# wait (bounded) for a run that started after the insert and succeeded
deadline=$((SECONDS + 150))
status=''
while [[ $SECONDS -lt $deadline ]]; do
  status=$(psql_ -c "SELECT status || ' ' || coalesce(return_message, '')
                       FROM cron.job_run_details
                      WHERE jobid = $job AND start_time > '$inserted'::timestamptz
                        AND status IN ('succeeded', 'failed')
                      ORDER BY start_time LIMIT 1")
  [[ -n $status ]] && break
  sleep 2
done
echo "pg_cron: first run after the insert: ${status:-none within 150 s} (after $((SECONDS + 150 - deadline)) s)"
check '[[ $status == succeeded* ]]' "a scheduled refresh succeeded in cron.job_run_details (got: ${status:-nothing})"
check '[[ $(psql_ -c "SELECT count(DISTINCT id) FROM cron_votes") == 3 ]]' \
  "the view holds the articles inserted after it was made (1, 3, 4)"
check '[[ $(psql_ -c "SELECT count(*) FROM (SELECT * FROM cron_votes EXCEPT
            SELECT a.id, v.* FROM cron_articles a, news_analysis.vote_events(a.body) v) x") == 0 ]]' \
  "the refreshed view equals vote_events() computed directly"
check '[[ $(psql_ -c "SELECT count(*) FROM cron.job_run_details WHERE jobid = $job AND status = '\''failed'\''") == 0 ]]' \
  "no run of the job failed"

psql_ -c "SELECT cron.unschedule($job)" >/dev/null
psql_ -c "SET client_min_messages = warning" -c "DROP TABLE cron_articles CASCADE" >/dev/null
echo "pg_cron: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
