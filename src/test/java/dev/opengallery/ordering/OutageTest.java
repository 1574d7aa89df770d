package dev.opengallery.ordering;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.support.Tokens.customer;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.opengallery.payments.Idempotency;
import dev.opengallery.apps.LogCapture;
import dev.opengallery.support.DependencyProxies;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TcpProxy;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service behind TCP proxies to PostgreSQL and the identity provider (so the shared servers are never
 * stopped): an outage answers 503 with Retry-After, never 500, and is logged once; a request that fails while or
 * after committing says the outcome is unknown, and with an Idempotency-Key the same key replays what was done;
 * money stays exact. The load test is {@link OutageLoad}. The first test needs the service just started (it starts
 * with the identity provider unreachable), so the tests run in order.
 */
@QuarkusTest
@TestProfile(OutageTest.BehindProxies.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageTest {

    public static class BehindProxies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DependencyProxies.overrides();
        }
    }

    @Inject
    DependencyProxies proxies;

    @Inject
    Pool pool;

    static String product;
    static String spec;

    /** A license at 10.00 (paying opens a service flow: the order is PROCESSING). */
    void catalogue() {
        proxies.identityProvider().pass();
        proxies.database().pass();
        if (product == null) {
            String seller = Tokens.fresh("outage-seller");
            profile(seller);
            product = listed(seller, product("LICENSE", "SECURITY", "Outage AV", "x",
                    List.of(flatSpec("Perpetual", "ONE_TIME", "10.00"))));
            spec = OrderFixtures.spec(product);
        }
    }

    static ValidatableResponse unavailable(ValidatableResponse r, String type) {
        return r.statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("status", is(503), "type", is("https://opengallery.dev/problems/" + type));
    }

    @Test
    @Order(1)
    void theIdentityProviderUnreachableAnswers503UntilItIsBack() throws Exception {
        TcpProxy idp = proxies.identityProvider();
        // the service started while the identity provider refused connections: no token can be verified yet
        assertEquals(TcpProxy.Mode.REFUSE, idp.mode());
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                unavailable(customer("idp-customer").get("/api/account").then(), "unavailable")
                        .body("detail", containsString("identity provider"));
            }
            // what needs no token still works, and no token at all is still 401
            RestAssured.get("/api/catalog/categories").then().statusCode(200);
            RestAssured.get("/api/account").then().statusCode(401);

            idp.pass();
            customer("idp-customer").get("/api/account").then().statusCode(200).body("subject", is("idp-customer"));
            assertEquals(List.of("down identity provider", "back identity provider"), outageLog(log));
        }

        // once its keys are known, tokens are verified without it; a token signed with a key it has not seen needs
        // its key set: 503 while it is down, 401 once it can tell that the key is not its own
        idp.refuse();
        customer("idp-customer-2").get("/api/account").then().statusCode(200);
        String rotated = Jwt.preferredUserName("idp-rotated").groups(Set.of("customer"))
                .issuer("https://server.example.com").subject("idp-rotated").jws().keyId("rotated-key")
                .sign(KeyUtils.generateKeyPair(2048).getPrivate());
        unavailable(RestAssured.given().auth().oauth2(rotated).get("/api/account").then(), "unavailable");
        idp.pass();
        RestAssured.given().auth().oauth2(rotated).get("/api/account").then().statusCode(401);
        customer("idp-customer-2").get("/api/account").then().statusCode(200);
    }

    /**
     * What the service logged about outages: "down X" for the warning when X became unreachable, "back X" for the
     * line when it answered again; and "error" for any error (a 500 would log one).
     */
    static List<String> outageLog(LogCapture log) {
        return log.lines().stream().filter(l -> l.startsWith("dev.opengallery.core.Outages ")
                || l.startsWith("dev.opengallery.core.ProblemMappers ")).map(l -> {
                    if (l.startsWith("dev.opengallery.core.ProblemMappers ")) {
                        return "error";
                    }
                    String what = l.contains("The identity provider") ? "identity provider" : "database";
                    return (l.contains("cannot be reached") ? "down " : "back ") + what;
                }).toList();
    }

    @Test
    @Order(2)
    void aKeyedRequestCutBeforeCommitDidNothingAndCutDuringOrAfterCommitIsReplayed() {
        catalogue();
        String c = OrderFixtures.customerWith("100.00");
        Map<String, Object> body = OrderFixtures.order(product, spec, "ONE_TIME", null);
        body.put("paymentMethod", "BALANCE");
        TcpProxy db = proxies.database();

        // cut at BEGIN: nothing was done; the retry with the same key places and pays it now
        String before = UUID.randomUUID().toString();
        db.cutAtNextBegin();
        unavailable(customer(c).header("Idempotency-Key", before).body(body).post("/api/orders").then(), "unavailable")
                .body("detail", containsString("nothing was done"));
        assertTrue(db.cutDone());
        assertEquals(0, keyRows(before));
        String first = customer(c).header("Idempotency-Key", before).body(body).post("/api/orders").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).body("state", is("PROCESSING"))
                .extract().path("id");

        // cut at COMMIT after the server got it: committed, but the answer was lost
        String committed = UUID.randomUUID().toString();
        db.cutAtNextCommit(true);
        unavailable(customer(c).header("Idempotency-Key", committed).body(body).post("/api/orders").then(),
                "outcome-unknown").body("detail", containsString("same Idempotency-Key"));
        assertTrue(db.cutDone());
        String second = replayed(c, committed, body);

        // cut at COMMIT before the server got it: rolled back; the retry with the same key does it now
        String rolledBack = UUID.randomUUID().toString();
        db.cutAtNextCommit(false);
        unavailable(customer(c).header("Idempotency-Key", rolledBack).body(body).post("/api/orders").then(),
                "outcome-unknown");
        assertTrue(db.cutDone());
        assertEquals(0, keyRows(rolledBack));
        String third = customer(c).header("Idempotency-Key", rolledBack).body(body).post("/api/orders").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");

        // committed and answered, then the database went away before the order could be read back
        String after = UUID.randomUUID().toString();
        db.refuseAfterNextCommit();
        unavailable(customer(c).header("Idempotency-Key", after).body(body).post("/api/orders").then(),
                "outcome-unknown").body("detail", containsString("was carried out"));
        assertTrue(db.cutDone());
        db.pass();
        String fourth = replayed(c, after, body);

        // paying: the same rules hold for the pay endpoint's key
        String unpaid = customer(c).body(OrderFixtures.order(product, spec, "ONE_TIME", null)).post("/api/orders")
                .then().statusCode(201).extract().path("id");
        String payKey = UUID.randomUUID().toString();
        db.cutAtNextCommit(true);
        unavailable(customer(c).header("Idempotency-Key", payKey).body(Map.of("method", "BALANCE"))
                .post("/api/orders/" + unpaid + "/pay").then(), "outcome-unknown");
        customer(c).header("Idempotency-Key", payKey).body(Map.of("method", "BALANCE"))
                .post("/api/orders/" + unpaid + "/pay").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("state", is("PROCESSING"));

        for (String order : List.of(first, second, third, fourth, unpaid)) {
            assertEquals(1, payments(order), "order " + order + " paid once");
        }
        assertEquals(5, Set.of(first, second, third, fourth, unpaid).size());
        customer(c).get("/api/account").then().body("balance", is(50.00f));
        LedgerCheck.balancesEqualLedgers(pool);
    }

    @Test
    @Order(3)
    void withoutAKeyTheAnswerSaysWhetherToLookBeforeRepeating() {
        catalogue();
        String c = OrderFixtures.customerWith("100.00");
        Map<String, Object> body = OrderFixtures.order(product, spec, "ONE_TIME", null);
        body.put("paymentMethod", "BALANCE");
        TcpProxy db = proxies.database();
        String id = OrderFixtures.accountId(c);

        db.cutAtNextBegin();
        unavailable(customer(c).body(body).post("/api/orders").then(), "unavailable")
                .body("detail", allOf(containsString("nothing was done"), not(containsString("Idempotency-Key"))));
        assertEquals(0, orders(id));

        db.cutAtNextCommit(true);
        unavailable(customer(c).body(body).post("/api/orders").then(), "outcome-unknown")
                .body("detail", containsString("Look before repeating it"));
        assertTrue(db.cutDone());
        // the COMMIT reached PostgreSQL before the cut; it may still be finishing it when the answer arrives
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (orders(id) == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        assertEquals(1, orders(id), "it was committed");

        db.refuseAfterNextCommit();
        unavailable(customer(c).body(body).post("/api/orders").then(), "outcome-unknown")
                .body("detail", containsString("do not repeat it"));
        assertTrue(db.cutDone());
        db.pass();
        assertEquals(2, orders(id));
        customer(c).get("/api/orders").then().statusCode(200).body("items.state", everyItem(is("PROCESSING")));
        customer(c).get("/api/account").then().body("balance", is(80.00f));
        LedgerCheck.balancesEqualLedgers(pool);
    }

    long orders(String account) {
        return pool.preparedQuery("select count(*) from customer_order where account_id = $1")
                .execute(Tuple.of(UUID.fromString(account))).await().indefinitely().iterator().next().getLong(0);
    }

    String replayed(String customer, String key, Map<String, Object> body) {
        return customer(customer).header("Idempotency-Key", key).body(body).post("/api/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("state", is("PROCESSING")).extract().path("id");
    }

    long keyRows(String key) {
        return pool.preparedQuery("select count(*) from idempotent_request where key = $1").execute(Tuple.of(key))
                .await().indefinitely().iterator().next().getLong(0);
    }

    long payments(String order) {
        return pool.preparedQuery("select count(*) from ledger_entry where order_id = $1 and kind = 'PAYMENT'")
                .execute(Tuple.of(UUID.fromString(order))).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    @Order(4)
    void readinessReportsTheDatabaseDownAndTheOutageIsLoggedOnce() throws InterruptedException {
        catalogue();
        TcpProxy db = proxies.database();
        // through Hibernate Reactive (seller profiles) the answer is the same
        String seller = Tokens.fresh("outage-profile");
        profile(seller);
        db.cutAtNextBegin();
        unavailable(Tokens.seller(seller).body(Map.of("companyName", "Renamed", "serviceEmail", seller + "@sellers.example",
                "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri 09:00-18:00 UTC")).put("/api/seller/profile")
                .then(), "unavailable");
        assertTrue(db.cutDone());
        Tokens.seller(seller).get("/api/seller/profile").then().statusCode(200).body("companyName", is("Company of " + seller));

        customer("ready-customer").get("/api/account").then().statusCode(200);
        try (LogCapture log = new LogCapture()) {
            db.reset();
            for (int i = 0; i < 5; i++) {
                unavailable(customer("ready-customer").get("/api/account").then(), "unavailable");
            }
            db.refuse();
            RestAssured.get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"),
                    "checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", is("DOWN"));
            for (int i = 0; i < 5; i++) {
                unavailable(customer("ready-customer").get("/api/account").then(), "unavailable");
            }
            db.pass();
            long back = System.nanoTime();
            int status;
            do {
                status = customer("ready-customer").get("/api/account").then().extract().statusCode();
                assertTrue(status == 200 || status == 503, "while recovering: " + status);
                Thread.sleep(status == 200 ? 0 : 20);
            } while (status != 200 && System.nanoTime() - back < 10_000_000_000L);
            assertEquals(200, status);
            assertTrue(System.nanoTime() - back < 2_000_000_000L, "answers again within 2 s");
            RestAssured.get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            assertEquals(List.of("down database", "back database"), outageLog(log));
        } finally {
            db.pass();
        }
    }

    @Test
    @Order(5)
    void underLoadEveryAnswerIsAnAnswerAndMoneyStaysExact() throws Exception {
        catalogue();
        try (LogCapture log = new LogCapture()) {
            int unavailable = new OutageLoad(proxies.database(), pool, product, spec).run();
            // logged once per outage (five of them), not once per request answered 503
            List<String> lines = outageLog(log);
            assertFalse(lines.contains("error"), lines.toString());
            long outages = lines.stream().filter(l -> l.startsWith("down")).count();
            assertTrue(outages >= 1 && outages <= 10 && outages < unavailable, outages + " outages logged for "
                    + unavailable + " answers 503");
        }
        LedgerCheck.balancesEqualLedgers(pool);
    }
}
