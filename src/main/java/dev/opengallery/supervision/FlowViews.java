package dev.opengallery.supervision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.catalog.ProductType;

/** What the supervision API answers. */
public final class FlowViews {

    private FlowViews() {
    }

    @Schema(name = "ServiceFlowSummary", description = "A service flow in a listing")
    public record FlowSummary(
            UUID id,
            UUID orderId,
            UUID accountId,
            UUID sellerId,
            UUID productId,
            ProductType productType,
            @Schema(example = "Data Migration Pro") String productName,
            @Schema(example = "Standard") String specificationName,
            FlowState state,
            @Schema(description = "An appeal is open: neither side can move the flow until an operator decides")
            boolean frozen,
            UUID openAppealId,
            @Schema(description = "Milestone being delivered, from 1", example = "1") int milestone,
            @Schema(description = "Milestones of the order (1 without a milestone plan)", example = "1") int milestones,
            @Schema(example = "PROCESSING") String orderState,
            @Schema(example = "1500.00") BigDecimal amount,
            @Schema(example = "USD") String currency,
            @Schema(description = "When the flow was opened (the order was paid)") OffsetDateTime createdAt,
            @Schema(description = "Since when the flow has been in its state") OffsetDateTime stateSince,
            @Schema(description = "Optimistic concurrency: send it back with a move to make sure nothing changed")
            long version) {
    }

    @Schema(name = "ServiceFlow", description = "A service flow with its operation records")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlowView(
            FlowSummary flow,
            @Schema(description = "The seller's request template (SaaS and services)") String requestTemplate,
            @Schema(description = "The buyer's request as submitted") String request,
            @Schema(description = "Services: the buyer's requirement description") String requirementDescription,
            int requestRejections,
            int deliveryRejections,
            OffsetDateTime acceptedAt,
            @Schema(description = "When an accepted flow completes") OffsetDateTime completesAt,
            OffsetDateTime closedAt,
            OffsetDateTime lastRemindedAt,
            @Schema(description = "Buyer: when the next reminder can be sent (null: now, if it is the seller's turn)")
            OffsetDateTime nextReminderAt,
            @Schema(description = "Your position on appeals") Appealability appeal,
            @Schema(description = "What you can do now") List<FlowAction> allowedActions,
            @Schema(description = "SaaS: the application information supplied by the seller (the password is revealed "
                    + "by an explicit, audited call)") AppInfo applicationInfo,
            List<Operation> operations,
            List<Appeal> appeals) {
    }

    @Schema(name = "FlowAppealability")
    public record Appealability(
            @Schema(description = "You may appeal now") boolean eligible,
            @Schema(description = "Why you may appeal") List<AppealRules.Ground> grounds,
            @Schema(description = "If the other side stays silent, when you may appeal") OffsetDateTime silentFrom) {
    }

    @Schema(name = "FlowOperation", description = "One move, on record")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(
            UUID id,
            OffsetDateTime at,
            UUID actorId,
            @Schema(example = "seller") String actorRole,
            @Schema(example = "DELIVER") String action,
            FlowState fromState,
            FlowState toState,
            int milestone,
            String note,
            List<Attachment> attachments) {
    }

    @Schema(name = "FlowAttachment")
    public record Attachment(
            UUID id,
            @Schema(example = "delivery-report.pdf") String fileName,
            @Schema(example = "application/pdf") String contentType,
            @Schema(example = "48213") long size,
            OffsetDateTime uploadedAt) {
    }

    @Schema(name = "FlowAppeal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appeal(
            UUID id,
            UUID flowId,
            UUID orderId,
            @Schema(example = "Data Migration Pro") String productName,
            UUID openedBy,
            @Schema(example = "customer") String openedRole,
            String reason,
            List<AppealRules.Ground> grounds,
            FlowState stateAtOpen,
            @Schema(description = "OPEN, DECIDED, or CLOSED (the flow was closed by the 365-day rule)") String status,
            @Schema(description = "RESUME, COMPLETE, CANCEL; AUTO_CLOSE or AUTO_CANCEL by the 365-day rule") String decision,
            String decisionNote,
            UUID decidedBy,
            OffsetDateTime openedAt,
            OffsetDateTime decidedAt) {
    }

    @Schema(name = "FlowAppInfo", description = "SaaS application information; the password is never listed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppInfo(
            @Schema(example = "admin") String username,
            @Schema(description = "A password was supplied; reveal it with the reveal call") boolean passwordSet,
            @Schema(example = "https://crm.example.com/admin") String managementUrl,
            @Schema(example = "https://crm.example.com") String frontendUrl,
            @Schema(description = "The product guide") String productGuideUrl) {
    }

    @Schema(name = "FlowRevealedPassword")
    public record RevealedPassword(@Schema(example = "Initial#2026") String password) {
    }
}
