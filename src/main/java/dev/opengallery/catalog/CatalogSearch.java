package dev.opengallery.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.ConcurrencyGate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Buyer-side search over listed products: PostgreSQL full-text search (websearch syntax, English stemming, a weighted
 * document: name, then summary and tags, then description), filters, sorting and paging with a capped total, in one
 * statement ({@link SearchSql}): ranked by the RUM index where the database has it ({@link SearchIndex}), else by
 * {@code ts_rank_cd} over every match.
 * <p>
 * With {@code opengallery.search.engine=opensearch} an {@link ExternalSearch} answers searches and popular
 * applications first (behind the same result cache), and these statements answer whenever it cannot (it answers null:
 * unreachable, failing, cooling down after a failure, or a page deeper than it serves). The {@link ConcurrencyGate}
 * guards PostgreSQL only: searches answered by OpenSearch do not wait for it (the cluster has its own queues and
 * rejects with 429, which falls back), while the searches PostgreSQL answers in OpenSearch's place still run a few
 * at a time, so that an outage of the cluster cannot pile every search onto the database at once.
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
    SearchIndex index;

    @Inject
    CatalogConfig config;

    @Inject
    ExternalSearch external;

    /** Search statements a few at a time ({@code max-concurrent}), the rest waiting first come, first served. */
    private ConcurrencyGate gate;

    @PostConstruct
    void init() {
        gate = new ConcurrencyGate("searches", config.search().maxConcurrent(), config.search().maxWaiting());
    }

    public LocalDate popularitySince() {
        return clock.today().minusDays(config.popularityWindow().toDays() - 1);
    }

    /** One page of results, from the short-lived result cache when the same search was asked moments ago. */
    public Uni<SearchPage> search(SearchCriteria c) {
        LocalDate since = popularitySince();
        Supplier<Uni<SearchPage>> postgres = () -> index.path().chain(path -> query(path, c, since));
        if (!external.enabled()) {
            return cache.get(c, since, postgres);
        }
        return cache.get(c, since, () -> external.search(c, since).onItem().ifNull().switchTo(postgres::get));
    }

    private Uni<SearchPage> query(SearchSql.Path path, SearchCriteria c, LocalDate since) {
        int cap = config.search().totalCap();
        SearchSql.Statement st = SearchSql.statement(path, c, since, cap);
        return run(st).chain(rows -> {
            List<ProductSummary> items = new ArrayList<>();
            long total = -1;
            for (Row r : rows) {
                total = r.getLong("total");
                if (r.getUUID("id") != null) { // the ranked statement's row of an empty page carries the total only
                    items.add(CatalogRepository.summary(r, r.getLong("page_paid_orders")));
                }
            }
            if (total >= 0 || c.page() == 0) {
                return Uni.createFrom().item(SearchPage.of(items, Math.max(total, 0), cap, c.page(), c.size()));
            }
            // the fallback past the last page: count separately so the client still learns the total
            SearchCriteria first = new SearchCriteria(c.text(), c.categoryCode(), c.type(), c.billingMode(),
                    c.sellerId(), c.minPrice(), c.maxPrice(), c.sort(), 0, 1);
            SearchSql.Statement count = SearchSql.statement(path, first, since, cap);
            return run(count).map(rs -> SearchPage.of(List.of(),
                    rs.size() == 0 ? 0 : rs.iterator().next().getLong("total"), cap, c.page(), c.size()));
        });
    }

    /**
     * Runs a search statement when the gate lets it ({@code max-concurrent}), in a transaction whose settings
     * (SET LOCAL: the pool's other statements keep theirs) plan it for its values when {@code custom-plans} is on, and
     * never compile it with PostgreSQL's JIT: estimated costs grow with the catalogue (a filtered search's 18,470 at
     * 100,000 products) past {@code jit_above_cost} (100,000 by default), and compiling takes longer than the search
     * (measured: 26 ms of JIT on a 12 ms search).
     */
    private Uni<RowSet<Row>> run(SearchSql.Statement st) {
        String settings = "select set_config('jit', 'off', true)" + (config.search().customPlans()
                ? ", set_config('plan_cache_mode', 'force_custom_plan', true)" : "");
        return gate.run(() -> pool.withTransaction(conn -> conn.query(settings).execute()
                .chain(() -> conn.preparedQuery(st.sql()).execute(st.args()))));
    }

    /** Popular applications: most paid orders over the popularity window (30 days), listed products only. */
    public Uni<List<ProductSummary>> popular(int limit) {
        LocalDate since = popularitySince();
        if (!external.enabled()) {
            return popularFromDatabase(limit, since);
        }
        return external.popular(limit, since).onItem().ifNull().switchTo(() -> popularFromDatabase(limit, since));
    }

    private Uni<List<ProductSummary>> popularFromDatabase(int limit, LocalDate since) {
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
