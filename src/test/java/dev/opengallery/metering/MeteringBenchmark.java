package dev.opengallery.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Benchmark (off unless -Dog.bench=true; run it with src/bench/metering/run.sh): seeds N running pay-per-use ECSs
 * (default 1,000,000, -Dog.bench.ecs=...) over N/10 accounts in the test run's throwaway database, then bills one
 * hour twice over, in the same run:
 * <ul>
 * <li>bare: the INSERT … SELECT alone, writing the same rows into a copy of the charge table (same unique key and
 * index, ON CONFLICT DO NOTHING), nothing else;</li>
 * <li>job: the service's billing run as the scheduler calls it (advisory lock, re-billing marks, DISTINCT ON, per-account
 * posting to balances and ledger, arrears check, watermark, run record), one transaction.</li>
 * </ul>
 * It samples the JVM heap every 50 ms during the job: the rows never pass through the service, so it stays flat.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "og.bench", matches = "true")
class MeteringBenchmark {

    static final Instant HOUR = Instant.parse("2030-01-01T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @Inject
    MeteringJob job;

    @AfterEach
    void reset() {
        clock.reset();
    }

    void sql(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    static final String BARE = """
            insert into %s (ecs_id, product_id, hour, account_id, specification_id, amount, currency, run_id, created_at)
            select p.ecs_id, p.product_id, h.hour, p.account_id, p.specification_id, p.hourly_price, p.currency,
                   $1::uuid, $4::timestamptz
            from metering_period p
            cross join lateral generate_series(
                greatest(date_trunc('hour', p.starts_at, 'UTC'), $2::timestamptz),
                least(date_trunc('hour', p.ends_at - interval '1 microsecond', 'UTC'), $3::timestamptz - interval '1 hour'),
                interval '1 hour') as h(hour)
            where p.starts_at < $3::timestamptz and (p.ends_at is null or p.ends_at > $2::timestamptz)
            on conflict (ecs_id, product_id, hour) do nothing""";

    long bare(String table) {
        sql("drop table if exists " + table);
        sql("create table " + table + " (like metering_charge including all)");
        long t0 = System.nanoTime();
        sql(BARE.formatted(table), java.util.UUID.randomUUID(), HOUR.atOffset(ZoneOffset.UTC),
                HOUR.plusSeconds(3600).atOffset(ZoneOffset.UTC), HOUR.plusSeconds(3660).atOffset(ZoneOffset.UTC));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ecsCount(), count("select count(*) from " + table));
        return ms;
    }

    static long ecsCount() {
        return Long.getLong("og.bench.ecs", 1_000_000L);
    }

    @Test
    void billOneHourOfAMillionEcss() throws Exception {
        long n = ecsCount();
        long accounts = Math.max(1, n / 10);
        StringBuilder report = new StringBuilder();
        long s0 = System.nanoTime();
        sql("""
                insert into account (id, subject, created_at, balance)
                select md5('bench-account-' || i)::uuid, 'bench-' || i, $1::timestamptz, 1000000
                from generate_series(1, $2::bigint) i""", HOUR.minusSeconds(86400).atOffset(ZoneOffset.UTC), accounts);
        sql("""
                insert into ledger_entry (id, account_id, kind, amount, balance_after, reference, note, created_at)
                select gen_random_uuid(), md5('bench-account-' || i)::uuid, 'TOP_UP', 1000000, 1000000, null, 'bench', $1::timestamptz
                from generate_series(1, $2::bigint) i""", HOUR.minusSeconds(86400).atOffset(ZoneOffset.UTC), accounts);
        sql("""
                insert into metering_ecs (ecs_id, account_id, status, product_id, ecs_billing_mode, created_at, updated_at)
                select 'bench-ecs-' || i, md5('bench-account-' || (1 + i % $2::bigint))::uuid, 'RUNNING',
                       ('00000000-0000-0000-0000-00000000000' || (i % 3))::uuid, 'PAY_PER_USE', $1::timestamptz,
                       $1::timestamptz
                from generate_series(1, $3::bigint) i""", HOUR.minusSeconds(7200).atOffset(ZoneOffset.UTC), accounts, n);
        sql("""
                insert into metering_period (ecs_id, account_id, product_id, specification_id, hourly_price, currency,
                    starts_at, ends_at)
                select ecs_id, account_id, product_id, ('00000000-0000-0000-0000-0000000000a' || right(product_id::text, 1))::uuid,
                       case right(product_id::text, 1) when '0' then 0.25 when '1' then 0.10 else 0.0125 end, 'USD',
                       $1::timestamptz + (random() * interval '50 minutes'), null
                from metering_ecs where ecs_id like 'bench-ecs-%'""", HOUR.minusSeconds(7200).atOffset(ZoneOffset.UTC));
        sql("analyze");
        report.append(String.format("seeded %,d running pay-per-use ECSs over %,d accounts in %.1f s%n", n, accounts,
                (System.nanoTime() - s0) / 1e9));

        // 1) the bare statement, alone
        long bareMs = bare("bench_bare_charge_1");

        // 2) the service's job: bills the closed hour 10:00-11:00
        sql("""
                insert into metering_cursor (name, billed_until) values ('hourly', $1)
                on conflict (name) do update set billed_until = excluded.billed_until""", HOUR.atOffset(ZoneOffset.UTC));
        clock.set(HOUR.plusSeconds(3660));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong heapMax = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapMax.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        MeteringJob.Run run = job.catchUp().await().indefinitely();
        long jobMs = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        assertEquals(n, run.charges());
        assertEquals(n, count("select count(*) from metering_charge where hour = '" + HOUR + "'"));
        assertEquals(accounts, count("select count(*) from ledger_entry where kind = 'CHARGE'"));
        assertEquals(0, count("""
                select count(*) from account a where a.balance <>
                    coalesce((select sum(l.amount) from ledger_entry l where l.account_id = a.id), 0)"""));

        // 3) the bare statement again, after the job (same caches)
        long bareAgainMs = bare("bench_bare_charge_2");

        report.append(String.format("bare INSERT ... SELECT (before the job): %,d ms, %,.0f rows/s%n", bareMs, n * 1000.0 / bareMs));
        report.append(String.format("billing job (one run, %s to %s): %,d ms, %,.0f rows/s; %,d charges, %,d accounts "
                + "posted, amount %s, arrears %s%n", run.from(), run.to(), jobMs, n * 1000.0 / jobMs, run.charges(),
                run.accounts(), run.amount(), run.arrears()));
        report.append(String.format("bare INSERT ... SELECT (after the job):  %,d ms, %,.0f rows/s%n", bareAgainMs,
                n * 1000.0 / bareAgainMs));
        report.append(String.format("job / bare: %.2fx (before), %.2fx (after)%n", (double) jobMs / bareMs,
                (double) jobMs / bareAgainMs));
        report.append(String.format("service heap: %,d KiB before the job, at most %,d KiB during it (+%,d KiB), %,d KiB "
                + "after GC%n", heapBefore / 1024, heapMax.get() / 1024, (heapMax.get() - heapBefore) / 1024,
                heapAfter / 1024));
        System.out.println("\n=== metering benchmark ===\n" + report);
        Files.writeString(Path.of("target", "metering-benchmark.txt"), report.toString());
    }
}
