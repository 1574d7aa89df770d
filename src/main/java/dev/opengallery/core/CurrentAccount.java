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
 * The caller's account, created on first use from the token's subject (with its name, email and phone_number
 * claims, where notifications are sent; later tokens with other values update them; its currency is the
 * marketplace's default, {@link Currencies#defaultCurrency()}). Every read and write of
 * owned data goes through the id this returns.
 */
@RequestScoped
public class CurrentAccount {

    /**
     * Reads the account; writes only on a first visit, or when the token's name, email or phone_number differs
     * from what is stored (a claim the token does not carry leaves the stored value as it is), so no row is
     * rewritten on every request.
     */
    private static final String UPSERT = """
            with found as (select id from account where subject = $2),
            refreshed as (
                update account set display_name = coalesce($3, display_name), email = coalesce($4, email),
                                   phone = coalesce($6, phone)
                where subject = $2
                  and (($3::text is not null and display_name is distinct from $3::text)
                    or ($4::text is not null and email is distinct from $4::text)
                    or ($6::text is not null and phone is distinct from $6::text))
                returning id),
            created as (
                insert into account (id, subject, display_name, email, phone, created_at, currency)
                select $1, $2, $3, $4, $6, $5, $7 where not exists (select 1 from found)
                on conflict (subject) do nothing returning id)
            select id from found union all select id from created""";

    @Inject
    SecurityIdentity identity;

    @Inject
    Pool pool;

    @Inject
    AppClock clock;

    /** A new account keeps its money in the marketplace's default currency. */
    @Inject
    Currencies currencies;

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
        String sub = subject;
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(sub).addValue(name).addValue(email)
                        .addValue(clock.now().atOffset(java.time.ZoneOffset.UTC)).addValue(phone)
                        .addValue(currencies.defaultCurrency().getCurrencyCode()))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(rows.iterator().next().getUUID("id"))
                        // a concurrent first request created it: read it with a fresh snapshot
                        : pool.preparedQuery("select id from account where subject = $1").execute(Tuple.of(sub))
                                .map(again -> again.iterator().next().getUUID("id")))
                .invoke(id -> {
                    cached = id;
                    outages.succeeded(); // the token was verified and the database answered: an outage has ended
                });
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
