package dev.opengallery.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Buyer-side search over listed products: PostgreSQL full-text search (websearch syntax, English stemming,
 * ranked with ts_rank_cd over a weighted document: name, then summary and tags, then description), filters,
 * sorting and paging with the total count, in one statement.
 */
@ApplicationScoped
public class CatalogSearch {

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    @Inject
    SearchResultCache cache;

    @Inject
    CatalogConfig config;

    /** The search statement for the criteria; public so that the benchmark runs the very same SQL. */
    public record Statement(String sql, Tuple args) {
    }

    public Statement statement(SearchCriteria c, LocalDate since) {
        List<String> where = new ArrayList<>();
        Tuple args = Tuple.tuple();
        where.add("p.status = 'LISTED'");
        String rank = "0::real";
        String from = "product p";
        if (c.hasText()) {
            args.addValue(c.text().trim());
            // the query is parsed once per statement (a function in FROM), not once per matching row, whichever
            // plan PostgreSQL picks for the prepared statement
            from = "product p, websearch_to_tsquery('english', $" + args.size() + ") tsq";
            where.add("p.search_vector @@ tsq");
            rank = "ts_rank_cd(p.search_vector, tsq)";
        }
        if (c.categoryCode() != null) {
            args.addValue(c.categoryCode());
            where.add("p.category_code = $" + args.size());
        }
        if (c.type() != null) {
            args.addValue(c.type().name());
            where.add("p.type = $" + args.size());
        }
        if (c.billingMode() != null) {
            args.addValue(new String[] { c.billingMode().name() });
            where.add("p.billing_modes @> $" + args.size() + "::text[]");
        }
        if (c.sellerId() != null) {
            args.addValue(c.sellerId());
            where.add("p.seller_id = $" + args.size());
        }
        if (c.minPrice() != null) {
            args.addValue(c.minPrice());
            where.add("p.from_price >= $" + args.size());
        }
        if (c.maxPrice() != null) {
            args.addValue(c.maxPrice());
            where.add("p.from_price <= $" + args.size());
        }
        args.addValue(since);
        String sinceParam = "$" + args.size();
        String popularity = "coalesce((select sum(d.paid_orders) from product_sales_day d where d.product_id = p.id "
                + "and d.day >= " + sinceParam + "), 0)";
        String order = switch (c.effectiveSort()) {
            case RELEVANCE -> "rank desc, p.listed_at desc, p.id";
            case POPULARITY -> "paid_orders desc, p.listed_at desc, p.id";
            case PRICE_ASC -> "p.from_price asc nulls last, p.id";
            case PRICE_DESC -> "p.from_price desc nulls last, p.id";
            case NEWEST -> "p.listed_at desc, p.id";
        };
        args.addValue(c.size());
        String limit = "$" + args.size();
        args.addValue((long) c.page() * c.size());
        String offset = "$" + args.size();
        boolean popularityInOrder = c.effectiveSort() == SearchCriteria.Sort.POPULARITY;
        // The matches are collected narrow (id and sort keys, materialized so that the planner cannot walk a sort
        // index and filter row by row while the total still needs every match), counted and cut to the page;
        // only the page's rows are then read in full. Popularity is computed for the page only, unless it is what
        // the results are sorted by.
        String hits = "select p.id, p.listed_at, p.from_price, " + rank + " as rank"
                + (popularityInOrder ? ", " + popularity + " as paid_orders" : "")
                + " from " + from + " where " + String.join(" and ", where);
        String pageOrder = order.replace("p.", "h.");
        String sql = "with hits as materialized (" + hits + "), page as (select h.*, count(*) over () as total "
                + "from hits h order by " + pageOrder + " limit " + limit + " offset " + offset + ") "
                + "select " + CatalogRepository.SUMMARY_COLUMNS + ", page.rank, "
                + (popularityInOrder ? "page.paid_orders" : "0::bigint as paid_orders") + ", page.total"
                + (popularityInOrder ? ""
                        : ", coalesce((select sum(d.paid_orders) from product_sales_day d where d.product_id = page.id "
                                + "and d.day >= " + sinceParam + "), 0) as page_paid_orders")
                + " from page join product p on p.id = page.id left join seller_profile s on s.account_id = p.seller_id"
                + " order by " + order.replace("p.", "page.");
        return new Statement(sql, args);
    }

    public LocalDate popularitySince() {
        return clock.today().minusDays(config.popularityWindow().toDays() - 1);
    }

    /** One page of results, from the short-lived result cache when the same search was asked moments ago. */
    public Uni<Page<ProductSummary>> search(SearchCriteria c) {
        LocalDate since = popularitySince();
        return cache.get(c, since, () -> query(c, since));
    }

    private Uni<Page<ProductSummary>> query(SearchCriteria c, LocalDate since) {
        Statement st = statement(c, since);
        return pool.preparedQuery(st.sql()).execute(st.args()).chain(rows -> {
            List<ProductSummary> items = new ArrayList<>();
            long total = -1;
            for (Row r : rows) {
                total = r.getLong("total");
                long paid = r.getColumnIndex("page_paid_orders") >= 0 ? r.getLong("page_paid_orders")
                        : r.getLong("paid_orders");
                items.add(CatalogRepository.summary(r, paid));
            }
            if (total >= 0 || c.page() == 0) {
                return Uni.createFrom().item(new Page<>(List.copyOf(items), Math.max(total, 0), c.page(), c.size()));
            }
            // past the last page: count separately so the client still learns the total
            SearchCriteria first = new SearchCriteria(c.text(), c.categoryCode(), c.type(), c.billingMode(),
                    c.sellerId(), c.minPrice(), c.maxPrice(), c.sort(), 0, 1);
            Statement count = statement(first, since);
            return pool.preparedQuery(count.sql()).execute(count.args()).map(rs -> new Page<>(List.<ProductSummary> of(),
                    rs.size() == 0 ? 0 : rs.iterator().next().getLong("total"), c.page(), c.size()));
        });
    }

    /** Popular applications: most paid orders over the popularity window (30 days), listed products only. */
    public Uni<List<ProductSummary>> popular(int limit) {
        LocalDate since = popularitySince();
        return pool.preparedQuery("""
                with pop as (
                    select d.product_id, sum(d.paid_orders) as paid_orders from product_sales_day d
                    where d.day >= $1 group by d.product_id)
                select %s, pop.paid_orders
                from pop join product p on p.id = pop.product_id
                left join seller_profile s on s.account_id = p.seller_id
                where p.status = 'LISTED' and pop.paid_orders > 0
                order by pop.paid_orders desc, p.listed_at desc, p.id limit $2""".formatted(CatalogRepository.SUMMARY_COLUMNS))
                .execute(Tuple.of(since, limit))
                .map(rows -> {
                    List<ProductSummary> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(CatalogRepository.summary(r, r.getLong("paid_orders")));
                    }
                    return out;
                });
    }
}
