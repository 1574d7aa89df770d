package dev.opengallery.catalog.opensearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;

/**
 * {@code /q/health/group/search}: whether the OpenSearch cluster answers and an index is behind the alias, with the
 * outbox's lag (seconds since the oldest undelivered change) and backlog. Its own group, not readiness: while
 * OpenSearch is away searches are answered by PostgreSQL and the instance stays ready. UP, with
 * {@code engine=postgresql}, when OpenSearch is not used.
 */
@HealthGroup("search")
@ApplicationScoped
public class SearchHealth implements AsyncHealthCheck {

    static final String NAME = "OpenSearch catalogue index";

    @Inject
    SearchConfig config;

    @Inject
    OpenSearchConnection connection;

    @Inject
    SearchMetrics metrics;

    @Override
    public Uni<HealthCheckResponse> call() {
        if (config.engine() != SearchConfig.Engine.OPENSEARCH) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up().withData("engine", "postgresql").build());
        }
        Uni<String> alias = connection.call(c -> c.indices().existsAlias(e -> e.name(connection.alias())))
                .map(exists -> exists.value() ? "present" : "missing")
                .onFailure().recoverWithItem(e -> "unreachable: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
        return Uni.combine().all().unis(alias, metrics.backlog().onFailure().recoverWithNull()).asTuple().map(t -> {
            HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).status("present".equals(t.getItem1()))
                    .withData("engine", "opensearch").withData("alias", connection.alias())
                    .withData("index", t.getItem1());
            SearchMetrics.Backlog backlog = t.getItem2();
            if (backlog != null) {
                b.withData("pending", backlog.pending()).withData("lagSeconds", (long) Math.ceil(backlog.lagSeconds()));
            }
            return b.build();
        });
    }
}
