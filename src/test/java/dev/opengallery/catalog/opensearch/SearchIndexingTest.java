package dev.opengallery.catalog.opensearch;

import static dev.opengallery.catalog.CatalogFixtures.flatSpec;
import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.product;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.catalog.opensearch.IndexFixtures.doc;
import static dev.opengallery.support.Tokens.customer;
import static dev.opengallery.support.Tokens.operator;
import static dev.opengallery.support.Tokens.seller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.CatalogConfig;
import dev.opengallery.core.AppClock;
import dev.opengallery.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every change of what a search document holds reaches the OpenSearch index through the search outbox: listing,
 * delisting, a seller's new company name, a paid order; deliveries repeat and cross without an older document
 * winning; the daily popularity drift.
 */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class SearchIndexingTest {

    @Inject
    OpenSearchConnection connection;

    @Inject
    ProductIndex index;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Inject
    CatalogConfig catalog;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        IndexFixtures.awaitAlias(connection.alias());
    }

    /** Runs the delivery job as operators do; answers how many changes it moved. */
    static int deliver() {
        return operator().queryParam("limit", 5000).post("/api/operator/jobs/search-outbox/run").then().statusCode(200)
                .extract().path("moved");
    }

    @Test
    void aListedProductAppearsOnceDeliveredAndADelistedOneIsGone() {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, saas("Ledger " + word, "Backups for " + word));
        assertNull(doc(connection.alias(), id), "not before the outbox is delivered");

        assertTrue(deliver() >= 1);
        JsonObject d = doc(connection.alias(), id);
        assertNotNull(d);
        JsonObject source = d.getJsonObject("_source");
        assertEquals("Ledger " + word, source.getString("name"));
        assertEquals("LISTED", source.getString("status"));
        assertEquals("Company of " + seller, source.getString("company_name"));

        seller(seller).post("/api/seller/products/" + id + "/delist").then().statusCode(200);
        deliver();
        assertNull(doc(connection.alias(), id));
        // everything noted was delivered
        assertEquals(0L, pending(id));
    }

    @Test
    void aSellersNewCompanyNameReachesEveryListedProductOfTheSeller() {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String a = listed(seller, saas("Alpha " + word, "x"));
        String b = listed(seller, saas("Beta " + word, "x"));
        deliver();
        assertEquals("Company of " + seller, companyName(a));

        Integer version = seller(seller).get("/api/seller/profile").then().statusCode(200).extract().path("version");
        seller(seller).body(Map.of("companyName", "Renamed " + word, "serviceEmail", seller + "@sellers.example",
                "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri", "version", version))
                .put("/api/seller/profile").then().statusCode(200);
        assertEquals(2L, pending(a) + pending(b), "one change per listed product of the seller");
        deliver();
        assertEquals("Renamed " + word, companyName(a));
        assertEquals("Renamed " + word, companyName(b));
    }

    @Test
    void aPaidOrderMovesTheProductsPaidOrders() {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, product("LICENSE", "SECURITY", "Shield " + word, "x",
                List.of(flatSpec("Perpetual", "ONE_TIME", "30.00"))));
        deliver();
        assertEquals(0L, paidOrders(id));

        String buyer = Tokens.fresh("ix-buyer");
        String account = customer(buyer).get("/api/account").then().statusCode(200).extract().path("id");
        operator().body(Map.of("amount", "100.00", "reference", "ix-" + UUID.randomUUID()))
                .post("/api/operator/accounts/" + account + "/top-up").then().statusCode(200);
        String spec = Tokens.anonymous().get("/api/catalog/products/" + id).then().statusCode(200).extract()
                .path("specifications[0].id");
        Map<String, Object> order = new HashMap<>(Map.of("productId", id, "specificationId", spec,
                "billingMode", "ONE_TIME", "periods", 1, "acceptTerms", true, "paymentMethod", "BALANCE"));
        customer(buyer).body(order).post("/api/orders").then().statusCode(201);

        deliver();
        assertEquals(1L, paidOrders(id));
    }

    @Test
    void repeatedAndCrossingDeliveriesLeaveTheNewestDocument() {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, saas("Gamma " + word, "x"));
        deliver();
        // a delivery read now, sent late (a replica that stalled)
        RowSet<Row> old = read(id);
        long oldVersion = version();

        Integer v = seller(seller).get("/api/seller/profile").then().statusCode(200).extract().path("version");
        seller(seller).body(Map.of("companyName", "Newer " + word, "serviceEmail", seller + "@sellers.example",
                "servicePhone", "+1 415 555 0100", "supportRange", "Mon-Fri", "version", v))
                .put("/api/seller/profile").then().statusCode(200);
        deliver();
        long newest = doc(connection.alias(), id).getLong("_version");
        assertTrue(newest > oldVersion);

        // the late delivery of the older read changes nothing
        List<UUID> failed = index.write(connection.alias(), old, oldVersion).await().indefinitely();
        assertEquals(List.of(), failed, "a version conflict is no failure: the newer document stays");
        assertEquals("Newer " + word, companyName(id));
        assertEquals(newest, doc(connection.alias(), id).getLong("_version"));

        // the same change delivered again (the service stopped before recording it): same document
        pool.preparedQuery("update search_outbox set status = 'PENDING', sent_at = null where product_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        assertTrue(deliver() >= 1);
        assertEquals("Newer " + word, companyName(id));
        assertEquals(0L, pending(id));
    }

    @Test
    void theDayThatLeavesThePopularityWindowNotesItsProductsOnceOverAllRuns() {
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id = listed(seller, saas("Delta " + word, "x"));
        deliver();
        LocalDate left = IndexingRules.dayLeftWindow(clock.today(), catalog.popularityWindow());
        pool.preparedQuery("insert into product_sales_day (product_id, day, shard, paid_orders) values ($1, $2, 0, 3)")
                .execute(Tuple.of(UUID.fromString(id), left)).await().indefinitely();

        int noted = operator().post("/api/operator/jobs/search-popularity/run").then().statusCode(200)
                .extract().path("moved");
        // this product, and any other test's product that sold on that day (the test database is shared)
        assertTrue(noted >= 1, "noted " + noted);
        assertEquals(1L, pending(id));
        // the same day is not noted again, by this replica or another
        operator().post("/api/operator/jobs/search-popularity/run").then().statusCode(200).body("moved",
                org.hamcrest.Matchers.is(0));
        deliver();
        assertEquals(0L, paidOrders(id), "the sales of the day that left the window no longer count");
    }

    private String companyName(String id) {
        return doc(connection.alias(), id).getJsonObject("_source").getString("company_name");
    }

    private long paidOrders(String id) {
        return doc(connection.alias(), id).getJsonObject("_source").getLong("paid_orders");
    }

    private long pending(String id) {
        return pool.preparedQuery("select count(*) as n from search_outbox where product_id = $1 and status = 'PENDING'")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getLong("n");
    }

    private long version() {
        return pool.preparedQuery("select nextval('search_document_version') as v").execute().await().indefinitely()
                .iterator().next().getLong("v");
    }

    private RowSet<Row> read(String id) {
        return pool.preparedQuery(ProductDocuments.SELECT + " where p.id = $2")
                .execute(Tuple.of(IndexingRules.popularitySince(clock.today(), catalog.popularityWindow()),
                        UUID.fromString(id)))
                .await().indefinitely();
    }
}
