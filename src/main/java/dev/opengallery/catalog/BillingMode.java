package dev.opengallery.catalog;

/** How a specification is billed. A period is a year, a month, an hour (pay-per-use) or the one purchase. */
public enum BillingMode {
    YEARLY, MONTHLY, PAY_PER_USE, ONE_TIME
}
