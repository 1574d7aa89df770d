package dev.opengallery.catalog;

import static dev.opengallery.catalog.CatalogFixtures.*;
import static dev.opengallery.support.Tokens.anonymous;
import static dev.opengallery.support.Tokens.fresh;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.opengallery.core.Db;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    @Inject
    CatalogRepository repository;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    TestClock clock;

    @ConfigProperty(name = "opengallery.catalog.search-cache.ttl")
    Duration cacheTtl;

    /** A word no other test uses, so every search here sees only this class's products. */
    final String word = "kv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String seller;
    String sellerId;
    String inName;
    String inDescription;
    String image;
    String license;
    String cheapSaas;

    @BeforeEach
    void catalogue() {
        if (seller != null) {
            return;
        }
        seller = fresh("seller");
        profile(seller);
        sellerId = dev.opengallery.support.Tokens.seller(seller).get("/api/seller/profile").then().extract().path("id");
        // listings a minute apart, so NEWEST has an order to show
        clock.reset();
        inDescription = listed(seller, saas("Ledger books", "Accounting that mentions " + word + " once, deep in the text."));
        clock.advance(Duration.ofMinutes(1));
        inName = listed(seller, saas(word + " analytics", "Dashboards and reports."));
        clock.advance(Duration.ofMinutes(1));
        image = listed(seller, product("IMAGE", "RUNTIME_ENVIRONMENT", word + " stack image", "LAMP server",
                List.of(Map.of("name", "Std", "pricingModel", "FLAT", "prices", List.of(
                        Map.of("billingMode", "PAY_PER_USE", "unitPrice", "0.25"),
                        Map.of("billingMode", "MONTHLY", "unitPrice", "30.00"))))));
        clock.advance(Duration.ofMinutes(1));
        license = listed(seller, product("LICENSE", "SECURITY", word + " antivirus license", "Endpoint protection",
                List.of(flatSpec("Perpetual", "ONE_TIME", "300.00"))));
        Map<String, Object> cheap = product("SAAS", "PROJECT_MANAGEMENT", word + " tasks", "Boards",
                List.of(Map.of("name", "Per user", "pricingModel", "LINEAR", "unit", "user", "maxQuantity", 100,
                        "prices", List.of(Map.of("billingMode", "MONTHLY", "unitPrice", "3.00")))));
        clock.advance(Duration.ofMinutes(1));
        cheapSaas = listed(seller, cheap);
        // a draft with the word must never show up
        create(seller, saas(word + " unreleased", "x"));
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void relevanceRanksNameMatchesFirstAndCountsEverything() {
        anonymous().get("/api/catalog/products?q=" + word).then().statusCode(200)
                .body("total", is(5), "items", hasSize(5), "items.id", not(hasItem(nullValue())))
                .body("items[4].id", is(inDescription));
        anonymous().get("/api/catalog/products?q=" + word + " analytics").then()
                .body("total", is(1), "items[0].id", is(inName));
        anonymous().get("/api/catalog/products?q=" + word + " -analytics").then().body("total", is(4));
        // English stemming: "licenses" finds "license"
        anonymous().get("/api/catalog/products?q=" + word + " licenses").then().body("items.id", contains(license));
    }

    @Test
    void filters() {
        String base = "/api/catalog/products?q=" + word;
        anonymous().get(base + "&type=IMAGE").then().body("items.id", contains(image));
        anonymous().get(base + "&billingMode=PAY_PER_USE").then().body("items.id", contains(image));
        anonymous().get(base + "&billingMode=ONE_TIME").then().body("items.id", contains(license));
        anonymous().get(base + "&category=SECURITY").then().body("items.id", contains(license));
        anonymous().get(base + "&sellerId=" + sellerId).then().body("total", is(5));
        anonymous().get(base + "&sellerId=" + UUID.randomUUID()).then().body("total", is(0));
        // fromPrice: image 0.25, tasks 3.00, SaaS tiers 8.00, license 300.00
        anonymous().get(base + "&minPrice=1&maxPrice=10").then().body("items.id", containsInAnyOrder(cheapSaas, inName, inDescription));
        anonymous().get(base + "&maxPrice=0.25").then().body("items.id", contains(image));
    }

    @Test
    void sortingAndPaging() {
        String base = "/api/catalog/products?q=" + word;
        anonymous().get(base + "&sort=PRICE_ASC").then().body("items[0].id", is(image), "items[4].id", is(license));
        anonymous().get(base + "&sort=PRICE_DESC").then().body("items[0].id", is(license));
        anonymous().get(base + "&sort=NEWEST").then().body("items[0].id", is(cheapSaas));
        anonymous().get(base + "&sort=PRICE_ASC&size=2&page=0").then()
                .body("total", is(5), "items", hasSize(2), "items[0].id", is(image), "page", is(0), "size", is(2));
        anonymous().get(base + "&sort=PRICE_ASC&size=2&page=2").then()
                .body("total", is(5), "items", hasSize(1), "items[0].id", is(license));
        anonymous().get(base + "&size=2&page=7").then().body("total", is(5), "items", hasSize(0));
    }

    @Test
    void badSearchParametersAnswer400() {
        String base = "/api/catalog/products?q=" + word;
        for (String bad : List.of("&type=GADGET", "&billingMode=WEEKLY", "&sort=RANDOM", "&page=-1", "&size=0",
                "&size=1000", "&minPrice=abc", "&minPrice=-5", "&minPrice=10&maxPrice=5", "&sellerId=xyz")) {
            anonymous().get(base + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors", hasSize(1));
        }
        anonymous().get("/api/catalog/products?q=" + "x".repeat(201)).then().statusCode(400);
        // odd search syntax is not an error
        anonymous().get("/api/catalog/products?q=" + "\"unbalanced -or | & !(").then().statusCode(200);
    }

    @Test
    void popularApplicationsCountPaidOrdersOfTheLast30Days() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        record(inName, today, 6);
        record(image, today.minusDays(29), 4);
        record(license, today.minusDays(30), 50); // just outside the window
        anonymous().get("/api/catalog/popular?limit=50").then().statusCode(200)
                .body("id", hasItems(inName, image), "id", not(hasItem(license)));
        List<String> ids = anonymous().get("/api/catalog/popular?limit=50").then().extract().path("id");
        org.junit.jupiter.api.Assertions.assertTrue(ids.indexOf(inName) < ids.indexOf(image));
        anonymous().get("/api/catalog/products?q=" + word + "&sort=POPULARITY").then()
                .body("items[0].id", is(inName), "items[0].paidOrdersLast30Days", is(6), "items[1].id", is(image));
        anonymous().get("/api/catalog/products/" + inName).then().statusCode(200);

        // a day later the image's orders have left the window
        clock.advance(Duration.ofDays(1));
        anonymous().get("/api/catalog/popular?limit=50").then().body("id", hasItem(inName), "id", not(hasItem(image)));
        // a delisted product is not popular
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + inName + "/delist").then().statusCode(200);
        anonymous().get("/api/catalog/popular?limit=50").then().body("id", not(hasItem(inName)));
        anonymous().get("/api/catalog/popular?limit=0").then().statusCode(400);
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + inName + "/submit").then().statusCode(200);
        dev.opengallery.support.Tokens.operator().post("/api/operator/products/" + inName + "/approve").then().statusCode(200);
    }

    @Test
    void aRepeatedSearchIsServedFromTheCacheWithinItsTtlButCatalogueChangesShowAtOnce() {
        String search = "/api/catalog/products?q=" + word + "&category=PROJECT_MANAGEMENT&sort=POPULARITY";
        anonymous().get(search).then().statusCode(200)
                .body("items.id", contains(cheapSaas), "items[0].paidOrdersLast30Days", is(0));
        record(cheapSaas, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 2);
        // the same search (case and blanks do not make another one) within half the TTL: the page seen moments ago
        clock.advance(cacheTtl.multipliedBy(4).dividedBy(10));
        anonymous().get(search).then().body("items[0].paidOrdersLast30Days", is(0));
        anonymous().get(search.replace("q=" + word, "q=  " + word.toUpperCase() + " ")).then()
                .body("items[0].paidOrdersLast30Days", is(0));
        // past its refresh point (nine tenths of the TTL at the latest): still the page seen before, while it is
        // queried again in the background ...
        clock.advance(cacheTtl.multipliedBy(55).dividedBy(100));
        anonymous().get(search).then().body("items[0].paidOrdersLast30Days", is(0));
        // ... and then the refreshed one, without the clock moving
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen;
        do {
            seen = anonymous().get(search).then().extract().path("items[0].paidOrdersLast30Days");
        } while (seen != 2 && System.nanoTime() < deadline && sleep(50));
        org.junit.jupiter.api.Assertions.assertEquals(2, seen, "the background refresh never replaced the page");
        // a page not asked for during its whole TTL is not served any more: the next search waits for a query
        record(cheapSaas, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 1);
        clock.advance(cacheTtl);
        anonymous().get(search).then().body("items[0].paidOrdersLast30Days", is(3));
        // a clock moved back does not make a later page valid at an earlier time
        clock.advance(cacheTtl.multipliedBy(-2));
        record(cheapSaas, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 1);
        anonymous().get(search).then().body("items[0].paidOrdersLast30Days", is(4));

        // a seller profile change and a delisting show in the very next search
        String profile = "/api/seller/profile";
        int version = dev.opengallery.support.Tokens.seller(seller).get(profile).then().extract().path("version");
        dev.opengallery.support.Tokens.seller(seller).body(Map.of("companyName", "Renamed " + seller,
                "serviceEmail", seller + "@sellers.example", "servicePhone", "+1 415 555 0100",
                "supportRange", "Mon-Fri 09:00-18:00 UTC", "version", version)).put(profile).then().statusCode(200);
        anonymous().get(search).then().body("items[0].sellerName", is("Renamed " + seller),
                "items[0].paidOrdersLast30Days", is(4));
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + cheapSaas + "/delist").then()
                .statusCode(200);
        anonymous().get(search).then().body("total", is(0), "items", hasSize(0));
        dev.opengallery.support.Tokens.seller(seller).post("/api/seller/products/" + cheapSaas + "/submit").then()
                .statusCode(200);
        anonymous().get(search).then().body("total", is(0));
        dev.opengallery.support.Tokens.operator().post("/api/operator/products/" + cheapSaas + "/approve").then()
                .statusCode(200);
        anonymous().get(search).then().body("items.id", contains(cheapSaas));
    }

    @Test
    void aChangeNotifiedByAnotherInstanceClearsThisInstancesCache() {
        String search = "/api/catalog/products?q=" + word + "&type=LICENSE";
        anonymous().get(search).then().body("items.id", contains(license));
        // another instance of the service delists the product: its row changes and it notifies the channel
        pool.preparedQuery("update product set status = 'DELISTED' where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(license))).await().indefinitely();
        anonymous().get(search).then().body("items.id", contains(license)); // this instance still has the page
        pool.query("notify opengallery_catalog").execute().await().indefinitely();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int total;
        do {
            total = anonymous().get(search).then().extract().path("total");
        } while (total != 0 && System.nanoTime() < deadline && sleep(50));
        org.junit.jupiter.api.Assertions.assertEquals(0, total, "the notification never cleared the cache");
        pool.preparedQuery("update product set status = 'LISTED' where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(license))).await().indefinitely();
        pool.query("notify opengallery_catalog").execute().await().indefinitely();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void record(String productId, LocalDate day, int times) {
        for (int i = 0; i < times; i++) {
            db.transaction(c -> repository.recordPaidOrder(c, UUID.fromString(productId), day)).await()
                    .indefinitely();
        }
    }
}
