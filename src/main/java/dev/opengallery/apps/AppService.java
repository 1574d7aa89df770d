package dev.opengallery.apps;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Purchased apps: the buyer's list and details, the audited and rate-limited password reveal, and the seller's
 * application information. The password is decrypted only in {@link #reveal}, after its audit row committed.
 */
@ApplicationScoped
public class AppService {

    private static final Logger LOG = Logger.getLogger(AppService.class);

    @Inject
    Db db;

    @Inject
    Subscriptions subscriptions;

    @Inject
    AppViews views;

    @Inject
    AppPasswordCipher cipher;

    @Inject
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    AppsConfig config;

    public Uni<Page<PurchasedAppView>> list(Subscriptions.Filter filter, int page, int size) {
        return subscriptions.list(filter, page, size).map(p -> new Page<>(
                p.items().stream().map(s -> views.view(s, null)).toList(), p.total(), p.page(), p.size()));
    }

    public Uni<PurchasedAppView> details(UUID accountId, UUID id) {
        return subscriptions.findOwned(accountId, id)
                .chain(s -> subscriptions.events(s.id()).map(history -> views.view(s, history)));
    }

    /** One audited reveal attempt; {@code sealed} is opened only by {@link #password} once the audit committed. */
    public record PasswordReveal(UUID subscriptionId, SubscriptionRules.Reveal outcome, byte[] sealed, long used,
            OffsetDateTime oldest, Instant at) {

        public boolean revealed() {
            return outcome == SubscriptionRules.Reveal.REVEALED;
        }
    }

    /**
     * Shows the initial password of one of the buyer's SaaS apps. Every attempt is audited; at most
     * {@code opengallery.apps.reveal-limit} reveals per subscription in {@code opengallery.apps.reveal-window}
     * (the count is taken in the database, under the subscription's row lock, so concurrent calls cannot exceed
     * it); beyond that 429.
     */
    public Uni<RevealedPassword> reveal(UUID accountId, String subject, UUID id) {
        Instant now = clock.now();
        return db.transaction(tx -> subscriptions.lockOwned(tx, accountId, id)
                .chain(s -> Subscription.load(tx, s.id()))
                .chain(s -> reveal(tx, s, accountId, subject, now)))
                .map(r -> new RevealedPassword(id, password(r), r.at().atOffset(ZoneOffset.UTC),
                        (int) Math.max(0, config.revealLimit() - r.used() - 1)));
    }

    /**
     * The same reveal for the purchased app of a supervised order, before it is listed (the caller checked the
     * buyer's access to the order and holds its lock): one audit, one rate limit, whichever way the buyer asks.
     */
    public Uni<PasswordReveal> revealOfOrder(Tx tx, UUID orderId, UUID accountId, String subject, Instant now) {
        return Subscription.lockOfOrder(tx, orderId).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("Application password");
            }
            return reveal(tx, s, accountId, subject, now);
        });
    }

    private Uni<PasswordReveal> reveal(Tx tx, Subscription s, UUID accountId, String subject, Instant now) {
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        return tx.preparedQuery("""
                select count(*) as used, min(at) as oldest from app_password_reveal
                where subscription_id = $1 and outcome = $2 and at > $3""")
                .execute(Tuple.of(s.id(), SubscriptionRules.Reveal.REVEALED.name(), ts.minus(config.revealWindow())))
                .chain(rows -> {
                    Row r = rows.iterator().next();
                    long used = r.getLong("used");
                    SubscriptionRules.Reveal outcome = s.revealPassword(used, config.revealLimit());
                    return AppPasswordReveal.record(tx, s.id(), accountId, subject, outcome, now)
                            .replaceWith(new PasswordReveal(s.id(), outcome, s.appPassword(), used,
                                    r.getOffsetDateTime("oldest"), now));
                });
    }

    /** The password of a committed reveal attempt in clear, or the problem its outcome is. */
    public String password(PasswordReveal r) {
        return switch (r.outcome()) {
            case NOT_SET -> throw ProblemException.unprocessable(
                    "The seller has not supplied this app's application information yet");
            case RATE_LIMITED -> throw new ProblemException(429, "rate-limited", "Too many requests",
                    "The password of this app can be revealed " + config.revealLimit() + " times per " + human(config.revealWindow())
                            + "; try again after " + r.oldest().plus(config.revealWindow()),
                    null, null).retryAfter(secondsUntil(r.at(), r.oldest().plus(config.revealWindow()).toInstant()));
            case REVEALED -> readable(r.sealed(), r.subscriptionId());
        };
    }

    /** The stored password in clear; a value the configured key cannot open is the seller's to supply again. */
    private String readable(byte[] sealed, UUID id) {
        try {
            return cipher.decrypt(sealed, id);
        } catch (IllegalStateException e) {
            LOG.errorf("The application password of subscription %s cannot be decrypted: %s", id, e.getMessage());
            throw ProblemException.unprocessable("The stored password of this app cannot be read; the seller must "
                    + "supply the application information again");
        }
    }

    /** Whole seconds from {@code now} until {@code then}, a started second counting whole. */
    static long secondsUntil(Instant now, Instant then) {
        long ms = Duration.between(now, then).toMillis();
        return (ms + 999) / 1000;
    }

    static String human(Duration d) {
        if (d.toMinutes() % (60 * 24) == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }

    // ------------------------------------------------------------------------------------------- seller

    public Uni<Page<SellerAppView>> sellerList(Subscriptions.Filter filter, int page, int size) {
        return subscriptions.list(filter, page, size).map(p -> new Page<>(
                p.items().stream().map(SellerAppView::of).toList(), p.total(), p.page(), p.size()));
    }

    public Uni<SellerAppView> sellerFind(UUID sellerId, UUID id) {
        return subscriptions.findForSeller(db.reads(), sellerId, id, false).map(SellerAppView::of);
    }

    /** Supplies or rotates a SaaS app's application information; the buyer is told (without the password). */
    public Uni<SellerAppView> supply(UUID sellerId, UUID id, ApplicationInfoRequest request) {
        Instant now = clock.now();
        return db.transaction(tx -> subscriptions.findForSeller(tx, sellerId, id, true)
                .chain(s -> Subscription.load(tx, s.id()))
                .chain(s -> applyApplicationInfo(tx, s, sellerId, request.username(), request.password(),
                        request.managementUrl(), request.frontendUrl(), request.guideUrl(), null, now)))
                .chain(() -> sellerFind(sellerId, id));
    }

    /**
     * Application information delivered with a supervised order's delivery, onto the order's purchased app: the
     * same rule, audit and notification as {@link #supply} (the seller's app endpoint). {@code context} goes into
     * the app's history.
     */
    public Uni<Void> supplyOfOrder(Tx tx, UUID orderId, UUID sellerId, String username, String password,
            String managementUrl, String frontendUrl, String guideUrl, String context, Instant now) {
        return Subscription.lockOfOrder(tx, orderId).chain(s -> {
            if (s == null) {
                throw ProblemException.unprocessable("This order has no purchased app to carry application information");
            }
            return applyApplicationInfo(tx, s, sellerId, username, password, managementUrl, frontendUrl, guideUrl,
                    context, now);
        });
    }

    /** The one application-information operation: the aggregate's rule, the history, the buyer told. */
    private Uni<Void> applyApplicationInfo(Tx tx, Subscription s, UUID sellerId, String username, String password,
            String managementUrl, String frontendUrl, String guideUrl, String context, Instant now) {
        byte[] sealed = password == null ? null : cipher.encrypt(password, s.id());
        Subscription.AppInfoChange change = s.applyApplicationInfo(username, sealed, managementUrl, frontendUrl,
                guideUrl, now);
        boolean first = change.first();
        String note = (context == null ? "" : context + "; ") + (sealed == null ? "password unchanged" : "password set");
        return SubscriptionEvent.record(tx, s.id(), now, sellerId, "seller",
                first ? "APP_INFO_SUPPLIED" : "APP_INFO_UPDATED", null, null, null, note)
                .chain(() -> !s.visible() ? Uni.createFrom().voidItem()
                        : notifications.notify(tx, s.accountId(), "APP_INFO_UPDATED",
                                (first ? "Your application is ready: " : "Application information changed: ")
                                        + s.productName(),
                                "The seller " + (first ? "supplied" : "updated") + " the application information of "
                                        + s.productName() + " (username, URLs" + (sealed == null ? "" : ", password")
                                        + "). Open the app's details to see it; reveal the password there.",
                                "/apps/" + s.id(), Set.of(Channel.EMAIL)).replaceWithVoid());
    }
}
