package dev.opengallery.core;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The caller's account, created on first use from the token's subject (with its name, email and phone_number
 * claims, where notifications are sent; later tokens with other values update them; its currency is the
 * marketplace's default, {@link Currencies#defaultCurrency()}). Every read and write of
 * owned data goes through the id this returns.
 */
@RequestScoped
public class CurrentAccount {

    @Inject
    SecurityIdentity identity;

    /** Reads the account; writes only on a first visit or when the token's claims differ from what is stored. */
    @Inject
    AccountDirectory accounts;

    @Inject
    Outages outages;

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
        String phone = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            name = jwt.getClaim("name");
            email = jwt.getClaim("email");
            phone = jwt.getClaim("phone_number");
        }
        return accounts.accountOf(new AccountDirectory.Identity(subject, name, email, phone))
                .invoke(id -> {
                    cached = id;
                    outages.succeeded(); // the token was verified and the database answered: an outage has ended
                });
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
