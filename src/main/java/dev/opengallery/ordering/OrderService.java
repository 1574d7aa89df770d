package dev.opengallery.ordering;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.core.Page;
import dev.opengallery.core.Tx;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;

/**
 * Ordering's public operations, for its resources and for the features above it. The work is done by one class per
 * responsibility: {@link OrderPlacing} (checking, pricing, placing), {@link OrderPaying} (paying and what payment
 * opens), {@link OrderMoves} (the moves after that: provisioning, supervision's completion and cancellation, the
 * buyer's and the unpaid-order job's cancellations) and {@link OrderQueries} (reads). Orders change only through
 * the {@link CustomerOrder} aggregate's methods (or, in bulk, set-based statements that take their states from
 * {@link OrderLifecycle}); money moves only through the ledger.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    OrderPlacing placing;

    @Inject
    OrderPaying paying;

    @Inject
    OrderMoves moves;

    @Inject
    OrderQueries queries;

    public record OrderFilter(OrderState state, ProductType type, OffsetDateTime from, OffsetDateTime to,
            UUID accountId, UUID sellerId) {
    }

    public Uni<OrderQuote> quote(UUID accountId, OrderRequest request) {
        return placing.quote(accountId, request);
    }

    public Uni<RestResponse<OrderView>> place(UUID accountId, OrderRequest request, String idempotencyKey) {
        return placing.place(accountId, request, idempotencyKey);
    }

    public Uni<RestResponse<OrderView>> pay(UUID accountId, UUID orderId, PaymentMethod method,
            String idempotencyKey, String password) {
        return paying.pay(accountId, orderId, method, idempotencyKey, password);
    }

    public Uni<OrderView> cancel(UUID accountId, UUID orderId) {
        return moves.cancel(accountId, orderId);
    }

    /** Cancels every order still unpaid {@code after} its placement (the unpaid-order job). */
    public Uni<Integer> cancelUnpaid(Duration after) {
        return moves.cancelUnpaid(after);
    }

    /**
     * PROCESSING to CANCELED in the caller's transaction, refunding what the buyer paid (nothing for reseller
     * orders; for milestone orders the bills paid so far, canceling the others) and canceling the purchased app.
     * Service supervision calls it when an operator cancels an appeal or a flow outlives 365 days without an invoice.
     * Answers false when the order was not PROCESSING.
     */
    public Uni<Boolean> cancelAndRefund(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason) {
        return moves.cancelAndRefund(tx, orderId, actorId, actorRole, reason);
    }

    /**
     * PROCESSING to COMPLETED in the caller's transaction, when service supervision completes: the purchased app
     * becomes visible (SaaS with supervision is listed only from now on). Answers false when the order was not
     * PROCESSING.
     */
    public Uni<Boolean> completeSupervised(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason) {
        return moves.completeSupervised(tx, orderId, actorId, actorRole, reason);
    }

    /**
     * Records on the order, in the caller's transaction, something that happened to what it bought without moving
     * the order (its purchased app was unsubscribed, say): an event from its state to the same state.
     */
    public Uni<Void> note(Tx tx, UUID orderId, UUID actorId, String actorRole, String reason, Instant at) {
        return moves.note(tx, orderId, actorId, actorRole, reason, at);
    }

    /** One order with its events; {@code accountId} or {@code sellerId} restrict it to its buyer or seller. */
    public Uni<OrderView> find(UUID id, UUID accountId, UUID sellerId) {
        return queries.find(id, accountId, sellerId);
    }

    public Uni<Page<OrderView>> list(OrderFilter f, int page, int size) {
        return queries.list(f, page, size);
    }
}
