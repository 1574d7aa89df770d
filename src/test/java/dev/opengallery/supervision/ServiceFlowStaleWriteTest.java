package dev.opengallery.supervision;

import static dev.opengallery.supervision.SupervisionFixtures.*;
import static dev.opengallery.support.Tokens.customer;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.opengallery.core.AppClock;
import dev.opengallery.core.Db;
import dev.opengallery.core.Problem;
import dev.opengallery.core.ProblemMappers;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The flow's version guards every write: a move made on a flow whose row changed after it was read (here read
 * without the row lock the moves take, and changed by another connection meanwhile) fails as a whole, nothing of
 * it is written, and the client gets 409 stale-version.
 */
@QuarkusTest
class ServiceFlowStaleWriteTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    AppClock clock;

    static SupervisionFixtures f;

    @BeforeEach
    void catalogue() {
        if (f == null) {
            f = new SupervisionFixtures();
        }
    }

    @Test
    void aWriteOnAStaleVersionFailsWholeAndAnswers409() {
        String c = customerWith("1000.00");
        String flow = paidFlow(c, f.license);
        UUID id = UUID.fromString(flow);
        Who seller = new Who(Actor.SELLER, accountId(pool, f.seller));
        long before = count(pool, "select version from service_flow where id = $1", id);

        Throwable failure = db.transaction(tx -> ServiceFlow.load(tx, id, seller, LockModeType.NONE)
                // another writer moves the row on after it was read
                .call(() -> pool.preparedQuery("update service_flow set version = version + 1 where id = $1")
                        .execute(Tuple.of(id)))
                .chain(flow1 -> {
                    flow1.deliver(seller, "Key sent", true, false, List.of(), clock.now(), Duration.ofDays(5));
                    return flow1.save(tx);
                }))
                .onItem().transform(v -> (Throwable) null).onFailure().recoverWithItem(t -> t)
                .await().atMost(Duration.ofSeconds(30));

        assertNotNull(failure, "the stale write must fail");
        Throwable cause = failure;
        while (!(cause instanceof OptimisticLockException || cause instanceof StaleStateException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof OptimisticLockException || cause instanceof StaleStateException,
                "an optimistic lock failure, not " + failure);
        // nothing of the move was written: no operation record, the state and the other writer's version stay
        assertEquals(0, count(pool, "select count(*) from flow_operation where flow_id = $1", id));
        assertEquals(before + 1, count(pool, "select version from service_flow where id = $1", id));
        customer(c).get("/api/supervision/flows/" + flow).then().statusCode(200)
                .body("flow.state", is("WAITING_FOR_SELLER"), "flow.version", is((int) before + 1));

        // the answer a client gets for it
        RestResponse<Problem> answer = new ProblemMappers().unexpected(new java.util.concurrent.CompletionException(
                cause));
        assertEquals(409, answer.getStatus());
        assertTrue(answer.getEntity().type().endsWith("/stale-version"), answer.getEntity().type());
    }
}
