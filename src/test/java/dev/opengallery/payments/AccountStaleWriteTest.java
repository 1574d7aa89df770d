package dev.opengallery.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The account's optimistic lock: a change made from a copy that another transaction changed meanwhile is refused
 * (the stale-write failure that answers 409, or that the identity sync recovers from by reading again), and the
 * other transaction's change is kept, not overwritten.
 */
@QuarkusTest
class AccountStaleWriteTest {

    @Inject
    Db db;

    @Inject
    Pool pool;

    private UUID account(String subject) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into account (id, subject, display_name, created_at, currency, balance, credit_limit)
                values ($1, $2, 'Before', $3, 'USD', 0, 0)""")
                .execute(Tuple.of(id, subject, Instant.now().atOffset(ZoneOffset.UTC))).await().indefinitely();
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select display_name, version from account where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    @Test
    void aStaleCopyIsRefusedAndTheConcurrentChangeIsKept() {
        String subject = "stale-" + UUID.randomUUID();
        UUID id = account(subject);
        long before = row(id).getLong("version");

        Throwable failure = assertThrows(Throwable.class, () -> db.transaction(tx -> Account.bySubject(subject)
                // another request changes the account after this one read it
                .call(a -> pool.preparedQuery(
                        "update account set display_name = 'Theirs', version = version + 1 where id = $1")
                        .execute(Tuple.of(id)))
                .invoke(a -> a.syncIdentity("Mine", null, null))
                .chain(a -> tx.flush())).await().indefinitely());

        assertTrue(AccountIdentities.concurrentChange(failure), "a stale write, not " + failure);
        Row after = row(id);
        assertEquals("Theirs", after.getString("display_name"));
        assertEquals(before + 1, after.getLong("version"));
    }

    @Test
    void aFreshCopyWritesAndMovesTheVersion() {
        String subject = "fresh-" + UUID.randomUUID();
        UUID id = account(subject);
        long before = row(id).getLong("version");

        db.transaction(tx -> Account.bySubject(subject).invoke(a -> a.syncIdentity("Mine", null, null))
                .chain(a -> tx.flush())).await().indefinitely();

        Row after = row(id);
        assertEquals("Mine", after.getString("display_name"));
        assertEquals(before + 1, after.getLong("version"));
    }
}
