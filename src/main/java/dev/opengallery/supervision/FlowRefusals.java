package dev.opengallery.supervision;

import java.util.UUID;

import dev.opengallery.core.ProblemException;

/**
 * A move {@link FlowMachine} refused, as the problem the client sees: 403 not the caller's move, 409 frozen by an
 * open appeal (naming it, who opened it and when), 422 no grounds to appeal, 409 illegal in the flow's state.
 */
final class FlowRefusals {

    private FlowRefusals() {
    }

    static ProblemException problem(FlowMachine.Outcome refused, FlowState state, UUID openAppealId,
            FlowContext context) {
        return switch (refused.refusal()) {
            case ROLE -> new ProblemException(403, "forbidden", "Not allowed for your role", refused.reason(), null,
                    null);
            case FROZEN -> new ProblemException(409, "frozen", "Frozen by an open appeal", "The flow is frozen by "
                    + "appeal " + openAppealId + " opened by the " + ("seller".equals(context.appealRole()) ? "seller"
                            : "buyer") + " at " + context.appealOpenedAt()
                    + "; nobody can move it until an operator decides the appeal", null, state.name());
            case NOT_ELIGIBLE -> ProblemException.unprocessable(refused.reason());
            case ILLEGAL_STATE -> ProblemException.illegalState(refused.reason(), state.name());
        };
    }
}
