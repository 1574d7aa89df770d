package dev.opengallery.catalog.opensearch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The plain rules of indexing: which day of sales left the popularity window, the outcomes of a batch. */
public final class IndexingRules {

    private IndexingRules() {
    }

    /**
     * The first day the popularity window counts today: a window of N days counts today and the N - 1 days before
     * (as {@code catalog.CatalogSearch#popularitySince} does).
     */
    public static LocalDate popularitySince(LocalDate today, Duration window) {
        return today.minusDays(window.toDays() - 1);
    }

    /** The day whose sales left the window when today began: the day before today's window starts. */
    public static LocalDate dayLeftWindow(LocalDate today, Duration window) {
        return popularitySince(today, window).minusDays(1);
    }

    /** The distinct products of a claimed batch, in claim order (each is read and written once). */
    public static List<UUID> products(Collection<UUID> claimed) {
        return List.copyOf(new LinkedHashSet<>(claimed));
    }

    /**
     * What to record for each claimed row, in order: null when its product's write was taken, else the reason the
     * index gave for that product (every row of the product gets it).
     */
    public static List<String> outcomes(List<UUID> claimed, Map<UUID, String> failedByProduct) {
        List<String> errors = new ArrayList<>(claimed.size());
        for (UUID product : claimed) {
            errors.add(failedByProduct.get(product));
        }
        return errors;
    }
}
