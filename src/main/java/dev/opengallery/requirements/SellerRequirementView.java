package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A published requirement as the sellers of its category see it: the need, the category and the budget, never the
 * buyer's contact details (company, contact person, phone, e-mail) nor account. A seller answers with a private offer.
 */
@Schema(name = "PublishedRequirement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SellerRequirementView(
        UUID id,
        @Schema(example = "A CRM for 40 sales people with WeChat integration") String description,
        @Schema(example = "CRM") String categoryCode,
        @Schema(example = "1000.00") BigDecimal budgetMin,
        @Schema(example = "5000.00") BigDecimal budgetMax,
        @Schema(example = "USD") String currency,
        @Schema(description = "PUBLISHED while it can be answered; CLOSED once its buyer or the expiry closed it")
        RequirementState state,
        OffsetDateTime publishedAt,
        @Schema(description = "When it closes by itself if still open") OffsetDateTime expiresAt,
        OffsetDateTime closedAt) {
}
