package dev.opengallery.metering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The billing rules of pay-per-use images as plain functions, with no I/O:
 * <ol>
 * <li>{@link #derive(List)}: an ECS's events, applied in event-time order, give the periods during which each
 * image was in billable use. An image is in billable use while the ECS exists (CREATED, not DELETED), carries that
 * pay-per-use image, is not suspended, and is not expired (a yearly/monthly ECS is not billed from its expiry, or
 * from an EXPIRED event, until RENEWED).</li>
 * <li>{@link #charges(List, Instant, Instant)}: one charge per (image product, clock hour) for every hour a period
 * touches, at any moment; part of an hour is a whole hour; two images in one hour are two charges, the same image
 * twice in one hour is one charge (at the price of the earlier period).</li>
 * </ol>
 * The billing job implements {@link #charges} in SQL ({@link MeteringJob}: generate_series over the hours that
 * intersect each period, the first hour left to the earlier period when two of the same product share it
 * ({@link #skipFirstHour}), ON CONFLICT DO NOTHING on the unique key); a test holds the SQL to this function.
 */
public final class BillableUse {

    public static final Duration HOUR = Duration.ofHours(1);

    private BillableUse() {
    }

    public enum EventType {
        CREATED, SUSPENDED, RESUMED, IMAGE_REPLACED, EXPIRED, RENEWED, DELETED
    }

    public enum EcsBillingMode {
        PAY_PER_USE, YEARLY, MONTHLY
    }

    /** The state after an ECS's latest event. */
    public enum Status {
        NEW, RUNNING, SUSPENDED, EXPIRED, DELETED
    }

    /** A pay-per-use image on an ECS, with the hourly price of its specification. */
    public record Image(UUID productId, UUID specificationId, BigDecimal hourlyPrice, String currency) {
        boolean same(Image other) {
            return other != null && productId.equals(other.productId) && specificationId.equals(other.specificationId)
                    && hourlyPrice.compareTo(other.hourlyPrice) == 0 && Objects.equals(currency, other.currency);
        }
    }

    /**
     * One compute event. {@code seq} orders events of the same instant (arrival order). {@code image}: CREATED and
     * IMAGE_REPLACED (null on IMAGE_REPLACED = an image not billed by the hour). {@code mode}: CREATED.
     * {@code expiresAt}: CREATED of a yearly/monthly ECS, RENEWED.
     */
    public record Event(long seq, EventType type, Instant at, Image image, EcsBillingMode mode, Instant expiresAt) {
    }

    /** [start, end): end null = still in use. */
    public record Period(Image image, Instant start, Instant end) {
    }

    public record Charge(UUID productId, Instant hour, UUID specificationId, BigDecimal amount) {
    }

    /** Periods and the state after the last event. */
    public record Derived(List<Period> periods, Status status, Image image, EcsBillingMode mode, Instant expiresAt) {
    }

    public static Instant hourOf(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }

    public static final Comparator<Event> EVENT_ORDER = Comparator.comparing(Event::at).thenComparingLong(Event::seq);

    /** Applies the events in event-time order (then arrival order) and answers the billable periods. */
    public static Derived derive(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(EVENT_ORDER);
        boolean created = false;
        boolean deleted = false;
        boolean suspended = false;
        boolean expired = false;
        EcsBillingMode mode = null;
        Instant expiresAt = null;
        Image image = null;
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            switch (e.type()) {
                case CREATED -> {
                    created = true;
                    suspended = false;
                    expired = false;
                    mode = e.mode();
                    expiresAt = e.expiresAt();
                    image = e.image();
                }
                case SUSPENDED -> suspended = true;
                case RESUMED -> suspended = false;
                case IMAGE_REPLACED -> image = e.image();
                case EXPIRED -> expired = true;
                case RENEWED -> {
                    expired = false;
                    if (e.expiresAt() != null) {
                        expiresAt = e.expiresAt();
                    }
                }
                case DELETED -> deleted = true;
            }
            // the state now holds from this event to the next one
            Instant from = e.at();
            Instant to = i + 1 < sorted.size() ? sorted.get(i + 1).at() : null;
            if (created && !deleted && !suspended && !expired && image != null) {
                if (mode != EcsBillingMode.PAY_PER_USE && expiresAt != null) {
                    to = to == null || expiresAt.isBefore(to) ? expiresAt : to;
                }
                if (to == null || from.isBefore(to)) {
                    add(periods, new Period(image, from, to));
                }
            }
        }
        Status status = deleted ? Status.DELETED : !created ? Status.NEW : expired ? Status.EXPIRED
                : suspended ? Status.SUSPENDED : Status.RUNNING;
        return new Derived(periods, status, image, mode, expiresAt);
    }

    /** Appends, merging with the previous period when it is the same image and they touch. */
    private static void add(List<Period> periods, Period p) {
        if (!periods.isEmpty()) {
            Period last = periods.get(periods.size() - 1);
            if (last.end() != null && last.end().equals(p.start()) && last.image().same(p.image())) {
                periods.set(periods.size() - 1, new Period(last.image(), last.start(), p.end()));
                return;
            }
        }
        periods.add(p);
    }

    /**
     * For each period (in start order, as {@link #derive} gives them): whether an earlier period of the same image
     * product touches its first hour, so that hour is already charged by the earlier one. The billing SQL starts such
     * a period's hours one hour later and so writes each (ECS, product, hour) once, with no sort.
     */
    public static boolean[] skipFirstHour(List<Period> periods) {
        boolean[] skip = new boolean[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Instant first = hourOf(p.start());
            for (int j = 0; j < i && !skip[i]; j++) {
                Period earlier = periods.get(j);
                skip[i] = earlier.image().productId().equals(p.image().productId())
                        && (earlier.end() == null || earlier.end().isAfter(first));
            }
        }
        return skip;
    }

    /**
     * The charges for the clock hours in [from, to) (both on the hour): one per image product and hour that any
     * period touches; the earliest period of that product in the hour gives the price. Sorted by hour, then start.
     */
    public static List<Charge> charges(List<Period> periods, Instant from, Instant to) {
        List<Period> byStart = new ArrayList<>(periods);
        byStart.sort(Comparator.comparing(Period::start));
        Map<String, Charge> charges = new LinkedHashMap<>();
        for (Period p : byStart) {
            Instant first = hourOf(p.start());
            if (first.isBefore(from)) {
                first = from;
            }
            for (Instant h = first; h.isBefore(to) && (p.end() == null || p.end().isAfter(h)); h = h.plus(HOUR)) {
                charges.putIfAbsent(p.image().productId() + "@" + h,
                        new Charge(p.image().productId(), h, p.image().specificationId(), p.image().hourlyPrice()));
            }
        }
        List<Charge> list = new ArrayList<>(charges.values());
        list.sort(Comparator.comparing(Charge::hour));
        return list;
    }
}
