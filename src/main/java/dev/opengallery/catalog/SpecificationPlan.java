package dev.opengallery.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How the specifications of a seller's edit take over the stored ones. A stored specification whose name (ignoring
 * case and surrounding blanks) is in the edit keeps its id, so that orders, subscriptions, offers, favorites and the
 * compute service go on naming it; the edit's other specifications are new; stored ones the edit leaves out are
 * removed. Plain Java: {@link Product} applies the plan.
 */
public final class SpecificationPlan {

    /** A stored specification: its id and name. */
    public record Stored(UUID id, String name) {
    }

    private final List<UUID> ids;
    private final List<Boolean> kept;
    private final List<UUID> removed;

    private SpecificationPlan(List<UUID> ids, List<Boolean> kept, List<UUID> removed) {
        this.ids = List.copyOf(ids);
        this.kept = List.copyOf(kept);
        this.removed = List.copyOf(removed);
    }

    /** The name as specifications are matched by: trimmed, lower case. */
    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A new product's specifications: all new. */
    public static SpecificationPlan fresh(int count, Supplier<UUID> newId) {
        return of(List.of(), java.util.Collections.nCopies(count, ""), newId);
    }

    /**
     * The plan for an edit: {@code names} are the edit's specifications in order (unique by {@link #key}, as
     * {@link ProductRules} checked), {@code stored} the product's current ones.
     */
    public static SpecificationPlan of(List<Stored> stored, List<String> names, Supplier<UUID> newId) {
        Map<String, UUID> existing = new LinkedHashMap<>();
        for (Stored s : stored) {
            existing.putIfAbsent(key(s.name()), s.id());
        }
        List<UUID> ids = new ArrayList<>();
        List<Boolean> kept = new ArrayList<>();
        for (String name : names) {
            UUID id = existing.remove(key(name));
            kept.add(id != null);
            ids.add(id != null ? id : newId.get());
        }
        List<UUID> removed = new ArrayList<>();
        for (Stored s : stored) {
            if (!ids.contains(s.id())) {
                removed.add(s.id());
            }
        }
        return new SpecificationPlan(ids, kept, removed);
    }

    /** How many specifications the product has after the edit. */
    public int size() {
        return ids.size();
    }

    /** The id of the edit's {@code i}-th specification: a stored one's, or a new one. */
    public UUID id(int i) {
        return ids.get(i);
    }

    /** Whether the edit's {@code i}-th specification is a stored one that stays. */
    public boolean kept(int i) {
        return kept.get(i);
    }

    /** The stored specifications the edit leaves out. */
    public List<UUID> removed() {
        return removed;
    }
}
