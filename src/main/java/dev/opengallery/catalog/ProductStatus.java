package dev.opengallery.catalog;

/** Release lifecycle of a product; only LISTED products are visible to buyers. */
public enum ProductStatus {
    DRAFT, IN_REVIEW, LISTED, REJECTED, DELISTED
}
