package dev.opengallery.catalog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The seller as buyers see it: whom to contact, and the support range (guide, chapter 1 and 6). */
@Schema(name = "SellerInfo")
public record SellerInfo(
        UUID id,
        @Schema(example = "CloudWave Software Ltd.") String companyName,
        @Schema(example = "support@cloudwave.example") String serviceEmail,
        @Schema(example = "+1 415 555 0100") String servicePhone,
        @Schema(example = "Mon-Fri 09:00-18:00 UTC, email and phone") String supportRange) {
}
