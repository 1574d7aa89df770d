package dev.opengallery.tickets;

import java.util.List;

import dev.opengallery.core.ProblemException;

/** A move {@link TicketMachine} refused, as the problem the client sees, naming what the caller may do instead. */
final class TicketRefusals {

    private TicketRefusals() {
    }

    static ProblemException problem(TicketMachine.Outcome refused, TicketState state, List<TicketAction> allowed) {
        String now = allowed.isEmpty() ? "nothing" : String.join(", ", allowed.stream().map(Enum::name).toList());
        return switch (refused.refusal()) {
            case ROLE -> new ProblemException(403, "forbidden", "Not allowed for your role", refused.reason(), null,
                    null);
            case NO_SELLER -> ProblemException.unprocessable(refused.reason());
            case ILLEGAL_STATE -> ProblemException.illegalState(refused.reason() + ". You may now: " + now,
                    state.name());
        };
    }
}
