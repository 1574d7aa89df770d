package dev.opengallery.core;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The caller's account, created on first use from the token's subject. Every read and write of owned data
 * goes through the id this returns.
 */
@RequestScoped
public class CurrentAccount {

    private static final String UPSERT = """
            insert into account (id, subject, display_name, email, created_at) values ($1, $2, $3, $4, $5)
            on conflict (subject) do update set subject = excluded.subject
            returning id""";

    @Inject
    SecurityIdentity identity;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    private UUID cached;

    public Uni<UUID> id() {
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        if (identity.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        String subject = identity.getPrincipal().getName();
        String name = null;
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            name = jwt.getClaim("name");
            email = jwt.getClaim("email");
        }
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(UUID.randomUUID(), subject, name, email, clock.now().atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    cached = rows.iterator().next().getUUID("id");
                    return cached;
                });
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
