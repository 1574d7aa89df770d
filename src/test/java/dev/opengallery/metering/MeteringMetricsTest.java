package dev.opengallery.metering;

import static dev.opengallery.metering.MeteringFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.Scrape;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Hours charged and arrears show in the metrics as the billing job charges a customer who runs out of money. */
@QuarkusTest
class MeteringMetricsTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @Inject
    DatabaseGauges gauges;

    @AfterEach
    void ledgerIsConsistent() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    static Instant at(String hhmm) {
        return Instant.parse("2029-06-01T" + hhmm + ":00Z");
    }

    BigDecimal arrearsInDatabase() {
        return pool.query("""
                select coalesce(sum(m.arrears), 0) from metering_account m join account a on a.id = m.account_id
                where a.currency = 'USD'""").execute().await().indefinitely().iterator().next().getBigDecimal(0);
    }

    @Test
    void chargedHoursCountAndArrearsShowAsAGauge() {
        MeteringFixtures f = new MeteringFixtures();
        String c = customerWith("0.10");
        String ecs = ppu(c, vpc(c), f.lamp, f.lampSpec);
        pool.preparedQuery("""
                insert into metering_cursor (name, billed_until) values ('hourly', $1)
                on conflict (name) do update set billed_until = excluded.billed_until""")
                .execute(Tuple.of(at("08:00").atOffset(ZoneOffset.UTC))).await().indefinitely();
        clock.set(at("08:00"));
        accepted(created(ecs, at("08:00"), f.lamp, f.lampSpec));
        double hours = Scrape.value("opengallery_metering_hours_charged_total");

        // hours 8 and 9 at 0.25: 0.50 due, 0.10 on the balance, 0.40 arrears
        clock.set(at("10:00"));
        operator().post("/api/operator/jobs/metering/run").then().statusCode(200);
        customer(c).get("/api/metering/account").then().body("arrears", is(0.40f));
        assertTrue(Scrape.value("opengallery_metering_hours_charged_total") >= hours + 2);

        gauges.refresh().await().indefinitely();
        double arrears = Scrape.value("opengallery_metering_arrears", "currency=USD");
        assertTrue(arrears >= 0.40, "arrears " + arrears);
        assertEquals(arrearsInDatabase().doubleValue(), arrears, 0.001);
        // the account's running ECS got a SUSPEND, waiting in the compute-event outbox
        assertTrue(Scrape.value("opengallery_outbox_pending", "channel=COMPUTE") >= 1);
    }
}
