package dev.opengallery.ordering;

/**
 * Order states. PROCESSING means paid but not yet finished: service supervision is running, or an image's ECS
 * is being provisioned.
 */
public enum OrderState {
    PENDING_PAYMENT, PROCESSING, COMPLETED, CANCELED
}
