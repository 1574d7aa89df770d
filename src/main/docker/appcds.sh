#!/usr/bin/env bash
# Builds the JVM image's class-data sharing archive (AppCDS, JDK 17): a training run of the packaged application
# records the classes it loads, then the JVM writes them, parsed, verified and linked, into app-cds.jsa, which every
# later start maps instead of loading those classes from the jars (README "Cold start").
#
#   bash src/main/docker/appcds.sh [APP_DIR]      (APP_DIR: the packaged application, default target/quarkus-app)
#
# Run it with the very JVM that will run the application (Dockerfile.jvm runs it in the image): an archive made by
# another JVM build is ignored at start (-Xshare:auto), so the service then starts, only slower. It needs no database
# and no identity provider: the training run starts the service in prod mode on 127.0.0.1:${APPCDS_PORT:-18080} with
# an unreachable database and a throwaway verification key, reads its health, OpenAPI and metrics endpoints, a
# catalogue search, an authenticated account read (the token below) and a rejected request, then stops it. The key
# pair was made for this script alone and its private half thrown away: the public key and the token (subject
# appcds-training, role customer) are trusted only by this training process, never by a deployed service.
# Writes APP_DIR/app-cds.classlist and APP_DIR/app-cds.jsa; exits non-zero when the archive cannot be made or mapped.
# Needs the application packaged as quarkus.package.jar.type=aot-jar (all classes on the JVM's class path).
set -euo pipefail

APP_DIR=${1:-target/quarkus-app}
PORT=${APPCDS_PORT:-18080}
JAVA=${JAVA:-java}
TRAINING_PUBLIC_KEY=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAukBaxzJEtw6XYLpR+lxafrpn+O5mT1vVUm55uM6ll0rFblLXMU0iDmHA9G8+1KMkGwnVbYb0LMRyoos8xGSVybmAPKd9/Ya2bo79LuexZfxav7gtCrcCstNome2zYeotEoXAY21L2C/GrRcuF3VTI7evedvtrlwWPg5M+4Os04cHPs3iIJ8/1JT0J+1mLGV3LuMIz9ucJDMpLgWAj7C0IEXd6eKPN54yYl6Ui9mwUL08n5gqcX2yfsj7lZICoBGufY2epfO/6CogIm7tmlUhl/nQx5Xvl8Id2Z0V1sBsGM5NmckYbLHnU8I8bn+dnmycpx1lTrr8P34l3xxDOtVJwwIDAQAB
TRAINING_TOKEN=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcHBjZHMtdHJhaW5pbmciLCJ1cG4iOiJhcHBjZHMtdHJhaW5pbmciLCJncm91cHMiOlsiY3VzdG9tZXIiXSwiaXNzIjoiaHR0cHM6Ly9hcHBjZHMtdHJhaW5pbmcuaW52YWxpZCIsImlhdCI6MTc5NjA4MzIwMCwiZXhwIjo0MTAyNDQ0ODAwfQ.MTaceP2xbORDklJs4zmnKhjQqvA2HAjP6Fx8gaEMGxcUoJKQYFBjszbDmZiGBIRD3gLMDnFHPwKmPvW4uHkXH5WdcjVS6zbeCQsyEMBTzkoEJBdzJ4JhH5ubVaWFuqxyvKb-WeHO7s2FKLeDFIJHbt0oHxoFtInZUVuN2PwV-qZ_w9FEOgXUD_B2gblxqgvqJb0r7_H0hgye3Mu8BHlz55bDJolbTi4uPq2pK5ulVVH4YTVXzZXY9W_kkAOo5g68DHiQh4GR78fTUS3nUOTdGz6VLHx8IsBMRU7FZlqiTpT5ZM_NT97ipZPZRMWTrO3ebKGrBZS4Ak1bg2vQQO3RLw

cd "$APP_DIR"
[ -f quarkus-run.jar ] || { echo "appcds: no quarkus-run.jar in $APP_DIR" >&2; exit 1; }
rm -f app-cds.classlist app-cds.jsa
LOG=$(mktemp /tmp/appcds-training.XXXXXX)

# one request to the training server without curl (bash's /dev/tcp); headers one per line; prints the HTTP status
request() {
    local method=$1 path=$2 headers=${3:-} body=${4:-} status
    [ -z "$headers" ] || headers="${headers//$'\n'/$'\r\n'}"$'\r\n'
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
    printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%sContent-Length: %d\r\n\r\n%s' \
        "$method" "$path" "$headers" "${#body}" "$body" >&3
    IFS=' ' read -r -t 60 _ status _ <&3 || status=000
    cat <&3 >/dev/null || true
    exec 3<&- 3>&-
    echo "$status"
}

echo "appcds: training run ($("$JAVA" -version 2>&1 | head -1))"
env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:1/appcds QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/appcds \
    QUARKUS_FLYWAY_MIGRATE_AT_START=false OPENGALLERY_JOBS_TRIGGER=external OPENGALLERY_SEARCH_REINDEX_WHEN_MISSING=false \
    QUARKUS_OIDC_PUBLIC_KEY="$TRAINING_PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER=https://appcds-training.invalid \
    QUARKUS_OIDC_CONSOLE_TENANT_ENABLED=false OPENGALLERY_APPS_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
    "$JAVA" -XX:DumpLoadedClassList=app-cds.classlist -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logging.provider=jboss \
    -jar "$PWD/quarkus-run.jar" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
    [ "$(request GET /q/health/live 2>/dev/null || true)" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "appcds: the training run stopped:" >&2; tail -30 "$LOG" >&2; exit 1; }
    sleep 0.2
done
[ "$(request GET /q/health/live 2>/dev/null || true)" = 200 ] || { echo "appcds: not live after 120 s" >&2; kill "$PID"; exit 1; }
for path in /q/health/ready /q/health /q/openapi "/q/openapi?format=json" /q/metrics \
        "/api/catalog/products?q=backup&sort=RELEVANCE" /api/catalog/categories \
        /api/catalog/products/00000000-0000-4000-8000-000000000000 /api/account; do
    echo "  GET $path: $(request GET "$path")"
done
echo "  GET /api/account (bearer token): $(request GET /api/account "Authorization: Bearer $TRAINING_TOKEN")"
echo "  POST /api/favorites (malformed JSON): $(request POST /api/favorites "Authorization: Bearer $TRAINING_TOKEN
Content-Type: application/json" '{"productId":')"
kill -TERM "$PID"
wait "$PID" || true
CLASSES=$(grep -cv '^[#@]' app-cds.classlist || true)
echo "appcds: $CLASSES classes recorded; writing the archive"
"$JAVA" -Xshare:dump -XX:SharedClassListFile=app-cds.classlist -XX:SharedArchiveFile=app-cds.jsa \
    -XX:+UseSerialGC -cp "$PWD/quarkus-run.jar" >"$LOG" 2>&1 || { tail -30 "$LOG" >&2; exit 1; }
echo "appcds: $(grep -c 'Skipping' "$LOG" || true) classes left out (failed verification or JFR event classes)"
# the archive must map for this class path and JVM, or every start would silently load the classes again
"$JAVA" -Xshare:on -XX:SharedArchiveFile=app-cds.jsa -cp "$PWD/quarkus-run.jar" -version >"$LOG" 2>&1 \
    || { echo "appcds: the archive does not map:" >&2; cat "$LOG" >&2; exit 1; }
rm -f "$LOG"
echo "appcds: $APP_DIR/app-cds.jsa, $(( $(stat -c %s app-cds.jsa) / 1048576 )) MB"
