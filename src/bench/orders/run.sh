#!/usr/bin/env bash
# Ordering benchmark: CLIENTS concurrent buyers each placing and paying orders ("Pay Now": one POST /api/orders
# with paymentMethod BALANCE places the order, debits the ledger, opens the purchased app and records the sale)
# against the service in prod mode, with real RS256-signed bearer tokens verified by quarkus-oidc.
#
#   bash src/bench/orders/run.sh          (from the repository root)
#
# It installs wrk when missing, creates a fresh database og_bench_orders, builds the application (skip with
# SKIP_BUILD=1), signs tokens with a key pair made for the run (the service verifies them with the public key,
# QUARKUS_OIDC_PUBLIC_KEY), seeds a listed SaaS product and CUSTOMERS funded customers (through the ledger),
# warms up, runs wrk for DURATION seconds, then checks that every 201 is one paid order, one PAYMENT ledger row
# and one purchased app, and that every balance equals its ledger. Prints paid orders/s, p50/p99 and errors,
# with PASS/FAIL against the target (>= 300 paid orders/s, no errors). Loopback only; the service is stopped
# and the database dropped at the end.
#
# Environment: DURATION (s, default 30), WARMUP (s, default 5), CLIENTS (default 32), CUSTOMERS (default 256),
# PORT (default 8090), SKIP_BUILD=1, KEEP_DB=1, JAVA_OPTS, PGHOST/PGPORT/PGUSER/PGPASSWORD.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
BENCH=src/bench/orders
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
CLIENTS=${CLIENTS:-32}
CUSTOMERS=${CUSTOMERS:-256}
PORT=${PORT:-8090}
DB=og_bench_orders
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-opengallery} PGPASSWORD=${PGPASSWORD:-opengallery}
case "$PGHOST" in 127.*|localhost|::1) ;; *) echo "PGHOST must be a loopback address (got $PGHOST)" >&2; exit 2 ;; esac
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/og-bench-orders.XXXXXX)
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

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building"; ./mvnw -B -q package -DskipTests
fi

echo "== database $DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "== key pair and tokens"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER | base64 -w0)
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
EXP=$(( $(date +%s) + 3600 ))
: >"$WORK/tokens.txt"
for i in $(seq 1 "$CUSTOMERS"); do
    PAYLOAD=$(printf '{"sub":"bench-%d","upn":"bench-%d","groups":["customer"],"iss":"https://bench.opengallery.dev","iat":%d,"exp":%d}' \
        "$i" "$i" "$(date +%s)" "$EXP" | b64url)
    SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)
    echo "$HEADER.$PAYLOAD.$SIG" >>"$WORK/tokens.txt"
done

echo "== starting the service (prod mode, $BASE)"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" QUARKUS_OIDC_CONSOLE_TENANT_ENABLED=false QUARKUS_OIDC_TOKEN_ISSUER=https://bench.opengallery.dev \
OPENGALLERY_NOTIFICATIONS_DELIVERY_EVERY=off OPENGALLERY_APPS_ENCRYPTION_KEY="$(openssl rand -base64 32)" \
    java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 120); do
    curl -sf -o /dev/null "$BASE/q/health/ready" && break
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$i" = 120 ]; then
        echo "the service did not become ready:" >&2; tail -40 "$WORK/service.log" >&2; exit 1
    fi
    sleep 0.5
done

echo "== seeding a listed SaaS product and $CUSTOMERS funded customers"
psql -X -q -v ON_ERROR_STOP=1 -v customers="$CUSTOMERS" -d "$DB" <<'SQL'
insert into account (id, subject, created_at) values ('00000000-0000-4000-8000-0000000be001', 'bench-seller', now());
insert into seller_profile (account_id, company_name, service_email, service_phone, support_range, created_at, updated_at)
values ('00000000-0000-4000-8000-0000000be001', 'Bench Software', 'support@bench.example', '+1 415 555 0100', 'always', now(), now());
insert into product (id, seller_id, type, category_code, name, summary, description, supervised, status, currency,
    from_price, billing_modes, created_at, updated_at, submitted_at, listed_at)
values ('00000000-0000-4000-8000-0000000be002', '00000000-0000-4000-8000-0000000be001', 'SAAS', 'CRM', 'Bench CRM',
    'A CRM', 'A CRM for benchmarks', false, 'LISTED', 'USD', 9.90, '{MONTHLY}', now(), now(), now(), now());
insert into specification (id, product_id, position, name, pricing_model, unit, min_quantity, max_quantity)
values ('00000000-0000-4000-8000-0000000be003', '00000000-0000-4000-8000-0000000be002', 0, 'Team', 'LINEAR', 'user', 1, 1000);
insert into specification_price (specification_id, billing_mode, tier_from, tier_to, unit_price)
values ('00000000-0000-4000-8000-0000000be003', 'MONTHLY', 1, 1000, 9.90);
insert into account (id, subject, created_at, balance)
select gen_random_uuid(), 'bench-' || i, now(), 1000000 from generate_series(1, :customers) i;
insert into ledger_entry (id, account_id, kind, amount, balance_after, note, created_at)
select gen_random_uuid(), id, 'TOP_UP', 1000000, 1000000, 'benchmark funding', now() from account where subject like 'bench-%' and subject <> 'bench-seller';
SQL
cat >"$WORK/order.json" <<'JSON'
{"productId":"00000000-0000-4000-8000-0000000be002","specificationId":"00000000-0000-4000-8000-0000000be003",
 "billingMode":"MONTHLY","quantity":5,"periods":1,"acceptTerms":true,"paymentMethod":"BALANCE"}
JSON

TOKEN=$(head -1 "$WORK/tokens.txt")
STATUS=$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data @"$WORK/order.json" "$BASE/api/orders")
if [ "$STATUS" != 201 ]; then echo "a first order failed ($STATUS): $(cat "$WORK/first.json")" >&2; tail -20 "$WORK/service.log" >&2; exit 1; fi
echo "first order: $(head -c 200 "$WORK/first.json")..."

echo "== warm-up ${WARMUP}s"
wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s "$BENCH/orders.lua" "$BASE" -- "$WORK/tokens.txt" "$WORK/order.json" >/dev/null
BEFORE=$(psql -X -At -d "$DB" -c "select count(*) from customer_order where state = 'COMPLETED'")

echo "== load: $CLIENTS clients, ${DURATION}s, 2 wrk threads (wrk, the service and PostgreSQL share this machine's $(nproc) cores)"
wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s "$BENCH/orders.lua" "$BASE" -- "$WORK/tokens.txt" "$WORK/order.json" | tee "$WORK/wrk.txt"
RESULT=$(grep '^RESULT' "$WORK/wrk.txt")

AFTER=$(psql -X -At -d "$DB" -c "select count(*) from customer_order where state = 'COMPLETED'")
CHECK=$(psql -X -At -d "$DB" <<'SQL'
select format('orders=%s paid=%s payments=%s apps=%s unbalanced_accounts=%s not_paid=%s',
  (select count(*) from customer_order),
  (select count(*) from customer_order where state = 'COMPLETED' and payment_method = 'BALANCE'),
  (select count(*) from ledger_entry where kind = 'PAYMENT'),
  (select count(*) from subscription),
  (select count(*) from account a where a.balance <> coalesce((select sum(amount) from ledger_entry l where l.account_id = a.id), 0)),
  (select count(*) from customer_order where state <> 'COMPLETED'))
SQL
)
REQ=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$RESULT")
RPS=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$RESULT")
P50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$RESULT")
P99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$RESULT")
ERR=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$RESULT")
NON2XX=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$RESULT")
PAID_IN_RUN=$(( AFTER - BEFORE ))
echo
echo "== summary"
echo "paid orders/s (wrk)      : $RPS   ($REQ requests in ${DURATION}s at $CLIENTS clients)"
echo "latency p50 / p99        : ${P50} ms / ${P99} ms"
echo "errors / non-2xx         : $ERR / $NON2XX"
echo "orders paid in the run   : $PAID_IN_RUN (database)"
echo "consistency              : $CHECK"
VERDICT=PASS
awk -v r="$RPS" 'BEGIN { exit !(r >= 300) }' || VERDICT=FAIL
[ "$ERR" = 0 ] && [ "$NON2XX" = 0 ] || VERDICT=FAIL
[ "$PAID_IN_RUN" -ge "$REQ" ] || VERDICT=FAIL
grep -q 'unbalanced_accounts=0 not_paid=0' <<<"$CHECK" || VERDICT=FAIL
echo "target >= 300 paid orders/s, no errors, every answer a paid order, ledgers balanced: $VERDICT"
