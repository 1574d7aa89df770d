package dev.opengallery.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.FormFields;
import dev.opengallery.core.ProblemException;
import dev.opengallery.supervision.AppealRules.Ground;
import dev.opengallery.supervision.AppealRules.Outcome;
import dev.opengallery.supervision.AppealRules.Status;

/**
 * The rules the sweeps and the appeal decisions take from the rule classes (source and target states of the system
 * actions, the waiting party and its ground, when an appeal can be decided, how the 365-day rule ends an appeal),
 * the input checks and the notification wording, plain Java.
 */
class SupervisionRulesTest {

    @Test
    void systemActionsMoveFromTheStatesTheSweepsSelect() {
        assertEquals(EnumSet.of(FlowState.ACCEPTED), FlowMachine.sources(FlowAction.AUTO_COMPLETE));
        assertEquals(FlowState.OPEN, FlowMachine.sources(FlowAction.AUTO_CLOSE));
        assertEquals(FlowState.OPEN, FlowMachine.sources(FlowAction.AUTO_CANCEL));
        assertEquals(FlowState.COMPLETED, FlowMachine.target(FlowAction.AUTO_COMPLETE, FlowState.ACCEPTED));
        for (FlowState open : FlowState.OPEN) {
            assertEquals(FlowState.CLOSED, FlowMachine.target(FlowAction.AUTO_CLOSE, open));
            assertEquals(FlowState.CANCELED, FlowMachine.target(FlowAction.AUTO_CANCEL, open));
        }
        assertThrows(IllegalArgumentException.class, () -> FlowMachine.target(FlowAction.AUTO_COMPLETE,
                FlowState.WAITING_FOR_SELLER));
        assertThrows(IllegalArgumentException.class, () -> FlowMachine.sources(FlowAction.ACCEPT));
        // the 365-day rule closes (rather than cancels) an order whose invoice was requested and not returned
        assertEquals(List.of("REQUESTED", "ISSUED", "RETURN_REQUESTED"), SupervisionJobs.INVOICE_REQUESTED);
    }

    @Test
    void theWaitingPartyAppealsTheOthersSilence() {
        assertEquals(EnumSet.of(FlowState.WAITING_FOR_SELLER, FlowState.WAITING_FOR_ACCEPTANCE),
                AppealRules.SILENCE_STATES);
        assertEquals(Actor.BUYER, AppealRules.waitingParty(FlowState.WAITING_FOR_SELLER));
        assertEquals(Actor.SELLER, AppealRules.waitingParty(FlowState.WAITING_FOR_ACCEPTANCE));
        assertEquals(Ground.SELLER_SILENT, AppealRules.silenceGround(Actor.BUYER));
        assertEquals(Ground.BUYER_SILENT, AppealRules.silenceGround(Actor.SELLER));
    }

    @Test
    void theBuyerRemindsAtMostOncePerInterval() {
        java.time.Instant t = java.time.Instant.parse("2026-11-25T10:00:00Z");
        Duration day = Duration.ofHours(24);
        assertTrue(ReminderPolicy.allowed(null, t, day));
        assertNull(ReminderPolicy.next(null, day));
        assertNull(ReminderPolicy.pending(null, t, day));
        assertEquals(t.plus(day), ReminderPolicy.next(t, day));
        assertEquals(false, ReminderPolicy.allowed(t, t.plus(day).minusSeconds(1), day));
        assertEquals(t.plus(day), ReminderPolicy.pending(t, t.plus(day).minusSeconds(1), day));
        assertTrue(ReminderPolicy.allowed(t, t.plus(day), day));
        assertNull(ReminderPolicy.pending(t, t.plus(day), day));
    }

    @Test
    void onlyTheFlowsOpenAppealIsDecidedAndOnlyOnce() {
        assertNull(AppealRules.decisionRefusal(Status.OPEN, true));
        assertEquals("The appeal was already decided", AppealRules.decisionRefusal(Status.OPEN, false));
        assertEquals("The appeal was already decided", AppealRules.decisionRefusal(Status.DECIDED, true));
        assertEquals("The appeal was already decided", AppealRules.decisionRefusal(Status.CLOSED, false));
        assertEquals(Outcome.AUTO_CLOSE, AppealRules.closedBy(FlowState.CLOSED));
        assertEquals(Outcome.AUTO_CANCEL, AppealRules.closedBy(FlowState.CANCELED));
        for (AppealDecision d : AppealDecision.values()) {
            assertEquals(d.name(), d.action().name());
            assertEquals(d.name(), d.outcome().name());
        }
    }

    @Test
    void inputIsCheckedBeforeAnythingIsRead() {
        assertNull(FormFields.version(null));
        assertNull(FormFields.version(" "));
        assertEquals(4L, FormFields.version(" 4 "));
        assertEquals("version", field(() -> FormFields.version("abc")));
        assertEquals("version", field(() -> FormFields.version("-1")));
        assertEquals("reason", field(() -> FlowInput.reason(" ")));
        assertEquals("reason", field(() -> FlowInput.reason("x".repeat(FlowInput.MAX_REASON + 1))));
        assertEquals("reason", field(() -> FlowInput.reason("a\u0000b")));
        assertEquals("why", FlowInput.reason("  why "));
        assertEquals("confirmNoUnsubscribe", field(() -> FlowInput.acceptance(null, "x")));
        assertEquals("confirmNoUnsubscribe", field(() -> FlowInput.acceptance(false, "x")));
        assertNull(FlowInput.acceptance(true, " "));
        assertEquals("request", field(() -> FlowInput.request(null, "x")));
        assertEquals(new FlowInput.Request("r", null), FlowInput.request(" r ", null));

        FlowInput.Delivery d = FlowInput.delivery(new FlowInput.DeliveryFields("Sent", " TRUE ", null, "", null, null));
        assertTrue(d.offlineConfirmed());
        assertEquals(false, d.appInfo());
        d = FlowInput.delivery(new FlowInput.DeliveryFields("Sent", null, "admin", null, null, "https://x.example"));
        assertTrue(d.appInfo());
        assertEquals(false, d.offlineConfirmed());
        assertEquals("offlineDeliveryConfirmed", field(() -> FlowInput.delivery(
                new FlowInput.DeliveryFields("Sent", "maybe", null, null, null, null))));
        assertEquals("managementUrl", field(() -> FlowInput.delivery(
                new FlowInput.DeliveryFields("Sent", null, null, null, "ftp://x.example", null))));
        assertEquals("password", field(() -> FlowInput.delivery(
                new FlowInput.DeliveryFields("Sent", null, null, "p".repeat(201), null, null))));
        assertEquals("note", field(() -> FlowInput.delivery(
                new FlowInput.DeliveryFields(null, null, null, null, null, null))));

        assertEquals(Status.OPEN, FlowInput.appealStatus(null));
        assertEquals(Status.DECIDED, FlowInput.appealStatus(" decided "));
        assertNull(FlowInput.appealStatus("ALL"));
        assertEquals("status", field(() -> FlowInput.appealStatus("nope")));
    }

    @Test
    void noticesNameTheProductAndLeadToEachPartysPage() {
        UUID flow = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        var n = FlowNotices.requestRejected(flow, buyer, "Helpdesk", 3, "Which e-mail?", true);
        assertEquals(buyer, n.accountId());
        assertEquals("/supervision/flows/" + flow, n.link());
        assertTrue(n.body().contains("rejection 3") && n.body().endsWith("rejected it 3 times."), n.body());
        var opened = FlowNotices.appealOpened(flow, buyer, seller, "Helpdesk", false, "No reaction");
        assertEquals(List.of(buyer, seller), opened.stream().map(x -> x.accountId()).toList());
        assertEquals("/seller/supervision/flows/" + flow, opened.get(1).link());
        assertEquals("5 days", FlowNotices.period(Duration.ofDays(5)));
        assertEquals("3 hours", FlowNotices.hours(Duration.ofHours(3)));
        assertEquals("90 minutes", FlowNotices.period(Duration.ofMinutes(90)));
        assertTrue(FlowNotices.appealable(flow, buyer, seller, "Helpdesk", FlowState.WAITING_FOR_ACCEPTANCE,
                Duration.ofDays(5)).accountId().equals(seller));
        assertEquals("completed as if accepted: the order completes 3 hours later", FlowNotices.decisionResult(
                AppealDecision.COMPLETE, FlowState.WAITING_FOR_ACCEPTANCE, new ServiceFlow.Accepted(1, false),
                Duration.ofHours(3)));
    }

    static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        return e.toProblem().errors().get(0).field();
    }
}
