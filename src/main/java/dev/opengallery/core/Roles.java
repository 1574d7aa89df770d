package dev.opengallery.core;

/** The OIDC roles the service knows. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String OPERATOR = "operator";
    public static final String COMPUTE = "compute";

    private Roles() {
    }
}
