package dev.opengallery.renewal;

import static dev.opengallery.apps.AppFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class RenewalApiTest {

    static final Instant EXPIRY = Instant.parse("2026-12-25T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    static AppFixtures f;

    @BeforeEach
    void catalogue() {
        clock.reset();
        if (f == null) {
            f = new AppFixtures();
        }
    }

    @AfterEach
    void ledgerIsConsistent() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    long count(String sql, Object... args) {
        return AppFixtures.count(pool, sql, args);
    }

    String balance(String c) {
        return new java.math.BigDecimal(customer(c).get("/api/account").then().extract().jsonPath().getString("balance"))
                .setScale(2).toPlainString();
    }

    void at(String iso) {
        clock.set(Instant.parse(iso));
    }

    void lifecycle() {
        operator().post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(200)
                .body("job", is("subscription-lifecycle"));
    }

    void autoRenew() {
        operator().post("/api/operator/jobs/auto-renewals/run").then().statusCode(200).body("job", is("auto-renewals"));
    }

    long inbox(String c, String kind) {
        return customer(c).get("/api/inbox?size=100").then().extract().jsonPath().getList("items.kind").stream()
                .filter(kind::equals).count();
    }

    static Map<String, Object> renewal(int periods) {
        Map<String, Object> m = new HashMap<>();
        m.put("periods", periods);
        m.put("paymentMethod", "BALANCE");
        return m;
    }

    /** A renewal naming the expiry it renews (read from the app, as a client does), so a second click cannot renew twice. */
    static Map<String, Object> renewalOf(String c, String app, int periods) {
        Map<String, Object> m = renewal(periods);
        m.put("renewsFrom", customer(c).get("/api/apps/" + app).then().statusCode(200).extract().path("expiresAt"));
        return m;
    }

    String basicMonthly(String c) {
        return buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
    }

    // --------------------------------------------------------------------------------------------- manual

    @Test
    void aManualRenewalForSeveralPeriodsExtendsTheExpiry() {
        String c = customerWith("3000.00");
        String app = basicMonthly(c);
        customer(c).body(Map.of("periods", 3)).post("/api/renewals/" + app + "/quote").then().statusCode(200)
                .body("periods", is(3), "billingMode", is("MONTHLY"), "amountDue", is(900.00f), "listPrice", is(900.00f),
                        "currentExpiry", is("2026-12-25T10:00:00Z"), "newExpiry", is("2027-03-25T10:00:00Z"),
                        "status", is("ACTIVE"));
        customer(c).body(Map.of("periods", 0)).post("/api/renewals/" + app + "/quote").then().statusCode(400)
                .body("errors[0].field", is("periods"));
        customer(c).body(Map.of("periods", 3, "renewsFrom", "2026-12-25T10:00:00Z")).post("/api/renewals/" + app).then()
                .statusCode(400).body("errors[0].field", is("paymentMethod"));
        Map<String, Object> stale = renewal(3);
        stale.put("renewsFrom", "2026-12-01T00:00:00Z");
        customer(c).body(stale).post("/api/renewals/" + app).then().statusCode(409);

        Map<String, Object> body = renewal(3);
        body.put("renewsFrom", "2026-12-25T10:00:00Z");
        String orderId = customer(c).body(body).post("/api/renewals/" + app).then().statusCode(201)
                .header("Location", containsString("/api/orders/"))
                .body("quote.amountDue", is(900.00f), "order.state", is("COMPLETED"), "order.periods", is(3),
                        "order.paymentMethod", is("BALANCE"), "order.supervised", is(false),
                        "app.expiresAt", is("2027-03-25T10:00:00Z"), "app.status", is("ACTIVE"),
                        "app.amountPaid", is(1200.00f), "app.history.kind", hasItem("RENEWED"))
                .extract().path("order.id");
        assertEquals(1, count("select count(*) from customer_order where id = $1 and kind = 'RENEWAL' "
                + "and renewed_from = '2026-12-25T10:00:00Z'", UUID.fromString(orderId)));
        assertEquals("1800.00", balance(c));
        customer(c).get("/api/orders").then().body("items.id", hasItem(orderId));
        // a yearly app renews for at most 5 years
        String lic = buyApp(pool, c, order(f.license, spec(f.license), "YEARLY", null, 1));
        customer(c).body(Map.of("periods", 6)).post("/api/renewals/" + lic + "/quote").then().statusCode(400);
    }

    @Test
    void renewalsKeepTheDayOfMonthOfThePurchase() {
        String c = customerWith("2000.00");
        at("2027-01-31T10:00:00Z");
        String app = basicMonthly(c);
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-02-28T10:00:00Z"));
        // counted from the start, month ends do not drift: 31 March, not 28 March
        customer(c).body(renewalOf(c, app, 1)).post("/api/renewals/" + app).then().statusCode(201)
                .body("app.expiresAt", is("2027-03-31T10:00:00Z"));
        customer(c).body(Map.of("periods", 1)).post("/api/renewals/" + app + "/quote").then()
                .body("newExpiry", is("2027-04-30T10:00:00Z"));
    }

    @Test
    void renewingALicenseOpensNoServiceFlow() {
        String c = customerWith("5000.00");
        String lic = buyApp(pool, c, order(f.license, spec(f.license), "YEARLY", null, 1));
        String account = accountId(c);
        assertEquals(1, count("select count(*) from service_flow where account_id = $1", UUID.fromString(account)));
        String orderId = customer(c).body(renewalOf(c, lic, 2)).post("/api/renewals/" + lic).then().statusCode(201)
                .body("order.state", is("COMPLETED"), "order.amountDue", is(2400.00f),
                        "app.expiresAt", is("2029-11-25T10:00:00Z")).extract().path("order.id");
        assertEquals(1, count("select count(*) from service_flow where account_id = $1", UUID.fromString(account)));
        assertEquals(0, count("select count(*) from service_flow where order_id = $1", UUID.fromString(orderId)));
    }

    @Test
    void anImageRenewalIncludesItsEcs() {
        String c = customerWith("500.00");
        String img = buyImage(pool, c, f.image, "MONTHLY");
        customer(c).body(Map.of("periods", 2)).post("/api/renewals/" + img + "/quote").then().statusCode(200)
                .body("imageFee", is(60.00f), "ecsFee", is(33.60f), "amountDue", is(93.60f));
    }

    @Test
    void anotherAccountsAppCannotBeRenewed() {
        String c = customerWith("1000.00");
        String other = customerWith("1000.00");
        String app = basicMonthly(c);
        customer(other).body(Map.of("periods", 1)).post("/api/renewals/" + app + "/quote").then().statusCode(404);
        Map<String, Object> theirs = renewal(1);
        theirs.put("renewsFrom", "2026-12-25T10:00:00Z");
        customer(other).body(theirs).post("/api/renewals/" + app).then().statusCode(404);
        customer(other).get("/api/renewals/" + app + "/auto-renewal").then().statusCode(404);
        customer(other).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(404);
        customer(other).delete("/api/renewals/" + app + "/auto-renewal").then().statusCode(404);
        customer(c).post("/api/operator/jobs/auto-renewals/run").then().statusCode(403);
        customer(c).post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(403);
        assertEquals("1000.00", balance(other));
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Test
    void expiryGraceRetentionAndReleaseWithRenewalsFromTheOriginalExpiry() {
        String c = customerWith("2000.00");
        String inGrace = basicMonthly(c);
        String inRetention = basicMonthly(c);
        String released = basicMonthly(c);

        at("2026-12-25T09:59:59Z");
        lifecycle();
        customer(c).get("/api/apps/" + released).then().body("status", is("ACTIVE"));

        at("2026-12-25T10:00:00Z");
        lifecycle();
        lifecycle(); // idempotent
        customer(c).get("/api/apps?state=GRACE").then().body("items.id", hasItems(inGrace, inRetention, released));
        customer(c).get("/api/apps/" + released).then().body("status", is("GRACE"), "history.kind", contains("GRACE"));
        assertEquals(3, inbox(c, "APP_GRACE"));

        // renewed in grace: from the original expiry, not from today
        at("2026-12-30T12:00:00Z");
        customer(c).body(Map.of("periods", 1)).post("/api/renewals/" + inGrace + "/quote").then()
                .body("status", is("GRACE"), "currentExpiry", is("2026-12-25T10:00:00Z"),
                        "newExpiry", is("2027-01-25T10:00:00Z"));
        customer(c).body(renewalOf(c, inGrace, 1)).post("/api/renewals/" + inGrace).then().statusCode(201)
                .body("app.status", is("ACTIVE"), "app.expiresAt", is("2027-01-25T10:00:00Z"));

        at("2027-01-09T10:00:00Z");
        lifecycle();
        customer(c).get("/api/apps/" + inRetention).then().body("status", is("RETENTION"));
        customer(c).get("/api/apps/" + inGrace).then().body("status", is("ACTIVE"));
        assertEquals(2, inbox(c, "APP_RETENTION"));
        // renewed in retention: from the original expiry as well
        customer(c).body(renewalOf(c, inRetention, 1)).post("/api/renewals/" + inRetention).then().statusCode(201)
                .body("app.status", is("ACTIVE"), "app.expiresAt", is("2027-01-25T10:00:00Z"));

        at("2027-01-24T10:00:00Z");
        lifecycle();
        customer(c).get("/api/apps/" + released).then().body("status", is("RELEASED"),
                "releasedAt", is("2027-01-24T10:00:00Z"), "history.kind", contains("GRACE", "RETENTION", "RELEASED"));
        customer(c).get("/api/apps/" + inRetention).then().body("status", is("ACTIVE"));
        assertEquals(1, inbox(c, "APP_RELEASED"));
        customer(c).body(renewalOf(c, released, 1)).post("/api/renewals/" + released).then().statusCode(409)
                .body("currentState", is("RELEASED"));
        customer(c).body(Map.of("periods", 1)).put("/api/renewals/" + released + "/auto-renewal").then().statusCode(409);
        // 3 x 300 bought, 2 x 300 renewed
        assertEquals("500.00", balance(c));

        // after downtime one run catches up every step
        String late = basicMonthly(c);
        at("2027-04-01T00:00:00Z");
        lifecycle();
        customer(c).get("/api/apps/" + late).then().body("status", is("RELEASED"),
                "history.kind", contains("GRACE", "RETENTION", "RELEASED"));
    }

    // --------------------------------------------------------------------------------------- auto-renewal

    @Test
    void autoRenewalRenewsAtTheLeadAndCanBeChangedAndDisabled() {
        String c = customerWith("1000.00");
        String app = basicMonthly(c);
        customer(c).get("/api/renewals/" + app + "/auto-renewal").then().statusCode(200).body("enabled", is(false));
        customer(c).body(Map.of("periods", 2)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(200)
                .body("enabled", is(true), "periods", is(2), "nextAttemptAt", is("2026-12-18T10:00:00Z"));
        customer(c).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(200)
                .body("periods", is(1));
        customer(c).body(Map.of("periods", 0)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(400);
        customer(c).get("/api/apps/" + app).then().body("autoRenewal.enabled", is(true),
                "history.kind", contains("AUTO_RENEW_ENABLED", "AUTO_RENEW_CHANGED"));

        at("2026-12-18T09:59:59Z");
        autoRenew();
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2026-12-25T10:00:00Z"));

        at("2026-12-18T10:00:00Z");
        autoRenew();
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-01-25T10:00:00Z"), "status", is("ACTIVE"),
                "autoRenewal.nextAttemptAt", is("2027-01-18T10:00:00Z"), "autoRenewal.failures", is(0));
        assertEquals("400.00", balance(c));
        assertEquals(1, inbox(c, "APP_RENEWED"));
        autoRenew();
        assertEquals(1, count("select count(*) from customer_order where subscription_id = $1 and kind = 'RENEWAL'",
                UUID.fromString(app)));
        assertEquals(1, count("select count(*) from order_event e join customer_order o on o.id = e.order_id "
                + "where o.subscription_id = $1 and e.actor_role = 'system' and e.to_state = 'COMPLETED'", UUID.fromString(app)));

        customer(c).delete("/api/renewals/" + app + "/auto-renewal").then().statusCode(200).body("enabled", is(false));
        at("2027-01-18T10:00:00Z");
        autoRenew();
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-01-25T10:00:00Z"));
        assertEquals("400.00", balance(c));
    }

    @Test
    void autoRenewalRetriesDailyWhilePaymentFailsAndRenewsFromTheOriginalExpiry() {
        String c = customerWith("300.00");
        String app = basicMonthly(c);
        customer(c).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(200);

        at("2026-12-18T10:00:00Z");
        autoRenew();
        customer(c).get("/api/renewals/" + app + "/auto-renewal").then().body("failures", is(1),
                "lastError", containsString("balance"), "nextAttemptAt", is("2026-12-19T10:00:00Z"));
        assertEquals(1, inbox(c, "APP_AUTO_RENEW_FAILED"));
        autoRenew();
        at("2026-12-19T09:59:00Z");
        autoRenew();
        assertEquals(1, inbox(c, "APP_AUTO_RENEW_FAILED"));

        at("2026-12-19T10:00:00Z");
        autoRenew();
        customer(c).get("/api/renewals/" + app + "/auto-renewal").then().body("failures", is(2),
                "nextAttemptAt", is("2026-12-20T10:00:00Z"));
        assertEquals(2, inbox(c, "APP_AUTO_RENEW_FAILED"));

        // past the expiry it keeps trying; once the balance covers it the renewal starts from the original expiry
        at("2026-12-27T10:00:00Z");
        lifecycle();
        customer(c).get("/api/apps/" + app).then().body("status", is("GRACE"));
        topUp(c, "300.00");
        autoRenew();
        customer(c).get("/api/apps/" + app).then().body("status", is("ACTIVE"), "expiresAt", is("2027-01-25T10:00:00Z"),
                "autoRenewal.failures", is(0));
        assertEquals("0.00", balance(c));
        assertEquals(1, inbox(c, "APP_RENEWED"));
    }

    @Test
    void autoRenewalUsesTheCreditLineWhenTheBalanceDoesNotCoverIt() {
        String c = customerWith("300.00");
        String app = basicMonthly(c);
        operator().body(Map.of("creditLimit", "1000.00")).put("/api/operator/accounts/" + accountId(c) + "/credit")
                .then().statusCode(200);
        customer(c).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(200);
        at("2026-12-18T10:00:00Z");
        autoRenew();
        assertEquals("-300.00", balance(c));
        assertEquals(1, count("select count(*) from customer_order where subscription_id = $1 and kind = 'RENEWAL' "
                + "and payment_method = 'CREDIT'", UUID.fromString(app)));
    }

    // ---------------------------------------------------------------------------------------- concurrency

    static <T> List<T> atOnce(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentJobRunsRenewASubscriptionOnce() throws Exception {
        String c = customerWith("1000.00");
        String app = basicMonthly(c);
        customer(c).body(Map.of("periods", 1)).put("/api/renewals/" + app + "/auto-renewal").then().statusCode(200);
        at("2026-12-18T10:00:00Z");
        List<Integer> codes = atOnce(4, () -> operator().post("/api/operator/jobs/auto-renewals/run").statusCode());
        assertEquals(List.of(200, 200, 200, 200), codes);
        assertEquals(1, count("select count(*) from customer_order where subscription_id = $1 and kind = 'RENEWAL'",
                UUID.fromString(app)));
        assertEquals("400.00", balance(c));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-01-25T10:00:00Z"));
    }

    @Test
    void concurrentManualRenewalsChargeOnce() throws Exception {
        String c = customerWith("2000.00");
        String app = basicMonthly(c);
        // one Idempotency-Key: one order, the others replay it
        String key = "renew-" + UUID.randomUUID();
        List<Integer> codes = atOnce(4, () -> customer(c).header("Idempotency-Key", key).body(renewal(1))
                .post("/api/renewals/" + app).statusCode());
        assertEquals(List.of(201, 201, 201, 201), codes);
        assertEquals(1, count("select count(*) from customer_order where subscription_id = $1 and kind = 'RENEWAL'",
                UUID.fromString(app)));
        assertEquals("1400.00", balance(c));
        // different keys naming the expiry they renew: one renews, the others answer 409
        Map<String, Object> body = renewal(1);
        body.put("renewsFrom", "2027-01-25T10:00:00Z");
        List<Integer> racing = atOnce(4, () -> customer(c).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/renewals/" + app).statusCode());
        assertEquals(1, racing.stream().filter(x -> x == 201).count(), racing.toString());
        assertEquals(3, racing.stream().filter(x -> x == 409).count(), racing.toString());
        assertEquals("1100.00", balance(c));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-02-25T10:00:00Z"));
    }
}
