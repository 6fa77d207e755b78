#!/usr/bin/env bash
# Populus benchmark, end to end: builds the app and the load generator, starts Populus on Temurin 25 with a fresh
# data directory (bench/out/data), loads N synthetic individuals through the API, runs the scenarios, stops the app
# and prints the report (also written to bench/out/report-<timestamp>.md). See bench/README.md.
#
#   bench/run.sh                                   # full run: N=100000, 32 workers, 5 s warm-up + 20 s per scenario
#   N=2000 DURATION=5 WARMUP=2 bench/run.sh        # a quick small run
#   SCENARIOS=census-get,census-version-at,census-register-paced,census-register bench/run.sh
#                                                  # the Census API scenarios only
#   SKIP_LOAD=1 bench/run.sh                       # reuse bench/out/data as the previous run left it
#   MINIMAL=1 PGBENCH=1 SCENARIOS=get,pk bench/run.sh
#                                                  # Populus's GET beside the minimal Java server, the raw PK
#                                                  # lookup and pgbench -S, all warm, in one run
#   LOAD=import N=1000000 bench/run.sh             # load through `populus.jar import-people` (a generated CSV of N
#                                                  # people in households, COPY), timed, instead of the API
#   BASE_URL=http://127.0.0.1:8080 DB_URL=jdbc:postgresql://127.0.0.1:5432/populus bench/run.sh
#                                                  # an app that is already running: nothing is built or started
#
# Extra arguments are passed to the load generator (java -jar bench/target/populus-bench.jar --help).
# Exit status: 0 fine, 1 could not run (build, start-up, login or load failed), 2 a scenario had errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"
OUT="$BENCH_DIR/out"

# The exact command, for the report: the settings given in the environment, then the script and its arguments.
SETTINGS=(LOAD N CONCURRENCY LOAD_CONCURRENCY DURATION WARMUP GET_WARMUP SEED SKIP_LOAD SKIP_BUILD SCENARIOS PGBENCH
  PGBENCH_SCALE PG_STAT_STATEMENTS PROFILE EVENTS EVENTS_URI EVENTS_EXCHANGE REGISTER_RATE HISTORY_PEOPLE HISTORY_VERSIONS DRAIN_TIMEOUT MINIMAL MINIMAL_PORT
  MINIMAL_JAVA_OPTS MINIMAL_DB_USER MINIMAL_DB_PASSWORD
  SERVER_PORT POPULUS_DB_PORT POPULUS_ADMIN_LOGIN POPULUS_ADMIN_PASSWORD POPULUS_OPENG2P_MAX_UNBOUNDED_LISTINGS APP_JAVA_OPTS BENCH_JAVA_OPTS BASE_URL DB_URL
  DB_USER DB_PASSWORD DATA_DIR JAVA_HOME_25 APP_JAVA APP_JAR BENCH_JAVA STARTUP_TIMEOUT APP_PID)
quote() { if [[ "$1" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi; }
COMMAND=""
for v in "${SETTINGS[@]}"; do
  if [[ -n "${!v+x}" ]]; then
    case "$v" in
      *PASSWORD) COMMAND+="$v=*** " ;;
      *) COMMAND+="$v=$(quote "${!v}") " ;;
    esac
  fi
done
COMMAND+="bench/run.sh"
for a in "$@"; do COMMAND+=" $(quote "$a")"; done

JAVA_HOME_25="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
APP_JAVA="${APP_JAVA:-$JAVA_HOME_25/bin/java}"
BENCH_JAVA="${BENCH_JAVA:-$JAVA_HOME_25/bin/java}"
N="${N:-100000}"
LOAD="${LOAD:-api}"
CONCURRENCY="${CONCURRENCY:-32}"
LOAD_CONCURRENCY="${LOAD_CONCURRENCY:-64}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
SEED="${SEED:-42}"
SKIP_LOAD="${SKIP_LOAD:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCENARIOS="${SCENARIOS:-all}"
PGBENCH="${PGBENCH:-0}"
# PG_STAT_STATEMENTS=1: the embedded PostgreSQL preloads pg_stat_statements; the report then counts the database
# statements per request of every scenario (and lists them)
PG_STAT_STATEMENTS="${PG_STAT_STATEMENTS:-0}"
# PROFILE=1: the app (and the minimal server) run with async-profiler (tools.profiler:async-profiler from Maven
# Central), CPU samples of the JVM written every 20 s as collapsed stacks to bench/out/profile/; summarise a window
# with bench/profile-summary.py
PROFILE="${PROFILE:-0}"
# EVENTS=1: Populus publishes its events to RabbitMQ (EVENTS_URI, default the local broker as guest) on the exchange
# EVENTS_EXCHANGE (default populus-bench, so that no real consumer of hutch sees them); the load generator consumes
# them and reports, per write scenario, the lag from a version's recording to its event and whether all arrived.
# EVENTS=publish: Populus publishes as with 1, but nothing consumes (no queue is bound to the exchange, so RabbitMQ
# confirms and drops them): the cost of publishing without the load generator's consumer on the same cores
EVENTS="${EVENTS:-0}"
EVENTS_URI="${EVENTS_URI:-amqp://guest:guest@127.0.0.1:5672/%2f}"
EVENTS_EXCHANGE="${EVENTS_EXCHANGE:-populus-bench}"
if [[ "$EVENTS" != 0 ]]; then
  export POPULUS_EVENTS_RABBITMQ_URI="$EVENTS_URI" POPULUS_EVENTS_RABBITMQ_EXCHANGE="$EVENTS_EXCHANGE"
else
  unset POPULUS_EVENTS_RABBITMQ_URI
fi
PGBENCH_SCALE="${PGBENCH_SCALE:-10}"
REGISTER_RATE="${REGISTER_RATE:-500}"
HISTORY_PEOPLE="${HISTORY_PEOPLE:-4}"
HISTORY_VERSIONS="${HISTORY_VERSIONS:-20}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-120}"
SERVER_PORT="${SERVER_PORT:-18080}"
POPULUS_DB_PORT="${POPULUS_DB_PORT:-15432}"
POPULUS_ADMIN_LOGIN="${POPULUS_ADMIN_LOGIN:-admin}"
POPULUS_ADMIN_PASSWORD="${POPULUS_ADMIN_PASSWORD:-bench-admin-password}"
# 2 cores shared by app, PostgreSQL and load generator: the parallel collector (no concurrent GC threads competing
# for the cores, short young pauses on a 1-4 GiB heap), heap pre-sized so it does not grow during the run.
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xms1g -Xmx4g -XX:+UseParallelGC}"
if [[ "$PROFILE" == 1 ]]; then
  ASYNC_PROFILER_VERSION=4.6
  mkdir -p "$OUT/profile"
  if [[ ! -f "$OUT/profile/libasyncProfiler.so" ]]; then
    "$ROOT/mvnw" -B -ntp -q dependency:copy -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" \
      -DoutputDirectory="$OUT/profile" -Dmdep.stripVersion=true
    unzip -o -q -j "$OUT/profile/async-profiler.jar" 'linux-x64/libasyncProfiler.so' -d "$OUT/profile"
  fi
  profiler() { echo "-agentpath:$OUT/profile/libasyncProfiler.so=start,event=ctimer,interval=1ms,threads,collapsed,loop=20s,file=$OUT/profile/$1-%t.collapsed"; }
  APP_JAVA_OPTS+=" $(profiler populus)"
  MINIMAL_JAVA_OPTS="${MINIMAL_JAVA_OPTS:-${APP_JAVA_OPTS% -agentpath:*} $(profiler minimal)}"
fi
# the minimal server runs on the app's java with the app's flags: only the code differs
MINIMAL_JAVA_OPTS="${MINIMAL_JAVA_OPTS:-$APP_JAVA_OPTS}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-180}"
DATA_DIR="${DATA_DIR:-$OUT/data}"
BASE_URL="${BASE_URL:-}"
DB_URL="${DB_URL:-}"
DB_USER="${DB_USER:-postgres}"
DB_PASSWORD="${DB_PASSWORD:-}"
APP_PID="${APP_PID:-}"
# the minimal Java server (scenario "minimal"): started here when MINIMAL=1 or SCENARIOS names it
MINIMAL="${MINIMAL:-0}"
case ",$SCENARIOS," in *,minimal,*) MINIMAL=1 ;; esac
if [[ "$MINIMAL" == 1 ]]; then
  case ",$SCENARIOS," in *,minimal,*) ;; *) SCENARIOS="$SCENARIOS,minimal" ;; esac
fi
MINIMAL_PORT="${MINIMAL_PORT:-18081}"
MINIMAL_DB_USER="${MINIMAL_DB_USER:-populus}"
MINIMAL_DB_PASSWORD="${MINIMAL_DB_PASSWORD:-}"

TS="$(date -u +%Y%m%dT%H%M%SZ)"
REPORT="$OUT/report-$TS.md"
APP_LOG="$OUT/app-$TS.log"
MINIMAL_LOG="$OUT/minimal-$TS.log"
BENCH_JAR="$BENCH_DIR/target/populus-bench.jar"
# APP_JAR: another build of the app to measure with this load generator (e.g. an older commit, for a before/after)
APP_JAR="${APP_JAR:-$ROOT/target/populus.jar}"

say() { printf '\n>>> %s\n' "$*" >&2; }
die() { printf '\nbench/run.sh: ERROR: %s\n' "$*" >&2; exit 1; }
[[ "$EVENTS" == 0 || "$EVENTS" == 1 || "$EVENTS" == publish ]] || die "EVENTS is 0, 1 or publish, not $EVENTS"

[[ -x "$APP_JAVA" ]] || die "no java at $APP_JAVA (set JAVA_HOME_25 or APP_JAVA)"
[[ -x "$BENCH_JAVA" ]] || die "no java at $BENCH_JAVA (set JAVA_HOME_25 or BENCH_JAVA)"
command -v curl >/dev/null || die "curl is needed to wait for the app's health endpoint"
mkdir -p "$OUT"

# Maven on JDK 25 warns about sun.misc.Unsafe in its own libraries; that is noise here.
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

build() { # $1 = pom, $2 = what
  say "building $2"
  (cd "$ROOT" && JAVA_HOME="$JAVA_HOME_25" ./mvnw -q -B -DskipTests -f "$1" package) \
    || die "building $2 failed (see the Maven output above)"
}

STARTED_APP=0
DB_PID=""
stop_app() {
  [[ "$STARTED_APP" == 1 && -n "$APP_PID" ]] || return 0
  STARTED_APP=0
  if kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping Populus (pid $APP_PID, SIGTERM)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$APP_PID" 2>/dev/null && (( waited < 60 )); do sleep 1; waited=$((waited + 1)); done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "Populus did not stop within 60 s: killing it" >&2
      kill -KILL "$APP_PID" 2>/dev/null || true
    else
      echo "stopped in ${waited} s" >&2
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  # the embedded PostgreSQL stops with the app; if it outlives it (app killed, or a shutdown bug), stop it here
  if [[ -n "$DB_PID" ]] && kill -0 "$DB_PID" 2>/dev/null \
      && [[ "$(ps -o comm= -p "$DB_PID" 2>/dev/null)" == postgres* ]]; then
    local pg_waited=0
    while kill -0 "$DB_PID" 2>/dev/null && (( pg_waited < 30 )); do sleep 1; pg_waited=$((pg_waited + 1)); done
    if kill -0 "$DB_PID" 2>/dev/null; then
      echo "the embedded PostgreSQL (pid $DB_PID) is still running 30 s after the app stopped: stopping it" >&2
      kill -INT "$DB_PID" 2>/dev/null || true # fast shutdown
    fi
  fi
}
MINIMAL_PID=""
stop_minimal() {
  [[ -n "$MINIMAL_PID" ]] || return 0
  local pid="$MINIMAL_PID"
  MINIMAL_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping the minimal server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && (( waited < 20 )); do sleep 1; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  fi
}
stop_all() { stop_minimal; stop_app; }
trap stop_all EXIT
trap 'exit 130' INT TERM

port_busy() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

# Starts Populus on DATA_DIR, logging to $1, and waits until its readiness probe says UP (READY_AT: then, in ms).
READY_AT=""
start_app() {
  APP_LOG="$1"
  say "starting Populus on $BASE_URL (embedded PostgreSQL on 127.0.0.1:$POPULUS_DB_PORT, data in $DATA_DIR, log $APP_LOG)"
  # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
  env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    SERVER_PORT="$SERVER_PORT" POPULUS_DATA_DIR="$DATA_DIR" POPULUS_DB_PORT="$POPULUS_DB_PORT" \
    POPULUS_ADMIN_LOGIN="$POPULUS_ADMIN_LOGIN" POPULUS_ADMIN_PASSWORD="$POPULUS_ADMIN_PASSWORD" \
    POPULUS_OPENG2P_MAX_UNBOUNDED_LISTINGS="${POPULUS_OPENG2P_MAX_UNBOUNDED_LISTINGS:-0}" \
    "$APP_JAVA" $APP_JAVA_OPTS -jar "$APP_JAR" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  STARTED_APP=1

  local started
  started=$(date +%s)
  # readiness, not just liveness: the app may still be getting ready (e.g. warming up) after it is alive
  until curl -fsS --max-time 2 "$BASE_URL/actuator/health/readiness" 2>/dev/null | grep -q '"status" *: *"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "---- last lines of $APP_LOG ----" >&2; tail -n 40 "$APP_LOG" >&2
      die "Populus exited during start-up (see $APP_LOG)"
    fi
    if (( $(date +%s) - started > STARTUP_TIMEOUT )); then
      echo "---- last lines of $APP_LOG ----" >&2; tail -n 40 "$APP_LOG" >&2
      die "Populus did not report UP on $BASE_URL/actuator/health/readiness within $STARTUP_TIMEOUT s"
    fi
    sleep 0.2
  done
  READY_AT="$(date +%s%3N)"
  echo "Populus is ready after $(( $(date +%s) - started )) s (pid $APP_PID)" >&2
  # the embedded PostgreSQL wants a password: the superuser's (pgbench creates a database of its own) is in the data dir
  if [[ -z "$DB_PASSWORD" && "$DB_USER" == postgres && -f "$DATA_DIR/db-superuser.password" ]]; then
    DB_PASSWORD="$(tr -d '[:space:]' < "$DATA_DIR/db-superuser.password")"
  fi
  DB_PID=""
  if [[ -f "$DATA_DIR/pg/postmaster.pid" ]]; then DB_PID="$(head -n 1 "$DATA_DIR/pg/postmaster.pid")"; fi
}

APP_JDK=""
APP_JVM_OPTS_REPORTED=""
APP_VERSION=""
if [[ -z "$BASE_URL" ]]; then
  # ---- our own app, started here -------------------------------------------------------------------------------
  BASE_URL="http://127.0.0.1:$SERVER_PORT"
  DB_URL="${DB_URL:-jdbc:postgresql://127.0.0.1:$POPULUS_DB_PORT/populus}"
  port_busy "$SERVER_PORT" && die "port $SERVER_PORT is already in use: stop what listens there or set SERVER_PORT"
  port_busy "$POPULUS_DB_PORT" && die "port $POPULUS_DB_PORT is already in use: set POPULUS_DB_PORT"
  if [[ "$SKIP_BUILD" != 1 ]]; then
    build pom.xml "Populus (target/populus.jar)"
    build bench/pom.xml "the load generator (bench/target/populus-bench.jar)"
  fi
  [[ -f "$APP_JAR" ]] || die "no $APP_JAR (build it, or unset SKIP_BUILD)"
  [[ -f "$BENCH_JAR" ]] || die "no $BENCH_JAR (build it, or unset SKIP_BUILD)"

  if [[ "$SKIP_LOAD" == 1 ]]; then
    [[ -d "$DATA_DIR/pg" ]] || die "SKIP_LOAD=1 but $DATA_DIR holds no database: run once without SKIP_LOAD"
  else
    case "$(cd "$(dirname "$DATA_DIR")" 2>/dev/null && pwd)/" in
      "$OUT"/*) rm -rf "$DATA_DIR" ;;
      *) [[ ! -e "$DATA_DIR" ]] || die "DATA_DIR=$DATA_DIR exists and is not under bench/out: not wiping it" ;;
    esac
  fi
  mkdir -p "$DATA_DIR"
  DATA_DIR="$(cd "$DATA_DIR" && pwd)"

  if [[ "$LOAD" == import && "$SKIP_LOAD" != 1 ]]; then
    # ---- bulk load through the product's import command, before the app starts --------------------------------
    PEOPLE_FILE="$OUT/people-$N-seed$SEED.csv"
    if [[ ! -s "$PEOPLE_FILE" ]]; then
      say "generating $N people into $PEOPLE_FILE"
      # shellcheck disable=SC2086
      "$BENCH_JAVA" $BENCH_JAVA_OPTS -jar "$BENCH_JAR" generate-people "$N" "$PEOPLE_FILE.tmp" "$SEED" \
        && mv "$PEOPLE_FILE.tmp" "$PEOPLE_FILE" || die "generating the people file failed"
    fi
    IMPORT_LOG="$OUT/import-$TS.log"
    say "importing $PEOPLE_FILE (java -jar populus.jar import-people, log $IMPORT_LOG)"
    import_started=$(date +%s.%N)
    # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
    env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
      POPULUS_DATA_DIR="$DATA_DIR" POPULUS_DB_PORT="$POPULUS_DB_PORT" \
      POPULUS_ADMIN_LOGIN="$POPULUS_ADMIN_LOGIN" POPULUS_ADMIN_PASSWORD="$POPULUS_ADMIN_PASSWORD" \
      "$APP_JAVA" $APP_JAVA_OPTS -jar "$APP_JAR" import-people "$PEOPLE_FILE" >"$IMPORT_LOG" 2>&1 \
      || { grep -v ' INFO \| DEBUG ' "$IMPORT_LOG" | tail -n 20 >&2; die "the import failed (see $IMPORT_LOG)"; }
    import_seconds=$(echo "$(date +%s.%N) - $import_started" | bc)
    IMPORT_SUMMARY="$(grep '^Imported ' "$IMPORT_LOG" | tail -n 1)"
    IMPORT_DB_SIZE="$(du -sh "$DATA_DIR/pg" | cut -f1)"
    printf '%s\nwhole command (JVM start, embedded PostgreSQL start and stop included): %.1f s; data directory %s\n' \
      "$IMPORT_SUMMARY" "$import_seconds" "$IMPORT_DB_SIZE" >&2
    SKIP_LOAD=1
  fi

  APP_JDK="$("$APP_JAVA" -version 2>&1 | sed -n '2p')"
  if [[ "$PG_STAT_STATEMENTS" == 1 ]]; then
    APP_JAVA_OPTS+=" -Dpopulus.db-settings.shared_preload_libraries=pg_stat_statements"
  fi
  if [[ "$EVENTS" == 1 ]]; then
    # the events' lag from each version's commit (pg_xact_commit_timestamp), besides the lag from its recording
    APP_JAVA_OPTS+=" -Dpopulus.db-settings.track_commit_timestamp=on"
  fi
  APP_JVM_OPTS_REPORTED="$APP_JAVA_OPTS"
  APP_VERSION="$(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?')@$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [[ -n "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then APP_VERSION+="-dirty"; fi
  if [[ "$APP_JAR" != "$ROOT/target/populus.jar" ]]; then
    # a build from elsewhere (e.g. a worktree at an older commit): report that checkout's commit
    APP_SRC="$(cd "$(dirname "$APP_JAR")/.." && pwd)"
    APP_VERSION="$(git -C "$APP_SRC" rev-parse --short HEAD 2>/dev/null || echo '?') ($APP_JAR)"
  fi

  start_app "$APP_LOG"
else
  # ---- an app that is already running ---------------------------------------------------------------------------
  DB_URL="${DB_URL:-jdbc:postgresql://127.0.0.1:$POPULUS_DB_PORT/populus}"
  if [[ "$SKIP_BUILD" != 1 || ! -f "$BENCH_JAR" ]]; then
    build bench/pom.xml "the load generator (bench/target/populus-bench.jar)"
  fi
  say "using the running app at $BASE_URL (database $DB_URL); nothing is started or stopped"
fi

MINIMAL_SESSION=""
if [[ "$MINIMAL" == 1 ]]; then
  # ---- the minimal Java server, on the app's database as the app's role ----------------------------------------
  # (started before cold-get's restart of Populus, so that its start-up does not delay cold-get: its pool replaces
  # the connections the database restart breaks, as HikariCP does with any dead connection)
  port_busy "$MINIMAL_PORT" && die "port $MINIMAL_PORT is already in use: stop what listens there or set MINIMAL_PORT"
  if [[ -z "$MINIMAL_DB_PASSWORD" && -n "$DATA_DIR" && -f "$DATA_DIR/db.password" ]]; then
    MINIMAL_DB_PASSWORD="$(tr -d '[:space:]' < "$DATA_DIR/db.password")"
  fi
  [[ -n "$MINIMAL_DB_PASSWORD" ]] || die "MINIMAL=1: no password for the database role $MINIMAL_DB_USER (set MINIMAL_DB_PASSWORD)"
  # the one session id it accepts (held in memory, like Populus's cached sessions); the load generator sends it
  MINIMAL_SESSION="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
  say "starting the minimal Java server on 127.0.0.1:$MINIMAL_PORT (log $MINIMAL_LOG)"
  # shellcheck disable=SC2086 # MINIMAL_JAVA_OPTS is a list of flags
  MINIMAL_DB_PASSWORD="$MINIMAL_DB_PASSWORD" MINIMAL_SESSION="$MINIMAL_SESSION" \
    "$APP_JAVA" $MINIMAL_JAVA_OPTS -cp "$BENCH_JAR" org.populus.bench.minimal.MinimalServer \
    --port "$MINIMAL_PORT" --db-url "$DB_URL" --db-user "$MINIMAL_DB_USER" >"$MINIMAL_LOG" 2>&1 &
  MINIMAL_PID=$!
  started=$(date +%s)
  until grep -q '^READY' "$MINIMAL_LOG" 2>/dev/null; do
    if ! kill -0 "$MINIMAL_PID" 2>/dev/null; then
      tail -n 30 "$MINIMAL_LOG" >&2; MINIMAL_PID=""
      die "the minimal server exited during start-up (see $MINIMAL_LOG)"
    fi
    (( $(date +%s) - started > 60 )) && { tail -n 30 "$MINIMAL_LOG" >&2; die "the minimal server did not start in 60 s"; }
    sleep 0.5
  done
  echo "the minimal server is up after $(( $(date +%s) - started )) s (pid $MINIMAL_PID)" >&2
fi

COLD=0
case ",$SCENARIOS," in *,cold-get,*) COLD=1 ;; esac
if [[ "$COLD" == 1 && "$STARTED_APP" == 1 && "$SKIP_LOAD" != 1 ]]; then
  # ---- cold-get measures a fresh JVM: load first, then restart Populus and send nothing before cold-get ----------
  say "cold-get: loading now, then restarting Populus so that the scenarios start on a fresh JVM"
  set +e
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
  POPULUS_ADMIN_PASSWORD="$POPULUS_ADMIN_PASSWORD" PGPASSWORD="$DB_PASSWORD" \
    "$BENCH_JAVA" $BENCH_JAVA_OPTS -jar "$BENCH_JAR" --base-url "$BASE_URL" --db-url "$DB_URL" --db-user "$DB_USER" \
    --login "$POPULUS_ADMIN_LOGIN" --n "$N" --load-concurrency "$LOAD_CONCURRENCY" --seed "$SEED" --load-only
  rc=$?
  set -e
  (( rc == 0 )) || die "loading failed (exit $rc)"
  stop_app
  waited=0
  while port_busy "$POPULUS_DB_PORT" && (( waited < 60 )); do sleep 1; waited=$((waited + 1)); done
  start_app "$OUT/app-$TS-restarted.log"
  SKIP_LOAD=1
fi

ARGS=(--base-url "$BASE_URL" --db-url "$DB_URL" --db-user "$DB_USER"
  --login "$POPULUS_ADMIN_LOGIN" --n "$N" --load-concurrency "$LOAD_CONCURRENCY" --seed "$SEED"
  --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" --scenarios "$SCENARIOS"
  --pgbench-scale "$PGBENCH_SCALE" --register-rate "$REGISTER_RATE" --history-people "$HISTORY_PEOPLE"
  --history-versions "$HISTORY_VERSIONS" --drain-timeout "$DRAIN_TIMEOUT" --report "$REPORT" --command "$COMMAND")
[[ "$SKIP_LOAD" == 1 ]] && ARGS+=(--skip-load)
[[ "$PGBENCH" == 1 ]] && ARGS+=(--pgbench)
[[ -n "$APP_JDK" ]] && ARGS+=(--app-jdk "$APP_JDK")
[[ -n "$APP_JVM_OPTS_REPORTED" ]] && ARGS+=(--app-jvm-opts "$APP_JVM_OPTS_REPORTED")
[[ -n "$APP_VERSION" ]] && ARGS+=(--app-version "$APP_VERSION")
[[ -n "$APP_PID" ]] && ARGS+=(--app-pid "$APP_PID")
[[ -n "$DB_PID" ]] && ARGS+=(--db-pid "$DB_PID")
[[ -n "$READY_AT" ]] && ARGS+=(--ready-at "$READY_AT")
[[ -n "${GET_WARMUP:-}" ]] && ARGS+=(--get-warmup "$GET_WARMUP")
[[ "$EVENTS" == 1 ]] && ARGS+=(--events-uri "$EVENTS_URI" --events-exchange "$EVENTS_EXCHANGE")
if [[ "$EVENTS" != 0 ]]; then
  # RabbitMQ's Erlang VM, when it runs on this machine: its CPU is reported beside the app's and the database's
  BROKER_PID="$(pgrep -o -x beam.smp || true)"
  [[ -n "$BROKER_PID" ]] && ARGS+=(--broker-pid "$BROKER_PID")
fi
[[ -n "$MINIMAL_PID" ]] && ARGS+=(--minimal-url "http://127.0.0.1:$MINIMAL_PORT" --minimal-pid "$MINIMAL_PID")

say "running the load generator"
set +e
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
POPULUS_ADMIN_PASSWORD="$POPULUS_ADMIN_PASSWORD" PGPASSWORD="$DB_PASSWORD" MINIMAL_SESSION="$MINIMAL_SESSION" \
  "$BENCH_JAVA" $BENCH_JAVA_OPTS -jar "$BENCH_JAR" "${ARGS[@]}" "$@"
rc=$?
set -e

stop_minimal
stop_app

if [[ -f "$REPORT" && -n "${IMPORT_SUMMARY:-}" ]]; then
  {
    echo
    echo "## Load through import-people"
    echo
    echo "- file: \`$(basename "$PEOPLE_FILE")\` ($(du -h "$PEOPLE_FILE" | cut -f1), $N people, seed $SEED)"
    echo "- $IMPORT_SUMMARY"
    printf -- '- whole command (JVM start, embedded PostgreSQL start and stop included): %.1f s\n' "$import_seconds"
    echo "- data directory after the import: $IMPORT_DB_SIZE"
  } >>"$REPORT"
fi
if [[ -f "$REPORT" ]]; then
  echo >&2
  cat "$REPORT"
  echo >&2
  echo "report: $REPORT" >&2
fi
for log_file in "$OUT/app-$TS.log" "$OUT/app-$TS-restarted.log"; do
  [[ -f "$log_file" ]] || continue
  APP_LOG="$log_file"
  echo "app log: $APP_LOG" >&2
  # server-side failures leave lines there: ERROR (e.g. an exception behind a 500), or the procedure queue's WARN
  # when it could not process a procedure (retried later)
  problem_lines='^[0-9T:.+-]+Z? +(ERROR .*|WARN .*ProcedureQueue .*)$'
  app_errors="$(grep -cE "$problem_lines" "$APP_LOG" || true)"
  if [[ "${app_errors:-0}" -gt 0 ]]; then
    echo "bench/run.sh: THE APP LOGGED $app_errors ERROR LINES (or procedure queue warnings), e.g.:" >&2
    grep -E "$problem_lines" "$APP_LOG" | head -n 5 | cut -c1-300 >&2
  fi
done
case "$rc" in
  0) ;;
  2) echo "bench/run.sh: SOME SCENARIOS HAD ERRORS — see the report" >&2 ;;
  *) echo "bench/run.sh: the load generator failed (exit $rc)" >&2 ;;
esac
exit "$rc"
