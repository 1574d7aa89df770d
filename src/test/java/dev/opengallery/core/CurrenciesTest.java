package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

class CurrenciesTest {

    static List<String> problems(String amount, Currency currency, boolean allowZero) {
        FieldErrors errors = new FieldErrors();
        Currencies.checkAmount(amount == null ? null : new BigDecimal(amount), "amount", currency, allowZero, errors);
        return errors.list().stream().map(e -> e.field() + " " + e.message()).toList();
    }

    @Test
    void theConfiguredListDecidesAndItsFirstIsTheDefault() {
        Currencies c = new Currencies(List.of(" usd", "CNY", "USD", ""));
        assertEquals("USD, CNY", c.codes());
        assertEquals("USD", c.defaultCurrency().getCurrencyCode());
        assertEquals("CNY", c.find("cny").getCurrencyCode());
        assertNull(c.find("EUR"));
        assertNull(c.find("XXX"));
        assertNull(c.find(null));
        assertThrows(IllegalStateException.class, () -> Currencies.of("US"));
        assertThrows(IllegalStateException.class, () -> new Currencies(List.of()));
    }

    @Test
    void amountsAreAboveZeroWithTheCurrencysMinorDigits() {
        Currencies list = Currencies.of("USD", "JPY");
        Currency usd = list.find("USD");
        Currency yen = list.find("JPY");
        assertEquals(List.of(), problems("0.01", usd, false));
        assertEquals(List.of(), problems("10.50", usd, false));
        assertEquals(List.of("amount must have at most 2 decimals (USD)"), problems("0.001", usd, false));
        assertEquals(List.of("amount must be more than zero"), problems("0.00", usd, false));
        assertEquals(List.of("amount must be more than zero"), problems("-1", usd, false));
        assertEquals(List.of("amount is required"), problems(null, usd, false));
        // a currency without minor unit takes whole amounts only
        assertEquals(List.of(), problems("1200", yen, false));
        assertEquals(List.of("amount must have at most 0 decimals (JPY)"), problems("0.5", yen, false));
        // limits may be zero (no credit), never below
        assertTrue(problems("0", usd, true).isEmpty());
        assertEquals(List.of("amount must be zero or more"), problems("-0.01", usd, true));
        assertFalse(Currencies.checkAmount(new BigDecimal("1.005"), "x", usd, true, new FieldErrors()));
    }
}
