package dev.opengallery.metering;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.json.JsonObject;

/**
 * Dev mode only: stands in for the compute control plane's endpoint for SUSPEND/RESUME/RELEASE events, so that arrears can
 * be tried locally; it logs the event and keeps nothing. Production sets {@code opengallery.compute.events-url}.
 */
@IfBuildProfile("dev")
@Path("/dev/compute/events")
@PermitAll
@Tag(name = "Dev mode")
public class DevComputeEventsResource {

    private static final Logger LOG = Logger.getLogger(DevComputeEventsResource.class);

    @POST
    @Operation(operationId = "devReceiveComputeEvent", summary = "Dev mode: a local stand-in for the compute control plane's SUSPEND/RESUME/RELEASE endpoint")
    public void receive(JsonObject event) {
        LOG.infof("Compute event %s %s for ECS %s", event.getString("id"), event.getString("type"),
                event.getString("ecsId"));
    }
}
