package dev.opengallery.catalog.opensearch;

import static dev.opengallery.catalog.CatalogFixtures.listed;
import static dev.opengallery.catalog.CatalogFixtures.profile;
import static dev.opengallery.catalog.CatalogFixtures.saas;
import static dev.opengallery.catalog.opensearch.IndexFixtures.doc;
import static dev.opengallery.catalog.opensearch.SearchIndexingTest.deliver;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.DatabaseGauges;
import dev.opengallery.core.Times;
import dev.opengallery.support.OpenSearchTestResource;
import dev.opengallery.support.Scrape;
import dev.opengallery.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * OpenSearch stops mid-run: changes wait in the outbox without spending attempts, the search health group is DOWN
 * and the lag gauge grows; once it is back, one delivery run catches up and both recover.
 */
@QuarkusTest
@TestProfile(OpenSearchProfile.class)
class SearchCatchUpTest {

    @Inject
    OpenSearchConnection connection;

    @Inject
    DatabaseGauges gauges;

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        IndexFixtures.awaitAlias(connection.alias());
    }

    @Test
    void changesWaitWhileTheNodeIsDownAndAreDeliveredWhenItReturns() {
        // other test classes share this database and the test clock, which they move: changes they noted while the
        // clock stood ahead are due "later"; make everything due now and deliver it, so that the outbox starts empty
        pool.preparedQuery("update search_outbox set next_attempt_at = $1 where status = 'PENDING'")
                .execute(Tuple.of(Times.ts(clock.instant()))).await().indefinitely();
        deliver();
        assertEquals(0L, pool.query("select count(*) as n from search_outbox where status = 'PENDING'").execute()
                .await().indefinitely().iterator().next().getLong("n"), "the outbox starts empty");
        RestAssured.get("/q/health/group/search").then().statusCode(200).body("status", is("UP"),
                "checks[0].data.index", is("present"));
        String word = IndexFixtures.word();
        String seller = "seller-" + word;
        profile(seller);
        String id;
        OpenSearchTestResource.stopNode();
        try {
            id = listed(seller, saas("Zeta " + word, "x"));
            // readiness stays UP: searches fall back to PostgreSQL
            RestAssured.get("/q/health/ready").then().statusCode(200);
            RestAssured.get("/q/health/group/search").then().statusCode(503).body("status", is("DOWN"));

            assertEquals(0, deliver(), "nothing is claimed while the cluster does not answer");
            assertEquals(0, deliver());
            Row row = outboxRow(id);
            assertEquals("PENDING", row.getString("status"));
            assertEquals(0, row.getInteger("attempts"), "no attempt is spent while the cluster is away");

            clock.advance(Duration.ofSeconds(90));
            gauges.refresh().await().indefinitely();
            assertTrue(Scrape.value("opengallery_search_outbox_lag_seconds") >= 90);
            assertTrue(Scrape.value("opengallery_search_outbox_pending") >= 1);
            RestAssured.get("/q/health/group/search").then().statusCode(503)
                    .body("checks[0].data.pending", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        } finally {
            OpenSearchTestResource.startNode();
        }
        assertNull(doc(connection.alias(), id));
        assertTrue(deliver() >= 1);
        assertNotNull(doc(connection.alias(), id));
        assertEquals("SENT", outboxRow(id).getString("status"));
        assertEquals(1, outboxRow(id).getInteger("attempts"));

        gauges.refresh().await().indefinitely();
        assertEquals(0.0, Scrape.value("opengallery_search_outbox_lag_seconds"));
        RestAssured.get("/q/health/group/search").then().statusCode(200).body("status", is("UP"),
                "checks[0].data.pending", is(0), "checks[0].data.lagSeconds", is(0));
    }

    private Row outboxRow(String id) {
        return pool.preparedQuery("select status, attempts from search_outbox where product_id = $1 order by seq desc limit 1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
    }
}
