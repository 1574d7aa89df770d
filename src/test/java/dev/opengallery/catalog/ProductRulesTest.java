package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.ProductRequest.PriceRequest;
import dev.opengallery.catalog.ProductRequest.SpecificationRequest;
import dev.opengallery.catalog.ProductRequest.TierRequest;
import dev.opengallery.core.Currencies;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemException;

class ProductRulesTest {

    static final Set<String> CATEGORIES = Set.of("CRM", "RUNTIME_ENVIRONMENT", "MAINTENANCE");

    static final Currencies CURRENCIES = Currencies.of("USD", "CNY");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static ProductRequest request(ProductType type, Boolean supervised, List<SpecificationRequest> specs) {
        return new ProductRequest(type, "CRM", "CloudCRM", "CRM for teams", "Long description", List.of("CRM", " Sales "),
                "https://docs.example.com/crm", supervised, null, null, null, null, specs, null);
    }

    static SpecificationRequest tiered(PricingModel model, Integer min, Integer max, TierRequest... tiers) {
        return new SpecificationRequest("Team", null, model, "user", min, max,
                List.of(new PriceRequest(BillingMode.MONTHLY, null, List.of(tiers))));
    }

    static SpecificationRequest flat(BillingMode mode, String price) {
        return new SpecificationRequest("Standard", null, PricingModel.FLAT, null, null, null,
                List.of(new PriceRequest(mode, d(price), null)));
    }

    static List<String> fields(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status());
        return e.toProblem().errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void acceptsContiguousTiersAndNormalises() {
        ProductDraft d = ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 1, null,
                new TierRequest(1, 10, d("12.00")), new TierRequest(11, 50, d("10.00")), new TierRequest(51, null, d("8.00"))))),
                CATEGORIES, CURRENCIES);
        assertEquals(List.of("crm", "sales"), d.tags());
        assertFalse(d.supervised());
        assertEquals("USD", d.currency());
        assertEquals(d("8.00"), d.fromPrice());
        assertEquals(List.of("MONTHLY"), d.billingModes());
        assertEquals(3, d.specifications().get(0).prices().get(0).tiers().size());
    }

    @Test
    void refusesGapsOverlapsAndBadEnds() {
        assertEquals(List.of("specifications[0].prices[0].tiers[1].from"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 1, null,
                        new TierRequest(1, 10, d("12")), new TierRequest(12, null, d("10"))))), CATEGORIES, CURRENCIES)));
        assertEquals(List.of("specifications[0].prices[0].tiers[1].from"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.VOLUME, 1, null,
                        new TierRequest(1, 10, d("12")), new TierRequest(8, null, d("10"))))), CATEGORIES, CURRENCIES)));
        assertEquals(List.of("specifications[0].prices[0].tiers[0].from"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 5, null,
                        new TierRequest(1, null, d("12"))))), CATEGORIES, CURRENCIES)));
        assertEquals(List.of("specifications[0].prices[0].tiers[0].to"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 1, 100,
                        new TierRequest(1, null, d("12"))))), CATEGORIES, CURRENCIES)));
        assertEquals(List.of("specifications[0].prices[0].tiers[0].to"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 1, null,
                        new TierRequest(1, null, d("12")), new TierRequest(11, null, d("10"))))), CATEGORIES, CURRENCIES)).subList(0, 1));
    }

    @Test
    void refusesNegativePricesAndTooManyDecimals() {
        List<String> f = fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.TIERED, 1, null,
                new TierRequest(1, 10, d("-1.00")), new TierRequest(11, null, d("9.999"))))), CATEGORIES, CURRENCIES));
        assertEquals(List.of("specifications[0].prices[0].tiers[0].unitPrice", "specifications[0].prices[0].tiers[1].unitPrice"), f);
        // hourly image prices may use 4 decimals, not 5
        ProductRequest img = new ProductRequest(ProductType.IMAGE, "RUNTIME_ENVIRONMENT", "LAMP", "s", "d", null, null, null,
                null, List.of("web-80-443"), null, null, List.of(flat(BillingMode.PAY_PER_USE, "0.0125")), null);
        assertEquals(d("0.0125"), ProductRules.check(img, CATEGORIES, CURRENCIES).fromPrice());
        ProductRequest img5 = new ProductRequest(ProductType.IMAGE, "RUNTIME_ENVIRONMENT", "LAMP", "s", "d", null, null, null,
                null, null, null, null, List.of(flat(BillingMode.PAY_PER_USE, "0.01255")), null);
        assertEquals(List.of("specifications[0].prices[0].unitPrice"), fields(() -> ProductRules.check(img5, CATEGORIES, CURRENCIES)));
    }

    static ProductRequest inCurrency(String currency, List<SpecificationRequest> specs) {
        return new ProductRequest(ProductType.SAAS, "CRM", "CloudCRM", "CRM for teams", "Long description", null, null,
                null, null, null, null, currency, specs, null);
    }

    @Test
    void everyBillingModeChargesSomething() {
        for (BillingMode mode : List.of(BillingMode.YEARLY, BillingMode.MONTHLY, BillingMode.ONE_TIME)) {
            assertEquals(List.of("specifications[0].prices[0].unitPrice"),
                    fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(flat(mode, "0"))), CATEGORIES,
                            CURRENCIES)), mode.name());
            assertEquals(List.of("specifications[0].prices[0].unitPrice"),
                    fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(flat(mode, "-0.01"))),
                            CATEGORIES, CURRENCIES)), mode.name());
        }
        ProductRequest hourlyFree = new ProductRequest(ProductType.IMAGE, "RUNTIME_ENVIRONMENT", "LAMP", "s", "d", null,
                null, null, null, null, null, null, List.of(flat(BillingMode.PAY_PER_USE, "0.0000")), null);
        assertEquals(List.of("specifications[0].prices[0].unitPrice"),
                fields(() -> ProductRules.check(hourlyFree, CATEGORIES, CURRENCIES)));
        assertEquals(List.of("specifications[0].prices[0].tiers[1].unitPrice"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(tiered(PricingModel.VOLUME, 1, null,
                        new TierRequest(1, 10, d("12")), new TierRequest(11, null, d("0"))))), CATEGORIES, CURRENCIES)));
        // the smallest price there is: one minor unit
        assertEquals(d("0.01"), ProductRules.check(request(ProductType.SAAS, null, List.of(flat(BillingMode.MONTHLY, "0.01"))),
                CATEGORIES, CURRENCIES).fromPrice());
    }

    @Test
    void currenciesAreTheMarketplacesOnly() {
        List<SpecificationRequest> specs = List.of(flat(BillingMode.MONTHLY, "10.50"));
        assertEquals("USD", ProductRules.check(inCurrency(null, specs), CATEGORIES, CURRENCIES).currency());
        assertEquals("CNY", ProductRules.check(inCurrency("cny", specs), CATEGORIES, CURRENCIES).currency());
        // ISO 4217, but not traded here; "XXX" is ISO's "no currency"
        for (String code : List.of("EUR", "XXX", "JPY", "ABC")) {
            assertEquals(List.of("currency"), fields(() -> ProductRules.check(inCurrency(code, specs), CATEGORIES,
                    CURRENCIES)), code);
        }
        // the configured list decides, and its first currency is the default
        Currencies jpyFirst = Currencies.of("JPY", "USD");
        assertEquals("JPY", ProductRules.check(inCurrency(null, List.of(flat(BillingMode.MONTHLY, "1200"))), CATEGORIES,
                jpyFirst).currency());
        assertEquals(List.of("specifications[0].prices[0].unitPrice"), fields(() -> ProductRules.check(
                inCurrency("JPY", specs), CATEGORIES, jpyFirst)));
        assertEquals(List.of("specifications[0].prices[0].unitPrice"), fields(() -> ProductRules.check(
                inCurrency("CNY", List.of(flat(BillingMode.MONTHLY, "10.505"))), CATEGORIES, CURRENCIES)));
        assertThrows(IllegalStateException.class, () -> Currencies.of("USD", "DOLLARS"));
        assertThrows(IllegalStateException.class, () -> Currencies.of(" "));
    }

    @Test
    void hourlyBillingIsForImagesOnly() {
        assertEquals(List.of("specifications[0].prices[0].billingMode"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(flat(BillingMode.PAY_PER_USE, "0.10"))),
                        CATEGORIES, CURRENCIES)));
    }

    @Test
    void supervisionFollowsTheProductType() {
        assertTrue(ProductRules.check(request(ProductType.LICENSE, null, List.of(flat(BillingMode.ONE_TIME, "100"))), CATEGORIES, CURRENCIES)
                .supervised());
        assertEquals(List.of("supervised"), fields(() -> ProductRules.check(
                request(ProductType.PROFESSIONAL_SERVICE, false, List.of(flat(BillingMode.ONE_TIME, "100"))), CATEGORIES, CURRENCIES)));
        assertEquals(List.of("supervised"), fields(() -> ProductRules.check(
                request(ProductType.HARDWARE, true, List.of(flat(BillingMode.ONE_TIME, "100"))), CATEGORIES, CURRENCIES)));
        assertTrue(ProductRules.check(request(ProductType.SAAS, true, List.of(flat(BillingMode.MONTHLY, "10"))), CATEGORIES, CURRENCIES)
                .supervised());
    }

    @Test
    void typeSpecificFieldsAndCategory() {
        ProductRequest r = new ProductRequest(ProductType.HARDWARE, "NOPE", "Box", "s", "d", null, "ftp://x", null,
                "Tell us", List.of("ssh-22"), true, "XYZ",
                List.of(flat(BillingMode.ONE_TIME, "10"), flat(BillingMode.ONE_TIME, "12")), null);
        assertEquals(List.of("categoryCode", "guideUrl", "requestTemplate", "securityGroups",
                "contactAuthorizationRequired", "currency", "specifications[1].name"), fields(() -> ProductRules.check(r, CATEGORIES, CURRENCIES)));
    }

    @Test
    void flatAndLinearTakeAUnitPriceNotTiers() {
        SpecificationRequest linearNoUnit = new SpecificationRequest("Per user", null, PricingModel.LINEAR, null, 1, null,
                List.of(new PriceRequest(BillingMode.MONTHLY, null, List.of(new TierRequest(1, null, d("5"))))));
        assertEquals(List.of("specifications[0].unit", "specifications[0].prices[0].tiers"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(linearNoUnit)), CATEGORIES, CURRENCIES)));
        SpecificationRequest twice = new SpecificationRequest("Std", null, PricingModel.FLAT, null, null, null,
                List.of(new PriceRequest(BillingMode.MONTHLY, d("5"), null), new PriceRequest(BillingMode.MONTHLY, d("6"), null)));
        assertEquals(List.of("specifications[0].prices[1].billingMode"),
                fields(() -> ProductRules.check(request(ProductType.SAAS, null, List.of(twice)), CATEGORIES, CURRENCIES)));
    }
}
