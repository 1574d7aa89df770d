package dev.opengallery.ordering;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The compute control plane's provisioning API: creates the ECS an image order runs on. The login password
 * passes through here, in memory, and nowhere else.
 */
@ApplicationScoped
public class ComputeClient {

    @Inject
    Vertx vertx;

    @Inject
    ComputeConfig config;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    public record EcsSpec(UUID orderId, UUID accountId, UUID imageProductId, UUID specificationId, String billingMode,
            int periods, String flavor, UUID vpcId, String securityGroup, String name) {
    }

    /** The new ECS's id, or a failure saying why it could not be created. */
    public Uni<String> createEcs(EcsSpec spec, String password) {
        if (config.url().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no compute service is configured"));
        }
        JsonObject body = JsonObject.mapFrom(spec).put("password", password);
        return client.postAbs(config.url().get() + "/ecs").timeout(config.timeout().toMillis()).sendJsonObject(body).map(resp -> {
            if (resp.statusCode() / 100 != 2) {
                throw new IllegalStateException("the compute service refused the ECS (HTTP " + resp.statusCode() + ")");
            }
            JsonObject answer = resp.bodyAsJsonObject();
            String ecsId = answer == null ? null : answer.getString("ecsId");
            if (ecsId == null || ecsId.isBlank()) {
                throw new IllegalStateException("the compute service returned no ECS id");
            }
            return ecsId;
        });
    }
}
