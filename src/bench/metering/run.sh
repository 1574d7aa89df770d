#!/usr/bin/env bash
# Pay-per-use billing benchmark: seeds 1,000,000 running pay-per-use ECSs (ECS=... for another number) in a
# throwaway PostgreSQL database (the test run's own, dropped at the end), then bills one hour with the bare
# INSERT ... SELECT and with the service's billing job, and reports times, rows/s and the service's heap.
# Needs what the tests need: PostgreSQL on 127.0.0.1:5432 (OG_TEST_PG_* to point elsewhere).
#   src/bench/metering/run.sh            # 1,000,000 ECSs
#   ECS=100000 PORT=18700 src/bench/metering/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B verify -Dog.bench=true -Dog.bench.ecs="${ECS:-1000000}" -Dtest=MeteringBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.http.test-port="${PORT:-18622}" -DskipITs
echo
cat target/metering-benchmark.txt
