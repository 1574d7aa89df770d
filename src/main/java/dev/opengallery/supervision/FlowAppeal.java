package dev.opengallery.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An appeal on a {@link ServiceFlow}: opened by the buyer or the seller (which freezes the flow), decided by an
 * operator, or closed by the 365-day rule ({@link SupervisionJobs}, set-based). Opened and decided only through the
 * flow's methods, which ask {@link FlowMachine} and {@link AppealRules}.
 */
@Entity
@Table(name = "flow_appeal")
public class FlowAppeal extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "flow_id", nullable = false, updatable = false)
    UUID flowId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    UUID openedBy;

    @Column(name = "opened_role", nullable = false, updatable = false)
    String openedRole;

    @Column(name = "reason", nullable = false, updatable = false)
    String reason;

    @Column(name = "grounds", nullable = false, updatable = false, columnDefinition = "text[]")
    String[] grounds;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_at_open", nullable = false, updatable = false)
    FlowState stateAtOpen;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    AppealRules.Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    AppealRules.Outcome decision;

    @Column(name = "decision_note")
    String decisionNote;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    OffsetDateTime openedAt;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    protected FlowAppeal() {
    }

    /** A new OPEN appeal (the flow names it as its open appeal). */
    static FlowAppeal open(UUID flowId, Who who, String reason, List<AppealRules.Ground> grounds, FlowState state,
            OffsetDateTime now) {
        FlowAppeal a = new FlowAppeal();
        a.id = UUID.randomUUID();
        a.flowId = flowId;
        a.openedBy = who.accountId();
        a.openedRole = who.actor().role();
        a.reason = reason;
        a.grounds = grounds.stream().map(Enum::name).toArray(String[]::new);
        a.stateAtOpen = state;
        a.status = AppealRules.Status.OPEN;
        a.openedAt = now;
        return a;
    }

    /** Refuses (409) unless this is the open appeal of its flow, still undecided. */
    void checkDecidable(UUID openOnFlow) {
        String refusal = AppealRules.decisionRefusal(status, id.equals(openOnFlow));
        if (refusal != null) {
            throw ProblemException.illegalState(refusal, status.name());
        }
    }

    /** The operator's decision. */
    void decide(AppealDecision d, String note, UUID operator, OffsetDateTime now) {
        status = AppealRules.Status.DECIDED;
        decision = d.outcome();
        decisionNote = note;
        decidedBy = operator;
        decidedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID flowId() {
        return flowId;
    }

    String openedRole() {
        return openedRole;
    }
}
