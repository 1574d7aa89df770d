package dev.opengallery.catalog.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IndexingRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aThirtyDayWindowCountsTodayAndTheTwentyNineDaysBeforeAndDropsTheThirtiethDayBack() {
        assertEquals(LocalDate.of(2026, 10, 27), IndexingRules.popularitySince(TODAY, Duration.ofDays(30)));
        assertEquals(LocalDate.of(2026, 10, 26), IndexingRules.dayLeftWindow(TODAY, Duration.ofDays(30)));
        // a one-day window counts today only: yesterday just left it
        assertEquals(TODAY, IndexingRules.popularitySince(TODAY, Duration.ofDays(1)));
        assertEquals(TODAY.minusDays(1), IndexingRules.dayLeftWindow(TODAY, Duration.ofDays(1)));
    }

    @Test
    void aBatchReadsEachProductOnceAndEveryRowOfAFailedProductIsRetried() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<UUID> claimed = List.of(a, b, a, c);
        assertEquals(List.of(a, b, c), IndexingRules.products(claimed));
        assertEquals(Arrays.asList(null, "HTTP 400 mapper_parsing_exception", null, null),
                IndexingRules.outcomes(claimed, Map.of(b, "HTTP 400 mapper_parsing_exception")));
        assertEquals(Arrays.asList("refused", null, "refused", null),
                IndexingRules.outcomes(claimed, Map.of(a, "refused")));
    }
}
