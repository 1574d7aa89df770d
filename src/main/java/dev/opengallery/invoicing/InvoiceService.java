package dev.opengallery.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.payments.Ledger;
import dev.opengallery.offers.BillLifecycle;
import dev.opengallery.core.Db;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import dev.opengallery.ordering.OrderInvoicing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import dev.opengallery.core.Sql;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Invoices over paid orders. The amount is what was paid for them; an order is on one live (not RETURNED)
 * invoice at most, which the database enforces; each order's {@code invoice_state} follows its invoice, and
 * service supervision's 365-day rule and unsubscription read it.
 */
@ApplicationScoped
public class InvoiceService {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Notifications notifications;

    @Inject
    OrderInvoicing orders;

    @Inject
    AppClock clock;

    /** An order, as invoicing judges it. */
    private record Candidate(UUID id, String state, String method, String currency, BigDecimal paid, boolean refunded,
            boolean onLiveInvoice) {
    }

    private static final String CANDIDATES = """
            select o.id, o.state, o.payment_method, o.currency, o.paid_at,
                   case when o.milestone then coalesce((select sum(b.amount) from milestone_bill b
                                                         where b.order_id = o.id and b.status = '%s'), 0)
                        else o.amount_due end as paid,
                   exists (select 1 from ledger_entry l where l.order_id = o.id and l.kind = '%s') as refunded,
                   exists (select 1 from invoice_order io where io.order_id = o.id and io.live and io.invoice_id <> $3)
                       as on_live_invoice
            from customer_order o where o.id = any($1) and o.account_id = $2""".formatted(
            BillLifecycle.Status.PAID.name(), Ledger.Kind.REFUND.name());

    private Uni<List<Candidate>> candidates(Sql client, UUID accountId, List<UUID> ids, UUID invoiceId) {
        return client.preparedQuery("select id from customer_order where id = any($1) and account_id = $2 order by id for update")
                .execute(Tuple.of(ids.toArray(new UUID[0]), accountId))
                .chain(() -> client.preparedQuery(CANDIDATES)
                        .execute(Tuple.of(ids.toArray(new UUID[0]), accountId, invoiceId)))
                .map(rows -> {
                    Map<UUID, Candidate> found = new HashMap<>();
                    for (Row r : rows) {
                        found.put(r.getUUID("id"), new Candidate(r.getUUID("id"), r.getString("state"),
                                r.getString("payment_method"), r.getString("currency"),
                                r.getOffsetDateTime("paid_at") == null ? null : r.getBigDecimal("paid"),
                                r.getBoolean("refunded"), r.getBoolean("on_live_invoice")));
                    }
                    List<Candidate> out = new ArrayList<>();
                    for (UUID id : ids) {
                        Candidate c = found.get(id);
                        if (c == null) {
                            throw ProblemException.notFound("Order " + id);
                        }
                        check(c);
                        out.add(c);
                    }
                    if (out.stream().map(Candidate::currency).distinct().count() > 1) {
                        throw ProblemException.unprocessable("One invoice covers orders of one currency");
                    }
                    return out;
                });
    }

    private static void check(Candidate c) {
        if (c.paid() == null || "CANCELED".equals(c.state()) || "PENDING_PAYMENT".equals(c.state())) {
            throw ProblemException.unprocessable("Order " + c.id() + " is not paid: only paid orders can be invoiced");
        }
        if ("RESELLER".equals(c.method())) {
            throw ProblemException.unprocessable("Order " + c.id() + " was paid by your reseller, who invoices it");
        }
        if (c.method() == null) {
            throw ProblemException.unprocessable("Order " + c.id() + " is billed by the hour: nothing was paid for it "
                    + "up front");
        }
        if (c.refunded()) {
            throw ProblemException.unprocessable("Order " + c.id() + " was refunded: it cannot be invoiced");
        }
        if (c.paid().signum() <= 0) {
            throw ProblemException.unprocessable("Nothing has been paid for order " + c.id() + " yet");
        }
        if (c.onLiveInvoice()) {
            throw ProblemException.conflict("Order " + c.id() + " is already on an invoice that is not returned");
        }
    }

    // --------------------------------------------------------------------------------------------- customer

    public Uni<InvoiceView> apply(UUID accountId, InvoiceView.Request r) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(r.orderIds()));
        if (ids.size() != r.orderIds().size()) {
            throw ProblemException.invalid("orderIds", "must not repeat an order");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        return db.transaction(conn -> candidates(conn, accountId, ids, id).chain(cs -> {
            Invoice invoice = Invoice.request(id, accountId, r.title(), r.taxId(), cs.get(0).currency(), paid(cs),
                    accountId, now);
            return invoice.save().chain(() -> orders.follow(conn, ids, invoice.state().name()));
        })).onFailure().transform(InvoiceService::liveConflict).chain(() -> find(id, accountId));
    }

    private static Map<UUID, BigDecimal> paid(List<Candidate> cs) {
        Map<UUID, BigDecimal> paid = new LinkedHashMap<>();
        cs.forEach(c -> paid.put(c.id(), c.paid()));
        return paid;
    }

    /** Two applications over one order at the same moment: the database lets one through. */
    static Throwable liveConflict(Throwable e) {
        String constraint = null;
        for (Throwable c = e; c != null && constraint == null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                constraint = String.valueOf(pg.getConstraint());
            } else if (c instanceof ConstraintViolationException cv && "23505".equals(cv.getSQLState())) {
                constraint = String.valueOf(cv.getConstraintName());
            }
        }
        if (constraint != null && constraint.contains("invoice_order_live")) {
            return ProblemException.conflict("One of the orders is already on an invoice that is not returned");
        }
        if (constraint != null && constraint.contains("invoice_number")) {
            return ProblemException.conflict("That invoice number is already given to another invoice");
        }
        return e;
    }

    public Uni<InvoiceView> askReturn(UUID accountId, UUID id, String reason) {
        Instant now = clock.now();
        return db.transaction(conn -> Invoice.lock(id, accountId).chain(invoice -> InvoiceOrder.of(id).chain(lines -> {
            List<UUID> held = held(lines);
            invoice.askReturn(reason, accountId, lines, now);
            return saved(conn, invoice, held, reason);
        }))).onFailure().transform(InvoiceService::liveConflict).chain(() -> find(id, accountId));
    }

    /** A RETURNED invoice is requested again, over the same orders (still paid, not on another live invoice). */
    public Uni<InvoiceView> reapply(UUID accountId, UUID id, InvoiceView.Reapply r) {
        Instant now = clock.now();
        return db.transaction(conn -> Invoice.lock(id, accountId).chain(invoice -> {
            invoice.mustAllow(InvoiceLifecycle.Action.REAPPLY);
            return InvoiceOrder.of(id).chain(lines -> {
                List<UUID> ids = lines.stream().map(InvoiceOrder::orderId).toList();
                return candidates(conn, accountId, ids, id).chain(cs -> {
                    invoice.reapply(r == null ? null : r.title(), r == null ? null : r.taxId(), paid(cs), lines,
                            accountId, now);
                    return invoice.save().chain(() -> orders.follow(conn, ids, invoice.state().name()));
                });
            });
        })).onFailure().transform(InvoiceService::liveConflict).chain(() -> find(id, accountId));
    }

    // --------------------------------------------------------------------------------------------- operator

    public Uni<InvoiceView> issue(UUID operatorId, UUID id, String number) {
        String n = number.strip();
        Instant now = clock.now();
        return db.transaction(conn -> Invoice.lock(id, null).chain(invoice -> {
            invoice.mustAllow(InvoiceLifecycle.Action.ISSUE);
            return conn.preparedQuery("""
                    select io.order_id from invoice_order io
                    where io.invoice_id = $1 and exists (select 1 from ledger_entry l where l.order_id = io.order_id
                                                         and l.kind = 'REFUND')""").execute(Tuple.of(id))
                    .map(rows -> {
                        if (rows.size() > 0) {
                            throw ProblemException.unprocessable("Order " + rows.iterator().next().getUUID("order_id")
                                    + " was refunded since the invoice was requested: return the invoice instead");
                        }
                        return null;
                    })
                    .chain(() -> conn.preparedQuery("select 1 from invoice where number = $1 and id <> $2")
                            .execute(Tuple.of(n, id)).map(rows -> {
                                if (rows.size() > 0) {
                                    throw ProblemException.conflict("Invoice number " + n
                                            + " is already given to another invoice");
                                }
                                return null;
                            }))
                    .chain(() -> InvoiceOrder.of(id)).chain(lines -> {
                        List<UUID> held = held(lines);
                        invoice.issue(n, operatorId, now);
                        return saved(conn, invoice, held, null);
                    });
        })).onFailure().transform(InvoiceService::liveConflict).chain(() -> find(id, null));
    }

    public Uni<InvoiceView> operatorReturn(UUID operatorId, UUID id, String reason) {
        Instant now = clock.now();
        return db.transaction(conn -> Invoice.lock(id, null).chain(invoice -> InvoiceOrder.of(id).chain(lines -> {
            List<UUID> held = held(lines);
            invoice.returnByOperator(reason, operatorId, lines, now);
            return saved(conn, invoice, held, reason);
        }))).onFailure().transform(InvoiceService::liveConflict).chain(() -> find(id, null));
    }

    /** The orders the invoice holds before a move (its live lines): their invoice state follows the invoice. */
    private static List<UUID> held(List<InvoiceOrder> lines) {
        return lines.stream().filter(InvoiceOrder::live).map(InvoiceOrder::orderId).toList();
    }

    /** After a move: the invoice and its event are written, its orders follow it, and the customer is told. */
    private Uni<Void> saved(Tx conn, Invoice invoice, List<UUID> held, String reason) {
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        return invoice.save().chain(() -> orders.follow(conn, held, invoice.state().name()))
                .chain(() -> tell(conn, invoice.accountId(), invoice.id(), invoice.state(), invoice.number(), note));
    }

    private Uni<Void> tell(Tx conn, UUID accountId, UUID id, InvoiceLifecycle.State state, String number,
            String note) {
        String title;
        String body;
        switch (state) {
            case ISSUED -> {
                title = "Invoice issued: " + number;
                body = "Your invoice " + number + " has been issued.";
            }
            case RETURNED -> {
                title = "Invoice returned" + (number == null ? "" : ": " + number);
                body = "Your invoice" + (number == null ? "" : " " + number) + " has been returned"
                        + (note == null ? "" : " (" + note + ")") + ". Its orders can be invoiced again.";
            }
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
        return notifications.notify(conn, accountId, "INVOICE_" + state.name(), title, body, "/invoices/" + id,
                Set.of(Channel.EMAIL)).replaceWithVoid();
    }

    // ------------------------------------------------------------------------------------------------ reads

    private static final String COLUMNS = """
            i.id, i.account_id, i.title, i.tax_id, i.amount, i.currency, i.state, i.number, i.note, i.requested_at,
            i.issued_at, i.return_requested_at, i.returned_at""";

    /** One invoice with its orders and history; {@code accountId} restricts it to its owner. */
    public Uni<InvoiceView> find(UUID id, UUID accountId) {
        return pool.preparedQuery("select " + COLUMNS + " from invoice i where i.id = $1 and ($2::uuid is null or i.account_id = $2)")
                .execute(Tuple.of(id, accountId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Invoice"));
                    }
                    Row head = rows.iterator().next();
                    return lines(List.of(id)).chain(lines -> pool.preparedQuery("""
                            select at, actor_id, actor_role, from_state, to_state, note from invoice_event
                            where invoice_id = $1 order by id""").execute(Tuple.of(id)).map(ev -> {
                        List<InvoiceView.Event> history = new ArrayList<>();
                        for (Row r : ev) {
                            String from = r.getString("from_state");
                            history.add(new InvoiceView.Event(r.getOffsetDateTime("at"), r.getUUID("actor_id"),
                                    r.getString("actor_role"), from == null ? null : InvoiceLifecycle.State.valueOf(from),
                                    InvoiceLifecycle.State.valueOf(r.getString("to_state")), r.getString("note")));
                        }
                        return view(head, lines.getOrDefault(id, List.of()), history);
                    }));
                });
    }

    public Uni<Page<InvoiceView>> list(UUID accountId, InvoiceLifecycle.State state, int page, int size) {
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from invoice i "
                + "where ($1::uuid is null or i.account_id = $1) and ($2::text is null or i.state = $2) "
                + "order by i.requested_at desc, i.id limit $3 offset $4")
                .execute(Tuple.of(accountId, state == null ? null : state.name(), size, (long) page * size))
                .chain(rows -> {
                    List<Row> heads = new ArrayList<>();
                    rows.forEach(heads::add);
                    long total = heads.isEmpty() ? 0 : heads.get(0).getLong("total");
                    List<UUID> ids = heads.stream().map(r -> r.getUUID("id")).toList();
                    return lines(ids).map(lines -> new Page<>(heads.stream()
                            .map(h -> view(h, lines.getOrDefault(h.getUUID("id"), List.of()), null)).toList(), total,
                            page, size));
                });
    }

    private Uni<Map<UUID, List<InvoiceView.Line>>> lines(List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                select io.invoice_id, io.order_id, io.amount, o.product_name, o.kind, o.paid_at
                from invoice_order io join customer_order o on o.id = io.order_id
                where io.invoice_id = any($1) order by o.paid_at, o.id""")
                .execute(Tuple.of(invoiceIds.toArray(new UUID[0]))).map(rows -> {
                    Map<UUID, List<InvoiceView.Line>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID("invoice_id"), k -> new ArrayList<>())
                                .add(new InvoiceView.Line(r.getUUID("order_id"), r.getString("product_name"),
                                        r.getString("kind"), r.getBigDecimal("amount"), r.getOffsetDateTime("paid_at")));
                    }
                    return out;
                });
    }

    private static InvoiceView view(Row r, List<InvoiceView.Line> lines, List<InvoiceView.Event> history) {
        return new InvoiceView(r.getUUID("id"), r.getUUID("account_id"), r.getString("title"), r.getString("tax_id"),
                r.getBigDecimal("amount"), r.getString("currency"), InvoiceLifecycle.State.valueOf(r.getString("state")),
                r.getString("number"), r.getString("note"), r.getOffsetDateTime("requested_at"),
                r.getOffsetDateTime("issued_at"), r.getOffsetDateTime("return_requested_at"),
                r.getOffsetDateTime("returned_at"), lines, history);
    }
}
