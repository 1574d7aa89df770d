package dev.opengallery.metering;

import static dev.opengallery.core.Times.ts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import dev.opengallery.core.Times;
import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.jobs.Moved;
import dev.opengallery.jobs.TimedJob;
import dev.opengallery.payments.Ledger;
import dev.opengallery.jobs.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bills closed clock hours of pay-per-use images, set-based: no charge row passes through the JVM.
 * <p>
 * One run is one transaction under a transaction-scoped advisory lock (replicas take turns; the UNIQUE key
 * (ecs_id, product_id, hour) forbids a second charge whatever happens):
 * <ol>
 * <li>the hours to bill: from the watermark ({@code metering_cursor}; first run: the configured earliest hour, else
 * the hour of the earliest period) to the last closed hour, at most {@code max-hours-per-run} at once; ECSs marked
 * for re-billing by a late event are billed from that event's hour;</li>
 * <li>{@code INSERT … SELECT … ON CONFLICT DO NOTHING}: one row per (ECS, image, hour) that a period of billable use
 * touches (generate_series over the hours intersecting each period), at the period's hourly price, aggregated per
 * account in the same statement into {@code metering_posting};</li>
 * <li>the ledger's batch charge ({@link Ledger#chargeAll}, one SQL statement): per account (locked in id order), one
 * ledger CHARGE row and one balance update: the new charges plus the carry are posted in the account currency's minor
 * unit, rounded down (the rest is carried to the next run, in {@code metering_account}); what the balance and credit
 * cannot cover becomes arrears and is never debited below the floor;</li>
 * <li>accounts in arrears: a SUSPEND for each of their ECSs in billable use, in the outbox;</li>
 * <li>the watermark moves on; the run is recorded in {@code metering_run}.</li>
 * </ol>
 */
@ApplicationScoped
public class MeteringJob {

    public static final String JOB = "metering";
    /** The advisory lock all replicas take for a billing run. */
    static final long LOCK_KEY = 0x6F67_6D74_7231L;

    private static final Logger LOG = Logger.getLogger(MeteringJob.class);

    @Schema(name = "MeteringRun", description = "What one billing run did.")
    public record Run(
            @Schema(example = "metering") String job,
            UUID runId,
            @Schema(description = "First hour billed (inclusive)", example = "2026-11-25T08:00:00Z") OffsetDateTime from,
            @Schema(description = "End of the last hour billed (exclusive)", example = "2026-11-25T12:00:00Z") OffsetDateTime to,
            @Schema(description = "Charge rows written (one per ECS, image and hour)", example = "4") long charges,
            @Schema(description = "Accounts charged", example = "1") long accounts,
            @Schema(description = "Sum of the new charges", example = "1.0000") BigDecimal amount,
            @Schema(description = "Part of it the balances could not cover, now arrears", example = "0.00") BigDecimal arrears,
            @Schema(description = "SUSPEND events queued for ECSs of accounts in arrears", example = "0") long suspends,
            OffsetDateTime ranAt) implements Moved {

        /** The charges written: the run's rows. */
        @Override
        public int moved() {
            return (int) Math.min(Integer.MAX_VALUE, charges);
        }
    }

    /**
     * The charges: one row per (ECS, image, hour) where a period touches the hour. Periods are read from the
     * watermark ($2), or from the re-billing mark of the ECS when this run took one ($1) and it is earlier (not
     * before $4, the earliest hour, when set), up to $3 (exclusive). A period whose first hour an earlier period of
     * the same product already touches starts an hour later (skip_first_hour), so no two source rows share a key and
     * nothing needs sorting; ON CONFLICT DO NOTHING skips what earlier runs wrote. The same statement sums the new
     * rows per account into metering_posting.
     */
    static final String INSERT_CHARGES = """
            with ins as (
                insert into metering_charge (ecs_id, product_id, hour, account_id, specification_id, amount, currency,
                    run_id, created_at)
                select p.ecs_id, p.product_id, h.hour, p.account_id, p.specification_id, p.hourly_price, p.currency,
                       $1::uuid, $5::timestamptz
                from (select p.*, case when r.from_hour < $2::timestamptz then greatest(r.from_hour, $4::timestamptz)
                                       else $2::timestamptz end as lower_hour
                      from metering_period p left join metering_rebill r on r.ecs_id = p.ecs_id and r.run_id = $1
                      where p.starts_at < $3::timestamptz) p
                cross join lateral generate_series(
                    greatest(date_trunc('hour', p.starts_at, 'UTC')
                                 + case when p.skip_first_hour then interval '1 hour' else interval '0' end,
                             p.lower_hour),
                    least(date_trunc('hour', p.ends_at - interval '1 microsecond', 'UTC'),
                          $3::timestamptz - interval '1 hour'),
                    interval '1 hour') as h(hour)
                where p.ends_at is null or p.ends_at > p.lower_hour
                on conflict on constraint metering_charge_once do nothing
                returning account_id, amount, hour
            )
            insert into metering_posting (run_id, account_id, charges, amount, first_hour, last_hour)
            select $1::uuid, account_id, count(*), sum(amount), min(hour), max(hour) from ins group by account_id""";

    /**
     * What each account of the run owes now, for the ledger's batch charge ({@link Ledger#chargeAll}): the carry of
     * earlier runs plus the new charges, referenced by the run, with the image-hours and the hours billed as the note.
     */
    static final String DUE = """
            select mp.account_id, coalesce(m.carry, 0) + mp.amount as amount,
                   'metering-run:' || $1::uuid::text as reference,
                   'Pay-per-use images: ' || mp.charges || ' image-hour(s), '
                       || to_char(mp.first_hour at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' to '
                       || to_char(mp.last_hour at time zone 'UTC' + interval '1 hour', 'YYYY-MM-DD HH24:MI') || ' UTC'
                       as note
            from metering_posting mp
            left join metering_account m on m.account_id = mp.account_id
            where mp.run_id = $1""";

    /**
     * After the ledger posted (same statement, over its {@code posted} relation): what was not posted (below the
     * currency's minor unit) is carried to the next run, what was posted but not debited becomes arrears. Answers the
     * run's new arrears.
     */
    static final String CARRY = """
            , m as (
                insert into metering_account (account_id, carry, arrears, updated_at)
                select account_id, amount - posted, posted - debited, $2::timestamptz from posted order by account_id
                on conflict (account_id) do update
                set carry = excluded.carry, arrears = metering_account.arrears + excluded.arrears,
                    updated_at = excluded.updated_at
            )
            select coalesce(sum(posted - debited), 0) as arrears from posted""";

    /**
     * Accounts of this run in arrears: each ECS of theirs in billable use now gets a SUSPEND (unless one is still
     * waiting to be delivered).
     */
    static final String SUSPEND = """
            with s as (
                update metering_ecs e set arrears_suspended = true, updated_at = $2
                where e.account_id = any(array(
                        select mp.account_id from metering_posting mp
                        join metering_account m on m.account_id = mp.account_id
                        where mp.run_id = $1 and m.arrears > 0))
                  and exists (select 1 from metering_period p where p.ecs_id = e.ecs_id and p.starts_at <= $2
                              and (p.ends_at is null or p.ends_at > $2))
                  and not exists (select 1 from metering_outbox o where o.ecs_id = e.ecs_id and o.status = '{PENDING}'
                                  and o.type = 'SUSPEND')
                returning e.ecs_id, e.account_id
            )
            insert into metering_outbox (id, ecs_id, account_id, type, reason, created_at, status, next_attempt_at)
            select gen_random_uuid(), ecs_id, account_id, 'SUSPEND',
                   'The account is in arrears for pay-per-use images', $2::timestamptz, '{PENDING}', $2::timestamptz
            from s order by ecs_id""".replace("{PENDING}", Outbox.Status.PENDING.name());

    static final String RECORD_RUN = """
            insert into metering_run (id, from_hour, to_hour, charges, accounts, amount, arrears, suspends, started_at,
                finished_at)
            select $1::uuid, $2::timestamptz, $3::timestamptz, coalesce(sum(charges), 0), count(*), coalesce(sum(amount), 0),
                   $6::numeric, $4::bigint, $5::timestamptz, $5::timestamptz
            from metering_posting where run_id = $1
            returning charges, accounts, amount, arrears""";

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Inject
    Ledger ledger;

    @Inject
    MeteringConfig config;

    @Inject
    MeteringMetrics metrics;

    @Inject
    ComputeEventOutbox outbox;

    /** The compute-event outbox; a job instance made by hand finds the application's. */
    private ComputeEventOutbox outbox() {
        return outbox != null ? outbox : io.quarkus.arc.Arc.container().instance(ComputeEventOutbox.class).get();
    }

    /** The ledger; a job instance made by hand (a second "replica" in a test) finds the application's. */
    private Ledger ledger() {
        return ledger != null ? ledger : io.quarkus.arc.Arc.container().instance(Ledger.class).get();
    }

    /** The first hour ever billed (opengallery.metering.earliest-hour), on the hour, if set. */
    public Optional<Instant> earliest() {
        return config.earliestHour().map(BillableUse::hourOf);
    }

    /** Runs that the scheduled tick makes at most, one after the other, to catch up after downtime. */
    static final int MAX_RUNS_PER_TICK = 50;

    @Scheduled(identity = "metering-billing", every = "${opengallery.metering.billing-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return drain(MAX_RUNS_PER_TICK)
                .onFailure().invoke(e -> LOG.warnf("Metering run failed, the next tick retries: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Run> drain(int runs) {
        return catchUp().chain(run -> runs > 1 && run.to().toInstant().isBefore(BillableUse.hourOf(clock.now()))
                && run.to().isAfter(run.from()) ? drain(runs - 1) : Uni.createFrom().item(run));
    }

    /** Bills every closed hour not billed yet (at most max-hours-per-run of them) and what late events made missing. */
    @TimedJob(JOB)
    public Uni<Run> catchUp() {
        return run(null);
    }

    /** Bills one closed hour for every ECS (only what is missing: a second run charges nothing twice). */
    @TimedJob(JOB)
    public Uni<Run> runForHour(Instant hour) {
        return run(hour);
    }

    private Uni<Run> run(Instant hour) {
        Instant now = clock.now();
        UUID runId = UUID.randomUUID();
        OffsetDateTime nowTs = ts(now);
        return db.transaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(LOCK_KEY))
                .chain(() -> conn.query("set local work_mem = '" + config.workMem().replaceAll("[^0-9A-Za-z]", "") + "'").execute())
                .chain(() -> range(conn, hour, now))
                .chain(range -> (hour == null
                        ? conn.preparedQuery("update metering_rebill set run_id = $1").execute(Tuple.of(runId)).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                        .chain(() -> conn.preparedQuery(INSERT_CHARGES).execute(Tuple.tuple().addValue(runId)
                                .addValue(ts(range.from)).addValue(ts(range.to))
                                .addValue(config.earliestHour().map(Times::ts).orElse(null)).addValue(nowTs)))
                        .chain(() -> ledger().chargeAll(conn, DUE, Tuple.of(runId, nowTs), CARRY, now))
                        .map(rows -> rows.iterator().next().getBigDecimal("arrears"))
                        .chain(arrears -> conn.preparedQuery(SUSPEND).execute(Tuple.of(runId, nowTs))
                        .invoke(suspended -> {
                            if (suspended.rowCount() > 0) {
                                outbox().sendAfterCommit(conn);
                            }
                        })
                        .chain(suspends -> advance(conn, hour, range)
                                .chain(() -> hour == null
                                        ? conn.preparedQuery("delete from metering_rebill where run_id = $1")
                                                .execute(Tuple.of(runId)).replaceWithVoid()
                                        : Uni.createFrom().voidItem())
                                .chain(() -> conn.preparedQuery(RECORD_RUN).execute(Tuple.tuple().addValue(runId)
                                        .addValue(ts(range.from)).addValue(ts(range.to))
                                        .addValue((long) suspends.rowCount()).addValue(nowTs).addValue(arrears)))
                                .map(rows -> {
                                    Row r = rows.iterator().next();
                                    return new Run(JOB, runId, ts(range.from), ts(range.to), r.getLong("charges"),
                                            r.getLong("accounts"), r.getBigDecimal("amount"), r.getBigDecimal("arrears"),
                                            suspends.rowCount(), nowTs);
                                })))))
                .invoke(run -> metrics.ran(run))
                .invoke(run -> {
                    if (run.charges() > 0 || run.suspends() > 0) {
                        LOG.infof("Metering run %s billed %s to %s: %d charges, %d accounts, arrears %s, %d suspends",
                                run.runId(), run.from(), run.to(), run.charges(), run.accounts(), run.arrears(),
                                run.suspends());
                    }
                });
    }

    private record Range(Instant from, Instant to, Instant cursor) {
    }

    /** The hours of this run: [from, to). */
    private Uni<Range> range(Tx conn, Instant hour, Instant now) {
        Instant closed = BillableUse.hourOf(now);
        return conn.query("select billed_until from metering_cursor where name = 'hourly'").execute().chain(rows -> {
            Instant cursor = rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime("billed_until").toInstant();
            if (hour != null) {
                return Uni.createFrom().item(new Range(hour, hour.plus(BillableUse.HOUR), cursor));
            }
            Uni<Instant> start = cursor != null ? Uni.createFrom().item(cursor)
                    : config.earliestHour().isPresent() ? Uni.createFrom().item(BillableUse.hourOf(config.earliestHour().get()))
                            : conn.query("select min(starts_at) as first from metering_period").execute().map(r -> {
                                OffsetDateTime first = r.iterator().next().getOffsetDateTime("first");
                                return first == null ? closed : BillableUse.hourOf(first.toInstant());
                            });
            return start.map(from -> {
                if (config.earliestHour().isPresent() && from.isBefore(BillableUse.hourOf(config.earliestHour().get()))) {
                    from = BillableUse.hourOf(config.earliestHour().get());
                }
                Instant to = closed;
                if (to.isAfter(from.plus(Duration.ofHours(config.maxHoursPerRun())))) {
                    to = from.plus(Duration.ofHours(config.maxHoursPerRun()));
                }
                if (to.isBefore(from)) {
                    to = from;
                }
                return new Range(from, to, cursor);
            });
        });
    }

    /** Catch-up runs move the watermark to their end; a run for one hour moves it only when that hour was next. */
    private Uni<Void> advance(Tx conn, Instant hour, Range range) {
        if (hour != null && (range.cursor == null || !range.cursor.equals(hour))) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                insert into metering_cursor (name, billed_until) values ('hourly', $1)
                on conflict (name) do update set billed_until = greatest(metering_cursor.billed_until, excluded.billed_until)""")
                .execute(Tuple.of(ts(range.to))).replaceWithVoid();
    }
}
