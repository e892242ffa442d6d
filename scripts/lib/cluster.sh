# Throwaway PostgreSQL 15 clusters, for scripts/with-cluster and the suites that
# need clusters of their own (test/suites/citus.sh starts three).  Sourced, not run:
#   source scripts/lib/cluster.sh
#   na_cluster_init                      # finds initdb, picks the owner (postgres when root)
#   dir=$(na_cluster_create PORT [LISTEN] [EXTRA_CONF])   # initdb in a private directory
#   na_cluster_start "$dir"              # socket in $dir; TCP only on LISTEN (default none)
#   na_cluster_remove "$dir"             # stop (immediate) and delete; safe to call twice
# Every cluster: trust authentication, UTF8, C.UTF-8, fsync off (they hold test data only).

# Sets NA_PG_BINDIR, NA_CLUSTER_OWNER and NA_AS_OWNER (the command prefix that runs
# a program as the owner: initdb and the server refuse to run as root).
na_cluster_init() {
  local pg_config=${PG_CONFIG:-pg_config}
  NA_PG_BINDIR=$("$pg_config" --bindir 2>/dev/null || true)
  [[ -x "$NA_PG_BINDIR/initdb" ]] || NA_PG_BINDIR=/usr/lib/postgresql/15/bin
  if [[ ! -x "$NA_PG_BINDIR/initdb" ]]; then
    echo "cluster: no initdb found (install postgresql-15)" >&2
    return 1
  fi
  NA_AS_OWNER=()
  if [[ $(id -u) -eq 0 ]]; then
    NA_AS_OWNER=(runuser -u postgres --)
    NA_CLUSTER_OWNER=postgres
  else
    NA_CLUSTER_OWNER=$(id -un)
  fi
}

# Prints the directory of a new cluster (data in DIR/data, socket in DIR, log in
# DIR/server.log) listening on PORT; LISTEN is listen_addresses ('' = socket only);
# EXTRA_CONF is appended to postgresql.conf.
na_cluster_create() {
  local port=$1 listen=${2:-} extra=${3:-} dir
  dir=$(mktemp -d /tmp/news_analysis-cluster.XXXXXX) || return 1
  [[ $(id -u) -eq 0 ]] && chown "$NA_CLUSTER_OWNER": "$dir"
  chmod 700 "$dir"
  if ! "${NA_AS_OWNER[@]}" "$NA_PG_BINDIR/initdb" -D "$dir/data" -U "$NA_CLUSTER_OWNER" -A trust \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '$listen'
unix_socket_directories = '$dir'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
max_worker_processes = 8
max_parallel_workers = 4
log_min_messages = warning
$extra
CONF
  echo "$dir"
}

na_cluster_start() {
  local dir=$1
  "${NA_AS_OWNER[@]}" "$NA_PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
}

na_cluster_remove() {
  local dir=$1
  [[ -n "$dir" && -d "$dir" ]] || return 0
  "${NA_AS_OWNER[@]}" "$NA_PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
