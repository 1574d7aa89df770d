package dev.opengallery.offers;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.AtOnce;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Paying a milestone bill with an Idempotency-Key: a retry replays the answer, money moves once. */
@QuarkusTest
class BillIdempotencyTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @Inject
    MilestoneBills bills;

    @AfterEach
    void books() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    long settlements(String account) {
        return pool.preparedQuery("select count(*) from ledger_entry where account_id = $1 and kind = 'SETTLEMENT'")
                .execute(Tuple.of(UUID.fromString(account))).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aBillPaidWithAKeyIsPaidOnce() throws Exception {
        // a 5000.00 service offered at 10 % off (4500.00) in two milestones of 2250.00
        String s = fresh("billseller");
        profile(s);
        String service = listed(s, product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Bill Migration", "x",
                List.of(flatSpec("Project", "ONE_TIME", "5000.00"))));
        String spec = customer("anyone").get("/api/catalog/products/" + service).then().extract()
                .path("specifications[0].id");
        String c = fresh("billbuyer");
        String acc = customer(c).get("/api/account").then().extract().path("id");
        operator().body(Map.of("creditLimit", "100.00")).put("/api/operator/accounts/" + acc + "/credit").then()
                .statusCode(200);
        operator().body(Map.of("creditLimit", "10000.00")).put("/api/operator/accounts/" + acc + "/offer-credit")
                .then().statusCode(200);
        Map<String, Object> offer = new HashMap<>(Map.of("customerAccountId", acc, "productId", service,
                "specificationId", spec, "billingMode", "ONE_TIME", "quantity", 1, "periods", 1,
                "discountType", "PERCENTAGE", "discountValue", "10", "expiresAt", "2026-12-25T00:00:00Z"));
        offer.put("milestones", List.of(50, 50));
        String offerId = seller(s).body(offer).post("/api/seller/offers").then().statusCode(201).extract().path("id");
        String orderId = customer(c).body(Map.of("productId", service, "specificationId", spec, "billingMode",
                "ONE_TIME", "quantity", 1, "periods", 1, "acceptTerms", true, "offerId", offerId))
                .post("/api/orders").then().statusCode(201).body("milestone", is(true)).extract().path("id");
        db.transaction(conn -> bills.onMilestoneAccepted(conn, UUID.fromString(orderId), 1)).await()
                .indefinitely();
        var list = customer(c).get("/api/milestone-bills?orderId=" + orderId).then().statusCode(200)
                .body("size()", is(2)).extract();
        String bill1 = list.path("find { it.milestone == 1 }.id");
        String bill2 = list.path("find { it.milestone == 2 }.id");
        operator().body(Map.of("amount", "5000.00", "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(200);

        String key = "bill-" + UUID.randomUUID();
        Map<String, Object> fromBalance = Map.of("method", "BALANCE");
        Response first = customer(c).header("Idempotency-Key", key).body(fromBalance)
                .post("/api/milestone-bills/" + bill1 + "/pay");
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("status", is("PAID"), "amount", is(2250.00f));
        String paidAt = first.path("paidAt");
        customer(c).header("Idempotency-Key", key).body(fromBalance).post("/api/milestone-bills/" + bill1 + "/pay")
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", is(bill1), "status", is("PAID"), "paidAt", is(paidAt));
        assertEquals(1, settlements(acc));
        customer(c).get("/api/account").then().body("balance", is(2750.00f), "offerCreditUsed", is(2250.00f));
        // without the key, paying again is what it is: 409
        customer(c).body(fromBalance).post("/api/milestone-bills/" + bill1 + "/pay").then().statusCode(409);

        // the key on another bill is refused and pays nothing
        customer(c).header("Idempotency-Key", key).body(fromBalance).post("/api/milestone-bills/" + bill2 + "/pay")
                .then().statusCode(422).contentType("application/problem+json");
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then()
                .body("find { it.id == '" + bill2 + "' }.status", is("GENERATED"));
        assertEquals(1, settlements(acc));

        // eight at once with one key: one payment, seven replays
        String shared = "bill-" + UUID.randomUUID();
        List<Response> answers = AtOnce.run(8, () -> customer(c).header("Idempotency-Key", shared).body(fromBalance)
                .post("/api/milestone-bills/" + bill2 + "/pay"));
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AtOnce.statuses(answers));
        assertEquals(7, AtOnce.replayed(answers));
        answers.forEach(r -> r.then().body("status", is("PAID")));
        assertEquals(2, settlements(acc));
        customer(c).get("/api/account").then().body("balance", is(500.00f), "offerCreditUsed", is(0.00f));
    }
}
