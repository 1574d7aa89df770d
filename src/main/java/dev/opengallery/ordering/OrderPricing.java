package dev.opengallery.ordering;

import java.math.BigDecimal;
import java.util.Currency;

import dev.opengallery.catalog.BillingMode;
import dev.opengallery.catalog.Pricing;
import dev.opengallery.catalog.ProductType;
import dev.opengallery.catalog.Specification;
import dev.opengallery.catalog.Tier;
import dev.opengallery.core.Money;

/**
 * Prices an order with the catalogue's pricing function. The product fee is the list price less the
 * discount; an image order adds the ECS fee (flavour price x periods), shown apart. Pay-per-use image orders
 * are due nothing now: they are billed by the hour.
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    public record Price(BigDecimal unitPrice, Tier tier, int quantity, int periods, BigDecimal listPrice,
            BigDecimal discount, BigDecimal imageFee, BigDecimal ecsFee, BigDecimal amountDue, String currency) {
    }

    public static Price price(ProductType type, Specification spec, BillingMode mode, int quantity, int periods,
            Currency currency, EcsFlavor flavor, BigDecimal discount) {
        Pricing.Quote q = Pricing.quote(spec, mode, quantity, periods, currency);
        BigDecimal off = discount == null ? BigDecimal.ZERO.setScale(Money.minorDigits(currency))
                : Money.round(discount.min(q.amount()), currency);
        BigDecimal productFee = q.amount().subtract(off);
        BigDecimal imageFee = null;
        BigDecimal ecsFee = null;
        BigDecimal due = productFee;
        if (type == ProductType.IMAGE) {
            imageFee = productFee;
            ecsFee = Money.round(flavor.price(mode).multiply(BigDecimal.valueOf(periods)), currency);
            due = mode == BillingMode.PAY_PER_USE ? BigDecimal.ZERO.setScale(Money.minorDigits(currency))
                    : imageFee.add(ecsFee);
        }
        return new Price(q.unitPrice(), q.tier(), quantity, periods, q.amount(), off, imageFee, ecsFee, due,
                currency.getCurrencyCode());
    }
}
