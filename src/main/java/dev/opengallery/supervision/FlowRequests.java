package dev.opengallery.supervision;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request bodies of the supervision API. */
public final class FlowRequests {

    private FlowRequests() {
    }

    @Schema(name = "FlowReason", description = "A reason (rejections, appeals), and optionally the version you read")
    public record ReasonRequest(
            @Schema(description = "Why, in plain text (up to 2000 characters)", example = "The delivered report "
                    + "misses the migration plan")
            String reason,
            @Schema(description = "The flow's version you read; 409 if it changed since", example = "3") Long version) {
    }

    @Schema(name = "FlowAccept")
    public record AcceptRequest(
            @Schema(description = "Must be true: once accepted the service cannot be unsubscribed from. If anything is "
                    + "missing, contact the seller before accepting.", required = true, example = "true")
            Boolean confirmNoUnsubscribe,
            @Schema(description = "Optional note", example = "Works as agreed") String note,
            @Schema(description = "The flow's version you read; 409 if it changed since", example = "3") Long version) {
    }

    @Schema(name = "AppealDecision")
    public record DecisionRequest(
            @NotNull @Schema(description = "RESUME: back to where the flow was; COMPLETE: as if the buyer accepted; "
                    + "CANCEL: cancel the order and refund the buyer") AppealDecision decision,
            @Schema(description = "Why (recorded and sent to both parties)", required = true, example = "The seller "
                    + "proved the delivery")
            @JsonProperty("note") String note) {
    }

    /** Multipart form of a buyer's request. */
    @Schema(name = "FlowRequestForm")
    public static class RequestForm {
        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "Your request, following the seller's request template (up to 10000 characters)", required = true,
                example = "Company: Example Ltd.\nAdmin e-mail: it@example.com")
        public String request;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "Professional and consulting services: what you need, clearly described")
        public String requirementDescription;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "The flow's version you read; 409 if it changed since", example = "4")
        public String version;

        @RestForm("files")
        @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary",
                description = "Services: attachments (count, size and types limited by configuration)")
        public List<FileUpload> files;
    }

    /** Multipart form of a seller's delivery. */
    @Schema(name = "FlowDeliveryForm")
    public static class DeliveryForm {
        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "What was delivered (up to 10000 characters)", required = true,
                example = "Tenant created; log in at the management URL with the initial password")
        public String note;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "Licenses: true confirms that the license was delivered offline", example = "true")
        public String offlineDeliveryConfirmed;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "SaaS application information: username")
        public String username;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "SaaS application information: initial password (encrypted at rest, never listed)",
                writeOnly = true)
        public String password;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "SaaS application information: management URL")
        public String managementUrl;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "SaaS application information: frontend URL")
        public String frontendUrl;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "The flow's version you read; 409 if it changed since", example = "4")
        public String version;

        @RestForm("files")
        @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary",
                description = "Attachments (count, size and types limited by configuration)")
        public List<FileUpload> files;

        FlowInput.DeliveryFields delivery() {
            return new FlowInput.DeliveryFields(note, offlineDeliveryConfirmed, username, password, managementUrl,
                    frontendUrl);
        }

        @Override
        public String toString() {
            return "DeliveryForm[password=***]";
        }
    }
}
