package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

/** What a favorite may hold, and how its purchase completes and prices the saved choices. */
class FavoriteRulesTest {

    static final UUID PRODUCT = UUID.randomUUID();
    static final UUID TEAM = UUID.randomUUID();
    static final UUID SOLO = UUID.randomUUID();

    static Specification spec(UUID id, String name, int min, List<Specification.Price> prices) {
        return new Specification(id, name, null, PricingModel.LINEAR, "user", min, 100, prices);
    }

    static Specification.Price price(BillingMode mode, String unitPrice, int min) {
        BigDecimal p = new BigDecimal(unitPrice);
        return new Specification.Price(mode, p, List.of(new Tier(min, 100, p)));
    }

    static final ProductView PRODUCT_VIEW = new ProductView(PRODUCT, ProductType.SAAS, "CRM", "CRM", "s", "d",
            List.of(), null, false, null, List.of(), false, "USD", new BigDecimal("5.00"),
            List.of(BillingMode.MONTHLY, BillingMode.YEARLY), ProductStatus.LISTED, null, null, null, null, null, 0,
            List.of(spec(SOLO, "Solo", 1, List.of(price(BillingMode.MONTHLY, "5.00", 1))),
                    spec(TEAM, "Team", 5, List.of(price(BillingMode.MONTHLY, "10.00", 5),
                            price(BillingMode.YEARLY, "100.00", 5)))),
            null);

    static FavoriteRequest request(UUID spec, BillingMode mode, Integer quantity, Integer periods) {
        return new FavoriteRequest(PRODUCT, spec, mode, quantity, periods);
    }

    static String field(Runnable r) {
        return assertThrows(ProblemException.class, r::run).toProblem().errors().get(0).field();
    }

    @Test
    void theProductAloneOrWithChoicesItCanBeBoughtWith() {
        assertDoesNotThrow(() -> FavoriteRules.check(PRODUCT_VIEW, request(null, null, null, null)));
        assertDoesNotThrow(() -> FavoriteRules.check(PRODUCT_VIEW, request(TEAM, null, null, null)));
        assertDoesNotThrow(() -> FavoriteRules.check(PRODUCT_VIEW, request(TEAM, BillingMode.YEARLY, 10, 2)));
    }

    @Test
    void choicesNeedWhatTheyDependOnAndMustFitTheProduct() {
        assertEquals("specificationId", field(() -> FavoriteRules.check(PRODUCT_VIEW,
                request(null, BillingMode.MONTHLY, null, null))));
        assertEquals("specificationId", field(() -> FavoriteRules.check(PRODUCT_VIEW,
                request(UUID.randomUUID(), null, null, null))));
        assertEquals("billingMode", field(() -> FavoriteRules.check(PRODUCT_VIEW, request(TEAM, null, 10, null))));
        // the pricing function refuses what an order would refuse: a mode the specification lacks, a quantity
        // below its minimum
        assertThrows(ProblemException.class, () -> FavoriteRules.check(PRODUCT_VIEW,
                request(SOLO, BillingMode.YEARLY, null, null)));
        assertThrows(ProblemException.class, () -> FavoriteRules.check(PRODUCT_VIEW,
                request(TEAM, BillingMode.MONTHLY, 2, null)));
    }

    static FavoriteView saved(UUID spec, BillingMode mode, Integer quantity, Integer periods) {
        return new FavoriteView(UUID.randomUUID(), PRODUCT, "CRM", ProductType.SAAS, true, spec, null, mode, quantity,
                periods, OffsetDateTime.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void aPurchaseCompletesTheSavedChoicesWithDefaults() {
        FavoritePurchase bare = FavoriteRules.purchase(saved(null, null, null, null), PRODUCT_VIEW);
        assertEquals(SOLO, bare.specificationId());
        assertEquals(BillingMode.MONTHLY, bare.billingMode());
        assertEquals(1, bare.quantity());
        assertEquals(1, bare.periods());
        assertEquals(0, new BigDecimal("5.00").compareTo(bare.quote().amount()));

        FavoritePurchase team = FavoriteRules.purchase(saved(TEAM, null, null, null), PRODUCT_VIEW);
        assertEquals(TEAM, team.specificationId());
        assertEquals(5, team.quantity());

        FavoritePurchase yearly = FavoriteRules.purchase(saved(TEAM, BillingMode.YEARLY, 10, 2), PRODUCT_VIEW);
        assertEquals(BillingMode.YEARLY, yearly.billingMode());
        assertEquals(0, new BigDecimal("2000.00").compareTo(yearly.quote().amount()));
    }

    @Test
    void savedChoicesTheProductNoLongerHasFallBackToItsDefaults() {
        FavoritePurchase gone = FavoriteRules.purchase(saved(UUID.randomUUID(), BillingMode.YEARLY, null, null),
                PRODUCT_VIEW);
        assertEquals(SOLO, gone.specificationId());
        assertEquals(BillingMode.MONTHLY, gone.billingMode());
    }
}
