package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Contexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import io.smallrye.mutiny.Uni;

/**
 * Search result pages, kept for a short time ({@code opengallery.catalog.search-cache.ttl}, 30 seconds by default;
 * 0 turns the cache off) so that the same search asked again by many buyers costs PostgreSQL one query, not one
 * per request. Concurrent misses for the same search share one query.
 * <p>
 * The rule buyers see: a listing, delisting or seller profile change shows in the next search on every instance
 * ({@link CatalogChanges} clears each one's cache), or, should a notification be lost, within the TTL. Sales
 * figures (paid orders of the last 30 days, and the POPULARITY sort) in search results may be up to the TTL old.
 * Product details, favorites, quotes and orders never read from this cache.
 * <p>
 * Entries age by the service's one clock ({@link AppClock}): a page is served only while that clock reads from the
 * instant its query started to that instant plus the TTL. A page asked for after its refresh point (between half and
 * nine tenths of the TTL, depending on the search) is served as it is and queried again in the background
 * (stale-while-revalidate), so popular searches never wait for PostgreSQL.
 */
@ApplicationScoped
public class SearchResultCache {

    private static final Logger LOG = Logger.getLogger(SearchResultCache.class);

    @Inject
    AppClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogConfig config;

    /** From {@link CatalogConfig.SearchCache#ttl()}. */
    Duration ttl;

    /** From {@link CatalogConfig.SearchCache#maxItems()}. */
    long maxItems;

    private AsyncCache<Key, Timed> cache;

    /** Searches answered without a query of their own, searches that ran one, background refreshes. */
    private Counter hits;
    private Counter misses;
    private Counter refreshes;

    private Counter counter(String result) {
        return Counter.builder("opengallery.catalog.search.cache")
                .description("Searches answered from the result cache (hit), by a query of their own (miss), and "
                        + "background refreshes of cached pages (refresh)")
                .tag("result", result).register(registry);
    }

    /** A page, the service-clock instant its query started, and whether a background refresh of it runs. */
    private record Timed(Instant at, SearchPage page, AtomicBoolean refreshing) {

        Timed(Instant at, SearchPage page) {
            this(at, page, new AtomicBoolean());
        }
    }

    /** A search as the cache tells searches apart: the text normalised the way full-text search reads it. */
    record Key(String text, String categoryCode, ProductType type, BillingMode billingMode, UUID sellerId,
            BigDecimal minPrice, BigDecimal maxPrice, SearchCriteria.Sort sort, int page, int size, LocalDate since) {

        static Key of(SearchCriteria c, LocalDate since) {
            // websearch_to_tsquery ignores case (and "or" is an operator in any case) and runs of blanks
            String text = c.hasText() ? c.text().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : null;
            return new Key(text, c.categoryCode(), c.type(), c.billingMode(), c.sellerId(), strip(c.minPrice()),
                    strip(c.maxPrice()), c.effectiveSort(), c.page(), c.size(), since);
        }

        private static BigDecimal strip(BigDecimal d) {
            return d == null ? null : d.stripTrailingZeros();
        }
    }

    @PostConstruct
    void configure() {
        ttl = config.searchCache().ttl();
        maxItems = config.searchCache().maxItems();
        init();
    }

    /** Builds the cache from {@link #ttl} and {@link #maxItems} (unit tests set them and call this). */
    void init() {
        if (ttl.isZero() || ttl.isNegative() || maxItems <= 0) {
            return;
        }
        // Caffeine's own expiry (wall time) only bounds memory; whether a page may still be served is decided by
        // the service clock in fresh(), so that tests moving the clock (either way) see the rule.
        cache = Caffeine.newBuilder()
                .maximumWeight(maxItems)
                .weigher((Key k, Timed t) -> 1 + t.page().items().size())
                .expireAfterWrite(ttl)
                .<Key, Timed> buildAsync();
        hits = counter("hit");
        misses = counter("miss");
        refreshes = counter("refresh");
    }

    /** The cached page for the search, or the one {@code load} produces (then kept). */
    public Uni<SearchPage> get(SearchCriteria criteria, LocalDate since, Supplier<Uni<SearchPage>> load) {
        if (cache == null) {
            return load.get();
        }
        Key key = Key.of(criteria, since);
        Uni<SearchPage> page = Uni.createFrom().completionStage(() -> lookup(key, load, true));
        // a request that joined another one's query resumes on its own Vert.x context, not the loader's
        return Contexts.onCallersContext(page);
    }

    private CompletableFuture<SearchPage> lookup(Key key, Supplier<Uni<SearchPage>> load,
            boolean retry) {
        CompletableFuture<Timed> present = cache.getIfPresent(key);
        if (present != null && present.isDone() && !present.isCompletedExceptionally()) {
            Timed t = present.join();
            Instant now = clock.now();
            if (fresh(t, now)) {
                // past its refresh point a page still asked for is queried again in the background and replaced,
                // so that popular searches never wait for PostgreSQL
                if (!now.isBefore(refreshPoint(key, t.at())) && t.refreshing().compareAndSet(false, true)) {
                    refresh(key, present, load);
                }
                hits.increment();
                return CompletableFuture.completedFuture(t.page());
            }
        }
        boolean[] queried = { false };
        CompletableFuture<Timed> entry = cache.get(key, (k, executor) -> {
            queried[0] = true;
            Instant started = clock.now();
            return load.get().map(p -> new Timed(started, p)).subscribeAsCompletionStage();
        });
        return entry.thenCompose(t -> {
            if (!retry || fresh(t, clock.now())) {
                (queried[0] ? misses : hits).increment();
                return CompletableFuture.completedFuture(t.page());
            }
            cache.asMap().remove(key, entry);
            return lookup(key, load, false);
        });
    }

    private void refresh(Key key, CompletableFuture<Timed> current, Supplier<Uni<SearchPage>> load) {
        Instant started = clock.now();
        refreshes.increment();
        load.get().subscribe().with(
                // only if the entry is still the one refreshed: not when the cache was cleared meanwhile
                page -> cache.asMap().replace(key, current, CompletableFuture.completedFuture(new Timed(started, page))),
                failure -> {
                    LOG.debugf(failure, "Background refresh of a search page failed; a later request tries again");
                    current.join().refreshing().set(false);
                });
    }

    /**
     * Between half and nine tenths of the TTL after the page's query started, at a point that depends on the search,
     * so that pages loaded together (after a restart, say) are not all queried again at the same moment.
     */
    Instant refreshPoint(Key key, Instant queried) {
        long permille = 500 + Math.floorMod(key.toString().hashCode(), 401); // stable from run to run
        return queried.plus(ttl.multipliedBy(permille).dividedBy(1000));
    }

    private boolean fresh(Timed t, Instant now) {
        return !now.isBefore(t.at()) && now.isBefore(t.at().plus(ttl));
    }

    /** Forgets every cached page: called when a product is listed or delisted, or a seller profile changes. */
    public void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }
}
