package dev.opengallery.offers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import dev.opengallery.core.Db;
import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.CatalogRepository;
import dev.opengallery.catalog.Pricing;
import dev.opengallery.catalog.ProductStatus;
import dev.opengallery.catalog.Specification;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Money;
import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import dev.opengallery.notifications.Channel;
import dev.opengallery.notifications.Notifications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import dev.opengallery.core.Sql;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Private offers: a seller's exclusive discount for one customer account, notified by SMS, email and inbox with
 * a link. The discount applies only to an order of exactly the offered specification, billing mode, quantity
 * and duration, once, before the offer expires.
 */
@ApplicationScoped
public class OfferService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    CatalogRepository catalog;

    @Inject
    Notifications notifications;

    @Inject
    AppClock clock;

    @Inject
    PublicUrl publicUrl;

    @Inject
    OffersConfig config;

    public Uni<OfferView> create(UUID sellerId, OfferRequest r) {
        return create(sellerId, r, null);
    }

    /**
     * Makes the offer; with {@code requirementId} it answers that application requirement (the requirements package
     * checks the requirement first, in its own transaction, which this one joins).
     */
    public Uni<OfferView> create(UUID sellerId, OfferRequest r, UUID requirementId) {
        Instant now = clock.now();
        return catalog.findForSeller(r.productId(), sellerId).chain(product -> {
            if (product.status() != ProductStatus.LISTED) {
                throw ProblemException.unprocessable("Offers can be made for listed products only");
            }
            FieldErrors errors = new FieldErrors();
            Specification spec = product.specification(r.specificationId());
            if (spec == null) {
                errors.add("specificationId", "is not a specification of this product");
            }
            if (r.billingMode() == BillingMode.PAY_PER_USE) {
                errors.add("billingMode", "pay-per-use is billed by the hour; offers discount a priced purchase");
            }
            if (r.expiresAt().toInstant().isAfter(now.plus(config.maxValidity())) || !r.expiresAt().toInstant().isAfter(now)) {
                errors.add("expiresAt", "must be in the future and within " + config.maxValidity().toDays() + " days");
            }
            if (r.discountType() == OfferDiscount.Type.PERCENTAGE && (r.discountValue().signum() <= 0
                    || r.discountValue().compareTo(new BigDecimal("100")) >= 0 || Money.usedScale(r.discountValue()) > 2)) {
                errors.add("discountValue", "a percentage must be above 0 and below 100, with at most 2 decimals");
            }
            if (r.milestones() != null) {
                for (String p : MilestonePlan.problems(r.milestones())) {
                    errors.add("milestones", p);
                }
            }
            errors.throwIfAny();
            if (r.milestones() != null && !product.supervised()) {
                throw ProblemException.unprocessable("Milestone payment follows delivery acceptance: it is for "
                        + "products with service supervision");
            }
            Currency currency = Currency.getInstance(product.currency());
            int quantity = r.quantity() == null ? spec.minQuantity() : r.quantity();
            int periods = r.periods() == null ? 1 : r.periods();
            Pricing.Quote quote = Pricing.quote(spec, r.billingMode(), quantity, periods, currency);
            if (r.discountType() == OfferDiscount.Type.FIXED_PRICE && (r.discountValue().signum() <= 0
                    || r.discountValue().compareTo(quote.amount()) >= 0
                    || Money.usedScale(r.discountValue()) > Money.minorDigits(currency))) {
                throw ProblemException.invalid("discountValue", "a fixed price must be above 0 and below the list price "
                        + quote.amount() + " " + currency.getCurrencyCode() + ", with at most "
                        + Money.minorDigits(currency) + " decimals: an offer never makes a product free");
            }
            BigDecimal off = new OfferDiscount(r.discountType(), r.discountValue()).rawAmountOff(quote.amount(), currency);
            if (off.compareTo(quote.amount()) >= 0) {
                throw ProblemException.invalid("discountValue", "would make the price 0 " + currency.getCurrencyCode()
                        + " (list price " + quote.amount() + "): an offer never makes a product free");
            }
            UUID id = UUID.randomUUID();
            String token = token();
            String link = link(token);
            PrivateOffer offer = PrivateOffer.make(id, sellerId, r.customerAccountId(), product.id(), spec.id(),
                    r.billingMode(), quantity, periods, new OfferDiscount(r.discountType(), r.discountValue()),
                    r.milestones(), currency.getCurrencyCode(), quote.amount(), quote.amount().subtract(off), token,
                    r.expiresAt(), r.note(), requirementId, now);
            return db.transaction(conn -> conn.preparedQuery(
                    "select 1 from account where id = $1 and id <> $2").execute(Tuple.of(r.customerAccountId(), sellerId))
                    .chain(rows -> {
                        if (rows.size() == 0) {
                            return Uni.createFrom().failure(ProblemException.notFound("Customer account"));
                        }
                        return conn.session().persist(offer);
                    })
                    .chain(() -> notifications.notify(conn, r.customerAccountId(), "OFFER_RECEIVED",
                            "An exclusive offer for " + product.name(),
                            (product.seller() == null ? "A seller" : product.seller().companyName())
                                    + " made you an exclusive offer for " + product.name() + " (" + spec.name() + ", "
                                    + quantity + " x " + periods + " " + r.billingMode() + "): "
                                    + quote.amount().subtract(off) + " " + currency.getCurrencyCode() + " instead of "
                                    + quote.amount() + ". Valid until " + r.expiresAt() + "."
                                    + (requirementId == null ? "" : " It answers your application requirement.")
                                    + " Order here: " + link,
                            link, EnumSet.of(Channel.EMAIL, Channel.SMS)))
                    // read in the transaction: a caller's unit of work (a requirement's answer) may still hold it open
                    .chain(() -> one(conn, SELECT + " where o.id = $1 and o.seller_id = $2", Tuple.of(id, sellerId),
                            true)));
        });
    }

    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String link(String token) {
        return publicUrl.value() + "/offers/" + token;
    }

    // ------------------------------------------------------------------------------------ reads

    static final String SELECT = """
            select o.*, p.name as product_name, s.name as specification_name, sp.company_name as seller_name,
                   count(*) over () as total
            from private_offer o join product p on p.id = o.product_id
            left join specification s on s.id = o.specification_id
            left join seller_profile sp on sp.account_id = o.seller_id
            """;

    public Uni<OfferView> findForSeller(UUID id, UUID sellerId) {
        return one(SELECT + " where o.id = $1 and o.seller_id = $2", Tuple.of(id, sellerId), true);
    }

    public Uni<OfferView> findForCustomer(UUID id, UUID customerId) {
        return one(SELECT + " where o.id = $1 and o.customer_account_id = $2", Tuple.of(id, customerId), true);
    }

    public Uni<OfferView> findByToken(String token, UUID customerId) {
        return one(SELECT + " where o.token = $1 and o.customer_account_id = $2", Tuple.of(token, customerId), true);
    }

    private Uni<OfferView> one(String sql, Tuple args, boolean withToken) {
        return one(db.reads(), sql, args, withToken);
    }

    private Uni<OfferView> one(Sql on, String sql, Tuple args, boolean withToken) {
        return on.preparedQuery(sql).execute(args).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Offer");
            }
            return view(rows.iterator().next(), withToken);
        });
    }

    public Uni<Page<OfferView>> listForSeller(UUID sellerId, int page, int size) {
        return list(SELECT + " where o.seller_id = $1 order by o.created_at desc, o.id limit $2 offset $3",
                Tuple.of(sellerId, size, (long) page * size), page, size);
    }

    /** The customer's exclusive offers: usable ones only unless {@code all}. */
    public Uni<Page<OfferView>> listForCustomer(UUID customerId, boolean all, int page, int size) {
        return list(SELECT + " where o.customer_account_id = $1 and ($2 or (o.status = $6 and o.expires_at > $3))"
                + " order by o.expires_at, o.id limit $4 offset $5",
                Tuple.from(List.of(customerId, all, Times.ts(clock.now()), size, (long) page * size,
                        OfferLifecycle.Status.ACTIVE.name())), page, size);
    }

    private Uni<Page<OfferView>> list(String sql, Tuple args, int page, int size) {
        return pool.preparedQuery(sql).execute(args).map(rows -> Page.of(rows, r -> view(r, true), page, size));
    }

    OfferView view(Row r, boolean withToken) {
        String status = OfferLifecycle.shown(OfferLifecycle.Status.valueOf(r.getString("status")),
                r.getOffsetDateTime("expires_at").toInstant(), clock.now());
        BigDecimal[] ms = r.getArrayOfBigDecimals("milestones");
        return new OfferView(r.getUUID("id"), r.getUUID("seller_id"), r.getString("seller_name"),
                r.getUUID("customer_account_id"), r.getUUID("product_id"), r.getString("product_name"),
                r.getUUID("specification_id"), r.getString("specification_name"),
                BillingMode.valueOf(r.getString("billing_mode")), r.getInteger("quantity"), r.getInteger("periods"),
                OfferDiscount.Type.valueOf(r.getString("discount_type")),
                CatalogRepository.price(r.getBigDecimal("discount_value")), r.getString("currency"),
                r.getBigDecimal("list_price"), r.getBigDecimal("offer_price"),
                ms == null ? null : List.of(ms), r.getOffsetDateTime("expires_at"), status,
                withToken ? link(r.getString("token")) : null, withToken ? r.getString("token") : null,
                r.getUUID("used_order_id"), r.getString("note"), r.getUUID("requirement_id"),
                r.getOffsetDateTime("created_at"));
    }

    /** The offers that answer an application requirement, oldest first (not paged: a requirement has few). */
    public Uni<List<OfferView>> listForRequirement(UUID requirementId) {
        return pool.preparedQuery(SELECT + " where o.requirement_id = $1 order by o.created_at, o.id")
                .execute(Tuple.of(requirementId)).map(rows -> {
                    List<OfferView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r, true)));
                    return out;
                });
    }

    public Uni<OfferView> withdraw(UUID id, UUID sellerId) {
        Instant now = clock.now();
        return db.transaction(conn -> PrivateOffer.lockForSeller(id, sellerId).invoke(o -> o.withdraw(now)))
                .chain(() -> findForSeller(id, sellerId));
    }

    // ------------------------------------------------------------------------------ ordering with an offer

    /** The offer an order uses: its discount and milestone plan. */
    public record Applied(UUID offerId, OfferDiscount discount, List<BigDecimal> milestones) {
    }

    /**
     * The offer that applies to an order. With an offer id (the offer's link, or the exclusive offers list) the
     * order must match the offer exactly, or it is refused; without one, an unused, unexpired offer of this
     * customer that matches exactly is linked by itself. Null when no offer applies.
     */
    public Uni<Applied> forOrder(UUID customerId, UUID offerId, UUID productId, UUID specificationId,
            BillingMode mode, int quantity, int periods) {
        OffsetDateTime now = Times.ts(clock.now());
        if (offerId == null) {
            return pool.preparedQuery("""
                    select id, discount_type, discount_value, milestones from private_offer
                    where customer_account_id = $1 and product_id = $2 and specification_id = $3 and billing_mode = $4
                      and quantity = $5 and periods = $6 and status = $8 and expires_at > $7
                    order by created_at desc limit 1""")
                    .execute(Tuple.tuple().addValue(customerId).addValue(productId).addValue(specificationId)
                            .addValue(mode.name()).addValue(quantity).addValue(periods).addValue(now)
                            .addValue(OfferLifecycle.Status.ACTIVE.name()))
                    .map(rows -> rows.size() == 0 ? null : applied(rows.iterator().next()));
        }
        return pool.preparedQuery("select * from private_offer where id = $1 and customer_account_id = $2")
                .execute(Tuple.of(offerId, customerId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Offer");
                    }
                    Row r = rows.iterator().next();
                    OfferLifecycle.checkUsable(OfferLifecycle.Status.valueOf(r.getString("status")),
                            r.getOffsetDateTime("expires_at").toInstant(), now.toInstant());
                    if (!r.getUUID("product_id").equals(productId) || !r.getUUID("specification_id").equals(specificationId)
                            || !r.getString("billing_mode").equals(mode.name()) || r.getInteger("quantity") != quantity
                            || r.getInteger("periods") != periods) {
                        throw ProblemException.unprocessable("The offer is for " + r.getInteger("quantity") + " x "
                                + r.getInteger("periods") + " " + r.getString("billing_mode")
                                + " of its specification; through an offer these cannot be changed");
                    }
                    return applied(r);
                });
    }

    private static Applied applied(Row r) {
        BigDecimal[] ms = r.getArrayOfBigDecimals("milestones");
        return new Applied(r.getUUID("id"), new OfferDiscount(OfferDiscount.Type.valueOf(r.getString("discount_type")),
                r.getBigDecimal("discount_value")), ms == null ? null : List.of(ms));
    }

    /** Marks the offer used by the order, in the order's transaction; fails if another order got it first. */
    public Uni<Void> claim(Tx conn, UUID offerId, UUID orderId) {
        Instant now = clock.now();
        return PrivateOffer.lock(offerId).invoke(o -> o.claim(orderId, now)).replaceWithVoid();
    }

    /**
     * The order was canceled before payment, in the order's transaction: the offer it used (if any) can be used again.
     */
    public Uni<Void> release(Tx conn, UUID orderId) {
        return PrivateOffer.lockUsedBy(orderId).invoke(o -> {
            if (o != null) {
                o.release();
            }
        }).replaceWithVoid();
    }

    /**
     * The orders were canceled before payment by a job over many orders, in its transaction: the offers they used are
     * released in one statement (USED to ACTIVE, as {@link OfferLifecycle#release} moves one). Answers how many.
     */
    public Uni<Integer> releaseAll(Tx conn, List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("""
                update private_offer set status = $2, used_order_id = null where used_order_id = any($1) and status = $3""")
                .execute(Tuple.of(orderIds.toArray(new UUID[0]), OfferLifecycle.release(OfferLifecycle.Status.USED).name(),
                        OfferLifecycle.Status.USED.name()))
                .map(RowSet::rowCount);
    }
}
