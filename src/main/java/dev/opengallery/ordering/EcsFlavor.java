package dev.opengallery.ordering;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.catalog.BillingMode;

/** An ECS flavour and its prices: the cloud resource fee of an image order. */
public record EcsFlavor(
        @Schema(example = "s6.large.2") String code,
        int vcpus,
        int memoryGib,
        @Schema(example = "0.048") BigDecimal hourly,
        @Schema(example = "33.60") BigDecimal monthly,
        @Schema(example = "336.00") BigDecimal yearly) {

    public static final String QUICK_DEFAULT = "s6.medium.2";

    public BigDecimal price(BillingMode mode) {
        return switch (mode) {
            case YEARLY -> yearly;
            case MONTHLY -> monthly;
            case PAY_PER_USE -> hourly;
            case ONE_TIME -> throw new IllegalArgumentException("an ECS is not sold one-time");
        };
    }
}
