package dev.opengallery.apps;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACTIVE until expiry, then GRACE, RETENTION, RELEASED; UNSUBSCRIBED by the buyer; CANCELED with its order. */
@Schema(name = "AppStatus")
public enum AppStatus {
    ACTIVE, GRACE, RETENTION, RELEASED, UNSUBSCRIBED, CANCELED;

    /** Still the buyer's: can be renewed (and, while ACTIVE, changed). */
    public boolean live() {
        return SubscriptionRules.live(this);
    }
}
