package dev.opengallery.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.opengallery.core.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A buyer's application requirement (Hibernate Reactive Panache entity). Its state changes only through
 * {@link #publish}, {@link #reject}, {@link #close} and {@link #checkAnswerable}, which ask {@link RequirementRules};
 * the expiry job closes many at once with one statement by the same rules ({@link RequirementExpiry}). The moves lock
 * the row, so that a close and an answer (or two operators) do not cross.
 */
@Entity
@Table(name = "requirement")
public class Requirement extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "account_id", updatable = false)
    UUID accountId;

    @Column(name = "description", updatable = false, columnDefinition = "text")
    String description;

    @Column(name = "company", updatable = false, columnDefinition = "text")
    String company;

    @Column(name = "contact_person", updatable = false, columnDefinition = "text")
    String contactPerson;

    @Column(name = "phone", updatable = false, columnDefinition = "text")
    String phone;

    @Column(name = "email", updatable = false, columnDefinition = "text")
    String email;

    @Column(name = "category_code", updatable = false, columnDefinition = "text")
    String categoryCode;

    @Column(name = "budget_min", updatable = false, precision = 19, scale = 4)
    BigDecimal budgetMin;

    @Column(name = "budget_max", updatable = false, precision = 19, scale = 4)
    BigDecimal budgetMax;

    @Column(name = "currency", updatable = false, columnDefinition = "char(3)")
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", columnDefinition = "text")
    RequirementState state;

    @Column(name = "reject_reason", columnDefinition = "text")
    String rejectReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason", columnDefinition = "text")
    ClosedReason closedReason;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "published_at")
    OffsetDateTime publishedAt;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "closed_at")
    OffsetDateTime closedAt;

    @Version
    @Column(name = "version")
    int version;

    protected Requirement() {
    }

    /** A new SUBMITTED requirement of the buyer's account. */
    static Requirement post(UUID id, UUID accountId, RequirementRequest r, RequirementRules.Budget budget, Instant now) {
        Requirement q = new Requirement();
        q.id = id;
        q.accountId = accountId;
        q.description = r.description().strip();
        q.company = optional(r.company());
        q.contactPerson = optional(r.contactPerson());
        q.phone = optional(r.phone());
        q.email = optional(r.email());
        q.categoryCode = r.categoryCode();
        if (budget != null) {
            q.budgetMin = budget.min();
            q.budgetMax = budget.max();
            q.currency = budget.currency().getCurrencyCode();
        }
        q.state = RequirementState.SUBMITTED;
        q.createdAt = now.atOffset(ZoneOffset.UTC);
        return q;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------------------------------ finders

    /** The requirement, row-locked for a move; 404 when there is none. */
    static Uni<Requirement> lock(UUID id) {
        return Requirement.<Requirement> findById(id, LockModeType.PESSIMISTIC_WRITE).map(q -> {
            if (q == null) {
                throw ProblemException.notFound("Requirement");
            }
            return q;
        });
    }

    /** The buyer's own requirement, row-locked; 404 when it is another account's. */
    static Uni<Requirement> lockForBuyer(UUID id, UUID accountId) {
        return lock(id).map(q -> {
            if (!q.accountId.equals(accountId)) {
                throw ProblemException.notFound("Requirement");
            }
            return q;
        });
    }

    // -------------------------------------------------------------------------------------------- moves

    /** PUBLISH: an operator shows it to the sellers of its category. */
    void publish(Instant now) {
        state = RequirementRules.next(state, RequirementRules.Move.PUBLISH);
        publishedAt = now.atOffset(ZoneOffset.UTC);
        decidedAt = publishedAt;
    }

    /** REJECT: an operator refuses it, with a reason the buyer is told. */
    void reject(String reason, Instant now) {
        state = RequirementRules.next(state, RequirementRules.Move.REJECT);
        rejectReason = reason.strip();
        decidedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** CLOSE: the buyer closes it (served or not). */
    void close(Instant now) {
        state = RequirementRules.next(state, RequirementRules.Move.CLOSE);
        closedReason = ClosedReason.BUYER;
        closedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** ANSWER: a seller's offer may answer it only while it is published (409 otherwise). */
    void checkAnswerable() {
        RequirementRules.next(state, RequirementRules.Move.ANSWER);
    }

    // ------------------------------------------------------------------------------------------ reading

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public RequirementState state() {
        return state;
    }

    public String description() {
        return description;
    }

    /** Whether it was ever shown to sellers (published, and perhaps closed since). */
    boolean wasPublished() {
        return publishedAt != null;
    }
}
