package dev.opengallery.core;

/** The OIDC roles the service knows. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String OPERATOR = "operator";
    public static final String COMPUTE = "compute";
    /** The payment provider's service client, which reports completed top-ups. */
    public static final String PAYMENT = "payment";

    private Roles() {
    }
}
