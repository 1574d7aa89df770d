package dev.opengallery.metering;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Roles;
import io.smallrye.mutiny.Uni;

/** The compute control plane reports ECS events here (client-credentials token with role compute). */
@Path("/api/compute/ecs-events")
@RolesAllowed(Roles.COMPUTE)
@Tag(name = "Compute: ECS events")
public class ComputeEventResource {

    public static final int MAX_BATCH = 1000;

    @Inject
    EcsEvents events;

    @Schema(name = "EcsEventBatch")
    public record Batch(@Schema(description = "1 to 1,000 events, in any order", required = true) List<EcsEventRequest> events) {
    }

    @Schema(name = "EcsEventBatchResult")
    public record BatchResult(@Schema(description = "One answer per event, in the order sent") List<EcsEvents.Result> results) {
    }

    @POST
    @Operation(operationId = "reportEcsEvent", summary = "Report one ECS event", description = "CREATED (image product and specification, ECS "
            + "billing mode, expiry of a yearly/monthly ECS), SUSPENDED, RESUMED, IMAGE_REPLACED (the new image; none "
            + "for an image not billed by the hour), EXPIRED, RENEWED (new expiry), DELETED. Answers ACCEPTED, or "
            + "DUPLICATE for an id accepted before (ignored). Refused: 400 malformed, 404 unknown ECS, 409 against the "
            + "ECS's other events (created twice, after deletion), 422 older than 6 hours or an image the account did "
            + "not buy pay-per-use. Events apply in event-time order, so late ones (within 6 hours) are fine.")
    public Uni<EcsEvents.Result> report(EcsEventRequest event) {
        if (event == null) {
            throw ProblemException.badRequest("Send the event as a JSON object");
        }
        return events.accept(event);
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "reportEcsEvents", summary = "Report ECS events in a batch", description = "Up to 1,000 events; each is applied on its own "
            + "and answered on its own (ACCEPTED, DUPLICATE, or REFUSED with the problem a single report would get), "
            + "in the order sent. The batch itself is refused (400) only when it is empty, too large or not JSON.")
    public Uni<BatchResult> reportBatch(Batch batch) {
        if (batch == null || batch.events() == null || batch.events().isEmpty()) {
            throw ProblemException.invalid("events", "must hold 1 to " + MAX_BATCH + " events");
        }
        if (batch.events().size() > MAX_BATCH) {
            throw ProblemException.invalid("events", "must hold at most " + MAX_BATCH + " events, not "
                    + batch.events().size());
        }
        return events.acceptAll(batch.events()).map(BatchResult::new);
    }
}
