package dev.opengallery.offers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A seller's private offer to one customer account (Hibernate Reactive Panache entity). Its status changes only
 * through {@link #claim}, {@link #release} and {@link #withdraw}, which ask {@link OfferLifecycle}. The table has no
 * version column: the moves that race (two orders claiming one offer) lock the row.
 */
@Entity
@Table(name = "private_offer")
public class PrivateOffer extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "seller_id", updatable = false)
    UUID sellerId;

    @Column(name = "customer_account_id", updatable = false)
    UUID customerAccountId;

    @Column(name = "product_id", updatable = false)
    UUID productId;

    @Column(name = "specification_id", updatable = false)
    UUID specificationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode", updatable = false, columnDefinition = "text")
    BillingMode billingMode;

    @Column(name = "quantity", updatable = false)
    int quantity;

    @Column(name = "periods", updatable = false)
    int periods;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type", updatable = false, columnDefinition = "text")
    OfferDiscount.Type discountType;

    @Column(name = "discount_value", updatable = false, precision = 19, scale = 4)
    BigDecimal discountValue;

    @Column(name = "milestones", updatable = false, columnDefinition = "numeric(5,2)[]")
    BigDecimal[] milestones;

    @Column(name = "currency", updatable = false, columnDefinition = "char(3)")
    String currency;

    @Column(name = "list_price", updatable = false, precision = 19, scale = 2)
    BigDecimal listPrice;

    @Column(name = "offer_price", updatable = false, precision = 19, scale = 2)
    BigDecimal offerPrice;

    @Column(name = "token", updatable = false, columnDefinition = "text")
    String token;

    @Column(name = "expires_at", updatable = false)
    OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", columnDefinition = "text")
    OfferLifecycle.Status status;

    @Column(name = "used_order_id")
    UUID usedOrderId;

    @Column(name = "note", updatable = false, columnDefinition = "text")
    String note;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "withdrawn_at")
    OffsetDateTime withdrawnAt;

    /** The application requirement this offer answers (requirements package), or null. */
    @Column(name = "requirement_id", updatable = false)
    UUID requirementId;

    protected PrivateOffer() {
    }

    /** A new ACTIVE offer, priced when it is made (the order is priced again from the catalogue). */
    static PrivateOffer make(UUID id, UUID sellerId, UUID customerAccountId, UUID productId, UUID specificationId,
            BillingMode billingMode, int quantity, int periods, OfferDiscount discount, List<BigDecimal> milestones,
            String currency, BigDecimal listPrice, BigDecimal offerPrice, String token, OffsetDateTime expiresAt,
            String note, UUID requirementId, Instant now) {
        PrivateOffer o = new PrivateOffer();
        o.requirementId = requirementId;
        o.id = id;
        o.sellerId = sellerId;
        o.customerAccountId = customerAccountId;
        o.productId = productId;
        o.specificationId = specificationId;
        o.billingMode = billingMode;
        o.quantity = quantity;
        o.periods = periods;
        o.discountType = discount.type();
        o.discountValue = discount.value();
        o.milestones = milestones == null ? null : milestones.toArray(new BigDecimal[0]);
        o.currency = currency;
        o.listPrice = listPrice;
        o.offerPrice = offerPrice;
        o.token = token;
        o.expiresAt = expiresAt;
        o.status = OfferLifecycle.Status.ACTIVE;
        o.note = note;
        o.createdAt = now.atOffset(ZoneOffset.UTC);
        return o;
    }

    // ------------------------------------------------------------------------------------------ finders

    /** The offer, row-locked for a state move; fails 404 unless it is the seller's. */
    static Uni<PrivateOffer> lockForSeller(UUID id, UUID sellerId) {
        return PrivateOffer.<PrivateOffer> findById(id, LockModeType.PESSIMISTIC_WRITE).map(o -> {
            if (o == null || !o.sellerId.equals(sellerId)) {
                throw ProblemException.notFound("Offer");
            }
            return o;
        });
    }

    /** The offer, row-locked, for the order that claims it; fails 404 when there is none. */
    static Uni<PrivateOffer> lock(UUID id) {
        return PrivateOffer.<PrivateOffer> findById(id, LockModeType.PESSIMISTIC_WRITE).map(o -> {
            if (o == null) {
                throw ProblemException.notFound("Offer");
            }
            return o;
        });
    }

    /** The offer an order still holds (USED by it), row-locked; null when it holds none. */
    static Uni<PrivateOffer> lockUsedBy(UUID orderId) {
        return PrivateOffer.<PrivateOffer> find("usedOrderId = ?1", orderId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    // -------------------------------------------------------------------------------------------- moves

    /** CLAIM: the order uses the offer; refused (409) when another order got it first or it expired. */
    void claim(UUID orderId, Instant now) {
        status = OfferLifecycle.claim(status, expiresAt.toInstant(), now);
        usedOrderId = orderId;
    }

    /** RELEASE: the order that used the offer was canceled before payment; the offer can be used again. */
    void release() {
        OfferLifecycle.Status next = OfferLifecycle.release(status);
        if (next != null) {
            status = next;
            usedOrderId = null;
        }
    }

    /** WITHDRAW: the seller takes back an unused offer. */
    void withdraw(Instant now) {
        status = OfferLifecycle.withdraw(status, expiresAt.toInstant(), now);
        withdrawnAt = now.atOffset(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------ reading

    public UUID id() {
        return id;
    }

    public UUID sellerId() {
        return sellerId;
    }

    public UUID customerAccountId() {
        return customerAccountId;
    }

    public OfferLifecycle.Status status() {
        return status;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public UUID usedOrderId() {
        return usedOrderId;
    }

    public OfferDiscount discount() {
        return new OfferDiscount(discountType, discountValue);
    }

    public List<BigDecimal> milestones() {
        return milestones == null ? null : List.of(milestones);
    }

    /** Whether an order of exactly this purchase matches the offer (through an offer these cannot change). */
    boolean matches(UUID productId, UUID specificationId, BillingMode mode, int quantity, int periods) {
        return this.productId.equals(productId) && this.specificationId.equals(specificationId)
                && this.billingMode == mode && this.quantity == quantity && this.periods == periods;
    }

    String purchase() {
        return quantity + " x " + periods + " " + billingMode;
    }
}
