package dev.opengallery.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.opengallery.core.FieldErrors;

/**
 * The application information a seller supplies for a SaaS app (part of {@link Subscription}, in the same row):
 * username, sealed password, management, frontend and guide URLs. Merged and checked by {@link SubscriptionRules}
 * before it is stored here.
 */
@Embeddable
public class ApplicationInfo {

    @Column(name = "app_username", columnDefinition = "text")
    String appUsername;

    /** AES-GCM sealed ({@link AppPasswordCipher}); never plain. */
    @Column(name = "app_password", columnDefinition = "bytea")
    byte[] appPassword;

    @Column(name = "app_management_url", columnDefinition = "text")
    String appManagementUrl;

    @Column(name = "app_frontend_url", columnDefinition = "text")
    String appFrontendUrl;

    @Column(name = "app_guide_url", columnDefinition = "text")
    String appGuideUrl;

    @Column(name = "app_info_updated_at")
    OffsetDateTime appInfoUpdatedAt;

    /**
     * A supply (or rotation) by the seller: merged with what was supplied before ({@link SubscriptionRules#merge}: a
     * field left out keeps its value), checked (username and management URL required, and a password the first
     * time: 400 naming the fields), then stored.
     */
    void supply(String username, byte[] sealedPassword, String managementUrl, String frontendUrl, String guideUrl,
            Instant now) {
        SubscriptionRules.AppInfo merged = SubscriptionRules.merge(stored(), username, sealedPassword != null,
                managementUrl, frontendUrl, guideUrl);
        FieldErrors errors = new FieldErrors();
        SubscriptionRules.missing(merged).forEach(m -> errors.add(m.field(), m.message()));
        errors.throwIfAny();
        store(merged, sealedPassword, now);
    }

    /** Stores what {@link SubscriptionRules#merge} made of a supply; the password only when one was given. */
    private void store(SubscriptionRules.AppInfo merged, byte[] sealedPassword, Instant now) {
        appUsername = merged.username();
        if (sealedPassword != null) {
            appPassword = sealedPassword;
        }
        appManagementUrl = merged.managementUrl();
        appFrontendUrl = merged.frontendUrl();
        appGuideUrl = merged.guideUrl();
        appInfoUpdatedAt = now.atOffset(ZoneOffset.UTC);
    }

    SubscriptionRules.AppInfo stored() {
        return new SubscriptionRules.AppInfo(appUsername, appPassword != null, appManagementUrl, appFrontendUrl,
                appGuideUrl);
    }

    String username() {
        return appUsername;
    }

    byte[] password() {
        return appPassword;
    }

    String managementUrl() {
        return appManagementUrl;
    }

    String frontendUrl() {
        return appFrontendUrl;
    }

    String guideUrl() {
        return appGuideUrl;
    }

    OffsetDateTime updatedAt() {
        return appInfoUpdatedAt;
    }
}
