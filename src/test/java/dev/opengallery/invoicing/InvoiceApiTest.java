package dev.opengallery.invoicing;

import static dev.opengallery.apps.AppFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
class InvoiceApiTest {

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

    static Map<String, Object> apply(String... orderIds) {
        return new HashMap<>(Map.of("orderIds", List.of(orderIds), "title", "Acme Ltd.", "taxId", "DE123456789"));
    }

    static String invoiceStateOf(String customer, String orderId) {
        return customer(customer).get("/api/orders/" + orderId).then().statusCode(200).extract().path("invoiceState");
    }

    @Test
    void applyIssueReturnAndApplyAgain() {
        String c = customerWith("5000.00");
        String first = buy(c, order(f.saas, f.basic, "MONTHLY", null, 1));
        String app = subscriptionOf(pool, first);
        String renewal = customer(c).body(Map.of("periods", 1, "paymentMethod", "BALANCE", "renewsFrom",
                "2026-12-25T10:00:00Z")).post("/api/renewals/" + app)
                .then().statusCode(201).extract().path("order.id");
        String license = buy(c, order(f.license, spec(f.license), "YEARLY", null, 1));

        String id = customer(c).body(apply(first, renewal)).post("/api/invoices").then().statusCode(201)
                .header("Location", containsString("/api/invoices/"))
                .body("state", is("REQUESTED"), "amount", is(600.00f), "currency", is("USD"), "title", is("Acme Ltd."),
                        "taxId", is("DE123456789"), "number", nullValue(), "orders", hasSize(2),
                        "orders.kind", containsInAnyOrder("NEW", "RENEWAL"), "history[0].toState", is("REQUESTED"))
                .extract().path("id");
        assertEquals("REQUESTED", invoiceStateOf(c, first));
        assertEquals("REQUESTED", invoiceStateOf(c, renewal));
        assertEquals("NONE", invoiceStateOf(c, license));

        // an order is on one live invoice at most
        customer(c).body(apply(first)).post("/api/invoices").then().statusCode(409).contentType("application/problem+json");
        customer(c).body(apply(license, license)).post("/api/invoices").then().statusCode(400);
        customer(c).body(apply()).post("/api/invoices").then().statusCode(400);
        Map<String, Object> untitled = apply(license);
        untitled.remove("title");
        customer(c).body(untitled).post("/api/invoices").then().statusCode(400).body("errors[0].field", is("title"));
        String other = customerWith("1000.00");
        customer(other).body(apply(license)).post("/api/invoices").then().statusCode(404);
        customer(other).get("/api/invoices/" + id).then().statusCode(404);
        customer(other).post("/api/invoices/" + id + "/return").then().statusCode(404);
        Map<String, Object> unpaid = order(f.saas, f.pro, "MONTHLY", null, 1);
        unpaid.remove("paymentMethod");
        String pending = buy(c, unpaid);
        customer(c).body(apply(pending)).post("/api/invoices").then().statusCode(422)
                .body("detail", containsString("not paid"));

        customer(c).get("/api/invoices").then().statusCode(200).body("total", is(1), "items[0].id", is(id),
                "items[0].history", nullValue());
        customer(c).get("/api/invoices?state=ISSUED").then().body("total", is(0));
        customer(c).get("/api/invoices?state=LOST").then().statusCode(400);
        customer(c).get("/api/invoices/" + id).then().statusCode(200).body("orders.orderId", hasItems(first, renewal));
        customer(c).post("/api/invoices/" + id + "/reapply").then().statusCode(409).body("currentState", is("REQUESTED"));

        // the operator issues it with a number, once
        String number = "OG-" + UUID.randomUUID();
        operator().get("/api/operator/invoices?state=REQUESTED&accountId=" + accountId(c)).then().statusCode(200)
                .body("items.id", hasItem(id));
        operator().body(Map.of("number", " ")).post("/api/operator/invoices/" + id + "/issue").then().statusCode(400);
        operator().body(Map.of("number", number)).post("/api/operator/invoices/" + id + "/issue").then().statusCode(200)
                .body("state", is("ISSUED"), "number", is(number), "issuedAt", notNullValue());
        operator().body(Map.of("number", number)).post("/api/operator/invoices/" + id + "/issue").then().statusCode(409)
                .body("currentState", is("ISSUED"));
        assertEquals("ISSUED", invoiceStateOf(c, first));
        customer(c).get("/api/inbox").then().body("items.kind", hasItem("INVOICE_ISSUED"));
        String second = customer(c).body(apply(license)).post("/api/invoices").then().statusCode(201)
                .body("amount", is(1200.00f)).extract().path("id");
        operator().body(Map.of("number", number)).post("/api/operator/invoices/" + second + "/issue").then()
                .statusCode(409);
        customer(c).body(Map.of("number", "X")).post("/api/operator/invoices/" + second + "/issue").then().statusCode(403);

        // return: asked by the customer, done by the operator
        customer(c).body(Map.of("reason", "wrong tax id")).post("/api/invoices/" + id + "/return").then().statusCode(200)
                .body("state", is("RETURN_REQUESTED"), "note", is("wrong tax id"));
        assertEquals("RETURN_REQUESTED", invoiceStateOf(c, renewal));
        customer(c).post("/api/invoices/" + id + "/return").then().statusCode(409).body("currentState", is("RETURN_REQUESTED"));
        operator().body(Map.of("reason", "done")).post("/api/operator/invoices/" + id + "/return").then().statusCode(200)
                .body("state", is("RETURNED"), "returnedAt", notNullValue());
        assertEquals("RETURNED", invoiceStateOf(c, first));
        operator().post("/api/operator/invoices/" + id + "/return").then().statusCode(409);

        // the orders are free again: a new invoice over one of them
        String third = customer(c).body(apply(first)).post("/api/invoices").then().statusCode(201)
                .body("amount", is(300.00f)).extract().path("id");
        customer(c).post("/api/invoices/" + id + "/reapply").then().statusCode(409);
        // withdrawn before it was issued, then the returned invoice is requested again with a corrected tax id
        customer(c).post("/api/invoices/" + third + "/return").then().statusCode(200).body("state", is("RETURNED"));
        customer(c).body(Map.of("taxId", "DE987654321")).post("/api/invoices/" + id + "/reapply").then().statusCode(200)
                .body("state", is("REQUESTED"), "number", nullValue(), "taxId", is("DE987654321"),
                        "title", is("Acme Ltd."), "amount", is(600.00f),
                        "history.toState", contains("REQUESTED", "ISSUED", "RETURN_REQUESTED", "RETURNED", "REQUESTED"));
        assertEquals("REQUESTED", invoiceStateOf(c, first));
        assertEquals("REQUESTED", invoiceStateOf(c, renewal));
        operator().get("/api/operator/invoices/" + id).then().statusCode(200).body("accountId", is(accountId(c)));
        operator().get("/api/operator/invoices/" + UUID.randomUUID()).then().statusCode(404);
        operator().get("/api/operator/invoices?accountId=nope").then().statusCode(400);
    }

    @Test
    void ordersNothingWasPaidForCannotBeInvoiced() {
        String c = customerWith("1000.00");
        Map<String, Object> ppu = order(f.image, spec(f.image), "PAY_PER_USE", null, 1);
        ppu.remove("periods");
        ppu.remove("paymentMethod");
        ppu.put("ecs", Map.of("vpcId", customer(c).body(Map.of("name", "v-" + UUID.randomUUID(), "cidr", "10.0.0.0/16"))
                .post("/api/account/vpcs").then().statusCode(201).extract().path("id"), "securityGroup", "web-80-443",
                "password", "Gallery#2026"));
        String hourly = buy(c, ppu);
        customer(c).body(apply(hourly)).post("/api/invoices").then().statusCode(422)
                .body("detail", containsString("by the hour"));

        String resold = customerWith(null);
        operator().body(Map.of("reseller", "Partner Co")).put("/api/operator/accounts/" + accountId(resold) + "/reseller")
                .then().statusCode(200);
        // a reseller's customer names no way of paying (its reseller pays)
        Map<String, Object> resoldOrder = order(f.saas, f.basic, "MONTHLY", null, 1);
        resoldOrder.remove("paymentMethod");
        String order = buy(resold, resoldOrder);
        customer(resold).body(apply(order)).post("/api/invoices").then().statusCode(422)
                .body("detail", containsString("reseller"));
    }

    @Test
    void concurrentApplicationsPutAnOrderOnOneInvoice() throws Exception {
        String c = customerWith("1000.00");
        String order = buy(c, order(f.saas, f.basic, "MONTHLY", null, 1));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Integer> codes = new ArrayList<>();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(threads.submit(() -> customer(c).body(apply(order)).post("/api/invoices").statusCode()));
            }
            for (Future<Integer> fu : futures) {
                codes.add(fu.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), codes.toString());
        assertEquals(3, codes.stream().filter(x -> x == 409).count(), codes.toString());
        assertEquals(1, AppFixtures.count(pool, "select count(*) from invoice_order where order_id = $1 and live",
                UUID.fromString(order)));
    }
}
