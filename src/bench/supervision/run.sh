#!/usr/bin/env bash
# Service supervision job benchmark: seeds 1,000,000 flows (1,000 due per job) into the test run's throwaway
# PostgreSQL database, prints each job's claim EXPLAIN (ANALYZE, BUFFERS) and the time of each job's real run.
# Needs what the tests need (PostgreSQL on 127.0.0.1:5432, see README). Report: target/supervision-benchmark.txt.
# Options: OG_BENCH_FLOWS (default 1000000), OG_BENCH_DUE (default 1000), OG_BENCH_PORT (HTTP test port, 18601).
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B verify -Dog.bench=true -Dog.bench.flows="${OG_BENCH_FLOWS:-1000000}" -Dog.bench.due="${OG_BENCH_DUE:-1000}" \
  -Dquarkus.http.test-port="${OG_BENCH_PORT:-18601}" -Dtest=SupervisionJobsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
echo
cat target/supervision-benchmark.txt
