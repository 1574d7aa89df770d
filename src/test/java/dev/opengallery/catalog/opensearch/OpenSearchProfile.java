package dev.opengallery.catalog.opensearch;

import java.util.List;

import dev.opengallery.support.OpenSearchTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service searching with OpenSearch ({@code opengallery.search.engine=opensearch}) against the test node of
 * {@link OpenSearchTestResource}; the other test resources (PostgreSQL, OIDC) as everywhere.
 */
public class OpenSearchProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenSearchTestResource.class));
    }
}
