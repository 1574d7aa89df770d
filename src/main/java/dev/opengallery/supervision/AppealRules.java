package dev.opengallery.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may appeal, and on what grounds. The one definition of appeal eligibility: the appeal API and the
 * appealability job both call {@link #grounds}.
 */
public final class AppealRules {

    /** After this many request rejections by the seller the buyer may appeal. */
    public static final int REQUEST_REJECTIONS = 3;
    /** After this many delivery rejections by the buyer both sides may appeal. */
    public static final int DELIVERY_REJECTIONS = 3;

    @Schema(name = "AppealGround")
    public enum Ground {
        /** Buyer: it has been the seller's turn for more than the silence period (5 days). */
        SELLER_SILENT,
        /** Buyer: the seller has rejected the request 3 times. */
        REQUEST_REJECTED_3_TIMES,
        /** Buyer: rejected the delivery twice and the seller delivered again (the appeal replaces a third rejection). */
        DELIVERED_AGAIN_AFTER_2_REJECTIONS,
        /** Buyer or seller: the buyer has rejected the delivery 3 times. */
        DELIVERY_REJECTED_3_TIMES,
        /** Seller: the buyer has not acted on a delivery for more than the silence period (5 days). */
        BUYER_SILENT
    }

    /** Where an appeal stands: OPEN freezes its flow; an operator's decision or the 365-day rule ends it. */
    public enum Status {
        OPEN, DECIDED, CLOSED
    }

    /** How an appeal ended: an operator's decision, or the 365-day rule closing the flow with it. */
    public enum Outcome {
        RESUME, COMPLETE, CANCEL, AUTO_CLOSE, AUTO_CANCEL
    }

    /**
     * The states in which one party waits on the other (the seller's turn, the buyer's acceptance): where silence
     * counts, and where the appealability job looks.
     */
    public static final Set<FlowState> SILENCE_STATES = Collections.unmodifiableSet(
            EnumSet.of(FlowState.WAITING_FOR_SELLER, FlowState.WAITING_FOR_ACCEPTANCE));

    private AppealRules() {
    }

    /** Who waits on the other in {@code state} (one of {@link #SILENCE_STATES}): the buyer, or the seller. */
    public static Actor waitingParty(FlowState state) {
        return state == FlowState.WAITING_FOR_SELLER ? Actor.BUYER : Actor.SELLER;
    }

    /** The ground on which the waiting {@code party} may appeal the other's silence. */
    public static Ground silenceGround(Actor party) {
        return party == Actor.BUYER ? Ground.SELLER_SILENT : Ground.BUYER_SILENT;
    }

    /**
     * Why an operator may not decide an appeal (null when it may): only the flow's open appeal is decided, once.
     *
     * @param openOnItsFlow the appeal is the one its flow names as open
     */
    public static String decisionRefusal(Status status, boolean openOnItsFlow) {
        return status == Status.OPEN && openOnItsFlow ? null : "The appeal was already decided";
    }

    /** How the 365-day rule ends an open appeal when it moves the flow to {@code to} (CLOSED or CANCELED). */
    public static Outcome closedBy(FlowState to) {
        return to == FlowState.CLOSED ? Outcome.AUTO_CLOSE : Outcome.AUTO_CANCEL;
    }

    /**
     * The grounds on which {@code party} (BUYER or SELLER) may appeal now; empty when it may not. Whether the flow
     * is frozen is not looked at here (the state machine refuses every party move on a frozen flow).
     */
    public static List<Ground> grounds(Actor party, FlowFacts f, Instant now, Duration silence) {
        List<Ground> out = new ArrayList<>();
        if (!f.state().open() || (party != Actor.BUYER && party != Actor.SELLER)) {
            return out;
        }
        boolean silent = f.stateSince() != null && f.stateSince().plus(silence).isBefore(now);
        if (party == Actor.BUYER) {
            if (f.state() == FlowState.WAITING_FOR_SELLER && silent) {
                out.add(Ground.SELLER_SILENT);
            }
            if (f.requestRejections() >= REQUEST_REJECTIONS) {
                out.add(Ground.REQUEST_REJECTED_3_TIMES);
            }
            if (f.state() == FlowState.WAITING_FOR_ACCEPTANCE && f.deliveryRejections() == DELIVERY_REJECTIONS - 1) {
                out.add(Ground.DELIVERED_AGAIN_AFTER_2_REJECTIONS);
            }
            if (f.deliveryRejections() >= DELIVERY_REJECTIONS) {
                out.add(Ground.DELIVERY_REJECTED_3_TIMES);
            }
        } else {
            if (f.state() == FlowState.WAITING_FOR_ACCEPTANCE && silent) {
                out.add(Ground.BUYER_SILENT);
            }
            if (f.deliveryRejections() >= DELIVERY_REJECTIONS) {
                out.add(Ground.DELIVERY_REJECTED_3_TIMES);
            }
        }
        return out;
    }

    /** When the waiting party's silence makes the flow appealable (null when no one is waiting on the other). */
    public static Instant silentFrom(FlowFacts f, Duration silence) {
        if (SILENCE_STATES.contains(f.state()) && f.stateSince() != null) {
            return f.stateSince().plus(silence);
        }
        return null;
    }
}
