package dev.opengallery.ordering;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.json.JsonObject;

/**
 * Dev mode only: stands in for the cloud's compute control plane so that image orders can be tried locally
 * (like the mock mailbox stands in for SMTP). It answers a new ECS id and keeps nothing, the password
 * included. Production points {@code opengallery.compute.url} at the real control plane.
 */
@IfBuildProfile("dev")
@Path("/dev/compute/ecs")
@PermitAll
@Tag(name = "Dev mode")
public class DevComputeResource {

    @POST
    @Operation(operationId = "devCreateEcs", summary = "Dev mode: a local stand-in for the compute control plane's ECS creation")
    public Map<String, String> create(JsonObject request) {
        return Map.of("ecsId", "ecs-" + UUID.randomUUID().toString().substring(0, 12));
    }
}
