package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.payments.AccountService;
import dev.opengallery.payments.Ledger;
import dev.opengallery.payments.PaymentMethod;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.core.Db;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.PricingModel;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.ProductView;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.offers.MilestoneBills;
import dev.opengallery.offers.OfferService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Quotes, places, pays and cancels orders. Prices come from the catalogue's pricing function; money moves
 * only through the {@link Ledger}; every state change is an {@code order_event}.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    Fulfilment.PurchasedApps apps;

    @Inject
    Fulfilment.ServiceFlows flows;

    @Inject
    CatalogRepository catalog;

    @Inject
    Ledger ledger;

    @Inject
    AccountService accountService;

    @Inject
    Idempotency idempotency;

    @Inject
    ComputeClient compute;

    @Inject
    AppClock clock;

    @Inject
    OfferService offers;

    @Inject
    MilestoneBills milestoneBills;

    @Inject
    OrderMetrics metrics;

    /** Everything an order needs, checked: product, specification, price, ECS choices. */
    record Checked(ProductView product, Specification spec, OrderPricing.Price price, EcsFlavor flavor,
            OrderRequest request, String reseller, OfferService.Applied offer, PaymentMethod method) {
    }

    // ------------------------------------------------------------------------------------------- quote

    public Uni<OrderQuote> quote(UUID accountId, OrderRequest request) {
        return check(accountId, request, false).map(c -> new OrderQuote(c.product.id(), c.spec.id(),
                request.billingMode(), c.price.quantity(), c.price.periods(), c.price.unitPrice(), c.price.tier(),
                c.price.listPrice(), c.price.discount(), c.price.imageFee(), c.price.ecsFee(),
                c.flavor == null ? null : c.flavor.code(), c.price.amountDue(), c.price.currency(), c.reseller != null));
    }

    private Uni<Checked> check(UUID accountId, OrderRequest r, boolean placing) {
        return catalog.findListed(r.productId()).chain(product -> {
            Specification spec = product.specification(r.specificationId());
            FieldErrors errors = new FieldErrors();
            if (spec == null) {
                errors.add("specificationId", "is not a specification of this product");
            }
            if (placing && !Boolean.TRUE.equals(r.acceptTerms())) {
                errors.add("acceptTerms", "you must accept the terms and conditions");
            }
            boolean image = product.type() == ProductType.IMAGE;
            if (image && r.ecs() == null) {
                errors.add("ecs", "an image runs on an ECS: give its VPC, security group and login password");
            }
            if (!image && r.ecs() != null) {
                errors.add("ecs", "only image orders take an ECS configuration");
            }
            if (image && r.ecs() != null) {
                if (r.billingMode() == BillingMode.ONE_TIME) {
                    errors.add("billingMode", "an image with its ECS is billed yearly, monthly or by the hour");
                }
                if (placing) {
                    for (String p : PasswordPolicy.problems(r.ecs().password())) {
                        errors.add("ecs.password", p);
                    }
                }
                if (r.ecs().provisioning() == OrderRequest.Provisioning.CUSTOM && r.ecs().flavor() == null) {
                    errors.add("ecs.flavor", "is required for customised provisioning");
                }
                if (r.ecs().provisioning() != OrderRequest.Provisioning.CUSTOM
                        && (r.ecs().flavor() != null || r.ecs().name() != null)) {
                    errors.add("ecs.provisioning", "flavor and name are set with CUSTOM provisioning");
                }
            }
            if (r.billingMode() == BillingMode.PAY_PER_USE && r.periods() != null && r.periods() != 1) {
                errors.add("periods", "pay-per-use is billed by the hour as used; leave periods out");
            }
            errors.throwIfAny();
            if (placing && product.type() == ProductType.SAAS && product.contactAuthorizationRequired()
                    && !Boolean.TRUE.equals(r.contactAuthorization())) {
                throw ProblemException.unprocessable("The seller needs your authorisation to use your account's "
                        + "contact details to create your application account: set contactAuthorization to true");
            }
            int quantity = r.quantity() == null ? spec.minQuantity() : r.quantity();
            int periods = r.periods() == null ? 1 : r.periods();
            Currency currency = Currency.getInstance(product.currency());
            return accountFacts(accountId).invoke(facts -> {
                // one account, one currency: its balance, credit and ledger are in it
                if (!facts.currency().equals(currency.getCurrencyCode())) {
                    throw ProblemException.unprocessable("This product is priced in " + currency.getCurrencyCode()
                            + " and your account holds " + facts.currency() + ": an account buys in its own currency");
                }
            }).chain(facts -> (image ? checkEcs(accountId, product, r.ecs())
                    : Uni.createFrom().<EcsFlavor> nullItem())
                    .chain(flavor -> offers.forOrder(accountId, r.offerId(), product.id(), spec.id(), r.billingMode(),
                            quantity, periods).map(offer -> {
                                BigDecimal list = dev.opengallery.catalog.Pricing.quote(spec, r.billingMode(), quantity,
                                        periods, currency).amount();
                                BigDecimal off = offer == null ? null : offer.discount().amountOff(list, currency);
                                OrderPricing.Price price = OrderPricing.price(product.type(), spec, r.billingMode(),
                                        quantity, periods, currency, flavor, off);
                                if (placing && offer != null && offer.milestones() != null) {
                                    if (facts.creditLimit().signum() == 0) {
                                        throw ProblemException.unprocessable("Milestone payment is for postpaid "
                                                + "customers: ask an operator to enable credit payment");
                                    }
                                    if (facts.offerCreditAvailable().compareTo(price.amountDue()) < 0) {
                                        throw ProblemException.unprocessable("Your offer credit ("
                                                + facts.offerCreditAvailable() + ") does not cover " + price.amountDue());
                                    }
                                }
                                PaymentRules.Decision pay = PaymentRules.decide(PaymentRules.kind(
                                        new PaymentRules.Facts("NEW", offer != null && offer.milestones() != null,
                                                facts.reseller() != null, image,
                                                r.billingMode() == BillingMode.PAY_PER_USE, offer != null)),
                                        r.paymentMethod());
                                if (placing && pay.refused()) {
                                    throw ProblemException.unprocessable("paymentMethod", pay.refusal());
                                }
                                return new Checked(product, spec, price, flavor, r, facts.reseller(), offer,
                                        pay.method());
                            })));
        });
    }

    record AccountFacts(String reseller, BigDecimal creditLimit, BigDecimal offerCreditAvailable, String currency) {
    }

    /** The account's reseller, if it belongs to one, and its credit lines. */
    private Uni<AccountFacts> accountFacts(UUID accountId) {
        return pool.preparedQuery("""
                select reseller, credit_limit, offer_credit_limit - offer_credit_used as offer_available, currency
                from account where id = $1""").execute(Tuple.of(accountId)).map(rows -> {
            Row r = rows.iterator().next();
            return new AccountFacts(r.getString("reseller"), r.getBigDecimal("credit_limit"),
                    r.getBigDecimal("offer_available"), r.getString("currency").trim());
        });
    }

    private Uni<EcsFlavor> checkEcs(UUID accountId, ProductView product, OrderRequest.EcsRequest ecs) {
        String flavorCode = ecs.provisioning() == OrderRequest.Provisioning.CUSTOM ? ecs.flavor()
                : EcsFlavor.QUICK_DEFAULT;
        return pool.preparedQuery("""
                select (select count(*) from vpc where account_id = $1) as vpcs,
                       exists (select 1 from vpc where id = $2 and account_id = $1) as vpc_ok,
                       exists (select 1 from security_group g where g.vpc_id = $2 and g.account_id = $1 and g.name = $3) as sg_ok,
                       f.code, f.vcpus, f.memory_gib, f.hourly, f.monthly, f.yearly
                from (select 1) one left join ecs_flavor f on f.code = $4""")
                .execute(Tuple.of(accountId, ecs.vpcId(), ecs.securityGroup(), flavorCode)).map(rows -> {
                    Row r = rows.iterator().next();
                    if (r.getLong("vpcs") == 0) {
                        throw ProblemException.unprocessable(
                                "You have no VPC: create one (POST /api/account/vpcs) before buying an image");
                    }
                    FieldErrors errors = new FieldErrors();
                    if (!r.getBoolean("vpc_ok")) {
                        errors.add("ecs.vpcId", "is not one of your VPCs");
                    }
                    if (!r.getBoolean("sg_ok") && !product.securityGroups().contains(ecs.securityGroup())) {
                        errors.add("ecs.securityGroup", "is neither recommended by the seller "
                                + product.securityGroups() + " nor a security group of this VPC");
                    }
                    if (r.getString("code") == null) {
                        errors.add("ecs.flavor", "is not a known ECS flavour");
                    }
                    errors.throwIfAny();
                    return new EcsFlavor(r.getString("code"), r.getInteger("vcpus"), r.getInteger("memory_gib"),
                            r.getBigDecimal("hourly"), r.getBigDecimal("monthly"), r.getBigDecimal("yearly"));
                });
    }

    // ------------------------------------------------------------------------------------------- place

    /** What the idempotent part of placing or paying answers: the order; the full view is read afterwards. */
    public record OrderRef(UUID id) {
    }

    public Uni<RestResponse<OrderView>> place(UUID accountId, OrderRequest request, String idempotencyKey) {
        return check(accountId, request, true).chain(c -> idempotency
                .run(accountId, idempotencyKey, "place-order", request.withoutPassword(), OrderRef.class,
                        conn -> insertOrder(conn, accountId, c)
                                .map(id -> RestResponse.ResponseBuilder.<OrderRef> create(201).entity(new OrderRef(id))
                                        .build()))
                .chain(response -> afterCommit(response, accountId, response.getEntity().id(),
                        request.ecs() == null ? null : request.ecs().password(),
                        c.product.type() == ProductType.IMAGE)));
    }

    private Uni<UUID> insertOrder(Tx conn, UUID accountId, Checked c) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = ts(clock.now());
        OrderPricing.Price p = c.price;
        OrderRequest r = c.request;
        JsonObject ecs = null;
        if (r.ecs() != null) {
            ecs = new JsonObject().put("vpcId", r.ecs().vpcId().toString())
                    .put("securityGroup", r.ecs().securityGroup())
                    .put("provisioning", r.ecs().provisioning() == null ? "QUICK" : r.ecs().provisioning().name())
                    .put("flavor", c.flavor.code())
                    .put("name", r.ecs().name() == null ? "ecs-" + id.toString().substring(0, 8) : r.ecs().name());
        }
        Tuple t = Tuple.tuple().addValue(id).addValue(accountId).addValue(c.product.seller() == null ? null
                : c.product.seller().id())
                .addValue(c.product.id()).addValue(c.product.type().name()).addValue(c.product.name())
                .addValue(c.spec.id()).addValue(c.spec.name()).addValue(c.spec.pricingModel().name())
                .addValue(r.billingMode().name()).addValue(p.quantity()).addValue(p.periods()).addValue(p.currency())
                .addValue(p.unitPrice()).addValue(p.listPrice()).addValue(p.discount()).addValue(p.imageFee())
                .addValue(p.ecsFee()).addValue(p.amountDue()).addValue(c.product.supervised())
                .addValue(Boolean.TRUE.equals(r.contactAuthorization())).addValue(c.reseller != null)
                .addValue(c.reseller).addValue(ecs).addValue(now);
        return conn.preparedQuery("""
                insert into customer_order (id, account_id, seller_id, product_id, product_type, product_name,
                    specification_id, specification_name, pricing_model, billing_mode, quantity, periods, currency,
                    unit_price, list_price, discount_amount, image_fee, ecs_fee, amount_due, state, supervised,
                    contact_authorized, paid_by_reseller, reseller, ecs, terms_accepted_at, created_at)
                values ($1, $2, coalesce($3::uuid, (select seller_id from product where id = $4)), $4, $5, $6, $7, $8, $9, $10, $11,
                    $12, $13, $14, $15, $16, $17, $18, $19, 'PENDING_PAYMENT', $20, $21, $22, $23, $24, $25, $25)""")
                .execute(t)
                .chain(() -> event(conn, id, accountId, "customer", null, OrderState.PENDING_PAYMENT, "placed"))
                .invoke(() -> metrics.placed(conn, c.product.type().name(), "NEW", c.method))
                .chain(() -> c.offer == null ? Uni.createFrom().voidItem()
                        : offers.claim(conn, c.offer.offerId(), id).chain(() -> conn.preparedQuery(
                                "update customer_order set offer_id = $2, milestone = $3 where id = $1")
                                .execute(Tuple.of(id, c.offer.offerId(), c.offer.milestones() != null)))
                                .replaceWithVoid())
                .chain(() -> {
                    // how the order is paid was decided by PaymentRules when it was checked: a milestone offer by
                    // monthly settlement against the offer credit, bill by bill; a reseller's customer by its
                    // reseller; a pay-per-use image owes nothing now; "Pay Now" pays in the placing's transaction
                    if (c.method == PaymentMethod.MONTHLY_SETTLEMENT) {
                        return accountService.reserveOfferCredit(conn, accountId, p.amountDue())
                                .chain(() -> settle(conn, accountId, id, PaymentMethod.MONTHLY_SETTLEMENT, "customer")
                                        .chain(() -> milestoneBills.generate(conn, id, 1)));
                    }
                    if (c.method != null || r.billingMode() == BillingMode.PAY_PER_USE) {
                        return settle(conn, accountId, id, c.method, "customer");
                    }
                    return Uni.createFrom().voidItem();
                }).replaceWith(id);
    }

    // --------------------------------------------------------------------------------------------- pay

    public Uni<RestResponse<OrderView>> pay(UUID accountId, UUID orderId, PaymentMethod method,
            String idempotencyKey, String password) {
        record PayRequest(UUID orderId, PaymentMethod method) {
        }
        return idempotency.run(accountId, idempotencyKey, "pay-order", new PayRequest(orderId, method),
                OrderRef.class,
                conn -> settle(conn, accountId, orderId, method, "customer")
                        .replaceWith(RestResponse.ResponseBuilder.<OrderRef> ok(new OrderRef(orderId)).build()))
                .chain(response -> afterCommit(response, accountId, orderId, password, true));
    }

    /**
     * Moves a pending order to paid in the caller's transaction: locks it, debits the ledger (unless the
     * reseller pays or nothing is due now), and opens what follows payment.
     */
    private Uni<Void> settle(Tx conn, UUID accountId, UUID orderId, PaymentMethod method, String role) {
        return conn.preparedQuery("select " + COLUMNS + " from customer_order o where o.id = $1 and o.account_id = $2 for update")
                .execute(Tuple.of(orderId, accountId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Order"));
                    }
                    OrderView o = view(rows.iterator().next());
                    boolean image = o.productType() == ProductType.IMAGE;
                    OrderState next = OrderLifecycle.next(o.state(), OrderLifecycle.Action.PAY,
                            o.supervised() || image);
                    Instant now = clock.now();
                    Uni<?> money = Uni.createFrom().voidItem();
                    PaymentRules.OrderKind kind = PaymentRules.kind(new PaymentRules.Facts(o.kind(), o.milestone(),
                            o.paidByReseller(), image, o.billingMode() == BillingMode.PAY_PER_USE, o.offerId() != null));
                    PaymentRules.Decision decision = PaymentRules.decide(kind, method);
                    if (decision.refused()) {
                        return Uni.createFrom().failure(ProblemException.unprocessable("method", decision.refusal()));
                    }
                    if (decision.method() == null && kind != PaymentRules.OrderKind.PAY_PER_USE_IMAGE) {
                        return Uni.createFrom().failure(ProblemException.invalid("method", "is required: BALANCE or CREDIT"));
                    }
                    if (method == PaymentMethod.BALANCE || method == PaymentMethod.CREDIT) {
                        money = ledger.post(conn, accountId, Ledger.Kind.PAYMENT, o.amountDue().negate(),
                                method == PaymentMethod.BALANCE ? Ledger.Floor.ZERO : Ledger.Floor.CREDIT_LIMIT,
                                orderId, null, "Order " + o.productName(), now);
                    }
                    return money.chain(() -> conn.preparedQuery("""
                            update customer_order set state = $2, payment_method = $3, paid_at = $4,
                                completed_at = case when $2 = 'COMPLETED' then $4::timestamptz end, version = version + 1
                            where id = $1""").execute(Tuple.of(orderId, next.name(),
                            method == null ? null : method.name(), ts(now))))
                            .chain(() -> event(conn, orderId, accountId, role, o.state(), next,
                                    method == null ? "nothing due now (billed by the hour)"
                                            : method == PaymentMethod.RESELLER ? "paid by reseller"
                                            : method == PaymentMethod.MONTHLY_SETTLEMENT ? "milestone payment: bill 1 generated"
                                            : "paid by " + method))
                            .chain(() -> opened(conn, o, now))
                            .chain(() -> catalog.recordPaidOrder(conn, o.productId(),
                                    now.atOffset(ZoneOffset.UTC).toLocalDate()))
                            .invoke(() -> metrics.paid(conn, o.productType().name(), o.kind(), method, o.currency(), o.amountDue()));
                });
    }

    /** What payment opens: a service flow for supervised products, a purchased app for the others (images once provisioned). */
    private Uni<Void> opened(Tx conn, OrderView o, Instant now) {
        Uni<Void> flow = o.supervised() ? flows.open(conn, o, now) : Uni.createFrom().voidItem();
        if (o.productType() == ProductType.IMAGE) {
            return flow;
        }
        // SaaS with supervision is listed among purchased apps only once supervision completes
        boolean visible = !(o.supervised() && o.productType() == ProductType.SAAS);
        return flow.chain(() -> apps.open(conn, o, now, visible, null));
    }

    // ------------------------------------------------------------------------------ provisioning (images)

    private Uni<RestResponse<OrderView>> afterCommit(RestResponse<OrderRef> first, UUID accountId, UUID id,
            String password, boolean mayNeedEcs) {
        Uni<Void> provisioning = mayNeedEcs ? provisionIfDue(accountId, id, password) : Uni.createFrom().voidItem();
        return provisioning.chain(() -> find(id, accountId, null))
                .map(o -> {
                    var b = RestResponse.ResponseBuilder.<OrderView> create(first.getStatus()).entity(o);
                    if (first.getHeaders().containsKey(Idempotency.REPLAYED)) {
                        b.header(Idempotency.REPLAYED, "true");
                    }
                    return first.getStatus() == 201 ? b.location(URI.create("/api/orders/" + id)).build() : b.build();
                });
    }

    /**
     * An image order that is paid (or due nothing now) and has no ECS yet gets one from the compute service;
     * if that fails the order is canceled and what was paid is refunded.
     */
    private Uni<Void> provisionIfDue(UUID accountId, UUID orderId, String password) {
        return pool.preparedQuery("select " + COLUMNS + " from customer_order o where o.id = $1 and o.account_id = $2")
                .execute(Tuple.of(orderId, accountId)).chain(rows -> {
                    OrderView o = view(rows.iterator().next());
                    if (o.productType() != ProductType.IMAGE || o.state() != OrderState.PROCESSING
                            || o.ecs().ecsId() != null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (password == null) {
                        return abort(o, "The ECS login password was not given with the payment, so the ECS could "
                                + "not be created");
                    }
                    var spec = new ComputeClient.EcsSpec(o.id(), o.accountId(), o.productId(), o.specificationId(),
                            o.billingMode().name(), o.periods(), o.ecs().flavor(), o.ecs().vpcId(),
                            o.ecs().securityGroup(), o.ecs().name());
                    return compute.createEcs(spec, password)
                            .onItem().transformToUni(ecsId -> provisioned(o, ecsId))
                            .onFailure(e -> !(e instanceof ProblemException)).recoverWithUni(e -> {
                                LOG.warnf("Provisioning failed for order %s: %s", o.id(), e.getMessage());
                                return abort(o, "Provisioning failed: " + e.getMessage());
                            });
                });
    }

    private Uni<Void> provisioned(OrderView o, String ecsId) {
        Instant now = clock.now();
        return db.transaction(conn -> conn.preparedQuery("""
                update customer_order set state = 'COMPLETED', completed_at = $2, version = version + 1,
                    ecs = jsonb_set(ecs, '{ecsId}', to_jsonb($3::text))
                where id = $1 and state = 'PROCESSING' returning id""").execute(Tuple.of(o.id(), ts(now), ecsId))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : event(conn, o.id(), null, "system", OrderState.PROCESSING, OrderState.COMPLETED,
                                "ECS " + ecsId + " created")
                                .chain(() -> apps.open(conn, o, now, true, ecsId))));
    }

    /** Cancels a paid order that cannot be delivered, refunding what was paid. */
    public Uni<Void> abort(OrderView o, String reason) {
        return db.transaction(conn -> cancelAndRefund(conn, o.id(), null, "system", reason)).replaceWithVoid();
    }

    /**
     * PROCESSING to CANCELED in the caller's transaction, refunding what the buyer paid (nothing for reseller
     * orders; for milestone orders the bills paid so far, canceling the others) and canceling the purchased app. Service supervision calls it when an operator cancels an
     * appeal or a flow outlives 365 days without an invoice. Answers false when the order was not PROCESSING.
     */
    public Uni<Boolean> cancelAndRefund(Tx conn, UUID orderId, UUID actorId, String actorRole,
            String reason) {
        Instant now = clock.now();
        return conn.preparedQuery("""
                update customer_order set state = 'CANCELED', canceled_at = $2, cancel_reason = $3,
                    version = version + 1 where id = $1 and state = 'PROCESSING'
                returning account_id, payment_method, amount_due""").execute(Tuple.of(orderId, ts(now), reason))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row r = rows.iterator().next();
                    String method = r.getString("payment_method");
                    Uni<?> refund = Uni.createFrom().voidItem();
                    if (PaymentMethod.MONTHLY_SETTLEMENT.name().equals(method)) {
                        refund = milestoneBills.cancelOrder(conn, orderId, r.getUUID("account_id"),
                                r.getBigDecimal("amount_due"), reason);
                    }
                    if ("BALANCE".equals(method) || "CREDIT".equals(method)) {
                        refund = ledger.post(conn, r.getUUID("account_id"), Ledger.Kind.REFUND,
                                r.getBigDecimal("amount_due"), Ledger.Floor.NONE, orderId, null, "Refund: " + reason,
                                now);
                    }
                    return refund.chain(() -> event(conn, orderId, actorId, actorRole, OrderState.PROCESSING,
                            OrderState.CANCELED, reason)).chain(() -> apps.cancel(conn, orderId)).replaceWith(true);
                });
    }

    /**
     * PROCESSING to COMPLETED in the caller's transaction, when service supervision completes: the purchased app
     * becomes visible (SaaS with supervision is listed only from now on). Answers false when the order was not
     * PROCESSING.
     */
    public Uni<Boolean> completeSupervised(Tx conn, UUID orderId, UUID actorId, String actorRole,
            String reason) {
        Instant now = clock.now();
        return conn.preparedQuery("""
                update customer_order set state = 'COMPLETED', completed_at = $2, version = version + 1
                where id = $1 and state = 'PROCESSING' returning id""").execute(Tuple.of(orderId, ts(now)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(false)
                        : event(conn, orderId, actorId, actorRole, OrderState.PROCESSING, OrderState.COMPLETED, reason)
                                .chain(() -> apps.show(conn, orderId))
                                .replaceWith(true));
    }

    // ------------------------------------------------------------------------------------------ cancel

    public Uni<OrderView> cancel(UUID accountId, UUID orderId) {
        return db.transaction(conn -> conn.preparedQuery(
                "select state from customer_order where id = $1 and account_id = $2 for update")
                .execute(Tuple.of(orderId, accountId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Order"));
                    }
                    OrderState current = OrderState.valueOf(rows.iterator().next().getString("state"));
                    OrderState next = OrderLifecycle.next(current, OrderLifecycle.Action.CANCEL, false);
                    return conn.preparedQuery("""
                            update customer_order set state = $2, canceled_at = $3, cancel_reason = 'canceled by the buyer',
                                version = version + 1 where id = $1""")
                            .execute(Tuple.of(orderId, next.name(), ts(clock.now())))
                            .chain(() -> event(conn, orderId, accountId, "customer", current, next,
                                    "canceled by the buyer"))
                            .chain(() -> releaseOffer(conn, orderId));
                })).chain(() -> find(orderId, accountId, null));
    }

    /** An order canceled before payment gives its private offer back. */
    private Uni<Void> releaseOffer(Tx conn, UUID orderId) {
        return conn.preparedQuery("""
                update private_offer set status = 'ACTIVE', used_order_id = null where used_order_id = $1 and status = 'USED'""")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }

    /**
     * Cancels every order still unpaid {@code after} its placement. Set-based, idempotent, and safe with several
     * replicas: rows are claimed with SKIP LOCKED and the UPDATE re-checks the state.
     */
    public Uni<Integer> cancelUnpaid(java.time.Duration after) {
        Instant now = clock.now();
        return db.transaction(conn -> conn.preparedQuery("""
                with due as (
                    select id from customer_order
                    where state = 'PENDING_PAYMENT' and created_at <= $1
                    order by created_at limit 10000 for update skip locked),
                canceled as (
                    update customer_order o set state = 'CANCELED', canceled_at = $2,
                        cancel_reason = 'not paid within ' || $3, version = o.version + 1
                    from due where o.id = due.id and o.state = 'PENDING_PAYMENT' returning o.id),
                released as (
                    update private_offer po set status = 'ACTIVE', used_order_id = null
                    from canceled where po.used_order_id = canceled.id and po.status = 'USED')
                insert into order_event (order_id, at, actor_role, from_state, to_state, reason)
                select id, $2, 'system', 'PENDING_PAYMENT', 'CANCELED', 'not paid within ' || $3 from canceled""")
                .execute(Tuple.of(ts(now.minus(after)), ts(now), humanize(after))).map(RowSet::rowCount));
    }

    private static String humanize(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    // ------------------------------------------------------------------------------------------- reads

    static final String COLUMNS = """
            o.id, o.account_id, o.seller_id, o.product_id, o.product_type, o.product_name, o.specification_id,
            o.specification_name, o.pricing_model, o.billing_mode, o.quantity, o.periods, o.currency, o.unit_price,
            o.list_price, o.discount_amount, o.image_fee, o.ecs_fee, o.amount_due, o.state, o.supervised,
            o.contact_authorized, o.paid_by_reseller, o.reseller, o.payment_method, o.ecs, o.invoice_state,
            o.terms_accepted_at, o.created_at, o.paid_at, o.completed_at, o.canceled_at, o.cancel_reason, o.offer_id,
            o.milestone, o.kind, o.subscription_id""";

    /** One order with its events; {@code accountId} or {@code sellerId} restrict it to its buyer or seller. */
    public Uni<OrderView> find(UUID id, UUID accountId, UUID sellerId) {
        return pool.preparedQuery("select " + COLUMNS + " from customer_order o where o.id = $1"
                + " and ($2::uuid is null or o.account_id = $2) and ($3::uuid is null or o.seller_id = $3)")
                .execute(Tuple.of(id, accountId, sellerId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Order"));
                    }
                    OrderView o = view(rows.iterator().next());
                    return pool.preparedQuery("""
                            select at, actor_id, actor_role, from_state, to_state, reason from order_event
                            where order_id = $1 order by id""").execute(Tuple.of(id)).map(ev -> {
                        List<OrderView.OrderEvent> events = new ArrayList<>();
                        for (Row r : ev) {
                            String from = r.getString("from_state");
                            events.add(new OrderView.OrderEvent(r.getOffsetDateTime("at"), r.getUUID("actor_id"),
                                    r.getString("actor_role"), from == null ? null : OrderState.valueOf(from),
                                    OrderState.valueOf(r.getString("to_state")), r.getString("reason")));
                        }
                        return o.withEvents(events);
                    });
                });
    }

    public record OrderFilter(OrderState state, ProductType type, OffsetDateTime from, OffsetDateTime to,
            UUID accountId, UUID sellerId) {
    }

    public Uni<Page<OrderView>> list(OrderFilter f, int page, int size) {
        Tuple args = Tuple.tuple().addValue(f.state() == null ? null : f.state().name())
                .addValue(f.type() == null ? null : f.type().name()).addValue(f.from()).addValue(f.to())
                .addValue(f.accountId()).addValue(f.sellerId()).addValue(size).addValue((long) page * size);
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from customer_order o where "
                + "($1::text is null or o.state = $1) and ($2::text is null or o.product_type = $2) "
                + "and ($3::timestamptz is null or o.created_at >= $3) and ($4::timestamptz is null or o.created_at < $4) "
                + "and ($5::uuid is null or o.account_id = $5) and ($6::uuid is null or o.seller_id = $6) "
                + "order by o.created_at desc, o.id limit $7 offset $8").execute(args)
                .map(rows -> Page.of(rows, OrderService::view, page, size));
    }

    static OrderView view(Row r) {
        JsonObject ecs = r.getJsonObject("ecs");
        OrderView.EcsView ecsView = ecs == null ? null
                : new OrderView.EcsView(UUID.fromString(ecs.getString("vpcId")), ecs.getString("securityGroup"),
                        OrderRequest.Provisioning.valueOf(ecs.getString("provisioning")), ecs.getString("flavor"),
                        ecs.getString("name"), ecs.getString("ecsId"));
        String method = r.getString("payment_method");
        return new OrderView(r.getUUID("id"), r.getUUID("account_id"), r.getUUID("seller_id"), r.getUUID("product_id"),
                ProductType.valueOf(r.getString("product_type")), r.getString("product_name"),
                r.getUUID("specification_id"), r.getString("specification_name"),
                PricingModel.valueOf(r.getString("pricing_model")), BillingMode.valueOf(r.getString("billing_mode")),
                r.getInteger("quantity"), r.getInteger("periods"), r.getString("currency"),
                CatalogRepository.price(r.getBigDecimal("unit_price")), r.getBigDecimal("list_price"),
                r.getBigDecimal("discount_amount"), r.getBigDecimal("image_fee"), r.getBigDecimal("ecs_fee"),
                r.getBigDecimal("amount_due"), OrderState.valueOf(r.getString("state")), r.getBoolean("supervised"),
                r.getBoolean("contact_authorized"), r.getBoolean("paid_by_reseller"), r.getString("reseller"),
                method == null ? null : PaymentMethod.valueOf(method), ecsView, r.getString("invoice_state"),
                r.getOffsetDateTime("terms_accepted_at"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("paid_at"), r.getOffsetDateTime("completed_at"), r.getOffsetDateTime("canceled_at"),
                r.getString("cancel_reason"), r.getUUID("offer_id"), r.getBoolean("milestone"), r.getString("kind"),
                r.getUUID("subscription_id"), null);
    }

    Uni<Void> event(Tx conn, UUID orderId, UUID actor, String role, OrderState from, OrderState to,
            String reason) {
        return conn.preparedQuery("""
                insert into order_event (order_id, at, actor_id, actor_role, from_state, to_state, reason)
                values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple().addValue(orderId).addValue(ts(clock.now())).addValue(actor).addValue(role)
                        .addValue(from == null ? null : from.name()).addValue(to.name()).addValue(reason))
                .replaceWithVoid();
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
