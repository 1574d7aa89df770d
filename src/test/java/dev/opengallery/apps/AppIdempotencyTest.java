package dev.opengallery.apps;

import static dev.opengallery.apps.AppFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.support.AtOnce;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Upgrades, capacity expansions and unsubscriptions with an Idempotency-Key: a retry replays the first answer and
 * moves no money again, the key with another request is refused (422) and changes nothing, and concurrent requests
 * with one key act once.
 */
@QuarkusTest
class AppIdempotencyTest {

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

    String balance(String c) {
        return new BigDecimal(customer(c).get("/api/account").then().extract().jsonPath().getString("balance"))
                .setScale(2).toPlainString();
    }

    long orders(String app, String kind) {
        return count(pool, "select count(*) from customer_order where subscription_id = $1 and kind = $2",
                UUID.fromString(app), kind);
    }

    long ledger(String c, String kind) {
        return count(pool, "select count(*) from ledger_entry l join account a on a.id = l.account_id "
                + "where a.subject = $1 and l.kind = $2", c, kind);
    }

    @Test
    void anUpgradeWithAKeyIsBoughtOnce() throws Exception {
        String c = customerWith("3000.00");
        String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        String other = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        Map<String, Object> toPro = Map.of("specificationId", f.pro, "paymentMethod", "BALANCE");
        String key = "up-" + UUID.randomUUID();
        Response first = customer(c).header("Idempotency-Key", key).body(toPro).post("/api/apps/" + app + "/upgrade");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("quote.fee", is(160.00f));
        String orderId = first.path("order.id");
        customer(c).header("Idempotency-Key", key).body(toPro).post("/api/apps/" + app + "/upgrade").then()
                .statusCode(201).header("Idempotent-Replayed", "true")
                .body("order.id", is(orderId), "quote.fee", is(160.00f), "app.specificationName", is("Pro"));
        assertEquals("2240.00", balance(c));
        assertEquals(3, ledger(c, "PAYMENT"));
        assertEquals(1, orders(app, "UPGRADE"));

        // the key with another body (another specification, another app) is refused and changes nothing
        customer(c).header("Idempotency-Key", key).body(Map.of("specificationId", f.plus, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(422).contentType("application/problem+json");
        customer(c).header("Idempotency-Key", key).body(toPro).post("/api/apps/" + other + "/upgrade").then()
                .statusCode(422);
        assertEquals("2240.00", balance(c));
        assertEquals(0, orders(other, "UPGRADE"));
        customer(c).get("/api/apps/" + other).then().body("specificationName", is("Basic"));

        // eight at once with one key: one upgrade order, seven replays
        String shared = "up-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(8, () -> customer(c).header("Idempotency-Key", shared).body(toPro)
                .post("/api/apps/" + other + "/upgrade"));
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOnce.statuses(answers));
        assertEquals(1, answers.stream().map(r -> r.path("order.id")).distinct().count());
        assertEquals(7, AtOnce.replayed(answers));
        assertEquals(1, orders(other, "UPGRADE"));
        assertEquals("2080.00", balance(c));
    }

    @Test
    void anExpansionWithAKeyIsBoughtOnce() throws Exception {
        String c = customerWith("1000.00");
        // LINEAR 12.00 a user a month: 9 users, 108.00
        String app = buyApp(pool, c, order(f.linear, spec(f.linear), "MONTHLY", 9, 1));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        Map<String, Object> add6 = Map.of("addedQuantity", 6, "paymentMethod", "BALANCE");
        String key = "grow-" + UUID.randomUUID();
        Response first = customer(c).header("Idempotency-Key", key).body(add6).post("/api/apps/" + app + "/expansion");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("app.quantity", is(15));
        float fee = first.path("quote.fee");
        String orderId = first.path("order.id");
        String after = balance(c);
        assertEquals(new BigDecimal("892.00").subtract(new BigDecimal(Float.toString(fee))).setScale(2).toPlainString(),
                after);
        customer(c).header("Idempotency-Key", key).body(add6).post("/api/apps/" + app + "/expansion").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("order.id", is(orderId), "app.quantity", is(15));
        assertEquals(after, balance(c));
        assertEquals(1, orders(app, "EXPANSION"));

        customer(c).header("Idempotency-Key", key).body(Map.of("addedQuantity", 7, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/expansion").then().statusCode(422).contentType("application/problem+json");
        customer(c).get("/api/apps/" + app).then().body("quantity", is(15));
        assertEquals(after, balance(c));
        assertEquals(1, orders(app, "EXPANSION"));

        String shared = "grow-" + UUID.randomUUID();
        Map<String, Object> add5 = Map.of("addedQuantity", 5, "paymentMethod", "BALANCE");
        List<Response> answers = AtOnce.run(8, () -> customer(c).header("Idempotency-Key", shared).body(add5)
                .post("/api/apps/" + app + "/expansion"));
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOnce.statuses(answers));
        assertEquals(1, answers.stream().map(r -> r.path("order.id")).distinct().count());
        assertEquals(7, AtOnce.replayed(answers));
        assertEquals(2, orders(app, "EXPANSION"));
        customer(c).get("/api/apps/" + app).then().body("quantity", is(20));
        assertEquals(3, ledger(c, "PAYMENT"));
    }

    @Test
    void anUnsubscriptionWithAKeyRefundsOnce() throws Exception {
        String c = customerWith("200.00");
        // image 30.00 + ECS 16.80 a month each, refunded in full within 5 days
        String img = buyImage(pool, c, f.image, "MONTHLY");
        String other = buyImage(pool, c, f.image, "MONTHLY");
        assertEquals("106.40", balance(c));
        String key = "unsub-" + UUID.randomUUID();
        Map<String, Object> why = Map.of("reason", "wrong image");
        customer(c).header("Idempotency-Key", key).body(why).post("/api/apps/" + img + "/unsubscribe").then()
                .statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("applied.refund", is(46.80f), "app.status", is("UNSUBSCRIBED"));
        customer(c).header("Idempotency-Key", key).body(why).post("/api/apps/" + img + "/unsubscribe").then()
                .statusCode(200).header("Idempotent-Replayed", "true")
                .body("applied.refund", is(46.80f), "applied.rule", is("FULL_REFUND"), "app.status", is("UNSUBSCRIBED"));
        assertEquals("153.20", balance(c));
        assertEquals(1, ledger(c, "REFUND"));
        // without the key a second request is what it is: the app is no longer live
        customer(c).body(why).post("/api/apps/" + img + "/unsubscribe").then().statusCode(409);

        // the key with another body or another app is refused and changes nothing
        customer(c).header("Idempotency-Key", key).body(Map.of("reason", "changed my mind"))
                .post("/api/apps/" + img + "/unsubscribe").then().statusCode(422).contentType("application/problem+json");
        customer(c).header("Idempotency-Key", key).body(why).post("/api/apps/" + other + "/unsubscribe").then()
                .statusCode(422);
        customer(c).get("/api/apps/" + other).then().body("status", is("ACTIVE"));
        assertEquals("153.20", balance(c));

        // eight at once with one key: one refund, seven replays
        String shared = "unsub-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(8, () -> customer(c).header("Idempotency-Key", shared)
                .post("/api/apps/" + other + "/unsubscribe"));
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AtOnce.statuses(answers));
        assertEquals(7, AtOnce.replayed(answers));
        answers.forEach(r -> r.then().body("applied.refund", is(46.80f), "app.status", is("UNSUBSCRIBED")));
        assertEquals("200.00", balance(c));
        assertEquals(2, ledger(c, "REFUND"));
    }
}
