package dev.opengallery.payments;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.opengallery.core.AccountDirectory;
import dev.opengallery.core.AppClock;
import dev.opengallery.core.Times;
import dev.opengallery.core.Currencies;
import dev.opengallery.core.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The accounts of tokens' subjects. Every signed-in request asks, so the usual answer costs one read and no
 * transaction (the stored claims equal the token's); a first visit opens the account and changed claims update it,
 * through the {@link Account} entity.
 */
@ApplicationScoped
public class AccountIdentities implements AccountDirectory {

    @Inject
    Db db;

    @Inject
    AppClock clock;

    /** A new account keeps its money in the marketplace's default currency. */
    @Inject
    Currencies currencies;

    @Override
    public Uni<UUID> accountOf(Identity who) {
        return find(who.subject()).chain(row -> {
            if (row != null && !AccountRules.identityChanges(row.getString("display_name"), row.getString("email"),
                    row.getString("phone"), who.name(), who.email(), who.phone())) {
                return Uni.createFrom().item(row.getUUID("id"));
            }
            return db.transaction(tx -> Account.bySubject(who.subject()).chain(a -> {
                if (a != null) {
                    a.syncIdentity(who.name(), who.email(), who.phone());
                    return Uni.createFrom().item(a.id());
                }
                Account opened = Account.open(UUID.randomUUID(), who.subject(), who.name(), who.email(), who.phone(),
                        currencies.defaultCurrency(), Times.ts(clock.now()));
                return opened.persist().chain(() -> tx.flush()).replaceWith(opened.id());
            }))
                    // a concurrent first request opened it (or changed it): read it again
                    .onFailure(AccountIdentities::concurrentChange)
                    .recoverWithUni(() -> find(who.subject()).map(again -> again.getUUID("id")));
        });
    }

    /** Another request opened or changed the same account at the same time. */
    static boolean concurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return AccountService.isUniqueViolation(failure);
    }

    private Uni<Row> find(String subject) {
        return db.reads().preparedQuery("select id, display_name, email, phone from account where subject = $1")
                .execute(Tuple.of(subject)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }
}
