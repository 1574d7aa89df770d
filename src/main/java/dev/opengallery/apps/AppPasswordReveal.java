package dev.opengallery.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.opengallery.core.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** The audit of one attempt to reveal a SaaS app's password (append only; the rate limit counts REVEALED rows). */
@Entity
@Table(name = "app_password_reveal")
public class AppPasswordReveal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "subject", columnDefinition = "text")
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", columnDefinition = "text")
    private SubscriptionRules.Reveal outcome;

    @Column(name = "at")
    private OffsetDateTime at;

    protected AppPasswordReveal() {
    }

    static Uni<Void> record(Tx tx, UUID subscriptionId, UUID accountId, String subject,
            SubscriptionRules.Reveal outcome, Instant at) {
        AppPasswordReveal r = new AppPasswordReveal();
        r.subscriptionId = subscriptionId;
        r.accountId = accountId;
        r.subject = subject;
        r.outcome = outcome;
        r.at = at.atOffset(ZoneOffset.UTC);
        return tx.session().persist(r);
    }
}
