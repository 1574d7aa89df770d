package dev.opengallery.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.json.JsonObject;

/**
 * The compute control plane as tests see it: a real HTTP endpoint the service calls to create an ECS. It
 * refuses ECS names starting with "fail", and records what it was asked (tests check the password arrived
 * here and nowhere else).
 */
@Path("/test/compute/ecs")
@PermitAll
public class TestComputeResource {

    public static final List<JsonObject> REQUESTS = new CopyOnWriteArrayList<>();

    @POST
    public RestResponse<Map<String, String>> create(JsonObject request) {
        REQUESTS.add(request);
        if (request.getString("name", "").startsWith("fail")) {
            return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE);
        }
        return RestResponse.ok(Map.of("ecsId", "ecs-" + UUID.randomUUID().toString().substring(0, 12)));
    }
}
