package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.Page;
import dev.opengallery.core.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import dev.opengallery.core.Tx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads products (product, specifications, prices, seller contact) with plain SQL on the reactive PostgreSQL client,
 * and counts their paid orders per day (product_sales_day). Ownership is part of every query: a product of another
 * seller is simply not found. Products change through {@link ProductCommands} ({@link Product}).
 */
@ApplicationScoped
public class CatalogRepository {

    static final String PRODUCT_COLUMNS = """
            p.id, p.seller_id, p.type, p.category_code, p.name, p.summary, p.description, p.tags, p.guide_url,
            p.supervised, p.request_template, p.security_groups, p.contact_authorization_required, p.currency,
            p.from_price, p.billing_modes, p.status, p.status_reason, p.created_at, p.updated_at, p.submitted_at,
            p.listed_at, p.version,
            s.account_id as profile_id, s.company_name, s.service_email, s.service_phone, s.support_range""";

    public static final String SUMMARY_COLUMNS = """
            p.id, p.name, p.summary, p.type, p.category_code, p.tags, p.from_price, p.currency, p.billing_modes,
            p.seller_id, s.company_name, p.status, p.listed_at""";

    @Inject
    Pool pool;

    @Inject
    SearchFeed search;

    private volatile Set<String> categoryCodes;

    public record Category(String code, String name, String grouping) {
    }

    public Uni<List<Category>> categories() {
        return pool.query("select code, name, grouping from category order by position").execute()
                .map(rows -> {
                    List<Category> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Category(r.getString("code"), r.getString("name"), r.getString("grouping")));
                    }
                    return out;
                });
    }

    /** Category codes are reference data owned by migrations; read once. */
    public Uni<Set<String>> categoryCodes() {
        Set<String> cached = categoryCodes;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return categories().map(list -> {
            Set<String> codes = Set.copyOf(list.stream().map(Category::code).toList());
            categoryCodes = codes;
            return codes;
        });
    }

    // ---------------------------------------------------------------- reads

    /** A product in any state, if it belongs to the seller. */
    public Uni<ProductView> findForSeller(UUID id, UUID sellerId) {
        return find("p.id = $1 and p.seller_id = $2", Tuple.of(id, sellerId));
    }

    /** A product in any state (operators). */
    public Uni<ProductView> findAny(UUID id) {
        return find("p.id = $1", Tuple.of(id));
    }

    /** A product buyers may see: listed only. */
    public Uni<ProductView> findListed(UUID id) {
        return find("p.id = $1 and p.status = $2", Tuple.of(id, ProductStatus.LISTED.name()));
    }

    /** The price of a purchase of a listed product, from the pricing function orders use; changes nothing. */
    public Uni<QuoteView> quote(UUID id, QuoteRequest request) {
        return findListed(id).map(p -> QuoteView.quote(p, request));
    }

    private Uni<ProductView> find(String where, Tuple args) {
        return pool.preparedQuery("select " + PRODUCT_COLUMNS
                + " from product p left join seller_profile s on s.account_id = p.seller_id where " + where)
                .execute(args)
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Product"));
                    }
                    Row r = rows.iterator().next();
                    UUID id = r.getUUID("id");
                    return specifications(List.of(id)).map(specs -> product(r, specs.getOrDefault(id, List.of())));
                });
    }

    /** Specifications with their prices, per product, in position order. */
    public Uni<Map<UUID, List<Specification>>> specifications(List<UUID> productIds) {
        return pool.preparedQuery("""
                select s.product_id, s.id, s.name, s.description, s.pricing_model, s.unit, s.min_quantity,
                       s.max_quantity, sp.billing_mode, sp.tier_from, sp.tier_to, sp.unit_price
                from specification s join specification_price sp on sp.specification_id = s.id
                where s.product_id = any($1)
                order by s.product_id, s.position, sp.billing_mode, sp.tier_from""")
                .execute(Tuple.of(productIds.toArray(new UUID[0])))
                .map(CatalogRepository::assembleSpecifications);
    }

    private static Map<UUID, List<Specification>> assembleSpecifications(RowSet<Row> rows) {
        // product -> spec id -> (row of spec, mode -> tiers)
        Map<UUID, Map<UUID, Row>> specRows = new LinkedHashMap<>();
        Map<UUID, Map<BillingMode, List<Tier>>> tiers = new LinkedHashMap<>();
        for (Row r : rows) {
            UUID productId = r.getUUID("product_id");
            UUID specId = r.getUUID("id");
            specRows.computeIfAbsent(productId, k -> new LinkedHashMap<>()).putIfAbsent(specId, r);
            tiers.computeIfAbsent(specId, k -> new java.util.EnumMap<>(BillingMode.class))
                    .computeIfAbsent(BillingMode.valueOf(r.getString("billing_mode")), k -> new ArrayList<>())
                    .add(new Tier(r.getInteger("tier_from"), r.getInteger("tier_to"),
                            price(r.getBigDecimal("unit_price"))));
        }
        Map<UUID, List<Specification>> out = new LinkedHashMap<>();
        specRows.forEach((productId, specs) -> {
            List<Specification> list = new ArrayList<>();
            specs.forEach((specId, r) -> {
                List<Specification.Price> prices = new ArrayList<>();
                tiers.get(specId).forEach((mode, ts) -> prices
                        .add(new Specification.Price(mode, ts.get(0).unitPrice(), List.copyOf(ts))));
                list.add(new Specification(specId, r.getString("name"), r.getString("description"),
                        PricingModel.valueOf(r.getString("pricing_model")), r.getString("unit"),
                        r.getInteger("min_quantity"), r.getInteger("max_quantity"), List.copyOf(prices)));
            });
            out.put(productId, list);
        });
        return out;
    }

    private static ProductView product(Row r, List<Specification> specs) {
        SellerInfo seller = r.getUUID("profile_id") == null ? null
                : new SellerInfo(r.getUUID("seller_id"), r.getString("company_name"), r.getString("service_email"),
                        r.getString("service_phone"), r.getString("support_range"));
        return new ProductView(r.getUUID("id"), ProductType.valueOf(r.getString("type")), r.getString("category_code"),
                r.getString("name"), r.getString("summary"), r.getString("description"), strings(r, "tags"),
                r.getString("guide_url"), r.getBoolean("supervised"), r.getString("request_template"),
                strings(r, "security_groups"), r.getBoolean("contact_authorization_required"),
                r.getString("currency"), price(r.getBigDecimal("from_price")), modes(r),
                ProductStatus.valueOf(r.getString("status")), r.getString("status_reason"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"),
                r.getOffsetDateTime("submitted_at"), r.getOffsetDateTime("listed_at"), r.getLong("version"), specs,
                seller);
    }

    public static ProductSummary summary(Row r, long paidOrders) {
        return new ProductSummary(r.getUUID("id"), r.getString("name"), r.getString("summary"),
                ProductType.valueOf(r.getString("type")), r.getString("category_code"), strings(r, "tags"),
                price(r.getBigDecimal("from_price")), r.getString("currency"), modes(r), r.getUUID("seller_id"),
                r.getString("company_name"), ProductStatus.valueOf(r.getString("status")),
                r.getOffsetDateTime("listed_at"), paidOrders);
    }

    /** A stored price for display: at least two decimals, no trailing zeros beyond them. */
    public static BigDecimal price(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }

    private static List<String> strings(Row r, String column) {
        String[] values = r.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }

    private static List<BillingMode> modes(Row r) {
        return Arrays.stream(r.getArrayOfStrings("billing_modes")).map(BillingMode::valueOf).toList();
    }

    /** Products of one seller, newest first, optionally in one state. */
    public Uni<Page<ProductSummary>> listForSeller(UUID sellerId, ProductStatus status, int page, int size) {
        return list("p.seller_id = $1 and ($2::text is null or p.status = $2)", Tuple.of(sellerId,
                status == null ? null : status.name()), "p.created_at desc, p.id", page, size);
    }

    /** Products for operators: the review queue (oldest submission first) or any state. */
    public Uni<Page<ProductSummary>> listForOperator(ProductStatus status, int page, int size) {
        return list("($1::text is null or p.status = $1)", Tuple.of(status == null ? null : status.name()),
                "p.submitted_at nulls last, p.created_at, p.id", page, size);
    }

    private Uni<Page<ProductSummary>> list(String where, Tuple args, String order, int page, int size) {
        int n = args.size();
        args.addValue(size).addValue((long) page * size);
        String sql = "select " + SUMMARY_COLUMNS + ", count(*) over () as total "
                + "from product p left join seller_profile s on s.account_id = p.seller_id where " + where
                + " order by " + order + " limit $" + (n + 1) + " offset $" + (n + 2);
        return pool.preparedQuery(sql).execute(args).map(rows -> Page.of(rows, r -> summary(r, 0), page, size));
    }

    // ---------------------------------------------------------------- popularity

    static final int SALES_SHARDS = 16;

    /**
     * Counts one paid order of a product on a day; the ordering feature calls it in the payment's transaction (which
     * also tells the search index: the product's paid orders moved, {@link SearchFeed}).
     * The count goes to one of {@link #SALES_SHARDS} rows at random, so payments for one product run in parallel.
     */
    public Uni<Void> recordPaidOrder(Tx conn, UUID productId, LocalDate day) {
        short shard = (short) java.util.concurrent.ThreadLocalRandom.current().nextInt(SALES_SHARDS);
        return conn.preparedQuery("""
                insert into product_sales_day (product_id, day, shard, paid_orders) values ($1, $2, $3, 1)
                on conflict (product_id, day, shard) do update set paid_orders = product_sales_day.paid_orders + 1""")
                .execute(Tuple.of(productId, day, shard)).chain(() -> search.products(conn, List.of(productId)));
    }
}
