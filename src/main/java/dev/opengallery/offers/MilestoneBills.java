package dev.opengallery.offers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.core.Db;
import dev.opengallery.core.ProblemException;
import dev.opengallery.payments.AccountService;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Milestone bills of offer orders paid by monthly settlement: bill 1 when the order is placed, bill N+1 when the
 * buyer accepts the delivery of milestone N, each due 30 days after it is generated. Paying a bill moves money
 * through the ledger and gives the offer credit back.
 */
@ApplicationScoped
public class MilestoneBills {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Ledger ledger;

    @Inject
    AccountService accountService;

    @Inject
    Idempotency idempotency;

    @Inject
    AppClock clock;

    @Inject
    MilestonesConfig config;

    @Schema(name = "MilestoneBill")
    public record Bill(UUID id, UUID orderId, @Schema(example = "1") int milestone, @Schema(example = "3") int milestones,
            @Schema(example = "30.00") BigDecimal percent, @Schema(example = "1530.00") BigDecimal amount, String currency,
            @Schema(description = "GENERATED, PAID or OVERDUE") String status, OffsetDateTime generatedAt,
            OffsetDateTime dueAt, OffsetDateTime paidAt) {
    }

    /**
     * Generates the bill of one milestone of an order, in the caller's transaction. Idempotent: a bill that
     * exists is left as it is. Does nothing past the last milestone.
     */
    public Uni<Void> generate(Tx conn, UUID orderId, int milestone) {
        return conn.preparedQuery("""
                select o.account_id, o.amount_due, o.currency, po.milestones
                from customer_order o join private_offer po on po.id = o.offer_id
                where o.id = $1 and o.milestone""").execute(Tuple.of(orderId)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().failure(ProblemException.notFound("Milestone order"));
            }
            Row r = rows.iterator().next();
            List<BigDecimal> percents = Arrays.asList(r.getArrayOfBigDecimals("milestones"));
            if (milestone < 1 || milestone > percents.size()) {
                return Uni.createFrom().voidItem();
            }
            Currency currency = Currency.getInstance(r.getString("currency"));
            List<BigDecimal> amounts = MilestonePlan.split(r.getBigDecimal("amount_due"), percents, currency);
            Instant now = clock.now();
            UUID accountId = r.getUUID("account_id");
            return MilestoneBill.exists(orderId, milestone).chain(exists -> exists ? Uni.createFrom().voidItem()
                    : conn.session().persist(MilestoneBill.generate(orderId, accountId, milestone, percents, amounts,
                            currency.getCurrencyCode(), now, now.plus(config.dueAfter()))));
        });
    }

    /**
     * The buyer accepted the delivery of milestone {@code milestone}: the next bill is generated. Service
     * supervision calls this in the transaction that records the acceptance.
     */
    public Uni<Void> onMilestoneAccepted(Tx conn, UUID orderId, int milestone) {
        return generate(conn, orderId, milestone + 1);
    }

    /**
     * Pays a bill. With an Idempotency-Key a repeated request answers as the first did and pays nothing again; the
     * key is claimed in the payment's transaction.
     */
    public Uni<RestResponse<Bill>> pay(UUID accountId, UUID billId, PaymentMethod method, String idempotencyKey) {
        if (method != PaymentMethod.BALANCE && method != PaymentMethod.CREDIT) {
            throw ProblemException.unprocessable("method",
                    method + " does not apply to a milestone bill: pay it with BALANCE or CREDIT");
        }
        Instant now = clock.now();
        @RegisterForReflection
        record Key(UUID billId, PaymentMethod method) {
        }
        return idempotency.run(accountId, idempotencyKey, "pay-bill", new Key(billId, method), UUID.class,
                conn -> MilestoneBill.lockOwned(billId, accountId).chain(b -> {
                    b.pay(now);
                    return ledger.post(conn, accountId, Ledger.Kind.SETTLEMENT, b.amount().negate(),
                            method == PaymentMethod.BALANCE ? Ledger.Floor.ZERO : Ledger.Floor.CREDIT_LIMIT, b.orderId(),
                            "milestone-" + b.milestone(), "Milestone " + b.milestone() + " of " + b.milestones(), now)
                            .chain(() -> accountService.releaseOfferCredit(conn, accountId, b.amount()));
                }).replaceWith(RestResponse.ResponseBuilder.ok(billId).build()))
                .chain(first -> find(accountId, billId).map(b -> Idempotency.answer(first, b).build()));
    }

    /**
     * A milestone order was canceled (PROCESSING to CANCELED), in the caller's transaction: its unpaid bills are
     * CANCELED, the offer credit still held for the order is given back, and what the buyer already paid through its
     * bills is refunded (one REFUND ledger entry). Answers the amount refunded.
     * <p>
     * Set-based (one statement over the order's bills, with the move of {@link BillLifecycle#cancel}): the jobs that
     * cancel many orders issue this for all of them at once on their transaction's connection, which a session's
     * entity queries cannot share.
     */
    public Uni<BigDecimal> cancelOrder(Tx conn, UUID orderId, UUID accountId, BigDecimal amountDue,
            String reason) {
        Instant now = clock.now();
        String[] unpaid = BillLifecycle.UNPAID.stream().map(Enum::name).toArray(String[]::new);
        return conn.preparedQuery("""
                with canceled as (
                    update milestone_bill set status = $3
                    where order_id = $1 and status = any($2) returning id)
                select coalesce((select sum(amount) from milestone_bill where order_id = $1 and status = $4), 0)
                    as paid""").execute(Tuple.of(orderId, unpaid, BillLifecycle.CANCEL_TO.name(),
                BillLifecycle.Status.PAID.name())).chain(rows -> {
            BigDecimal paid = rows.iterator().next().getBigDecimal("paid");
            return accountService.releaseOfferCredit(conn, accountId, amountDue.subtract(paid))
                    .chain(() -> paid.signum() == 0 ? Uni.createFrom().voidItem()
                            : ledger.post(conn, accountId, Ledger.Kind.REFUND, paid, Ledger.Floor.NONE, orderId, null,
                                    "Refund of the paid milestone bills: " + reason, now).replaceWithVoid())
                    .replaceWith(paid);
        });
    }

    public Uni<Bill> find(UUID accountId, UUID billId) {
        return pool.preparedQuery("select * from milestone_bill where id = $1 and account_id = $2")
                .execute(Tuple.of(billId, accountId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Bill");
                    }
                    return bill(rows.iterator().next());
                });
    }

    /** The account's bills, newest first, optionally of one order. */
    public Uni<List<Bill>> list(UUID accountId, UUID orderId) {
        return pool.preparedQuery("""
                select * from milestone_bill where account_id = $1 and ($2::uuid is null or order_id = $2)
                order by generated_at desc, milestone desc limit 500""").execute(Tuple.of(accountId, orderId))
                .map(rows -> {
                    List<Bill> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(bill(r));
                    }
                    return out;
                });
    }

    /** The bills as CSV (RFC 4180), for download. */
    public static String csv(List<Bill> bills) {
        StringBuilder sb = new StringBuilder(
                "bill_id,order_id,milestone,milestones,percent,amount,currency,status,generated_at,due_at,paid_at\r\n");
        for (Bill b : bills) {
            sb.append(b.id()).append(',').append(b.orderId()).append(',').append(b.milestone()).append(',')
                    .append(b.milestones()).append(',').append(b.percent().toPlainString()).append(',')
                    .append(b.amount().toPlainString()).append(',').append(b.currency()).append(',').append(b.status())
                    .append(',').append(b.generatedAt()).append(',').append(b.dueAt()).append(',')
                    .append(b.paidAt() == null ? "" : b.paidAt().toString()).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Marks every unpaid bill past its due date OVERDUE (the move {@link BillLifecycle#OVERDUE_FROM} to
     * {@link BillLifecycle#OVERDUE_TO}). Set-based over many bills, in the job's transaction, and idempotent.
     */
    public Uni<Integer> markOverdue() {
        return db.transaction(tx -> tx.preparedQuery("""
                update milestone_bill set status = $3
                where status = $2 and due_at <= $1""").execute(Tuple.of(Times.ts(clock.now()),
                BillLifecycle.OVERDUE_FROM.name(), BillLifecycle.OVERDUE_TO.name()))
                .map(RowSet::rowCount));
    }

    static Bill bill(Row r) {
        return new Bill(r.getUUID("id"), r.getUUID("order_id"), r.getInteger("milestone"), r.getInteger("milestones"),
                r.getBigDecimal("percent"), r.getBigDecimal("amount"), r.getString("currency"), r.getString("status"),
                r.getOffsetDateTime("generated_at"), r.getOffsetDateTime("due_at"), r.getOffsetDateTime("paid_at"));
    }
}
