package dev.opengallery.requirements;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A buyer's application requirement: the guide's fields (FAQ 10.9) plus category and budget range. */
@Schema(name = "RequirementRequest")
public record RequirementRequest(
        @NotBlank @Size(max = 4000) @Schema(description = "What the application must do", example = "A CRM for 40 "
                + "sales people with a Chinese interface and WeChat integration") String description,
        @Size(max = 200) @Schema(example = "Acme Trading Ltd.") String company,
        @Size(max = 200) @Schema(example = "Li Wei") String contactPerson,
        @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number") @Schema(example = "+86 10 5555 0100") String phone,
        @Email @Size(max = 254) @Schema(example = "li.wei@acme.example") String email,
        @NotNull @Size(max = 64) @Schema(description = "A catalogue category (GET /api/catalog/categories)", example = "CRM") String categoryCode,
        @DecimalMax("1000000000") @Schema(description = "Lowest budget (zero or more), in currency", example = "1000.00") BigDecimal budgetMin,
        @DecimalMax("1000000000") @Schema(description = "Highest budget (above zero, not below budgetMin), in currency", example = "5000.00") BigDecimal budgetMax,
        @Schema(description = "ISO 4217 code of one of the marketplace's currencies; with a budget only, defaults to the "
                + "first configured currency", example = "USD") String currency) {
}
