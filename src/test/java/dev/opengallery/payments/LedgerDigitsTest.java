package dev.opengallery.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Currencies;

class LedgerDigitsTest {

    private static int digitsOf(Ledger.Digits d, String code) {
        int i = Arrays.asList(d.codes()).indexOf(code);
        assertTrue(i >= 0, code + " is listed");
        return d.digits()[i];
    }

    @Test
    void theBatchPostingTakesEachCurrencysMinorDigitsConfiguredOnesFirst() {
        Ledger.Digits d = Ledger.digits(Currencies.of("JPY", "USD", "BHD"));
        assertEquals(List.of("JPY", "USD", "BHD"), Arrays.asList(d.codes()).subList(0, 3));
        assertEquals(0, digitsOf(d, "JPY"));
        assertEquals(2, digitsOf(d, "USD"));
        assertEquals(3, digitsOf(d, "BHD"));
        // a currency the marketplace no longer lists is still charged in its own minor unit, and listed once
        assertEquals(2, digitsOf(d, "EUR"));
        assertEquals(d.codes().length, Arrays.stream(d.codes()).distinct().count());
    }
}
