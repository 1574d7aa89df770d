package dev.opengallery.tickets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.opengallery.notifications.Notifications.Notice;

/**
 * Who hears of a ticket's move, in words (plain text, never a secret; the seller's never name the buyer). The buyer
 * hears of every operator's or seller's message and every change of state; the seller when brought in and of every
 * later message while the ticket waits for it, and when the ticket is resolved or closed; the assigned operator of the
 * buyer's and the seller's messages, reopenings and closings, and of the assignment itself. Nobody hears of their own
 * move.
 */
final class TicketNotices {

    private TicketNotices() {
    }

    static String buyerLink(UUID ticket) {
        return "/tickets/" + ticket;
    }

    static String sellerLink(UUID ticket) {
        return "/seller/tickets/" + ticket;
    }

    static String operatorLink(UUID ticket) {
        return "/operator/tickets/" + ticket;
    }

    /** The notices of one move by {@code who}: {@code action} took the ticket from {@code from} to its state now. */
    static List<Notice> of(Ticket t, Who who, TicketAction action, TicketState from, String text) {
        List<Notice> out = new ArrayList<>();
        boolean moved = from != t.state();
        String subject = t.subject();
        String said = text == null ? "" : "\n\n" + text;
        if (who.actor() != TicketActor.BUYER && action != TicketAction.ASSIGN) {
            String title = moved ? "Ticket " + words(t.state()) + ": " + subject : "New answer on your ticket: " + subject;
            String by = who.actor() == TicketActor.SELLER ? "The seller" : "The marketplace's support";
            out.add(new Notice(t.accountId(), moved ? "TICKET_STATE_CHANGED" : "TICKET_MESSAGE", title,
                    by + " " + doing(action) + " your ticket \"" + subject + "\"; it is now " + words(t.state()) + "."
                            + said, buyerLink(t.id())));
        }
        boolean sellerHears = t.sellerInvolved && who.actor() != TicketActor.SELLER && t.sellerId() != null
                && (action == TicketAction.INVOLVE_SELLER || t.state() == TicketState.WAITING_FOR_SELLER
                        || (moved && !t.state().active()));
        if (sellerHears) {
            out.add(new Notice(t.sellerId(), action == TicketAction.INVOLVE_SELLER ? "TICKET_SELLER_INVOLVED"
                    : "TICKET_MESSAGE", action == TicketAction.INVOLVE_SELLER ? "Your answer is needed: " + subject
                            : "Ticket " + words(t.state()) + ": " + subject,
                    (action == TicketAction.INVOLVE_SELLER
                            ? "The marketplace's support brought you into a buyer's service ticket about your product."
                                    + " Please answer it."
                            : "The ticket you were brought into is now " + words(t.state()) + ".") + said,
                    sellerLink(t.id())));
        }
        UUID assignee = t.assigneeId();
        if (assignee != null && !assignee.equals(who.accountId())
                && (who.actor() != TicketActor.OPERATOR || action == TicketAction.ASSIGN)) {
            String by = switch (who.actor()) {
                case BUYER -> "The buyer";
                case SELLER -> "The seller";
                case OPERATOR -> "An operator";
                case SYSTEM -> "The service";
            };
            out.add(new Notice(assignee, action == TicketAction.ASSIGN ? "TICKET_ASSIGNED" : "TICKET_MESSAGE",
                    (action == TicketAction.ASSIGN ? "Ticket assigned to you: " : "Ticket update: ") + subject,
                    by + " " + doing(action) + " the ticket; it is now " + words(t.state()) + "." + said,
                    operatorLink(t.id())));
        }
        return out;
    }

    /** The assigned operator's notice of a ticket that became overdue. */
    static Notice overdue(UUID ticket, UUID assignee, String subject, Duration answerWithin) {
        return new Notice(assignee, "TICKET_OVERDUE", "Ticket overdue: " + subject,
                "The ticket \"" + subject + "\" has waited for an operator's answer for " + answerWithin.toHours()
                        + " hours or more. It is first in the queue until an operator answers.",
                operatorLink(ticket));
    }

    /** The buyer's notice of a resolved ticket closed by the service after the reopen period. */
    static Notice autoClosed(UUID ticket, UUID buyer, String subject, int days) {
        return new Notice(buyer, "TICKET_STATE_CHANGED", "Ticket closed: " + subject,
                "Your ticket \"" + subject + "\" was resolved " + days + " days ago and is now closed. If you still "
                        + "need help, open a new ticket.", buyerLink(ticket));
    }

    static String autoCloseNote(int days) {
        return "Closed automatically " + days + " days after its resolution";
    }

    static String overdueNote(Duration answerWithin) {
        return "No operator answer for " + answerWithin.toHours() + " hours: overdue";
    }

    static String words(TicketState s) {
        return switch (s) {
            case OPEN -> "open";
            case IN_PROGRESS -> "in progress";
            case WAITING_FOR_BUYER -> "waiting for your answer";
            case WAITING_FOR_SELLER -> "waiting for the seller";
            case RESOLVED -> "resolved";
            case CLOSED -> "closed";
        };
    }

    static String doing(TicketAction a) {
        return switch (a) {
            case REPLY -> "answered";
            case REOPEN -> "reopened";
            case CLOSE -> "closed";
            case ASSIGN -> "assigned";
            case ASK_BUYER -> "asked for more information on";
            case INVOLVE_SELLER -> "brought the seller into";
            case RESOLVE -> "resolved";
            case AUTO_CLOSE -> "closed";
        };
    }
}
