package dev.opengallery.metering;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.metering.MeteringFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.seller;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * ECS events in, one charge per image-hour out: REST and job tests with the clock moved. Each test lives on a day of
 * its own and sets the billing watermark to where its story starts, so tests do not see each other's hours.
 */
@QuarkusTest
class MeteringApiTest {

    static final AtomicInteger DAYS = new AtomicInteger();

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @Inject
    MeteringJob job;

    @Inject
    ComputeEventOutbox outbox;

    @Inject
    MeteringConfig meteringConfig;

    @Inject
    MeteringMetrics meteringMetrics;

    @Inject
    Vertx vertx;

    @Inject
    dev.opengallery.core.AppClock appClock;

    static MeteringFixtures f;

    /** This test's day: a distinct date for each test. */
    String day;

    @BeforeEach
    void setUp() {
        if (f == null) {
            f = new MeteringFixtures();
        }
        day = java.time.LocalDate.parse("2027-03-01").plusDays(DAYS.getAndIncrement()).toString();
    }

    @AfterEach
    void ledgerIsConsistent() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    Instant at(String hhmm) {
        return Instant.parse(day + "T" + hhmm + ":00Z");
    }

    /** Moves the clock there and reports the event at that moment. */
    void happens(Map<String, Object> event) {
        clock.set(Instant.parse((String) event.get("occurredAt")));
        accepted(event);
    }

    /** The watermark: every hour before this one counts as billed. */
    void billedUntil(Instant hour) {
        pool.preparedQuery("""
                insert into metering_cursor (name, billed_until) values ('hourly', $1)
                on conflict (name) do update set billed_until = excluded.billed_until""")
                .execute(Tuple.of(hour.atOffset(ZoneOffset.UTC))).await().indefinitely();
    }

    void runAt(String hhmm) {
        clock.set(at(hhmm));
        operator().post("/api/operator/jobs/metering/run").then().statusCode(200).body("job", is("metering"));
    }

    /** "HH product" for each charge of the ECS on this test's day, oldest first. */
    List<String> charges(String ecsId) {
        List<String> out = new ArrayList<>();
        for (Row r : pool.preparedQuery("""
                select hour, product_id from metering_charge where ecs_id = $1 order by hour, product_id""")
                .execute(Tuple.of(ecsId)).await().indefinitely()) {
            String product = r.getUUID("product_id").toString();
            String name = product.equals(f.lamp) ? "LAMP" : product.equals(f.wiki) ? "WIKI" : "METRICS";
            OffsetDateTime h = r.getOffsetDateTime("hour").withOffsetSameInstant(ZoneOffset.UTC);
            out.add((h.toLocalDate().toString().equals(day) ? "" : h.toLocalDate() + " ")
                    + String.format("%02d %s", h.getHour(), name));
        }
        out.sort(String::compareTo);
        return out;
    }

    long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    // ------------------------------------------------------------------------------------------ the rules

    @Test
    void createdAndDeletedWithinAnHourIsOneChargeAcrossTheHourTwo() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        String b = ppu(c, vpc, f.lamp, f.lampSpec);
        billedUntil(at("10:00"));
        happens(created(a, at("10:20"), f.lamp, f.lampSpec));
        happens(event("DELETED", a, at("10:40")));
        happens(created(b, at("10:50"), f.lamp, f.lampSpec));
        happens(event("DELETED", b, at("11:05")));
        runAt("12:01");
        assertEquals(List.of("10 LAMP"), charges(a));
        assertEquals(List.of("10 LAMP", "11 LAMP"), charges(b));
        // three image-hours at 0.25, from the balance, in one ledger row
        customer(c).get("/api/account").then().body("balance", is(99.25f));
        customer(c).get("/api/account/ledger").then().body("items[0].kind", is("CHARGE"), "items[0].amount", is(-0.75f),
                "items[0].note", containsString("3 image-hour(s)"));
    }

    @Test
    void replacedByAnotherProductsImageChargesBothThatHourThenOnlyTheNewOne() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        ppu(c, vpc, f.wiki, f.wikiSpec); // the customer buys the wiki image pay-per-use too
        String same = ppu(c, vpc, f.lamp, f.lampSpec);
        billedUntil(at("10:00"));
        happens(created(a, at("10:10"), f.lamp, f.lampSpec));
        happens(created(same, at("10:10"), f.lamp, f.lampSpec));
        happens(replaced(a, at("10:30"), f.wiki, f.wikiSpec));
        happens(replaced(same, at("10:30"), f.lamp, f.lampSpec));
        runAt("12:00");
        assertEquals(List.of("10 LAMP", "10 WIKI", "11 WIKI"), charges(a));
        assertEquals(List.of("10 LAMP", "11 LAMP"), charges(same));
        customer(c).get("/api/metering/charges?ecsId=" + a + "&from=" + at("10:00") + "&to=" + at("11:00")).then()
                .statusCode(200).body("total", is(2), "items.amount", containsInAnyOrder(0.25f, 0.10f));
    }

    @Test
    void suspendedHoursAreNotChargedAndExpiredYearlyEcssNeither() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        String yearly = ppu(c, vpc, f.lamp, f.lampSpec);
        billedUntil(at("08:00"));
        happens(created(a, at("08:00"), f.lamp, f.lampSpec));
        Map<String, Object> y = created(yearly, at("08:30"), f.lamp, f.lampSpec);
        y.put("ecsBillingMode", "YEARLY");
        y.put("expiresAt", at("10:00").toString());
        happens(y);
        runAt("09:00");
        happens(event("EXPIRED", yearly, at("10:00")));
        runAt("10:00");
        happens(event("SUSPENDED", a, at("10:20")));
        runAt("11:00");
        runAt("12:00");
        runAt("13:00");
        happens(event("RESUMED", a, at("13:10")));
        runAt("14:00");
        assertEquals(List.of("08 LAMP", "09 LAMP", "10 LAMP", "13 LAMP"), charges(a));
        assertEquals(List.of("08 LAMP", "09 LAMP"), charges(yearly));
    }

    @Test
    void afterDowntimeTheNextRunBillsEveryMissedHourOnce() {
        String c = customerWith("100.00");
        String a = ppu(c, vpc(c), f.lamp, f.lampSpec);
        billedUntil(at("07:00"));
        happens(created(a, at("07:30"), f.lamp, f.lampSpec));
        runAt("08:00"); // the job bills hour 7, then is down from 08:00 to 12:00
        assertEquals(List.of("07 LAMP"), charges(a));
        clock.set(at("12:05"));
        operator().post("/api/operator/jobs/metering/run").then().statusCode(200)
                .body("from", is(at("08:00").toString()), "to", is(at("12:00").toString()), "charges", greaterThanOrEqualTo(4));
        runAt("12:10");
        assertEquals(List.of("07 LAMP", "08 LAMP", "09 LAMP", "10 LAMP", "11 LAMP"), charges(a));
        assertEquals(5, count("select count(*) from metering_charge where ecs_id = $1", a));
        assertEquals(at("12:00"), pool.query("select billed_until from metering_cursor").execute().await().indefinitely()
                .iterator().next().getOffsetDateTime("billed_until").toInstant());
    }

    @Test
    void aLateEventBillsOnlyWhatIsMissing() {
        String c = customerWith("100.00");
        String a = ppu(c, vpc(c), f.lamp, f.lampSpec);
        billedUntil(at("10:00"));
        happens(created(a, at("10:00"), f.lamp, f.lampSpec));
        happens(event("SUSPENDED", a, at("10:30")));
        runAt("11:00");
        runAt("12:00");
        runAt("13:00");
        assertEquals(List.of("10 LAMP"), charges(a));
        // the compute service reports at 13:30 that the ECS was resumed at 11:40
        clock.set(at("13:30"));
        Map<String, Object> late = event("RESUMED", a, at("11:40"));
        accepted(late);
        runAt("13:35");
        assertEquals(List.of("10 LAMP", "11 LAMP", "12 LAMP"), charges(a));
        // the same event again is accepted and ignored; an event older than 6 hours is refused
        send(late).statusCode(200).body("outcome", is("DUPLICATE"));
        clock.set(at("17:41"));
        send(event("SUSPENDED", a, at("11:40"))).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("event-too-old"), "detail", containsString("6 hours"));
        runAt("17:45");
        assertEquals(List.of("10 LAMP", "11 LAMP", "12 LAMP", "13 LAMP", "14 LAMP", "15 LAMP", "16 LAMP"), charges(a));
    }

    @Test
    void twoRunsAtOnceInTwoThreadsAndTwoInstancesNeverDoubleBill() throws Exception {
        String c = customerWith("1000.00");
        String vpc = vpc(c);
        List<String> ecss = new ArrayList<>();
        billedUntil(at("06:00"));
        for (int i = 0; i < 4; i++) {
            String e = ppu(c, vpc, i % 2 == 0 ? f.lamp : f.metrics, i % 2 == 0 ? f.lampSpec : f.metricsSpec);
            happens(created(e, at("06:15"), i % 2 == 0 ? f.lamp : f.metrics, i % 2 == 0 ? f.lampSpec : f.metricsSpec));
            ecss.add(e);
        }
        clock.set(at("12:00"));
        // a second application instance: its own billing job on its own connection pool, same database
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        Pool otherPool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
        MeteringJob other = new MeteringJob();
        other.pool = otherPool;
        other.db = db; // its transactions: the application's session factory (other connections of the same pool)
        other.clock = appClock;
        other.config = meteringConfig; // the application's: no earliest hour, 48 hours per run
        other.metrics = meteringMetrics;
        try {
            List<CompletableFuture<MeteringJob.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> job.catchUp().await().indefinitely()));
                runs.add(CompletableFuture.supplyAsync(() -> other.catchUp().await().indefinitely()));
                runs.add(CompletableFuture.supplyAsync(() -> other.runForHour(at("09:00")).await().indefinitely()));
            }
            long written = 0;
            for (CompletableFuture<MeteringJob.Run> r : runs) {
                written += r.get().charges();
            }
            assertTrue(written >= 4 * 6, "hours 6 to 11 of 4 ECSs were billed: " + written);
        } finally {
            otherPool.close().await().indefinitely();
        }
        for (String e : ecss) {
            assertEquals(6, charges(e).size(), e);
        }
        assertEquals(0, count("""
                select count(*) from (select ecs_id, product_id, hour from metering_charge
                                      group by 1, 2, 3 having count(*) > 1) d"""));
        // 2 x 6 x 0.25 + 2 x 6 x 0.0125 = 3.15
        customer(c).get("/api/account").then().body("balance", is(996.85f));
        customer(c).get("/api/metering/account").then().body("unposted", is(0.0f), "arrears", is(0.0f));
    }

    @Test
    void runningOutOfMoneySuspendsAndATopUpSettlesAndResumes() {
        String c = customerWith("0.90");
        String id = accountId(c);
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        String stopped = ppu(c, vpc, f.lamp, f.lampSpec);
        billedUntil(at("08:00"));
        happens(created(a, at("08:00"), f.lamp, f.lampSpec));
        happens(created(stopped, at("08:00"), f.lamp, f.lampSpec));
        happens(event("DELETED", stopped, at("08:10")));
        runAt("09:00");
        runAt("10:00");
        customer(c).get("/api/account").then().body("balance", is(0.15f));
        customer(c).get("/api/metering/account").then().body("arrears", is(0.0f), "suspendedEcsIds", empty());
        outbox.deliverDue(1000).await().indefinitely(); // nothing else waiting: the failure below is ours
        runAt("11:00"); // hours 8 to 10: 0.25 x 3 (a) + 0.25 (stopped) = 1.00 > 0.90
        customer(c).get("/api/account").then().body("balance", is(0.0f));
        customer(c).get("/api/metering/account").then().body("arrears", is(0.10f), "suspendedEcsIds", contains(a));
        assertEquals(1, count("select count(*) from metering_outbox where ecs_id = $1 and type = 'SUSPEND'", a));
        assertEquals(0, count("select count(*) from metering_outbox where ecs_id = $1", stopped));

        // delivered to the compute service's endpoint, after one failed attempt and the backoff
        TestComputeEventsResource.FAIL_NEXT.set(1);
        operator().post("/api/operator/jobs/metering-outbox/run").then().statusCode(200).body("moved", greaterThanOrEqualTo(1));
        assertEquals(0, TestComputeEventsResource.forEcs(a).size());
        assertEquals(1, count("select count(*) from metering_outbox where ecs_id = $1 and status = 'PENDING' and attempts = 1", a));
        clock.advance(Duration.ofSeconds(31));
        outbox.deliverDue(50).await().indefinitely();
        var suspend = TestComputeEventsResource.forEcs(a);
        assertEquals(1, suspend.size());
        assertEquals("SUSPEND", suspend.get(0).getString("type"));
        UUID.fromString(suspend.get(0).getString("id"));
        outbox.deliverDue(50).await().indefinitely();
        assertEquals(1, TestComputeEventsResource.forEcs(a).size(), "delivered once");

        // the compute service suspends the ECS; hour 11 is still charged (it ran until 11:05), into arrears
        happens(event("SUSPENDED", a, at("11:05")));
        runAt("12:00");
        runAt("13:00");
        customer(c).get("/api/metering/account").then().body("arrears", is(0.35f));
        assertEquals(List.of("08 LAMP", "09 LAMP", "10 LAMP", "11 LAMP"), charges(a));

        // a top-up settles the arrears first and resumes the ECS
        clock.set(at("13:30"));
        topUp(id, "10.00");
        customer(c).get("/api/account").then().body("balance", is(9.65f));
        customer(c).get("/api/account/ledger").then().body("items[0].kind", is("SETTLEMENT"), "items[0].amount", is(-0.35f),
                "items[1].kind", is("TOP_UP"));
        customer(c).get("/api/metering/account").then().body("arrears", is(0.0f), "suspendedEcsIds", empty());
        outbox.deliverDue(50).await().indefinitely();
        var events = TestComputeEventsResource.forEcs(a);
        assertEquals(List.of("SUSPEND", "RESUME"), events.stream().map(e -> e.getString("type")).toList());
        assertTrue(!events.get(0).getString("id").equals(events.get(1).getString("id")));
        happens(event("RESUMED", a, at("13:40")));
        runAt("15:00");
        assertEquals(List.of("08 LAMP", "09 LAMP", "10 LAMP", "11 LAMP", "13 LAMP", "14 LAMP"), charges(a));
        customer(c).get("/api/account").then().body("balance", is(9.15f));
    }

    @Test
    void aFractionOfACentIsCarriedToTheNextRun() {
        String c = customerWith("10.00");
        String a = ppu(c, vpc(c), f.metrics, f.metricsSpec);
        billedUntil(at("08:00"));
        happens(created(a, at("08:00"), f.metrics, f.metricsSpec));
        runAt("09:00"); // 0.0125: 0.01 posted, 0.0025 carried
        customer(c).get("/api/account").then().body("balance", is(9.99f));
        customer(c).get("/api/metering/account").then().body("unposted", is(0.0025f));
        runAt("12:00"); // + 3 x 0.0125 = 0.04
        customer(c).get("/api/account").then().body("balance", is(9.95f));
        customer(c).get("/api/metering/account").then().body("unposted", is(0.0f));
    }

    // ------------------------------------------------------------------------------------------ the SQL is the rule

    /** Random event stories on several ECSs: the job's charges are exactly what the Java function gives. */
    /** The seller delists the product, replaces its specifications, resubmits it and an operator approves it. */
    static void edit(String product, List<Map<String, Object>> specs) {
        seller(f.seller).post("/api/seller/products/" + product + "/delist").then().statusCode(200);
        int version = seller(f.seller).get("/api/seller/products/" + product).then().extract().path("version");
        Map<String, Object> body = product("IMAGE", "RUNTIME_ENVIRONMENT", "Edited LAMP", "x", specs);
        body.put("securityGroups", List.of("web-80-443"));
        body.put("version", version);
        seller(f.seller).body(body).put("/api/seller/products/" + product).then().statusCode(200);
        seller(f.seller).post("/api/seller/products/" + product + "/submit").then().statusCode(200);
        operator().post("/api/operator/products/" + product + "/approve").then().statusCode(200);
    }

    static Map<String, Object> hourly(String name, String price) {
        return Map.of("name", name, "pricingModel", "FLAT", "prices", List.of(
                Map.of("billingMode", "PAY_PER_USE", "unitPrice", price), Map.of("billingMode", "MONTHLY", "unitPrice", "30.00")));
    }

    List<Object> amounts(String customer, String ecsId) {
        return customer(customer).get("/api/metering/charges?ecsId=" + ecsId).then().statusCode(200).extract()
                .path("items.amount");
    }

    @Test
    void aBuyerIsBilledAtItsPurchasePriceWhetherEventsNameTheBoughtOrTheCurrentSpecification() {
        String image = listed(f.seller, imageBody("Edited LAMP", hourly("Std", "0.20")));
        String bought = spec(image);
        String early = customerWith("100.00");
        String vpc = vpc(early);
        String a = ppu(early, vpc, image, bought);
        String b = ppu(early, vpc, image, bought);

        // the seller renames the specification and raises its hourly price: a specification of another name
        edit(image, List.of(hourly("Standard", "0.50")));
        String current = spec(image);
        assertTrue(!current.equals(bought), "a renamed specification is another specification");
        // a new buyer buys at the new price
        String late = customerWith("100.00");
        String lateEcs = ppu(late, vpc(late), image, current);

        billedUntil(at("10:00"));
        // the early buyer's ECSs, one named by the specification bought, one by the product's current one
        happens(created(a, at("10:05"), image, bought));
        happens(created(b, at("10:05"), image, current));
        happens(created(lateEcs, at("10:05"), image, current));
        // the late buyer never bought the specification that is gone
        String lateOther = ppu(late, vpc(late), image, current);
        send(created(lateOther, at("10:06"), image, bought)).statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("image-not-bought-pay-per-use"));
        for (String ecs : List.of(a, b, lateEcs)) {
            happens(event("DELETED", ecs, at("10:50")));
        }
        runAt("11:01");
        assertEquals(List.of(0.20f), amounts(early, a));
        assertEquals(List.of(0.20f), amounts(early, b));
        assertEquals(List.of(0.50f), amounts(late, lateEcs));
        customer(early).get("/api/metering/charges?ecsId=" + b).then().body("items[0].specificationId", is(bought));
        customer(early).get("/api/account").then().body("balance", is(99.60f));

        // an edit that keeps the name keeps the id: the late buyer's events go on naming it, at the price it bought
        String again = ppu(late, vpc(late), image, current);
        edit(image, List.of(hourly("Standard", "0.70"), hourly("Large", "0.90")));
        assertEquals(current, spec(image));
        String large = anonymous().get("/api/catalog/products/" + image).then().extract()
                .path("specifications.find { it.name == 'Large' }.id");
        clock.set(at("11:30"));
        // a specification the late buyer did not buy, while the one it bought is still sold: refused
        send(created(again, at("11:10"), image, large)).statusCode(422);
        happens(created(again, at("11:10"), image, current));
        happens(event("DELETED", again, at("11:40")));
        runAt("12:01");
        assertEquals(List.of(0.50f), amounts(late, again));
    }

    @Test
    void theJobsSqlChargesWhatTheBillableHourFunctionSays() {
        String c = customerWith("1000.00");
        String vpc = vpc(c);
        ppu(c, vpc, f.wiki, f.wikiSpec);
        Random random = new Random(42);
        List<String> ecss = new ArrayList<>();
        billedUntil(at("00:00"));
        for (int i = 0; i < 6; i++) {
            String e = ppu(c, vpc, f.lamp, f.lampSpec);
            ecss.add(e);
            Instant t = at("00:00").plus(Duration.ofMinutes(random.nextInt(120)));
            happens(created(e, t, f.lamp, f.lampSpec));
            String[] types = { "SUSPENDED", "RESUMED", "IMAGE_REPLACED", "IMAGE_REPLACED", "SUSPENDED", "RESUMED" };
            for (int k = 0; k < 8; k++) {
                t = t.plus(Duration.ofMinutes(5 + random.nextInt(90)));
                String type = types[random.nextInt(types.length)];
                if (type.equals("IMAGE_REPLACED")) {
                    boolean lamp = random.nextBoolean();
                    happens(replaced(e, t, lamp ? f.lamp : f.wiki, lamp ? f.lampSpec : f.wikiSpec));
                } else {
                    happens(event(type, e, t));
                }
            }
            if (random.nextBoolean()) {
                happens(event("DELETED", e, t.plus(Duration.ofMinutes(random.nextInt(60)))));
            }
        }
        runAt("20:00");
        for (String e : ecss) {
            List<BillableUse.Period> periods = new ArrayList<>();
            for (Row r : pool.preparedQuery("select * from metering_period where ecs_id = $1").execute(Tuple.of(e))
                    .await().indefinitely()) {
                OffsetDateTime end = r.getOffsetDateTime("ends_at");
                periods.add(new BillableUse.Period(new BillableUse.Image(r.getUUID("product_id"),
                        r.getUUID("specification_id"), r.getBigDecimal("hourly_price"), r.getString("currency")),
                        r.getOffsetDateTime("starts_at").toInstant(), end == null ? null : end.toInstant()));
            }
            List<String> expected = BillableUse.charges(periods, at("00:00"), at("20:00")).stream()
                    .map(ch -> ch.hour() + " " + ch.productId() + " " + ch.amount()).sorted().toList();
            List<String> actual = new ArrayList<>();
            for (Row r : pool.preparedQuery("""
                    select hour, product_id, amount from metering_charge where ecs_id = $1 and hour < $2""")
                    .execute(Tuple.of(e, at("20:00").atOffset(ZoneOffset.UTC))).await().indefinitely()) {
                actual.add(r.getOffsetDateTime("hour").toInstant() + " " + r.getUUID("product_id") + " "
                        + r.getBigDecimal("amount"));
            }
            actual.sort(String::compareTo);
            assertEquals(expected, actual, e);
        }
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Test
    void eventsThatCannotBeAppliedAreRefusedWithAProblem() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        String monthly = order(c, vpc, f.wiki, f.wikiSpec, "MONTHLY");
        clock.set(at("10:00"));
        // unknown ECS
        send(created("ecs-nobody", at("09:00"), f.lamp, f.lampSpec)).statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("unknown-ecs"));
        // an image the account did not buy pay-per-use: bought monthly, or not bought at all
        send(created(monthly, at("09:00"), f.wiki, f.wikiSpec)).statusCode(422)
                .body("type", endsWith("image-not-bought-pay-per-use"));
        send(created(a, at("09:00"), f.metrics, f.metricsSpec)).statusCode(422);
        // another customer's image cannot be put on this ECS either
        String other = customerWith("5.00");
        ppu(other, vpc(other), f.metrics, f.metricsSpec);
        send(created(a, at("09:00"), f.metrics, f.metricsSpec)).statusCode(422);
        clock.set(at("10:00"));
        // malformed
        send(Map.of("id", "x", "type", "EXPLODED", "ecsId", a, "occurredAt", "yesterday")).statusCode(400)
                .body("errors.field", hasItems("type", "occurredAt"));
        Map<String, Object> noImage = event("CREATED", a, at("09:00"));
        send(noImage).statusCode(400).body("errors.field", hasItems("imageProductId", "ecsBillingMode"));
        Map<String, Object> ppuExpiry = created(a, at("09:00"), f.lamp, f.lampSpec);
        ppuExpiry.put("expiresAt", at("11:00").toString());
        send(ppuExpiry).statusCode(400).body("errors.field", hasItem("expiresAt"));
        send(event("RENEWED", a, at("09:00"))).statusCode(400).body("errors.field", hasItem("expiresAt"));
        send(event("DELETED", a, at("10:30"))).statusCode(400).body("errors.field", hasItem("occurredAt"));
        Tokens.as("compute-plane", "compute").body("[1,2]").post("/api/compute/ecs-events").then().statusCode(400)
                .contentType("application/problem+json");
        Tokens.as("compute-plane", "compute").body("not json").post("/api/compute/ecs-events").then().statusCode(400);
        // created twice; nothing after deletion
        happens(created(a, at("09:00"), f.lamp, f.lampSpec));
        clock.set(at("10:00"));
        send(created(a, at("09:10"), f.lamp, f.lampSpec)).statusCode(409);
        happens(event("DELETED", a, at("09:30")));
        clock.set(at("10:00"));
        send(event("SUSPENDED", a, at("09:40"))).statusCode(409).body("currentState", is("DELETED"));
        // roles
        customer(c).body(event("DELETED", a, at("09:30"))).post("/api/compute/ecs-events").then().statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().contentType("application/json").body(event("DELETED", a, at("09:30")))
                .post("/api/compute/ecs-events").then().statusCode(401);
    }

    @Test
    void batchesAnswerPerEvent() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        String b = ppu(c, vpc, f.lamp, f.lampSpec);
        clock.set(at("12:00"));
        Map<String, Object> first = created(a, at("10:00"), f.lamp, f.lampSpec);
        accepted(first);
        // out of order on purpose: deleted before it was suspended, in arrival order
        List<Map<String, Object>> batch = List.of(first, event("DELETED", a, at("11:30")), event("SUSPENDED", a, at("10:20")),
                created("ecs-nobody", at("10:00"), f.lamp, f.lampSpec), event("RESUMED", a, at("04:00")),
                Map.of("type", "CREATED"), created(b, at("10:05"), f.lamp, f.lampSpec));
        Tokens.as("compute-plane", "compute").body(Map.of("events", batch)).post("/api/compute/ecs-events/batch").then()
                .statusCode(200)
                .body("results.outcome", contains("DUPLICATE", "ACCEPTED", "ACCEPTED", "REFUSED", "REFUSED", "REFUSED",
                        "ACCEPTED"), "results.index", contains(0, 1, 2, 3, 4, 5, 6),
                        "results[3].problem.status", is(404), "results[4].problem.status", is(422),
                        "results[5].problem.status", is(400), "results[5].problem.errors.field", hasItems("id", "ecsId"));
        billedUntil(at("10:00"));
        runAt("12:00");
        assertEquals(List.of("10 LAMP"), charges(a));
        assertEquals(List.of("10 LAMP", "11 LAMP"), charges(b));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(event("SUSPENDED", a, at("10:00")));
        }
        Tokens.as("compute-plane", "compute").body(Map.of("events", tooMany)).post("/api/compute/ecs-events/batch").then()
                .statusCode(400).body("errors[0].field", is("events"));
        Tokens.as("compute-plane", "compute").body(Map.of("events", List.of())).post("/api/compute/ecs-events/batch")
                .then().statusCode(400);
        Tokens.as("compute-plane", "compute").body("{}").post("/api/compute/ecs-events/batch").then().statusCode(400);
    }

    // ------------------------------------------------------------------------------------------ reads and operators

    @Test
    void buyersListTheirChargesAndDownloadAMonth() {
        String c = customerWith("100.00");
        String vpc = vpc(c);
        String a = ppu(c, vpc, f.lamp, f.lampSpec);
        ppu(c, vpc, f.wiki, f.wikiSpec);
        String b = ppu(c, vpc, f.lamp, f.lampSpec);
        billedUntil(at("08:00"));
        happens(created(a, at("08:00"), f.lamp, f.lampSpec));
        happens(created(b, at("08:30"), f.lamp, f.lampSpec));
        happens(replaced(b, at("10:30"), f.wiki, f.wikiSpec));
        happens(event("DELETED", a, at("11:00")));
        happens(event("DELETED", b, at("11:00")));
        runAt("12:00");
        customer(c).get("/api/metering/charges").then().statusCode(200).body("total", is(7), "items[0].hour",
                is(at("10:00").toString()), "items[0].productName", notNullValue());
        customer(c).get("/api/metering/charges?ecsId=" + b).then().body("total", is(4));
        customer(c).get("/api/metering/charges?productId=" + f.wiki).then().body("total", is(1),
                "items[0].ecsId", is(b), "items[0].amount", is(0.1f), "items[0].currency", is("USD"));
        customer(c).get("/api/metering/charges?from=" + at("09:00") + "&to=" + at("10:00")).then().body("total", is(2));
        customer(c).get("/api/metering/charges?size=3&page=2").then().body("total", is(7), "items.size()", is(1));
        customer(c).get("/api/metering/charges?size=3&page=9").then().body("total", is(7), "items.size()", is(0));
        String csv = customer(c).get("/api/metering/charges.csv?month=" + day.substring(0, 7)).then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("hour,ecs_id,product_id,product_name,specification_id,amount,currency", lines[0]);
        assertEquals(1 + 7 + 1, lines.length);
        assertTrue(lines[1].startsWith(at("08:00").toString()), lines[1]);
        assertEquals("total,,,,,1.6000,", lines[8]);
        // another buyer sees none of it
        String stranger = customerWith(null);
        customer(stranger).get("/api/metering/charges?ecsId=" + a).then().body("total", is(0));
        // bad input
        customer(c).get("/api/metering/charges?from=today").then().statusCode(400).body("errors[0].field", is("from"));
        customer(c).get("/api/metering/charges?from=" + at("10:00") + "&to=" + at("09:00")).then().statusCode(400);
        customer(c).get("/api/metering/charges?productId=x").then().statusCode(400);
        customer(c).get("/api/metering/charges?size=1000").then().statusCode(400);
        customer(c).get("/api/metering/charges.csv").then().statusCode(400).contentType("application/problem+json");
        customer(c).get("/api/metering/charges.csv?month=2026-13").then().statusCode(400);
        operator().get("/api/metering/charges").then().statusCode(403);
    }

    @Test
    void operatorsRunTheJobForAGivenHour() {
        String c = customerWith("100.00");
        String a = ppu(c, vpc(c), f.lamp, f.lampSpec);
        happens(created(a, at("07:10"), f.lamp, f.lampSpec));
        clock.set(at("09:30"));
        operator().post("/api/operator/jobs/metering/run?hour=" + at("08:00")).then().statusCode(200)
                .body("from", is(at("08:00").toString()), "to", is(at("09:00").toString()), "charges", greaterThanOrEqualTo(1));
        assertEquals(List.of("08 LAMP"), charges(a));
        operator().post("/api/operator/jobs/metering/run?hour=" + at("08:00")).then().statusCode(200);
        assertEquals(List.of("08 LAMP"), charges(a));
        operator().post("/api/operator/jobs/metering/run?hour=" + at("09:00")).then().statusCode(422);
        operator().post("/api/operator/jobs/metering/run?hour=" + at("08:30")).then().statusCode(400);
        operator().post("/api/operator/jobs/metering/run?hour=soon").then().statusCode(400);
        operator().post("/api/operator/jobs/metering-outbox/run?limit=0").then().statusCode(400);
        // the other jobs' operator endpoints under /api/operator/jobs still answer
        operator().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200);
        operator().post("/api/operator/jobs/notification-delivery/run").then().statusCode(200);
        customer(c).post("/api/operator/jobs/metering/run").then().statusCode(403);
        Tokens.as("compute-plane", "compute").post("/api/operator/jobs/metering/run").then().statusCode(403);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocumentWithASummary() {
        var doc = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String op : new String[] { "'/api/compute/ecs-events'.post", "'/api/compute/ecs-events/batch'.post",
                "'/api/metering/charges'.get", "'/api/metering/charges.csv'.get", "'/api/metering/account'.get",
                "'/api/operator/jobs/metering/run'.post", "'/api/operator/jobs/metering-outbox/run'.post" }) {
            assertTrue(doc.getString("paths." + op + ".summary") != null, op);
        }
        assertTrue(doc.get("components.schemas.EcsEvent") != null);
        assertTrue(doc.get("paths.'/api/compute/ecs-events'.post.responses.'400'.content.'application/problem+json'") != null);
    }
}
