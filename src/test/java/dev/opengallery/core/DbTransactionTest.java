package dev.opengallery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.catalog.SellerProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** The one transaction mechanism: entities and set-based SQL of a unit of work commit or roll back together. */
@QuarkusTest
class DbTransactionTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Db db;

    @Inject
    Pool pool;

    UUID account() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into account (id, subject, created_at) values ($1, $2, now())")
                .execute(Tuple.of(id, "tx-" + id)).await().atMost(WAIT);
        return id;
    }

    static SellerProfile profile(UUID id, String name) {
        SellerProfile p = new SellerProfile();
        p.accountId = id;
        p.companyName = name;
        p.serviceEmail = "s@example.com";
        p.servicePhone = "+1 555 0100";
        p.supportRange = "weekdays";
        p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.updatedAt = p.createdAt;
        return p;
    }

    String companyName(UUID id) {
        var rows = pool.preparedQuery("select company_name from seller_profile where account_id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT);
        return rows.size() == 0 ? null : rows.iterator().next().getString("company_name");
    }

    @Test
    void sqlSeesTheEntitiesOfItsTransactionAndBothCommitTogether() {
        UUID id = account();
        AtomicInteger commits = new AtomicInteger();
        String seen = db.transaction(tx -> tx.session().persist(profile(id, "Acme"))
                .chain(() -> tx.preparedQuery("update seller_profile set company_name = company_name || ' Ltd' "
                        + "where account_id = $1 returning company_name").execute(Tuple.of(id)))
                .map(rows -> rows.iterator().next().getString("company_name"))
                .invoke(() -> tx.afterCommit(commits::incrementAndGet)))
                .await().atMost(WAIT);
        assertEquals("Acme Ltd", seen);
        assertEquals("Acme Ltd", companyName(id));
        assertEquals(1, commits.get());
    }

    @Test
    void aFailureRollsBackEntitiesAndStatementsAndSkipsAfterCommit() {
        UUID id = account();
        AtomicInteger commits = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> db.transaction(tx -> tx.session().persist(profile(id, "Acme"))
                .chain(() -> tx.preparedQuery("update account set display_name = 'changed' where id = $1")
                        .execute(Tuple.of(id)))
                .invoke(() -> tx.afterCommit(commits::incrementAndGet))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("refused"))))
                .await().atMost(WAIT));
        assertEquals(null, companyName(id));
        var name = pool.preparedQuery("select display_name from account where id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next().getString("display_name");
        assertEquals(null, name);
        assertEquals(0, commits.get());
    }

    @Test
    void aStatementFailsWithTheServersErrorAsOnThePool() {
        UUID id = account();
        Throwable failure = assertThrows(PgException.class, () -> db.transaction(tx -> tx
                .preparedQuery("insert into account (id, subject, created_at) values ($1, $2, now())")
                .execute(Tuple.of(UUID.randomUUID(), "tx-" + id))).await().atMost(WAIT));
        PgException pg = (PgException) failure;
        assertEquals("23505", pg.getSqlState());
        assertEquals("account_subject_key", pg.getConstraint());
        assertTrue(pg.getErrorMessage().startsWith("duplicate key value violates unique constraint"), pg.getErrorMessage());
    }

    @Test
    void anOperationCalledInsideAUnitOfWorkJoinsItsTransaction() {
        UUID id = account();
        Tx[] inner = new Tx[1];
        Tx outer = db.transaction(tx -> db.transaction(joined -> {
            inner[0] = joined;
            return joined.session().persist(profile(id, "Joined"));
        }).replaceWith(tx)).await().atMost(WAIT);
        assertSame(outer, inner[0]);
        assertEquals("Joined", companyName(id));
    }
}
