package dev.opengallery.offers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.opengallery.core.Money;

/**
 * A milestone plan: percentages of the order amount, one per milestone, summing to 100. Each milestone's bill
 * is its percentage of the total rounded half-up to the minor unit, except the last, which takes what is left,
 * so the bills always sum exactly to the total.
 */
public final class MilestonePlan {

    public static final int MAX_MILESTONES = 12;
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private MilestonePlan() {
    }

    /** What is wrong with the percentages; empty when they make a plan. */
    public static List<String> problems(List<BigDecimal> percents) {
        List<String> out = new ArrayList<>();
        if (percents.size() < 2 || percents.size() > MAX_MILESTONES) {
            out.add("must have 2 to " + MAX_MILESTONES + " milestones");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : percents) {
            if (p == null || p.signum() <= 0 || Money.usedScale(p) > 2) {
                out.add("each percentage must be above 0 with at most 2 decimals");
                return out;
            }
            sum = sum.add(p);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            out.add("percentages must sum to 100 (they sum to " + sum.stripTrailingZeros().toPlainString() + ")");
        }
        return out;
    }

    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> percents, Currency currency) {
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < percents.size(); i++) {
            BigDecimal amount = i == percents.size() - 1 ? total.subtract(allocated)
                    : Money.round(total.multiply(percents.get(i)).divide(HUNDRED), currency);
            amounts.add(amount);
            allocated = allocated.add(amount);
        }
        return amounts;
    }
}
