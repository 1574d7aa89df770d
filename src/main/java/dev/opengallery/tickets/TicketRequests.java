package dev.opengallery.tickets;

import java.math.BigDecimal;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Request bodies of the ticket API. */
public final class TicketRequests {

    private TicketRequests() {
    }

    @Schema(name = "TicketText", description = "A message, and optionally the version you read")
    public record Text(
            @Schema(description = "Plain text (up to 10000 characters)", required = true,
                    example = "Please send the invoice number of the payment") String text,
            @Schema(description = "The ticket's version you read; 409 if it changed since", example = "2") Long version) {
    }

    @Schema(name = "TicketNote", description = "An optional note, and optionally the version you read")
    public record Note(
            @Schema(description = "Plain text (up to 10000 characters)", example = "Solved, thank you") String text,
            @Schema(description = "The ticket's version you read; 409 if it changed since", example = "2") Long version) {
    }

    @Schema(name = "TicketAssign")
    public record Assign(
            @Schema(description = "The token subject of the operator to assign the ticket to; omitted: yourself. "
                    + "That operator must have acted on tickets before (422 otherwise).", example = "operator-2")
            String assigneeSubject,
            @Schema(description = "The ticket's version you read; 409 if it changed since", example = "2") Long version) {
    }

    @Schema(name = "TicketResolve")
    public record Resolve(
            @Schema(description = "The resolution, told to the buyer (up to 10000 characters)", required = true,
                    example = "Your credit limit is now 5000.00") String text,
            @Schema(description = "CREDIT_LIMIT tickets only, and required there: GRANTED sets the buyer's credit "
                    + "limit to creditLimit in the same transaction; DECLINED changes nothing")
            Ticket.CreditOutcome outcome,
            @Schema(description = "With GRANTED only: the new credit limit (0 to 10000000, 2 decimals); a limit below "
                    + "what the buyer owes on credit answers 422 and the ticket stays as it was",
                    minimum = "0", maximum = "10000000", example = "5000.00") BigDecimal creditLimit,
            @Schema(description = "The ticket's version you read; 409 if it changed since", example = "2") Long version) {
    }

    /** Multipart form of a new ticket. */
    @Schema(name = "TicketOpenForm")
    public static class OpenForm {
        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "CANNOT_CONTACT_SELLER, BILLING_OR_REFUND, CREDIT_LIMIT, TECHNICAL or OTHER",
                required = true, example = "CANNOT_CONTACT_SELLER")
        public String category;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "One line, up to 200 characters", required = true,
                example = "Cannot reach the seller of Helpdesk Pro")
        public String subject;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "What happened (up to 10000 characters)", required = true,
                example = "I wrote to the seller's service e-mail three times since Monday without an answer")
        public String description;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "One of your orders it concerns (at most one of orderId, appId, productId)")
        public String orderId;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "One of your purchased apps it concerns")
        public String appId;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "A product on sale, or one you ordered, it concerns")
        public String productId;

        @RestForm("files")
        @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary",
                description = "Attachments (at most 3, 3 MiB each, PDF, images, text, CSV, ZIP, Word, Excel)")
        public List<FileUpload> files;
    }

    /** Multipart form of a reply. */
    @Schema(name = "TicketReplyForm")
    public static class ReplyForm {
        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "Your message (up to 10000 characters)", required = true,
                example = "The order number is on the attached invoice")
        public String text;

        @RestForm
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(description = "The ticket's version you read; 409 if it changed since", example = "2")
        public String version;

        @RestForm("files")
        @Schema(type = SchemaType.ARRAY, implementation = String.class, format = "binary",
                description = "Attachments (at most 3, 3 MiB each, PDF, images, text, CSV, ZIP, Word, Excel)")
        public List<FileUpload> files;
    }
}
