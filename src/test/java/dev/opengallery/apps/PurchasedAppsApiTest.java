package dev.opengallery.apps;

import static dev.opengallery.apps.AppFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.ordering.OrderService;
import dev.opengallery.support.LedgerCheck;
import dev.opengallery.support.TestClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class PurchasedAppsApiTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @Inject
    OrderService orderService;

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

    // ------------------------------------------------------------------------------------ list and details

    @Test
    void theBuyerListsFiltersAndViewsItsPurchasedApps() {
        String c = customerWith("5000.00");
        String saas = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        String img = buyImage(pool, c, f.image, "MONTHLY");
        String lic = buyApp(pool, c, order(f.license, spec(f.license), "YEARLY", null, 1));

        customer(c).get("/api/apps").then().statusCode(200).body("total", is(3), "items.id", hasItems(saas, img, lic),
                "items[0].history", nullValue());
        customer(c).get("/api/apps?type=SAAS").then().body("total", is(1), "items[0].id", is(saas),
                "items[0].application.supplied", is(false));
        customer(c).get("/api/apps?productName=cRm").then().body("total", is(1), "items[0].productName", is("Apps CRM"));
        customer(c).get("/api/apps?productName=50%25").then().body("total", is(0));
        // monthly ones expire 2026-12-25, the license 2027-11-25
        customer(c).get("/api/apps?expiringWithinDays=31").then().body("total", is(2), "items.id", hasItems(saas, img));
        customer(c).get("/api/apps?expiringWithinDays=29").then().body("total", is(0));
        customer(c).get("/api/apps?state=ACTIVE&size=1&page=1").then().body("total", is(3), "items", hasSize(1),
                "page", is(1), "size", is(1));
        customer(c).get("/api/apps?state=GRACE").then().body("total", is(0));
        customer(c).get("/api/apps?type=BOAT").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("type"));
        customer(c).get("/api/apps?expiringWithinDays=soon").then().statusCode(400)
                .body("errors[0].field", is("expiringWithinDays"));
        customer(c).get("/api/apps?expiringWithinDays=-1").then().statusCode(400);
        customer(c).get("/api/apps?size=1000").then().statusCode(400);

        customer(c).get("/api/apps/" + saas).then().statusCode(200)
                .body("productName", is("Apps CRM"), "productType", is("SAAS"), "specificationName", is("Basic"),
                        "pricingModel", is("FLAT"), "billingMode", is("MONTHLY"), "quantity", is(1),
                        "amountPaid", is(300.00f), "discountRate", is(1.0f), "status", is("ACTIVE"),
                        "startsAt", is("2026-11-25T10:00:00Z"), "expiresAt", is("2026-12-25T10:00:00Z"),
                        "graceEndsAt", is("2027-01-09T10:00:00Z"), "releasesAt", is("2027-01-24T10:00:00Z"),
                        "autoRenewal.enabled", is(false), "seller.companyName", is("Company of " + f.seller),
                        "seller.serviceEmail", is(f.seller + "@sellers.example"),
                        "application.supplied", is(false), "application.passwordAvailable", is(false),
                        "application.guideUrl", is("https://docs.example.com/apps-crm"),
                        "history", hasSize(0));
        customer(c).get("/api/apps/" + img).then().statusCode(200).body("productType", is("IMAGE"),
                "application", nullValue(), "ecsId", startsWith("ecs-"), "amountPaid", is(46.80f));
        customer(c).get("/api/apps/" + lic).then().statusCode(200).body("billingMode", is("YEARLY"),
                "expiresAt", is("2027-11-25T10:00:00Z"));
    }

    @Test
    void anotherAccountsAppIsNotFound() {
        String c = customerWith("1000.00");
        String other = customerWith("1000.00");
        String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        customer(other).get("/api/apps/" + app).then().statusCode(404).contentType("application/problem+json");
        customer(other).get("/api/apps").then().body("items.id", not(hasItem(app)));
        customer(other).post("/api/apps/" + app + "/password/reveal").then().statusCode(404);
        customer(other).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(404);
        customer(other).body(Map.of("specificationId", f.pro, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(404);
        customer(other).body(Map.of("addedQuantity", 1)).post("/api/apps/" + app + "/expansion/quote").then()
                .statusCode(404);
        customer(other).body(Map.of("addedQuantity", 1, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/expansion").then().statusCode(404);
        customer(other).get("/api/apps/" + app + "/unsubscription").then().statusCode(404);
        customer(other).body(Map.of()).post("/api/apps/" + app + "/unsubscribe").then().statusCode(404);
        customer(c).get("/api/apps/" + UUID.randomUUID()).then().statusCode(404);
        customer(c).get("/api/apps/not-a-uuid").then().statusCode(404);
        // another seller does not see it either; customers cannot use the seller's calls
        String otherSeller = Tokens.fresh("appseller");
        seller(otherSeller).get("/api/seller/apps/" + app).then().statusCode(404);
        seller(otherSeller).body(info("u", "pw-123456")).put("/api/seller/apps/" + app + "/application-info").then()
                .statusCode(404);
        customer(c).body(info("u", "pw-123456")).put("/api/seller/apps/" + app + "/application-info").then()
                .statusCode(403);
        anonymous().get("/api/apps").then().statusCode(401);
        seller(f.seller).get("/api/apps").then().statusCode(403);
    }

    @Test
    void aSupervisedSaasIsListedOnlyOnceItsSupervisionCompletes() {
        String c = customerWith("1000.00");
        String orderId = buy(c, order(f.supervisedSaas, spec(f.supervisedSaas), "MONTHLY", null, 1));
        String app = subscriptionOf(pool, orderId);
        customer(c).get("/api/apps").then().body("items.id", not(hasItem(app)));
        customer(c).get("/api/apps/" + app).then().statusCode(404);
        // the seller sees it and can already supply its application information
        seller(f.seller).get("/api/seller/apps?type=SAAS").then().statusCode(200).body("items.id", hasItem(app));
        seller(f.seller).get("/api/seller/apps/" + app).then().statusCode(200).body("listed", is(false),
                "buyerAccountId", is(accountId(c)));
        seller(f.seller).body(info("admin", "Sup3rvised!")).put("/api/seller/apps/" + app + "/application-info").then()
                .statusCode(200).body("application.supplied", is(true));
        db.transaction(conn -> orderService.completeSupervised(conn, UUID.fromString(orderId), null, "system",
                "supervision completed")).await().indefinitely();
        customer(c).get("/api/apps").then().body("items.id", hasItem(app));
        customer(c).get("/api/apps/" + app).then().statusCode(200).body("application.username", is("admin"));
    }

    // ---------------------------------------------------------------------------- application information

    static Map<String, Object> info(String username, String password) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", username);
        if (password != null) {
            m.put("password", password);
        }
        m.put("managementUrl", "https://admin.apps-crm.example/t1");
        m.put("frontendUrl", "https://t1.apps-crm.example");
        return m;
    }

    @Test
    void theSellerSuppliesAndRotatesTheApplicationAndOnlyTheRevealCallShowsThePassword() {
        String first = "Initial-" + UUID.randomUUID();
        String second = "Rotated-" + UUID.randomUUID();
        List<String> answers = new ArrayList<>();
        List<String> logs;
        try (LogCapture capture = new LogCapture()) {
            String c = customerWith("1000.00");
            String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
            String image = buyImage(pool, c, f.image, "MONTHLY");

            // the password is required the first time, validated, and never echoed
            seller(f.seller).body(info("admin@t1", null)).put("/api/seller/apps/" + app + "/application-info").then()
                    .statusCode(400).body("errors[0].field", is("password"));
            Map<String, Object> bad = info("admin@t1", first);
            bad.put("managementUrl", "javascript:alert(1)");
            answers.add(seller(f.seller).body(bad).put("/api/seller/apps/" + app + "/application-info").then()
                    .statusCode(400).body("errors[0].field", is("managementUrl")).extract().asString());
            seller(f.seller).body(info("admin@t1", first)).put("/api/seller/apps/" + image + "/application-info").then()
                    .statusCode(422);
            answers.add(seller(f.seller).body(info("admin@t1", first)).put("/api/seller/apps/" + app + "/application-info")
                    .then().statusCode(200).body("application.supplied", is(true), "application.username", is("admin@t1"),
                            "application.passwordAvailable", is(true), "password", nullValue())
                    .extract().asString());
            byte[] stored = pool.preparedQuery("select app_password from subscription where id = $1")
                    .execute(Tuple.of(UUID.fromString(app))).await().indefinitely().iterator().next()
                    .getBuffer("app_password").getBytes();
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(first), "stored encrypted");

            answers.add(customer(c).get("/api/apps/" + app).then().statusCode(200)
                    .body("application.username", is("admin@t1"),
                            "application.managementUrl", is("https://admin.apps-crm.example/t1"),
                            "application.frontendUrl", is("https://t1.apps-crm.example"),
                            "application.passwordAvailable", is(true), "history.kind", hasItem("APP_INFO_SUPPLIED"))
                    .extract().asString());
            answers.add(customer(c).get("/api/apps").then().statusCode(200).extract().asString());
            answers.add(seller(f.seller).get("/api/seller/apps").then().statusCode(200).extract().asString());
            answers.add(customer(c).get("/api/inbox").then().statusCode(200)
                    .body("items.kind", hasItem("APP_INFO_UPDATED")).extract().asString());

            // the reveal call: audited, no caching
            customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(200)
                    .header("Cache-Control", "no-store").body("password", is(first), "revealsLeft", is(4));
            assertEquals(1, count("select count(*) from app_password_reveal where subscription_id = $1 and outcome = 'REVEALED'",
                    UUID.fromString(app)));
            customer(c).post("/api/apps/" + image + "/password/reveal").then().statusCode(422);

            // rotation: a new password replaces it; leaving it out keeps it
            answers.add(seller(f.seller).body(info("admin@t1", second)).put("/api/seller/apps/" + app + "/application-info")
                    .then().statusCode(200).extract().asString());
            Map<String, Object> keep = info("owner@t1", null);
            keep.put("guideUrl", "https://docs.example.com/t1");
            answers.add(seller(f.seller).body(keep).put("/api/seller/apps/" + app + "/application-info").then()
                    .statusCode(200).body("application.username", is("owner@t1"),
                            "application.guideUrl", is("https://docs.example.com/t1")).extract().asString());
            customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(200).body("password", is(second));
            answers.add(customer(c).get("/api/apps/" + app).then().statusCode(200)
                    .body("history.kind", hasItems("APP_INFO_SUPPLIED", "APP_INFO_UPDATED")).extract().asString());

            // at most 5 reveals an hour per app, counted in the database; every attempt is audited
            for (int i = 0; i < 3; i++) {
                customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(200);
            }
            var limited = customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(429)
                    .contentType("application/problem+json").body("status", is(429), "detail", containsString("5 times"))
                    .extract();
            // Retry-After: the seconds until the oldest reveal of the hour no longer counts
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            org.junit.jupiter.api.Assertions.assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
            answers.add(limited.asString());
            assertEquals(5, count("select count(*) from app_password_reveal where subscription_id = $1 and outcome = 'REVEALED'",
                    UUID.fromString(app)));
            assertEquals(1, count("select count(*) from app_password_reveal where subscription_id = $1 and outcome = 'RATE_LIMITED'",
                    UUID.fromString(app)));
            clock.advance(Duration.ofMinutes(61));
            customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(200).body("password", is(second));

            // a password the configured key cannot open is not shown, and the error says so without a 500
            pool.preparedQuery("update subscription set app_password = decode('01' || repeat('00', 40), 'hex') where id = $1")
                    .execute(Tuple.of(UUID.fromString(app))).await().indefinitely();
            clock.advance(Duration.ofMinutes(61));
            answers.add(customer(c).post("/api/apps/" + app + "/password/reveal").then().statusCode(422)
                    .body("detail", containsString("supply the application information again")).extract().asString());
            org.jboss.logging.Logger.getLogger("dev.opengallery.apps.test").info("capture-marker");
            logs = capture.lines();
        }
        for (String answer : answers) {
            assertFalse(answer.contains(first) || answer.contains(second), "a response other than the reveal call "
                    + "carried the password: " + answer);
        }
        assertTrue(logs.stream().anyMatch(l -> l.contains("capture-marker")), "the log capture works");
        assertTrue(logs.stream().anyMatch(l -> l.contains("cannot be decrypted")), "the service's own lines are captured");
        for (String line : logs) {
            assertFalse(line.contains(first) || line.contains(second), "the log carried the password: " + line);
        }
    }

    // -------------------------------------------------------------------------------------------- upgrades

    @Test
    void anUpgradeIsQuotedWithItsWorkingAndTakesEffectWhenPaid() {
        String c = customerWith("1000.00");
        String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        // 2026-11-25 .. 2026-12-25: 30 days; 16 left on 2026-12-09 10:00: (600 - 300) x 16 / 30 = 160.00
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(200).body("kind", is("UPGRADE"), "rule", is("UPGRADE"), "termDays", is(30),
                        "remainingDays", is(16), "discount", is(1.0f), "originalTermPrice", is(300.00f),
                        "newTermPrice", is(600.00f), "newDailyPrice", is(20.0f), "originalDailyPrice", is(10.0f),
                        "newTerm", is(320.0f), "originalTerm", is(160.0f), "fee", is(160.00f),
                        "fromSpecificationName", is("Basic"), "toSpecificationName", is("Pro"),
                        "formula", is("20.000000 x 16 x 1 - 10.000000 x 16 x 1 = 160.000000 -> 160.00"));
        // a started day counts whole: an hour earlier, 17 days: 170.00
        clock.set(Instant.parse("2026-12-09T09:00:00Z"));
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .body("remainingDays", is(17), "fee", is(170.00f));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));

        // a downgrade and a non-change are refused; nothing moves
        customer(c).body(Map.of("specificationId", f.basic)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(422);
        customer(c).body(Map.of("specificationId", UUID.randomUUID().toString()))
                .post("/api/apps/" + app + "/upgrade/quote").then().statusCode(400).body("errors[0].field", is("specificationId"));
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade").then().statusCode(400)
                .body("errors[0].field", is("paymentMethod"));
        customer(c).body(Map.of("specificationId", f.pro, "paymentMethod", "RESELLER"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(422)
                .body("errors[0].field", is("paymentMethod"), "detail", containsString("RESELLER"));

        String key = "up-" + UUID.randomUUID();
        Response r = customer(c).header("Idempotency-Key", key).body(Map.of("specificationId", f.pro, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade");
        r.then().statusCode(201).header("Location", containsString("/api/orders/"))
                .body("quote.fee", is(160.00f), "order.state", is("COMPLETED"), "order.amountDue", is(160.00f),
                        "order.paymentMethod", is("BALANCE"), "order.specificationName", is("Pro"),
                        "order.events.toState", contains("PENDING_PAYMENT", "COMPLETED"),
                        "app.specificationName", is("Pro"), "app.amountPaid", is(460.00f),
                        "app.expiresAt", is("2026-12-25T10:00:00Z"), "app.history.kind", hasItem("UPGRADED"));
        String orderId = r.path("order.id");
        assertEquals(1, count("select count(*) from customer_order where id = $1 and kind = 'UPGRADE' and subscription_id = $2",
                UUID.fromString(orderId), UUID.fromString(app)));
        assertEquals("540.00", balance(c));
        // replay: the same order, no second payment
        customer(c).header("Idempotency-Key", key).body(Map.of("specificationId", f.pro, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("order.id", is(orderId));
        assertEquals("540.00", balance(c));
        // the change order shows among the buyer's orders
        customer(c).get("/api/orders/" + orderId).then().statusCode(200).body("amountDue", is(160.00f));

        // the term is now priced as Pro: Plus (500) is a downgrade from it
        customer(c).body(Map.of("specificationId", f.plus, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(422).body("detail", containsString("downgrade"));
        assertEquals("540.00", balance(c));
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(422);
    }

    @Test
    void anUpgradeTheBalanceCannotCoverChangesNothing() {
        String c = customerWith("400.00");
        String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        customer(c).body(Map.of("specificationId", f.pro, "paymentMethod", "BALANCE"))
                .post("/api/apps/" + app + "/upgrade").then().statusCode(422).contentType("application/problem+json");
        assertEquals("100.00", balance(c));
        customer(c).get("/api/apps/" + app).then().body("specificationName", is("Basic"));
        assertEquals(0, count("select count(*) from customer_order where subscription_id = $1", UUID.fromString(app)));
    }

    @Test
    void anUpgradeUsesTheDiscountTheAppWasBoughtWith() {
        String c = customerWith("1000.00");
        String account = accountId(c);
        Map<String, Object> offer = new HashMap<>(Map.of("customerAccountId", account, "productId", f.saas,
                "specificationId", f.basic, "billingMode", "MONTHLY", "quantity", 1, "periods", 1,
                "discountType", "PERCENTAGE", "discountValue", "20", "expiresAt", "2026-12-31T00:00:00Z"));
        String offerId = seller(f.seller).body(offer).post("/api/seller/offers").then().statusCode(201).extract().path("id");
        Map<String, Object> o = order(f.saas, f.basic, "MONTHLY", null, 1);
        o.put("offerId", offerId);
        String app = buyApp(pool, c, o);
        customer(c).get("/api/apps/" + app).then().body("discountRate", is(0.8f), "amountPaid", is(240.00f));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        // (600 - 300) x 16 x 0.8 / 30 = 128.00
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(200).body("discount", is(0.8f), "fee", is(128.00f));
    }

    @Test
    void onlyLiveYearlyOrMonthlySaasCanChange() {
        String c = customerWith("2000.00");
        String image = buyImage(pool, c, f.image, "MONTHLY");
        customer(c).body(Map.of("specificationId", spec(f.image))).post("/api/apps/" + image + "/upgrade/quote").then()
                .statusCode(422).body("detail", containsString("Only SaaS"));
        String app = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        customer(c).body(Map.of("addedQuantity", 2)).post("/api/apps/" + app + "/expansion/quote").then()
                .statusCode(422).body("detail", containsString("flat price"));
        customer(c).body(Map.of("addedQuantity", 0)).post("/api/apps/" + app + "/expansion/quote").then()
                .statusCode(400).body("errors[0].field", is("addedQuantity"));
        // expired (in grace): renew first
        clock.set(Instant.parse("2026-12-26T10:00:00Z"));
        operator().post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(200);
        customer(c).body(Map.of("specificationId", f.pro)).post("/api/apps/" + app + "/upgrade/quote").then()
                .statusCode(409).body("currentState", is("GRACE"));
    }

    // ------------------------------------------------------------------------------------ capacity expansion

    @Test
    void capacityExpansionForEachPricingModel() {
        String c = customerWith("2000.00");
        String lin = buyApp(pool, c, order(f.linear, spec(f.linear), "MONTHLY", 9, 1));
        String tie = buyApp(pool, c, order(f.tiered, spec(f.tiered), "MONTHLY", 9, 1));
        String vol = buyApp(pool, c, order(f.volume, spec(f.volume), "MONTHLY", 9, 1));
        clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        // 9 -> 15 users, 16 of 30 days left
        // LINEAR: (15 x 12 - 9 x 12) x 16 / 30 = 38.40
        customer(c).body(Map.of("addedQuantity", 6)).post("/api/apps/" + lin + "/expansion/quote").then().statusCode(200)
                .body("rule", is("EXPANSION_TOTAL"), "fee", is(38.40f), "toQuantity", is(15), "newUnitPrice", is(12.0f));
        // TIERED: 15 users fall in 11-50 at 10.00: (150 - 108) x 16 / 30 = 22.40
        customer(c).body(Map.of("addedQuantity", 6)).post("/api/apps/" + tie + "/expansion/quote").then().statusCode(200)
                .body("rule", is("EXPANSION_TOTAL"), "fee", is(22.40f), "newUnitPrice", is(10.0f),
                        "newTermPrice", is(150.00f), "originalTermPrice", is(108.00f));
        // VOLUME: 10.00 x 6 added x 16 / 30 = 32.00
        customer(c).body(Map.of("addedQuantity", 6)).post("/api/apps/" + vol + "/expansion/quote").then().statusCode(200)
                .body("rule", is("EXPANSION_ADDED_UNITS"), "fee", is(32.00f), "addedQuantity", is(6),
                        "boughtBeforeCutover", is(false));

        customer(c).body(Map.of("addedQuantity", 6, "paymentMethod", "BALANCE")).post("/api/apps/" + vol + "/expansion")
                .then().statusCode(201).body("order.amountDue", is(32.00f), "order.quantity", is(15),
                        "app.quantity", is(15), "app.history.kind", hasItem("EXPANDED"));
        // 2000 - 3 x 108 - 32
        assertEquals("1644.00", balance(c));
        assertEquals(1, count("select count(*) from customer_order where subscription_id = $1 and kind = 'EXPANSION'",
                UUID.fromString(vol)));
        // the term is now priced for 15 users: adding 5 more (20, same tier) costs 10.00 x 5 x 16 / 30 = 26.67
        customer(c).body(Map.of("addedQuantity", 5)).post("/api/apps/" + vol + "/expansion/quote").then()
                .body("fee", is(26.67f), "originalTermPrice", is(150.00f));
    }

    @Test
    void aSubscriptionBoughtBeforeTheCutoverIsExpandedOnItsTotal() {
        String c = customerWith("2000.00");
        clock.set(Instant.parse("2023-05-01T10:00:00Z"));
        String before = buyApp(pool, c, order(f.volume, spec(f.volume), "MONTHLY", 9, 1));
        clock.set(Instant.parse("2023-05-16T10:00:00Z"));
        // May 2023: 31 days, 16 left; priced on the total as TIERED: (150 - 108) x 16 / 31 = 21.677 -> 21.68
        customer(c).body(Map.of("addedQuantity", 6)).post("/api/apps/" + before + "/expansion/quote").then()
                .statusCode(200).body("boughtBeforeCutover", is(true), "rule", is("EXPANSION_TOTAL"), "termDays", is(31),
                        "fee", is(21.68f));
        clock.set(Instant.parse("2023-07-01T10:00:00Z"));
        String after = buyApp(pool, c, order(f.volume, spec(f.volume), "MONTHLY", 9, 1));
        clock.set(Instant.parse("2023-07-16T10:00:00Z"));
        // July 2023: 31 days, 16 left; only the added units: 10.00 x 6 x 16 / 31 = 30.967 -> 30.97
        customer(c).body(Map.of("addedQuantity", 6)).post("/api/apps/" + after + "/expansion/quote").then()
                .statusCode(200).body("boughtBeforeCutover", is(false), "rule", is("EXPANSION_ADDED_UNITS"),
                        "fee", is(30.97f));
    }

    // ------------------------------------------------------------------------------------ unsubscription

    @Test
    void saasLicensesAndPayPerUseImagesCannotBeUnsubscribed() {
        String c = customerWith("5000.00");
        String saas = buyApp(pool, c, order(f.saas, f.basic, "MONTHLY", null, 1));
        customer(c).get("/api/apps/" + saas + "/unsubscription").then().statusCode(200)
                .body("allowed", is(false), "rule", is("NOT_UNSUBSCRIBABLE"),
                        "explanation", is("SaaS products cannot be unsubscribed"));
        customer(c).body(Map.of("reason", "too expensive")).post("/api/apps/" + saas + "/unsubscribe").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", is("SaaS products cannot be unsubscribed"));
        String lic = buyApp(pool, c, order(f.license, spec(f.license), "YEARLY", null, 1));
        customer(c).post("/api/apps/" + lic + "/unsubscribe").then().statusCode(422)
                .body("detail", is("Licenses cannot be unsubscribed"));
        Map<String, Object> ppu = order(f.image, spec(f.image), "PAY_PER_USE", null, 1);
        ppu.remove("periods");
        ppu.remove("paymentMethod");
        ppu.put("ecs", AppFixtures.ecs(AppFixtures.vpc(c)));
        String ppuApp = buyApp(pool, c, ppu);
        customer(c).post("/api/apps/" + ppuApp + "/unsubscribe").then().statusCode(422)
                .body("detail", containsString("delete the ECS"));
        assertEquals(0, count("select count(*) from ledger_entry l join account a on a.id = l.account_id "
                + "where a.subject = $1 and l.kind = 'REFUND'", c));
    }

    @Test
    void anImageUnsubscribedWithinFiveDaysIsRefundedInFull() {
        String c = customerWith("100.00");
        String img = buyImage(pool, c, f.image, "MONTHLY");
        // image 30.00 + ECS s6.medium.2 16.80
        assertEquals("53.20", balance(c));
        clock.advance(Duration.ofDays(4));
        customer(c).get("/api/apps/" + img + "/unsubscription").then().statusCode(200)
                .body("allowed", is(true), "rule", is("FULL_REFUND"), "amountPaid", is(46.80f), "refund", is(46.80f));
        customer(c).body(Map.of("reason", "wrong image")).post("/api/apps/" + img + "/unsubscribe").then()
                .statusCode(200).body("applied.refund", is(46.80f), "app.status", is("UNSUBSCRIBED"),
                        "app.refundAmount", is(46.80f), "app.history.kind", hasItem("UNSUBSCRIBED"));
        assertEquals("100.00", balance(c));
        customer(c).get("/api/account/ledger").then().body("items[0].kind", is("REFUND"), "items[0].amount", is(46.80f));
        customer(c).post("/api/apps/" + img + "/unsubscribe").then().statusCode(409).body("currentState", is("UNSUBSCRIBED"));
        customer(c).get("/api/inbox").then().body("items.kind", hasItem("APP_UNSUBSCRIBED"));
        // the compute service is told to release the image's ECS, once
        String ecs = customer(c).get("/api/apps/" + img).then().extract().path("ecsId");
        assertEquals(1, count("select count(*) from metering_outbox where ecs_id = $1 and type = 'RELEASE'", ecs));
        operator().post("/api/operator/jobs/metering-outbox/run").then().statusCode(200);
        var released = dev.opengallery.metering.TestComputeEventsResource.RECEIVED.stream()
                .filter(e -> ecs.equals(e.getString("ecsId"))).toList();
        assertEquals(1, released.size());
        assertEquals("RELEASE", released.get(0).getString("type"));
        assertEquals("Image subscription unsubscribed by the buyer", released.get(0).getString("reason"));
    }

    @Test
    void anImageReleasedAfterItsRetentionPeriodHasItsEcsReleased() {
        String c = customerWith("100.00");
        String img = buyImage(pool, c, f.image, "MONTHLY");
        String ecs = customer(c).get("/api/apps/" + img).then().extract().path("ecsId");
        String expires = customer(c).get("/api/apps/" + img).then().extract().path("expiresAt");
        // 15 days of grace and 15 of retention after expiry: still only in retention a minute before
        clock.set(Instant.parse(expires).plus(Duration.ofDays(30)).minusSeconds(60));
        operator().post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(200);
        customer(c).get("/api/apps/" + img).then().body("status", is("RETENTION"));
        assertEquals(0, count("select count(*) from metering_outbox where ecs_id = $1", ecs));
        clock.set(Instant.parse(expires).plus(Duration.ofDays(30)));
        operator().post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(200);
        operator().post("/api/operator/jobs/subscription-lifecycle/run").then().statusCode(200); // idempotent
        customer(c).get("/api/apps/" + img).then().body("status", is("RELEASED"));
        assertEquals(1, count("select count(*) from metering_outbox where ecs_id = $1 and type = 'RELEASE' "
                + "and reason = 'Image subscription released after its retention period'", ecs));
    }

    @Test
    void anImageUnsubscribedLaterGetsTheUnusedShareRoundedDown() {
        String c = customerWith("1000.00");
        String img = buyImage(pool, c, f.image, "YEARLY");
        // image 300.00 + ECS yearly 168.00 = 468.00 for 365 days; 100 days and 1 hour later 264 whole days are unused:
        // 468.00 x 264 / 365 = 338.4986 -> 338.49
        clock.advance(Duration.ofDays(100).plusHours(1));
        customer(c).get("/api/apps/" + img + "/unsubscription").then().statusCode(200)
                .body("rule", is("PRORATED_REFUND"), "amountPaid", is(468.00f), "daysBought", is(365),
                        "unusedDays", is(264), "refund", is(338.49f));
        customer(c).post("/api/apps/" + img + "/unsubscribe").then().statusCode(200).body("applied.refund", is(338.49f));
        assertEquals("870.49", balance(c));
    }

    @Test
    void anIssuedInvoiceBlocksUnsubscriptionUntilItIsReturned() {
        String c = customerWith("500.00");
        String img = buyImage(pool, c, f.image, "MONTHLY");
        String orderId = pool.preparedQuery("select order_id from subscription where id = $1")
                .execute(Tuple.of(UUID.fromString(img))).await().indefinitely().iterator().next().getUUID(0).toString();
        String invoice = customer(c).body(Map.of("orderIds", List.of(orderId), "title", "Acme", "taxId", "T-1"))
                .post("/api/invoices").then().statusCode(201).extract().path("id");
        // requested only: no block
        customer(c).get("/api/apps/" + img + "/unsubscription").then().body("allowed", is(true));
        operator().body(Map.of("number", "INV-" + UUID.randomUUID())).post("/api/operator/invoices/" + invoice + "/issue")
                .then().statusCode(200);
        customer(c).get("/api/apps/" + img + "/unsubscription").then().body("allowed", is(false),
                "rule", is("INVOICE_ISSUED"), "blockingInvoices", contains(invoice));
        customer(c).post("/api/apps/" + img + "/unsubscribe").then().statusCode(409).body("currentState", is("ISSUED"));
        customer(c).post("/api/invoices/" + invoice + "/return").then().statusCode(200).body("state", is("RETURN_REQUESTED"));
        customer(c).post("/api/apps/" + img + "/unsubscribe").then().statusCode(409);
        operator().post("/api/operator/invoices/" + invoice + "/return").then().statusCode(200).body("state", is("RETURNED"));
        customer(c).post("/api/apps/" + img + "/unsubscribe").then().statusCode(200).body("applied.refund", is(46.80f));
        assertEquals("500.00", balance(c));
        // a refunded order cannot be invoiced again
        customer(c).body(Map.of("orderIds", List.of(orderId), "title", "Acme", "taxId", "T-1")).post("/api/invoices")
                .then().statusCode(422);
    }

    // -------------------------------------------------------------------------------------------- OpenAPI

    @Test
    void everyEndpointIsDocumentedWithASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = anonymous().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ours = List.of("/api/apps", "/api/seller/apps", "/api/renewals", "/api/invoices",
                "/api/operator/invoices", "/api/operator/jobs/auto-renewals", "/api/operator/jobs/subscription-lifecycle");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (ours.stream().noneMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                Object summary = op.getValue().get("summary");
                assertTrue(summary != null && !summary.toString().isBlank(), op.getKey() + " " + path.getKey());
            }
        }
        assertEquals(28, operations);
    }
}
