package dev.opengallery.invoicing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * An order on an invoice, with what was paid for it (part of the {@link Invoice} aggregate: only the invoice's moves
 * change it). {@code live} is false once the invoice is RETURNED; an order is on one live invoice at most.
 */
@Entity
@Table(name = "invoice_order")
@IdClass(InvoiceOrder.Key.class)
public class InvoiceOrder extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    UUID invoiceId;

    @Id
    @Column(name = "order_id")
    UUID orderId;

    @Column(name = "amount", precision = 19, scale = 2)
    BigDecimal amount;

    @Column(name = "live")
    boolean live;

    protected InvoiceOrder() {
    }

    InvoiceOrder(UUID invoiceId, UUID orderId, BigDecimal amount) {
        this.invoiceId = invoiceId;
        this.orderId = orderId;
        this.amount = amount;
        this.live = true;
    }

    /** The invoice's orders, in order id order. */
    static Uni<List<InvoiceOrder>> of(UUID invoiceId) {
        return InvoiceOrder.<InvoiceOrder> find("invoiceId = ?1 order by orderId", invoiceId).list();
    }

    public UUID orderId() {
        return orderId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public boolean live() {
        return live;
    }

    /** The composite key (invoice, order). */
    public static class Key implements Serializable {
        UUID invoiceId;
        UUID orderId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(invoiceId, k.invoiceId) && Objects.equals(orderId, k.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoiceId, orderId);
        }
    }
}
