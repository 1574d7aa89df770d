package dev.opengallery.ordering;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.catalog.BillingMode;

/** What a buyer orders. The server prices it; a client never sends a price. */
@Schema(name = "OrderRequest")
public record OrderRequest(
        @NotNull UUID productId,
        @NotNull UUID specificationId,
        @NotNull BillingMode billingMode,
        @Min(1) @Schema(description = "Defaults to the specification's minimum", example = "10") Integer quantity,
        @Min(1) @Schema(description = "Years, months; 1 for one-time and pay-per-use. Defaults to 1", example = "1") Integer periods,
        @Schema(description = "The buyer accepts the terms and conditions; required (true) to place an order") Boolean acceptTerms,
        @Schema(description = "SaaS whose seller asks for it: the buyer authorises the seller to use the account's "
                + "contact details to create the application account") Boolean contactAuthorization,
        @Valid @Schema(description = "Required for images: the ECS the image runs on") EcsRequest ecs,
        @Schema(description = "Pay Now: pay in the same request (BALANCE or CREDIT); leave out to pay later") PaymentMethod paymentMethod,
        @Schema(description = "Order through this private offer (its link or the exclusive offers list): the order "
                + "must match the offer exactly. Without it, a matching offer of yours is linked by itself") UUID offerId) {

    @Schema(name = "EcsRequest", description = "Quick provisioning sets vpcId, securityGroup and password (a "
            + "default flavour and name are used); customised provisioning also sets flavor and name")
    public record EcsRequest(
            @NotNull UUID vpcId,
            @NotNull @Size(min = 1, max = 64) @Schema(description = "A security group recommended by the seller, or "
                    + "one created in the VPC", example = "web-80-443") String securityGroup,
            @Schema(description = "QUICK (default) or CUSTOM") Provisioning provisioning,
            @Size(max = 32) @Schema(description = "ECS flavour (CUSTOM); QUICK uses s6.medium.2", example = "s6.large.2") String flavor,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may contain letters, digits, '.', '_' and '-'")
            @Schema(description = "ECS name (CUSTOM)", example = "shop-web-1") String name,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            @Schema(description = "ECS login password: 8-26 characters mixing three of upper, lower, digits, "
                    + "specials; sent to provisioning, never stored or returned", writeOnly = true) String password) {

        /** The same request without the password, for hashing and storing. */
        public EcsRequest withoutPassword() {
            return new EcsRequest(vpcId, securityGroup, provisioning, flavor, name, null);
        }

        @Override
        public String toString() {
            return "EcsRequest[vpcId=" + vpcId + ", securityGroup=" + securityGroup + ", provisioning=" + provisioning
                    + ", flavor=" + flavor + ", name=" + name + ", password=***]";
        }
    }

    public enum Provisioning {
        QUICK, CUSTOM
    }

    public OrderRequest withoutPassword() {
        return new OrderRequest(productId, specificationId, billingMode, quantity, periods, acceptTerms,
                contactAuthorization, ecs == null ? null : ecs.withoutPassword(), paymentMethod, offerId);
    }
}
