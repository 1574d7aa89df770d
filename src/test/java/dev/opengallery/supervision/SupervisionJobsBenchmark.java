package dev.opengallery.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.opengallery.jobs.JobRun;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The supervision jobs against 1,000,000 flows of which 1,000 are due at each run of each job, in the test run's throwaway
 * database: seeds set-based (insert ... select generate_series), prints each claim's EXPLAIN (ANALYZE, BUFFERS) and
 * times each job's real run (claim, move, records, notifications, and the orders' completion or cancellation).
 * Skipped unless -Dog.bench=true; run it with src/bench/supervision/run.sh. Report: target/supervision-benchmark.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "og.bench", matches = "true")
class SupervisionJobsBenchmark {

    static final int FLOWS = Integer.getInteger("og.bench.flows", 1_000_000);
    static final int DUE = Integer.getInteger("og.bench.due", 1_000);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @Inject
    SupervisionJobs jobs;

    final List<String> report = new ArrayList<>();

    @AfterEach
    void after() {
        clock.reset();
    }

    void say(String line) {
        System.out.println(line);
        report.add(line);
    }

    void sql(String sql, Tuple args) {
        long t0 = System.nanoTime();
        pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofMinutes(30));
        say(String.format("  %6d ms  %s", (System.nanoTime() - t0) / 1_000_000, sql.strip().lines().findFirst().orElse("")));
    }

    @Test
    void eachJobMovesItsThousandDueFlowsAmongAMillionInUnderASecond() throws Exception {
        OffsetDateTime now = TestClock.START.atOffset(ZoneOffset.UTC);
        clock.set(TestClock.START);
        say("== Service supervision jobs: " + FLOWS + " flows, " + DUE + " due per job (PostgreSQL "
                + pool.query("show server_version").execute().await().indefinitely().iterator().next().getString(0) + ")");
        say("-- seeding (set-based)");
        sql("""
                insert into account (id, subject, display_name, created_at)
                select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench-' || i, 'Bench ' || i, $1
                from generate_series(1, 1001) i""", Tuple.of(now));
        sql("""
                insert into product (id, seller_id, type, category_code, name, summary, description, supervised, status,
                    currency, created_at, updated_at)
                values ('00000000-0000-4000-8000-100000000000', '00000000-0000-4000-8000-0000000003e9',
                    'PROFESSIONAL_SERVICE', 'DATA_MIGRATION', 'Bench Migration', 'Bench', 'Bench', true, 'LISTED', 'USD',
                    $1, $1)""", Tuple.of(now));
        // the plan of every flow: 3 x DUE due (one set per job), open flows not due, flows already marked
        // appealable, recently accepted ones, and finished ones (most of them, as in a live marketplace)
        // the plan of every flow. Each job has two sets of DUE due flows, A older than B: a first ("cold") run with
        // the clock set back moves only A, a second ("warm") run at the real time only B; each run finds exactly DUE
        // due flows among the million. The rest: flows in progress not due, flows already marked appealable,
        // recently accepted ones, and finished ones (most of them, as in a live marketplace).
        sql("""
                create unlogged table bench_plan as
                select i, md5('bench-order-' || i)::uuid as order_id, md5('bench-flow-' || i)::uuid as flow_id,
                    ('00000000-0000-4000-8000-' || lpad(to_hex(i % 1000 + 1), 12, '0'))::uuid as account_id,
                    case when i <= 2 * $2 then 'WAITING_FOR_SELLER'
                         when i <= 4 * $2 then 'ACCEPTED'
                         when i <= 6 * $2 then 'WAITING_FOR_REQUEST'
                         when i <= 250000 then (array['WAITING_FOR_REQUEST', 'WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE'])[i % 3 + 1]
                         when i <= 300000 then 'WAITING_FOR_SELLER'
                         when i <= 320000 then 'ACCEPTED'
                         else (array['COMPLETED', 'COMPLETED', 'COMPLETED', 'CLOSED', 'CANCELED'])[i % 5 + 1] end as state,
                    case when i <= $2 then $1::timestamptz - interval '12 days'
                         when i <= 2 * $2 then $1::timestamptz - interval '6 days'
                         when i <= 4 * $2 then $1::timestamptz - interval '10 days'
                         when i <= 5 * $2 then $1::timestamptz - interval '800 days'
                         when i <= 6 * $2 then $1::timestamptz - interval '400 days'
                         when i <= 250000 then $1::timestamptz - (i % 4) * interval '1 day' - (i % 1440) * interval '1 minute'
                         when i <= 300000 then $1::timestamptz - interval '30 days'
                         when i <= 320000 then $1::timestamptz - interval '1 day'
                         else $1::timestamptz - interval '400 days' end as state_since,
                    case when i > 2 * $2 and i <= 3 * $2 then $1::timestamptz - interval '10 hours'
                         when i > 3 * $2 and i <= 4 * $2 then $1::timestamptz - interval '4 hours'
                         when i > 300000 and i <= 320000 then $1::timestamptz - (i % 170) * interval '1 minute' end as accepted_at,
                    case when i > 250000 and i <= 300000 then $1::timestamptz - interval '25 days' end as appealable_at,
                    case when i <= 4 * $2 then $1::timestamptz - interval '10 days'
                         when i <= 5 * $2 then $1::timestamptz - interval '800 days'
                         when i <= 6 * $2 then $1::timestamptz - interval '400 days'
                         when i <= 320000 then $1::timestamptz - interval '10 days' - (i % 300) * interval '1 day'
                         else $1::timestamptz - interval '400 days' - (i % 700) * interval '1 day' end as created_at
                from generate_series(1, $3) i""", Tuple.of(now, DUE, FLOWS));
        sql("""
                insert into customer_order (id, account_id, seller_id, product_id, product_type, product_name,
                    specification_id, specification_name, pricing_model, billing_mode, quantity, periods, currency,
                    unit_price, list_price, amount_due, state, supervised, terms_accepted_at, payment_method,
                    invoice_state, created_at, paid_at, completed_at, canceled_at)
                select order_id, account_id, '00000000-0000-4000-8000-0000000003e9', '00000000-0000-4000-8000-100000000000',
                    'PROFESSIONAL_SERVICE', 'Bench Migration', '00000000-0000-4000-8000-200000000000', 'Standard', 'FLAT',
                    'ONE_TIME', 1, 1, 'USD', 10, 10, 10,
                    case when state in ('COMPLETED', 'CLOSED') then 'COMPLETED' when state = 'CANCELED' then 'CANCELED'
                         else 'PROCESSING' end, true, created_at, 'BALANCE',
                    case when i % 2 = 0 then 'REQUESTED' else 'NONE' end, created_at, created_at,
                    case when state in ('COMPLETED', 'CLOSED') then state_since end,
                    case when state = 'CANCELED' then state_since end
                from bench_plan""", Tuple.tuple());
        sql("""
                insert into service_flow (id, order_id, account_id, seller_id, state, created_at, updated_at, state_since,
                    accepted_at, appealable_at, closed_at)
                select flow_id, order_id, account_id, '00000000-0000-4000-8000-0000000003e9', state, created_at,
                    state_since, state_since, accepted_at, appealable_at,
                    case when state in ('COMPLETED', 'CLOSED', 'CANCELED') then state_since end
                from bench_plan""", Tuple.tuple());
        sql("drop table bench_plan", Tuple.tuple());
        sql("analyze customer_order", Tuple.tuple());
        sql("analyze service_flow", Tuple.tuple());
        Row counts = pool.query("""
                select count(*) as flows,
                    count(*) filter (where state in ('WAITING_FOR_REQUEST', 'WAITING_FOR_SELLER', 'WAITING_FOR_ACCEPTANCE')) as open,
                    count(*) filter (where state = 'ACCEPTED') as accepted
                from service_flow""").execute().await().indefinitely().iterator().next();
        say("-- " + counts.getLong("flows") + " flows: " + counts.getLong("open") + " in progress, "
                + counts.getLong("accepted") + " accepted, the rest finished");

        bench("appealability (every 15 minutes)", SupervisionJobs.APPEALABLE_CLAIM,
                SupervisionJobs::appealableClaimArgs, Duration.ofDays(5),
                Duration.ofHours(156), jobs::runAppealable);
        bench("completion (every 5 minutes)", SupervisionJobs.COMPLETION_CLAIM,
                SupervisionJobs::completionClaimArgs, Duration.ofHours(3), Duration.ofHours(6),
                jobs::runCompletion);
        bench("auto-close (daily)", SupervisionJobs.AUTO_CLOSE_CLAIM,
                SupervisionJobs::autoCloseClaimArgs, Duration.ofDays(365), Duration.ofDays(100),
                jobs::runAutoClose);
        say("");
        say("-- load average while running: " + Files.readString(Path.of("/proc/loadavg")).strip() + " ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        Files.write(Path.of("target", "supervision-benchmark.txt"), report);
    }

    void bench(String name, String claim, java.util.function.BiFunction<OffsetDateTime, Integer, Tuple> claimArgs,
            Duration rule, Duration setBack, Supplier<Uni<JobRun>> job) {
        say("");
        say("== job " + name);
        for (boolean cold : new boolean[] { true, false }) {
            java.time.Instant at = cold ? TestClock.START.minus(setBack) : TestClock.START;
            clock.set(at);
            Tuple args = claimArgs.apply(at.minus(rule).atOffset(ZoneOffset.UTC), 2000);
            say("-- " + (cold ? "first run in this JVM (cold), clock " : "later run (warm), clock ") + at
                    + ": EXPLAIN (ANALYZE, BUFFERS) of the claim, in a transaction rolled back:");
            List<String> plan = pool.withConnection(conn -> conn.query("begin").execute()
                    .chain(() -> conn.preparedQuery("explain (analyze, buffers) " + claim).execute(args))
                    .call(() -> conn.query("rollback").execute())).map(rows -> {
                        List<String> lines = new ArrayList<>();
                        for (Row r : rows) {
                            lines.add(r.getString(0));
                        }
                        return lines;
                    }).await().indefinitely();
            plan.forEach(l -> say("   " + l));
            assertTrue(plan.stream().anyMatch(l -> l.contains("Index Scan") && l.contains("service_flow_")),
                    name + ": the claim must use a service_flow index");
            long t0 = System.nanoTime();
            JobRun run = job.get().await().atMost(Duration.ofMinutes(5));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            say(String.format("-- RESULT %s, %s: moved %d flows in %d ms (%s)", name, cold ? "cold" : "warm",
                    run.moved(), ms, ms < 1000 ? "under one second" : "OVER ONE SECOND"));
            assertEquals(DUE, run.moved());
        }
        long t1 = System.nanoTime();
        JobRun again = job.get().await().atMost(Duration.ofMinutes(5));
        say(String.format("-- a run right after: moved %d in %d ms (idempotent)", again.moved(),
                (System.nanoTime() - t1) / 1_000_000));
        assertEquals(0, again.moved());
    }
}
