package dev.opengallery.payments;

/**
 * BALANCE: prepaid, the balance must cover the amount. CREDIT: postpaid, within the credit limit an operator set.
 * RESELLER: a reseller's customer, whose reseller pays. MONTHLY_SETTLEMENT: a milestone offer order, paid bill by
 * bill against the offer credit.
 */
public enum PaymentMethod {
    BALANCE, CREDIT, RESELLER, MONTHLY_SETTLEMENT
}
