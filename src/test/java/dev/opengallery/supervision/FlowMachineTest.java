package dev.opengallery.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.ProductType;
import dev.opengallery.supervision.AppealRules.Ground;
import dev.opengallery.supervision.FlowMachine.Outcome;
import dev.opengallery.supervision.FlowMachine.Refusal;

/** Every state x every action x every role (and every supervised product type, frozen or not), plain Java. */
class FlowMachineTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration SILENCE = Duration.ofDays(5);
    static final Set<ProductType> KINDS = EnumSet.of(ProductType.LICENSE, ProductType.SAAS,
            ProductType.PROFESSIONAL_SERVICE, ProductType.CONSULTING_SERVICE);

    static FlowFacts facts(ProductType type, FlowState state, boolean frozen, int delRej) {
        return new FlowFacts(type, state, NOW, frozen, 0, delRej, 0, 1, 1);
    }

    /** The expected table, written independently of the machine: who may do what, from where, to where. */
    static FlowState expected(ProductType type, FlowState s, boolean frozen, FlowAction a) {
        boolean request = type != ProductType.LICENSE;
        boolean open = FlowState.OPEN.contains(s);
        return switch (a) {
            case SUBMIT_REQUEST -> request && s == FlowState.WAITING_FOR_REQUEST ? FlowState.WAITING_FOR_SELLER : null;
            case REJECT_REQUEST -> request && s == FlowState.WAITING_FOR_SELLER ? FlowState.WAITING_FOR_REQUEST : null;
            case DELIVER -> s == FlowState.WAITING_FOR_SELLER ? FlowState.WAITING_FOR_ACCEPTANCE : null;
            case ACCEPT -> s == FlowState.WAITING_FOR_ACCEPTANCE ? FlowState.ACCEPTED : null;
            case REJECT_DELIVERY -> s == FlowState.WAITING_FOR_ACCEPTANCE ? FlowState.WAITING_FOR_SELLER : null;
            case REMIND -> s == FlowState.WAITING_FOR_SELLER ? s : null;
            case APPEAL -> open ? s : null;
            case RESUME -> frozen && open ? s : null;
            case COMPLETE -> frozen && open ? FlowState.ACCEPTED : null;
            case CANCEL -> frozen && open ? FlowState.CANCELED : null;
            case AUTO_COMPLETE -> s == FlowState.ACCEPTED ? FlowState.COMPLETED : null;
            case AUTO_CLOSE -> open ? FlowState.CLOSED : null;
            case AUTO_CANCEL -> open ? FlowState.CANCELED : null;
        };
    }

    static Set<Actor> roles(FlowAction a) {
        return switch (a) {
            case SUBMIT_REQUEST, ACCEPT, REJECT_DELIVERY, REMIND -> EnumSet.of(Actor.BUYER);
            case APPEAL -> EnumSet.of(Actor.BUYER, Actor.SELLER);
            case REJECT_REQUEST, DELIVER -> EnumSet.of(Actor.SELLER);
            case RESUME, COMPLETE, CANCEL -> EnumSet.of(Actor.OPERATOR);
            case AUTO_COMPLETE, AUTO_CLOSE, AUTO_CANCEL -> EnumSet.of(Actor.SYSTEM);
        };
    }

    @Test
    void everyStateActionAndRoleIsAllowedOrRefusedWithAReason() {
        List<String> failures = new ArrayList<>();
        int combinations = 0;
        for (ProductType type : KINDS) {
            for (FlowState state : FlowState.values()) {
                for (boolean frozen : new boolean[] { false, true }) {
                    for (FlowAction action : FlowAction.values()) {
                        for (Actor actor : Actor.values()) {
                            combinations++;
                            // 3 delivery rejections: both parties have grounds to appeal in every open state
                            Outcome o = FlowMachine.decide(facts(type, state, frozen, 3), action, actor, NOW, SILENCE);
                            String where = type + " " + state + (frozen ? " (frozen)" : "") + " " + action + " by "
                                    + actor + ": ";
                            Refusal want;
                            FlowState next = null;
                            if (!roles(action).contains(actor)) {
                                want = Refusal.ROLE;
                            } else if (frozen && (actor == Actor.BUYER || actor == Actor.SELLER)) {
                                want = Refusal.FROZEN;
                            } else {
                                next = expected(type, state, frozen, action);
                                want = next == null ? Refusal.ILLEGAL_STATE : null;
                            }
                            if (o.refusal() != want || o.next() != next) {
                                failures.add(where + "expected " + (want == null ? "-> " + next : want) + ", got "
                                        + (o.allowed() ? "-> " + o.next() : o.refusal() + " " + o.reason()));
                            }
                            if (!o.allowed() && (o.reason() == null || o.reason().isBlank())) {
                                failures.add(where + "refused without a reason");
                            }
                            if (o.allowed() && o.reason() != null) {
                                failures.add(where + "allowed but carries a reason");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(4 * 7 * 2 * 13 * 4, combinations);
        assertTrue(failures.isEmpty(), failures.size() + " wrong decisions:\n" + String.join("\n", failures));
    }

    @Test
    void withoutGroundsNoPartyMayAppealInAnyState() {
        for (ProductType type : KINDS) {
            for (FlowState state : FlowState.values()) {
                for (Actor party : List.of(Actor.BUYER, Actor.SELLER)) {
                    Outcome o = FlowMachine.decide(facts(type, state, false, 0), FlowAction.APPEAL, party, NOW, SILENCE);
                    assertEquals(state.open() ? Refusal.NOT_ELIGIBLE : Refusal.ILLEGAL_STATE, o.refusal(),
                            type + " " + state + " " + party);
                    assertFalse(o.reason().isBlank());
                }
            }
        }
    }

    @Test
    void aRequestIsRejectedOnlyBeforeTheSellerDelivered() {
        FlowFacts delivered = new FlowFacts(ProductType.SAAS, FlowState.WAITING_FOR_SELLER, NOW, false, 0, 1, 1, 1, 1);
        Outcome o = FlowMachine.decide(delivered, FlowAction.REJECT_REQUEST, Actor.SELLER, NOW, SILENCE);
        assertEquals(Refusal.ILLEGAL_STATE, o.refusal());
        assertEquals(FlowState.WAITING_FOR_ACCEPTANCE,
                FlowMachine.decide(delivered, FlowAction.DELIVER, Actor.SELLER, NOW, SILENCE).next());
    }

    @Test
    void acceptingAMilestoneBeforeTheLastGoesOnWithTheNext() {
        FlowFacts m1of3 = new FlowFacts(ProductType.PROFESSIONAL_SERVICE, FlowState.WAITING_FOR_ACCEPTANCE, NOW, false,
                0, 0, 1, 1, 3);
        Outcome o = FlowMachine.decide(m1of3, FlowAction.ACCEPT, Actor.BUYER, NOW, SILENCE);
        assertTrue(o.allowed());
        assertTrue(o.nextMilestone());
        assertEquals(FlowState.WAITING_FOR_SELLER, o.next());
        FlowFacts m3of3 = new FlowFacts(ProductType.PROFESSIONAL_SERVICE, FlowState.WAITING_FOR_ACCEPTANCE, NOW, false,
                0, 0, 1, 3, 3);
        o = FlowMachine.decide(m3of3, FlowAction.ACCEPT, Actor.BUYER, NOW, SILENCE);
        assertFalse(o.nextMilestone());
        assertEquals(FlowState.ACCEPTED, o.next());
        // the operator's COMPLETE counts as the buyer's acceptance
        FlowFacts frozen = new FlowFacts(ProductType.PROFESSIONAL_SERVICE, FlowState.WAITING_FOR_SELLER, NOW, true, 0, 0,
                0, 2, 3);
        o = FlowMachine.decide(frozen, FlowAction.COMPLETE, Actor.OPERATOR, NOW, SILENCE);
        assertTrue(o.nextMilestone());
    }

    // ---------------------------------------------------------------------------- appeal eligibility

    static FlowFacts waiting(FlowState state, Instant since, int reqRej, int delRej) {
        return new FlowFacts(ProductType.SAAS, state, since, false, reqRej, delRej, 0, 1, 1);
    }

    @Test
    void theBuyerMayAppealAfterMoreThanFiveDaysOfSellerSilence() {
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER,
                waiting(FlowState.WAITING_FOR_SELLER, NOW.minus(Duration.ofDays(4).plusHours(23)), 0, 0), NOW, SILENCE));
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER,
                waiting(FlowState.WAITING_FOR_SELLER, NOW.minus(SILENCE), 0, 0), NOW, SILENCE), "exactly 5 days");
        assertEquals(List.of(Ground.SELLER_SILENT), AppealRules.grounds(Actor.BUYER,
                waiting(FlowState.WAITING_FOR_SELLER, NOW.minus(SILENCE).minusSeconds(60), 0, 0), NOW, SILENCE));
        // silence on the buyer's own turn gives the buyer nothing, but the seller a ground
        FlowFacts buyerSilent = waiting(FlowState.WAITING_FOR_ACCEPTANCE, NOW.minus(Duration.ofDays(6)), 0, 0);
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER, buyerSilent, NOW, SILENCE));
        assertEquals(List.of(Ground.BUYER_SILENT), AppealRules.grounds(Actor.SELLER, buyerSilent, NOW, SILENCE));
        assertEquals(List.of(), AppealRules.grounds(Actor.SELLER,
                waiting(FlowState.WAITING_FOR_REQUEST, NOW.minus(Duration.ofDays(60)), 0, 0), NOW, SILENCE));
    }

    @Test
    void rejectionsGiveGroundsToAppeal() {
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER, waiting(FlowState.WAITING_FOR_REQUEST, NOW, 2, 0), NOW,
                SILENCE));
        assertEquals(List.of(Ground.REQUEST_REJECTED_3_TIMES), AppealRules.grounds(Actor.BUYER,
                waiting(FlowState.WAITING_FOR_REQUEST, NOW, 3, 0), NOW, SILENCE));
        // rejected twice, delivered again: the appeal takes the place of a third rejection
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER, waiting(FlowState.WAITING_FOR_SELLER, NOW, 0, 2), NOW,
                SILENCE));
        assertEquals(List.of(Ground.DELIVERED_AGAIN_AFTER_2_REJECTIONS), AppealRules.grounds(Actor.BUYER,
                waiting(FlowState.WAITING_FOR_ACCEPTANCE, NOW, 0, 2), NOW, SILENCE));
        assertEquals(List.of(), AppealRules.grounds(Actor.SELLER, waiting(FlowState.WAITING_FOR_ACCEPTANCE, NOW, 0, 2),
                NOW, SILENCE));
        // after the third rejection both sides may appeal
        FlowFacts third = waiting(FlowState.WAITING_FOR_SELLER, NOW, 0, 3);
        assertEquals(List.of(Ground.DELIVERY_REJECTED_3_TIMES), AppealRules.grounds(Actor.BUYER, third, NOW, SILENCE));
        assertEquals(List.of(Ground.DELIVERY_REJECTED_3_TIMES), AppealRules.grounds(Actor.SELLER, third, NOW, SILENCE));
        // nothing once the flow is no longer in progress, and never for operators
        assertEquals(List.of(), AppealRules.grounds(Actor.BUYER, waiting(FlowState.ACCEPTED, NOW, 3, 3), NOW, SILENCE));
        assertEquals(List.of(), AppealRules.grounds(Actor.OPERATOR, third, NOW, SILENCE));
    }

    @Test
    void refusalsExplainWhenAnAppealBecomesPossible() {
        Outcome o = FlowMachine.decide(waiting(FlowState.WAITING_FOR_SELLER, NOW.minus(Duration.ofDays(1)), 0, 0),
                FlowAction.APPEAL, Actor.BUYER, NOW, SILENCE);
        assertEquals(Refusal.NOT_ELIGIBLE, o.refusal());
        assertTrue(o.reason().contains("more than 5 days"), o.reason());
        assertTrue(o.reason().contains("2026-11-29T10:00:00Z"), o.reason());
        assertNull(o.next());
        assertNotNull(AppealRules.silentFrom(waiting(FlowState.WAITING_FOR_ACCEPTANCE, NOW, 0, 0), SILENCE));
        assertNull(AppealRules.silentFrom(waiting(FlowState.WAITING_FOR_REQUEST, NOW, 0, 0), SILENCE));
    }
}
