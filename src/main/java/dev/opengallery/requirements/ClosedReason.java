package dev.opengallery.requirements;

/** Why a requirement is CLOSED. */
public enum ClosedReason {
    /** The buyer closed it (served or not). */
    BUYER,
    /** Nobody closed it within the open period: the expiry job did. */
    EXPIRED
}
