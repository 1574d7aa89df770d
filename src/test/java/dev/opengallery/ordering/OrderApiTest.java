package dev.opengallery.ordering;

import static dev.opengallery.ordering.OrderFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
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

import dev.opengallery.payments.Idempotency;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.TestComputeResource;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OrderApiTest {

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

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
        clock.reset();
    }

    long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aSaasOrderIsPaidFromTheBalanceAndBecomesAPurchasedApp() {
        String c = customerWith("500.00");
        // TIERED: 20 users at 10.00, 3 months = 600.00 > 500.00
        customer(c).body(order(f.saas, f.saasSpec, "MONTHLY", 20)).post("/api/orders/quote").then().statusCode(200)
                .body("amountDue", is(200.00f), "unitPrice", is(10.00f), "tier.from", is(11));
        Map<String, Object> body = order(f.saas, f.saasSpec, "MONTHLY", 20);
        body.put("periods", 3);
        String id = customer(c).body(body).post("/api/orders").then().statusCode(201)
                .header("Location", containsString("/api/orders/"))
                .body("state", is("PENDING_PAYMENT"), "amountDue", is(600.00f), "listPrice", is(600.00f),
                        "events[0].toState", is("PENDING_PAYMENT"), "termsAcceptedAt", notNullValue())
                .extract().path("id");

        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(422)
                .contentType("application/problem+json");
        customer(c).get("/api/account").then().body("balance", is(500.00f));
        customer(c).get("/api/orders/" + id).then().body("state", is("PENDING_PAYMENT"));

        operator().body(Map.of("amount", "100.00", "reference", "bank-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + accountId(c) + "/top-up").then().statusCode(200).body("balance", is(600.00f));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(200)
                .body("state", is("COMPLETED"), "paymentMethod", is("BALANCE"), "paidAt", notNullValue(),
                        "events.toState", contains("PENDING_PAYMENT", "COMPLETED"));
        customer(c).get("/api/account").then().body("balance", is(0.00f));
        customer(c).get("/api/account/ledger").then().body("total", is(3), "items[0].kind", is("PAYMENT"),
                "items[0].amount", is(-600.00f), "items[0].balanceAfter", is(0.00f));
        assertEquals(1, count("select count(*) from subscription where order_id = $1 and visible and status = 'ACTIVE' "
                + "and expires_at = starts_at + interval '3 months'", UUID.fromString(id)));
        assertEquals(0, count("select count(*) from service_flow where order_id = $1", UUID.fromString(id)));

        // paying twice, canceling a paid order: 409, nothing moves
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(409)
                .body("currentState", is("COMPLETED"));
        customer(c).post("/api/orders/" + id + "/cancel").then().statusCode(409);
        customer(c).get("/api/account/ledger").then().body("total", is(3));
    }

    @Test
    void creditPaymentNeedsAnOperatorsCreditLimit() {
        String c = customerWith(null);
        String id = customer(c).body(order(f.license, OrderFixtures.spec(f.license), "ONE_TIME", null))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        customer(c).body(Map.of("method", "CREDIT")).post("/api/orders/" + id + "/pay").then().statusCode(422);
        String account = accountId(c);
        operator().body(Map.of("creditLimit", "1000.00")).put("/api/operator/accounts/" + account + "/credit").then()
                .statusCode(200).body("creditLimit", is(1000.00f), "availableCredit", is(1000.00f));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(422);
        // a license is supervised: the order stays PROCESSING and a flow waits for the seller
        customer(c).body(Map.of("method", "CREDIT")).post("/api/orders/" + id + "/pay").then().statusCode(200)
                .body("state", is("PROCESSING"), "paymentMethod", is("CREDIT"));
        customer(c).get("/api/account").then().body("balance", is(-300.00f), "availableCredit", is(700.00f));
        assertEquals(1, count("select count(*) from service_flow where order_id = $1 and state = 'WAITING_FOR_SELLER'",
                UUID.fromString(id)));
        // the limit cannot drop below what is owed
        operator().body(Map.of("creditLimit", "100.00")).put("/api/operator/accounts/" + account + "/credit").then()
                .statusCode(422);
        // a top-up pays the debt back first
        operator().body(Map.of("amount", "350.00")).post("/api/operator/accounts/" + account + "/top-up").then()
                .body("balance", is(50.00f));
    }

    @Test
    void servicesAndSupervisedSaasOpenAFlowAndWaitForTheRequest() {
        String c = customerWith("5000.00");
        Map<String, Object> svc = order(f.service, OrderFixtures.spec(f.service), "ONE_TIME", null);
        svc.put("paymentMethod", "BALANCE");
        String id = customer(c).body(svc).post("/api/orders").then().statusCode(201)
                .body("state", is("PROCESSING"), "supervised", is(true)).extract().path("id");
        assertEquals(1, count("select count(*) from service_flow where order_id = $1 and state = 'WAITING_FOR_REQUEST'",
                UUID.fromString(id)));
        Map<String, Object> sup = order(f.supervisedSaas, OrderFixtures.spec(f.supervisedSaas), "MONTHLY", 5);
        sup.put("paymentMethod", "BALANCE");
        String saasOrder = customer(c).body(sup).post("/api/orders").then().statusCode(201)
                .body("state", is("PROCESSING")).extract().path("id");
        // not among purchased apps until supervision completes
        assertEquals(1, count("select count(*) from subscription where order_id = $1 and not visible",
                UUID.fromString(saasOrder)));
    }

    @Test
    void ordersNeedTermsAndContactAuthorisation() {
        String c = customerWith("500.00");
        Map<String, Object> noTerms = order(f.saas, f.saasSpec, "MONTHLY", 1);
        noTerms.remove("acceptTerms");
        customer(c).body(noTerms).post("/api/orders").then().statusCode(400).body("errors.field", hasItem("acceptTerms"));
        Map<String, Object> contact = order(f.contactSaas, OrderFixtures.spec(f.contactSaas), "MONTHLY", 1);
        customer(c).body(contact).post("/api/orders").then().statusCode(422).body("detail", containsString("contactAuthorization"));
        contact.put("contactAuthorization", true);
        customer(c).body(contact).post("/api/orders").then().statusCode(201).body("contactAuthorized", is(true));
        Map<String, Object> badMode = order(f.saas, f.saasSpec, "ONE_TIME", 1);
        customer(c).body(badMode).post("/api/orders").then().statusCode(422);
        Map<String, Object> tooMany = order(f.saas, f.saasSpec, "MONTHLY", 0);
        customer(c).body(tooMany).post("/api/orders").then().statusCode(400);
        customer(c).body(order(UUID.randomUUID().toString(), f.saasSpec, "MONTHLY", 1)).post("/api/orders").then()
                .statusCode(404);
        customer(c).get("/api/orders").then().body("total", is(1));
    }

    @Test
    void imageOrdersNeedAVpcAndAStrongPasswordAndGetAnEcs() {
        String c = customerWith("1000.00");
        Map<String, Object> o = order(f.image, f.imageSpec, "MONTHLY", null);
        o.put("ecs", ecs(UUID.randomUUID().toString(), null));
        customer(c).body(o).post("/api/orders").then().statusCode(422).body("detail", containsString("no VPC"));
        String vpc = vpc(c);
        Map<String, Object> weak = order(f.image, f.imageSpec, "MONTHLY", null);
        Map<String, Object> weakEcs = ecs(vpc, null);
        weakEcs.put("password", "password");
        weak.put("ecs", weakEcs);
        customer(c).body(weak).post("/api/orders").then().statusCode(400).body("errors.field", hasItem("ecs.password"))
                .body(not(containsString("\"password\"")));
        Map<String, Object> badGroup = order(f.image, f.imageSpec, "MONTHLY", null);
        Map<String, Object> groupEcs = ecs(vpc, null);
        groupEcs.put("securityGroup", "open-to-the-world");
        badGroup.put("ecs", groupEcs);
        customer(c).body(badGroup).post("/api/orders").then().statusCode(400).body("errors.field", hasItem("ecs.securityGroup"));

        // quote: image 30.00 x 2 + ECS s6.medium.2 16.80 x 2
        Map<String, Object> monthly = order(f.image, f.imageSpec, "MONTHLY", null);
        monthly.put("periods", 2);
        monthly.put("ecs", ecs(vpc, null));
        customer(c).body(monthly).post("/api/orders/quote").then().statusCode(200)
                .body("imageFee", is(60.00f), "ecsFee", is(33.60f), "amountDue", is(93.60f), "ecsFlavor", is("s6.medium.2"));
        monthly.put("paymentMethod", "BALANCE");
        int before = TestComputeResource.REQUESTS.size();
        String id = customer(c).body(monthly).post("/api/orders").then().statusCode(201)
                .body("state", is("COMPLETED"), "ecs.ecsId", startsWith("ecs-"), "amountDue", is(93.60f))
                .body(not(containsString("Gallery#2026")))
                .extract().path("id");
        assertEquals("Gallery#2026", TestComputeResource.REQUESTS.get(before).getString("password"));
        assertEquals(0, count("select count(*) from customer_order where ecs::text like '%Gallery#2026%'"));
        assertEquals(0, count("select count(*) from idempotent_request where response_body like '%Gallery#2026%'"));
        assertEquals(1, count("select count(*) from subscription where order_id = $1 and ecs_id is not null", UUID.fromString(id)));
        customer(c).get("/api/account").then().body("balance", is(906.40f));

        // pay-per-use: nothing paid now, the ECS is created at once
        Map<String, Object> ppu = order(f.image, f.imageSpec, "PAY_PER_USE", null);
        ppu.put("ecs", ecs(vpc, "shop-ppu-1"));
        customer(c).body(ppu).post("/api/orders").then().statusCode(201)
                .body("state", is("COMPLETED"), "amountDue", is(0.00f), "ecs.flavor", is("s6.large.2"),
                        "ecs.name", is("shop-ppu-1"), "paymentMethod", nullValue());
        customer(c).get("/api/account").then().body("balance", is(906.40f));
    }

    @Test
    void aProvisioningFailureCancelsTheOrderAndRefunds() {
        String c = customerWith("200.00");
        String vpc = vpc(c);
        Map<String, Object> o = order(f.image, f.imageSpec, "MONTHLY", null);
        o.put("ecs", ecs(vpc, "fail-web-1"));
        String id = customer(c).body(o).post("/api/orders").then().statusCode(201).body("state", is("PENDING_PAYMENT"))
                .extract().path("id");
        // image paid after placing: the password is given again (it is never stored)
        customer(c).body(Map.of("method", "BALANCE", "ecsPassword", "Gallery#2026")).post("/api/orders/" + id + "/pay")
                .then().statusCode(200).body("state", is("CANCELED"), "cancelReason", containsString("Provisioning failed"),
                        "events.toState", contains("PENDING_PAYMENT", "PROCESSING", "CANCELED"));
        customer(c).get("/api/account").then().body("balance", is(200.00f));
        customer(c).get("/api/account/ledger").then().body("items.kind", contains("REFUND", "PAYMENT", "TOP_UP"));
        assertEquals(0, count("select count(*) from subscription where order_id = $1 and status = 'ACTIVE'", UUID.fromString(id)));
    }

    @Test
    void aResellersCustomerDoesNotPay() {
        String c = customerWith(null);
        operator().body(Map.of("reseller", "Acme Partners")).put("/api/operator/accounts/" + accountId(c) + "/reseller")
                .then().statusCode(200).body("reseller", is("Acme Partners"));
        customer(c).body(order(f.saas, f.saasSpec, "YEARLY", 5)).post("/api/orders/quote").then()
                .body("paidByReseller", is(true), "amountDue", is(600.00f));
        customer(c).body(order(f.saas, f.saasSpec, "YEARLY", 5)).post("/api/orders").then().statusCode(201)
                .body("state", is("COMPLETED"), "paidByReseller", is(true), "reseller", is("Acme Partners"),
                        "paymentMethod", is("RESELLER"), "amountDue", is(600.00f));
        customer(c).get("/api/account").then().body("balance", is(0.00f));
        customer(c).get("/api/account/ledger").then().body("total", is(0));
    }

    @Test
    void ordersBelongToTheirBuyerAndSeller() {
        String c = customerWith("100.00");
        String other = customerWith("100.00");
        String id = customer(c).body(order(f.saas, f.saasSpec, "MONTHLY", 1)).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        customer(other).get("/api/orders/" + id).then().statusCode(404);
        customer(other).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(404);
        customer(other).post("/api/orders/" + id + "/cancel").then().statusCode(404);
        customer(other).get("/api/orders").then().body("items.id", not(hasItem(id)));
        seller(f.seller).get("/api/seller/orders/" + id).then().statusCode(200).body("productId", is(f.saas));
        seller(Tokens.fresh("seller")).get("/api/seller/orders/" + id).then().statusCode(404);
        operator().get("/api/operator/orders/" + id).then().statusCode(200);
        customer(c).get("/api/orders?state=PENDING_PAYMENT&type=SAAS").then().body("items.id", hasItem(id));
        customer(c).get("/api/orders?state=COMPLETED").then().body("items.id", not(hasItem(id)));
        customer(c).get("/api/orders?from=2026-11-25&to=2026-11-26").then().body("items.id", hasItem(id));
        customer(c).get("/api/orders?from=2026-11-26").then().body("items.id", not(hasItem(id)));
        customer(c).get("/api/orders?from=yesterday").then().statusCode(400);
        customer(c).get("/api/orders?state=SHIPPED").then().statusCode(400);
        customer(c).post("/api/orders/" + id + "/cancel").then().statusCode(200).body("state", is("CANCELED"));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(409)
                .body("detail", containsString("canceled"));
        customer(c).get("/api/account").then().body("balance", is(100.00f));
    }

    @Test
    void concurrentPaymentsOfOneOrderMoveMoneyOnce() throws Exception {
        String c = customerWith("1000.00");
        String id = customer(c).body(order(f.saas, f.saasSpec, "MONTHLY", 10)).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        List<Integer> codes = parallel(12, () -> customer(c).body(Map.of("method", "BALANCE"))
                .post("/api/orders/" + id + "/pay").then().extract().statusCode());
        assertEquals(1, codes.stream().filter(s -> s == 200).count(), codes.toString());
        assertEquals(11, codes.stream().filter(s -> s == 409).count(), codes.toString());
        customer(c).get("/api/account").then().body("balance", is(880.00f));
        assertEquals(1, count("select count(*) from ledger_entry where order_id = $1", UUID.fromString(id)));
    }

    @Test
    void idempotencyKeysGiveOneOrder() throws Exception {
        String c = customerWith("1000.00");
        Map<String, Object> body = order(f.saas, f.saasSpec, "MONTHLY", 3);
        String key = UUID.randomUUID().toString();
        String first = customer(c).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        customer(c).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", is(first));
        Map<String, Object> other = order(f.saas, f.saasSpec, "MONTHLY", 4);
        customer(c).header("Idempotency-Key", key).body(other).post("/api/orders").then().statusCode(422);

        String shared = UUID.randomUUID().toString();
        List<String> ids = parallel(8, () -> customer(c).header("Idempotency-Key", shared).body(body).post("/api/orders")
                .then().statusCode(201).extract().path("id"));
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        customer(c).get("/api/orders").then().body("total", is(2));

        // paying with a key: a retry replays, money moves once
        String payKey = UUID.randomUUID().toString();
        List<Integer> pays = parallel(6, () -> customer(c).header("Idempotency-Key", payKey)
                .body(Map.of("method", "BALANCE")).post("/api/orders/" + first + "/pay").then().extract().statusCode());
        assertFalse(pays.contains(409), pays.toString());
        customer(c).get("/api/account").then().body("balance", is(964.00f));
        customer(c).header("Idempotency-Key", "k".repeat(201)).body(body).post("/api/orders").then().statusCode(400);
    }

    @Test
    void unpaidOrdersAreCanceledAfter24Hours() {
        String c = customerWith(null);
        String id = customer(c).body(order(f.saas, f.saasSpec, "MONTHLY", 1)).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        operator().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200).body("job", is("unpaid-orders"));
        customer(c).get("/api/orders/" + id).then().body("state", is("PENDING_PAYMENT"));
        clock.advance(Duration.ofMinutes(1));
        operator().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200).body("moved", greaterThanOrEqualTo(1));
        customer(c).get("/api/orders/" + id).then().body("state", is("CANCELED"),
                "cancelReason", is("not paid within 24 hours"), "events[1].actorRole", is("system"));
        operator().post("/api/operator/jobs/unpaid-orders/run").then().statusCode(200).body("moved", is(0));
        customer(c).body(Map.of("method", "BALANCE")).post("/api/orders/" + id + "/pay").then().statusCode(409);
    }

    @Test
    void thePaymentProviderCreditsEachReferenceOnce() {
        String c = customerWith(null);
        String account = accountId(c);
        String ref = "pay_" + UUID.randomUUID();
        Tokens.as("payment-provider", "payment").body(Map.of("accountId", account, "amount", "25.00", "reference", ref))
                .post("/api/payments/top-ups").then().statusCode(200).body("credited", is(true), "account.balance", is(25.00f));
        Tokens.as("payment-provider", "payment").body(Map.of("accountId", account, "amount", "25.00", "reference", ref))
                .post("/api/payments/top-ups").then().statusCode(200).body("credited", is(false), "account.balance", is(25.00f));
        customer(c).body(Map.of("accountId", account, "amount", "25.00", "reference", "x")).post("/api/payments/top-ups")
                .then().statusCode(403);
        Tokens.as("payment-provider", "payment").body(Map.of("accountId", account, "amount", "-5", "reference", "y"))
                .post("/api/payments/top-ups").then().statusCode(400);
        Tokens.as("payment-provider", "payment").body(Map.of("accountId", UUID.randomUUID(), "amount", "5", "reference", "z"))
                .post("/api/payments/top-ups").then().statusCode(404);
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> fut : futures) {
                out.add(fut.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
