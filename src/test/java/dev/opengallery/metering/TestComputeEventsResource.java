package dev.opengallery.metering;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.json.JsonObject;

/**
 * The compute control plane's SUSPEND/RESUME endpoint as tests see it: a real HTTP endpoint the outbox delivers to.
 * It records what it took, and refuses the next {@link #FAIL_NEXT} calls with 503 to exercise retries.
 */
@Path("/test/compute/events")
@PermitAll
public class TestComputeEventsResource {

    public static final List<JsonObject> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    @POST
    public RestResponse<Void> receive(JsonObject event) {
        if (FAIL_NEXT.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE);
        }
        RECEIVED.add(event);
        return RestResponse.accepted();
    }

    static List<JsonObject> forEcs(String ecsId) {
        return RECEIVED.stream().filter(e -> ecsId.equals(e.getString("ecsId"))).toList();
    }
}
