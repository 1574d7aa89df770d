package dev.opengallery.apps;

import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.opengallery.catalog.ProductType;

/** Turns subscriptions into the views buyers and sellers get; never with the password. */
@ApplicationScoped
public class AppViews {

    @Inject
    RenewalTerms renewal;

    public PurchasedAppView view(PurchasedApp s, List<Subscriptions.Event> history) {
        OffsetDateTime graceEnds = null;
        OffsetDateTime releases = null;
        PurchasedAppView.AutoRenewalView auto = null;
        if (s.periodic()) {
            graceEnds = s.expiresAt().plus(renewal.gracePeriod());
            releases = graceEnds.plus(renewal.retentionPeriod());
            OffsetDateTime next = null;
            if (s.autoRenew() && s.status().live()) {
                next = s.expiresAt().minus(renewal.autoRenewLead());
                if (s.autoRenewNextTry() != null && s.autoRenewNextTry().isAfter(next)) {
                    next = s.autoRenewNextTry();
                }
            }
            auto = new PurchasedAppView.AutoRenewalView(s.autoRenew(), s.autoRenewPeriods(), next,
                    s.autoRenewFailures(), s.autoRenewError());
        }
        return new PurchasedAppView(s.id(), s.orderId(), s.productId(), s.productName(), s.productType(),
                s.specificationId(), s.specificationName(), s.pricingModel(), s.billingMode(), s.quantity(), s.currency(),
                s.amountPaid(), s.discountRate(), s.startsAt(), s.expiresAt(), s.status(), graceEnds, releases,
                s.releasedAt(), s.unsubscribedAt(), s.refundAmount(), s.ecsId(), auto, s.seller(), application(s),
                history);
    }

    public static PurchasedAppView.ApplicationInfoView application(PurchasedApp s) {
        if (s.productType() != ProductType.SAAS) {
            return null;
        }
        boolean supplied = s.appUsername() != null;
        return new PurchasedAppView.ApplicationInfoView(supplied, s.appUsername(), s.appPasswordSet(),
                s.appManagementUrl(), s.appFrontendUrl(), s.appGuideUrl() != null ? s.appGuideUrl() : s.productGuideUrl(),
                s.appInfoUpdatedAt());
    }
}
