package dev.opengallery.renewal;

import static dev.opengallery.apps.AppFixtures.buyApp;
import static dev.opengallery.apps.AppFixtures.customerWith;
import static dev.opengallery.apps.AppFixtures.order;
import static dev.opengallery.support.Tokens.customer;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.apps.AppFixtures;
import dev.opengallery.support.AtOnce;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A buyer's second click on "renew" never buys a second renewal: a renewal names the expiry it renews, or carries an
 * Idempotency-Key, or is refused. Monthly Basic costs 300.00; the app bought on 2026-11-25 expires 2026-12-25.
 */
@QuarkusTest
class RenewalIdempotencyTest {

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
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    String app(String c) {
        return buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
    }

    String balance(String c) {
        return new BigDecimal(customer(c).get("/api/account").then().extract().jsonPath().getString("balance"))
                .setScale(2).toPlainString();
    }

    long renewals(String app) {
        return AppFixtures.count(pool, "select count(*) from customer_order where subscription_id = $1 and kind = 'RENEWAL'",
                UUID.fromString(app));
    }

    long payments(String c) {
        return AppFixtures.count(pool, "select count(*) from ledger_entry l join account a on a.id = l.account_id "
                + "where a.subject = $1 and l.kind = 'PAYMENT'", c);
    }

    static Map<String, Object> renewal(int periods, String renewsFrom) {
        Map<String, Object> m = new HashMap<>();
        m.put("periods", periods);
        m.put("paymentMethod", "BALANCE");
        if (renewsFrom != null) {
            m.put("renewsFrom", renewsFrom);
        }
        return m;
    }

    @Test
    void aRenewalNamingNeitherItsExpiryNorAKeyIsRefused() {
        String c = customerWith("1000.00");
        String app = app(c);
        customer(c).body(renewal(1, null)).post("/api/renewals/" + app).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("renewsFrom"),
                        "errors[0].message", containsString("Idempotency-Key"));
        assertEquals("700.00", balance(c));
        assertEquals(0, renewals(app));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2026-12-25T10:00:00Z"));
    }

    @Test
    void aSecondClickNamingTheSameExpiryAnswers409() throws Exception {
        String c = customerWith("1000.00");
        String app = app(c);
        Map<String, Object> click = renewal(1, "2026-12-25T10:00:00Z");
        customer(c).body(click).post("/api/renewals/" + app).then().statusCode(201)
                .body("app.expiresAt", is("2027-01-25T10:00:00Z"));
        customer(c).body(click).post("/api/renewals/" + app).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("renewed meanwhile"));
        assertEquals("400.00", balance(c));
        assertEquals(1, renewals(app));

        // eight clicks at once on the renewed term: one renews, the others answer 409
        Map<String, Object> next = renewal(1, "2027-01-25T10:00:00Z");
        List<Integer> codes = AtOnce.run(8, () -> customer(c).body(next).post("/api/renewals/" + app).statusCode());
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), codes.toString());
        assertEquals(7, codes.stream().filter(x -> x == 409).count(), codes.toString());
        assertEquals("100.00", balance(c));
        assertEquals(2, renewals(app));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-02-25T10:00:00Z"));
    }

    @Test
    void anIdempotencyKeyReplaysTheRenewal() throws Exception {
        String c = customerWith("2000.00");
        String app = app(c);
        String key = "renew-" + UUID.randomUUID();
        Response first = customer(c).header("Idempotency-Key", key).body(renewal(1, null)).post("/api/renewals/" + app);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("order.amountDue", is(300.00f), "app.expiresAt", is("2027-01-25T10:00:00Z"));
        String orderId = first.path("order.id");

        // the retry answers the same renewal and pays nothing again
        customer(c).header("Idempotency-Key", key).body(renewal(1, null)).post("/api/renewals/" + app).then()
                .statusCode(201).header("Idempotent-Replayed", "true").header("Location", endsWith("/api/orders/" + orderId))
                .body("order.id", is(orderId), "quote.amountDue", is(300.00f),
                        "quote.newExpiry", is("2027-01-25T10:00:00Z"), "app.expiresAt", is("2027-01-25T10:00:00Z"));
        assertEquals("1400.00", balance(c));
        assertEquals(2, payments(c)); // the purchase and one renewal
        assertEquals(1, renewals(app));

        // the same key with another body is refused and changes nothing
        customer(c).header("Idempotency-Key", key).body(renewal(2, null)).post("/api/renewals/" + app).then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));
        customer(c).header("Idempotency-Key", key).body(renewal(1, "2027-01-25T10:00:00Z")).post("/api/renewals/" + app)
                .then().statusCode(422);
        String other = app(c);
        customer(c).header("Idempotency-Key", key).body(renewal(1, null)).post("/api/renewals/" + other).then()
                .statusCode(422);
        assertEquals("1100.00", balance(c));
        assertEquals(0, renewals(other));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-01-25T10:00:00Z"));

        // eight requests at once with one key: one renewal, seven replays of it
        String shared = "renew-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(8, () -> customer(c).header("Idempotency-Key", shared)
                .body(renewal(1, null)).post("/api/renewals/" + app));
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOnce.statuses(answers));
        assertEquals(1, answers.stream().map(r -> r.path("order.id")).distinct().count());
        assertEquals(7, AtOnce.replayed(answers));
        assertEquals("800.00", balance(c));
        assertEquals(2, renewals(app));
        customer(c).get("/api/apps/" + app).then().body("expiresAt", is("2027-02-25T10:00:00Z"));

        // a key belongs to the caller's account: another buyer may use the same one
        String b = customerWith("1000.00");
        String theirs = app(b);
        customer(b).header("Idempotency-Key", key).body(renewal(1, null)).post("/api/renewals/" + theirs).then()
                .statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals("400.00", balance(b));
    }
}
