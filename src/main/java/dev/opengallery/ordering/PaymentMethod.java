package dev.opengallery.ordering;

/** BALANCE: prepaid, the balance must cover the amount. CREDIT: postpaid, within the credit limit an operator set. */
public enum PaymentMethod {
    BALANCE, CREDIT, RESELLER
}
