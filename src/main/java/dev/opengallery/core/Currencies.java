package dev.opengallery.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;


import io.quarkus.runtime.Startup;

/**
 * The marketplace's currencies: the ISO 4217 codes of {@code opengallery.money.currencies} (default USD, CNY), read
 * here and nowhere else. The first is the default (a product that names none, a new account). Prices and amounts are
 * in one of them, with at most that currency's minor digits ({@link Money#minorDigits}); hourly image unit prices
 * are the one exception ({@link Money#MAX_UNIT_PRICE_SCALE}). A code that is not ISO 4217 stops the service at start.
 */
@Startup
@Singleton
public class Currencies {

    private final List<Currency> currencies;

    @Inject
    public Currencies(MoneyConfig config) {
        this(config.currencies());
    }

    public Currencies(List<String> codes) {
        this.currencies = parse(codes);
    }

    /** For rules tested without the container. */
    public static Currencies of(String... codes) {
        return new Currencies(List.of(codes));
    }

    private static List<Currency> parse(List<String> codes) {
        List<Currency> out = new ArrayList<>();
        for (String code : codes == null ? List.<String> of() : codes) {
            String c = code == null ? "" : code.trim();
            if (c.isEmpty()) {
                continue;
            }
            Currency currency;
            try {
                currency = Currency.getInstance(c.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "opengallery.money.currencies: '" + c + "' is not an ISO 4217 currency code");
            }
            if (!out.contains(currency)) {
                out.add(currency);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(
                    "opengallery.money.currencies must name at least one ISO 4217 currency code");
        }
        return List.copyOf(out);
    }

    public List<Currency> all() {
        return currencies;
    }

    /** The first configured currency. */
    public Currency defaultCurrency() {
        return currencies.get(0);
    }

    /** The configured currency with that code (any case), or null when the marketplace does not trade in it. */
    public Currency find(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (Currency currency : currencies) {
            if (currency.getCurrencyCode().equals(c)) {
                return currency;
            }
        }
        return null;
    }

    /** "USD, CNY": for messages. */
    public String codes() {
        return currencies.stream().map(Currency::getCurrencyCode).collect(Collectors.joining(", "));
    }

    /**
     * Adds a field error unless {@code amount} is above zero ({@code allowZero}: zero or more) with at most the
     * currency's minor digits. True when the amount is fine.
     */
    public static boolean checkAmount(BigDecimal amount, String field, Currency currency, boolean allowZero,
            FieldErrors errors) {
        if (amount == null) {
            errors.add(field, "is required");
            return false;
        }
        if (allowZero ? amount.signum() < 0 : amount.signum() <= 0) {
            errors.add(field, allowZero ? "must be zero or more" : "must be more than zero");
            return false;
        }
        int digits = Money.minorDigits(currency);
        if (Money.usedScale(amount) > digits) {
            errors.add(field, "must have at most " + digits + " decimals (" + currency.getCurrencyCode() + ")");
            return false;
        }
        return true;
    }
}
