package dev.opengallery.offers;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.fresh;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class OfferApiTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @Inject
    MilestoneBills bills;

    static String sellerName;
    static String saas;
    static String saasSpec;
    static String service;
    static String serviceSpec;

    @BeforeEach
    void catalogue() {
        if (sellerName == null) {
            sellerName = fresh("seller");
            profile(sellerName);
            saas = listed(sellerName, saas("Offer CRM", "x"));
            saasSpec = spec(saas);
            service = listed(sellerName, product("PROFESSIONAL_SERVICE", "DATA_MIGRATION", "Offer Migration", "x",
                    List.of(flatSpec("Project", "ONE_TIME", "5000.00"))));
            serviceSpec = spec(service);
        }
    }

    @AfterEach
    void after() {
        LedgerCheck.balancesEqualLedgers(pool);
        clock.reset();
    }

    static String spec(String product) {
        return customer("anyone").get("/api/catalog/products/" + product).then().extract().path("specifications[0].id");
    }

    static String account(String customer) {
        return customer(customer).get("/api/account").then().extract().path("id");
    }

    static Map<String, Object> offer(String customerAccount, int quantity, String type, String value) {
        Map<String, Object> o = new HashMap<>();
        o.put("customerAccountId", customerAccount);
        o.put("productId", saas);
        o.put("specificationId", saasSpec);
        o.put("billingMode", "MONTHLY");
        o.put("quantity", quantity);
        o.put("periods", 3);
        o.put("discountType", type);
        o.put("discountValue", value);
        o.put("expiresAt", "2026-12-25T00:00:00Z");
        return o;
    }

    static Map<String, Object> order(String product, String spec, String mode, int quantity, int periods, String offerId) {
        Map<String, Object> o = new HashMap<>();
        o.put("productId", product);
        o.put("specificationId", spec);
        o.put("billingMode", mode);
        o.put("quantity", quantity);
        o.put("periods", periods);
        o.put("acceptTerms", true);
        if (offerId != null) {
            o.put("offerId", offerId);
        }
        return o;
    }

    @Test
    void anOfferDiscountsTheExactOrderOnceForItsCustomerOnly() {
        String alice = fresh("alice");
        String bob = fresh("bob");
        String aliceAccount = account(alice);
        account(bob);
        // 20 users fall in 11-50 at 10.00: 10 x 20 x 3 = 600.00; 20% off = 480.00
        var created = seller(sellerName).body(offer(aliceAccount, 20, "PERCENTAGE", "20")).post("/api/seller/offers")
                .then().statusCode(201).body("status", is("ACTIVE"), "listPrice", is(600.00f), "offerPrice", is(480.00f),
                        "link", containsString("/offers/"), "productName", is("Offer CRM"))
                .extract();
        String offerId = created.path("id");
        String token = created.path("token");

        // the customer is told: inbox (and email/SMS through the outbox) carries the link
        customer(alice).get("/api/inbox").then().statusCode(200)
                .body("items.find { it.kind == 'OFFER_RECEIVED' }.link", containsString(token));
        customer(alice).get("/api/offers").then().body("items.id", hasItem(offerId));
        customer(alice).get("/api/offers/by-token/" + token).then().statusCode(200).body("quantity", is(20));
        customer(bob).get("/api/offers/by-token/" + token).then().statusCode(404);
        customer(bob).get("/api/offers").then().body("items.id", not(hasItem(offerId)));
        customer(bob).body(order(saas, saasSpec, "MONTHLY", 20, 3, offerId)).post("/api/orders").then().statusCode(404);
        // bob ordering the very same thing gets no discount
        customer(bob).body(order(saas, saasSpec, "MONTHLY", 20, 3, null)).post("/api/orders/quote").then()
                .body("amountDue", is(600.00f), "discount", is(0.00f));

        // through the offer, specification and quantity are fixed
        customer(alice).body(order(saas, saasSpec, "MONTHLY", 21, 3, offerId)).post("/api/orders").then().statusCode(422);
        String orderId = customer(alice).body(order(saas, saasSpec, "MONTHLY", 20, 3, offerId)).post("/api/orders").then()
                .statusCode(201).body("listPrice", is(600.00f), "discountAmount", is(120.00f), "amountDue", is(480.00f),
                        "offerId", is(offerId))
                .extract().path("id");
        customer(alice).get("/api/offers/" + offerId).then().body("status", is("USED"), "usedOrderId", is(orderId));
        // used once
        customer(alice).body(order(saas, saasSpec, "MONTHLY", 20, 3, offerId)).post("/api/orders").then().statusCode(409);
        customer(alice).body(order(saas, saasSpec, "MONTHLY", 20, 3, null)).post("/api/orders/quote").then()
                .body("discount", is(0.00f));
        seller(sellerName).post("/api/seller/offers/" + offerId + "/withdraw").then().statusCode(409);

        // canceling the unpaid order gives the offer back
        customer(alice).post("/api/orders/" + orderId + "/cancel").then().statusCode(200);
        customer(alice).get("/api/offers/" + offerId).then().body("status", is("ACTIVE"));
    }

    @Test
    void aMatchingOrderLinksTheOfferByItself() {
        String c = fresh("carol");
        String offerId = seller(sellerName).body(offer(account(c), 10, "FIXED_PRICE", "250.00")).post("/api/seller/offers")
                .then().statusCode(201).body("offerPrice", is(250.00f)).extract().path("id");
        customer(c).body(order(saas, saasSpec, "MONTHLY", 11, 3, null)).post("/api/orders/quote").then()
                .body("discount", is(0.00f));
        customer(c).body(order(saas, saasSpec, "MONTHLY", 10, 3, null)).post("/api/orders").then().statusCode(201)
                .body("amountDue", is(250.00f), "discountAmount", is(110.00f), "offerId", is(offerId));
    }

    @Test
    void expiredAndWithdrawnOffersGiveNothing() {
        String c = fresh("dave");
        String acc = account(c);
        String expiring = seller(sellerName).body(offer(acc, 5, "PERCENTAGE", "10")).post("/api/seller/offers").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> other = offer(acc, 6, "PERCENTAGE", "10");
        String withdrawn = seller(sellerName).body(other).post("/api/seller/offers").then().statusCode(201)
                .extract().path("id");
        seller(sellerName).post("/api/seller/offers/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("status", is("WITHDRAWN"));
        customer(c).body(order(saas, saasSpec, "MONTHLY", 6, 3, withdrawn)).post("/api/orders").then().statusCode(409);

        clock.set(java.time.Instant.parse("2026-12-25T00:00:00Z"));
        customer(c).get("/api/offers").then().body("items.id", not(hasItem(expiring)));
        customer(c).get("/api/offers?all=true").then().body("items.find { it.id == '" + expiring + "' }.status", is("EXPIRED"));
        customer(c).body(order(saas, saasSpec, "MONTHLY", 5, 3, expiring)).post("/api/orders").then().statusCode(422)
                .body("detail", containsString("expired"));
        customer(c).body(order(saas, saasSpec, "MONTHLY", 5, 3, null)).post("/api/orders/quote").then()
                .body("discount", is(0.00f));
    }

    @Test
    void badOffersAreRefused() {
        String c = account(fresh("erin"));
        String other = fresh("seller");
        profile(other);
        Object[][] cases = {
                { "discountValue", "0", "PERCENTAGE", 400 },
                { "discountValue", "100", "PERCENTAGE", 400 },
                { "discountValue", "600.00", "FIXED_PRICE", 400 },
                { "expiresAt", "2026-11-01T00:00:00Z", null, 400 },
                { "expiresAt", "2028-01-01T00:00:00Z", null, 400 },
                { "milestones", List.of(30, 30, 30), null, 400 },
                { "billingMode", "PAY_PER_USE", null, 400 },
                { "customerAccountId", UUID.randomUUID().toString(), null, 404 },
                { "quantity", 0, null, 400 },
        };
        for (Object[] k : cases) {
            Map<String, Object> o = offer(c, 20, "PERCENTAGE", "20");
            o.put((String) k[0], k[1]);
            if (k[2] != null) {
                o.put("discountType", k[2]);
            }
            seller(sellerName).body(o).post("/api/seller/offers").then().statusCode((Integer) k[3])
                    .contentType("application/problem+json");
        }
        // milestones need a supervised product
        Map<String, Object> ms = offer(c, 20, "PERCENTAGE", "20");
        ms.put("milestones", List.of(50, 50));
        seller(sellerName).body(ms).post("/api/seller/offers").then().statusCode(422);
        // another seller's product is not found
        seller(other).body(offer(c, 20, "PERCENTAGE", "20")).post("/api/seller/offers").then().statusCode(404);
        seller(other).get("/api/seller/offers").then().body("total", is(0));
        customer(fresh("x")).body(offer(c, 20, "PERCENTAGE", "20")).post("/api/seller/offers").then().statusCode(403);
    }

    @Test
    void milestonePaymentsBillEachMilestoneAsDeliveriesAreAccepted() {
        String c = fresh("frank");
        String acc = account(c);
        Map<String, Object> o = offer(acc, 1, "PERCENTAGE", "10");
        o.put("productId", service);
        o.put("specificationId", serviceSpec);
        o.put("billingMode", "ONE_TIME");
        o.put("periods", 1);
        o.put("milestones", List.of(30, 40, 30));
        String offerId = seller(sellerName).body(o).post("/api/seller/offers").then().statusCode(201)
                .body("offerPrice", is(4500.00f), "milestones", hasSize(3)).extract().path("id");
        Map<String, Object> order = order(service, serviceSpec, "ONE_TIME", 1, 1, offerId);

        // only for postpaid customers with offer credit
        customer(c).body(order).post("/api/orders").then().statusCode(422).body("detail", containsString("postpaid"));
        operator().body(Map.of("creditLimit", "100.00")).put("/api/operator/accounts/" + acc + "/credit").then().statusCode(200);
        customer(c).body(order).post("/api/orders").then().statusCode(422).body("detail", containsString("offer credit"));
        operator().body(Map.of("creditLimit", "10000.00")).put("/api/operator/accounts/" + acc + "/offer-credit").then()
                .statusCode(200).body("offerCreditLimit", is(10000.00f));

        String orderId = customer(c).body(order).post("/api/orders").then().statusCode(201)
                .body("state", is("PROCESSING"), "paymentMethod", is("MONTHLY_SETTLEMENT"), "milestone", is(true),
                        "amountDue", is(4500.00f))
                .extract().path("id");
        customer(c).get("/api/account").then().body("balance", is(0.00f), "offerCreditUsed", is(4500.00f));
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then().statusCode(200)
                .body("size()", is(1), "[0].milestone", is(1), "[0].amount", is(1350.00f), "[0].status", is("GENERATED"),
                        "[0].dueAt", is("2026-12-25T10:00:00Z"));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + orderId + "/pay").then().statusCode(409);

        // accepting milestone 1's delivery generates bill 2 (service supervision calls this)
        clock.advance(Duration.ofDays(10));
        accept(orderId, 1);
        accept(orderId, 1); // idempotent
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then().body("size()", is(2), "[0].milestone", is(2),
                "[0].amount", is(1800.00f), "[0].dueAt", is("2027-01-04T10:00:00Z"));

        // paying bill 1 from the balance gives the offer credit back
        String bill1 = customer(c).get("/api/milestone-bills?orderId=" + orderId).then().extract().path("[1].id");
        customer(c).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill1 + "/pay").then().statusCode(422);
        operator().body(Map.of("amount", "2000.00")).post("/api/operator/accounts/" + acc + "/top-up").then().statusCode(200);
        customer(c).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill1 + "/pay").then().statusCode(200)
                .body("status", is("PAID"));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill1 + "/pay").then().statusCode(409);
        customer(c).get("/api/account").then().body("balance", is(650.00f), "offerCreditUsed", is(3150.00f));
        customer(fresh("other")).body(Map.of("method", "BALANCE")).post("/api/milestone-bills/" + bill1 + "/pay").then()
                .statusCode(404);

        accept(orderId, 2);
        String csv = customer(c).get("/api/milestone-bills.csv?orderId=" + orderId).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(4, csv.split("\r\n").length, csv);
        assertEquals(true, csv.contains(",1,3,30.00,1350.00,USD,PAID,"), csv);
        assertEquals(true, csv.contains(",3,3,30.00,1350.00,USD,GENERATED,"), csv);

        // 30 days after bill 2 was generated it is overdue
        clock.advance(Duration.ofDays(29));
        operator().post("/api/operator/jobs/overdue-milestone-bills/run").then().statusCode(200);
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then().body("findAll { it.status == 'OVERDUE' }.size()", is(0));
        clock.advance(Duration.ofDays(1));
        operator().post("/api/operator/jobs/overdue-milestone-bills/run").then().statusCode(200).body("moved", greaterThanOrEqualTo(1));
        customer(c).get("/api/milestone-bills?orderId=" + orderId).then()
                .body("find { it.milestone == 2 }.status", is("OVERDUE"), "find { it.milestone == 1 }.status", is("PAID"));
    }

    private void accept(String orderId, int milestone) {
        db.transaction(conn -> bills.onMilestoneAccepted(conn, UUID.fromString(orderId), milestone)).await()
                .indefinitely();
    }
}
