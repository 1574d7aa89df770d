package dev.opengallery.tickets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the ticket API answers. The seller's view leaves out the buyer's account and the people behind messages. */
public final class TicketViews {

    private TicketViews() {
    }

    @Schema(name = "TicketSummary", description = "A service ticket in a listing")
    public record Summary(
            UUID id,
            @Schema(description = "The buyer's account; null in the seller's view") UUID accountId,
            TicketCategory category,
            @Schema(example = "Cannot reach the seller of Helpdesk Pro") String subject,
            TicketState state,
            @Schema(description = "Unanswered by an operator for 24 hours or more (opengallery.tickets.answer-within)")
            boolean overdue,
            @Schema(description = "Since when an operator's answer is awaited; null when none is") OffsetDateTime awaitingOperatorSince,
            @Schema(description = "The operator's account the ticket is assigned to; null in the seller's view")
            UUID assigneeId,
            UUID orderId,
            @Schema(description = "The purchased app it concerns") UUID appId,
            UUID productId,
            @Schema(example = "Helpdesk Pro") String productName,
            @Schema(description = "Whether the seller of the product was brought in") boolean sellerInvolved,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime closedAt,
            @Schema(description = "Send it back with a move to be sure nothing changed since", example = "2") long version) {
    }

    @Schema(name = "Ticket", description = "A service ticket with its messages")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            Summary ticket,
            @Schema(example = "I wrote to the seller's service e-mail three times without an answer") String description,
            @Schema(description = "CREDIT_LIMIT tickets once resolved: GRANTED or DECLINED") Ticket.CreditOutcome outcome,
            @Schema(description = "The credit limit granted", example = "5000.00") BigDecimal grantedCreditLimit,
            @Schema(description = "Until when the buyer may reopen the resolved ticket (7 days after resolution)")
            OffsetDateTime reopenUntil,
            @Schema(description = "What you may do now") List<TicketAction> allowedActions,
            @Schema(description = "Every message and move, oldest first") List<Message> messages) {
    }

    @Schema(name = "TicketMessage", description = "One message or move, on record")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(
            UUID id,
            OffsetDateTime at,
            @Schema(description = "Who (null for the service; in the seller's view only the seller's own)") UUID actorId,
            @Schema(description = "customer, operator, seller or system", example = "operator") String actorRole,
            @Schema(description = "OPEN, REPLY, REOPEN, CLOSE, ASSIGN, ASK_BUYER, INVOLVE_SELLER, RESOLVE, "
                    + "AUTO_CLOSE or OVERDUE", example = "REPLY") String action,
            TicketState fromState,
            TicketState toState,
            @Schema(example = "We have contacted the seller; expect an answer within a day") String text,
            List<Attachment> attachments) {
    }

    @Schema(name = "TicketAttachment")
    public record Attachment(UUID id, @Schema(example = "invoice.pdf") String fileName,
            @Schema(example = "application/pdf") String contentType, @Schema(example = "48213") long size,
            OffsetDateTime createdAt) {
    }

    /** What an idempotent opening stores and replays: the new ticket's id (the answer shows it as it is now). */
    public record Opened(UUID id) {
    }
}
