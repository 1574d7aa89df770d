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

import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * One milestone's bill of an offer order paid by monthly settlement (Hibernate Reactive Panache entity, part of the
 * private offer's milestone plan). One bill's status changes through {@link #pay}, which asks {@link BillLifecycle};
 * the moves over many bills at once are set-based with that rule's states ({@link MilestoneBills#markOverdue},
 * {@link MilestoneBills#cancelOrder}). The table has no
 * version column: paying locks the row.
 */
@Entity
@Table(name = "milestone_bill")
public class MilestoneBill extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "order_id", updatable = false)
    UUID orderId;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "milestone", updatable = false)
    int milestone;

    @Column(name = "milestones", updatable = false)
    int milestones;

    @Column(name = "percent", updatable = false, precision = 5, scale = 2)
    BigDecimal percent;

    @Column(name = "amount", updatable = false, precision = 19, scale = 2)
    BigDecimal amount;

    @Column(name = "currency", updatable = false, columnDefinition = "char(3)")
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", columnDefinition = "text")
    BillLifecycle.Status status;

    @Column(name = "generated_at", updatable = false)
    OffsetDateTime generatedAt;

    @Column(name = "due_at", updatable = false)
    OffsetDateTime dueAt;

    @Column(name = "paid_at")
    OffsetDateTime paidAt;

    protected MilestoneBill() {
    }

    /** The GENERATED bill of milestone {@code milestone} (1-based) of the plan, due {@code dueAt}. */
    static MilestoneBill generate(UUID orderId, UUID accountId, int milestone, List<BigDecimal> percents,
            List<BigDecimal> amounts, String currency, Instant now, Instant dueAt) {
        MilestoneBill b = new MilestoneBill();
        b.id = UUID.randomUUID();
        b.orderId = orderId;
        b.accountId = accountId;
        b.milestone = milestone;
        b.milestones = percents.size();
        b.percent = percents.get(milestone - 1);
        b.amount = amounts.get(milestone - 1);
        b.currency = currency;
        b.status = BillLifecycle.Status.GENERATED;
        b.generatedAt = now.atOffset(ZoneOffset.UTC);
        b.dueAt = dueAt.atOffset(ZoneOffset.UTC);
        return b;
    }

    // ------------------------------------------------------------------------------------------ finders

    /** The account's bill, row-locked for payment; 404 when it is not the account's. */
    static Uni<MilestoneBill> lockOwned(UUID billId, UUID accountId) {
        return MilestoneBill.<MilestoneBill> findById(billId, LockModeType.PESSIMISTIC_WRITE).map(b -> {
            if (b == null || !b.accountId.equals(accountId)) {
                throw ProblemException.notFound("Bill");
            }
            return b;
        });
    }

    static Uni<Boolean> exists(UUID orderId, int milestone) {
        return MilestoneBill.count("orderId = ?1 and milestone = ?2", orderId, milestone).map(n -> n > 0);
    }

    // -------------------------------------------------------------------------------------------- moves

    /** PAY: refused (409) when already paid or its order was canceled. The money moves through the ledger. */
    void pay(Instant now) {
        status = BillLifecycle.pay(status);
        paidAt = now.atOffset(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------ reading

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public int milestone() {
        return milestone;
    }

    public int milestones() {
        return milestones;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BillLifecycle.Status status() {
        return status;
    }
}
