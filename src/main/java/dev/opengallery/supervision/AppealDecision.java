package dev.opengallery.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's decision on an appeal. */
@Schema(name = "AppealDecisionKind")
public enum AppealDecision {
    RESUME, COMPLETE, CANCEL;

    /** The state machine's action for the decision. */
    FlowAction action() {
        return FlowAction.valueOf(name());
    }

    AppealRules.Outcome outcome() {
        return AppealRules.Outcome.valueOf(name());
    }
}
