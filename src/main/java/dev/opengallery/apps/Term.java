package dev.opengallery.apps;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The current term of a purchased app (part of {@link Subscription}, in the same row): when it started, for how many
 * periods, at which list price, and how many periods were bought in all. Absent (all columns null) until the app is
 * renewed or changed: until then the original order's term holds.
 */
@Embeddable
public class Term {

    @Column(name = "term_starts_at")
    OffsetDateTime termStartsAt;

    @Column(name = "term_periods")
    Integer termPeriods;

    @Column(name = "term_list_price", precision = 19, scale = 2)
    BigDecimal termListPrice;

    @Column(name = "periods_bought")
    Integer periodsBought;

    /** The term a renewal opens: from the old expiry, for the periods just bought. */
    static Term renewed(OffsetDateTime from, int periods, BigDecimal listPrice, int periodsBoughtBefore) {
        Term t = new Term();
        t.termStartsAt = from;
        t.termPeriods = periods;
        t.termListPrice = listPrice;
        t.periodsBought = periodsBoughtBefore + periods;
        return t;
    }

    /**
     * The term after an upgrade or expansion: the new list price; start, periods and count are those of the
     * current term, taken from the original order the first time.
     */
    static Term changed(Term current, BigDecimal newListPrice, OffsetDateTime startsAt, int periods, int bought) {
        Term t = new Term();
        t.termListPrice = newListPrice;
        t.termStartsAt = current != null && current.termStartsAt != null ? current.termStartsAt : startsAt;
        t.termPeriods = current != null && current.termPeriods != null ? current.termPeriods : periods;
        t.periodsBought = current != null && current.periodsBought != null ? current.periodsBought : bought;
        return t;
    }
}
