package dev.opengallery.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.opengallery.notifications.Notifications.Notice;

/** Who hears of which move (plain Java): never the actor, the seller only once brought in, never the buyer's id. */
class TicketNoticesTest {

    static final UUID BUYER = UUID.randomUUID();
    static final UUID SELLER = UUID.randomUUID();
    static final UUID OPERATOR = UUID.randomUUID();
    static final UUID OTHER_OPERATOR = UUID.randomUUID();

    static Ticket ticket(TicketState state, boolean involved, UUID assignee) {
        Ticket t = Ticket.open(new Who(TicketActor.BUYER, BUYER), TicketCategory.OTHER, "Help", "Please",
                new Ticket.Related(UUID.randomUUID(), null, UUID.randomUUID(), SELLER), List.of(), Instant.EPOCH);
        t.state = state;
        t.sellerInvolved = involved;
        t.assigneeId = assignee;
        return t;
    }

    static List<UUID> to(List<Notice> notices) {
        return notices.stream().map(Notice::accountId).toList();
    }

    @Test
    void anOperatorsAnswerTellsTheBuyerAndTheSellerOnlyWhenItWaitsForIt() {
        Who op = new Who(TicketActor.OPERATOR, OPERATOR);
        assertEquals(List.of(BUYER), to(TicketNotices.of(ticket(TicketState.IN_PROGRESS, false, OPERATOR), op,
                TicketAction.REPLY, TicketState.OPEN, "x")));
        assertEquals(List.of(BUYER), to(TicketNotices.of(ticket(TicketState.WAITING_FOR_BUYER, true, OPERATOR), op,
                TicketAction.ASK_BUYER, TicketState.IN_PROGRESS, "x")));
        List<Notice> involved = TicketNotices.of(ticket(TicketState.WAITING_FOR_SELLER, true, OPERATOR), op,
                TicketAction.INVOLVE_SELLER, TicketState.IN_PROGRESS, "x");
        assertEquals(List.of(BUYER, SELLER), to(involved));
        assertEquals("TICKET_SELLER_INVOLVED", involved.get(1).kind());
        assertTrue(involved.get(1).link().startsWith("/seller/tickets/"));
        assertEquals(List.of(BUYER, SELLER), to(TicketNotices.of(ticket(TicketState.RESOLVED, true, OPERATOR), op,
                TicketAction.RESOLVE, TicketState.IN_PROGRESS, "x")));
        // another operator's move tells the assignee nothing; an assignment by another tells the assignee
        assertEquals(List.of(BUYER), to(TicketNotices.of(ticket(TicketState.IN_PROGRESS, false, OTHER_OPERATOR), op,
                TicketAction.REPLY, TicketState.IN_PROGRESS, "x")));
        assertEquals(List.of(OTHER_OPERATOR), to(TicketNotices.of(ticket(TicketState.OPEN, false, OTHER_OPERATOR), op,
                TicketAction.ASSIGN, TicketState.OPEN, null)));
        assertEquals(List.of(), to(TicketNotices.of(ticket(TicketState.OPEN, false, OPERATOR), op,
                TicketAction.ASSIGN, TicketState.OPEN, null)));
    }

    @Test
    void theBuyersAndTheSellersMessagesTellTheAssignee() {
        Who buyer = new Who(TicketActor.BUYER, BUYER);
        Who seller = new Who(TicketActor.SELLER, SELLER);
        assertEquals(List.of(OPERATOR), to(TicketNotices.of(ticket(TicketState.IN_PROGRESS, false, OPERATOR), buyer,
                TicketAction.REPLY, TicketState.WAITING_FOR_BUYER, "x")));
        assertEquals(List.of(), to(TicketNotices.of(ticket(TicketState.OPEN, false, null), buyer, TicketAction.REPLY,
                TicketState.OPEN, "x")));
        // a buyer's message while the ticket waits for the seller is for the seller too
        assertEquals(List.of(SELLER, OPERATOR), to(TicketNotices.of(ticket(TicketState.WAITING_FOR_SELLER, true,
                OPERATOR), buyer, TicketAction.REPLY, TicketState.WAITING_FOR_SELLER, "x")));
        List<Notice> answered = TicketNotices.of(ticket(TicketState.IN_PROGRESS, true, OPERATOR), seller,
                TicketAction.REPLY, TicketState.WAITING_FOR_SELLER, "x");
        assertEquals(List.of(BUYER, OPERATOR), to(answered));
        assertTrue(answered.get(0).body().startsWith("The seller"));
    }
}
