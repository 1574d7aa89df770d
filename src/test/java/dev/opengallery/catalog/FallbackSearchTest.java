package dev.opengallery.catalog;

import static dev.opengallery.support.Tokens.anonymous;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.apps.LogCapture;
import dev.opengallery.support.PostgresTestResource;
import dev.opengallery.support.WiremockOidcSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The search on a database without the RUM extension (created from template0, as on a plain managed PostgreSQL): the
 * migration creates no RUM index, the service warns at start what to run and searches with the GIN statement,
 * answering what {@link SearchContract} asks of every path.
 */
@QuarkusTest
@TestProfile(FallbackSearchTest.WithoutRum.class)
class FallbackSearchTest extends SearchContract {

    public static class WithoutRum implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, PostgresTestResource.WITHOUT_EXTENSIONS),
                    new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(WiremockOidcSettings.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Override
    SearchSql.Path expectedPath() {
        return SearchSql.Path.FALLBACK;
    }

    @Test
    void theServiceWarnedAtStartWhatToRunAndTheDatabaseHasNoRumIndex() {
        assertTrue(searchIndex.warned(), "no warning at start");
        assertEquals(0, pool.query("select 1 from pg_extension where extname = 'rum' union all "
                + "select 1 from pg_class where relname = '" + SearchIndex.INDEX + "'").execute().await().indefinitely()
                .size());
        // the check the service runs at start, run again: the same warning, naming what to do
        try (LogCapture log = new LogCapture()) {
            assertEquals(SearchSql.Path.FALLBACK, searchIndex.check().await().indefinitely());
            String warning = log.lines().stream().filter(l -> l.contains("WITHOUT the RUM index")).findFirst()
                    .orElseThrow(() -> new AssertionError("no warning in " + log.lines()));
            assertTrue(warning.contains("create extension if not exists rum"), warning);
            assertTrue(warning.contains(SearchIndex.CREATE_INDEX), warning);
        }
        anonymous().get("/api/catalog/products?q=" + word).then().statusCode(200).body("total", is(5));
    }
}
