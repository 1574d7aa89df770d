package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.AppClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** The search result cache's rules, without the service: shared loads, failures, clearing, refreshes, keys. */
class SearchResultCacheTest {

    static final LocalDate SINCE = LocalDate.parse("2026-10-27");

    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    SearchResultCache cache;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void cache() {
        cache = new SearchResultCache();
        cache.clock = new AppClock() {
            @Override
            public Instant now() {
                return now;
            }
        };
        cache.registry = registry;
        cache.ttl = Duration.ofSeconds(30);
        cache.maxItems = 1000;
        cache.init();
    }

    static SearchCriteria search(String text, BigDecimal minPrice) {
        return new SearchCriteria(text, null, null, null, null, minPrice, null, null, 0, 20);
    }

    static SearchPage page(long total) {
        return SearchPage.of(List.of(), total, 1000, 0, 20);
    }

    /** A load that counts its queries and answers the pages given, in turn. */
    static class Loads implements Supplier<Uni<SearchPage>> {
        final AtomicInteger queries = new AtomicInteger();
        final List<CompletableFuture<SearchPage>> answers;

        Loads(List<CompletableFuture<SearchPage>> answers) {
            this.answers = answers;
        }

        @Override
        public Uni<SearchPage> get() {
            CompletableFuture<SearchPage> answer = answers.get(queries.getAndIncrement());
            return Uni.createFrom().completionStage(answer);
        }
    }

    double counted(String result) {
        return registry.get("opengallery.catalog.search.cache").tag("result", result).counter().count();
    }

    @Test
    void concurrentAskersOfTheSameSearchShareOneQuery() {
        CompletableFuture<SearchPage> answer = new CompletableFuture<>();
        Loads loads = new Loads(List.of(answer));
        CompletableFuture<SearchPage> first = cache.get(search("backup", null), SINCE, loads).subscribeAsCompletionStage();
        CompletableFuture<SearchPage> second = cache.get(search("  BACKUP ", null), SINCE, loads).subscribeAsCompletionStage();
        SearchPage p = page(7);
        answer.complete(p);
        assertSame(p, first.join());
        assertSame(p, second.join());
        assertEquals(1, loads.queries.get());
        assertEquals(1, counted("miss"));
        assertEquals(1, counted("hit"));
    }

    @Test
    void aFailedQueryIsNotKept() {
        Loads loads = new Loads(List.of(CompletableFuture.failedFuture(new IllegalStateException("db down")),
                CompletableFuture.completedFuture(page(3))));
        assertThrows(IllegalStateException.class, () -> cache.get(search("x", null), SINCE, loads).await().indefinitely());
        assertEquals(3, cache.get(search("x", null), SINCE, loads).await().indefinitely().total());
        assertEquals(2, loads.queries.get());
    }

    @Test
    void keysIgnoreCaseBlanksAndPriceScaleButNotOtherCriteria() {
        Loads loads = new Loads(List.of(CompletableFuture.completedFuture(page(1)),
                CompletableFuture.completedFuture(page(2)), CompletableFuture.completedFuture(page(3)),
                CompletableFuture.completedFuture(page(4))));
        assertEquals(1, cache.get(search("Redis  cache", new BigDecimal("10")), SINCE, loads).await().indefinitely().total());
        assertEquals(1, cache.get(search(" redis cache", new BigDecimal("10.00")), SINCE, loads).await().indefinitely().total());
        assertEquals(2, cache.get(search("redis cache", new BigDecimal("10.01")), SINCE, loads).await().indefinitely().total());
        assertEquals(3, cache.get(search("redis", new BigDecimal("10")), SINCE, loads).await().indefinitely().total());
        assertEquals(4, cache.get(search("redis", new BigDecimal("10")), SINCE.plusDays(1), loads).await().indefinitely().total());
        assertEquals(4, loads.queries.get());
    }

    @Test
    void pastItsRefreshPointAPageIsServedWhileABackgroundQueryReplacesIt() {
        CompletableFuture<SearchPage> refreshed = new CompletableFuture<>();
        Loads loads = new Loads(List.of(CompletableFuture.completedFuture(page(1)), refreshed));
        assertEquals(1, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        now = now.plusSeconds(14);
        assertEquals(1, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(1, loads.queries.get(), "no refresh before half the TTL");
        now = now.plusSeconds(13); // 27 s: nine tenths of the TTL, the latest refresh point
        assertEquals(1, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(1, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(2, loads.queries.get(), "one background refresh, however many ask meanwhile");
        refreshed.complete(page(2));
        assertEquals(2, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(1, counted("refresh"));
    }

    @Test
    void refreshPointsSpreadBetweenHalfAndNineTenthsOfTheTtl() {
        Instant queried = now;
        java.util.Set<Instant> points = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant p = cache.refreshPoint(SearchResultCache.Key.of(search("query " + i, null), SINCE), queried);
            org.junit.jupiter.api.Assertions.assertFalse(p.isBefore(queried.plusSeconds(15)), p.toString());
            org.junit.jupiter.api.Assertions.assertFalse(p.isAfter(queried.plusSeconds(27)), p.toString());
            points.add(p);
        }
        org.junit.jupiter.api.Assertions.assertTrue(points.size() > 100, "only " + points.size() + " different points");
        // the same search always has the same point
        assertEquals(cache.refreshPoint(SearchResultCache.Key.of(search("query 1", null), SINCE), queried),
                cache.refreshPoint(SearchResultCache.Key.of(search("Query  1", null), SINCE), queried));
    }

    @Test
    void aRefreshThatEndsAfterTheCacheWasClearedIsNotKept() {
        CompletableFuture<SearchPage> refreshed = new CompletableFuture<>();
        Loads loads = new Loads(List.of(CompletableFuture.completedFuture(page(1)), refreshed,
                CompletableFuture.completedFuture(page(3))));
        cache.get(search("q", null), SINCE, loads).await().indefinitely();
        now = now.plusSeconds(27);
        cache.get(search("q", null), SINCE, loads).await().indefinitely(); // starts the refresh
        cache.invalidateAll(); // e.g. a product was delisted after the refresh's query had read the catalogue
        refreshed.complete(page(2));
        assertEquals(3, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(3, loads.queries.get());
    }

    @Test
    void aPageIsNotServedOnceItsTtlHasPassedNorBeforeItsQueryStarted() {
        Loads loads = new Loads(List.of(CompletableFuture.completedFuture(page(1)),
                CompletableFuture.completedFuture(page(2)), CompletableFuture.completedFuture(page(3))));
        cache.get(search("q", null), SINCE, loads).await().indefinitely();
        now = now.plusSeconds(30);
        assertEquals(2, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
        now = now.minusSeconds(60);
        assertEquals(3, cache.get(search("q", null), SINCE, loads).await().indefinitely().total());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        SearchResultCache off = new SearchResultCache();
        off.ttl = Duration.ZERO;
        off.maxItems = 1000;
        off.init();
        Loads loads = new Loads(List.of(CompletableFuture.completedFuture(page(1)),
                CompletableFuture.completedFuture(page(2))));
        assertEquals(1, off.get(search("q", null), SINCE, loads).await().indefinitely().total());
        assertEquals(2, off.get(search("q", null), SINCE, loads).await().indefinitely().total());
    }
}
