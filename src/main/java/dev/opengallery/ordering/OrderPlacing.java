package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import dev.opengallery.payments.AccountService;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.ProductView;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.ProblemException;
import dev.opengallery.core.Tx;
import dev.opengallery.offers.MilestoneBills;
import dev.opengallery.offers.OfferService;
import dev.opengallery.payments.Idempotency;
import dev.opengallery.payments.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Quotes and places orders: checks the request against the product, the account and the buyer's offer, prices it
 * through the catalogue's pricing function and {@link OrderPricing}, decides how it is paid ({@link PaymentRules}),
 * and builds the {@link CustomerOrder}; "Pay Now" pays it in the same transaction ({@link OrderPaying}).
 */
@ApplicationScoped
public class OrderPlacing {

    @Inject
    AccountService accountService;

    @Inject
    Pool pool;

    @Inject
    CatalogRepository catalog;

    @Inject
    Idempotency idempotency;

    @Inject
    AppClock clock;

    @Inject
    OfferService offers;

    @Inject
    MilestoneBills milestoneBills;

    @Inject
    OrderMetrics metrics;

    @Inject
    OrderPaying paying;

    /** Everything an order needs, checked: product, specification, price, ECS choices. */
    record Checked(ProductView product, Specification spec, OrderPricing.Price price, EcsFlavor flavor,
            OrderRequest request, String reseller, OfferService.Applied offer, PaymentMethod method, UUID sellerId) {
    }

    // ------------------------------------------------------------------------------------------- quote

    Uni<OrderQuote> quote(UUID accountId, OrderRequest request) {
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
            return accountFacts(accountId, product.id()).invoke(facts -> {
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
                                        pay.method(), product.seller() == null ? facts.productSeller()
                                                : product.seller().id());
                            })));
        });
    }

    record AccountFacts(String reseller, BigDecimal creditLimit, BigDecimal offerCreditAvailable, String currency,
            UUID productSeller) {
    }

    /**
     * The account's reseller, if it belongs to one, and its credit lines; with the product's seller (the product view
     * names it only once the seller has a profile), in the same round trip.
     */
    private Uni<AccountFacts> accountFacts(UUID accountId, UUID productId) {
        return pool.preparedQuery("""
                select reseller, credit_limit, offer_credit_limit - offer_credit_used as offer_available, currency,
                    (select seller_id from product where id = $2) as product_seller
                from account where id = $1""").execute(Tuple.of(accountId, productId)).map(rows -> {
            Row r = rows.iterator().next();
            return new AccountFacts(r.getString("reseller"), r.getBigDecimal("credit_limit"),
                    r.getBigDecimal("offer_available"), r.getString("currency").trim(), r.getUUID("product_seller"));
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

    Uni<RestResponse<OrderView>> place(UUID accountId, OrderRequest request, String idempotencyKey) {
        return check(accountId, request, true).chain(c -> idempotency
                .run(accountId, idempotencyKey, "place-order", request.withoutPassword(), OrderPaying.OrderRef.class,
                        tx -> placeNew(tx, accountId, c).map(id -> RestResponse.ResponseBuilder
                                .<OrderPaying.OrderRef> create(201).entity(new OrderPaying.OrderRef(id)).build()))
                .chain(response -> paying.respond(response, accountId, response.getEntity().id(),
                        request.ecs() == null ? null : request.ecs().password(),
                        c.product.type() == ProductType.IMAGE)));
    }

    /**
     * Builds the checked order and, with "Pay Now" (or when the order's kind implies its payment), pays it in the
     * same transaction: the order is then inserted once, already paid, with both its events.
     */
    private Uni<UUID> placeNew(Tx tx, UUID accountId, Checked c) {
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
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
        var line = new OrderLine(c.sellerId, c.product.id(), c.product.type(), c.product.name(),
                c.spec.id(), c.spec.name(), c.spec.pricingModel(), r.billingMode(), p.quantity(), p.periods(),
                p.currency(), p.unitPrice(), p.listPrice(), p.discount(), p.imageFee(), p.ecsFee(), p.amountDue());
        CustomerOrder order = CustomerOrder.place(id, accountId, line, "NEW", null, null, c.product.supervised(),
                Boolean.TRUE.equals(r.contactAuthorization()), c.reseller, ecs,
                c.offer == null ? null : c.offer.offerId(), c.offer != null && c.offer.milestones() != null,
                accountId, "customer", "placed", now);
        metrics.placed(tx, c.product.type().name(), "NEW", c.method);
        // the offer is claimed for an order that exists
        Uni<Void> placed = c.offer == null ? Uni.createFrom().voidItem()
                : order.save(tx).chain(() -> offers.claim(tx, c.offer.offerId(), id));
        return placed.chain(() -> {
            // how the order is paid was decided by PaymentRules when it was checked: a milestone offer by
            // monthly settlement against the offer credit, bill by bill; a reseller's customer by its
            // reseller; a pay-per-use image owes nothing now; "Pay Now" pays in the placing's transaction
            if (c.method == PaymentMethod.MONTHLY_SETTLEMENT) {
                return accountService.reserveOfferCredit(tx, accountId, p.amountDue())
                        .chain(() -> paying.settle(tx, order, PaymentMethod.MONTHLY_SETTLEMENT, accountId, "customer"))
                        .chain(() -> milestoneBills.generate(tx, id, 1));
            }
            if (c.method != null || r.billingMode() == BillingMode.PAY_PER_USE) {
                return paying.settle(tx, order, c.method, accountId, "customer");
            }
            return order.save(tx);
        }).replaceWith(id);
    }
}
