package dev.opengallery.ordering;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.offers.BillLifecycle;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The books' invariants, checked by the service itself over the whole database (read-only, one snapshot): every
 * account's balance is the sum of its ledger; every paid order has the payment record its way of paying requires
 * (a ledger PAYMENT of its amount for BALANCE and CREDIT, the reseller's record and no ledger movement for RESELLER,
 * a milestone bill and no PAYMENT for MONTHLY_SETTLEMENT, nothing at all for a pay-per-use image); an unpaid order
 * moved no money; a paid order that was canceled was refunded what was paid; nothing was refunded beyond what was
 * paid for an order and the later orders of its app. Operators run it through {@code GET /api/operator/audit/payments};
 * the test suite runs it after every money test.
 */
@ApplicationScoped
public class PaymentAudit {

    /** At most this many violations are listed (the counts are always complete). */
    static final int MAX_LISTED = 1000;

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    @Schema(name = "PaymentAuditViolation")
    public record Violation(
            @Schema(description = "The rule broken", example = "PAID_WITHOUT_PAYMENT") String rule,
            @Schema(description = "The order concerned, if any") UUID orderId,
            @Schema(description = "The account concerned") UUID accountId,
            @Schema(example = "paid by BALANCE: amount due 120.00, ledger payments 0") String detail) {
    }

    @Schema(name = "PaymentAudit", description = "The result of checking the books")
    public record Report(OffsetDateTime checkedAt,
            @Schema(description = "Accounts checked", example = "1200") long accounts,
            @Schema(description = "Orders checked", example = "5400") long orders,
            @Schema(description = "Ledger entries checked", example = "9100") long ledgerEntries,
            @Schema(description = "True when no rule is broken") boolean consistent,
            @Schema(description = "Number of violations found", example = "0") long violationCount,
            @Schema(description = "The violations (at most 1000)") List<Violation> violations) {
    }

    /**
     * One row per broken rule. {@code paid}: PAYMENT rows of the order (negative); {@code refunded}: its REFUND rows;
     * {@code settled}: SETTLEMENT rows of its milestone bills (negative).
     */
    private static final String VIOLATIONS = withNames("""
            with money as (
                select o.id, o.account_id, o.state, o.payment_method, o.paid_at, o.amount_due, o.milestone,
                       o.offer_id, o.paid_by_reseller, o.product_type, o.billing_mode, o.kind, o.subscription_id,
                       coalesce(sum(l.amount) filter (where l.kind = '{PAYMENT}'), 0) as paid,
                       coalesce(sum(l.amount) filter (where l.kind = '{REFUND}'), 0) as refunded,
                       coalesce(sum(l.amount) filter (where l.kind = '{SETTLEMENT}'), 0) as settled
                from customer_order o left join ledger_entry l on l.order_id = o.id
                group by o.id),
            bills as (
                select order_id, count(*) as generated,
                       coalesce(sum(amount) filter (where status = '{BILL_PAID}'), 0) as paid_bills
                from milestone_bill group by order_id),
            app_paid as (
                -- what was paid for an app: its first order and every renewal or change of it
                select s.order_id, sum(-m.paid - m.settled) as paid
                from subscription s join money m on m.id = s.order_id or m.subscription_id = s.id
                group by s.order_id)
            select 'BALANCE_NOT_LEDGER' as rule, null::uuid as order_id, a.id as account_id,
                   'balance ' || a.balance || ', sum of ledger ' || coalesce(x.total, 0) as detail
            from account a left join (select account_id, sum(amount) as total from ledger_entry group by account_id) x
                on x.account_id = a.id
            where a.balance <> coalesce(x.total, 0)
            union all
            select 'UNPAID_ORDER_MOVED_MONEY', m.id, m.account_id,
                   'state ' || m.state || ' without payment, yet payments ' || m.paid || ', refunds ' || m.refunded
                   || ', settlements ' || m.settled
            from money m where m.paid_at is null and (m.paid <> 0 or m.refunded <> 0 or m.settled <> 0
                or m.payment_method is not null)
            union all
            select 'PAID_WITHOUT_PAYMENT', m.id, m.account_id,
                   'paid by ' || m.payment_method || ': amount due ' || m.amount_due || ', ledger payments ' || -m.paid
            from money m where m.paid_at is not null and m.payment_method in ('{BALANCE}', '{CREDIT}')
                and m.paid <> -m.amount_due
            union all
            select 'RESELLER_ORDER_MOVED_MONEY', m.id, m.account_id,
                   'paid by the reseller, yet paid_by_reseller ' || m.paid_by_reseller || ', ledger payments ' || -m.paid
            from money m where m.paid_at is not null and m.payment_method = '{RESELLER}'
                and (not m.paid_by_reseller or m.paid <> 0)
            union all
            select 'MILESTONE_ORDER_WITHOUT_BILLS', m.id, m.account_id,
                   'monthly settlement: milestone ' || m.milestone || ', offer ' || coalesce(m.offer_id::text, 'none')
                   || ', bills ' || coalesce(b.generated, 0) || ', ledger payments ' || -m.paid
                   || ', settled ' || -m.settled || ' for paid bills of ' || coalesce(b.paid_bills, 0)
            from money m left join bills b on b.order_id = m.id
            where m.paid_at is not null and m.payment_method = '{MONTHLY_SETTLEMENT}'
                and (not m.milestone or m.offer_id is null or coalesce(b.generated, 0) = 0 or m.paid <> 0
                    or -m.settled <> coalesce(b.paid_bills, 0))
            union all
            select 'PAID_WITH_NOTHING_DUE', m.id, m.account_id,
                   'paid without a way of paying, but it is ' || m.product_type || ' ' || m.billing_mode
                   || '; ledger payments ' || -m.paid
            from money m where m.paid_at is not null and m.payment_method is null
                and (m.product_type <> '{IMAGE}' or m.billing_mode <> '{PAY_PER_USE}' or m.paid <> 0)
            union all
            select 'UNKNOWN_WAY_OF_PAYING', m.id, m.account_id, 'payment method ' || m.payment_method
            from money m where m.payment_method not in ({METHODS})
            union all
            select 'CANCELED_NOT_REFUNDED', m.id, m.account_id,
                   'canceled after paying ' || (-m.paid - m.settled) || ', refunded ' || m.refunded
            from money m where m.state = '{CANCELED}' and m.paid_at is not null and m.refunded <> -m.paid - m.settled
            union all
            select 'REFUNDED_MORE_THAN_PAID', m.id, m.account_id,
                   'refunded ' || m.refunded || ', paid ' || coalesce(ap.paid, -m.paid - m.settled)
            from money m left join app_paid ap on ap.order_id = m.id
            where m.refunded > coalesce(ap.paid, -m.paid - m.settled)
            """);

    /** The rule names of the SQL above are the enums' own names (no state literal to drift from the code). */
    private static String withNames(String sql) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Ledger.Kind k : Ledger.Kind.values()) {
            names.put(k.name(), k.name());
        }
        for (PaymentMethod m : PaymentMethod.values()) {
            names.put(m.name(), m.name());
        }
        names.put("METHODS", Arrays.stream(PaymentMethod.values()).map(m -> "'" + m.name() + "'")
                .collect(Collectors.joining(", ")));
        names.put("BILL_PAID", BillLifecycle.Status.PAID.name());
        names.put("IMAGE", ProductType.IMAGE.name());
        names.put("PAY_PER_USE", BillingMode.PAY_PER_USE.name());
        names.put("CANCELED", OrderState.CANCELED.name());
        for (var e : names.entrySet()) {
            sql = sql.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (sql.contains("{")) {
            throw new IllegalStateException("unbound name in " + sql);
        }
        return sql;
    }

    public Uni<Report> run() {
        OffsetDateTime now = Times.ts(clock.now());
        // one snapshot for the counts and the rules, so concurrent payments cannot make it contradict itself
        return db.transaction(conn -> conn.query("set transaction isolation level repeatable read, read only")
                .execute()
                .chain(() -> conn.query("""
                        select (select count(*) from account) as accounts, (select count(*) from customer_order) as orders,
                               (select count(*) from ledger_entry) as entries""").execute())
                .chain(counts -> conn.preparedQuery("select v.*, count(*) over () as total from (" + VIOLATIONS
                        + ") v order by v.rule, v.order_id, v.account_id limit $1").execute(Tuple.of(MAX_LISTED))
                        .map(rows -> {
                            Row c = counts.iterator().next();
                            List<Violation> found = new ArrayList<>();
                            long total = 0;
                            for (Row r : rows) {
                                total = r.getLong("total");
                                found.add(new Violation(r.getString("rule"), r.getUUID("order_id"),
                                        r.getUUID("account_id"), r.getString("detail")));
                            }
                            return new Report(now, c.getLong("accounts"), c.getLong("orders"), c.getLong("entries"),
                                    total == 0, total, found);
                        })));
    }
}
