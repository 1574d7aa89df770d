package dev.opengallery.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The search statements, one per path (plain SQL building; {@link CatalogSearch} runs them, the benchmark's
 * {@code PrintSearchSql} prints them):
 * <ul>
 * <li>{@link #ranked}: with the RUM index ({@link SearchIndex}). Relevance is the index's score
 * ({@code search_vector <=> query}, ordered like {@code ts_rank_cd} for one word that a field holds at most once);
 * rows of equal score come newest listed first, then by id. The total counts at most cap + 1 matches, through the GIN
 * index; up to the cap the page is sorted from those matches (read again by row address), past it read in the RUM
 * index's order (its own rows and the rest of the last score's).</li>
 * <li>{@link #fallback}: without it, the statement searches always used: every match is scored with
 * {@code ts_rank_cd} (ties newest listed first, then by id) and counted exactly.</li>
 * </ul>
 * Both return the page's rows with {@code total} and {@code page_paid_orders} (or {@code paid_orders}).
 */
public final class SearchSql {

    private SearchSql() {
    }

    /** A statement and its arguments; public so that the benchmark runs the very same SQL. */
    public record Statement(String sql, Tuple args) {
    }

    /** Which statement: the RUM-ranked one or the fallback. */
    public enum Path {
        RUM, FALLBACK
    }

    public static Statement statement(Path path, SearchCriteria c, LocalDate since, int cap) {
        return path == Path.RUM ? ranked(c, since, cap) : fallback(c, since);
    }

    private static final String TSQ = "websearch_to_tsquery('english', $1)";

    /** The filters every path applies; the text, when there is one, is {@code $1}. */
    private static List<String> where(SearchCriteria c, Tuple args, boolean inlineQuery) {
        List<String> where = new ArrayList<>();
        where.add("p.status = 'LISTED'");
        if (c.hasText()) {
            args.addValue(c.text().trim());
            where.add(inlineQuery ? "p.search_vector @@ " + TSQ : "p.search_vector @@ tsq");
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
        return where;
    }

    private static String popularity(String id, String since) {
        return "coalesce((select sum(d.paid_orders) from product_sales_day d where d.product_id = " + id
                + " and d.day >= " + since + "), 0)";
    }

    /**
     * With the RUM index. The matches are found (up to cap + 1, with every filter) through the GIN index, keeping
     * only their row addresses ({@code hits}, materialized), and counted: the {@code @@@} operator, PostgreSQL's
     * synonym of {@code @@} that only the GIN operator class serves, keeps the planner off the RUM index there, since
     * finding the matches of several words is an order of magnitude faster in GIN's posting lists (1 ms against 15 ms
     * for "high-performance data warehouse" at 100,000 products). Then the page by relevance:
     * <ul>
     * <li>up to the cap, every match is already at hand: those rows are read again by address (a TID scan: 1.5 ms for
     * 674 matches where a second bitmap scan, which also reads the rows the filters drop, took 9.7 ms) and sorted by
     * score, newest listed first, id;</li>
     * <li>past it, straight from the RUM index's order (the query inline, so that even a generic plan orders by the
     * index): the first page + offset rows WITH TIES (every row of the last score too, read on from the index until
     * the score changes, since the index hands out equal scores in no defined order), then sorted the same way.</li>
     * </ul>
     * Each branch is gated on the count ({@code One-Time Filter}), so only one of them runs. Other sorts likewise:
     * up to the cap the page is sorted from the addresses found, past it every match is read through the GIN index
     * and the page taken by a top-N sort. One row with a null id comes back when the page is empty (so the total still
     * does).
     */
    static Statement ranked(SearchCriteria c, LocalDate since, int cap) {
        Tuple args = Tuple.tuple();
        String where = String.join(" and ", where(c, args, true));
        // the same conditions matched through the GIN index
        String whereGin = where.replace("p.search_vector @@ ", "p.search_vector @@@ ");
        args.addValue(since);
        String sinceParam = "$" + args.size();
        boolean byPopularity = c.effectiveSort() == SearchCriteria.Sort.POPULARITY;
        boolean byRelevance = c.effectiveSort() == SearchCriteria.Sort.RELEVANCE;
        String extra = switch (c.effectiveSort()) {
            case RELEVANCE -> ", p.search_vector <=> " + TSQ + " as dist";
            case POPULARITY -> ", coalesce(sales.n, 0) as paid_orders";
            default -> "";
        };
        String order = switch (c.effectiveSort()) {
            case RELEVANCE -> "p.search_vector <=> " + TSQ;
            case POPULARITY -> "paid_orders desc, p.listed_at desc, p.id";
            case PRICE_ASC -> "p.from_price asc nulls last, p.id";
            case PRICE_DESC -> "p.from_price desc nulls last, p.id";
            case NEWEST -> "p.listed_at desc, p.id";
        };
        // the page's rows in the same order
        String pageOrder = switch (c.effectiveSort()) {
            case RELEVANCE -> "page.dist, page.listed_at desc, page.id";
            case POPULARITY -> "page.paid_orders desc, page.listed_at desc, page.id";
            default -> order.replace("p.", "page.");
        };
        args.addValue(c.size());
        String limit = "$" + args.size();
        args.addValue((long) c.page() * c.size());
        String offset = "$" + args.size();
        args.addValue((long) cap + 1);
        String count = "$" + args.size();
        // sorted by popularity: the period's sales summed once for every product that sold (one scan of the
        // period, hashed) instead of once per match
        String select = "select p.id, p.listed_at, p.from_price" + extra + " from product p"
                + (byPopularity ? " left join sales on sales.product_id = p.id" : "");
        args.addValue((long) cap);
        String capParam = "$" + args.size();
        String exact = " order by " + (byRelevance ? "dist, listed_at desc, id" : pageOrder.replace("page.", ""))
                + " limit " + limit + " offset " + offset;
        // up to the cap: the matches already found by the count, read again by their row addresses (a TID scan of
        // at most cap rows, not a second index and heap scan), sorted; the filters were applied by the count
        String few = "select * from (" + select + " where p.ctid = any (array(select tid from hits))) a" + exact;
        String many;
        if (byRelevance) {
            args.addValue((long) (c.page() + 1) * c.size());
            String upTo = "$" + args.size();
            many = "select * from (" + select + " where " + where + " order by " + order + " fetch first " + upTo
                    + " rows with ties) t" + exact;
        } else {
            many = select + " where " + whereGin + " order by " + order + " limit " + limit + " offset " + offset;
        }
        String page = "select * from (" + few + ") few where (select total from counted) <= " + capParam
                + " union all select * from (" + many + ") many where (select total from counted) > " + capParam;
        String sales = byPopularity ? "sales as (select d.product_id, sum(d.paid_orders) as n from product_sales_day d"
                + " where d.day >= " + sinceParam + " group by d.product_id), " : "";
        String sql = "with " + sales
                + "hits as materialized (select p.ctid as tid from product p where " + whereGin + " limit " + count
                + "), counted as (select count(*) as total from hits), "
                + "page as (" + page + ") "
                + "select " + CatalogRepository.SUMMARY_COLUMNS + ", counted.total, "
                + (byPopularity ? "page.paid_orders" : popularity("page.id", sinceParam)) + " as page_paid_orders"
                + " from counted left join (page join product p on p.id = page.id"
                + " left join seller_profile s on s.account_id = p.seller_id) on true"
                + " order by " + pageOrder;
        return new Statement(sql, args);
    }

    /** Without the RUM index: every match scored and counted (the statement used before the RUM index). */
    static Statement fallback(SearchCriteria c, LocalDate since) {
        Tuple args = Tuple.tuple();
        // the query is parsed once per statement (a function in FROM), not once per matching row, whichever
        // plan PostgreSQL picks for the prepared statement
        String from = c.hasText() ? "product p, " + TSQ + " tsq" : "product p";
        String rank = c.hasText() ? "ts_rank_cd(p.search_vector, tsq)" : "0::real";
        String where = String.join(" and ", where(c, args, false));
        args.addValue(since);
        String sinceParam = "$" + args.size();
        String popularity = popularity("p.id", sinceParam);
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
                + " from " + from + " where " + where;
        String pageOrder = order.replace("p.", "h.");
        String sql = "with hits as materialized (" + hits + "), page as (select h.*, count(*) over () as total "
                + "from hits h order by " + pageOrder + " limit " + limit + " offset " + offset + ") "
                + "select " + CatalogRepository.SUMMARY_COLUMNS + ", page.rank, page.total, "
                + (popularityInOrder ? "page.paid_orders" : popularity("page.id", sinceParam)) + " as page_paid_orders"
                + " from page join product p on p.id = page.id left join seller_profile s on s.account_id = p.seller_id"
                + " order by " + order.replace("p.", "page.");
        return new Statement(sql, args);
    }
}
