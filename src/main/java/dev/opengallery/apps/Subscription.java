package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.ordering.ChangeOrders;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A purchased app (Hibernate Reactive Panache entity, optimistic locking by version): the aggregate that owns the
 * {@code subscription} row. Its state changes only through its methods, which ask {@link SubscriptionRules} and
 * refuse with a {@link ProblemException}; what happened is recorded by the calling operation as a
 * {@link SubscriptionEvent}. Reads for views go through {@link Subscriptions} ({@link PurchasedApp}). The expiry
 * sweep ({@link SubscriptionExpiry}) moves many at once, set-based, and alone writes {@code released_at}.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase implements ChangeOrders.App {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "specification_id")
    private UUID specificationId;

    @Column(name = "specification_name", columnDefinition = "text")
    private String specificationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", columnDefinition = "text")
    private PricingModel pricingModel;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_type", columnDefinition = "text")
    private ProductType productType;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode", columnDefinition = "text")
    private BillingMode billingMode;

    @Column(name = "quantity")
    private int quantity;

    @Column(name = "discount_rate", precision = 9, scale = 6)
    private BigDecimal discountRate;

    @Column(name = "amount_paid", precision = 19, scale = 2)
    private BigDecimal amountPaid;

    @Column(name = "starts_at")
    private OffsetDateTime startsAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", columnDefinition = "text")
    private AppStatus status;

    @Column(name = "visible")
    private boolean visible;

    @Column(name = "ecs_id", columnDefinition = "text")
    private String ecsId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    /** Null until the app is renewed or changed (the original order's term holds till then). */
    @Embedded
    private Term term;

    @Embedded
    private AutoRenewal autoRenewal;

    @Column(name = "grace_at")
    private OffsetDateTime graceAt;

    @Column(name = "retention_at")
    private OffsetDateTime retentionAt;

    @Column(name = "unsubscribed_at")
    private OffsetDateTime unsubscribedAt;

    @Column(name = "refund_amount", precision = 19, scale = 2)
    private BigDecimal refundAmount;

    /** Null while no application information was ever supplied (all its columns are null). */
    @Embedded
    private ApplicationInfo appInfo;

    @Version
    @Column(name = "version")
    private long version;

    // what the original order and the product add (read only; change orders are placed with them)

    @Formula("(select o.seller_id from customer_order o where o.id = order_id)")
    private UUID sellerId;

    @Formula("(select o.currency from customer_order o where o.id = order_id)")
    private String currency;

    @Formula("(select p.name from product p where p.id = product_id)")
    private String productName;

    protected Subscription() {
    }

    /** Never null: Hibernate loads an embedded part whose columns are all null as null; this one has a boolean. */
    AutoRenewal autoRenewal() {
        if (autoRenewal == null) {
            autoRenewal = new AutoRenewal();
        }
        return autoRenewal;
    }

    /** The subscription, in the caller's transaction (locked beforehand by the caller's read); 404 when absent. */
    public static Uni<Subscription> load(Tx tx, UUID id) {
        return tx.session().find(Subscription.class, id).map(Subscription::found);
    }

    private static Subscription found(Subscription s) {
        if (s == null) {
            throw ProblemException.notFound("Purchased app");
        }
        return s;
    }

    /** The subscription locked for the caller's transaction; 404 when absent. */
    public static Uni<Subscription> lock(Tx tx, UUID id) {
        return tx.session().find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE).map(Subscription::found);
    }

    /** The purchased app of an order locked for the caller's transaction, or null when the order has none. */
    static Uni<Subscription> lockOfOrder(Tx tx, UUID orderId) {
        return tx.session().createSelectionQuery("from Subscription where orderId = :order", Subscription.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull();
    }

    // ------------------------------------------------------------------------------------------- moves

    /** What a paid order opens: the app ACTIVE from {@code start}, for the periods the order bought. */
    static Subscription open(UUID id, UUID accountId, UUID orderId, UUID productId, UUID specificationId,
            ProductType type, BillingMode mode, int quantity, int periods, BigDecimal discountRate, BigDecimal paid,
            Instant start, boolean visible, String ecsId) {
        Subscription s = new Subscription();
        OffsetDateTime starts = start.atOffset(ZoneOffset.UTC);
        s.id = id;
        s.accountId = accountId;
        s.orderId = orderId;
        s.productId = productId;
        s.specificationId = specificationId;
        s.productType = type;
        s.billingMode = mode;
        s.quantity = quantity;
        s.discountRate = discountRate;
        s.amountPaid = paid;
        s.startsAt = starts;
        s.expiresAt = SubscriptionRules.expiry(starts, mode, periods);
        s.status = SubscriptionRules.OPENED;
        s.visible = visible;
        s.ecsId = ecsId;
        s.createdAt = starts;
        s.autoRenewal = new AutoRenewal();
        return s;
    }

    /**
     * A paid renewal: the expiry moves from {@code from} (the expiry the renewal was priced on: 409 when it moved
     * meanwhile) to {@code newExpiry}, and the app is ACTIVE again with a new term and a clean auto-renewal record.
     * {@code periodsBoughtBefore} is the count so far (the original order's while the row has none of its own).
     */
    public AppStatus renew(OffsetDateTime from, OffsetDateTime newExpiry, int periods, int periodsBoughtBefore,
            BigDecimal termListPrice, UUID specificationId, String specificationName, BigDecimal charged) {
        refuseIf(SubscriptionRules.renewalRefusal(status));
        if (expiresAt == null || !expiresAt.toInstant().equals(from.toInstant())) {
            throw ProblemException.conflict("The app changed meanwhile; retry");
        }
        AppStatus before = status;
        expiresAt = newExpiry;
        status = SubscriptionRules.OPENED;
        graceAt = null;
        retentionAt = null;
        term = Term.renewed(from, periods, termListPrice, periodsBoughtBefore);
        this.specificationId = specificationId;
        this.specificationName = specificationName;
        amountPaid = amountPaid.add(charged);
        autoRenewal().clearFailures();
        return before;
    }

    /** Turns auto-renewal on (or changes its periods); a failed attempt's record and retry delay are reset. */
    public void enableAutoRenewal(int periods) {
        String refusal = SubscriptionRules.renewalRefusal(status);
        if (refusal != null) {
            throw ProblemException.illegalState("The app is " + status + ": it can no longer renew", status.name());
        }
        autoRenewal().enable(periods);
    }

    /** Turns auto-renewal off; answers whether it was on. */
    public boolean disableAutoRenewal() {
        return autoRenewal().disable();
    }

    /**
     * Records a failed automatic renewal, once per attempt however many replicas try: only while auto-renewal is on
     * and its retry time has come. Answers whether it was recorded.
     */
    public boolean autoRenewalFailed(String why, Instant now, Instant nextTry) {
        return autoRenewal().failed(why, now, nextTry);
    }

    /** An upgrade or a capacity expansion took effect: the new specification and quantity for the current term. */
    void change(UUID specificationId, String specificationName, PricingModel pricingModel, int quantity,
            BigDecimal newTermPrice, BigDecimal charged, OffsetDateTime termStartsAt, int termPeriods,
            int periodsBought) {
        refuseIf(SubscriptionRules.changeRefusal(status));
        this.specificationId = specificationId;
        this.specificationName = specificationName;
        this.pricingModel = pricingModel;
        this.quantity = quantity;
        amountPaid = amountPaid.add(charged);
        term = Term.changed(term, newTermPrice, termStartsAt, termPeriods, periodsBought);
    }

    /** The buyer unsubscribed: UNSUBSCRIBED with the refund, auto-renewal off. Answers the state before. */
    AppStatus unsubscribe(BigDecimal refund, Instant now) {
        refuseIf(SubscriptionRules.unsubscribeRefusal(status));
        AppStatus before = status;
        status = AppStatus.UNSUBSCRIBED;
        unsubscribedAt = now.atOffset(ZoneOffset.UTC);
        refundAmount = refund;
        autoRenewal().stop();
        return before;
    }

    /** What one supply of application information did. */
    record AppInfoChange(boolean first, boolean passwordSet) {
    }

    /**
     * The seller supplies (or rotates) the application information of a SaaS app: the one rule for the seller's app
     * endpoint and for a supervised delivery. Username and management URL are required, and the password (sealed by
     * the caller) the first time; any field left out keeps what was supplied before.
     */
    AppInfoChange applyApplicationInfo(String username, byte[] sealedPassword, String managementUrl,
            String frontendUrl, String guideUrl, Instant now) {
        requireSaas();
        refuseIf(SubscriptionRules.applicationInfoRefusal(status));
        boolean first = appInfo == null || appInfo.username() == null;
        appInfo = appInfo == null ? new ApplicationInfo() : appInfo;
        appInfo.supply(username, sealedPassword, managementUrl, frontendUrl, guideUrl, now);
        return new AppInfoChange(first, sealedPassword != null);
    }


    /** The outcome of a reveal attempt, given how many reveals the window already holds. */
    SubscriptionRules.Reveal revealPassword(long usedInWindow, int limit) {
        requireSaas();
        return SubscriptionRules.reveal(appPassword() != null, usedInWindow, limit);
    }

    /** 409 with the app's state when a rule of {@link SubscriptionRules} refuses the move. */
    private void refuseIf(String refusal) {
        if (refusal != null) {
            throw ProblemException.illegalState(refusal, status.name());
        }
    }

    /** Only SaaS apps carry application information (422). */
    private void requireSaas() {
        if (productType != ProductType.SAAS) {
            throw ProblemException.unprocessable("Only SaaS apps carry application information; this is a "
                    + productType);
        }
    }

    // ------------------------------------------------------------------------------------------- reading

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID productId() {
        return productId;
    }

    public UUID specificationId() {
        return specificationId;
    }

    public ProductType productType() {
        return productType;
    }

    public BillingMode billingMode() {
        return billingMode;
    }

    public int quantity() {
        return quantity;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** What was supplied of the application information (empty when nothing was). */
    ApplicationInfo applicationInfo() {
        return appInfo == null ? new ApplicationInfo() : appInfo;
    }

    BigDecimal amountPaid() {
        return amountPaid;
    }

    BigDecimal refundAmount() {
        return refundAmount;
    }

    String specificationName() {
        return specificationName;
    }

    OffsetDateTime startsAt() {
        return startsAt;
    }

    public boolean visible() {
        return visible;
    }

    public AppStatus status() {
        return status;
    }

    public boolean autoRenew() {
        return autoRenewal().on();
    }

    byte[] appPassword() {
        return appInfo == null ? null : appInfo.password();
    }

    /** The seller of the original order. */
    public UUID sellerId() {
        return sellerId;
    }

    /** The currency of the original order. */
    public String currency() {
        return currency;
    }

    public String productName() {
        return productName;
    }
}
