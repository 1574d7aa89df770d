package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The capped total as the response states it: the ranked statement counts at most cap + 1 matches. */
class SearchPageTest {

    @Test
    void belowAndAtTheCapTheTotalIsExact() {
        SearchPage p = SearchPage.of(List.of(), 137, 1000, 0, 20);
        assertEquals(137, p.total());
        assertFalse(p.totalCapped());
        assertEquals("137", p.totalText());
        SearchPage at = SearchPage.of(List.of(), 1000, 1000, 3, 20);
        assertEquals(1000, at.total());
        assertFalse(at.totalCapped());
        assertEquals("1,000", at.totalText());
        assertEquals("0", SearchPage.of(List.of(), 0, 1000, 0, 20).totalText());
    }

    @Test
    void pastTheCapTheTotalIsTheCapPlus() {
        for (long counted : new long[] { 1001, 12_572 }) { // the ranked count stops at 1,001; the fallback's is exact
            SearchPage p = SearchPage.of(List.of(), counted, 1000, 60, 20);
            assertEquals(1000, p.total());
            assertTrue(p.totalCapped());
            assertEquals("1,000+", p.totalText());
            assertEquals(60, p.page());
        }
        assertEquals("3+", SearchPage.of(List.of(), 4, 3, 0, 20).totalText());
    }
}
