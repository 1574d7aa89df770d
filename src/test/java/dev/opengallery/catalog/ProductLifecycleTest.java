package dev.opengallery.catalog;

import static dev.opengallery.catalog.ProductLifecycle.Action.*;
import static dev.opengallery.catalog.ProductLifecycle.Actor.OPERATOR;
import static dev.opengallery.catalog.ProductLifecycle.Actor.SELLER;
import static dev.opengallery.catalog.ProductStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.ProblemException;

/** Every state x action x actor: the allowed moves, and a 409 naming the current state for all others. */
class ProductLifecycleTest {

    record Key(ProductStatus from, ProductLifecycle.Action action, ProductLifecycle.Actor actor) {
    }

    static final Map<Key, ProductStatus> ALLOWED = new HashMap<>();
    static {
        for (ProductStatus s : new ProductStatus[] { DRAFT, REJECTED, DELISTED }) {
            ALLOWED.put(new Key(s, EDIT, SELLER), DRAFT);
            ALLOWED.put(new Key(s, SUBMIT, SELLER), IN_REVIEW);
        }
        ALLOWED.put(new Key(IN_REVIEW, WITHDRAW, SELLER), DRAFT);
        ALLOWED.put(new Key(IN_REVIEW, APPROVE, OPERATOR), LISTED);
        ALLOWED.put(new Key(IN_REVIEW, REJECT, OPERATOR), REJECTED);
        ALLOWED.put(new Key(LISTED, DELIST, SELLER), DELISTED);
        ALLOWED.put(new Key(LISTED, DELIST, OPERATOR), DELISTED);
    }

    @Test
    void everyCombination() {
        int allowed = 0;
        for (ProductStatus s : ProductStatus.values()) {
            for (ProductLifecycle.Action a : ProductLifecycle.Action.values()) {
                for (ProductLifecycle.Actor who : ProductLifecycle.Actor.values()) {
                    ProductStatus expected = ALLOWED.get(new Key(s, a, who));
                    if (expected != null) {
                        assertEquals(expected, ProductLifecycle.next(s, a, who), s + " " + a + " " + who);
                        allowed++;
                    } else {
                        ProblemException e = assertThrows(ProblemException.class, () -> ProductLifecycle.next(s, a, who),
                                s + " " + a + " " + who);
                        assertEquals(409, e.status());
                        assertEquals(s.name(), e.toProblem().currentState());
                    }
                }
            }
        }
        assertEquals(ALLOWED.size(), allowed);
    }
}
