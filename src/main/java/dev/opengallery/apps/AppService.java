package dev.opengallery.apps;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.opengallery.core.Db;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
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
    Pool pool;

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

    @ConfigProperty(name = "opengallery.apps.reveal-limit", defaultValue = "5")
    int revealLimit;

    @ConfigProperty(name = "opengallery.apps.reveal-window", defaultValue = "1H")
    Duration revealWindow;

    public Uni<Page<PurchasedAppView>> list(Subscriptions.Filter filter, int page, int size) {
        return subscriptions.list(filter, page, size).map(p -> new Page<>(
                p.items().stream().map(s -> views.view(s, null)).toList(), p.total(), p.page(), p.size()));
    }

    public Uni<PurchasedAppView> details(UUID accountId, UUID id) {
        return subscriptions.findOwned(accountId, id)
                .chain(s -> subscriptions.events(s.id()).map(history -> views.view(s, history)));
    }

    private record Attempt(String outcome, byte[] sealed, long used, OffsetDateTime oldest) {
    }

    /**
     * Shows the initial password of one of the buyer's SaaS apps. Every attempt is audited; at most
     * {@code opengallery.apps.reveal-limit} reveals per subscription in {@code opengallery.apps.reveal-window}
     * (the count is taken in the database, under the subscription's row lock, so concurrent calls cannot exceed
     * it); beyond that 429.
     */
    public Uni<RevealedPassword> reveal(UUID accountId, String subject, UUID id) {
        Instant now = clock.now();
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        return db.transaction(conn -> subscriptions.lockOwned(conn, accountId, id).chain(s -> {
            if (s.productType() != ProductType.SAAS) {
                return Uni.createFrom().failure(ProblemException.unprocessable(
                        "Only SaaS apps have application information; this is a " + s.productType()));
            }
            return conn.preparedQuery("""
                    select s.app_password,
                           (select count(*) from app_password_reveal r
                            where r.subscription_id = s.id and r.outcome = 'REVEALED' and r.at > $2) as used,
                           (select min(r.at) from app_password_reveal r
                            where r.subscription_id = s.id and r.outcome = 'REVEALED' and r.at > $2) as oldest
                    from subscription s where s.id = $1""").execute(Tuple.of(id, ts.minus(revealWindow)))
                    .chain(rows -> {
                        Row r = rows.iterator().next();
                        byte[] sealed = r.getBuffer("app_password") == null ? null
                                : r.getBuffer("app_password").getBytes();
                        long used = r.getLong("used");
                        String outcome = sealed == null ? "NOT_SET" : used >= revealLimit ? "RATE_LIMITED" : "REVEALED";
                        return conn.preparedQuery("""
                                insert into app_password_reveal (subscription_id, account_id, subject, outcome, at)
                                values ($1, $2, $3, $4, $5)""").execute(Tuple.of(id, accountId, subject, outcome, ts))
                                .replaceWith(new Attempt(outcome, sealed, used, r.getOffsetDateTime("oldest")));
                    });
        })).map(a -> switch (a.outcome()) {
            case "NOT_SET" -> throw ProblemException.unprocessable(
                    "The seller has not supplied this app's application information yet");
            case "RATE_LIMITED" -> throw new ProblemException(429, "rate-limited", "Too many requests",
                    "The password of this app can be revealed " + revealLimit + " times per " + human(revealWindow)
                            + "; try again after " + a.oldest().plus(revealWindow),
                    null, null).retryAfter(secondsUntil(now, a.oldest().plus(revealWindow).toInstant()));
            default -> new RevealedPassword(id, readable(a.sealed(), id), ts,
                    (int) Math.max(0, revealLimit - a.used() - 1));
        });
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
        return db.transaction(conn -> subscriptions.findForSeller(conn, sellerId, id, true).chain(s -> {
            if (s.productType() != ProductType.SAAS) {
                return Uni.createFrom().failure(ProblemException.unprocessable(
                        "Only SaaS apps carry application information; this is a " + s.productType()));
            }
            if (!s.status().live()) {
                return Uni.createFrom().failure(ProblemException.illegalState(
                        "The app is " + s.status() + ": its application information can no longer change",
                        s.status().name()));
            }
            if (request.password() == null && !s.appPasswordSet()) {
                return Uni.createFrom().failure(ProblemException.invalid("password",
                        "is required the first time the application information is supplied"));
            }
            boolean first = s.appUsername() == null;
            byte[] sealed = request.password() == null ? null : cipher.encrypt(request.password(), s.id());
            return conn.preparedQuery("""
                    update subscription set app_username = $2, app_password = coalesce($3, app_password),
                        app_management_url = $4, app_frontend_url = $5, app_guide_url = $6, app_info_updated_at = $7,
                        version = version + 1
                    where id = $1""")
                    .execute(withPassword(Tuple.tuple().addValue(id).addValue(request.username().trim()), sealed)
                            .addValue(request.managementUrl().trim()).addValue(trim(request.frontendUrl()))
                            .addValue(trim(request.guideUrl())).addValue(now.atOffset(ZoneOffset.UTC)))
                    .chain(() -> Subscriptions.event(conn, id, now, sellerId, "seller",
                            first ? "APP_INFO_SUPPLIED" : "APP_INFO_UPDATED", null, null, null,
                            sealed == null ? "password unchanged" : "password set"))
                    .chain(() -> !s.visible() ? Uni.createFrom().voidItem()
                            : notifications.notify(conn, s.accountId(), "APP_INFO_UPDATED",
                                    (first ? "Your application is ready: " : "Application information changed: ")
                                            + s.productName(),
                                    "The seller " + (first ? "supplied" : "updated") + " the application information of "
                                            + s.productName() + " (username, URLs" + (sealed == null ? "" : ", password")
                                            + "). Open the app's details to see it; reveal the password there.",
                                    "/apps/" + id, Set.of(Channel.EMAIL)).replaceWithVoid());
        })).chain(() -> sellerFind(sellerId, id));
    }

    private static Tuple withPassword(Tuple t, byte[] sealed) {
        return sealed == null ? t.addValue(null) : t.addBuffer(Buffer.buffer(sealed));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
