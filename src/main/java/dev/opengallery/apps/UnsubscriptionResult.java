package dev.opengallery.apps;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What unsubscribing did: the rule and refund applied, and the app as it is now (UNSUBSCRIBED). */
@Schema(name = "UnsubscriptionResult")
public record UnsubscriptionResult(UnsubscriptionQuote applied, PurchasedAppView app) {
}
