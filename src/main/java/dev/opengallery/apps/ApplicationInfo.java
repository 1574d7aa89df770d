package dev.opengallery.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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

    /** Stores what {@link SubscriptionRules#merge} made of a supply; the password only when one was given. */
    void store(SubscriptionRules.AppInfo merged, byte[] sealedPassword, Instant now) {
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
