package dev.opengallery.ordering;

import static dev.opengallery.ordering.OrderFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.payments.Idempotency;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Orders placed and paid, and the money they bring, move the business counters once the payment commits. */
@QuarkusTest
class OrderMetricsTest {

    @Inject
    Pool pool;

    static OrderFixtures f;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new OrderFixtures();
        }
    }

    @AfterEach
    void ledgerIsConsistent() {
        LedgerCheck.balancesEqualLedgers(pool);
    }

    static double placed(String type, String method) {
        return Scrape.value("opengallery_orders_placed_total", "product_type=" + type, "kind=NEW", "payment_method=" + method);
    }

    static double paid(String type, String method) {
        return Scrape.value("opengallery_orders_paid_total", "product_type=" + type, "kind=NEW", "payment_method=" + method);
    }

    static double revenue(String currency, String method) {
        return Scrape.value("opengallery_orders_revenue_total", "currency=" + currency, "payment_method=" + method);
    }

    @Test
    void placingAndPayingAnOrderCountsItAndItsAmount() {
        String c = customerWith("1000.00");
        double placedUnpaid = placed("LICENSE", "NONE");
        double paidBalance = paid("LICENSE", "BALANCE");
        double usd = revenue("USD", "BALANCE");

        String id = customer(c).body(order(f.license, OrderFixtures.spec(f.license), "ONE_TIME", null))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        assertEquals(placedUnpaid + 1, placed("LICENSE", "NONE"));
        assertEquals(paidBalance, paid("LICENSE", "BALANCE"));

        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(200);
        assertEquals(paidBalance + 1, paid("LICENSE", "BALANCE"));
        assertEquals(usd + 300.00, revenue("USD", "BALANCE"), 0.001);
    }

    @Test
    void payNowCountsPlacedAndPaidOnceAndAReplayCountsNothing() {
        String c = customerWith("1000.00");
        double placedBalance = placed("SAAS", "BALANCE");
        double paidBalance = paid("SAAS", "BALANCE");
        double usd = revenue("USD", "BALANCE");
        Map<String, Object> body = order(f.saas, f.saasSpec, "MONTHLY", 20);
        body.put("paymentMethod", "BALANCE");
        String key = UUID.randomUUID().toString();
        customer(c).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201);
        customer(c).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(placedBalance + 1, placed("SAAS", "BALANCE"));
        assertEquals(paidBalance + 1, paid("SAAS", "BALANCE"));
        assertEquals(usd + 200.00, revenue("USD", "BALANCE"), 0.001);
    }

    @Test
    void aPaymentThatRollsBackCountsNothing() {
        String c = customerWith("10.00");
        String id = customer(c).body(order(f.license, OrderFixtures.spec(f.license), "ONE_TIME", null))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        double paidBalance = paid("LICENSE", "BALANCE");
        double usd = revenue("USD", "BALANCE");
        // 300.00 due, 10.00 on the balance: the ledger refuses, the transaction rolls back
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(422);
        Map<String, Object> body = order(f.license, OrderFixtures.spec(f.license), "ONE_TIME", null);
        body.put("paymentMethod", "BALANCE");
        double placedBalance = placed("LICENSE", "BALANCE");
        customer(c).body(body).post("/api/orders").then().statusCode(422);
        assertEquals(paidBalance, paid("LICENSE", "BALANCE"));
        assertEquals(placedBalance, placed("LICENSE", "BALANCE"));
        assertEquals(usd, revenue("USD", "BALANCE"), 0.001);
    }
}
