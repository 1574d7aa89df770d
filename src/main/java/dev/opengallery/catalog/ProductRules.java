package dev.opengallery.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.opengallery.core.Currencies;
import dev.opengallery.core.FieldErrors;
import dev.opengallery.core.Money;

/**
 * Checks a seller's product request against the catalogue rules and normalises it. Every problem is
 * reported at once, by field. Bean Validation has already checked presence and sizes.
 */
public final class ProductRules {

    private ProductRules() {
    }

    public static ProductDraft check(ProductRequest r, Set<String> categories, Currencies currencies) {
        FieldErrors errors = new FieldErrors();
        ProductType type = r.type();

        if (!categories.contains(r.categoryCode())) {
            errors.add("categoryCode", "is not a known category");
        }
        String guideUrl = blankToNull(r.guideUrl());
        if (guideUrl != null && !isHttpUrl(guideUrl)) {
            errors.add("guideUrl", "must be an http or https URL");
        }

        boolean supervised;
        if (type.alwaysSupervised()) {
            if (Boolean.FALSE.equals(r.supervised())) {
                errors.add("supervised", type + " products always involve service supervision");
            }
            supervised = true;
        } else if (type == ProductType.SAAS) {
            supervised = Boolean.TRUE.equals(r.supervised());
        } else {
            if (Boolean.TRUE.equals(r.supervised())) {
                errors.add("supervised", "service supervision applies only to SaaS, licenses and services");
            }
            supervised = false;
        }

        String template = blankToNull(r.requestTemplate());
        if (template != null && !type.takesRequestTemplate()) {
            errors.add("requestTemplate", "only SaaS, professional and consulting services take a request template");
        }
        List<String> groups = normalise(r.securityGroups(), false);
        if (!groups.isEmpty() && type != ProductType.IMAGE) {
            errors.add("securityGroups", "only images recommend security groups");
        }
        boolean contactAuth = Boolean.TRUE.equals(r.contactAuthorizationRequired());
        if (contactAuth && type != ProductType.SAAS) {
            errors.add("contactAuthorizationRequired", "only SaaS products ask for the buyer's contact details");
        }

        // the marketplace's currencies only; prices are then checked against its minor digits (the default's when
        // the code is refused, so that every other problem is still reported)
        Currency currency = currencies.defaultCurrency();
        if (r.currency() != null) {
            Currency named = currencies.find(r.currency());
            if (named == null) {
                errors.add("currency", "must be one of the marketplace's currencies: " + currencies.codes());
            } else {
                currency = named;
            }
        }

        List<Specification> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ProductRequest.SpecificationRequest> requested = r.specifications();
        for (int i = 0; i < requested.size(); i++) {
            ProductRequest.SpecificationRequest s = requested.get(i);
            String at = "specifications[" + i + "]";
            if (!names.add(s.name().trim().toLowerCase(Locale.ROOT))) {
                errors.add(at + ".name", "is used by another specification of this product");
            }
            specs.add(checkSpecification(s, at, type, currency, errors));
        }

        errors.throwIfAny();
        return new ProductDraft(type, r.categoryCode(), r.name().trim(), r.summary().trim(), r.description().trim(),
                normalise(r.tags(), true), guideUrl, supervised, template, groups, contactAuth,
                currency.getCurrencyCode(), List.copyOf(specs));
    }

    private static Specification checkSpecification(ProductRequest.SpecificationRequest s, String at,
            ProductType type, Currency currency, FieldErrors errors) {
        PricingModel model = s.pricingModel();
        int min = s.minQuantity() == null ? 1 : s.minQuantity();
        Integer max = s.maxQuantity();
        String unit = blankToNull(s.unit());
        if (model == PricingModel.FLAT) {
            if ((s.minQuantity() != null && min != 1) || (max != null && max != 1)) {
                errors.add(at + ".maxQuantity", "a FLAT specification is bought one at a time (quantity 1)");
            }
            min = 1;
            max = 1;
        } else {
            if (unit == null) {
                errors.add(at + ".unit", "is required for quantity-priced specifications, e.g. 'user'");
            }
            if (type == ProductType.IMAGE) {
                errors.add(at + ".pricingModel", "image specifications are FLAT: one image per ECS");
            }
        }
        if (max != null && max < min) {
            errors.add(at + ".maxQuantity", "must not be less than minQuantity");
        }

        List<Specification.Price> prices = new ArrayList<>();
        Set<BillingMode> seen = new LinkedHashSet<>();
        for (int j = 0; j < s.prices().size(); j++) {
            ProductRequest.PriceRequest p = s.prices().get(j);
            String pat = at + ".prices[" + j + "]";
            if (!seen.add(p.billingMode())) {
                errors.add(pat + ".billingMode", "is listed twice");
                continue;
            }
            if (p.billingMode() == BillingMode.PAY_PER_USE && type != ProductType.IMAGE) {
                errors.add(pat + ".billingMode", "pay-per-use (hourly) billing is for images only");
            }
            List<Tier> tiers = checkTiers(p, pat, model, min, max, currency, errors);
            prices.add(new Specification.Price(p.billingMode(), tiers.isEmpty() ? null : tiers.get(0).unitPrice(),
                    tiers));
        }
        prices.sort((a, b) -> a.billingMode().compareTo(b.billingMode()));
        return new Specification(null, s.name().trim(), blankToNull(s.description()), model, unit, min, max,
                List.copyOf(prices));
    }

    private static List<Tier> checkTiers(ProductRequest.PriceRequest p, String at, PricingModel model, int min,
            Integer max, Currency currency, FieldErrors errors) {
        int scale = p.billingMode() == BillingMode.PAY_PER_USE ? Money.MAX_UNIT_PRICE_SCALE
                : Money.minorDigits(currency);
        if (!model.tiered()) {
            if (p.tiers() != null && !p.tiers().isEmpty()) {
                errors.add(at + ".tiers", "only TIERED and VOLUME specifications have tiers; send unitPrice");
                return List.of();
            }
            if (p.unitPrice() == null) {
                errors.add(at + ".unitPrice", "is required");
                return List.of();
            }
            checkPrice(p.unitPrice(), at + ".unitPrice", scale, errors);
            return List.of(new Tier(min, max, p.unitPrice()));
        }
        if (p.unitPrice() != null) {
            errors.add(at + ".unitPrice", "a " + model + " specification is priced by tiers; send tiers");
        }
        if (p.tiers() == null || p.tiers().isEmpty()) {
            errors.add(at + ".tiers", "at least one tier is required");
            return List.of();
        }
        List<Tier> tiers = new ArrayList<>();
        int expectedFrom = min;
        for (int k = 0; k < p.tiers().size(); k++) {
            ProductRequest.TierRequest t = p.tiers().get(k);
            String tat = at + ".tiers[" + k + "]";
            boolean last = k == p.tiers().size() - 1;
            if (t.from() != expectedFrom) {
                errors.add(tat + ".from", k == 0 ? "the first tier must start at minQuantity " + min
                        : "tiers must be contiguous: expected " + expectedFrom);
            }
            if (t.to() == null && !last) {
                errors.add(tat + ".to", "only the last tier may be open-ended");
            }
            if (t.to() != null && t.to() < t.from()) {
                errors.add(tat + ".to", "must not be less than from");
            }
            if (last && !java.util.Objects.equals(t.to(), max)) {
                errors.add(tat + ".to", max == null ? "the last tier must be open-ended (no maxQuantity)"
                        : "the last tier must end at maxQuantity " + max);
            }
            checkPrice(t.unitPrice(), tat + ".unitPrice", scale, errors);
            tiers.add(new Tier(t.from(), t.to(), t.unitPrice()));
            expectedFrom = t.to() == null ? Integer.MAX_VALUE : t.to() + 1;
        }
        return tiers;
    }

    /** Every billing mode charges: a unit price is above zero (a free product is not sold here). */
    private static void checkPrice(BigDecimal price, String field, int scale, FieldErrors errors) {
        if (price.signum() <= 0) {
            errors.add(field, "must be more than zero");
        } else if (Money.usedScale(price) > scale) {
            errors.add(field, "must have at most " + scale + " decimals");
        } else if (price.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(field, "must be less than 1000000000");
        }
    }

    private static List<String> normalise(List<String> values, boolean lowerCase) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String t = v.trim();
            out.add(lowerCase ? t.toLowerCase(Locale.ROOT) : t);
        }
        return List.copyOf(out);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
