package dev.opengallery.catalog;

import static dev.opengallery.support.Tokens.anonymous;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The search on the RUM path (the test databases come from template1, which has the extension), with the result
 * cache in front of it; what every path answers is in {@link SearchContract}.
 */
@QuarkusTest
class SearchTest extends SearchContract {

    @ConfigProperty(name = "opengallery.catalog.search-cache.ttl")
    Duration cacheTtl;

    @Override
    SearchSql.Path expectedPath() {
        return SearchSql.Path.RUM;
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

}
