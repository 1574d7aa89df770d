package dev.opengallery.core;

/** The OIDC roles the service knows. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String SELLER = "seller";
    public static final String OPERATOR = "operator";
    public static final String COMPUTE = "compute";
    /** The payment provider's service client, which reports completed top-ups. */
    public static final String PAYMENT = "payment";
    /**
     * The client that triggers the time rules from outside (the Helm chart's CronJobs, when the service scales to
     * zero): it may run jobs, nothing else.
     */
    public static final String SCHEDULER = "scheduler";

    private Roles() {
    }
}
