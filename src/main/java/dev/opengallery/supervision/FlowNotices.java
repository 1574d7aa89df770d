package dev.opengallery.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.opengallery.notifications.Notifications.Notice;

/**
 * What supervision tells the buyer and the seller, in words: one place for the wording of every move's and every
 * job's notifications (plain text, never a secret). Plain Java; {@link FlowCommands} and {@link SupervisionJobs}
 * send what it writes.
 */
final class FlowNotices {

    private FlowNotices() {
    }

    static String buyerLink(UUID flow) {
        return "/supervision/flows/" + flow;
    }

    static String sellerLink(UUID flow) {
        return "/seller/supervision/flows/" + flow;
    }

    /** "3 hours", or "90 minutes" when not whole hours. */
    static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    /** "5 days", or hours/minutes when not whole days. */
    static String period(Duration d) {
        long days = d.toDays();
        return d.equals(Duration.ofDays(days)) ? days + " days" : hours(d);
    }

    // ------------------------------------------------------------------------------------------- moves

    static Notice requestSubmitted(UUID flow, UUID seller, String product, int attachments) {
        return new Notice(seller, "FLOW_REQUEST_SUBMITTED", "New request: " + product,
                "The buyer of " + product + " submitted a request"
                        + (attachments == 0 ? "" : " with " + attachments + " attachment(s)")
                        + ". It is your turn: deliver, or reject the request with a reason.",
                sellerLink(flow));
    }

    static Notice requestRejected(UUID flow, UUID buyer, String product, int rejections, String why,
            boolean appealable) {
        return new Notice(buyer, "FLOW_REQUEST_REJECTED", "Request rejected: " + product,
                "The seller rejected your request for " + product + " (rejection " + rejections + "): " + why
                        + "\nSubmit the request again" + (appealable ? ", or appeal: the seller has rejected it "
                                + AppealRules.REQUEST_REJECTIONS + " times." : "."),
                buyerLink(flow));
    }

    static Notice delivered(UUID flow, UUID buyer, String product, int milestone, int milestones, String note) {
        return new Notice(buyer, "FLOW_DELIVERED", "Delivered: " + product,
                "The seller delivered " + product
                        + (milestones > 1 ? " (milestone " + milestone + " of " + milestones + ")" : "")
                        + ": " + note + "\nAccept the delivery, or reject it with a reason.",
                buyerLink(flow));
    }

    static Notice accepted(UUID flow, UUID seller, String product, ServiceFlow.Accepted a, int milestones,
            int nextMilestone, Duration completeAfter) {
        return new Notice(seller, "FLOW_ACCEPTED", "Delivery accepted: " + product,
                a.nextMilestone()
                        ? "The buyer accepted milestone " + a.milestone() + " of " + milestones + " of " + product
                                + ". Deliver milestone " + nextMilestone + "."
                        : "The buyer accepted the delivery of " + product + ". The order completes "
                                + hours(completeAfter) + " after acceptance.",
                sellerLink(flow));
    }

    static Notice deliveryRejected(UUID flow, UUID seller, String product, int rejections, String why,
            boolean appealable) {
        return new Notice(seller, "FLOW_DELIVERY_REJECTED", "Delivery rejected: " + product,
                "The buyer rejected your delivery of " + product + " (rejection " + rejections + "): " + why
                        + "\nDeliver again" + (appealable ? ", or appeal: the buyer has rejected it "
                                + AppealRules.DELIVERY_REJECTIONS + " times." : "."),
                sellerLink(flow));
    }

    static Notice reminder(UUID flow, UUID seller, String product, Instant waitingSince) {
        return new Notice(seller, "FLOW_REMINDER", "Reminder: " + product,
                "The buyer of " + product + " is waiting for you (since " + waitingSince
                        + "). Please deliver, or update the service flow.",
                sellerLink(flow));
    }

    /** The other party, then the party that appealed. */
    static List<Notice> appealOpened(UUID flow, UUID buyer, UUID seller, String product, boolean byBuyer, String why) {
        return List.of(
                new Notice(byBuyer ? seller : buyer, "FLOW_APPEAL_OPENED", "Appeal opened: " + product,
                        "The " + (byBuyer ? "buyer" : "seller") + " appealed the service flow of " + product + ": "
                                + why + "\nThe flow is frozen until the operations manager decides.",
                        byBuyer ? sellerLink(flow) : buyerLink(flow)),
                new Notice(byBuyer ? buyer : seller, "FLOW_APPEAL_OPENED", "Your appeal is open: " + product,
                        "Your appeal on " + product + " was received; the operations manager will decide it. Until "
                                + "then the flow is frozen.",
                        byBuyer ? buyerLink(flow) : sellerLink(flow)));
    }

    /** What the decision did, as the parties read it. */
    static String decisionResult(AppealDecision decision, FlowState resumedIn, ServiceFlow.Accepted accepted,
            Duration completeAfter) {
        return switch (decision) {
            case RESUME -> "resumed: the flow continues where it was (" + resumedIn + ")";
            case COMPLETE -> accepted.nextMilestone()
                    ? "completed: milestone " + accepted.milestone() + " counts as accepted"
                    : "completed as if accepted: the order completes " + hours(completeAfter) + " later";
            case CANCEL -> "canceled: the order is canceled and what you paid is refunded";
        };
    }

    /** The buyer, then the seller. */
    static List<Notice> appealDecided(UUID flow, UUID buyer, UUID seller, String product, String result,
            String note) {
        String body = "The operations manager decided the appeal on " + product + ": " + result + ".\nNote: " + note;
        return List.of(new Notice(buyer, "FLOW_APPEAL_DECIDED", "Appeal decided: " + product, body, buyerLink(flow)),
                new Notice(seller, "FLOW_APPEAL_DECIDED", "Appeal decided: " + product, body, sellerLink(flow)));
    }

    // -------------------------------------------------------------------------------------------- jobs

    static String appealableNote(FlowState waiting, Duration silence) {
        return waiting == FlowState.WAITING_FOR_SELLER
                ? "The seller has not updated the flow for more than " + period(silence) + ": the buyer may appeal"
                : "The buyer has not acted on the delivery for more than " + period(silence)
                        + ": the seller may appeal";
    }

    /** To the party waiting on the other: the buyer while it is the seller's turn, else the seller. */
    static Notice appealable(UUID flow, UUID buyer, UUID seller, String product, FlowState state, Duration silence) {
        String days = period(silence);
        if (state == FlowState.WAITING_FOR_SELLER) {
            return new Notice(buyer, "FLOW_APPEALABLE", "You may appeal: " + product, "The seller of " + product
                    + " has not updated the service flow for more than " + days
                    + ". You can send a reminder or initiate an appeal.", buyerLink(flow));
        }
        return new Notice(seller, "FLOW_APPEALABLE", "You may appeal: " + product, "The buyer of " + product
                + " has not acted on your delivery for more than " + days + ". You can initiate an appeal.",
                sellerLink(flow));
    }

    static String completedNote(Duration completeAfter) {
        return "Completed " + hours(completeAfter) + " after acceptance";
    }

    /** The buyer, then the seller. */
    static List<Notice> completed(UUID flow, UUID buyer, UUID seller, String product) {
        return List.of(new Notice(buyer, "FLOW_COMPLETED", "Completed: " + product, "Service supervision of "
                + product + " is complete and your order is completed.", buyerLink(flow)),
                new Notice(seller, "FLOW_COMPLETED", "Completed: " + product, "Service supervision of " + product
                        + " is complete and the order is completed.", sellerLink(flow)));
    }

    static String closeNote(Duration age) {
        return "Open for more than " + age.toDays() + " days with an invoice requested: closed, order completed";
    }

    static String cancelNote(Duration age) {
        return "Open for more than " + age.toDays() + " days without an invoice request: order canceled and refunded";
    }

    /** The buyer, then the seller: the flow was CLOSED (invoice requested) or CANCELED by the age rule. */
    static List<Notice> closedByAge(UUID flow, UUID buyer, UUID seller, String product, boolean closed, Duration age) {
        String days = age.toDays() + " days";
        String kind = closed ? "FLOW_CLOSED" : "FLOW_CANCELED";
        String title = (closed ? "Closed: " : "Canceled: ") + product;
        String body = closed
                ? "Service supervision of " + product + " ran for more than " + days
                        + ". As an invoice was requested, the flow is closed and the order completed."
                : "Service supervision of " + product + " ran for more than " + days
                        + " without an invoice request: the order is canceled and what was paid is refunded.";
        return List.of(new Notice(buyer, kind, title, body, buyerLink(flow)),
                new Notice(seller, kind, title, body, sellerLink(flow)));
    }
}
