package dev.opengallery.ordering;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Orders ({@code opengallery.orders.*}). */
@ConfigMapping(prefix = "opengallery.orders")
public interface OrdersConfig {

    /** How long an order may stay unpaid before the unpaid-order job cancels it. */
    @WithDefault("24H")
    Duration unpaidTimeout();

    /** The unpaid-order job's schedule, as its {@code @Scheduled} expression reads it ({@code off}: never). */
    @WithDefault("5m")
    String unpaidJobEvery();
}
