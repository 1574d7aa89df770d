package dev.opengallery.supervision;

import java.time.Instant;

import dev.opengallery.catalog.ProductType;

/**
 * What the rules need to know about a flow.
 *
 * @param type LICENSE, SAAS, PROFESSIONAL_SERVICE or CONSULTING_SERVICE
 * @param stateSince when the flow entered its state (or was resumed): the "turn" clock
 * @param frozen an appeal is open
 * @param deliveriesThisRound deliveries since the request was submitted or the milestone began; the seller may
 *        reject a request only before delivering
 * @param milestone the current milestone, from 1
 * @param milestones how many milestones the order has (1 for an order without a milestone plan)
 */
public record FlowFacts(ProductType type, FlowState state, Instant stateSince, boolean frozen, int requestRejections,
        int deliveryRejections, int deliveriesThisRound, int milestone, int milestones) {

    public boolean hasRequestStep() {
        return type.takesRequestTemplate();
    }

    public boolean moreMilestones() {
        return milestone < milestones;
    }
}
