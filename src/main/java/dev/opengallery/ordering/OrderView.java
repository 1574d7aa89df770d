package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;

/** An order as its buyer, its seller and operators see it. */
@Schema(name = "Order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        UUID id,
        UUID accountId,
        UUID sellerId,
        UUID productId,
        ProductType productType,
        @Schema(example = "CloudCRM Suite") String productName,
        UUID specificationId,
        @Schema(example = "Team") String specificationName,
        PricingModel pricingModel,
        BillingMode billingMode,
        @Schema(example = "10") int quantity,
        @Schema(example = "1") int periods,
        @Schema(example = "USD") String currency,
        @Schema(example = "10.00") BigDecimal unitPrice,
        @Schema(description = "Price before discount", example = "100.00") BigDecimal listPrice,
        @Schema(example = "0.00") BigDecimal discountAmount,
        @Schema(description = "Images: the image's fee", example = "30.00") BigDecimal imageFee,
        @Schema(description = "Images: the cloud resource (ECS) fee", example = "33.60") BigDecimal ecsFee,
        @Schema(description = "What the buyer pays (for reference only when a reseller pays)", example = "100.00") BigDecimal amountDue,
        OrderState state,
        boolean supervised,
        boolean contactAuthorized,
        @Schema(description = "A reseller's customer: the reseller pays") boolean paidByReseller,
        String reseller,
        PaymentMethod paymentMethod,
        EcsView ecs,
        @Schema(description = "NONE, REQUESTED, ISSUED, RETURN_REQUESTED, RETURNED") String invoiceState,
        OffsetDateTime termsAcceptedAt,
        OffsetDateTime createdAt,
        OffsetDateTime paidAt,
        OffsetDateTime completedAt,
        OffsetDateTime canceledAt,
        String cancelReason,
        @Schema(description = "The private offer the order used") UUID offerId,
        @Schema(description = "Paid in milestones (monthly settlement)") boolean milestone,
        @Schema(description = "NEW, or RENEWAL, UPGRADE, EXPANSION of a purchased app") String kind,
        @Schema(description = "The purchased app a renewal or change order is for") UUID subscriptionId,
        @Schema(description = "Every state change: who, when, why (details only)") List<OrderEvent> events) {

    @Schema(name = "OrderEcs")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EcsView(UUID vpcId, String securityGroup, OrderRequest.Provisioning provisioning, String flavor,
            String name, @Schema(description = "Set once the ECS exists") String ecsId) {
    }

    @Schema(name = "OrderEvent")
    public record OrderEvent(OffsetDateTime at, UUID actorId, @Schema(example = "customer") String actorRole,
            @Schema(nullable = true, description = "None on the event that created the order") OrderState fromState,
            OrderState toState, String reason) {
    }

    public OrderView withEvents(List<OrderEvent> list) {
        return new OrderView(id, accountId, sellerId, productId, productType, productName, specificationId,
                specificationName, pricingModel, billingMode, quantity, periods, currency, unitPrice, listPrice,
                discountAmount, imageFee, ecsFee, amountDue, state, supervised, contactAuthorized, paidByReseller,
                reseller, paymentMethod, ecs, invoiceState, termsAcceptedAt, createdAt, paidAt, completedAt, canceledAt,
                cancelReason, offerId, milestone, kind, subscriptionId, list);
    }
}
