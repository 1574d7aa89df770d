package dev.opengallery.metering;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.jobs.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Pay-per-use billing: {@code opengallery_metering_hours_charged_total} (image-hours charged, counted after the
 * billing run committed), {@code opengallery_metering_arrears{currency}} (what accounts owe beyond their balance and
 * credit, in the currency's major unit) and the compute-event outbox backlog
 * {@code opengallery_outbox_pending{channel="COMPUTE"}} (SUSPEND/RESUME/RELEASE events not delivered yet).
 */
@Startup
@ApplicationScoped
public class MeteringMetrics implements DatabaseGauges.Source {

    static final String ARREARS = "opengallery.metering.arrears";
    static final String ARREARS_DESCRIPTION = "Arrears of pay-per-use billing still owed, in the currency's major unit";
    static final String PENDING = "opengallery.outbox.pending";
    static final String PENDING_DESCRIPTION = "Outbox rows not delivered yet (PENDING, due now or waiting for a retry), by channel";
    static final Tags COMPUTE = Tags.of("channel", "COMPUTE");

    @Inject
    DatabaseGauges gauges;

    @Inject
    Pool pool;

    @Inject
    Currencies currencies;

    @Inject
    MeterRegistry registry;

    private Counter hours;

    @PostConstruct
    void register() {
        gauges.register(PENDING, PENDING_DESCRIPTION, COMPUTE);
        for (Currency c : currencies.all()) {
            gauges.register(ARREARS, ARREARS_DESCRIPTION, Tags.of("currency", c.getCurrencyCode()));
        }
        hours = Counter.builder("opengallery.metering.hours.charged")
                .description("Image-hours charged by the billing job (one per ECS, image and clock hour)").register(registry);
    }

    /** A billing run committed. */
    void ran(MeteringJob.Run run) {
        hours.increment(run.charges());
    }

    @Override
    public Uni<Void> refresh() {
        Uni<Void> outbox = pool.preparedQuery("select count(*) as n from metering_outbox where status = $1")
                .execute(Tuple.of(Outbox.Status.PENDING.name()))
                .invoke(rows -> gauges.set(PENDING, PENDING_DESCRIPTION, COMPUTE, rows.iterator().next().getLong("n")))
                .replaceWithVoid();
        Uni<Void> arrears = pool.query("""
                select a.currency, sum(m.arrears) as owed from metering_account m join account a on a.id = m.account_id
                where m.arrears > 0 group by a.currency""").execute().invoke(rows -> {
                    Map<String, BigDecimal> owed = new HashMap<>();
                    for (Currency c : currencies.all()) {
                        owed.put(c.getCurrencyCode(), BigDecimal.ZERO);
                    }
                    for (Row r : rows) {
                        owed.put(r.getString("currency"), r.getBigDecimal("owed"));
                    }
                    owed.forEach((currency, amount) -> gauges.set(ARREARS, ARREARS_DESCRIPTION,
                            Tags.of("currency", currency), amount.doubleValue()));
                }).replaceWithVoid();
        return Uni.join().all(outbox, arrears).andCollectFailures().replaceWithVoid();
    }
}
