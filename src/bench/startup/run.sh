#!/usr/bin/env bash
# Startup benchmark (issue 14, "Cold start measured"): starts the packaged jar RUNS times per variant against a
# database migrated once beforehand, as a scale-from-zero start would, and prints per variant the time to ready
# (/q/health/ready UP), the time to the first served authenticated request (GET /api/account with an RS256 bearer
# token verified by quarkus-oidc), the idle RSS, and the RSS after LOAD requests; then where the time goes.
#
#   bash src/bench/startup/run.sh          (from the repository root)
#
# It builds the application and, as src/main/docker/Dockerfile.jvm does in the image, its class-data sharing archive
# (src/main/docker/appcds.sh: a training run without database, then target/quarkus-app/app-cds.jsa; skip both with
# SKIP_BUILD=1, which still makes the archive when it is missing), creates a fresh database og_bench_startup,
# migrates it once in migrate-and-exit mode (OPENGALLERY_MIGRATE_AND_EXIT=true: checks the process exits 0 and the
# schema is there),
# signs a token with a key pair made for the run (QUARKUS_OIDC_PUBLIC_KEY: prod mode without an identity provider),
# then measures the variants:
#   a  default: migrate at start (Flyway validates the up-to-date schema), internal timers, the chart's JVM options
#      for deploy.mode=deployment, no archive
#   b  serverless settings, as the chart renders them for Knative: QUARKUS_FLYWAY_MIGRATE_AT_START=false,
#      QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false, OPENGALLERY_JOBS_TRIGGER=external
#   c  b plus the chart's JVM options for deploy.mode=knative (C_FLAGS: C1 only, Serial GC), no archive
#   d  c plus the image's class-data sharing archive: the JVM image on Knative as the chart deploys it
# Every variant runs with the JVM options the image's run-java.sh adds (IMAGE_FLAGS, with its default collector
# -XX:+UseParallelGC unless the variant sets one: the chart's GC_CONTAINER_OPTIONS), the chart's options and
# -XX:MaxRAM=512m, which stands for the chart's 512Mi memory limit (in a container the JVM reads it from the cgroup).
# Targets (the issue's, for the JVM): ready < 2.5 s, first request < 3 s, idle RSS < 200 MB; medians are judged.
# Loopback only; the service is stopped and the database dropped at the end.
#
# Environment: RUNS (default 5), LOAD (requests, default 2000), PORT (default 8091), VARIANTS (default "a b c d"),
# C_FLAGS, NMT=1 (native memory summary per variant; adds a few MB), SKIP_BUILD=1, KEEP_DB=1,
# PGHOST/PGPORT/PGUSER/PGPASSWORD.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
RUNS=${RUNS:-5}
LOAD=${LOAD:-2000}
PORT=${PORT:-8091}
APPCDS_ARCHIVE=target/quarkus-app/app-cds.jsa
VARIANTS=${VARIANTS:-a b c d}
# what run-java.sh of the UBI OpenJDK image puts before JAVA_OPTS_APPEND (its GC options; -XX:MaxRAMPercentage=80
# too, which the chart's 75 replaces)
IMAGE_FLAGS="-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90"
IMAGE_FLAGS="$IMAGE_FLAGS -XX:+ExitOnOutOfMemoryError"
# and what Dockerfile.jvm's JDK_JAVA_OPTIONS adds (d adds its archive)
IMAGE_FLAGS="$IMAGE_FLAGS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logging.provider=jboss"
# the chart's jvm.options for deploy.mode=deployment, and the image's default collector
CHART_JVM_OPTS="$IMAGE_FLAGS -XX:MaxRAMPercentage=75 -XX:MaxRAM=512m"
A_GC=-XX:+UseParallelGC
# the chart's jvm.options and jvm.gc for deploy.mode=knative
C_FLAGS=${C_FLAGS:--XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms32m -XX:+UseSerialGC}
# the chart's environment for Knative (migrations by the hook Job, jobs triggered by CronJobs)
SERVERLESS_ENV=(QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false
    OPENGALLERY_JOBS_TRIGGER=external)
DB=og_bench_startup
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-opengallery} PGPASSWORD=${PGPASSWORD:-opengallery}
case "$PGHOST" in 127.*|localhost|::1) ;; *) echo "PGHOST must be a loopback address (got $PGHOST)" >&2; exit 2 ;; esac
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/og-bench-startup.XXXXXX)
SERVICE_PID=

cleanup() {
    set +e
    if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null
    fi
    [ "${KEEP_DB:-0}" = 1 ] || psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

JAR=target/quarkus-app/quarkus-run.jar
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building"; ./mvnw -B -q package -DskipTests
    rm -f "$APPCDS_ARCHIVE"
fi
[ -f "$JAR" ] || { echo "no $JAR: build first (without SKIP_BUILD=1)" >&2; exit 1; }
# an archive the JVM cannot map (made for an earlier build of the jars) would be ignored and d measured without it
if [ -f "$APPCDS_ARCHIVE" ] && ! (cd "$(dirname "$JAR")" && java -Xshare:on -XX:SharedArchiveFile=app-cds.jsa \
        -cp "$PWD/quarkus-run.jar" -version >/dev/null 2>&1); then
    echo "== $APPCDS_ARCHIVE does not map for this build: making it again"; rm -f "$APPCDS_ARCHIVE"
fi
if [ ! -f "$APPCDS_ARCHIVE" ] && [[ " $VARIANTS " == *" d "* ]]; then
    echo "== the image's class-data sharing archive (src/main/docker/appcds.sh, as Dockerfile.jvm runs it)"
    bash src/main/docker/appcds.sh "$(dirname "$JAR")"
fi

echo "== database $DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "== key pair and token"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER | base64 -w0)
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"sub":"bench-startup","upn":"bench-startup","groups":["customer"],"iss":"https://bench.opengallery.dev","iat":%d,"exp":%d}' \
    "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIG"
ENCRYPTION_KEY=$(openssl rand -base64 32)

# the service's environment, common to every start (prod mode, loopback, this database, no identity provider);
# it replaces the calling (sub)shell, so that `service_env ... &` leaves the JVM's own pid in $!
service_env() {
    exec env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
        QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" QUARKUS_OIDC_CONSOLE_TENANT_ENABLED=false QUARKUS_OIDC_TOKEN_ISSUER=https://bench.opengallery.dev \
        OPENGALLERY_APPS_ENCRYPTION_KEY="$ENCRYPTION_KEY" "$@"
}

echo "== migrating once (OPENGALLERY_MIGRATE_AND_EXIT=true)"
T0=$(date +%s%N)
set +e
(service_env OPENGALLERY_MIGRATE_AND_EXIT=true timeout 180 java $CHART_JVM_OPTS -jar "$JAR") >"$WORK/migrate.log" 2>&1
CODE=$?
set -e
MIGRATE_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
APPLIED=$(psql -X -At -d "$DB" -c "select count(*) from flyway_schema_history where success" 2>/dev/null || echo 0)
VERSION=$(psql -X -At -d "$DB" -c "select max(version::numeric) from flyway_schema_history where success" 2>/dev/null || echo -)
TABLES=$(psql -X -At -d "$DB" -c "select count(*) from information_schema.tables where table_schema = 'public'")
echo "exit code $CODE in ${MIGRATE_MS} ms; $APPLIED migrations recorded (schema version $VERSION), $TABLES tables"
if [ "$CODE" != 0 ] || [ "$APPLIED" -lt 1 ] || ! psql -X -At -d "$DB" -c "select 1 from customer_order limit 0" >/dev/null 2>&1; then
    echo "migrate-and-exit failed:" >&2; tail -30 "$WORK/migrate.log" >&2; exit 1
fi
# the benchmark's customer exists already, so that every first request reads the same way
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c \
    "insert into account (id, subject, created_at) values ('00000000-0000-4000-8000-0000000be5a1', 'bench-startup', now())"

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
perf() { jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# one start: prints "ready_ms first_ms started_s idle_rss load_rss load_ok jvm_ms classes cls_ms jit_ms"
one_start() {
    local variant=$1 log=$2 opts=$CHART_JVM_OPTS
    local extra_env=()
    case "$variant" in
        a) opts="$opts $A_GC" ;;
        b) extra_env=("${SERVERLESS_ENV[@]}"); opts="$opts $A_GC" ;;
        c) extra_env=("${SERVERLESS_ENV[@]}"); opts="$opts $C_FLAGS" ;;
        d) extra_env=("${SERVERLESS_ENV[@]}")
           opts="$opts $C_FLAGS -XX:SharedArchiveFile=$(basename "$APPCDS_ARCHIVE") -Xshare:auto" ;;
    esac
    local t0 ready_ms first_ms status
    [ "${NMT:-0}" != 1 ] || opts="$opts -XX:NativeMemoryTracking=summary"
    t0=$(date +%s%N)
    # from the application's directory, as the image runs it (an AppCDS archive records the class path as built)
    (cd "$(dirname "$JAR")" && service_env "${extra_env[@]}" java $opts -jar "$(basename "$JAR")") >"$log" 2>&1 &
    SERVICE_PID=$!
    until curl -sf "$BASE/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
        if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$(ms_since "$t0")" -gt 120000 ]; then
            echo "variant $variant did not become ready:" >&2; tail -30 "$log" >&2; exit 1
        fi
        sleep 0.02
    done
    ready_ms=$(ms_since "$t0")
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/api/account")
    first_ms=$(ms_since "$t0")
    [ "$status" = 200 ] || { echo "variant $variant: GET /api/account answered $status" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 3
    local idle_rss jvm_begin jvm_end freq classes cls_ticks jit_ticks shared
    idle_rss=$(rss_mb "$SERVICE_PID")
    jvm_begin=$(perf "$SERVICE_PID" sun.rt.createVmBeginTime); jvm_end=$(perf "$SERVICE_PID" sun.rt.createVmEndTime)
    freq=$(perf "$SERVICE_PID" sun.os.hrt.frequency); classes=$(perf "$SERVICE_PID" java.cls.loadedClasses)
    cls_ticks=$(perf "$SERVICE_PID" sun.cls.time); jit_ticks=$(perf "$SERVICE_PID" java.ci.totalTime)
    shared=$(perf "$SERVICE_PID" java.cls.sharedLoadedClasses)
    [ "${NMT:-0}" != 1 ] || jcmd "$SERVICE_PID" VM.native_memory summary >"$log.nmt" 2>&1 || true
    # LOAD requests, 8 at a time: half authenticated account reads, half catalogue searches
    local half=$(( LOAD / 2 )) ok
    ok=$(curl -s --no-progress-meter --parallel --parallel-max 8 -H "Authorization: Bearer $TOKEN" -w '%{http_code}\n' \
        -o /dev/null "$BASE/api/account?n=[1-$half]" -o /dev/null "$BASE/api/catalog/products?q=crm&n=[1-$half]" \
        2>/dev/null | grep -c '^200$' || true)
    local load_rss started
    load_rss=$(rss_mb "$SERVICE_PID")
    started=$(sed -nE 's/.* started in ([0-9.]+)s\..*/\1/p' "$log" | head -1)
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=
    echo "$ready_ms $first_ms ${started:-0} $idle_rss $load_rss $ok $(( jvm_end - jvm_begin )) ${classes:-0} \
$(( ${cls_ticks:-0} * 1000 / ${freq:-1000000000} )) $(( ${jit_ticks:-0} * 1000 / ${freq:-1000000000} )) ${shared:-0}"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# a fixed CPU loop, timed before and after: the machine's own speed drifts (a shared host), and starts measured at
# different times compare only together with it
reference_ms() {
    local t0 i
    for i in 1 2 3; do
        t0=$(date +%s%N); awk 'BEGIN { for (i = 0; i < 10000000; i++) s += i * i }'; ms_since "$t0"
    done | median
}
REFERENCE_BEFORE=$(reference_ms)
echo "== $RUNS starts per variant ($(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg);"\
" the reference CPU loop: $REFERENCE_BEFORE ms)"
for v in $VARIANTS; do
    : >"$WORK/$v.txt"
    for i in $(seq 1 "$RUNS"); do
        one_start "$v" "$WORK/$v-$i.log" >"$WORK/run.txt"   # in this shell: the cleanup knows SERVICE_PID
        cat "$WORK/run.txt" >>"$WORK/$v.txt"
        awk -v v="$v" -v i="$i" \
            '{ printf "  %s #%d: ready %5d ms, first request %5d ms (Quarkus \"started in\" %ss), RSS idle %d MB, after load %d MB (%d/'"$LOAD"' 200s)\n", v, i, $1, $2, $3, $4, $5, $6 }' "$WORK/run.txt"
    done
    cp "$WORK/$v-1.log" "$WORK/$v.log"
done

echo
echo "== summary (medians of $RUNS starts; the machine's load average: $(cut -d' ' -f1-3 /proc/loadavg);"\
" the reference CPU loop: $REFERENCE_BEFORE ms before the starts, $(reference_ms) ms after)"
printf '%-3s %-52s %9s %9s %9s %9s %9s\n' "" "variant" "ready" "1st req" "started" "idle RSS" "load RSS"
VERDICTS=()
for v in $VARIANTS; do
    col() { awk -v c="$1" '{ print $c }' "$WORK/$v.txt" | median; }
    started=$(awk '{ print $3 * 1000 }' "$WORK/$v.txt" | median)
    READY=$(col 1); FIRST=$(col 2); IDLE=$(col 4); LOADED=$(col 5)
    case "$v" in
        a) name="a default (migrate at start, internal timers)" ;;
        b) name="b serverless (no migration, external triggers)" ;;
        c) name="c b + the chart's Knative JVM options (C_FLAGS)" ;;
        d) name="d c + the image's AppCDS archive" ;;
    esac
    printf '%-3s %-52s %6d ms %6d ms %6d ms %6d MB %6d MB\n' "" "$name" "$READY" "$FIRST" "$started" "$IDLE" "$LOADED"
    verdict=PASS
    [ "$READY" -lt 2500 ] || verdict=FAIL
    [ "$FIRST" -lt 3000 ] || verdict=FAIL
    [ "$IDLE" -lt 200 ] || verdict=FAIL
    VERDICTS+=("$v: ready $( [ "$READY" -lt 2500 ] && echo PASS || echo FAIL ), first request $( [ "$FIRST" -lt 3000 ] && echo PASS || echo FAIL ), idle RSS $( [ "$IDLE" -lt 200 ] && echo PASS || echo FAIL ) => $verdict")
done
echo
echo "every variant: $CHART_JVM_OPTS; a, b: $A_GC; c, d (C_FLAGS): $C_FLAGS"
echo "targets: JVM ready < 2500 ms, first request < 3000 ms, idle RSS < 200 MB"
printf '  %s\n' "${VERDICTS[@]}"

echo
echo "== where the time goes (medians; from the JVM's own counters, jcmd PerfCounter.print, and the service's log)"
for v in $VARIANTS; do
    col() { awk -v c="$1" '{ print $c }' "$WORK/$v.txt" | median; }
    READY=$(col 1); FIRST=$(col 2); JVM=$(col 7); CLASSES=$(col 8); CLS=$(col 9); JIT=$(col 10); SHARED=$(col 11)
    started=$(awk '{ print $3 * 1000 }' "$WORK/$v.txt" | median)
    flyway=$(grep -E 'FlywayExecutor|DbValidate' "$WORK/$v.log" | head -1 | cut -c12-23 || true)
    echo "  $v: JVM created in $JVM ms; Quarkus \"started in\" $started ms (its boot: config, CDI, Hibernate, OIDC, pools"\
"$( [ -n "$flyway" ] && echo ", Flyway validation" ), timers); the rest of the $READY ms to ready is the JVM's launch and"\
" the launcher's class path before Quarkus' clock starts, and the first readiness poll; first request +$(( FIRST - READY )) ms"
    echo "     classes loaded by then: $CLASSES ($SHARED from a CDS archive; class loading total $CLS ms, JIT compiling $JIT ms of CPU, on $(nproc) cores)"
    if [ -f "$WORK/$v-1.log.nmt" ]; then
        echo "     native memory (committed, NMT, first start):"
        grep -E '^(Total|-\s+(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Shared class space|Arena Chunk|Metaspace))' \
            "$WORK/$v-1.log.nmt" | sed -E 's/reserved=[0-9]+KB, //; s/^-? */       /' || true
    fi
done
echo "  variant a's Flyway lines (validation of an up-to-date schema; b and c skip it):"
grep -E 'flyway' "$WORK/a.log" 2>/dev/null | sed -E 's/^([0-9-]+ )?([0-9:,]+) .*\] \(main\) /    \2 /' | head -4 || true
echo "  the last start's log lines with timestamps (variant ${VARIANTS##* }):"
grep -E 'flyway|scheduler|started in' "$WORK/${VARIANTS##* }.log" | sed -E 's/^([0-9-]+ )?([0-9:,]+) .*\] \(main\) /    \2 /' | cut -c1-150 || true
