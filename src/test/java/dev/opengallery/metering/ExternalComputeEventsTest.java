package dev.opengallery.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.opengallery.core.Db;
import dev.opengallery.support.ExternalTriggers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * With the jobs triggered from outside (no timer drains the compute-event outbox, and the service may be scaled to
 * zero until the outbox's next trigger), an event is sent to the compute service as soon as the change that queued
 * it commits: here the RESUME of an ECS suspended for arrears, once its account's top-up settles them.
 */
@QuarkusTest
@TestProfile(ExternalTriggers.class)
class ExternalComputeEventsTest {

    @Inject
    Db db;

    @Inject
    Pool pool;

    @Inject
    ArrearsSettlement arrears;

    @Test
    void aQueuedEventIsSentOnceItsChangeCommits() throws InterruptedException {
        UUID account = UUID.randomUUID();
        String ecs = "ecs-external-" + account;
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        pool.preparedQuery("insert into account (id, subject, created_at, currency, balance, credit_limit) "
                + "values ($1, $2, $3, 'USD', 0, 0)").execute(Tuple.of(account, "ext-" + account, now))
                .await().indefinitely();
        pool.preparedQuery("insert into metering_account (account_id, arrears, updated_at) values ($1, 0, $2)")
                .execute(Tuple.of(account, now)).await().indefinitely();
        pool.preparedQuery("insert into metering_ecs (ecs_id, account_id, status, arrears_suspended, created_at, "
                + "updated_at) values ($1, $2, 'SUSPENDED', true, $3, $3)").execute(Tuple.of(ecs, account, now))
                .await().indefinitely();

        // the account owes nothing any more: its suspended ECS is resumed, in the top-up's transaction
        db.transaction(tx -> arrears.afterTopUp(tx, account)).await().indefinitely();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestComputeEventsResource.forEcs(ecs).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("RESUME"), TestComputeEventsResource.forEcs(ecs).stream().map(e -> e.getString("type"))
                .toList());
        // the row is marked SENT once the compute service has answered, a moment after it received the event
        String status = status(ecs);
        while (!"SENT".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = status(ecs);
        }
        assertEquals("SENT", status);
    }

    private String status(String ecs) {
        return pool.preparedQuery("select status from metering_outbox where ecs_id = $1")
                .execute(Tuple.of(ecs)).await().indefinitely().iterator().next().getString("status");
    }
}
