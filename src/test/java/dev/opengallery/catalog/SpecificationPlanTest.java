package dev.opengallery.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Which specifications an edit keeps (by name, ignoring case and blanks), adds and removes. */
class SpecificationPlanTest {

    static final UUID BASIC = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID PRO = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID LEGACY = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    static final List<SpecificationPlan.Stored> STORED = List.of(new SpecificationPlan.Stored(BASIC, "Basic"),
            new SpecificationPlan.Stored(PRO, "Pro"), new SpecificationPlan.Stored(LEGACY, "Legacy"));

    /** New ids, counted. */
    static class NewIds implements Supplier<UUID> {
        final List<UUID> given = new ArrayList<>();

        @Override
        public UUID get() {
            UUID id = UUID.randomUUID();
            given.add(id);
            return id;
        }
    }

    @Test
    void aSpecificationKeepsItsIdWhileItsNameStaysWhateverItsCaseAndPosition() {
        NewIds ids = new NewIds();
        SpecificationPlan plan = SpecificationPlan.of(STORED, List.of("  PRO ", "Enterprise", "basic"), ids);
        assertEquals(3, plan.size());
        assertEquals(PRO, plan.id(0));
        assertTrue(plan.kept(0));
        assertFalse(plan.kept(1));
        assertEquals(ids.given, List.of(plan.id(1)));
        assertEquals(BASIC, plan.id(2));
        assertTrue(plan.kept(2));
        assertEquals(List.of(LEGACY), plan.removed());
    }

    @Test
    void anEditThatChangesNothingKeepsEveryIdAndRemovesNothing() {
        NewIds ids = new NewIds();
        SpecificationPlan plan = SpecificationPlan.of(STORED, List.of("Basic", "Pro", "Legacy"), ids);
        assertEquals(List.of(BASIC, PRO, LEGACY), List.of(plan.id(0), plan.id(1), plan.id(2)));
        assertTrue(plan.removed().isEmpty());
        assertTrue(ids.given.isEmpty());
    }

    @Test
    void renamingIsRemovingOneAndAddingAnother() {
        SpecificationPlan plan = SpecificationPlan.of(STORED.subList(0, 1), List.of("Basic plan"), new NewIds());
        assertNotEquals(BASIC, plan.id(0));
        assertFalse(plan.kept(0));
        assertEquals(List.of(BASIC), plan.removed());
    }

    @Test
    void aNewProductsSpecificationsAreAllNew() {
        NewIds ids = new NewIds();
        SpecificationPlan plan = SpecificationPlan.fresh(2, ids);
        assertEquals(ids.given, List.of(plan.id(0), plan.id(1)));
        assertFalse(plan.kept(0) || plan.kept(1));
        assertTrue(plan.removed().isEmpty());
    }

    @Test
    void namesMatchTrimmedAndInLowerCase() {
        assertEquals("team plan", SpecificationPlan.key("  Team PLAN "));
    }
}
