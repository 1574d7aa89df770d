package dev.opengallery.catalog;

import java.util.Set;

import dev.opengallery.core.ProblemException;

/**
 * The release lifecycle as a plain rule.
 *
 * <pre>
 * EDIT     seller    DRAFT | REJECTED | DELISTED -> DRAFT
 * SUBMIT   seller    DRAFT | REJECTED | DELISTED -> IN_REVIEW
 * WITHDRAW seller    IN_REVIEW                   -> DRAFT
 * APPROVE  operator  IN_REVIEW                   -> LISTED
 * REJECT   operator  IN_REVIEW                   -> REJECTED   (with a reason)
 * DELIST   seller or operator  LISTED            -> DELISTED
 * </pre>
 *
 * A listed product cannot be edited in place: the seller delists it, edits the draft and submits it again.
 */
public final class ProductLifecycle {

    public enum Action {
        EDIT, SUBMIT, WITHDRAW, APPROVE, REJECT, DELIST
    }

    public enum Actor {
        SELLER, OPERATOR
    }

    private ProductLifecycle() {
    }

    /** The state after the action, or a 409 problem naming the current state. */
    public static ProductStatus next(ProductStatus current, Action action, Actor actor) {
        ProductStatus next = switch (action) {
            case EDIT -> actor == Actor.SELLER && editable(current) ? ProductStatus.DRAFT : null;
            case SUBMIT -> actor == Actor.SELLER && editable(current) ? ProductStatus.IN_REVIEW : null;
            case WITHDRAW -> actor == Actor.SELLER && current == ProductStatus.IN_REVIEW ? ProductStatus.DRAFT : null;
            case APPROVE -> actor == Actor.OPERATOR && current == ProductStatus.IN_REVIEW ? ProductStatus.LISTED : null;
            case REJECT -> actor == Actor.OPERATOR && current == ProductStatus.IN_REVIEW ? ProductStatus.REJECTED : null;
            case DELIST -> current == ProductStatus.LISTED ? ProductStatus.DELISTED : null;
        };
        if (next == null) {
            throw ProblemException.illegalState(
                    "A " + actor.name().toLowerCase() + " cannot " + action.name().toLowerCase() + " a product that is "
                            + current,
                    current.name());
        }
        return next;
    }

    private static final Set<ProductStatus> EDITABLE = Set.of(ProductStatus.DRAFT, ProductStatus.REJECTED,
            ProductStatus.DELISTED);

    public static boolean editable(ProductStatus status) {
        return EDITABLE.contains(status);
    }
}
