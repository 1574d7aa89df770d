package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A requirement as its buyer and the operators see it: everything, with the answers in the one-requirement view. */
@Schema(name = "Requirement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementView(
        UUID id,
        @Schema(description = "The buyer's account") UUID accountId,
        @Schema(example = "A CRM for 40 sales people with WeChat integration") String description,
        @Schema(example = "Acme Trading Ltd.") String company,
        @Schema(example = "Li Wei") String contactPerson,
        @Schema(example = "+86 10 5555 0100") String phone,
        @Schema(example = "li.wei@acme.example") String email,
        @Schema(example = "CRM") String categoryCode,
        @Schema(example = "1000.00") BigDecimal budgetMin,
        @Schema(example = "5000.00") BigDecimal budgetMax,
        @Schema(example = "USD") String currency,
        RequirementState state,
        @Schema(description = "Why an operator rejected it (REJECTED)") String rejectReason,
        @Schema(description = "Who closed it (CLOSED): the buyer, or the expiry job") ClosedReason closedReason,
        OffsetDateTime createdAt,
        OffsetDateTime publishedAt,
        @Schema(description = "When an operator published or rejected it") OffsetDateTime decidedAt,
        OffsetDateTime closedAt,
        @Schema(description = "When it closes by itself if still open (60 days after it was posted)") OffsetDateTime expiresAt,
        @Schema(description = "The sellers' private offers that answer it, oldest first (the one-requirement view only)")
        List<RequirementAnswer> answers) {

    RequirementView withAnswers(List<RequirementAnswer> list) {
        return new RequirementView(id, accountId, description, company, contactPerson, phone, email, categoryCode,
                budgetMin, budgetMax, currency, state, rejectReason, closedReason, createdAt, publishedAt, decidedAt,
                closedAt, expiresAt, list);
    }
}
