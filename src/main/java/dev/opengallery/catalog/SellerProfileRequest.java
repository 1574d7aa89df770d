package dev.opengallery.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SellerProfileRequest")
public record SellerProfileRequest(
        @NotBlank @Size(max = 200) @Schema(example = "CloudWave Software Ltd.") String companyName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "support@cloudwave.example") String serviceEmail,
        @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number") @Schema(example = "+1 415 555 0100") String servicePhone,
        @NotBlank @Size(max = 1000) @Schema(example = "Mon-Fri 09:00-18:00 UTC, email and phone") String supportRange,
        @PositiveOrZero @Schema(description = "The version read, when updating; a stale one answers 409", example = "0") Long version) {
}
