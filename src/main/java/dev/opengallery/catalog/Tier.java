package dev.opengallery.catalog;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quantity range and its unit price. {@code to} is null for an open-ended last tier. */
@Schema(name = "Tier")
public record Tier(
        @Schema(example = "1") int from,
        @Schema(example = "10", nullable = true) Integer to,
        @Schema(example = "12.00") BigDecimal unitPrice) {

    public boolean contains(int quantity) {
        return quantity >= from && (to == null || quantity <= to);
    }
}
