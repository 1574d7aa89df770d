package dev.opengallery.catalog;

/**
 * How quantity turns into price. FLAT: one fixed price, quantity 1. LINEAR: unit price x quantity. TIERED and
 * VOLUME: the unit price of the tier the whole quantity falls in x quantity (they differ only on capacity
 * expansion, where VOLUME charges the added units alone).
 */
public enum PricingModel {
    FLAT, LINEAR, TIERED, VOLUME;

    public boolean tiered() {
        return this == TIERED || this == VOLUME;
    }
}
